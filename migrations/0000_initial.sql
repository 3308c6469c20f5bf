CREATE TABLE `certificate_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`from_canonical` text NOT NULL,
	`from_match_key` text NOT NULL,
	`to_certificate_id` integer NOT NULL,
	`source` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`to_certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_links_uq` ON `certificate_links` (`from_match_key`,`to_certificate_id`);--> statement-breakpoint
CREATE INDEX `certificate_links_to_idx` ON `certificate_links` (`to_certificate_id`);--> statement-breakpoint
CREATE TABLE `certificate_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` integer NOT NULL,
	`document_type` text NOT NULL,
	`as_issued` text NOT NULL,
	`approval_date` text,
	`effective_date` text,
	`expiry_date` text,
	`product_name` text,
	`holder` text,
	`holder_address` text,
	`production_address` text,
	`agent_name` text,
	`agent_address` text,
	`model_spec` text,
	`structure` text,
	`scope` text,
	`approval_department` text,
	`change_description` text,
	`remarks` text,
	`source` text NOT NULL,
	`source_ref` text,
	`source_row` integer,
	`fetched_at` text NOT NULL,
	`import_run_id` integer,
	`content_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `certificate_versions_certificate_idx` ON `certificate_versions` (`certificate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_versions_content_uq` ON `certificate_versions` (`certificate_id`,`content_hash`);--> statement-breakpoint
CREATE TABLE `certificates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`canonical` text NOT NULL,
	`match_key` text NOT NULL,
	`recode_key` text,
	`family` text NOT NULL,
	`authority` text NOT NULL,
	`city` text,
	`form` text,
	`origin` text NOT NULL,
	`year` integer NOT NULL,
	`management_class` integer NOT NULL,
	`code` text,
	`serial` text NOT NULL,
	`product_name` text,
	`holder` text,
	`approval_date` text,
	`effective_date` text,
	`expiry_date` text,
	`current_version_id` integer,
	`dates_known` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_canonical_uq` ON `certificates` (`canonical`);--> statement-breakpoint
CREATE INDEX `certificates_match_key_idx` ON `certificates` (`match_key`);--> statement-breakpoint
CREATE INDEX `certificates_recode_key_idx` ON `certificates` (`recode_key`);--> statement-breakpoint
CREATE TABLE `import_rejections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`import_run_id` integer NOT NULL,
	`row` integer NOT NULL,
	`column` text,
	`reason` text NOT NULL,
	`value` text,
	FOREIGN KEY (`import_run_id`) REFERENCES `import_runs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `import_rejections_run_idx` ON `import_rejections` (`import_run_id`);--> statement-breakpoint
CREATE TABLE `import_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`source` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`versions_added` integer DEFAULT 0 NOT NULL,
	`unchanged_rows` integer DEFAULT 0 NOT NULL,
	`rejected_rows` integer DEFAULT 0 NOT NULL,
	`certificates_created` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `import_runs_sha256_idx` ON `import_runs` (`sha256`);
CREATE TABLE `api_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`organisation` text NOT NULL,
	`role` text NOT NULL,
	`key_hash` text NOT NULL,
	`prefix` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`revoked_at` text,
	`revoked_by` text,
	`last_used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_keys_hash_uq` ON `api_keys` (`key_hash`);--> statement-breakpoint
CREATE INDEX `api_keys_role_idx` ON `api_keys` (`role`);--> statement-breakpoint
CREATE TABLE `callback_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`url` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_attempt_at` text,
	`last_status_code` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text
);
--> statement-breakpoint
CREATE INDEX `callback_deliveries_due_idx` ON `callback_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `callback_deliveries_ticket_idx` ON `callback_deliveries` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `ticket_attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`sha256` text NOT NULL,
	`media_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`file_name` text NOT NULL,
	`uploaded_by` text NOT NULL,
	`uploaded_by_name` text,
	`uploaded_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_attachments_uq` ON `ticket_attachments` (`ticket_id`,`sha256`);--> statement-breakpoint
CREATE TABLE `ticket_lookup_days` (
	`ticket_id` integer NOT NULL,
	`day` text NOT NULL,
	`count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`ticket_id`, `day`),
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `ticket_requesters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` integer NOT NULL,
	`organisation` text NOT NULL,
	`contact` text,
	`callback_url` text,
	`request_count` integer DEFAULT 0 NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ticket_requesters_uq` ON `ticket_requesters` (`ticket_id`,`organisation`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`canonical` text NOT NULL,
	`match_key` text NOT NULL,
	`family` text NOT NULL,
	`status` text NOT NULL,
	`request_count` integer DEFAULT 0 NOT NULL,
	`requester_count` integer DEFAULT 0 NOT NULL,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`claimed_by` text,
	`claimed_by_name` text,
	`claimed_at` text,
	`claim_expires_at` text,
	`resolution` text,
	`reject_reason` text,
	`correct_number` text,
	`reject_note` text,
	`closed_by` text,
	`closed_by_name` text,
	`closed_at` text,
	`certificate_version_id` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_active_match_key_uq` ON `tickets` (`match_key`) WHERE status IN ('open', 'claimed');--> statement-breakpoint
CREATE INDEX `tickets_match_key_idx` ON `tickets` (`match_key`,`status`);--> statement-breakpoint
CREATE INDEX `tickets_status_demand_idx` ON `tickets` (`status`,`request_count`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_status_age_idx` ON `tickets` (`status`,`first_seen_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_demand_idx` ON `tickets` (`request_count`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_age_idx` ON `tickets` (`first_seen_at`,`id`);--> statement-breakpoint
CREATE INDEX `tickets_claim_expiry_idx` ON `tickets` (`status`,`claim_expires_at`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`job` text NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`heartbeat_at` text NOT NULL,
	`finished_at` text,
	`counts` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `job_runs_job_idx` ON `job_runs` (`job`,`id`);--> statement-breakpoint
CREATE TABLE `source_pages` (
	`source` text NOT NULL,
	`url` text NOT NULL,
	`etag` text,
	`last_modified` text,
	`outcome` text NOT NULL,
	`http_status` integer,
	`records` integer DEFAULT 0 NOT NULL,
	`versions_added` integer DEFAULT 0 NOT NULL,
	`error` text,
	`fetched_at` text NOT NULL,
	`last_success_at` text,
	PRIMARY KEY(`source`, `url`)
);
--> statement-breakpoint
CREATE TABLE `udi_device_certificates` (
	`record_key` text NOT NULL,
	`match_key` text NOT NULL,
	`canonical` text NOT NULL,
	PRIMARY KEY(`record_key`, `match_key`),
	FOREIGN KEY (`record_key`) REFERENCES `udi_devices`(`record_key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `udi_device_certificates_match_idx` ON `udi_device_certificates` (`match_key`);--> statement-breakpoint
CREATE TABLE `udi_devices` (
	`record_key` text PRIMARY KEY NOT NULL,
	`di` text NOT NULL,
	`version_number` integer DEFAULT 0 NOT NULL,
	`version_time` text,
	`version_status` text,
	`numbers_text` text,
	`product_name` text,
	`trade_name` text,
	`model_spec` text,
	`holder` text,
	`credit_code` text,
	`device_kind` text,
	`product_category` text,
	`catalogue_code` text,
	`old_catalogue_code` text,
	`withdrawn_on` text,
	`source_file` text NOT NULL,
	`udi_run_id` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `udi_devices_di_idx` ON `udi_devices` (`di`);--> statement-breakpoint
CREATE TABLE `udi_runs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`trigger` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`declared_devices` integer,
	`devices_read` integer DEFAULT 0 NOT NULL,
	`devices_added` integer DEFAULT 0 NOT NULL,
	`devices_updated` integer DEFAULT 0 NOT NULL,
	`devices_unchanged` integer DEFAULT 0 NOT NULL,
	`devices_stale` integer DEFAULT 0 NOT NULL,
	`devices_rejected` integer DEFAULT 0 NOT NULL,
	`versions_added` integer DEFAULT 0 NOT NULL,
	`certificates_created` integer DEFAULT 0 NOT NULL,
	`details` text,
	`error` text
);
--> statement-breakpoint
CREATE INDEX `udi_runs_sha256_idx` ON `udi_runs` (`sha256`);
CREATE TABLE `precheck_tickets` (
	`precheck_id` integer NOT NULL,
	`ticket_id` integer NOT NULL,
	`row` integer NOT NULL,
	`opened` integer NOT NULL,
	PRIMARY KEY(`precheck_id`, `ticket_id`),
	FOREIGN KEY (`precheck_id`) REFERENCES `prechecks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `precheck_tickets_ticket_idx` ON `precheck_tickets` (`ticket_id`);--> statement-breakpoint
CREATE TABLE `prechecks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ref` text NOT NULL,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`format` text NOT NULL,
	`actor` text NOT NULL,
	`status` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`error` text,
	`total_rows` integer DEFAULT 0 NOT NULL,
	`passed_rows` integer DEFAULT 0 NOT NULL,
	`corrected_rows` integer DEFAULT 0 NOT NULL,
	`not_reportable_rows` integer DEFAULT 0 NOT NULL,
	`not_listed_rows` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `prechecks_ref_unique` ON `prechecks` (`ref`);
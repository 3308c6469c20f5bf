CREATE TABLE `expiry_alerts` (
	`certificate_id` integer NOT NULL,
	`threshold` integer NOT NULL,
	`expiry_date` text NOT NULL,
	`change_id` integer NOT NULL,
	`raised_at` text NOT NULL,
	PRIMARY KEY(`certificate_id`, `threshold`, `expiry_date`),
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `subscription_deliveries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subscription_id` integer NOT NULL,
	`change_id` integer NOT NULL,
	`entity_key` text NOT NULL,
	`event` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text,
	`last_attempt_at` text,
	`last_status_code` integer,
	`last_error` text,
	`created_at` text NOT NULL,
	`delivered_at` text,
	FOREIGN KEY (`subscription_id`) REFERENCES `subscriptions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subscription_deliveries_change_uq` ON `subscription_deliveries` (`subscription_id`,`change_id`);--> statement-breakpoint
CREATE INDEX `subscription_deliveries_due_idx` ON `subscription_deliveries` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `subscription_deliveries_order_idx` ON `subscription_deliveries` (`subscription_id`,`entity_key`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation` text NOT NULL,
	`created_by` text NOT NULL,
	`callback_url` text NOT NULL,
	`secret` text NOT NULL,
	`numbers` text,
	`holders` text,
	`prefixes` text,
	`events` text,
	`expiring_days` text NOT NULL,
	`from_change_id` integer NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL,
	`failing_since` text,
	`paused_at` text,
	`paused_reason` text,
	`created_at` text NOT NULL,
	`deleted_at` text
);
--> statement-breakpoint
CREATE INDEX `subscriptions_organisation_idx` ON `subscriptions` (`organisation`,`id`);
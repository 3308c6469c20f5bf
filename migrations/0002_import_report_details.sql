ALTER TABLE `import_rejections` ADD `severity` text DEFAULT 'rejected' NOT NULL;--> statement-breakpoint
ALTER TABLE `import_rejections` ADD `message_zh` text;--> statement-breakpoint
ALTER TABLE `import_rejections` ADD `message_en` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `hint_rows_skipped` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `warning_rows` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `error_code` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `encoding` text;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `size_bytes` integer;
ALTER TABLE `import_runs` ADD `header_row` integer;--> statement-breakpoint
ALTER TABLE `import_runs` ADD `ignored_columns` text;
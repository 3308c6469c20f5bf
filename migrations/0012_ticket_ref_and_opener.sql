ALTER TABLE `tickets` ADD `ref` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `opened_by` text;--> statement-breakpoint
-- Written by hand: tickets opened before refs existed get one like a new ticket's (128 random bits
-- in hex), before the unique index needs them distinct. They have no opener: no quota counts them.
UPDATE `tickets` SET `ref` = lower(hex(randomblob(16)));--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_ref_uq` ON `tickets` (`ref`);--> statement-breakpoint
CREATE INDEX `tickets_opened_by_idx` ON `tickets` (`opened_by`,`first_seen_at`);
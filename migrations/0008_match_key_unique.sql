DROP INDEX `certificates_canonical_uq`;--> statement-breakpoint
DROP INDEX `certificates_match_key_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_match_key_uq` ON `certificates` (`match_key`);
-- The embedded search index, second shape (see 0005 for the design). Adds 4-gram columns for
-- product names and holders, so a query of 4 characters or more is one token or a phrase of
-- selective 4-grams instead of a phrase of dense bigrams (一次性使 was 3 bigrams in 127,000 rows),
-- and switches to the ascii tokenizer: the text is split by the application into space-separated
-- tokens already folded to lower case, and ascii (every non-ASCII character is a token character)
-- reads them faster than unicode61.
--
-- The old index cannot be converted; it is dropped with its document list, and
-- `certref search-reindex` (or any write, certificate by certificate) builds the new one.
DROP TABLE IF EXISTS `search_fts`;
--> statement-breakpoint
DELETE FROM `search_docs`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	num,
	name,
	holder,
	name4,
	holder4,
	content = '',
	contentless_delete = 1,
	tokenize = 'ascii'
);

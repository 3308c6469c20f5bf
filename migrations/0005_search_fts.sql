-- The embedded search index (src/search). FTS5 virtual tables cannot be declared in drizzle's schema,
-- so this migration is written by hand.
--
-- Why unicode61 over pre-split n-grams and not the trigram tokenizer: trigram cannot match a query
-- shorter than three characters, and 导管 or 支架 are what people type. The application splits each
-- field into overlapping n-grams itself (src/search/search-text.ts) and stores them space-separated,
-- so unicode61 sees one token per n-gram:
--   num    4-grams of the canonical number (digit bigrams are in nearly every number, so a fragment
--          such as 2019314 would have to intersect dense lists; 4-grams are selective);
--   name   bigrams of the product name;
--   holder bigrams of the holder's name.
-- Each position emits the n-gram starting there, shorter at the end of the field, so any substring
-- of length <= n is a prefix of one token (a prefix query) and any longer one is a phrase of
-- consecutive n-grams. Each column's tokens start with its own private-use marker (U+E000..U+E002),
-- so the three vocabularies never share a doclist.
--
-- Contentless (content=''): the text is rebuilt from `certificates` whenever needed, never read back.
-- The rowid is not the certificate id but packs the facet code above it (src/search/doc-code.ts),
-- so totals, facet counts and filters never touch another table.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	num,
	name,
	holder,
	content = '',
	contentless_delete = 1,
	tokenize = 'unicode61 remove_diacritics 0'
);

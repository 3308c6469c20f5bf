-- FTS5 writes its pending terms to a new segment whenever they pass `hashsize` (1 MB by default),
-- and then merges those segments again and again. A bulk import batch indexes about 10,000
-- certificates (half a million terms): at 1 MB it left dozens of tiny segments per batch, and the
-- search index took 16 s of a 1,000,000-row import; at 64 MB each batch flushes once, at commit,
-- and it took 8 s. Small writes never come near the limit, so nothing changes for them; the memory
-- is held only inside a writing transaction. (EmbeddedSearchIndex.rebuild restores this value.)
INSERT INTO `search_fts` (`search_fts`, `rank`) VALUES ('hashsize', 67108864);

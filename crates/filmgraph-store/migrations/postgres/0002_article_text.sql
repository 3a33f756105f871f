-- filmgraph schema, version 2, PostgreSQL dialect of ../0002_article_text.sql.
--
-- articles.text: the whole input an article was read from, so that a reader
--   (the web UI) can show each cited sentence within its section. Facts'
--   start_byte..end_byte index into it.

ALTER TABLE articles ADD COLUMN text TEXT NOT NULL DEFAULT '';
CREATE INDEX facts_predicate ON facts (predicate);

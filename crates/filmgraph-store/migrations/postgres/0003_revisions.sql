-- filmgraph schema, version 3, PostgreSQL dialect of ../0003_revisions.sql:
-- the wiki page and revision each article read from a dump was, NULL for
-- articles read from plain-text and wikitext files.

ALTER TABLE articles ADD COLUMN site TEXT;
ALTER TABLE articles ADD COLUMN page_id BIGINT;
ALTER TABLE articles ADD COLUMN revision_id BIGINT;
ALTER TABLE articles ADD COLUMN revision_timestamp TEXT;
CREATE INDEX articles_site_page ON articles (site, page_id);

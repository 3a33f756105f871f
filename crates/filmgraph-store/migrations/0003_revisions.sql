-- filmgraph schema, version 3.
--
-- Articles read from a wiki dump remember which page and revision they are,
-- so that ingesting the next dump skips pages that did not change and
-- replaces those that did (see `Store::stored_revisions`):
--
-- site:               the wiki the dump is of (its `<dbname>`, e.g. `enwiki`),
--                     or the dump's file name when it names none
-- page_id:            the page's id on that wiki; a page keeps it when renamed
-- revision_id:        the id of the revision that was read
-- revision_timestamp: that revision's time stamp as the dump writes it
--                     (`2018-08-14T06:47:24Z`), or '' when it has none
--
-- All four are NULL for articles read from plain-text and wikitext files.

ALTER TABLE articles ADD COLUMN site TEXT;
ALTER TABLE articles ADD COLUMN page_id INTEGER;
ALTER TABLE articles ADD COLUMN revision_id INTEGER;
ALTER TABLE articles ADD COLUMN revision_timestamp TEXT;
CREATE INDEX articles_site_page ON articles (site, page_id);

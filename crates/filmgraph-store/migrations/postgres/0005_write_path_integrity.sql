-- filmgraph schema, version 5 (PostgreSQL only): the write path keeps the
-- references of `facts` itself, and article text is compressed with lz4.
--
-- Measured on a 3,600-article import (134k facts, BENCHMARKS.md): the three
-- foreign keys of `facts` cost two thirds of its insert time (a trigger and
-- a row lock per fact and key: 5.2 s of 8 s), and pglz compression of the
-- article text most of the articles' (2.3 s). The guarantees stay, kept in
-- one place, src/postgres/write.rs and batch.rs, all SERIALIZABLE:
-- * a fact's article: facts are written with their article in one
--   transaction and deleted with it by the same statement;
-- * a fact's subject and object entities: the writer inserts them, then
--   locks and reads them (`FOR KEY SHARE`, one statement per batch, failing
--   if any is missing) before it inserts the facts. A concurrent cleanup that
--   deletes an entity it found unnamed either waits for that lock or is
--   caught by serializable isolation (it read "no facts name it"; the writer
--   read the entity it deletes) and retried.
-- The store's tests check for dangling references after concurrent writers.

ALTER TABLE facts DROP CONSTRAINT IF EXISTS facts_article_id_fkey;
ALTER TABLE facts DROP CONSTRAINT IF EXISTS facts_subject_id_fkey;
ALTER TABLE facts DROP CONSTRAINT IF EXISTS facts_object_id_fkey;

-- lz4 needs PostgreSQL 14 built with it (Debian's is); elsewhere the text
-- stays compressed as before.
DO $$
BEGIN
    EXECUTE 'ALTER TABLE articles ALTER COLUMN text SET COMPRESSION lz4';
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'article text stays pglz-compressed: %', SQLERRM;
END
$$;

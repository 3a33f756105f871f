-- filmgraph schema, version 1.
--
-- entities: the films, other works and people the facts are about. `id` is
--   derived from the kind's namespace and the name (see src/key.rs), so the same
--   person named in two articles is one row.
-- articles: one row per ingested article, identified by its title.
-- facts: what each article states, with the sentence it was read from. An
--   article's facts are replaced together when it is ingested again.

CREATE TABLE entities (
    id          TEXT PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('film', 'work', 'person')),
    name        TEXT NOT NULL,
    -- the name lower-cased, accents removed: what lookups and search compare
    folded      TEXT NOT NULL,
    -- the same without a trailing disambiguation: `lost bullet`
    folded_base TEXT NOT NULL
);
CREATE INDEX entities_folded ON entities (folded);
CREATE INDEX entities_folded_base ON entities (folded_base);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL UNIQUE,
    display_title TEXT,
    entity_id     TEXT NOT NULL REFERENCES entities (id),
    source_path   TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    ingested_at   TEXT NOT NULL
);
CREATE INDEX articles_entity ON articles (entity_id);

CREATE TABLE facts (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    -- position in the extractor's output, so facts come back in article order
    ordinal     INTEGER NOT NULL,
    subject     TEXT NOT NULL,
    subject_id  TEXT NOT NULL REFERENCES entities (id),
    predicate   TEXT NOT NULL,
    object      TEXT NOT NULL,
    -- set where the object is a film, work or person
    object_id   TEXT REFERENCES entities (id),
    qualifiers  TEXT NOT NULL DEFAULT '{}', -- JSON object of strings
    section     TEXT NOT NULL,
    start_byte  INTEGER NOT NULL,
    end_byte    INTEGER NOT NULL,
    -- the input bytes start_byte..end_byte: the cited sentence or infobox line
    sentence    TEXT NOT NULL,
    refs        TEXT NOT NULL DEFAULT '[]', -- JSON array of citations
    UNIQUE (article_id, ordinal)
);
CREATE INDEX facts_subject ON facts (subject_id);
CREATE INDEX facts_object ON facts (object_id);

-- filmgraph schema (PostgreSQL), version 6: the dialect of
-- ../0005_redirects.sql (see there).

CREATE TABLE redirects (
    title  TEXT COLLATE "C" PRIMARY KEY,
    target TEXT COLLATE "C" NOT NULL,
    folded TEXT COLLATE "C" NOT NULL
);
CREATE INDEX redirects_by_target ON redirects (target);
CREATE INDEX redirects_by_folded ON redirects (folded);

-- filmgraph schema, version 4, PostgreSQL dialect of ../0004_changes.sql.
--
-- Numbers are handed out while the writing transaction holds an advisory
-- lock that it keeps until it commits (see src/postgres/write.rs), so a
-- reader that sees change n also sees every change before it: following
-- `seq > last` never skips a write that commits late.

CREATE TABLE changes (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title      TEXT COLLATE "C" NOT NULL,
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- filmgraph schema, version 4.
--
-- changes: one row each time an article is stored or removed, numbered in
--   the order the writes committed. A process that keeps something derived
--   from the store (each `filmgraph serve` keeps a search index) reads the
--   rows after the last one it applied and refreshes those articles (see
--   `Store::changes_since`). Rows are small; nothing prunes them yet.

CREATE TABLE changes (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

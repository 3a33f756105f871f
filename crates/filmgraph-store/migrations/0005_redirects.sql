-- filmgraph schema, version 5.
--
-- redirects: the redirect pages of the dumps ingested (`#REDIRECT [[Target]]`),
--   each an alternative title of its target. A title found nowhere else
--   leads to its target (`Store::film_or_redirect`), and a film lists the
--   titles that redirect to it (`Store::redirects_to`). `folded` is the title
--   as lookups compare it (see `fold`).

CREATE TABLE redirects (
    title  TEXT PRIMARY KEY,
    target TEXT NOT NULL,
    folded TEXT NOT NULL
);
CREATE INDEX redirects_by_target ON redirects (target);
CREATE INDEX redirects_by_folded ON redirects (folded);

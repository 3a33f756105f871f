#!/usr/bin/env python3
"""Writes the request paths the search benchmark replays: OUT_DIR/search.txt
(queries made from the corpus: whole titles, a word or two, a typo, a cast
member, a prefix, with and without year filters) and OUT_DIR/films.txt (film
ids read from the database).

    python3 scripts/bench_paths.py DB OUT_DIR [CORPUS_DIR]

CORPUS_DIR is read as scripts/corpus_to_articles.py reads it.
"""

import os
import random
import sqlite3
import sys
import urllib.parse

from corpus_to_articles import load_films


def typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word
    i = rng.randrange(1, len(word) - 2)
    return word[:i] + word[i + 1] + word[i] + word[i + 2 :]


def main() -> None:
    db, out = sys.argv[1], sys.argv[2]
    corpus = sys.argv[3] if len(sys.argv) > 3 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "corpus", "prust-wikipedia-movie-data"
    )
    rng = random.Random(42)
    films = load_films(corpus)
    queries = []
    for film in rng.sample(films, 2000):
        words = [w for w in film["title"].split() if w.isalnum()]
        if not words:
            continue
        kind = len(queries) % 6
        if kind == 0:
            q = film["title"]
        elif kind == 1:
            q = " ".join(words[:2])
        elif kind == 2:
            q = " ".join(typo(w, rng) for w in words[:2])
        elif kind == 3 and film.get("cast"):
            q = rng.choice(film["cast"])
        elif kind == 4:
            q = words[0][:4]
        else:
            q = words[-1]
        params = {"q": q}
        if len(queries) % 5 == 0:
            params["year_from"] = str(film["year"] - 10)
            params["year_to"] = str(film["year"] + 10)
        queries.append("/api/search?" + urllib.parse.urlencode(params))
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "search.txt"), "w") as f:
        f.write("\n".join(queries) + "\n")
    ids = [row[0] for row in sqlite3.connect(db).execute(
        "SELECT id FROM entities WHERE kind = 'film' ORDER BY random() LIMIT 2000")]
    with open(os.path.join(out, "films.txt"), "w") as f:
        f.write("\n".join("/api/films/" + urllib.parse.quote(i, safe=":") for i in ids) + "\n")
    print(len(queries), len(ids))


if __name__ == "__main__":
    main()

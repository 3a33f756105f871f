#!/usr/bin/env python3
"""Writes the films of ../shared/corpus/prust-wikipedia-movie-data (or of
../shared/corpus/gmdb-dbpedia-films-2008-2014, given as CORPUS_DIR) as plain-text
articles, one file per film: `= Title =`, a blank line, and the film's extract
or DBpedia abstract (or, for the few films without one, a sentence made from the
record's year, genres and cast). Titles that several films share get a disambiguation, as
Wikipedia does: `Title (1999 film)`.

    python3 scripts/corpus_to_articles.py OUT_DIR [CORPUS_DIR]

Prints how many articles it wrote. File names are short (`00001.txt`) so a
whole directory fits on one command line.
"""

import glob
import json
import os
import sys
from collections import Counter


def load_films(corpus: str) -> list:
    """The films of a corpus directory as dicts: title, year (int), extract, cast."""
    films = []
    for path in sorted(glob.glob(os.path.join(corpus, "movies-*.json"))):
        with open(path, encoding="utf-8") as f:
            films.extend(json.load(f))
    # gmdb: one film a line, the lead in `abstract_en`, cast in `starring`.
    for path in sorted(glob.glob(os.path.join(corpus, "gmdb_*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                films.append({
                    "title": r["title"],
                    "year": int(r["year"]),
                    "extract": r.get("abstract_en") or "",
                    "cast": r.get("starring") or [],
                })
    films = [f for f in films if f["title"].strip()]  # gmdb has a few without one
    if not films:
        sys.exit(f"no films found in {corpus}")
    return films


def main() -> None:
    out = sys.argv[1]
    corpus = sys.argv[2] if len(sys.argv) > 2 else os.path.join(
        os.path.dirname(__file__), "..", "..", "shared", "corpus", "prust-wikipedia-movie-data"
    )
    films = load_films(corpus)
    os.makedirs(out, exist_ok=True)
    shared = Counter(f["title"].strip() for f in films)
    used = Counter()
    for n, film in enumerate(films, 1):
        title = " ".join(film["title"].split())
        if shared[title] > 1:
            title = f"{title} ({film['year']} film)"
        used[title] += 1
        if used[title] > 1:
            title = f"{title[:-1]} {used[title]})" if title.endswith(")") else f"{title} ({used[title]})"
        text = (film.get("extract") or "").strip()
        if not text:
            genres = " ".join(g.lower() for g in film.get("genres") or [])
            cast = film.get("cast") or []
            text = f"{film['title']} is a {film['year']} {genres + ' ' if genres else ''}film"
            text += f" starring {', '.join(cast[:-1])} and {cast[-1]}." if len(cast) > 1 else (
                f" starring {cast[0]}." if cast else "."
            )
        with open(os.path.join(out, f"{n:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"= {title} =\n\n{text}\n")
    print(len(films))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score prose extraction on the 12,996 DBpedia leads of
../shared/corpus/gmdb-dbpedia-films-2008-2014 (a second real lead corpus,
international films) against its director and starring lists.

    python3 scripts/gmdb_eval.py [--facts CMD] [--keep DIR]

Writes the leads as articles (scripts/corpus_to_articles.py), runs `filmgraph
facts` (default target/release/filmgraph facts) over them, turns the records
into gold facts (director, cast_member, year; names kept in DBpedia's
"Surname, Given" form are turned round), and prints score_facts.py's table
for those three predicates. The starring lists come from the infobox, not the
lead, so recall is bounded by what leads name; precision is the figure to
watch.
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from corpus_to_articles import load_films  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..")
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "gmdb-dbpedia-films-2008-2014")


def turned(name: str) -> str:
    if name.count(",") == 1:
        surname, given = (p.strip() for p in name.split(","))
        return f"{given} {surname}"
    return name


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--facts", default=os.path.join(ROOT, "target", "release", "filmgraph") + " facts")
    ap.add_argument("--keep", help="a directory to keep the articles and facts in")
    a = ap.parse_args()
    work = a.keep or tempfile.mkdtemp()
    articles = os.path.join(work, "articles")
    subprocess.run([sys.executable, os.path.join(os.path.dirname(__file__), "corpus_to_articles.py"),
                    articles, CORPUS], check=True, stdout=subprocess.DEVNULL)
    # The titles the articles got (disambiguated where several films share one).
    titles = []
    for path in sorted(glob.glob(os.path.join(articles, "*.txt"))):
        with open(path, encoding="utf-8") as f:
            titles.append(f.readline().strip().strip("=").strip())
    records = [json.loads(l) for l in open(glob.glob(os.path.join(CORPUS, "gmdb_*.jsonl"))[0], encoding="utf-8")]
    records = [r for r in records if r["title"].strip()]
    assert len(records) == len(titles) == len(load_films(CORPUS))
    gold = os.path.join(work, "gold.jsonl")
    with open(gold, "w", encoding="utf-8") as out:
        for title, r in zip(titles, records):
            facts = [("year", r["year"])]
            facts += [("director", turned(d)) for d in r["directors"]]
            facts += [("cast_member", turned(c)) for c in r["starring"]]
            for predicate, obj in facts:
                out.write(json.dumps({"subject": title, "predicate": predicate, "object": obj}) + "\n")
    got = os.path.join(work, "facts.jsonl")
    files = sorted(glob.glob(os.path.join(articles, "*.txt")))
    with open(got, "w", encoding="utf-8") as out:
        for i in range(0, len(files), 2000):
            subprocess.run(a.facts.split() + files[i:i + 2000], stdout=out, stderr=subprocess.DEVNULL)
    # score_facts.py compares every gold fact with every extracted one: far
    # too slow for 100,000 facts at once, so its `score` runs per article
    # and the counts are summed; the table is printed as score_facts.py does.
    sys.path.insert(0, os.path.join(ROOT, "..", "shared", "tools"))
    import score_facts  # noqa: E402

    keep = ("director", "cast_member", "year")
    by_subject = {}
    for f in score_facts.load(gold):
        by_subject.setdefault(f["subject"], ([], []))[0].append(f)
    for f in score_facts.load(got):
        if f["predicate"] in keep and f["subject"] in by_subject:
            by_subject[f["subject"]][1].append(f)
    totals = {p: [0, 0, 0] for p in keep}
    for gold_facts, got_facts in by_subject.values():
        for p, row in score_facts.score(gold_facts, got_facts, keep).items():
            if p in totals:
                totals[p] = [a + b for a, b in zip(totals[p], row)]
    print(f"{'predicate':28} {'gold':>5} {'got':>5} {'ok':>5} {'P':>6} {'R':>6} {'F1':>6}")
    for p in keep:
        tp, g, e = totals[p]
        pr, rc, f1 = score_facts.prf(tp, g, e)
        print(f"{p:28} {g:5} {e:5} {tp:5} {pr:6.3f} {rc:6.3f} {f1:6.3f}")
    tp, g, e = (sum(v[i] for v in totals.values()) for i in range(3))
    pr, rc, f1 = score_facts.prf(tp, g, e)
    print(f"{'micro':28} {g:5} {e:5} {tp:5} {pr:6.3f} {rc:6.3f} {f1:6.3f}")

if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Infobox values against infobox truth: the movies-etl corpus
(`shared/corpus/movies-etl-wikipedia-infobox/wikipedia-movies.json`, the
rendered infobox of ~7,000 films) written out as plain-text articles (a
`= Title =` line and one `- Key: Value` line a field, list items joined by
commas, as in the reference article), read back by `filmgraph facts`, and
each predicate's objects compared with the record's items.

Usage: infobox_truth.py [--bin target/release/filmgraph] [--limit N]
                        [--errors PREDICATE] [--keep DIR]

Prints a table a predicate (gold items, extracted, right, P, R, F1) and,
with --errors, the misses and extras of one predicate. The gold is the
record's own items, cleaned the way a reader would: footnote marks (`[1]`)
and bracketed notes (`(US)`, `(Score)`) dropped; money is the first amount
in the value (a range gives its lower bound), in digits. A country under
another name of its ("USA", "U.S.", "UK") is scored as the one name the
graph gives it ("United States").
"""
import argparse, collections, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "shared", "corpus", "movies-etl-wikipedia-infobox",
                    "wikipedia-movies.json")

PEOPLE = {
    "Directed by": "director",
    "Produced by": "producer",
    "Screenplay by": "screenwriter",
    "Written by": "screenwriter",
    "Starring": "cast_member",
    "Narrated by": "narrator",
    "Music by": "composer",
    "Cinematography": "cinematographer",
    "Edited by": "editor",
    "Productioncompany ": "production_company",
    "Productioncompanies ": "production_company",
    "Distributed by": "distributor",
    "Country": "country_of_origin",
    "Language": "original_language",
}
MONEY = {"Budget": "budget", "Box office": "box_office"}
ORDER = ["Directed by", "Produced by", "Screenplay by", "Written by", "Starring",
         "Based on", "Narrated by", "Music by", "Cinematography", "Edited by",
         "Productioncompany ",
         "Productioncompanies ", "Distributed by", "Release date", "Running time",
         "Country", "Language", "Budget", "Box office"]

FOOTNOTE = re.compile(r"\[\s*(?:\d+|[a-z]|(?:note|nb) \d+|citation needed)\s*\]", re.I)


COUNTRY_NAMES = {
    "United States of America": "United States", "USA": "United States",
    "U.S.A.": "United States", "U.S.A": "United States", "US": "United States",
    "U.S.": "United States", "UK": "United Kingdom", "U.K.": "United Kingdom",
    "Great Britain": "United Kingdom", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
}


def as_list(value):
    return value if isinstance(value, list) else [value]


def rendered(value, sep=", "):
    """The value as one line: items joined by commas (`sep`), bracketed items
    glued to the item before ("January 5, 1990 (1990-01-05) (US)"), footnote
    marks dropped."""
    out = []
    items = [" ".join(FOOTNOTE.sub("", str(v)).split()) for v in as_list(value)]
    i = 0
    while i < len(items):
        item = items[i]
        if item == "(" and i + 2 < len(items) and items[i + 2] == ")":
            if out:
                out[-1] += " (" + items[i + 1] + ")"
            i += 3
            continue
        if item.startswith("(") and item.endswith(")") and out:
            out[-1] += " " + item
        elif item in ("(", ")", ""):
            pass
        else:
            out.append(item)
        i += 1
    return sep.join(out)


def clean_items(value):
    items = []
    for item in as_list(value):
        item = FOOTNOTE.sub("", str(item)).strip()
        if not item or item.startswith("(") or item.endswith(")") and "(" not in item:
            continue
        item = re.sub(r"\s*\([^)]*\)\s*$", "", item).strip()
        if item:
            items.append(item)
    return items


SCALES = {"million": 1e6, "billion": 1e9, "crore": 1e7, "lakh": 1e5}
NUMBER = r"(\d[\d,]*(?:\.\d+)?)\s*(million|billion|crores?|lakhs?)?"
MONEY_RE = re.compile(NUMBER + r"(?:\s*(?:-|–|—|to)\s*\D{0,3}?\s*" + NUMBER + ")?", re.I)


def money(value):
    """The first amount of the value, in digits; both bounds of a range
    ("$5–7 million", "$80–$85 million")."""
    text = FOOTNOTE.sub("", " ".join(str(v) for v in as_list(value)))
    m = MONEY_RE.search(text)
    if not m:
        return set()
    scale = lambda word: SCALES.get((word or "").lower().rstrip("s"), 1)
    low_scale = scale(m.group(2)) if m.group(2) else scale(m.group(4))
    out = {str(int(round(float(m.group(1).replace(",", "")) * low_scale)))}
    if m.group(3):
        out.add(str(int(round(float(m.group(3).replace(",", "")) * scale(m.group(4))))))
    return out


def title_of(record):
    return record["url"].rsplit("/wiki/", 1)[-1].replace("_", " ")


def article(record):
    title = title_of(record)
    lines = [f"= {title} =", "", record.get("title") or title]
    for key in ORDER:
        if key in record and record[key]:
            # Money is one amount split into items by the scrape ("$55",
            # "million"): its items are joined with spaces.
            sep = " " if key in MONEY or key == "Based on" else ", "
            lines.append(f"- {key.strip()}: {rendered(record[key], sep)}")
    lines += ["", f"{title} is a {record.get('year', '')} film.", ""]
    return "\n".join(lines)


def gold(record):
    out = collections.defaultdict(set)
    for key, predicate in PEOPLE.items():
        if key in record:
            items = clean_items(record[key])
            if predicate == "country_of_origin":
                items = [COUNTRY_NAMES.get(item, item) for item in items]
            out[predicate].update(items)
    for key, predicate in MONEY.items():
        if key in record:
            out[predicate].update(money(record[key]))
    if "Running time" in record:
        m = re.search(r"(\d+)\s*min", " ".join(str(v) for v in as_list(record["Running time"])))
        if m:
            out["duration_minutes"].add(m.group(1))
    if "Based on" in record:
        # "The Three Musketeers", "by", "Alexandre Dumas": the work, then its
        # author (the author is scored as "work | author").
        text = rendered(record["Based on"], " ")
        work, _, author = text.partition(" by ")
        work = re.sub(r"\s*\([^)]*\)\s*$", "", work).strip()
        if work:
            out["based_on"].add(work)
        if work and author:
            out["based_on_author"].add(f"{work} | {author.strip()}")
    if "Release date" in record:
        text = " ".join(str(v) for v in as_list(record["Release date"]))
        out["release_date"].update(re.findall(r"\b\d{4}-\d\d-\d\d\b", text))
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(HERE, "..", "target", "release", "filmgraph"))
    parser.add_argument("--limit", type=int)
    parser.add_argument("--errors")
    parser.add_argument("--keep")
    args = parser.parse_args()

    records = [r for r in json.load(open(DATA, encoding="utf-8")) if r.get("url")
               and "Directed by" in r]
    if args.limit:
        records = records[: args.limit]
    workdir = args.keep or tempfile.mkdtemp(prefix="infobox-truth-")
    os.makedirs(workdir, exist_ok=True)
    by_title = {}
    paths = []
    for n, record in enumerate(records):
        title = title_of(record)
        if title in by_title:
            continue
        by_title[title] = record
        path = os.path.join(workdir, f"{n:05d}.txt")
        with open(path, "w", encoding="utf-8") as f:
            f.write(article(record))
        paths.append(path)
    got = collections.defaultdict(lambda: collections.defaultdict(set))
    for i in range(0, len(paths), 2000):
        out = subprocess.run([args.bin, "facts", "-q", *paths[i:i + 2000]],
                             capture_output=True, text=True)
        for line in out.stdout.splitlines():
            fact = json.loads(line)
            got[fact["subject"]][fact["predicate"]].add(fact["object"])
            author = fact.get("qualifiers", {}).get("author")
            if fact["predicate"] == "based_on" and author:
                got[fact["subject"]]["based_on_author"].add(f"{fact['object']} | {author}")

    predicates = sorted(set(PEOPLE.values()) | set(MONEY.values())
                        | {"duration_minutes", "release_date", "based_on", "based_on_author"})
    totals = {p: [0, 0, 0] for p in predicates}
    errors = []
    for title, record in by_title.items():
        want = gold(record)
        have = got.get(title, {})
        for p in predicates:
            g, h = want.get(p, set()), have.get(p, set())
            if not g:
                continue  # the record has no truth for it: not scored
            fold = lambda s: s.casefold().replace("–", "-")
            gf, hf = {fold(x) for x in g}, {fold(x) for x in h}
            totals[p][0] += len(gf)
            totals[p][1] += len(hf)
            totals[p][2] += len(gf & hf)
            if args.errors == p:
                for x in sorted(gf - hf):
                    errors.append(f"MISS  {title}: {x}    [{rendered(record_value(record, p))}]")
                for x in sorted(hf - gf):
                    errors.append(f"EXTRA {title}: {x}    [{rendered(record_value(record, p))}]")
    print(f"{'predicate':22} {'gold':>6} {'got':>6} {'ok':>6} {'P':>6} {'R':>6} {'F1':>6}")
    all_ = [0, 0, 0]
    for p in predicates:
        g, h, ok = totals[p]
        all_ = [a + b for a, b in zip(all_, totals[p])]
        pr, rc = ok / h if h else 0, ok / g if g else 0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0
        print(f"{p:22} {g:6} {h:6} {ok:6} {pr:6.3f} {rc:6.3f} {f1:6.3f}")
    g, h, ok = all_
    pr, rc = ok / h, ok / g
    print(f"{'micro':22} {g:6} {h:6} {ok:6} {pr:6.3f} {rc:6.3f} {2 * pr * rc / (pr + rc):6.3f}")
    for e in errors:
        print(e)


def record_value(record, predicate):
    for key, p in list(PEOPLE.items()) + list(MONEY.items()):
        if p == predicate and key in record:
            return record[key]
    return {"duration_minutes": record.get("Running time", ""),
            "based_on": record.get("Based on", ""),
            "based_on_author": record.get("Based on", ""),
            "release_date": record.get("Release date", "")}.get(predicate, "")


if __name__ == "__main__":
    main()

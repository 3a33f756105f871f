#!/usr/bin/env python3
"""Score filmgraph's prose extraction on the film documents of Re-DocRED.

Re-DocRED (shared/corpus/re-docred) annotates Wikipedia leads with Wikidata
relations. For the 20 documents about films and episodes, this script:
  1. writes each document as a plain-text article (`= Title =` + the lead,
     tokens re-joined with ordinary punctuation spacing);
  2. runs `filmgraph facts` (or the command given with --facts) on them;
  3. turns the human relations whose head is the document's own entity into
     FACTS.md gold facts with this mapping:
       P57 director, P161 cast_member, P58 screenwriter, P162 producer,
       P272 production_company, P750 distributor, P577 release_date,
       P495 country_of_origin, P364 original_language, P155 follows,
       P156 followed_by, P179 part_of_series
     (the object is the tail entity's longest mention: "Paul Robeson", not
     "Robeson"; a P577 date is turned into ISO form);
  4. offers each extracted `year` fact as a `release_date` of that year too,
     since Wikidata's publication date (P577) is what leads state as "a 1936
     film";
  5. prints score_facts.py's table.

Usage: scripts/redocred_eval.py [--facts "CMD"] [--keep DIR]
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "shared")
CORPUS = os.path.join(SHARED, "corpus", "re-docred")
MAPPING = {
    "P57": "director", "P161": "cast_member", "P58": "screenwriter", "P162": "producer",
    "P272": "production_company", "P750": "distributor", "P577": "release_date",
    "P495": "country_of_origin", "P364": "original_language", "P155": "follows",
    "P156": "followed_by", "P179": "part_of_series",
}
MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}


def detokenize(tokens):
    text = " ".join(tokens)
    text = re.sub(r" ([.,;:!?%)\]])", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    text = re.sub(r" ('s|'|n't)\b", r"\1", text)
    text = re.sub(r'" (.*?) "', r'"\1"', text)
    return text


def iso(date):
    d = date.strip().lower().replace(",", "")
    m = re.fullmatch(r"(\d{4})", d)
    if m:
        return m.group(1)
    m = re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})", d) or re.fullmatch(r"(\d{1,2}) ([a-z]+) (\d{4})", d)
    if m:
        a, b, y = m.groups()
        month, day = (a, b) if a in MONTHS else (b, a)
        if month in MONTHS:
            return f"{y}-{MONTHS[month]:02d}-{int(day):02d}"
    m = re.fullmatch(r"([a-z]+) (\d{4})", d)
    if m and m.group(1) in MONTHS:
        return f"{m.group(2)}-{MONTHS[m.group(1)]:02d}"
    return date


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--facts", default=os.path.join(HERE, "..", "target", "release", "filmgraph") + " facts")
    ap.add_argument("--keep")
    a = ap.parse_args()
    docs = json.load(open(os.path.join(CORPUS, "dev_revised.json"), encoding="utf-8"))
    titles = json.load(open(os.path.join(CORPUS, "dev_revised.film_titles.json"), encoding="utf-8"))
    work = a.keep or tempfile.mkdtemp()
    os.makedirs(work, exist_ok=True)
    gold, files = [], []
    for n, title in enumerate(titles):
        doc = next(d for d in docs if d["title"] == title)
        text = "= %s =\n\n%s\n" % (title, " ".join(detokenize(s) for s in doc["sents"]))
        path = os.path.join(work, "doc%02d.txt" % n)
        open(path, "w", encoding="utf-8").write(text)
        files.append(path)
        bare = re.sub(r"\s*\([^)]*\)\s*$", "", title).casefold()
        own = {i for i, v in enumerate(doc["vertexSet"])
               if any(m["name"].casefold() == bare for m in v)}
        for label in doc["labels"]:
            pred = MAPPING.get(label["r"])
            if pred is None or label["h"] not in own:
                continue
            tail = max((m["name"] for m in doc["vertexSet"][label["t"]]), key=len)
            obj = iso(tail) if pred == "release_date" else tail
            gold.append({"subject": title, "predicate": pred, "object": obj})
    gold_path = os.path.join(work, "gold.jsonl")
    with open(gold_path, "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    out = subprocess.run(a.facts.split() + files, capture_output=True, text=True)
    got_path = os.path.join(work, "extracted.jsonl")
    with open(got_path, "w", encoding="utf-8") as fh:
        for line in out.stdout.splitlines():
            fact = json.loads(line)
            fh.write(line + "\n")
            if fact["predicate"] == "year":
                fact = dict(fact, predicate="release_date")
                fh.write(json.dumps(fact, ensure_ascii=False) + "\n")
    print(f"{len(titles)} documents, {len(gold)} gold facts (work dir {work})")
    sys.stdout.flush()
    return subprocess.call([sys.executable, os.path.join(SHARED, "tools", "score_facts.py"), gold_path, got_path])


if __name__ == "__main__":
    sys.exit(main())

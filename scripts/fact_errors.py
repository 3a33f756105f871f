#!/usr/bin/env python3
"""List extraction errors against a gold set, per predicate: false positives
(extracted, not in gold) and misses (gold, not extracted), using the same
matching as shared/tools/score_facts.py.

Usage: fact_errors.py GOLD EXTRACTED [--pred P] [--limit N]
"""
import argparse, importlib.util, json, os, sys

here = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "score_facts", os.path.join(here, "..", "..", "shared", "tools", "score_facts.py"))
sf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sf)

ap = argparse.ArgumentParser()
ap.add_argument("gold"); ap.add_argument("extracted")
ap.add_argument("--pred"); ap.add_argument("--limit", type=int, default=40)
ap.add_argument("--kind", choices=["fp", "fn", "both"], default="both")
a = ap.parse_args()
gold = sf.load(a.gold); got = sf.load(a.extracted)
preds = {f["predicate"] for f in gold}
if a.pred: preds &= {a.pred}
got = [f for f in got if f["predicate"] in preds]
used = set(); misses = []
for g in gold:
    if g["predicate"] not in preds: continue
    i = sf.find(g, got, used)
    if i is None: misses.append(g)
    else: used.add(i)
fps = [f for i, f in enumerate(got) if i not in used]
if a.kind in ("fp", "both"):
    print(f"## false positives: {len(fps)}")
    for f in fps[: a.limit]:
        print("FP", f["subject"], "|", f["predicate"], "|", f["object"], f.get("qualifiers") or "")
if a.kind in ("fn", "both"):
    print(f"## misses: {len(misses)}")
    for f in misses[: a.limit]:
        print("FN", f["subject"], "|", f["predicate"], "|", f["object"])

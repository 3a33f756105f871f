#!/usr/bin/env python3
"""Score extracted facts only where the gold set covers them: an extracted
fact counts only if the gold set has at least one fact with the same subject
and predicate. Use it on partial gold sets (such as the piki fixtures, where
many films have gold for a few predicates only) beside the plain score.

Usage: score_covered.py GOLD EXTRACTED  (prints score_facts.py's table)
"""
import json, os, subprocess, sys, tempfile

gold_path, got_path = sys.argv[1], sys.argv[2]
def bare(s):
    import re
    return re.sub(r"\s*\([^)]*\)\s*$", "", s).casefold()
covered = set()
for line in open(gold_path, encoding="utf-8"):
    if line.strip():
        f = json.loads(line)
        covered.add((bare(f["subject"]), f["predicate"]))
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
    for line in open(got_path, encoding="utf-8"):
        if line.strip():
            f = json.loads(line)
            if (bare(f["subject"]), f["predicate"]) in covered:
                out.write(line)
scorer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools", "score_facts.py")
sys.exit(subprocess.call([sys.executable, scorer, gold_path, out.name] + sys.argv[3:]))

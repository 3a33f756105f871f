#!/usr/bin/env python3
"""Score extracted facts only where the gold set covers them: an extracted
fact counts only if the gold set has at least one fact with the same subject
and predicate. Use it on partial gold sets (such as the piki fixtures, where
many films have gold for a few predicates only) beside the plain score.

Usage: score_covered.py GOLD EXTRACTED [--cases CASES.jsonl --status S1,S2]
  (prints score_facts.py's table)

With --cases and --status, only the films whose case (piki's cases.jsonl:
title, status) has one of the statuses are scored, gold and extracted alike:
`--status verified_by_source_tests,known_broken_in_source_parser` keeps the
films whose gold is the source author's hand-written list.
"""
import argparse, json, os, re, subprocess, sys, tempfile

parser = argparse.ArgumentParser()
parser.add_argument("gold")
parser.add_argument("extracted")
parser.add_argument("--cases")
parser.add_argument("--status")
args, rest = parser.parse_known_args()

keep = None
if args.cases and args.status:
    wanted = set(args.status.split(","))
    keep = set()
    for line in open(args.cases, encoding="utf-8"):
        if line.strip():
            case = json.loads(line)
            if case.get("status") in wanted:
                keep.add(case["title"])

def bare(s):
    return re.sub(r"\s*\([^)]*\)\s*$", "", s).casefold()

def kept(fact):
    return keep is None or fact["subject"] in keep

covered = set()
gold_out = tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8")
for line in open(args.gold, encoding="utf-8"):
    if line.strip():
        f = json.loads(line)
        if kept(f):
            covered.add((bare(f["subject"]), f["predicate"]))
            gold_out.write(line)
gold_out.close()
with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as out:
    for line in open(args.extracted, encoding="utf-8"):
        if line.strip():
            f = json.loads(line)
            if kept(f) and (bare(f["subject"]), f["predicate"]) in covered:
                out.write(line)
scorer = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "tools", "score_facts.py")
sys.exit(subprocess.call([sys.executable, scorer, gold_out.name, out.name] + rest))

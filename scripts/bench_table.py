#!/usr/bin/env python3
"""The Markdown table of scripts/bench_dump.sh, from hyperfine's JSON results.

    bench_table.py DIR XML_BYTES PEER_XML_BYTES PAGES PEER_PAGES RSS_FACTS_KB RSS_INGEST_KB REINGEST_S

Reads DIR/round-*.json (one hyperfine run of every command per round) and
DIR/peer.json. Ratios are computed round by round, from commands timed
minutes apart, and their median is given beside the ratio of medians.
Wall-clock medians are what the targets are stated in; CPU seconds (user + system, mean) are given beside them
because on a shared machine the wall clock also measures the neighbours: a
one-thread command's CPU time is its wall time on an idle core, and a command
on two threads cannot take less wall time than half its CPU time.
"""
import datetime
import json
import os
import statistics
import sys

d, xml, peer_xml, pages, peer_pages, rss_f, rss_i, reingest = sys.argv[1:]
xml, peer_xml = int(xml), int(peer_xml)
rounds = sorted(
    (f for f in os.listdir(d) if f.startswith("round-") and f.endswith(".json")),
    key=lambda f: int(f[len("round-") : -len(".json")]),
)
per_round = [
    {r["command"]: r for r in json.load(open(os.path.join(d, f)))["results"]} for f in rounds
]
peer_rows = json.load(open(os.path.join(d, "peer.json")))["results"]
names = list(per_round[0]) + [r["command"] for r in peer_rows]
times = {n: [t for rnd in per_round for t in rnd[n]["times"]] for n in per_round[0]}
cpus = {n: [rnd[n]["user"] + rnd[n]["system"] for rnd in per_round] for n in per_round[0]}
for r in peer_rows:
    times[r["command"]] = r["times"]
    cpus[r["command"]] = [r["user"] + r["system"]]
wall = {n: statistics.median(times[n]) for n in names}
cpu = {n: statistics.mean(cpus[n]) for n in names}
runs = {n: len(times[n]) for n in names}


def size(name):
    return peer_xml if name.startswith("mwparserfromhell") else xml


def mbs(name, t=wall):
    return size(name) / 1e6 / t[name]


BZIP2 = "bzip2 -dc (single stream)"
LBZIP2 = "lbzip2 -dc -n 2 (multistream)"
FACTS = "filmgraph facts (single stream)"
INGEST = "filmgraph ingest (single stream, fresh SQLite)"
PEER = [n for n in wall if n.startswith("mwparserfromhell")][0]

print(
    f"Corpus: `make_bench_dump.py --pages {pages}` ({xml / 1e6:.0f} MB of XML); the Python "
    f"pipeline reads `--pages {peer_pages}` ({peer_xml / 1e6:.0f} MB) of the same generator. "
    f"{datetime.date.today()}, {os.cpu_count()} cores; medians of "
    f"{max(runs.values())} runs (the Python pipeline: {runs[PEER]}).\n"
)
print("| command | median wall s | MB/s of XML | vs `bzip2 -dc` | vs `lbzip2 -n 2` (multistream) | CPU s | MB per CPU s |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in wall:
    print(
        f"| {name} | {wall[name]:.1f} | {mbs(name):.1f} | {mbs(name) / mbs(BZIP2):.2f}x "
        f"| {mbs(name) / mbs(LBZIP2):.2f}x | {cpu[name]:.1f} | {mbs(name, cpu):.1f} |"
    )
print()


def paired(a, b):
    """`a`'s speed over `b`'s (`b`'s time over `a`'s), round by round: their
    median and each."""
    ratios = [rnd[b]["times"][0] / rnd[a]["times"][0] for rnd in per_round]
    return statistics.median(ratios), ", ".join(f"{x:.2f}" for x in ratios)


MULTI = "filmgraph facts (multistream)"
for label, a, b in [
    ("`facts` (single stream) / `bzip2 -dc`", FACTS, BZIP2),
    ("`facts` (multistream) / `lbzip2 -n 2` (multistream)", MULTI, LBZIP2),
    ("`ingest` / `facts` (single stream)", INGEST, FACTS),
]:
    median, each = paired(a, b)
    print(f"- {label}, speed, round by round: median {median:.2f} ({each})")
print(f"- `ingest` / `facts` (single stream, wall): {mbs(INGEST) / mbs(FACTS):.2f}")
print(f"- `facts` (single stream) / Python pipeline, MB/s: {mbs(FACTS) / mbs(PEER):.0f}x")
print(f"- peak RSS: `facts` {int(rss_f) / 1024:.0f} MB, `ingest` {int(rss_i) / 1024:.0f} MB")
print(f"- `ingest` of the same dump again (every page unchanged): {float(reingest):.1f} s wall")

#!/usr/bin/env python3
"""The Markdown table of scripts/bench_dump.sh, from hyperfine's JSON results.

    bench_table.py DIR XML_BYTES PEER_XML_BYTES PAGES PEER_PAGES RSS_FACTS_KB RSS_INGEST_KB REINGEST_S

Reads DIR/results.json and DIR/peer.json. Wall-clock medians are what the
targets are stated in; CPU seconds (user + system, mean) are given beside them
because on a shared machine the wall clock also measures the neighbours: a
one-thread command's CPU time is its wall time on an idle core, and a command
on two threads cannot take less wall time than half its CPU time.
"""
import datetime
import json
import os
import sys

d, xml, peer_xml, pages, peer_pages, rss_f, rss_i, reingest = sys.argv[1:]
xml, peer_xml = int(xml), int(peer_xml)
rows = json.load(open(os.path.join(d, "results.json")))["results"]
rows += json.load(open(os.path.join(d, "peer.json")))["results"]
wall = {r["command"]: r["median"] for r in rows}
cpu = {r["command"]: r["user"] + r["system"] for r in rows}
runs = {r["command"]: len(r["times"]) for r in rows}


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
print(f"- `ingest` / `facts` (single stream, wall): {mbs(INGEST) / mbs(FACTS):.2f}")
print(f"- `facts` (single stream) / Python pipeline, MB/s: {mbs(FACTS) / mbs(PEER):.0f}x")
print(f"- peak RSS: `facts` {int(rss_f) / 1024:.0f} MB, `ingest` {int(rss_i) / 1024:.0f} MB")
print(f"- `ingest` of the same dump again (every page unchanged): {float(reingest):.1f} s wall")

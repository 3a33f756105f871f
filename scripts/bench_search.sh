#!/usr/bin/env bash
# Benchmark, not a test: search latency and throughput of `filmgraph serve` over
# the 35,846 films of ../shared/corpus/prust-wikipedia-movie-data (or, with
# CORPUS=../shared/corpus/gmdb-dbpedia-films-2008-2014, the 12,996 of gmdb).
#
#   bash scripts/bench_search.sh            # results on stdout; copy to BENCHMARKS.md
#
# Steps: write the films as plain-text articles (scripts/corpus_to_articles.py),
# ingest them into a fresh database (which builds the search index), serve it
# on loopback, then drive it with wrk (apt-get install -y wrk):
#   1. /api/search, one connection: latency p50/p99 of a request alone (RUNS
#      times, default 3: quote the median run);
#   2. /api/search, 32 connections: throughput;
#   3. /api/films/{id}, 32 connections: throughput.
# wrk runs on the same machine and takes part of its cores.
#
# Environment: FILMGRAPH_BIN (default target/release/filmgraph, built if
# missing), BENCH_DIR (default a temporary directory, removed at the end),
# DURATION (default 20s), PORT (default 18090), THREADS (wrk threads, 2),
# CORPUS (a corpus directory, default prust), RUNS (latency runs, 3).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
BIN=${FILMGRAPH_BIN:-$ROOT/target/release/filmgraph}
if [ ! -x "$BIN" ]; then
    cargo build --release -p filmgraph-cli
fi
DURATION=${DURATION:-20s}
PORT=${PORT:-18090}
THREADS=${THREADS:-2}
RUNS=${RUNS:-3}
CORPUS=${CORPUS:-$ROOT/../shared/corpus/prust-wikipedia-movie-data}
if [ -n "${BENCH_DIR:-}" ]; then
    WORK=$BENCH_DIR
    mkdir -p "$WORK"
else
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
fi

echo "== corpus -> articles"
python3 scripts/corpus_to_articles.py "$WORK/articles" "$CORPUS"

echo "== ingest (and index)"
rm -rf "$WORK/bench.db" "$WORK/bench.db-index" "$WORK/bench.db-wal" "$WORK/bench.db-shm"
start=$(date +%s.%N)
(cd "$WORK/articles" && "$BIN" ingest --db "$WORK/bench.db" ./*.txt) 2>"$WORK/ingest.err" | tail -1
end=$(date +%s.%N)
echo "ingest + index: $(echo "$end - $start" | bc) s ($(grep -c '^error' "$WORK/ingest.err" || true) errors)"

python3 scripts/bench_paths.py "$WORK/bench.db" "$WORK" "$CORPUS"

echo "== serve"
"$BIN" serve --db "$WORK/bench.db" --addr "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
if [ -n "${BENCH_DIR:-}" ]; then
    trap 'kill $SERVER 2>/dev/null || true' EXIT
else
    trap 'kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
fi
for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break
    sleep 0.5
done
curl -sf "http://127.0.0.1:$PORT/healthz"; echo

# The paths file reaches the wrk script after `--`.
wrkrun() {
    local title=$1 conns=$2 threads=$3 paths=$4
    echo "== $title"
    wrk --latency -t"$threads" -c"$conns" -d"$DURATION" -s scripts/bench_paths.lua \
        "http://127.0.0.1:$PORT" -- "$paths" 2>&1 |
        grep -E "Latency |50%|90%|99%|Requests/sec|requests in|Non-2xx|Socket errors" || true
}
# Warm the caches once.
wrkrun "warm-up" 8 1 "$WORK/search.txt" >/dev/null
for run in $(seq 1 "$RUNS"); do
    wrkrun "search, 1 connection (latency), run $run" 1 1 "$WORK/search.txt"
done
wrkrun "search, 32 connections (throughput)" 32 "$THREADS" "$WORK/search.txt"
wrkrun "film pages /api/films/{id}, 32 connections (throughput)" 32 "$THREADS" "$WORK/films.txt"
kill $SERVER
wait $SERVER 2>/dev/null || true
echo "== done: $(date -u +%Y-%m-%d), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"

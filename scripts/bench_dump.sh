#!/usr/bin/env bash
# Times filmgraph on a dump of real pages against the decompression floors and
# a Python pipeline, all in one run on the same files, and prints a Markdown
# table for BENCHMARKS.md.
#
#   scripts/bench_dump.sh [--pages N] [--runs R] [--peer-pages M] [--dir DIR]
#
# --pages N       pages in the benchmark dump (default 20000: about 480 MB of XML)
# --runs R        rounds, each command once a round; the table gives medians
#                 and the ratios round by round (default 3)
# --peer-pages M  pages in the smaller dump the Python pipeline reads (default
#                 2000); it runs at under 1 MB/s, so its MB/s is compared, not
#                 its time
# --dir DIR       where dumps, databases and results go (default
#                 ${TMPDIR:-/tmp}/filmgraph-bench); dumps are kept and reused
#
# Needs python3 and ../shared/tools (beside the repository); installs bzip2,
# lbzip2 and hyperfine with apt-get when missing, and mwparserfromhell into a
# virtual environment under DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
tools=$repo/../shared/tools

pages=20000 runs=3 peer_pages=2000 dir=${TMPDIR:-/tmp}/filmgraph-bench
while [ $# -gt 0 ]; do
    case $1 in
        --pages) pages=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --peer-pages) peer_pages=$2; shift 2 ;;
        --dir) dir=$2; shift 2 ;;
        *) echo "usage: $0 [--pages N] [--runs R] [--peer-pages M] [--dir DIR]" >&2; exit 2 ;;
    esac
done
mkdir -p "$dir"

# --- Tools ---------------------------------------------------------------------
missing=()
for tool in bzip2 lbzip2 hyperfine; do
    command -v $tool >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "+ apt-get install -y ${missing[*]}" >&2
    apt-get install -y "${missing[@]}" >/dev/null 2>&1 ||
        { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
fi
if [ ! -x "$dir/venv/bin/python" ]; then
    echo "+ python3 -m venv $dir/venv && pip install mwparserfromhell" >&2
    python3 -m venv "$dir/venv"
    "$dir/venv/bin/pip" install --quiet mwparserfromhell
fi
echo "+ cargo build --release -p filmgraph-cli" >&2
cargo build --release -p filmgraph-cli
# A copy: the target directory may be rebuilt while the benchmark runs.
cp "$repo/target/release/filmgraph" "$dir/filmgraph"
bin=$dir/filmgraph
echo "+ filmgraph at $(git -C "$repo" rev-parse --short HEAD)" >&2

# --- Dumps ---------------------------------------------------------------------
single=$dir/bench-$pages.xml.bz2
multi=$dir/bench-$pages-multistream.xml.bz2
plain=$dir/bench-$pages.xml
peer=$dir/peer-$peer_pages.xml.bz2
make_dump() { # OUT ARGS...
    local out=$1; shift
    [ -s "$out" ] || { echo "+ make_bench_dump.py $* --out $out" >&2; python3 "$tools/make_bench_dump.py" "$@" --out "$out" >&2; }
}
make_dump "$single" --pages "$pages" --bz2
make_dump "$multi" --pages "$pages" --multistream
make_dump "$peer" --pages "$peer_pages" --bz2
[ -s "$plain" ] || bzip2 -dc "$single" >"$plain"
xml_bytes=$(stat -c %s "$plain")
peer_xml_bytes=$(bzip2 -dc "$peer" | wc -c)

# --- Timings -------------------------------------------------------------------
db=$dir/bench.db
# Round after round, each command once a round: the host's speed drifts by
# a third within minutes, and commands timed back to back (all runs of one,
# then all of the next) would be compared across different speeds. The
# ratios are also given round by round (bench_table.py).
rm -f "$dir"/round-*.json
for round in $(seq "$runs"); do
    echo "+ round $round of $runs" >&2
    hyperfine --runs 1 --export-json "$dir/round-$round.json" --style basic \
        -n "bzip2 -dc (single stream)" "bzip2 -dc $single >/dev/null" \
        -n "lbzip2 -dc -n 2 (single stream)" "lbzip2 -dc -n 2 $single >/dev/null" \
        -n "lbzip2 -dc -n 2 (multistream)" "lbzip2 -dc -n 2 $multi >/dev/null" \
        -n "filmgraph facts (single stream)" "$bin facts --quiet $single >/dev/null 2>&1" \
        -n "filmgraph facts (multistream)" "$bin facts --quiet $multi >/dev/null 2>&1" \
        -n "filmgraph facts (plain XML)" "$bin facts --quiet $plain >/dev/null 2>&1" \
        --prepare "rm -rf $db $db-wal $db-shm $db-index" \
        -n "filmgraph ingest (single stream, fresh SQLite)" "$bin ingest --quiet --db $db $single >/dev/null 2>&1" \
        >&2
done
hyperfine --runs 1 --export-json "$dir/peer.json" --style basic \
    -n "mwparserfromhell pipeline ($peer_pages pages)" \
    "$dir/venv/bin/python $tools/peers/mwph_extract.py $peer" >&2

# Peak memory of one run each.
rss() { /usr/bin/time -f %M "$@" >/dev/null 2>"$dir/rss.txt" || true; tail -1 "$dir/rss.txt"; }
rm -rf "$db" "$db-wal" "$db-shm" "$db-index"
rss_facts=$(rss "$bin" facts --quiet "$single")
rss_ingest=$(rss "$bin" ingest --quiet --db "$db" "$single")
# Re-ingesting the same dump: every page is skipped as unchanged.
start=$(date +%s.%N)
"$bin" ingest --quiet --db "$db" "$single" >"$dir/reingest.txt" 2>&1 || true
reingest_s=$(echo "$(date +%s.%N) - $start" | bc)

# --- Table ---------------------------------------------------------------------
python3 "$repo/scripts/bench_table.py" "$dir" "$xml_bytes" "$peer_xml_bytes" "$pages" "$peer_pages" \
    "$rss_facts" "$rss_ingest" "$reingest_s"

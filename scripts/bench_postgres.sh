#!/usr/bin/env bash
# Ingest benchmark, SQLite against PostgreSQL, on the same input:
#
#   cargo build --release -p filmgraph-cli
#   python3 ../shared/tools/make_bench_dump.py --pages 4000 --film-share 0.9 --out /tmp/dump.xml
#   RUNS=3 bash scripts/bench_postgres.sh /tmp/dump.xml
#
# Each run ingests the input into an empty database: a SQLite file, then a
# fresh database on a throwaway PostgreSQL server (Debian's binaries, default
# settings, so fsync on; on the same machine, over TCP to 127.0.0.1). The
# SQLite runs have the search index beside the file disabled (a plain file
# stands where the index directory would go), so that both backends measure
# the same work: reading, parsing, extracting and storing. One more SQLite run
# with the index shows what that costs. Prints each run's seconds and the
# medians.
set -euo pipefail
cd "$(dirname "$0")/.."

input=${1:?usage: bench_postgres.sh INPUT...}
shift
inputs=("$input" "$@")
runs=${RUNS:-3}
bin=${FILMGRAPH_BIN:-target/release/filmgraph}
[ -x "$bin" ] || { echo "no $bin: cargo build --release -p filmgraph-cli" >&2; exit 1; }
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$pgbin" ] || { echo "no PostgreSQL: apt-get install postgresql" >&2; exit 1; }

work=$(mktemp -d /tmp/filmgraph-bench-XXXXXX)
as_pg=()
if [ "$(id -u)" = 0 ]; then
    chown postgres: "$work"
    as_pg=(runuser -u postgres --)
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
(cd "$work" && "${as_pg[@]}" "$pgbin/initdb" -D "$work/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null)
(cd "$work" && "${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
    -o "-p $port -k $work -c listen_addresses=127.0.0.1" start >/dev/null)
psql_admin() { psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -c "$1"; }

# Seconds one ingest takes; its summary goes to stderr.
ingest() {
    local start end
    start=$(date +%s.%N)
    "$bin" ingest --quiet --db "$1" "${inputs[@]}" >"$work/out.txt" 2>"$work/err.txt" || {
        cat "$work/err.txt" >&2
        exit 1
    }
    end=$(date +%s.%N)
    head -1 "$work/out.txt" >&2
    echo "$end - $start" | bc
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

sqlite_times=()
for i in $(seq "$runs"); do
    rm -rf "$work/bench.db" "$work/bench.db-index"
    touch "$work/bench.db-index" # not a directory: ingest skips the index
    t=$(ingest "$work/bench.db")
    echo "sqlite run $i: ${t}s" >&2
    sqlite_times+=("$t")
done
pg_times=()
for i in $(seq "$runs"); do
    psql_admin "DROP DATABASE IF EXISTS bench"
    psql_admin "CREATE DATABASE bench"
    t=$(ingest "postgres://postgres@127.0.0.1:$port/bench")
    echo "postgres run $i: ${t}s" >&2
    pg_times+=("$t")
done
# The store alone: `filmgraph import` of the last SQLite database (no parsing),
# into a fresh SQLite file and into a fresh PostgreSQL database.
import_into() {
    local start end
    start=$(date +%s.%N)
    "$bin" import --db "$1" "$work/bench.db" >"$work/out.txt" 2>"$work/err.txt" || {
        cat "$work/err.txt" >&2
        exit 1
    }
    end=$(date +%s.%N)
    head -1 "$work/out.txt" >&2
    echo "$end - $start" | bc
}
sqlite_import=()
pg_import=()
for i in $(seq "$runs"); do
    rm -f "$work/copy.db"
    touch "$work/copy.db-index"
    t=$(import_into "$work/copy.db")
    echo "sqlite import run $i: ${t}s" >&2
    sqlite_import+=("$t")
    psql_admin "DROP DATABASE IF EXISTS copy"
    psql_admin "CREATE DATABASE copy"
    t=$(import_into "postgres://postgres@127.0.0.1:$port/copy")
    echo "postgres import run $i: ${t}s" >&2
    pg_import+=("$t")
done

rm -rf "$work/bench.db" "$work/bench.db-index"
t=$(ingest "$work/bench.db")
echo "sqlite with its search index, one run: ${t}s" >&2

sqlite_median=$(printf '%s\n' "${sqlite_times[@]}" | median)
pg_median=$(printf '%s\n' "${pg_times[@]}" | median)
echo "median seconds: sqlite $sqlite_median, postgres $pg_median"
echo "postgres speed as a share of sqlite's: $(echo "scale=2; 100 * $sqlite_median / $pg_median" | bc)%"
sqlite_import_median=$(printf '%s\n' "${sqlite_import[@]}" | median)
pg_import_median=$(printf '%s\n' "${pg_import[@]}" | median)
echo "store alone (import), median seconds: sqlite $sqlite_import_median, postgres $pg_import_median"
echo "postgres store speed as a share of sqlite's: $(echo "scale=2; 100 * $sqlite_import_median / $pg_import_median" | bc)%"

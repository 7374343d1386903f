#!/usr/bin/env bash
# Import at scale: a generated ICEWS-style table of ROWS rows (default 1,000,000) through
# `eventgraph import --mapping icews`, then `eventgraph path` on the result, each a whole
# process timed by /usr/bin/time (wall, peak RSS); then pandas read_csv + networkx on the
# same table in one Python run (benchmarks/import_baseline.py, the venv of setup-venv.sh).
# Usage: bash benchmarks/import.sh [ROWS] [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
bin="${2:-}"
if [ -z "$bin" ]; then
  swift build -c release --product eventgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/eventgraph"
fi
mkdir -p benchmarks/data
table="benchmarks/data/icews-$rows.csv"
graph="benchmarks/data/icews-$rows.json"
[ -f "$table" ] || python3 benchmarks/generate_icews.py --rows "$rows" -o "$table"
# From a country the skew makes busy to the source actor of the table's last row (rarely named).
from="Turkey"
to="$(tail -n 1 "$table" | python3 -c 'import csv,sys; print(next(csv.reader(sys.stdin))[2])')"

timed() { # LABEL COMMAND…
  local label="$1"; shift
  local err; err="$(mktemp)"
  local status=0
  /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$err" || status=$?
  local t; t="$(tail -n 1 "$err")"
  printf '| %s | %s s | %.0f MiB |%s\n' "$label" "$(echo "$t" | awk '{print $1}')" "$(echo "$t" | awk '{print $2/1024}')" \
    "$([ $status -eq 0 ] || echo " exit $status: $(head -n 3 "$err" | tr '\n' ' ')")"
  rm -f "$err"
}

echo "rows: $rows ($(du -hL "$table" | cut -f1) CSV); binary: $bin; $(date -u '+%Y-%m-%d %H:%M UTC'); $(nproc) cores"
echo
echo "| step | wall | peak memory |"
echo "|---|---|---|"
timed "import --mapping icews (CSV → checked JSON)" "$bin" import --mapping icews "$table" -o "$graph"
timed "validate (load the imported JSON)" "$bin" validate "$graph"
timed "path \"$from\" → \"$to\"" "$bin" path "$graph" "$from" "$to"
echo
if [ -x benchmarks/.venv/bin/python ]; then
  echo "pandas read_csv + networkx (one process):"
  echo '```'
  /usr/bin/time -f "wall %e s, peak RSS %M KiB" benchmarks/.venv/bin/python benchmarks/import_baseline.py "$table" "$from" "$to" 2>&1
  echo '```'
else
  echo "(no benchmarks/.venv: run bash benchmarks/setup-venv.sh for the pandas + networkx baseline)"
fi

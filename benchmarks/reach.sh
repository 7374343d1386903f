#!/usr/bin/env bash
# Reachability (`eventgraph reach`) on one data file, EventGraph beside the plain-Python
# baseline, in one run:
#   1. eventgraph-bench --only reach: load once, then forward and reverse reach from the
#      first three query pairs' `from` actors (query time per sweep, load time apart);
#   2. `eventgraph reach FILE ORIGIN --limit 1000000 --format json`: the command end to end (load + query +
#      output), wall-clock seconds and peak RSS;
#   3. benchmarks/reach.py: the same six sweeps in plain Python over the same JSON.
# The counts and checksums of (actor, day) of 1 and 3 must agree.
# Usage: bash benchmarks/reach.sh [small|large]   (default: large; SCRATCH=.build-x for another
# scratch path, NO_BUILD=1 to skip building)
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-large}"
data="benchmarks/data/$preset.json"
[ -f "$data" ] || python3 benchmarks/generate.py --preset "$preset"
scratch="${SCRATCH:-.build}"
if [ -z "${NO_BUILD:-}" ]; then # NO_BUILD=1: use the binaries already built
  swift build -c release --scratch-path "$scratch" --product eventgraph-bench >/dev/null
  swift build -c release --scratch-path "$scratch" --product eventgraph >/dev/null
fi
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
origins=$(python3 -c "import json,sys; print(' '.join(p['from'] for p in json.load(open(sys.argv[1]))['pairs'][:3]))" "benchmarks/data/$preset.queries.json")

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GB"
echo "== EventGraph: eventgraph-bench --only reach"
"$bin/eventgraph-bench" "$data" --only reach 2>&1 | sed -n '/^loaded/p;/^Reach/,$p'

echo "== EventGraph: eventgraph reach (end to end: load + query + JSON)"
for origin in $origins; do
  for direction in "" --reverse; do
    /usr/bin/time -f "%e s wall, %M KiB peak" "$bin/eventgraph" reach "$data" "$origin" $direction --limit 1000000 --format json >/dev/null 2>"$scratch/reach-time.txt" || true
    echo "  $origin ${direction:-forward}: $(tail -1 "$scratch/reach-time.txt")"
  done
done

echo "== plain Python: benchmarks/reach.py"
/usr/bin/time -f "  (whole script: %e s wall, %M KiB peak)" python3 benchmarks/reach.py "$data" $origins

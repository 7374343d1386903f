#!/usr/bin/env bash
# The benchmark suite in one run, on the same data for every tool:
#   1. paths: EventGraph (release build) vs json+networkx, igraph and plain-Python temporal search
#   2. rendering: `eventgraph render` (in-process libgraphviz) vs the `dot` command on the same DOT
# Usage: bash benchmarks/run.sh [small|large]     (default: small; large takes ~15 minutes)
# Results: benchmarks/results/*-<preset>.json and the tables printed here; copy them into
# benchmarks/README.md and docs/paths.md with the date.
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-small}"
data="benchmarks/data/$preset.json"

scripts/setup.sh
bash benchmarks/setup-venv.sh
[ -f "$data" ] || python3 benchmarks/generate.py --preset "$preset"

echo "== paths: EventGraph ($preset)"
swift build -c release --product eventgraph-bench >/dev/null
swift build -c release --product eventgraph >/dev/null
bin="$(swift build -c release --show-bin-path)"
"$bin/eventgraph-bench" "$data" -o "benchmarks/results/eventgraph-$preset.json"

echo "== paths: networkx, igraph, plain Python ($preset)"
benchmarks/.venv/bin/python benchmarks/baseline.py "$data" -o "benchmarks/results/baseline-$preset.json"

echo "== rendering: Graphs/ai-race actor view, SVG, median of 5"
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
"$bin/eventgraph" render Graphs/ai-race --format dot -o "$tmp/actors.dot" >/dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_it() { # COMMAND… → seconds (median of 5)
  for _ in 1 2 3 4 5; do
    local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N)
    awk -v a="$s" -v b="$e" 'BEGIN { print b - a }'
  done | median
}
ours=$(time_it "$bin/eventgraph" render Graphs/ai-race --format svg -o "$tmp/ours.svg")
layout_only=$(time_it "$bin/eventgraph" render Graphs/ai-race --format dot -o "$tmp/again.dot")
theirs=$(time_it dot -Tsvg "$tmp/actors.dot" -o "$tmp/dot.svg")
printf '| tool | wall s |\n|---|---|\n'
printf '| eventgraph render (load + validate + view + libgraphviz SVG) | %.2f |\n' "$ours"
printf '| eventgraph render --format dot (load + validate + view, no layout) | %.2f |\n' "$layout_only"
printf '| dot -Tsvg on the same DOT (Graphviz %s) | %.2f |\n' "$(dot -V 2>&1 | awk '{print $5}')" "$theirs"

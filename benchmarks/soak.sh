#!/usr/bin/env bash
# Memory over many renders in one process (issue: `watch` must not grow):
#   benchmarks/soak.sh [GRAPH] [RENDERS]        RSS samples for each stage, release build
#   benchmarks/soak.sh --leaks [GRAPH]          LeakSanitizer over 10 and 40 renders (ASan build)
# Stages (eventgraph-soak --part): load (read + validate + store), diagram (+ DOT of the four
# views), render (the same DOT through libgraphviz each time), all (the three, as `watch` does);
# then `all` on Graphs/ai-race for a tenth as many rounds. `eventgraph-soak GRAPH --dot FILE`
# renders one DOT file instead, to find which DOT constructs a Graphviz release leaks on.
# Results go to benchmarks/results/soak-*.txt with the command, date and machine.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--leaks" ]; then
  graph="${2:-Samples/quickstart/graph.yaml}"
  swift build -c debug --scratch-path .build-asan --product eventgraph-soak -Xswiftc -sanitize=address >&2
  out=benchmarks/results/soak-leaks.txt
  {
    echo "# benchmarks/soak.sh --leaks $graph — $(date -u +%F), $(uname -m), $(nproc) cores"
    # Twice, 10 and 40 rounds: what is left at exit once per process is the same in both; a
    # leak on every render would grow by 30 renders' worth.
    for rounds in 10 40; do
      echo "## --renders $rounds --part all"
      ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=report_objects=0 .build-asan/debug/eventgraph-soak "$graph" --renders "$rounds" --every 10 --part all --max-growth 1000 2>&1 \
        | grep -E "renders of|SUMMARY|Direct leak|Indirect leak|#[0-3] " | sed -E 's/ \/[^ ]*\/Sources\// Sources\//' | head -200 || true
    done
  } | tee "$out"
  exit 0
fi
graph="${1:-Samples/quickstart/graph.yaml}"
renders="${2:-10000}"
swift build -c release --scratch-path .build-release --product eventgraph-soak >&2
out=benchmarks/results/soak-$(date -u +%F).txt
{
  echo "# benchmarks/soak.sh $graph $renders — $(date -u +%F), $(uname -m), $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  for part in load diagram render all; do
    echo "## --part $part"
    .build-release/release/eventgraph-soak "$graph" --renders "$renders" --every $((renders / 10)) --part "$part" --max-growth 100000 | tail -1
  done
  # A larger graph (its four views: legends, period marks, chips, pinned theme lines), a tenth
  # as many rounds.
  echo "## Graphs/ai-race --part all"
  .build-release/release/eventgraph-soak Graphs/ai-race --renders $((renders / 10)) --every $((renders / 100)) --part all --max-growth 100000 | tail -1
} | tee "$out"

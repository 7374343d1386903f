#!/usr/bin/env bash
# Regenerates every committed sample (DOT, SVG, PNG) from the graphs in Samples/ and Graphs/.
# Usage: scripts/samples.sh   (builds eventgraph first; `make samples` calls this)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product eventgraph >/dev/null
bin="$(swift build --show-bin-path)/eventgraph"

render() { # GRAPH OUT_BASE VIEW [extra flags…]
  local graph=$1 out=$2 view=$3; shift 3
  "$bin" render "$graph" --view "$view" --format dot -o "$out.dot" "$@" >/dev/null
  "$bin" render "$graph" --view "$view" --format svg -o "$out.svg" "$@" >/dev/null
  "$bin" render "$graph" --view "$view" --format png -o "$out.png" "$@" >/dev/null
  echo "  $out.{dot,svg,png}"
}

echo "quickstart:"
render Samples/quickstart Samples/quickstart/actors actors
render Samples/quickstart Samples/quickstart/events events

echo "ai-race (the seed dataset):"
mkdir -p Samples/ai-race
render Graphs/ai-race Samples/ai-race/actors actors
render Graphs/ai-race Samples/ai-race/events events
# The whole graph is too dense to read at 100%: these ego views are the showcase.
for who in manus jensen-huang deepseek; do
  render Graphs/ai-race "Samples/ai-race/focus-$who" actors --focus "$who" --depth 1
done

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

if [ -d Graphs/ai-race ] && [ -x scripts/samples-ai-race.sh ]; then
  echo "ai-race:"
  source scripts/samples-ai-race.sh
fi

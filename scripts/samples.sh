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
render Samples/quickstart Samples/quickstart/timeline timeline
render Samples/quickstart Samples/quickstart/themes themes

echo "paths (docs/paths.md, worked examples of the time-respecting paths and reach):"
for objective in fewest earliest latest-departure fastest; do
  flag=(); [ "$objective" = fewest ] || flag=("--$objective")
  "$bin" path Samples/paths ada regulator --temporal "${flag[@]}" --context 0 --format png -o "Samples/paths/path-$objective.png" >/dev/null
done
"$bin" reach Samples/paths ada --format png -o Samples/paths/reach-ada.png >/dev/null
"$bin" reach Samples/paths regulator --reverse --format png -o Samples/paths/reach-regulator-reverse.png >/dev/null
echo "  Samples/paths/{path-{fewest,earliest,latest-departure,fastest},reach-ada,reach-regulator-reverse}.png"

echo "time (periods, lifespans, quarters, relative dates):"
render Samples/time Samples/time/timeline timeline
render Samples/time Samples/time/themes themes

echo "ai-race (the seed dataset):"
mkdir -p Samples/ai-race
render Graphs/ai-race Samples/ai-race/actors actors
render Graphs/ai-race Samples/ai-race/events events
# Timelines (docs/timelines.md): the whole chronology, and a theme-line chart of the 18 most
# connected actors over 2025 (the events reach back to 1987; one year at a time reads best).
render Graphs/ai-race Samples/ai-race/timeline timeline
render Graphs/ai-race Samples/ai-race/themes themes --from 2025 --to 2026-01 --lanes 18
# The whole graph is too dense to read at 100%: these ego views are the showcase.
for who in manus jensen-huang deepseek; do
  render Graphs/ai-race "Samples/ai-race/focus-$who" actors --focus "$who" --depth 1
done

# Animation (docs/timelines.md, `render --frames`): the actor graph as of the end of each month
# of 2025, laid out once (twelve SVG frames and animation.svg), and Manus's ego network by
# quarter as PNG frames that read at 100 %. The folders are emptied first: a run keeps files
# it does not write.
rm -rf Samples/ai-race/frames Samples/ai-race/frames-manus
"$bin" render Graphs/ai-race --frames month --from 2025-01 --to 2025-12 -o Samples/ai-race/frames >/dev/null
echo "  Samples/ai-race/frames/{2025-01…2025-12,animation}.svg"
"$bin" render Graphs/ai-race --frames quarter --from 2025 --to 2025 --focus manus --format png -o Samples/ai-race/frames-manus >/dev/null
echo "  Samples/ai-race/frames-manus/{2025-Q1…2025-Q4.png,animation.svg}"

# The interactive page of the seed dataset, a screenshot of it in use (a path highlighted),
# and every export of the quickstart graph (docs/exports.md), beside it: inside Samples/quickstart
# the .json export would be read as part of the graph.
"$bin" render Graphs/ai-race --format html -o Samples/ai-race/page.html >/dev/null
echo "  Samples/ai-race/page.html"
if [ -x .venv-readers/bin/python ] && command -v chromium >/dev/null 2>&1; then
  .venv-readers/bin/python scripts/readers/check_page.py --bin "$bin" --graph Graphs/ai-race --screenshot Samples/ai-race/page.png >/dev/null
  echo "  Samples/ai-race/page.png"
else
  echo "  Samples/ai-race/page.png skipped: run scripts/setup-readers.sh for headless Chromium" >&2
fi
echo "quickstart exports:"
exports=Samples/quickstart-exports
mkdir -p "$exports"
for format in graphml gexf cypher timelinejs mermaid json; do
  "$bin" export Samples/quickstart --format "$format" -o "$exports/quickstart.$format"
done
for format in neo4j-csv kumu csv; do
  "$bin" export Samples/quickstart --format "$format" -o "$exports/$format" >/dev/null
done
echo "  $exports/{quickstart.{graphml,gexf,cypher,timelinejs,mermaid,json},neo4j-csv/,kumu/,csv/}"

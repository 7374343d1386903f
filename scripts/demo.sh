#!/usr/bin/env bash
# The main job: renders the seed dataset (US–China AI race) and answers a cited path query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
swift build --product eventgraph
bin="$(swift build --show-bin-path)/eventgraph"
mkdir -p out

"$bin" validate Graphs/ai-race
"$bin" render Graphs/ai-race --view actors --format svg -o out/ai-race-actors.svg
"$bin" render Graphs/ai-race --view actors --format png -o out/ai-race-actors.png
help="$("$bin" --help)"   # captured: `… | grep -q` under pipefail can fail on SIGPIPE
if grep -qE "^ +path " <<<"$help"; then
  echo
  echo "How is Benchmark connected to China's Ministry of Commerce (商务部), and according to whom?"
  "$bin" path Graphs/ai-race Benchmark 商务部
else
  echo
  "$bin" show Graphs/ai-race 黄仁勋
fi

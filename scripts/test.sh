#!/usr/bin/env bash
# The test command: installs what is missing (scripts/setup.sh, scripts/setup-readers.sh), runs the
# whole Swift test suite, then checks
# the seed dataset's quotes against the seed articles when they are present.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# The real readers the export and HTML-page tests load files into (networkx, Kuzu, jsonschema,
# Mermaid, headless Chromium): see scripts/setup-readers.sh and docs/exports.md.
scripts/setup-readers.sh
swift build --build-tests
swift test --skip-build

seeds="../shared/seeds"
if [ -d "$seeds" ]; then
  echo "verify: checking Graphs/ai-race quotes against $seeds"
  "$(swift build --show-bin-path)/eventgraph" verify Graphs/ai-race --sources "$seeds"
else
  echo "verify: skipped: $seeds is not here (the seed articles live beside the repository)"
fi

#!/usr/bin/env bash
# Installs the real programs the export and page tests load EventGraph's output into:
#   - Python packages from PyPI into .venv-readers (git-ignored): networkx (GraphML, GEXF),
#     kuzu (the embedded graph database: neo4j-csv and Cypher), jsonschema (TimelineJS),
#     and mmdc, only for the mermaid.js it ships (Mermaid's own parser, run in Chromium);
#   - Debian's chromium (headless), for the HTML page and Mermaid.
# Idempotent: does nothing when everything is there. Usage: scripts/setup-readers.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup-readers: installing chromium with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

venv=.venv-readers
requirements=scripts/readers/requirements.txt
stamp="$venv/.installed-$(sha256sum "$requirements" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "setup-readers: installing $(grep -v '^#' "$requirements" | tr '\n' ' ')into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"
  # mmdc is installed for its bundled mermaid.js only; its renderer's dependencies are not needed.
  "$venv/bin/pip" install -q --disable-pip-version-check --no-deps mmdc==0.7.0
  touch "$stamp"
fi

#!/usr/bin/env bash
# Every command as one whole process on the same file: wall time and peak memory
# (/usr/bin/time), one markdown row per command, for one eventgraph binary.
# Usage: bash benchmarks/commands.sh DATA.json [BINARY] [LABEL]
#   DATA.json  a file of benchmarks/generate.py (the large preset: 200k actors, 1M events)
#   BINARY     default: the release build of this checkout (built if missing)
#   LABEL      a name for the binary in the table (default: "this build")
# Also writes DATA.yaml (the same graph as YAML, by `export`-free conversion in Python)
# when missing, and times `validate` on it. Results go to standard output as a table.
set -euo pipefail
cd "$(dirname "$0")/.."
data="$1"
bin="${2:-}"
label="${3:-this build}"
if [ -z "$bin" ]; then
  swift build -c release --product eventgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/eventgraph"
fi
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
# Two actors of the first query pair (a0 and a1 exist in every preset).
from=a0; to=a1

row() { # NAME COMMAND…
  local name="$1"; shift
  local t status
  set +e
  t=$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$out/err"; } 2>&1 )
  status=$?
  set -e
  t=$(tail -n 1 "$out/err")
  local wall mem
  wall=$(echo "$t" | awk '{print $1}')
  mem=$(echo "$t" | awk '{printf "%.0f", $2/1024}')
  printf '| %s | %s | %s s | %s MiB |%s\n' "$label" "$name" "$wall" "$mem" "$([ $status -eq 0 ] || echo " exit $status")"
}

echo "| binary | command | wall | peak memory |"
echo "|---|---|---|---|"
row "validate" "$bin" validate "$data"
row "stats" "$bin" stats "$data"
row "show $from" "$bin" show "$data" "$from"
row "timeline --actor $from" "$bin" timeline "$data" --actor "$from"
row "neighbors $from" "$bin" neighbors "$data" "$from"
row "path $from $to" "$bin" path "$data" "$from" "$to"
for f in json csv graphml gexf neo4j-csv; do
  case $f in csv|neo4j-csv) target="$out/$f";; *) target="$out/export.$f";; esac
  row "export --format $f" "$bin" export "$data" --format "$f" -o "$target"
done
row "export --format dot (the whole actor view)" "$bin" export "$data" --format dot -o "$out/actors.dot"
row "render --focus $from --depth 2 (svg)" "$bin" render "$data" --focus "$from" --depth 2 --format svg -o "$out/focus.svg"
row "timeline --actor $from --format svg" "$bin" timeline "$data" --actor "$from" --format svg -o "$out/timeline.svg"
yaml="${data%.json}.yaml"
if [ ! -f "$yaml" ]; then
  python3 benchmarks/to_yaml.py "$data" "$yaml"
fi
row "validate (the same graph as YAML)" "$bin" validate "$yaml"

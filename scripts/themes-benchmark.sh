#!/usr/bin/env bash
# Times a theme-line chart of a generated graph: 50 lanes, 2,000 events (see docs/timelines.md).
# Usage: scripts/themes-benchmark.sh [EVENTGRAPH_BINARY] [EVENTS] [ACTORS]
# The graph is written to a temporary folder; the charts (SVG, PNG) are written there too.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-}
events=${2:-2000}
actors=${3:-50}
if [[ -z "$bin" ]]; then
  swift build -c release --product eventgraph >/dev/null
  bin="$(swift build -c release --show-bin-path)/eventgraph"
fi
dir=$(mktemp -d)
python3 - "$dir/graph.yaml" "$events" "$actors" <<'PY'
import random, sys
path, n_events, n_actors = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)  # deterministic
days_in = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
out = ["title: Generated theme-line benchmark", "sources:"]
for s in range(20):
    out.append(f"  s{s}: {{ title: Source {s}, published: {2023 + s % 3}-{1 + s % 12:02d} }}")
out.append("actors:")
for a in range(n_actors):
    kind = "person" if a % 3 == 0 else "company"
    out.append(f"  a{a}: {{ kind: {kind}, name: Actor {a} }}")
out.append("events:")
for e in range(n_events):
    y, m = rng.choice([2023, 2024, 2025]), rng.randint(1, 12)
    d = rng.randint(1, days_in[m - 1])
    r = rng.random()
    date = f"{y}-{m:02d}-{d:02d}" if r < 0.6 else f"{y}-{m:02d}" if r < 0.85 else f"~{y}-{m:02d}" if r < 0.95 else f"{y}"
    a, b = rng.sample(range(n_actors), 2)
    if e % 3 == 0:
        while a % 3 != 0: a = rng.randrange(n_actors)
        roles = f"speaker: a{a}\n    about: a{b}"
        kind = "statement"
    elif e % 3 == 1:
        while b % 3 == 0 or b == a: b = rng.randrange(n_actors)
        roles = f"investor: a{a}\n    investee: a{b}"
        kind = "investment"
    else:
        c = rng.randrange(n_actors)
        roles = f"participants: [a{a}, a{b}" + (f", a{c}]" if c not in (a, b) else "]")
        kind = "meeting"
    out.append(f"  e{e}:\n    kind: {kind}\n    date: \"{date}\"\n    title: Generated event number {e}\n    {roles}\n"
               f"    sources: [{{ source: s{e % 20} }}]")
open(path, "w").write("\n".join(out) + "\n")
PY
"$bin" validate "$dir/graph.yaml"
for format in svg png; do
  echo "render --view themes --lanes $actors --format $format:"
  /usr/bin/time -f "  %e s wall, %U s user, %M KB max RSS" "$bin" render "$dir/graph.yaml" --view themes --lanes "$actors" --format "$format" -o "$dir/themes.$format"
done
echo "output in $dir"

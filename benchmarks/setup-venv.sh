#!/usr/bin/env bash
# Create (or reuse) the Python venv used by the benchmark baselines.
#
#   bash benchmarks/setup-venv.sh
#
# Idempotent: an existing venv is reused and only missing packages are installed.
# The venv lives in benchmarks/.venv (git-ignored). Only PyPI is needed.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

# Pinned so that baseline numbers are comparable between runs.
packages=(
  "networkx==3.6.1"
  "igraph==1.0.0"
  "pandas==3.1.1"
)

if [[ ! -x "$venv/bin/python" ]]; then
  echo "setup-venv: creating $venv"
  "$python" -m venv "$venv"
fi

if "$venv/bin/python" - "${packages[@]}" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
for spec in sys.argv[1:]:
    name, want = spec.split("==")
    try:
        if version(name) != want:
            sys.exit(1)
    except PackageNotFoundError:
        sys.exit(1)
PY
then
  echo "setup-venv: $venv is up to date (${packages[*]})"
else
  echo "setup-venv: installing ${packages[*]}"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check "${packages[@]}"
fi
"$venv/bin/python" -c 'import networkx, igraph, pandas; print("setup-venv: networkx", networkx.__version__, "/ igraph", igraph.__version__, "/ pandas", pandas.__version__)'

#!/usr/bin/env bash
# Installs what EventGraph needs from Debian (Graphviz's library and the dot command, libyaml's
# headers for the YAML reader, a CJK font) if it is missing, and checks Graphviz's plugin
# configuration. Idempotent.
set -euo pipefail

need=()
pkg-config --exists libgvc 2>/dev/null || need+=(libgraphviz-dev pkg-config)
pkg-config --exists yaml-0.1 2>/dev/null || need+=(libyaml-dev pkg-config)
command -v dot >/dev/null 2>&1 || need+=(graphviz)
# The font list is captured first: under pipefail, `fc-list | grep -q` fails whenever grep
# exits at the first match and fc-list is killed by SIGPIPE, which would reinstall needlessly.
fonts=""
if command -v fc-list >/dev/null 2>&1; then fonts="$(fc-list : family 2>/dev/null || true)"; fi
if ! grep -qi "Noto Sans CJK" <<<"$fonts"; then
  need+=(fonts-noto-cjk fontconfig)
fi

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "setup: installing ${need[*]} with apt-get" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi

# Graphviz finds its plugins through a generated file, config6a, next to them.
libdir="$(pkg-config --variable=libdir libgvc)"
plugins="$libdir/graphviz"
if [ ! -f "$plugins/config6a" ]; then
  echo "setup: error: Graphviz plugin configuration is missing ($plugins/config6a)." >&2
  echo "setup: fix it with 'sudo dot -c' (from Debian's graphviz package) or reinstall libgvc6." >&2
  exit 1
fi

#!/usr/bin/env bash
# Coverage-guided fuzzing of the loader and the writers (libFuzzer + AddressSanitizer):
#   scripts/fuzz.sh [SECONDS] [-- libFuzzer options…]
# Builds Fuzz/ (a package of its own) with -sanitize=fuzzer,address, copies the committed
# seed corpus (Fuzz/corpus) into a work corpus (.build-fuzz/corpus, git-ignored) and runs
# for SECONDS (default 600) on one core. Findings (crash-*, leak-*, timeout-*) land in
# .build-fuzz/findings; the last lines of the log give executions and coverage.
# Record runs in docs/fuzzing.md.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
[ "${1:-}" = "--" ] && shift
work=.build-fuzz
mkdir -p "$work/corpus" "$work/findings"
# AddressSanitizer and libFuzzer's coverage hooks in every module (the library included, so
# the search is guided by the loader's branches); libFuzzer itself is linked by Fuzz/Package.swift.
swift build --package-path Fuzz --scratch-path "$work/build" -c debug \
  -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp >&2
binary="$work/build/debug/eventgraph-fuzz"
cp -n Fuzz/corpus/* "$work/corpus/" 2>/dev/null || true
echo "fuzz: running $binary for ${seconds}s on $(ls "$work/corpus" | wc -l) corpus inputs" >&2
"$binary" "$work/corpus" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/findings/" -print_final_stats=1 "$@" 2>&1 | grep -v "Cannot export" | tee "$work/last-run.log" | tail -25

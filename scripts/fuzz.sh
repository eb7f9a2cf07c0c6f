#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz preset: clang, ASan, UBSan) and runs each for a bounded
# time, seeded with the test fixtures. Any crash, hang, leak or sanitizer report fails the run;
# the input that caused it is kept under tests/data/fuzz-crashes/ to become a regression test.
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz

corpus=$(mktemp -d)
trap 'rm -rf "$corpus"' EXIT
for seed in tests/data/seeds/*/; do
    cp "$seed/report.txt" "$corpus/$(basename "$seed").txt"
done
mkdir -p tests/data/fuzz-crashes
./build/fuzz/tests/fuzz/fuzz_report -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix=tests/data/fuzz-crashes/ \
    "$corpus" 2>&1 | tail -15
echo "fuzz.sh: fuzz_report ran ${seconds} s with no finding"

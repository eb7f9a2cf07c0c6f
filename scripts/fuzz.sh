#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Builds the libFuzzer targets (fuzz preset: clang, ASan, UBSan; tests/fuzz) and runs each for
# a bounded time, seeded with tests/data/fuzz-seeds/<target>/ (fuzz_report: the golden cases'
# report.txt) and the earlier findings in tests/data/fuzz-crashes/<target>/. Any crash,
# timeout, leak, out-of-memory or sanitizer report fails the run, and the input that caused it
# is kept in tests/data/fuzz-crashes/<target>/: fix the bug and commit the input, which
# tst_fuzzcrashes then replays in every build.
#
# Usage: scripts/fuzz.sh [SECONDS [TARGET...]]
#   SECONDS (default 60) is shared equally by the TARGETs (default: all of them), so
#   `scripts/fuzz.sh 60` fuzzes for a minute in all and `scripts/fuzz.sh 600 fuzz_pdf` runs
#   fuzz_pdf for ten minutes. The grown corpora stay in build/<preset>/corpus/<target>/, the
#   logs in build/<preset>/logs/<target>.log.
#   NIANBAO_FUZZ_PRESET (default fuzz) names the configure and build preset: CI passes ci-asan,
#   whose sanitized clang build holds the fuzz targets too, so the engine is compiled once.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

all_targets=(fuzz_report fuzz_html fuzz_docx fuzz_pdf)
seconds=${1:-60}
if [[ $# -gt 0 ]]; then
    shift
fi
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
    targets=("${all_targets[@]}")
fi
if ! [[ $seconds =~ ^[0-9]+$ ]] || ((seconds < ${#targets[@]})); then
    echo "fuzz.sh: SECONDS must be a whole number, at least one per target: $seconds" >&2
    exit 2
fi
for target in "${targets[@]}"; do
    if [[ " ${all_targets[*]} " != *" $target "* ]]; then
        echo "fuzz.sh: unknown target $target (known: ${all_targets[*]})" >&2
        exit 2
    fi
done
per_target=$((seconds / ${#targets[@]}))

start=$SECONDS
preset=${NIANBAO_FUZZ_PRESET:-fuzz}
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset" --target "${all_targets[@]}"
echo "fuzz.sh: built the fuzz targets ($preset preset) in $((SECONDS - start)) s"

build=build/$preset
mkdir -p "$build/logs" "$build/dicts" "$build/seeds/fuzz_report"
for seed in tests/data/seeds/*/; do
    cp "$seed/report.txt" "$build/seeds/fuzz_report/$(basename "$seed").txt"
done
# Crawled page text whose tables are fused digit runs (the segmenter's input), under 64 KB.
for seed in tests/data/real/r02-*.txt tests/data/real/r14-*.txt tests/data/real/r19-*.txt; do
    cp "$seed" "$build/seeds/fuzz_report/"
done

# UBSan aborts on its first report (-fno-sanitize-recover); ASan and LSan report to libFuzzer.
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Known one-time allocations of system libraries (tests/fuzz/lsan.supp says which and why).
export LSAN_OPTIONS=suppressions=$PWD/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}
failed=()
for target in "${targets[@]}"; do
    corpus=$build/corpus/$target
    crashes=tests/data/fuzz-crashes/$target
    seeds=tests/data/fuzz-seeds/$target
    if [[ $target == fuzz_report ]]; then
        seeds=$build/seeds/fuzz_report
    fi
    log=$build/logs/$target.log
    dict=$build/dicts/$target.dict
    mkdir -p "$corpus" "$crashes"
    cat tests/fuzz/labels.dict "tests/fuzz/$target.dict" >"$dict"
    # Every seed must fit whole; the PDF and Word seeds are up to about 100 KB.
    max_len=65536
    if [[ $target == fuzz_docx || $target == fuzz_pdf ]]; then
        max_len=131072
    fi
    found_before=$(find "$crashes" -type f | wc -l)

    echo "fuzz.sh: $target for $per_target s"
    status=0
    "$build/tests/fuzz/$target" -max_total_time="$per_target" -timeout=10 -rss_limit_mb=2048 \
        -max_len="$max_len" -dict="$dict" -print_final_stats=1 -artifact_prefix="$crashes/" \
        "$corpus" "$seeds" "$crashes" >"$log" 2>&1 || status=$?
    grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs|stat::)' "$log" || true

    # libFuzzer exits non-zero on any finding; a kept input or a sanitizer line counts too.
    found_after=$(find "$crashes" -type f | wc -l)
    if ((status != 0)) || ((found_after != found_before)) \
        || grep -qE '^SUMMARY: |ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:' \
            "$log"; then
        echo "fuzz.sh: $target FAILED (exit status $status); the last lines of $log:" >&2
        tail -n 60 "$log" >&2
        echo "fuzz.sh: reproducers in $crashes/:" >&2
        find "$crashes" -type f -newer "$dict" >&2 || true
        failed+=("$target")
    else
        echo "fuzz.sh: $target ran $per_target s with no finding"
    fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
    echo "fuzz.sh: findings in ${failed[*]}; reproduce one with $build/tests/fuzz/TARGET FILE" >&2
    exit 1
fi
echo "fuzz.sh: ${targets[*]} ran $seconds s in all with no finding"

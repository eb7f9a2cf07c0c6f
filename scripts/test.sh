#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Command 2: install the packages, configure and build the `ci` preset (from scratch or
# incrementally) and run every CTest suite, then the same with the sanitized `ci-asan` preset
# (clang), then fuzz the four readers (any bytes, HTML, Word, PDF) for a minute in all with the
# fuzz targets that same ci-asan build holds (scripts/fuzz.sh), so the engine is compiled twice,
# not three times.
# Exits non-zero on any failure, or when no test ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

# The library's PostgreSQL suite runs against a real server on loopback.
if [[ $(id -u) -eq 0 ]]; then
    NIANBAO_TEST_POSTGRES=$(bash scripts/start-postgres.sh)
    export NIANBAO_TEST_POSTGRES
    echo "test.sh: PostgreSQL suite against ${NIANBAO_TEST_POSTGRES%%:*}://…@127.0.0.1/nianbao_test"
else
    echo "test.sh: not root, so PostgreSQL is not started; its suite is skipped" >&2
fi

start=$SECONDS
cmake --preset ci
# Gates before the long build: the sources are clang-formatted, and the engine and the CLI
# configure without Qt Gui and Widgets (core never links them; this proves the build does not
# need them either).
cmake --build build/ci --target format-check
cmake -S . -B build/ci-nogui -G Ninja -DNIANBAO_BUILD_GUI=OFF -DNIANBAO_BUILD_TESTS=OFF >/dev/null
if grep -qE 'Qt6(Gui|Widgets)_DIR:PATH=/' build/ci-nogui/CMakeCache.txt; then
    echo "test.sh: configuring without the window still looks for Qt Gui or Widgets" >&2
    exit 1
fi
cmake --build --preset ci
echo "test.sh: configured and built the ci preset in $((SECONDS - start)) s"

# clang-tidy on the lines the latest run of commits changed (scripts/tidy-changed.sh; the whole tree would
# take about 8 minutes and holds older findings).
bash scripts/tidy-changed.sh

# The preset sets --output-on-failure, no-tests-is-an-error and two jobs; -j2 again for clarity.
ctest --preset ci --output-on-failure -j2

# The engine's and the CLI's suites again under AddressSanitizer (with LeakSanitizer) and
# UndefinedBehaviorSanitizer, without the window (built and tested above; leaving it out keeps CI
# under 20 minutes);
# the preset makes any report abort the test.
start=$SECONDS
if ! command -v clang++ >/dev/null; then
    echo "test.sh: clang++ is missing (the ci-asan preset and the fuzz targets need it); run scripts/install-deps.sh" >&2
    exit 1
fi
cmake --preset ci-asan
cmake --build --preset ci-asan
ctest --preset ci-asan --output-on-failure -j2
echo "test.sh: built and tested the ci-asan preset in $((SECONDS - start)) s"

# Every reader, then extraction, stated figures and the rules on fuzzed bytes: 15 s per target.
NIANBAO_FUZZ_PRESET=ci-asan bash scripts/fuzz.sh 60

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Command 1: install the packages, build the `dev` preset and open Nianbao on the bundled sample
# reports. Until the desktop window exists, runs `nianbao-cli check` on the samples instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

bash scripts/install-deps.sh

cmake --preset dev
cmake --build --preset dev

samples=(resources/samples/*.txt)
gui=$(find build/dev/app -type f -name nianbao -perm -u+x -print -quit 2>/dev/null || true)
cli=$(find build/dev/app -type f -name nianbao-cli -perm -u+x -print -quit 2>/dev/null || true)

if [[ -n "$gui" && ( -n "${DISPLAY:-}" || -n "${WAYLAND_DISPLAY:-}" ) ]]; then
    echo "run.sh: opening $gui on ${#samples[@]} sample reports"
    exec "$gui" "${samples[@]}"
fi

if [[ -n "$gui" ]]; then
    echo "run.sh: no display (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open;"
    echo "run.sh: checking the samples with nianbao-cli instead."
else
    echo "run.sh: the desktop window (nianbao) is not built yet; it is being written."
    echo "run.sh: checking the ${#samples[@]} sample reports with nianbao-cli instead."
fi
if [[ -z "$cli" ]]; then
    echo "run.sh: nianbao-cli was not built either" >&2
    exit 1
fi

echo "run.sh: $cli check ${samples[*]}"
echo
status=0
"$cli" check "${samples[@]}" || status=$?
echo
case $status in
    0) echo "run.sh: no finding of severity error (exit 0)" ;;
    1) echo "run.sh: at least one finding of severity error (exit 1): the samples are real reports" ;;
    *) echo "run.sh: nianbao-cli could not read a file or was called wrongly (exit $status)" >&2
       exit "$status" ;;
esac

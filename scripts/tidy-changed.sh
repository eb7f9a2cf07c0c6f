#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# clang-tidy (the checks of .clang-tidy) on the lines a change touched in core/, widgets/, app/
# and bench/: any diagnostic there fails. The whole tree takes about 8 minutes on two cores and
# holds older findings; the changed lines take seconds to a few minutes and must be clean.
#
# usage: scripts/tidy-changed.sh [BASE]   (BASE: a commit; default NIANBAO_TIDY_BASE, else the
# commit before the latest run of work: HEAD's first-parent history back to the first gap of more
# than two hours between commits, at most 60 commits. A landing is a session's run of commits,
# and checking only HEAD~1 let every commit but the last one through. When .ci/tidy-clean names
# a later ancestor of HEAD, that commit is the base: its tree was checked clean when it was
# recorded (scripts/tidy-changed.sh --record), so lines before it need no second check.)
#        scripts/tidy-changed.sh --record   checks, then writes HEAD to .ci/tidy-clean
# Needs a configured and built tree with compile_commands.json: build/ci (or NIANBAO_TIDY_BUILD).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

# The parent of the oldest commit in HEAD's latest run of work (commits less than 2 h apart).
latest_run_base() {
    local previous='' commit time
    while read -r commit time; do
        if [[ -n $previous && $((previous - time)) -gt 7200 ]]; then
            echo "$commit"
            return
        fi
        previous=$time
    done < <(git log --first-parent --format='%H %ct' -n 61 HEAD)
    echo "HEAD~1"
}

# The commit .ci/tidy-clean names, if it is an ancestor of HEAD and newer than `base`.
recorded_base() {
    local base=$1 recorded
    recorded=$(tr -d '[:space:]' <.ci/tidy-clean 2>/dev/null || true)
    if [[ -n $recorded ]] && git merge-base --is-ancestor "$recorded" HEAD 2>/dev/null \
        && { ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null \
            || git merge-base --is-ancestor "$base" "$recorded"; }; then
        echo "$recorded"
    else
        echo "$base"
    fi
}

record=false
if [[ ${1:-} == --record ]]; then
    record=true
    shift
fi
base=${1:-${NIANBAO_TIDY_BASE:-$(recorded_base "$(latest_run_base)")}}
build=${NIANBAO_TIDY_BUILD:-build/ci}
if ! git rev-parse --verify --quiet "$base^{commit}" >/dev/null; then
    echo "tidy-changed.sh: no commit $base to compare with; nothing to check"
    exit 0
fi
if [[ ! -f $build/compile_commands.json ]]; then
    echo "tidy-changed.sh: $build/compile_commands.json is missing; configure and build $build first" >&2
    exit 1
fi
diff=$(git diff -U0 "$base" -- 'core/*.cpp' 'widgets/*.cpp' 'app/*.cpp' 'bench/*.cpp')
if [[ -z $diff ]]; then
    echo "tidy-changed.sh: no C++ source changed since $base"
    $record && git rev-parse HEAD >.ci/tidy-clean
    exit 0
fi
out=$(printf '%s\n' "$diff" | clang-tidy-diff-14.py -p1 -path "$build" -j 2 -quiet 2>&1 || true)
findings=$(printf '%s\n' "$out" | grep -E '^[^ ].*:[0-9]+:[0-9]+: (warning|error):' || true)
files=$(printf '%s\n' "$diff" | grep -c '^+++ ' || true)
if [[ -n $findings ]]; then
    printf '%s\n' "$out" | grep -vE '^[0-9]+ warnings? generated|^Suppressed|^Use -header-filter' >&2
    echo "tidy-changed.sh: clang-tidy findings on lines changed since $base (above)" >&2
    exit 1
fi
echo "tidy-changed.sh: the lines changed since $base in $files files are clang-tidy clean"
if $record; then
    git rev-parse HEAD >.ci/tidy-clean
    echo "tidy-changed.sh: recorded $(git rev-parse --short HEAD) in .ci/tidy-clean; commit it"
fi

#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs every Debian 12 package needed to build, test and run Nianbao.
# Returns at once when all of them are already installed, so scripts/test.sh stays fast.
set -euo pipefail

packages=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qt6-translations-l10n
    libqt6sql6-sqlite libqt6sql6-psql
    libgl-dev libicu-dev libxlsxwriter-dev libzip-dev libpoppler-cpp-dev libxml2-dev zlib1g-dev
    libpoppler-qt6-dev qt6-image-formats-plugins qt6-charts-dev libqt6opengl6-dev
    libtesseract-dev libleptonica-dev tesseract-ocr-chi-sim tesseract-ocr-eng
    poppler-utils
    postgresql
    xvfb xauth fonts-noto-cjk
    clang-format clang-tidy python3
    clang libclang-rt-14-dev
)

# One dpkg-query call for all packages; an unknown package prints nothing and counts as missing.
installed=" $(dpkg-query -W -f='${Package}=${db:Status-Status} ' "${packages[@]}" 2>/dev/null || true)"
missing=()
for package in "${packages[@]}"; do
    if [[ "$installed" != *" $package=installed "* ]]; then
        missing+=("$package")
    fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
    echo "install-deps: all ${#packages[@]} packages already installed"
    exit 0
fi

echo "install-deps: installing ${missing[*]}"
if [[ $(id -u) -eq 0 ]]; then
    as_root=(env DEBIAN_FRONTEND=noninteractive)
elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
else
    echo "install-deps: missing packages and not root (and no sudo): ${missing[*]}" >&2
    exit 1
fi

"${as_root[@]}" apt-get update
"${as_root[@]}" apt-get install -y --no-install-recommends "${packages[@]}"

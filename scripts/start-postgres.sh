#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Starts the Debian PostgreSQL cluster on loopback and makes a test database for the library's
# PostgreSQL suite. Prints the URL to use as NIANBAO_TEST_POSTGRES. Safe to run again.
set -euo pipefail

version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1)
if [[ -z "$version" ]]; then
    echo "start-postgres: PostgreSQL is not installed (scripts/install-deps.sh installs it)" >&2
    exit 1
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q "^$version main"; then
    pg_createcluster "$version" main >/dev/null
fi
# It says "Cluster is already running." on stdout, which must not end up in the URL.
pg_ctlcluster "$version" main start >&2 2>/dev/null || true
pg_isready -h 127.0.0.1 -q -t 30

as_postgres() { su postgres -s /bin/sh -c "$1"; }
as_postgres "psql -qtAc \"SELECT 1 FROM pg_roles WHERE rolname = 'nianbao'\"" | grep -q 1 \
    || as_postgres "psql -qc \"CREATE ROLE nianbao LOGIN PASSWORD 'nianbao-test'\""
as_postgres "psql -qtAc \"SELECT 1 FROM pg_database WHERE datname = 'nianbao_test'\"" | grep -q 1 \
    || as_postgres "createdb -O nianbao nianbao_test"
echo "postgresql://nianbao:nianbao-test@127.0.0.1:5432/nianbao_test"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace nianbao {

/** `nianbao-cli import PATH... [--library L]`; returns the exit code. */
int runImport(const QStringList &arguments);

/** `nianbao-cli export --format csv|csv-wide|xlsx|json --out FILE [--library L]
 *  [--reviewed-only] [--bom]`; returns the exit code. */
int runExport(const QStringList &arguments);

} // namespace nianbao

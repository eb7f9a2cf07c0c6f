// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace nianbao {

/**
 * `nianbao-cli rollup --summary FILE [--json] UNIT_FILE...` checks a summary report against the
 * sum of its units (rollup.sum); `nianbao-cli rollup --consolidate --out FILE [--format F]
 * UNIT_FILE...` writes the consolidated table of the units. Returns the exit code.
 */
int runRollup(const QStringList &arguments);

} // namespace nianbao

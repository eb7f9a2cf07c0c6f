// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace nianbao {

/** Exit codes of nianbao-cli (spec/cli.md). */
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitFailure = 2 };

/** `nianbao-cli check [--json] FILE...`; returns the exit code. */
int runCheck(const QStringList &arguments);

} // namespace nianbao

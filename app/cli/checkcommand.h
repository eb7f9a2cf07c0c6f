// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace nianbao {

/** Exit codes of nianbao-cli (spec/cli.md). */
enum ExitCode { ExitClean = 0, ExitFindings = 1, ExitFailure = 2 };

/** `nianbao-cli check [--json] FILE...`; returns the exit code. */
int runCheck(const QStringList &arguments);

/**
 * `nianbao-cli text FILE`: prints the document's text as Nianbao decoded it, the text that the
 * JSON's source offsets count in (a PDF's or a web page's text, as read).
 */
int runText(const QStringList &arguments);

} // namespace nianbao

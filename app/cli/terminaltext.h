// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace nianbao {

/**
 * `text` with every control character written as an escape (\x1b, \u202e): C0 and C1 controls,
 * DEL and the bidirectional overrides. A report's agency name, a file name or a message quoting
 * the source could otherwise move the cursor, recolour or clear the terminal, or reorder what
 * the reviewer reads.
 */
QString printable(const QString &text);
/** As printable(), but line feeds and tabs stay: for a whole document's text. */
QString printableLines(const QString &text);

/** Whether stdout is a terminal (where even `nianbao-cli text` escapes control characters). */
bool stdoutIsTerminal();
bool stderrIsTerminal();

} // namespace nianbao

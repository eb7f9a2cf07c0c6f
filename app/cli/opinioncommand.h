// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

namespace nianbao {

/**
 * `nianbao-cli opinion --out DIR [--library L] [--reviewer NAME] [--date YYYY-MM-DD]
 * [--include-reading] [FILE...]`: writes one review opinion (.docx) per report, from FILEs
 * checked as `check` checks them, or else from the library's stored reviews with their
 * corrections and notes. Returns the exit code.
 */
int runOpinion(const QStringList &arguments);

} // namespace nianbao

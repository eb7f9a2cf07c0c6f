// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QPrinter;

namespace nianbao {

class ReviewDocument;

/**
 * The printed review of one report (File › Print, Print Preview): its title, status and note,
 * the three tables as the form lays them out with each cell's mark (! ≠ ∅ ? ∴ ✎), and the
 * findings. As HTML, so print and preview share one layout.
 */
QString printableHtml(const ReviewDocument &document);
/** Prints printableHtml() on `printer`, landscape pages fit the widest table (三). */
void printReport(const ReviewDocument &document, QPrinter *printer);

} // namespace nianbao

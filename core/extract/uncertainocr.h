// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "pageregion.h"

#include <QList>
#include <QString>

#include <vector>

namespace nianbao {

class RuleBook;

/**
 * Distrusts the figures OCR was not sure of. A cell whose figure OCR read with low confidence
 * (below kMinOcrConfidence: its two readings differ, or a digit is doubtful) becomes
 * unreadable, its figure kept as `extractedValue` (the checker offers it as a suggestion) and
 * its text as `sourceText`, and so does a figure whose line's label, as OCR read it, does not
 * name the row the figure was put in, unless a reconciliation rule over it holds exactly with every
 * term read: the arithmetic then confirms the reading, as a reviewer would. A sure reading stays;
 * if it is wrong, the rules it breaks point at it. `text` is the document's text the spans
 * and regions index. Returns how many cells it made unreadable.
 */
int distrustUncertainOcr(std::vector<CellValue> &cells, const QList<PageRegion> &regions,
                         const QString &text, const RuleBook &rules);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "pageregion.h"

#include <QList>
#include <QString>

#include <vector>

namespace nianbao {

/**
 * Distrusts figures OCR read: a cell read as a figure whose span lies in a region OCR read
 * becomes unreadable, its figure kept as
 * `extractedValue` (the checker offers it as a suggestion) and its text as `sourceText`. A
 * misread figure taken as read would be a silent error, the worst outcome; the reviewer checks
 * an unreadable one against the scan. ReportReader calls it for documents OCR read; `text` is
 * the document's text the spans and regions index. Returns how many cells it made unreadable.
 */
int distrustUncertainOcr(std::vector<CellValue> &cells, const QList<PageRegion> &regions,
                         const QString &text);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uncertainocr.h"

#include <algorithm>

namespace nianbao {

namespace {

/** Whether OCR read any of the text `span` covers (a text layer's regions have no confidence). */
bool readByOcr(const SourceSpan &span, const QList<PageRegion> &regions)
{
    auto it
        = std::lower_bound(regions.begin(), regions.end(), span.start,
                           [](const PageRegion &region, int start) { return region.end <= start; });
    for (; it != regions.end() && it->start < span.end; ++it) {
        if (it->confidence >= 0 && it->end > span.start)
            return true;
    }
    return false;
}

} // namespace

int distrustUncertainOcr(std::vector<CellValue> &cells, const QList<PageRegion> &regions,
                         const QString &text)
{
    int distrusted = 0;
    for (CellValue &cell : cells) {
        if (cell.state != CellState::Extracted || !cell.span.isValid()
            || cell.span.end > text.size())
            continue;
        // Every figure OCR read is a suggestion for the reviewer to confirm against the page:
        // on scans of real reports OCR misread figures with confidence 98-99 that no rule
        // caught (silent errors), so no threshold makes a reading safe to trust yet.
        if (!readByOcr(cell.span, regions))
            continue;
        cell.sourceText = text.sliced(cell.span.start, cell.span.length());
        cell.extractedValue = cell.value;
        cell.value.reset();
        cell.state = CellState::Unreadable;
        cell.extractedState = CellState::Unreadable;
        ++distrusted;
    }
    return distrusted;
}

} // namespace nianbao

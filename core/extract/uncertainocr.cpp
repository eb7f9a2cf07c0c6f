// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uncertainocr.h"

#include "loaders/ocr/ocrlimits.h"

#include <algorithm>

namespace nianbao {

namespace {

/** The least OCR confidence of the regions `span` overlaps; 100 if OCR read none of them. */
int leastConfidence(const SourceSpan &span, const QList<PageRegion> &regions)
{
    // Regions are in text order: find the first that may overlap, then walk while they do.
    auto it
        = std::lower_bound(regions.begin(), regions.end(), span.start,
                           [](const PageRegion &region, int start) { return region.end <= start; });
    int least = 100;
    for (; it != regions.end() && it->start < span.end; ++it) {
        if (it->confidence >= 0 && it->end > span.start)
            least = std::min(least, it->confidence);
    }
    return least;
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
        if (leastConfidence(cell.span, regions) >= kMinOcrConfidence)
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

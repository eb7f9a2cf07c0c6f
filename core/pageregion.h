// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QRectF>

namespace nianbao {

/**
 * Where a piece of the loaded text stands on a page of a paged source (PDF, a scan): the text
 * range [start, end) in LoadedDocument::text (and Report::text) and its box in points, origin
 * at the page's top left. The page view outlines a selected cell's region.
 */
struct PageRegion
{
    int start = 0;
    int end = 0;
    int page = 0; ///< zero-based
    QRectF rect;
    /**
     * OCR's confidence, 0–100, in what this region reads; -1 for a text layer's words. A
     * figure read with low confidence is not trusted as read (the reader makes it unreadable,
     * its reading a suggestion).
     */
    int confidence = -1;

    friend bool operator==(const PageRegion &, const PageRegion &) = default;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pageregion.h"
#include "sourcespan.h"

#include <QDebug>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

namespace nianbao {

/** Where a piece of text stands on one page: a box in points from the page's top left. */
struct PageBox
{
    int page = 0; ///< zero-based
    QRectF rect;

    friend bool operator==(const PageBox &, const PageBox &) = default;
};

QString describe(const PageBox &box);
QDebug operator<<(QDebug debug, const PageBox &box);

/**
 * Maps text spans of a paged report (PDF, scan) to boxes on its pages and back, from the
 * PageRegion list the loader recorded. The page view outlines the selected cell with it and
 * finds the cell under a click; GUI-free, so core's tests check it.
 */
class PageMap final
{
public:
    PageMap() = default;
    explicit PageMap(QList<PageRegion> regions);

    bool isEmpty() const { return m_regions.isEmpty(); }

    /**
     * The boxes of a span, one per page it touches, in page order: the union of the regions it
     * overlaps there. A span covering part of a region (one figure of a run of fused digits, a
     * figure inside a line of narrative) gets that part of the region's width, counting a wide
     * (CJK) character as two narrow ones; `text` is the report's text the spans count in.
     */
    QList<PageBox> boxes(const SourceSpan &span, const QString &text) const;

    /**
     * Which of `boxes` (e.g. every cell's boxes, by cell) holds `point` on `page`: the index of
     * the smallest box that contains it, so a figure inside a wider box wins; -1 if none.
     */
    static int indexAt(const QList<QList<PageBox>> &boxes, int page, QPointF point);

private:
    QRectF overlapRect(const PageRegion &region, int start, int end, const QString &text) const;

    QList<PageRegion> m_regions; ///< by start
    int m_longestRegion = 0; ///< bounds the search back from a span's start
};

/**
 * Zero-based page numbers as one-based ranges, e.g. {2, 3, 4, 7} as "3–5, 8" (with
 * `separator` ", "): how the report panel names the pages OCR read.
 */
QString pageRangesText(QList<int> pages, const QString &separator);

} // namespace nianbao

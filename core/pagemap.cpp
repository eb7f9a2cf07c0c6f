// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagemap.h"

#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** A CJK or full-width character takes about twice a digit's width on the page. */
int widthUnits(QChar character)
{
    return character.unicode() >= 0x2E80 ? 2 : 1;
}

int widthUnits(const QString &text, int from, int to)
{
    int units = 0;
    for (int i = std::max(from, 0); i < std::min(to, int(text.size())); ++i)
        units += widthUnits(text[i]);
    return units;
}

} // namespace

QString describe(const PageBox &box)
{
    // Six digits: a box computed as 29.999999999999996 reads as the 30 it is.
    const auto number = [](qreal value) {
        return QString::number(value, 'g', 6);
    };
    return u"page %1 (%2, %3, %4×%5)"_s.arg(box.page + 1)
        .arg(number(box.rect.x()), number(box.rect.y()), number(box.rect.width()),
             number(box.rect.height()));
}

QDebug operator<<(QDebug debug, const PageBox &box)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "PageBox(" << describe(box) << ')';
    return debug;
}

PageMap::PageMap(QList<PageRegion> regions)
    : m_regions(std::move(regions))
{
    std::stable_sort(m_regions.begin(), m_regions.end(),
                     [](const PageRegion &a, const PageRegion &b) { return a.start < b.start; });
    for (const PageRegion &region : std::as_const(m_regions))
        m_longestRegion = std::max(m_longestRegion, region.end - region.start);
}

QRectF PageMap::overlapRect(const PageRegion &region, int start, int end, const QString &text) const
{
    const int from = std::max(start, region.start);
    const int to = std::min(end, region.end);
    if (from == region.start && to == region.end)
        return region.rect;
    const int total = widthUnits(text, region.start, region.end);
    if (total == 0)
        return region.rect;
    const qreal unit = region.rect.width() / total;
    const qreal left = region.rect.left() + unit * widthUnits(text, region.start, from);
    return {left, region.rect.top(), unit * widthUnits(text, from, to), region.rect.height()};
}

QList<PageBox> PageMap::boxes(const SourceSpan &span, const QString &text) const
{
    if (!span.isValid() || m_regions.isEmpty())
        return {};
    const int start = span.start;
    // An empty span still stands somewhere: at the character it starts at.
    const int end = std::max(span.end, start + 1);
    // Regions are sorted by start; none is longer than m_longestRegion, so none that starts
    // before this one can reach the span.
    const auto first = std::lower_bound(
        m_regions.cbegin(), m_regions.cend(), start - m_longestRegion,
        [](const PageRegion &region, int position) { return region.start < position; });
    QMap<int, QRectF> byPage;
    for (auto region = first; region != m_regions.cend() && region->start < end; ++region) {
        if (region->end <= start)
            continue;
        const QRectF rect = overlapRect(*region, start, end, text);
        QRectF &united = byPage[region->page];
        united = united.isNull() ? rect : united.united(rect);
    }
    QList<PageBox> found;
    for (auto it = byPage.cbegin(); it != byPage.cend(); ++it)
        found.append(PageBox {it.key(), it.value()});
    return found;
}

int PageMap::indexAt(const QList<QList<PageBox>> &boxes, int page, QPointF point)
{
    int found = -1;
    qreal smallest = 0;
    for (int index = 0; index < boxes.size(); ++index) {
        for (const PageBox &box : boxes[index]) {
            const qreal area = box.rect.width() * box.rect.height();
            if (box.page == page && box.rect.contains(point) && (found < 0 || area < smallest)) {
                found = index;
                smallest = area;
            }
        }
    }
    return found;
}

QString pageRangesText(QList<int> pages, const QString &separator)
{
    std::sort(pages.begin(), pages.end());
    pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
    QStringList ranges;
    for (qsizetype i = 0; i < pages.size();) {
        qsizetype last = i;
        while (last + 1 < pages.size() && pages[last + 1] == pages[last] + 1)
            ++last;
        ranges.append(last == i ? QString::number(pages[i] + 1)
                                : u"%1–%2"_s.arg(pages[i] + 1).arg(pages[last] + 1));
        i = last + 1;
    }
    return ranges.join(separator);
}

} // namespace nianbao

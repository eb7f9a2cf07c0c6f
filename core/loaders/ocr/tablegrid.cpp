// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablegrid.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <numeric>
#include <optional>

namespace nianbao {

namespace {

// In pixels at kOcrDpi (300 dpi: 12 px = 1 mm).
/** Ink runs at least this long are ruling lines: a 14 pt character is some 60 px wide. */
constexpr int kMinHorizontalLine = 90;
/** Vertical lines this short still count: a table row is 60 px high at least. */
constexpr int kMinVerticalLine = 30;
/** Gaps a scan leaves in a line, bridged before the lines are found. */
constexpr int kLineGap = 5;
/** Lines this close are one (a thick line, a double rule, a slight slant). */
constexpr int kEdgeTolerance = 10;
/** A vertical line's end this close to a row line's ink meets it: strokes of text stop short. */
constexpr int kMeetTolerance = 4;
/** A grid cell's side is walled where lines cover this share of it. */
constexpr double kWallCover = 0.6;
/** Tables are at least this wide and high. */
constexpr int kMinTableWidth = 300;
constexpr int kMinTableHeight = 60;
/** Grid cells a table may have: the form's largest table has some 250. */
constexpr int kMaxGridCells = 5'000;

/** A straight piece of a ruling line: from `from` to `to` along it, at `at` across it. */
struct Segment
{
    int from = 0;
    int to = 0;
    int at = 0;
    QRect box;
};

QList<Segment> segmentsOf(Pix *lines, bool horizontal)
{
    QList<Segment> segments;
    BOXA *boxes = pixConnCompBB(lines, 8);
    if (!boxes)
        return segments;
    for (int i = 0; i < boxaGetCount(boxes); ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        const QRect box(x, y, w, h);
        segments.append(horizontal ? Segment {x, x + w, y + h / 2, box}
                                   : Segment {y, y + h, x + w / 2, box});
    }
    boxaDestroy(&boxes);
    return segments;
}

QList<QRect> componentBoxes(Pix *lines)
{
    QList<QRect> rects;
    BOXA *boxes = pixConnCompBB(lines, 8);
    if (!boxes)
        return rects;
    for (int i = 0; i < boxaGetCount(boxes); ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        if (w >= kMinTableWidth && h >= kMinTableHeight)
            rects.append(QRect(x, y, w, h));
    }
    boxaDestroy(&boxes);
    std::sort(rects.begin(), rects.end(),
              [](const QRect &a, const QRect &b) { return a.top() < b.top(); });
    return rects;
}

/** Values closer than kEdgeTolerance, as one (their mean), in order. */
QList<int> clustered(QList<int> values)
{
    std::sort(values.begin(), values.end());
    QList<int> edges;
    qsizetype first = 0;
    for (qsizetype i = 1; i <= values.size(); ++i) {
        if (i < values.size() && values[i] - values[i - 1] <= kEdgeTolerance)
            continue;
        const int sum = std::accumulate(values.begin() + first, values.begin() + i, 0);
        edges.append(sum / int(i - first));
        first = i;
    }
    return edges;
}

bool near(int a, int b)
{
    return std::abs(a - b) <= kEdgeTolerance;
}

bool nearAny(int value, const QList<int> &edges)
{
    return std::any_of(edges.begin(), edges.end(), [&](int edge) { return near(value, edge); });
}

/** How much of [from, to) the segments at `at` cover. */
int covered(const QList<Segment> &segments, int at, int from, int to)
{
    int length = 0;
    for (const Segment &s : segments) {
        if (near(s.at, at))
            length += std::max(0, std::min(s.to, to) - std::max(s.from, from));
    }
    return length;
}

bool walled(const QList<Segment> &segments, int at, int from, int to)
{
    return covered(segments, at, from, to) >= kWallCover * (to - from);
}

/** The cells of a grid joined into merged cells where no line parts them (union–find). */
class CellMerger final
{
public:
    CellMerger(int rows, int columns)
        : m_parent(qsizetype(rows) * columns)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }
    void join(int a, int b) { m_parent[find(a)] = find(b); }
    int find(int cell)
    {
        while (m_parent[cell] != cell)
            cell = m_parent[cell] = m_parent[m_parent[cell]];
        return cell;
    }

private:
    QList<int> m_parent;
};

class GridBuilder final
{
public:
    GridBuilder(const QRect &box, const QList<Segment> &horizontal, const QList<Segment> &vertical)
        : m_box(box)
    {
        const QRect area
            = box.adjusted(-kEdgeTolerance, -kEdgeTolerance, kEdgeTolerance, kEdgeTolerance);
        for (const Segment &s : horizontal) {
            if (area.contains((s.from + s.to) / 2, s.at))
                m_horizontal.append(s);
        }
        for (const Segment &s : vertical) {
            if (area.contains(s.at, (s.from + s.to) / 2))
                m_vertical.append(s);
        }
    }

    std::optional<TableGrid> build()
    {
        QList<int> rowYs;
        for (const Segment &s : m_horizontal)
            rowYs.append(s.at);
        m_grid.rowEdges = clustered(rowYs);
        keepVerticalsBetweenRows();
        findColumns();
        keepRowsSpanningACell();
        if (m_grid.rows() < 1 || m_grid.columns() < 1
            || m_grid.rows() * m_grid.columns() > kMaxGridCells)
            return std::nullopt;
        m_grid.box = m_box;
        mergeCells();
        return m_grid;
    }

    /** The vertical lines of the grid, once build() has told them from strokes of text. */
    const QList<Segment> &verticals() const { return m_vertical; }

    /** The horizontal lines on the grid's row lines: not the long strokes of characters (一). */
    QList<Segment> rowLines() const
    {
        QList<Segment> lines;
        for (const Segment &s : m_horizontal) {
            if (nearAny(s.at, m_grid.rowEdges))
                lines.append(s);
        }
        return lines;
    }

private:
    /** Whether a horizontal line's ink passes through (x, y), give or take kMeetTolerance. */
    bool meetsRowLine(int x, int y) const
    {
        return std::any_of(m_horizontal.begin(), m_horizontal.end(), [&](const Segment &h) {
            return x >= h.from - kMeetTolerance && x <= h.to + kMeetTolerance
                && y >= h.box.top() - kMeetTolerance && y <= h.box.bottom() + kMeetTolerance;
        });
    }

    /**
     * Vertical lines run from one row line to another and meet them; strokes of text do not.
     * Nearness to a row line is not enough: the tall strokes of a small font in a low row
     * (the form's two long 其他处理 rows) come within a few pixels of both its lines.
     */
    void keepVerticalsBetweenRows()
    {
        m_vertical.removeIf([&](const Segment &s) {
            return near(s.from, s.to) || !meetsRowLine(s.at, s.from) || !meetsRowLine(s.at, s.to);
        });
    }

    void findColumns()
    {
        QList<int> xs;
        for (const Segment &s : m_vertical)
            xs.append(s.at);
        QList<int> edges = clustered(xs);
        // A table open at its sides (no outer vertical lines) ends where its rows end.
        if (edges.isEmpty() || edges.front() > m_box.left() + kEdgeTolerance)
            edges.prepend(m_box.left());
        if (edges.back() < m_box.right() - kEdgeTolerance)
            edges.append(m_box.right());
        m_grid.columnEdges = edges;
    }

    /** A row line walls one grid cell's side at least; an underline in a cell does not. */
    void keepRowsSpanningACell()
    {
        const QList<int> &xs = m_grid.columnEdges;
        m_grid.rowEdges.removeIf([&](int y) {
            for (qsizetype c = 0; c + 1 < xs.size(); ++c) {
                if (walled(m_horizontal, y, xs[c], xs[c + 1]))
                    return false;
            }
            return true;
        });
    }

    bool wallRightOf(int row, int column) const
    {
        const QList<int> &ys = m_grid.rowEdges;
        return walled(m_vertical, m_grid.columnEdges[column + 1], ys[row], ys[row + 1]);
    }

    bool wallBelow(int row, int column) const
    {
        const QList<int> &xs = m_grid.columnEdges;
        return walled(m_horizontal, m_grid.rowEdges[row + 1], xs[column], xs[column + 1]);
    }

    void mergeCells()
    {
        const int rows = m_grid.rows();
        const int columns = m_grid.columns();
        CellMerger merger(rows, columns);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                if (c + 1 < columns && !wallRightOf(r, c))
                    merger.join(r * columns + c, r * columns + c + 1);
                if (r + 1 < rows && !wallBelow(r, c))
                    merger.join(r * columns + c, (r + 1) * columns + c);
            }
        }
        emitCells(merger);
    }

    void emitCells(CellMerger &merger)
    {
        const int rows = m_grid.rows();
        const int columns = m_grid.columns();
        QList<int> anchorOf(qsizetype(rows) * columns, -1);
        for (int r = 0; r < rows; ++r) {
            for (int c = 0; c < columns; ++c) {
                const int root = merger.find(r * columns + c);
                if (anchorOf[root] < 0) {
                    anchorOf[root] = int(m_grid.cells.size());
                    m_grid.cells.append(GridCell {r, c, 1, 1, {}});
                }
                GridCell &cell = m_grid.cells[anchorOf[root]];
                cell.rowSpan = std::max(cell.rowSpan, r - cell.row + 1);
                cell.columnSpan = std::max(cell.columnSpan, c - cell.column + 1);
            }
        }
        for (GridCell &cell : m_grid.cells) {
            cell.box = QRect(QPoint(m_grid.columnEdges[cell.column], m_grid.rowEdges[cell.row]),
                             QPoint(m_grid.columnEdges[cell.column + cell.columnSpan],
                                    m_grid.rowEdges[cell.row + cell.rowSpan]));
        }
    }

    QRect m_box;
    QList<Segment> m_horizontal;
    QList<Segment> m_vertical;
    TableGrid m_grid;
};

/** Copies the ink of `from` in `box` onto `to`. */
void paint(Pix *to, Pix *from, const QRect &box)
{
    pixRasterop(to, box.x(), box.y(), box.width(), box.height(), PIX_PAINT, from, box.x(), box.y());
}

} // namespace

TableGrids findTableGrids(Pix *binary)
{
    TableGrids found;
    const PixPtr closedAcross(pixCloseBrick(nullptr, binary, kLineGap, 1));
    const PixPtr closedDown(pixCloseBrick(nullptr, binary, 1, kLineGap));
    if (!closedAcross || !closedDown)
        return found;
    const PixPtr horizontal(pixOpenBrick(nullptr, closedAcross.get(), kMinHorizontalLine, 1));
    const PixPtr vertical(pixOpenBrick(nullptr, closedDown.get(), 1, kMinVerticalLine));
    if (!horizontal || !vertical)
        return found;
    const PixPtr candidates(pixOr(nullptr, horizontal.get(), vertical.get()));
    const QList<Segment> across = segmentsOf(horizontal.get(), true);
    const QList<Segment> down = segmentsOf(vertical.get(), false);
    // Only the lines of a grid are ruling lines: the opening also keeps the longer strokes of
    // characters (一, the verticals of a small font), which must stay for Tesseract.
    PixPtr lines(pixCreateTemplate(horizontal.get()));
    for (const QRect &box : componentBoxes(candidates.get())) {
        GridBuilder builder(box, across, down);
        std::optional<TableGrid> grid = builder.build();
        if (!grid)
            continue;
        found.tables.append(std::move(*grid));
        for (const Segment &line : builder.verticals())
            paint(lines.get(), vertical.get(), line.box);
        for (const Segment &line : builder.rowLines())
            paint(lines.get(), horizontal.get(), line.box);
    }
    found.lines.reset(pixDilateBrick(nullptr, lines.get(), 5, 5));
    return found;
}

} // namespace nianbao

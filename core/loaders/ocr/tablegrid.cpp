// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tablegrid.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>

namespace nianbao {

namespace {

// In pixels at kOcrDpi (300 dpi: 12 px = 1 mm).
/**
 * Ink runs at least this long are ruling lines (2 cm). Shorter ones are strokes of text: the
 * closing that bridges a scan's gaps in a line also joins the 一 strokes of neighbouring bold
 * characters into runs some 100 px long. A row line runs on across the column lines it
 * crosses, so even the form's narrowest column does not make it shorter.
 */
constexpr int kMinHorizontalLine = 240;
/** Vertical lines this short still count: a table row is 60 px high at least. */
constexpr int kMinVerticalLine = 30;
/** Gaps a scan leaves in a line, bridged before the lines are found. */
constexpr int kLineGap = 5;
/** Lines this close are one (a thick line, a double rule, a slight slant). */
constexpr int kEdgeTolerance = 10;
/** A row line broken over this much (a seal's width) still walls the cells below it. */
constexpr int kMaxLineGap = 600;
/** A vertical line's end this close to a row line's ink meets it: strokes of text stop short. */
constexpr int kMeetTolerance = 4;
/** A grid cell's side is walled where lines cover this share of it. */
constexpr double kWallCover = 0.6;
/** Tables are at least this wide and high. */
constexpr int kMinTableWidth = 600;
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
    bool splitOff = false; ///< split from other ink it touched (splitIntoLines)
};

/** A ruling line is at most this thick; a thicker piece is a line joined to other ink. */
constexpr int kMaxLineThickness = 8;
/** A straight line drifts at most one pixel across in this many along it (about 1°). */
constexpr int kStraightness = 60;
/** Runs in neighbouring pixel columns are one line where their ends are this close. */
constexpr int kRunShift = 3;

/** A run of ink along a line's direction, in one pixel column (or row) across it. */
struct Run
{
    int at = 0;
    int from = 0;
    int to = 0;
};

bool inked(Pix *pix, int along, int across, bool horizontal)
{
    l_uint32 value = 0;
    if (horizontal)
        pixGetPixel(pix, along, across, &value);
    else
        pixGetPixel(pix, across, along, &value);
    return value != 0;
}

/** The runs at least `minLength` long in `box`, across it one pixel at a time. */
QList<Run> runsIn(Pix *lines, const QRect &box, bool horizontal, int minLength)
{
    QList<Run> runs;
    const int acrossFrom = horizontal ? box.top() : box.left();
    const int acrossTo = horizontal ? box.bottom() : box.right();
    const int alongFrom = horizontal ? box.left() : box.top();
    const int alongTo = horizontal ? box.right() : box.bottom();
    for (int across = acrossFrom; across <= acrossTo; ++across) {
        int start = -1;
        for (int along = alongFrom; along <= alongTo + 1; ++along) {
            const bool ink = along <= alongTo && inked(lines, along, across, horizontal);
            if (ink && start < 0)
                start = along;
            if (!ink && start >= 0) {
                if (along - start >= minLength)
                    runs.append(Run {across, start, along});
                start = -1;
            }
        }
    }
    return runs;
}

/**
 * Whether `run` goes on the line whose last run is `last`: in the next pixel column, with
 * nearly the same ends. A straight line's runs are alike column after column; the runs of a
 * seal's ring that touches the line shift along it, and go to lines of their own.
 */
bool continues(const Run &last, const Run &run)
{
    return last.at == run.at - 1 && std::abs(last.from - run.from) <= kRunShift
        && std::abs(last.to - run.to) <= kRunShift;
}

/**
 * The lines in a piece of ink thicker than a line: a ruling line that a seal's ring or a
 * stroke of text touches is one piece with it, and its box, its ends and its place across
 * would be theirs. Runs in neighbouring pixel columns that continue each other are one line.
 */
QList<Segment> splitIntoLines(Pix *lines, const QRect &box, bool horizontal, int minLength)
{
    QList<Segment> found;
    QList<Run> lastRuns; ///< each found line's run in the pixel column last added to it
    for (const Run &run : runsIn(lines, box, horizontal, minLength)) {
        qsizetype line = 0;
        while (line < found.size() && !continues(lastRuns[line], run))
            ++line;
        const QRect runBox = horizontal ? QRect(run.from, run.at, run.to - run.from, 1)
                                        : QRect(run.at, run.from, 1, run.to - run.from);
        if (line == found.size()) {
            found.append(Segment {run.from, run.to, run.at, runBox, true});
            lastRuns.append(run);
            continue;
        }
        Segment &segment = found[line];
        segment.from = std::min(segment.from, run.from);
        segment.to = std::max(segment.to, run.to);
        segment.box |= runBox;
        lastRuns[line] = run;
    }
    for (Segment &line : found)
        line.at = horizontal ? line.box.center().y() : line.box.center().x();
    return found;
}

QList<Segment> segmentsOf(Pix *lines, bool horizontal, int minLength)
{
    QList<Segment> segments;
    for (const QRect &box : inkPieces(lines)) {
        if ((horizontal ? box.height() : box.width()) > kMaxLineThickness) {
            segments.append(splitIntoLines(lines, box, horizontal, minLength));
            continue;
        }
        const QPoint centre(box.x() + box.width() / 2, box.y() + box.height() / 2);
        segments.append(horizontal ? Segment {box.x(), box.x() + box.width(), centre.y(), box}
                                   : Segment {box.y(), box.y() + box.height(), centre.x(), box});
    }
    return segments;
}

QList<QRect> componentBoxes(Pix *lines)
{
    QList<QRect> rects = inkPieces(lines);
    rects.removeIf([](const QRect &box) {
        return box.width() < kMinTableWidth || box.height() < kMinTableHeight;
    });
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
     * Whether (x, y) lies in a gap of a row line: pieces of the line end left of x and go on
     * right of it, at most kMaxLineGap apart (a seal or a fold broke it there).
     */
    bool inGapOfRowLine(int x, int y) const
    {
        if (meetsRowLine(x, y))
            return false;
        int gapFrom = std::numeric_limits<int>::min();
        int gapTo = std::numeric_limits<int>::max();
        for (const Segment &h : m_horizontal) {
            if (y < h.box.top() - kMeetTolerance || y > h.box.bottom() + kMeetTolerance)
                continue;
            if (h.to < x)
                gapFrom = std::max(gapFrom, h.to);
            if (h.from > x)
                gapTo = std::min(gapTo, h.from);
        }
        return gapFrom != std::numeric_limits<int>::min()
            && gapTo != std::numeric_limits<int>::max() && gapTo - gapFrom <= kMaxLineGap;
    }

    /**
     * Whether a vertical piece is straight: as narrow as a line, give or take what a skew of
     * 1° left after deskewing adds. The near-vertical sides of a seal's ring cross row lines
     * too, but they bow.
     */
    static bool isStraight(const Segment &s)
    {
        return s.box.width() <= kMaxLineThickness + (s.to - s.from) / kStraightness;
    }

    /** The row lines the vertical line crosses, running on past them both ways. */
    int crossings(const Segment &v) const
    {
        return int(std::count_if(m_horizontal.begin(), m_horizontal.end(), [&](const Segment &h) {
            return v.at >= h.from && v.at <= h.to && h.at > v.from + kEdgeTolerance
                && h.at < v.to - kEdgeTolerance;
        }));
    }

    bool isColumnLine(const Segment &s) const
    {
        if (near(s.from, s.to) || !isStraight(s))
            return false;
        const bool top = meetsRowLine(s.at, s.from);
        const bool bottom = meetsRowLine(s.at, s.to);
        // A piece split off a seal's ring may be the ring's side: it must run from one row
        // line's place to another's, as a column line under a seal does.
        if (s.splitOff && (!nearAny(s.from, m_grid.rowEdges) || !nearAny(s.to, m_grid.rowEdges)))
            return false;
        // Through a row line: no stroke of text does that.
        if (const int crossed = crossings(s); crossed > 0)
            return top || bottom || crossed >= 2;
        // Within one row: from its top line to its bottom line, one of them perhaps broken.
        if (!nearAny(s.from, m_grid.rowEdges) || !nearAny(s.to, m_grid.rowEdges))
            return false;
        return (top && bottom) || (top && inGapOfRowLine(s.at, s.to))
            || (bottom && inGapOfRowLine(s.at, s.from));
    }

    /**
     * Vertical lines meet or cross two row lines at least; strokes of text do not. Nearness
     * to a row line is not enough: the tall strokes of a small font in a low row (the form's
     * two long 其他处理 rows) come within a few pixels of both its lines. A line may end where
     * a seal broke the row line, or run on open where the table goes on to the next page.
     */
    void keepVerticalsBetweenRows()
    {
        m_vertical.removeIf([&](const Segment &s) { return !isColumnLine(s); });
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
    const QList<Segment> across = segmentsOf(horizontal.get(), true, kMinHorizontalLine);
    const QList<Segment> down = segmentsOf(vertical.get(), false, kMinVerticalLine);
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

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pixptr.h"

#include <QList>
#include <QRect>

namespace nianbao {

/** One cell of a table's grid, a merged cell as one: where it starts, what it spans. */
struct GridCell
{
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;
    QRect box; ///< pixels, between the ruling lines around it

    friend bool operator==(const GridCell &, const GridCell &) = default;
};

/** A ruled table found on a page image: its grid lines and cells. */
struct TableGrid
{
    QRect box; ///< pixels, the table's outer lines
    QList<int> rowEdges; ///< y of each horizontal grid line, top to bottom
    QList<int> columnEdges; ///< x of each vertical grid line, left to right
    QList<GridCell> cells; ///< each cell once, by its first row, then its first column

    int rows() const { return int(rowEdges.size()) - 1; }
    int columns() const { return int(columnEdges.size()) - 1; }
};

/** A page's ruled tables, and the ink of their ruling lines. */
struct TableGrids
{
    QList<TableGrid> tables; ///< top to bottom
    PixPtr lines; ///< 1 bpp, the ruling lines' ink, a little widened; null if none
};

/**
 * Finds the ruled tables of a binary page (ink 1, at kOcrDpi). Ruling lines are what stays of
 * the ink after an opening with long horizontal and vertical structuring elements (text does
 * not hold runs that long); where a line touches other ink (a seal's ring), the straight runs
 * are split from the rest. The rows are the horizontal lines; the columns are the straight
 * vertical lines that meet or cross two row lines, or end where a seal broke one, which the
 * strokes of text never do. Two neighbouring grid cells with no line between them are one
 * merged cell. The grid, not the reading order, gives each cell its row and column.
 */
TableGrids findTableGrids(Pix *binary);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QList>
#include <QString>

#include <memory>

namespace nianbao {

struct TextTable;

// Caps shared by the parsers that build blocks (HTML, Word) and the writer below. A report's
// tables have tens of rows and at most a few dozen columns; these are far beyond any report.

/** Tables nested deeper than this are damage (pages nest layout tables a few levels deep);
 *  parsers refuse them, as a tree this deep would overflow the stack when freed. */
inline constexpr int kMaxTableNesting = 64;
/** Grid columns of one table row, spans included; cells beyond them are not read. */
inline constexpr int kMaxGridColumns = 1000;
/** Grid cells (rows × columns once spans are expanded) of one table written as a grid. */
inline constexpr qsizetype kMaxTableGridCells = 200'000;
/** Grid cells of all the tables of a document written as grids. */
inline constexpr qsizetype kMaxDocumentGridCells = 2'000'000;

/** One block of a structured document (an HTML page, a Word body): a paragraph or a table. */
struct TextBlock
{
    QString paragraph; ///< the paragraph's text; a '\n' in it starts a new line
    std::shared_ptr<TextTable> table; ///< set for a table, and then `paragraph` is unused
};

/** A table cell as HTML and Word write it: its content and the grid cells it covers. */
struct TextTableCell
{
    QList<TextBlock> blocks;
    int columnSpan = 1; ///< colspan, gridSpan
    int rowSpan = 1; ///< rowspan; 0 covers the rest of the table (HTML rowspan="0")
};

/** A table as HTML and Word write it: rows of cells, each cell placed after those it spans. */
struct TextTable
{
    QString caption;
    QList<QList<TextTableCell>> rows;
};

/**
 * Writes the blocks that the HTML and Word loaders build as the text of a LoadedDocument.
 * A paragraph becomes a line. A table of data becomes one line per row with one tab-separated
 * field per grid column once colspan/rowspan (gridSpan/vMerge) are expanded: a merged cell's
 * text stands in its first grid cell and the cells it covers stay empty fields, so every
 * figure keeps its column and a blank cell stays blank. A layout table (one that holds
 * another table, a single column, or whole passages in a cell) is flattened: its cells' blocks
 * are written one after another, so the statistical tables inside it are the ones read as
 * tables.
 */
QString writeStructuredText(const QList<TextBlock> &blocks);

/** The text writeStructuredText gives, and the caps it had to apply (structure.*). */
struct StructuredText
{
    QString text;
    QList<Error> warnings;
};

/**
 * writeStructuredText with its warnings. Every walk is iterative and linear in the blocks and
 * the cells written, so any depth of nesting and any spans are safe: a table whose expanded
 * grid would exceed kMaxTableGridCells (or the document's kMaxDocumentGridCells) is written
 * one line per row with its cells as they stand, unmerged, and a warning says so.
 */
StructuredText layoutStructuredText(const QList<TextBlock> &blocks);

/** A cell's text on one line: its paragraphs joined by spaces, whitespace collapsed. */
QString cellText(const TextTableCell &cell);

} // namespace nianbao

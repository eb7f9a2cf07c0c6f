// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "structuredtext.h"

#include <QCoreApplication>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** A cell holding this much is a passage of the page, not a figure or a label. */
constexpr int kPassageParagraphs = 4;
constexpr int kPassageLength = 300;

QString translate(const char *text)
{
    return QCoreApplication::translate("nianbao::StructuredText", text);
}

using BlockRange = std::pair<const TextBlock *, const TextBlock *>;

BlockRange rangeOf(const QList<TextBlock> &blocks)
{
    return {blocks.constData(), blocks.constData() + blocks.size()};
}

/**
 * Visits `blocks` in reading order, and the blocks of a table's cells (row by row) in place of
 * the table when `visit(block)` returns true for it. Iterative: tables nested any number of
 * levels deep cannot overflow the stack.
 */
template<typename Visit>
void walkBlocks(const QList<TextBlock> &blocks, Visit visit)
{
    std::vector<BlockRange> pending {rangeOf(blocks)};
    while (!pending.empty()) {
        BlockRange &range = pending.back();
        if (range.first == range.second) {
            pending.pop_back();
            continue;
        }
        const TextBlock &block = *range.first++;
        if (!visit(block) || !block.table)
            continue;
        const size_t first = pending.size();
        for (const QList<TextTableCell> &row : std::as_const(block.table->rows)) {
            for (const TextTableCell &cell : row)
                pending.push_back(rangeOf(cell.blocks));
        }
        std::reverse(pending.begin() + qsizetype(first), pending.end());
    }
}

void appendCellText(const QList<TextBlock> &blocks, QString &out)
{
    walkBlocks(blocks, [&out](const TextBlock &block) {
        if (block.table)
            return true;
        if (!out.isEmpty())
            out += u' ';
        out += block.paragraph;
        return false;
    });
}

bool isLayoutTable(const TextTable &table)
{
    int widest = 0;
    for (const QList<TextTableCell> &row : table.rows) {
        int width = 0;
        for (const TextTableCell &cell : row) {
            width += std::clamp(cell.columnSpan, 1, kMaxGridColumns);
            int paragraphs = 0;
            for (const TextBlock &block : cell.blocks) {
                if (block.table)
                    return true;
                if (!block.paragraph.trimmed().isEmpty())
                    ++paragraphs;
            }
            if (paragraphs >= kPassageParagraphs || cellText(cell).size() > kPassageLength)
                return true;
        }
        widest = std::max(widest, width);
    }
    return widest <= 1;
}

/** A data table with its spans expanded: per row, the text of each grid cell it starts. */
struct Grid
{
    std::vector<std::vector<QString>> rows;
    int columns = 0;
};

/**
 * Expands the spans: each cell takes the first free grid cell of its row and covers
 * rowSpan × columnSpan cells; its text goes to its first cell, the rest stay empty. Linear in
 * the grid cells: nothing when the grid (or the work to build it) would exceed `maxCells`.
 */
std::optional<Grid> expandSpans(const TextTable &table, qsizetype maxCells)
{
    const int rowCount = int(table.rows.size());
    // Per grid column: the first row that the cell spanning down into it no longer covers.
    std::vector<int> coveredUntil;
    Grid grid;
    grid.rows.resize(size_t(rowCount));
    qsizetype work = 0;
    for (int r = 0; r < rowCount; ++r) {
        const auto covered = [&](int c) {
            return size_t(c) < coveredUntil.size() && coveredUntil[size_t(c)] > r;
        };
        int column = 0;
        std::vector<QString> &texts = grid.rows[size_t(r)];
        for (const TextTableCell &cell : table.rows[r]) {
            while (covered(column))
                ++column;
            if (column >= kMaxGridColumns)
                return std::nullopt; // cells beyond the grid: written as they stand instead
            const int columnSpan = std::clamp(cell.columnSpan, 1, kMaxGridColumns - column);
            const int rowSpan
                = cell.rowSpan <= 0 ? rowCount - r : std::min(cell.rowSpan, rowCount - r);
            if (coveredUntil.size() < size_t(column + columnSpan))
                coveredUntil.resize(size_t(column + columnSpan), 0);
            for (int c = column; c < column + columnSpan; ++c)
                coveredUntil[size_t(c)] = std::max(coveredUntil[size_t(c)], r + rowSpan);
            if (texts.size() < size_t(column + 1))
                texts.resize(size_t(column + 1));
            texts[size_t(column)] = cellText(cell);
            column += columnSpan;
        }
        work += std::max<qsizetype>(1, column);
        if (work > maxCells)
            return std::nullopt;
    }
    grid.columns = int(coveredUntil.size());
    const auto written = std::count_if(grid.rows.begin(), grid.rows.end(), [](const auto &texts) {
        return std::any_of(texts.begin(), texts.end(),
                           [](const QString &t) { return !t.isEmpty(); });
    });
    if (qsizetype(written) * grid.columns > maxCells)
        return std::nullopt;
    return grid;
}

class Writer
{
public:
    void blocks(const QList<TextBlock> &blocks);
    StructuredText take() { return {std::move(m_out), std::move(m_warnings)}; }

private:
    void line(QStringView text);
    void blankLine();
    void dataTable(const TextTable &table);
    void gridRows(const Grid &grid);
    void unmergedRows(const TextTable &table);

    QString m_out;
    QList<Error> m_warnings;
    int m_dataTables = 0;
    qsizetype m_gridCells = 0; ///< written so far, against kMaxDocumentGridCells
};

void Writer::line(QStringView text)
{
    text = text.trimmed();
    if (text.isEmpty())
        return;
    m_out += text;
    m_out += u'\n';
}

void Writer::blankLine()
{
    if (!m_out.isEmpty() && !m_out.endsWith(u"\n\n"))
        m_out += u'\n';
}

void Writer::blocks(const QList<TextBlock> &blocks)
{
    walkBlocks(blocks, [this](const TextBlock &block) {
        if (!block.table) {
            for (QStringView piece : QStringView(block.paragraph).split(u'\n'))
                line(piece);
            return false;
        }
        const TextTable &table = *block.table;
        if (!isLayoutTable(table)) {
            dataTable(table);
            return false;
        }
        line(table.caption); // a layout table: its cells' blocks follow one after another
        return true;
    });
}

void Writer::dataTable(const TextTable &table)
{
    ++m_dataTables;
    const qsizetype left = kMaxDocumentGridCells - m_gridCells;
    const std::optional<Grid> grid = expandSpans(table, std::min(kMaxTableGridCells, left));
    blankLine();
    line(table.caption);
    if (grid) {
        gridRows(*grid);
    } else {
        unmergedRows(table);
        const bool documentFull = left < kMaxTableGridCells;
        m_warnings.append(Error {
            documentFull ? u"structure.too_many_cells"_s : u"structure.table_too_large"_s,
            (documentFull ? translate("The document's tables hold more than %1 grid cells in "
                                      "all, far more than a report; table %2 (%3 rows) and "
                                      "the larger ones after it are written with their cells "
                                      "as they stand, merged cells not expanded.")
                                .arg(kMaxDocumentGridCells)
                          : translate("Table %2 (%3 rows) would expand to more than %1 grid "
                                      "cells (rows × columns), far more than a report's table; "
                                      "its rows are written with their cells as they stand, "
                                      "merged cells not expanded.")
                                .arg(kMaxTableGridCells))
                .arg(m_dataTables)
                .arg(table.rows.size()),
            {}});
    }
    blankLine();
}

void Writer::gridRows(const Grid &grid)
{
    for (const std::vector<QString> &texts : grid.rows) {
        if (std::all_of(texts.begin(), texts.end(), [](const QString &t) { return t.isEmpty(); }))
            continue;
        m_gridCells += grid.columns;
        for (int c = 0; c < grid.columns; ++c) {
            if (c > 0)
                m_out += u'\t';
            if (size_t(c) < texts.size())
                m_out += texts[size_t(c)];
        }
        m_out += u'\n';
    }
}

void Writer::unmergedRows(const TextTable &table)
{
    for (const QList<TextTableCell> &row : table.rows) {
        QStringList texts;
        bool empty = true;
        for (const TextTableCell &cell : row) {
            texts.append(cellText(cell));
            empty = empty && texts.last().isEmpty();
        }
        if (!empty)
            m_out += texts.join(u'\t') % u'\n';
    }
}

} // namespace

QString cellText(const TextTableCell &cell)
{
    QString text;
    appendCellText(cell.blocks, text);
    // Tabs and line breaks would split the row's fields; the cell is one field on one line.
    for (QChar &c : text) {
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    }
    return text.simplified();
}

StructuredText layoutStructuredText(const QList<TextBlock> &blocks)
{
    Writer writer;
    writer.blocks(blocks);
    StructuredText written = writer.take();
    while (written.text.endsWith(u"\n\n"))
        written.text.chop(1);
    return written;
}

QString writeStructuredText(const QList<TextBlock> &blocks)
{
    return layoutStructuredText(blocks).text;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "structuredtext.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Spans beyond these are damage, not layout; they would only blow the grid up. */
constexpr int kMaxColumnSpan = 1000;
constexpr int kMaxGridColumns = 1000;
/** A cell holding this much is a passage of the page, not a figure or a label. */
constexpr int kPassageParagraphs = 4;
constexpr int kPassageLength = 300;

void appendCellText(const QList<TextBlock> &blocks, QString &out)
{
    for (const TextBlock &block : blocks) {
        if (block.table) {
            for (const QList<TextTableCell> &row : std::as_const(block.table->rows)) {
                for (const TextTableCell &cell : row)
                    appendCellText(cell.blocks, out);
            }
            continue;
        }
        if (!out.isEmpty())
            out += u' ';
        out += block.paragraph;
    }
}

bool isLayoutTable(const TextTable &table)
{
    int widest = 0;
    for (const QList<TextTableCell> &row : table.rows) {
        int width = 0;
        for (const TextTableCell &cell : row) {
            width += std::max(1, cell.columnSpan);
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

class Writer
{
public:
    void blocks(const QList<TextBlock> &blocks);
    QString take() { return std::move(m_out); }

private:
    void line(QStringView text);
    void blankLine();
    void dataTable(const TextTable &table);

    QString m_out;
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
    for (const TextBlock &block : blocks) {
        if (!block.table) {
            for (QStringView piece : QStringView(block.paragraph).split(u'\n'))
                line(piece);
            continue;
        }
        const TextTable &table = *block.table;
        if (!isLayoutTable(table)) {
            dataTable(table);
            continue;
        }
        line(table.caption);
        for (const QList<TextTableCell> &row : table.rows) {
            for (const TextTableCell &cell : row)
                this->blocks(cell.blocks);
        }
    }
}

void Writer::dataTable(const TextTable &table)
{
    // Expand the spans: each cell takes the first free grid cell of its row and covers
    // rowSpan × columnSpan cells; its text goes to its first cell, the rest stay empty.
    const int rowCount = int(table.rows.size());
    auto taken = std::vector<std::vector<bool>>(size_t(rowCount));
    auto grid = std::vector<std::vector<QString>>(size_t(rowCount));
    int columns = 0;
    for (int r = 0; r < rowCount; ++r) {
        int column = 0;
        for (const TextTableCell &cell : table.rows[r]) {
            std::vector<bool> &used = taken[size_t(r)];
            while (size_t(column) < used.size() && used[size_t(column)])
                ++column;
            if (column >= kMaxGridColumns)
                break;
            const int columnSpan = std::clamp(cell.columnSpan, 1,
                                              std::min(kMaxColumnSpan, kMaxGridColumns - column));
            const int rowSpan
                = cell.rowSpan <= 0 ? rowCount - r : std::min(cell.rowSpan, rowCount - r);
            for (int rr = r; rr < r + rowSpan; ++rr) {
                std::vector<bool> &cells = taken[size_t(rr)];
                if (cells.size() < size_t(column + columnSpan))
                    cells.resize(size_t(column + columnSpan), false);
                std::fill(cells.begin() + column, cells.begin() + column + columnSpan, true);
            }
            std::vector<QString> &texts = grid[size_t(r)];
            if (texts.size() < size_t(column + 1))
                texts.resize(size_t(column + 1));
            texts[size_t(column)] = cellText(cell);
            column += columnSpan;
        }
    }
    for (const std::vector<bool> &used : taken)
        columns = std::max(columns, int(used.size()));

    blankLine();
    line(table.caption);
    for (const std::vector<QString> &texts : grid) {
        if (std::all_of(texts.begin(), texts.end(), [](const QString &t) { return t.isEmpty(); }))
            continue;
        QString row;
        for (int c = 0; c < columns; ++c) {
            if (c > 0)
                row += u'\t';
            if (size_t(c) < texts.size())
                row += texts[size_t(c)];
        }
        m_out += row % u'\n';
    }
    blankLine();
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

QString writeStructuredText(const QList<TextBlock> &blocks)
{
    Writer writer;
    writer.blocks(blocks);
    QString text = writer.take();
    while (text.endsWith(u"\n\n"))
        text.chop(1);
    return text;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formlayout.h"

#include "reporttemplate.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

// The printed form heads the columns of section 二 with this caption; the template has no
// field for it because no report is read by it.
constexpr QStringView kContentCaption = u"信息内容";

FormItem caption(int row, int column, QString text, int rowSpan = 1, int columnSpan = 1)
{
    FormItem item {row, column, rowSpan, columnSpan, FormItemKind::Caption, std::move(text), 0};
    return item;
}

FormItem rowLabel(int row, int column, QString text, int level, int rowSpan = 1, int columnSpan = 1)
{
    return FormItem {row,  column, rowSpan, columnSpan, FormItemKind::RowLabel, std::move(text),
                     level};
}

/**
 * The number after a form numeral (一 → 二 …); a row group such as 本年度办理结果 takes the number
 * after the numbered row before it, as the printed form counts them (一、二、三、四).
 */
QString nextNumeral(const QString &numeral)
{
    static const QString kNumerals = u"一二三四五六七八九十"_s;
    const qsizetype at = kNumerals.indexOf(numeral);
    return numeral.size() == 1 && at >= 0 && at + 1 < kNumerals.size() ? QString(kNumerals[at + 1])
                                                                       : QString();
}

QString numbered(const QString &number, const QString &text)
{
    return number.isEmpty() ? text : number % u'、' % text;
}

/** Length of the run of rows from `first` on that share a field's value. */
template<typename Field>
int runLength(const QList<TemplateRow> &rows, qsizetype first, Field field)
{
    qsizetype last = first;
    while (last + 1 < rows.size() && field(rows[last + 1]) == field(rows[first]))
        ++last;
    return int(last - first + 1);
}

} // namespace

FormLayout FormLayout::build(const ReportTemplate &reportTemplate, int table)
{
    FormLayout layout;
    const TemplateTable &templateTable = reportTemplate.tables()[table];
    if (templateTable.groupsInOneRow)
        layout.buildGroupsInOneRow(templateTable);
    else if (!templateTable.rowGroups.isEmpty())
        layout.buildGroupedRows(templateTable);
    else
        layout.buildLabelledRows(templateTable);
    layout.finish();
    return layout;
}

const FormItem *FormLayout::itemAt(int row, int column) const
{
    if (row < 0 || column < 0 || row >= m_rows || column >= m_columns)
        return nullptr;
    const int index = m_grid[size_t(row * m_columns + column)];
    return index < 0 ? nullptr : &m_items[index];
}

void FormLayout::add(FormItem item)
{
    m_rows = std::max(m_rows, item.row + item.rowSpan);
    m_columns = std::max(m_columns, item.column + item.columnSpan);
    if (item.kind == FormItemKind::Value) {
        m_cellPositions.insert(item.cell, QPoint(item.column, item.row));
        m_cells.append(item.cell);
    }
    m_items.append(std::move(item));
}

void FormLayout::finish()
{
    m_grid.assign(size_t(m_rows * m_columns), -1);
    for (int i = 0; i < m_items.size(); ++i) {
        const FormItem &item = m_items[i];
        for (int r = item.row; r < item.row + item.rowSpan; ++r) {
            for (int c = item.column; c < item.column + item.columnSpan; ++c)
                m_grid[size_t(r * m_columns + c)] = i;
        }
    }
}

void FormLayout::addValues(const TemplateTable &table, int templateRow, int row, int firstColumn,
                           int width)
{
    const TemplateRow &source = table.rows[templateRow];
    const int count = int(source.columns.size());
    for (int i = 0; i < count; ++i) {
        FormItem item {row, firstColumn + i, 1, 1, FormItemKind::Value, {}, 0, source.cells[i]};
        if (i == count - 1)
            item.columnSpan = width - i; // a row with fewer columns stretches its last cell
        add(item);
    }
}

// Section 二: each 第二十条 group has a heading row, a caption row and its rows.
void FormLayout::buildGroupedRows(const TemplateTable &table)
{
    int width = 0;
    for (const TemplateRow &row : table.rows)
        width = std::max(width, int(row.columns.size()));
    int formRow = 0;
    for (const auto &[label, rowKeys] : table.rowGroups) {
        add(caption(formRow++, 0, label, 1, width + 1));
        QList<int> members;
        for (int r = 0; r < table.rows.size(); ++r) {
            if (rowKeys.contains(table.rows[r].key))
                members.append(r);
        }
        if (members.isEmpty())
            continue;
        add(caption(formRow, 0, kContentCaption.toString()));
        const QList<int> &columns = table.rows[members.first()].columns;
        for (int i = 0; i < columns.size(); ++i) {
            const int span = i == columns.size() - 1 ? width - i : 1;
            add(caption(formRow, 1 + i, table.columns[columns[i]].label, 1, span));
        }
        ++formRow;
        for (int r : std::as_const(members)) {
            add(rowLabel(formRow, 0, table.rows[r].label, 3));
            addValues(table, r, formRow++, 1, width);
        }
    }
}

// Section 四: the groups stand side by side, each with its own columns, over one row of values.
void FormLayout::buildGroupsInOneRow(const TemplateTable &table)
{
    const bool grouped = std::any_of(table.rows.cbegin(), table.rows.cend(),
                                     [](const TemplateRow &row) { return !row.group.isEmpty(); });
    const int valueRow = grouped ? 3 : 2;
    int column = 0;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const TemplateRow &row = table.rows[r];
        const int width = int(row.columns.size());
        if (row.group.isEmpty()) {
            add(caption(0, column, row.label, valueRow - 1, width));
        } else {
            if (r == 0 || table.rows[r - 1].group != row.group) {
                int groupWidth = 0;
                const int run
                    = runLength(table.rows, r, [](const TemplateRow &x) { return x.group; });
                for (qsizetype m = r; m < r + run; ++m)
                    groupWidth += int(table.rows[m].columns.size());
                add(caption(0, column, row.group, 1, groupWidth));
            }
            add(caption(1, column, row.label, 1, width));
        }
        for (int i = 0; i < width; ++i)
            add(caption(valueRow - 1, column + i, table.columns[row.columns[i]].label));
        addValues(table, int(r), valueRow, column, width);
        column += width;
    }
}

// Section 三: numbered rows, the 本年度办理结果 group with its (一)…(七) subgroups, and the
// 法人或其他组织 column group.
void FormLayout::buildLabelledRows(const TemplateTable &table)
{
    auto hasField = [&](auto field) {
        return std::any_of(table.rows.cbegin(), table.rows.cend(),
                           [&](const TemplateRow &row) { return !field(row).isEmpty(); });
    };
    const bool groups = hasField([](const TemplateRow &r) { return r.group; });
    const bool subgroups = hasField([](const TemplateRow &r) { return r.subgroup; });
    const bool columnGroups
        = std::any_of(table.columns.cbegin(), table.columns.cend(),
                      [](const TemplateColumn &c) { return !c.group.isEmpty(); });
    const int headerRows = columnGroups ? 2 : 1;
    const int labelColumns = 1 + (groups ? 1 : 0) + (subgroups ? 1 : 0);
    const int labelColumn = labelColumns - 1;

    add(FormItem {0, 0, headerRows, labelColumns, FormItemKind::Caption, {}, 0});
    for (int c = 0; c < table.columns.size(); ++c) {
        const TemplateColumn &column = table.columns[c];
        const int at = labelColumns + c;
        if (column.group.isEmpty()) {
            add(caption(0, at, column.label, headerRows));
            continue;
        }
        if (c == 0 || table.columns[c - 1].group != column.group) {
            int span = 1;
            while (c + span < table.columns.size() && table.columns[c + span].group == column.group)
                ++span;
            add(caption(0, at, column.group, 1, span));
        }
        add(caption(1, at, column.label));
    }

    QString lastNumber;
    for (qsizetype r = 0; r < table.rows.size(); ++r) {
        const TemplateRow &row = table.rows[r];
        const int formRow = headerRows + int(r);
        const bool startsGroup
            = !row.group.isEmpty() && (r == 0 || table.rows[r - 1].group != row.group);
        const QString number
            = row.number.isEmpty() && startsGroup ? nextNumeral(lastNumber) : row.number;
        if (!number.isEmpty())
            lastNumber = number;
        if (row.group.isEmpty()) {
            add(rowLabel(formRow, 0, numbered(row.number, row.label), 3, 1, labelColumns));
        } else {
            if (r == 0 || table.rows[r - 1].group != row.group) {
                const int run
                    = runLength(table.rows, r, [](const TemplateRow &x) { return x.group; });
                add(rowLabel(formRow, 0, numbered(number, row.group), 1, run));
            }
            const int subgroupColumn = groups ? 1 : 0;
            const int run
                = runLength(table.rows, r, [](const TemplateRow &x) { return x.subgroup; });
            const bool firstOfRun = r == 0 || table.rows[r - 1].subgroup != row.subgroup;
            if (row.subgroup.isEmpty() || (run == 1 && firstOfRun)) {
                const QString text
                    = row.subgroup.isEmpty() ? row.label : row.subgroup % u' ' % row.label;
                add(rowLabel(formRow, subgroupColumn, text, 3, 1, labelColumns - subgroupColumn));
            } else {
                if (firstOfRun)
                    add(rowLabel(formRow, subgroupColumn, row.subgroup, 2, run));
                add(rowLabel(formRow, labelColumn, row.label, 3));
            }
        }
        addValues(table, int(r), formRow, labelColumns, int(row.columns.size()));
    }
}

} // namespace nianbao

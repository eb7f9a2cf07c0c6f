// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellroles.h"

#include <QHash>
#include <QList>
#include <QPoint>
#include <QString>

#include <vector>

namespace nianbao {

class ReportTemplate;
struct TemplateTable;

/** One merged block of an official form: a caption, a row label or a value cell. */
struct FormItem
{
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;
    FormItemKind kind = FormItemKind::Blank;
    QString text;
    int level = 0; ///< labels: 0 caption, 1 group, 2 subgroup, 3 row label
    int cell = -1; ///< values: the template cell index
};

/**
 * The grid of one official table as the printed form has it (国办公开办函〔2021〕30号):
 * merged column headers, numbered row labels, the 法人或其他组织 column group, the 第二十条
 * groups of section 二 and the side-by-side groups of section 四. Built from the template only.
 */
class FormLayout
{
public:
    static FormLayout build(const ReportTemplate &reportTemplate, int table);

    int rowCount() const { return m_rows; }
    int columnCount() const { return m_columns; }
    const QList<FormItem> &items() const { return m_items; }
    /** The item covering a grid position, or nullptr for a blank one. */
    const FormItem *itemAt(int row, int column) const;
    /** The grid position of a value cell, or (-1, -1) if the cell is not in this table. */
    QPoint positionOf(int cell) const { return m_cellPositions.value(cell, QPoint(-1, -1)); }
    const QList<int> &cells() const { return m_cells; }

private:
    void add(FormItem item);
    void finish();
    void buildGroupedRows(const TemplateTable &table);
    void buildGroupsInOneRow(const TemplateTable &table);
    void buildLabelledRows(const TemplateTable &table);
    void addValues(const TemplateTable &table, int templateRow, int row, int firstColumn,
                   int width);

    int m_rows = 0;
    int m_columns = 0;
    QList<FormItem> m_items;
    std::vector<int> m_grid; ///< item index per position, -1 for blank
    QHash<int, QPoint> m_cellPositions; ///< cell → (column, row)
    QList<int> m_cells;
};

} // namespace nianbao

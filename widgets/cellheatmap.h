// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formlayout.h"
#include "library/libraryoverview.h"

#include <QList>
#include <QRect>
#include <QWidget>

namespace nianbao {

/**
 * The form's three tables (sections 二, 三 and 四) laid out as the printed form has them, each
 * value cell coloured by how many reports break it: white for none, deepest red for the cell
 * most reports break. A tooltip gives the cell's label, counts and key; a click asks for the
 * reports with a finding on it.
 */
class CellHeatMap final : public QWidget
{
    Q_OBJECT

public:
    explicit CellHeatMap(QWidget *parent = nullptr);

    void setOverview(const LibraryOverview &overview);
    /** Where the value cell `cell` is drawn; empty if the form has no such cell. */
    QRect cellRect(int cell) const;
    /** The value cell at `point`, or -1. */
    int cellAt(QPoint point) const;
    QSize sizeHint() const override;

signals:
    /** A cell was clicked: the reports with an open finding on it (perhaps none). */
    void cellClicked(int cell, const QList<qint64> &reports);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Block
    {
        FormLayout layout;
        QString title;
        QPoint origin; ///< of the table's grid, below its title
        QList<int> columnX; ///< left edge of each grid column, from the origin, plus the end
    };
    void buildBlocks();
    QRect itemRect(const Block &block, const FormItem &item) const;
    QColor heatColor(int reports) const;
    QString cellToolTip(int cell) const;

    QList<Block> m_blocks;
    QList<CellTally> m_cells;
    int m_hottest = 0; ///< reports on the hottest cell, for the scale
    QSize m_size;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"
#include <QTabWidget>

namespace nianbao {

class FormTableModel;
class FormTableView;
class ReportTemplate;
class ReviewCursor;

/** The template's official tables, one tab each, showing the cursor's report and cell. */
class FormTablesWidget final : public QTabWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormTablesWidget)

public:
    FormTablesWidget(const ReportTemplate &reportTemplate, ReviewCursor *cursor,
                     QWidget *parent = nullptr);

    FormTableView *view(int table) const { return m_views.value(table); }
    /** The view of the table holding a cell, or nullptr. */
    FormTableView *viewOfCell(int cell) const;
    /** The cell being edited or current in the visible table, -1 if none. */
    int currentCell() const;

    /** Shows the next (1) or previous (-1) table, round the three. */
    void stepTable(int step);
    /** Text size in steps of one point from the window's (0), within kMinZoom…kMaxZoom. */
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

signals:
    void inputRejected(const QString &message);

private:
    void setDocument(ReviewDocument *document);
    void showCursorCell();

    const ReportTemplate &m_template;
    ReviewCursor *m_cursor;
    QList<FormTableModel *> m_models;
    QList<FormTableView *> m_views;
    qreal m_basePointSize = 0;
    int m_zoom = 0;
};

} // namespace nianbao

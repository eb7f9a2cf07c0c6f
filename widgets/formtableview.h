// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

#include <vector>

namespace nianbao {

class FormTableModel;
class ReviewCursor;

/**
 * Shows one FormTableModel as the printed form: merged captions and labels, no headers, sizes
 * that fit the labels. Keyboard moves skip the labels. Follows and updates the ReviewCursor.
 */
class FormTableView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormTableView)

public:
    FormTableView(FormTableModel *model, ReviewCursor *cursor, QWidget *parent = nullptr);

    FormTableModel *formModel() const { return m_model; }
    /** The cells selected in this view, in the template's order. */
    QList<int> selectedCells() const;

protected:
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applySpans();
    /** Column widths in widths of 中, before any room to spare is shared out. */
    std::vector<qreal> baseWidths() const;
    /** The pixels each column needs for its widest figure, in the bold of a correction. */
    std::vector<int> figureWidths() const;
    /** Narrows labels, then value columns, by up to `missing` widths of 中. */
    static void compact(std::vector<qreal> &widths, qreal missing);
    void updateSizes();
    void followCursor();
    QModelIndex valueAt(int row, int column) const;
    QModelIndex stepInReadingOrder(int row, int column, int step) const;

    FormTableModel *m_model;
    ReviewCursor *m_cursor;
    bool m_following = false;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formtableview.h"

#include "celldelegate.h"
#include "cellstyle.h"
#include "formtablemodel.h"
#include "reviewcursor.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>

#include <algorithm>
#include <numeric>

namespace nianbao {

namespace {

constexpr qreal kValueWidth = 3.7; ///< in widths of 中
constexpr qreal kLabelWidth = 11.5;
constexpr qreal kGroupWidth = 2.4;
constexpr qreal kSubgroupWidth = 4.6;
/** How much of its width a label column gives up when the pane is narrow (a 1366×768 screen):
 *  its text wraps onto more lines instead of the table's columns going off the side. */
constexpr qreal kLabelShrink = 0.4;
constexpr qreal kMinValueWidth = 2.9; ///< a narrow pane's value columns: 4 digits and marks

} // namespace

FormTableView::FormTableView(FormTableModel *model, ReviewCursor *cursor, QWidget *parent)
    : QTableView(parent)
    , m_model(model)
    , m_cursor(cursor)
{
    setModel(model);
    setItemDelegate(new CellDelegate(this));
    horizontalHeader()->hide();
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    setSelectionMode(ExtendedSelection);
    setEditTriggers(DoubleClicked | EditKeyPressed | AnyKeyPressed);
    setWordWrap(true);
    setTabKeyNavigation(true);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    applySpans();
    updateSizes();
    connect(model, &QAbstractItemModel::modelReset, this, &FormTableView::followCursor);
    // A longer figure widens its column rather than losing its leading digits.
    connect(model, &QAbstractItemModel::modelReset, this, &FormTableView::updateSizes);
    connect(model, &QAbstractItemModel::dataChanged, this, &FormTableView::updateSizes);
    connect(cursor, &ReviewCursor::selectionChanged, this, &FormTableView::followCursor);
}

QList<int> FormTableView::selectedCells() const
{
    QList<int> cells;
    for (const QModelIndex &index : selectionModel()->selectedIndexes()) {
        const int cell = m_model->cellAt(index);
        if (cell >= 0 && !cells.contains(cell))
            cells.append(cell);
    }
    std::sort(cells.begin(), cells.end());
    return cells;
}

void FormTableView::applySpans()
{
    clearSpans();
    for (const FormItem &item : m_model->layout().items()) {
        if (item.rowSpan > 1 || item.columnSpan > 1)
            setSpan(item.row, item.column, item.rowSpan, item.columnSpan);
    }
}

std::vector<qreal> FormTableView::baseWidths() const
{
    const FormLayout &layout = m_model->layout();
    std::vector<qreal> widths(size_t(layout.columnCount()), kValueWidth);
    for (const FormItem &item : layout.items()) {
        if (item.kind != FormItemKind::RowLabel || item.columnSpan != 1)
            continue;
        const qreal width = item.level == 1 ? kGroupWidth
            : item.level == 2               ? kSubgroupWidth
                                            : kLabelWidth;
        qreal &current = widths[size_t(item.column)];
        current = current == kValueWidth ? width : std::max(current, width);
    }
    return widths;
}

void FormTableView::updateSizes()
{
    const FormLayout &layout = m_model->layout();
    const qreal em = fontMetrics().horizontalAdvance(QChar(0x4E2D));
    std::vector<qreal> widths = baseWidths();
    // Room to spare goes to the row labels first (fewer wrapped lines), then to the values.
    qreal spare
        = viewport()->width() / em - std::accumulate(widths.begin(), widths.end(), 0.0) - 0.5;
    for (qreal &width : widths) {
        if (spare > 0 && width == kLabelWidth) {
            const qreal grow = std::min(spare, kLabelWidth * 0.6);
            width += grow;
            spare -= grow;
        }
    }
    const qreal valueColumns = qreal(std::count(widths.begin(), widths.end(), kValueWidth));
    for (qreal &width : widths) {
        if (spare > 0 && width == kValueWidth)
            width += std::min(spare / valueColumns, kValueWidth * 0.5);
    }
    if (spare < 0)
        compact(widths, -spare);
    const std::vector<int> figures = figureWidths();
    for (int c = 0; c < layout.columnCount(); ++c)
        setColumnWidth(c, std::max(int(widths[size_t(c)] * em), figures[size_t(c)]));

    const int minimum = fontMetrics().height() + 10;
    std::vector<int> heights(size_t(layout.rowCount()), minimum);
    for (const FormItem &item : layout.items()) {
        if (item.rowSpan != 1 || item.text.isEmpty())
            continue;
        int width = 0;
        for (int c = item.column; c < item.column + item.columnSpan; ++c)
            width += columnWidth(c);
        const QRect bounds = fontMetrics().boundingRect(QRect(0, 0, width - 10, 10000),
                                                        Qt::TextWordWrap, item.text);
        heights[size_t(item.row)] = std::max(heights[size_t(item.row)], bounds.height() + 8);
    }
    for (int r = 0; r < layout.rowCount(); ++r)
        setRowHeight(r, heights[size_t(r)]);
}

void FormTableView::compact(std::vector<qreal> &widths, qreal missing)
{
    // Labels first: wrapped labels are still read, while a column off the side is not seen.
    for (qreal &width : widths) {
        if (missing > 0 && width > kValueWidth) {
            const qreal shrink = std::min(missing, width * kLabelShrink);
            width -= shrink;
            missing -= shrink;
        }
    }
    const qreal valueColumns = qreal(std::count(widths.begin(), widths.end(), kValueWidth));
    const qreal perValue = std::min(missing / valueColumns, kValueWidth - kMinValueWidth);
    for (qreal &width : widths) {
        if (missing > 0 && width == kValueWidth)
            width -= perValue;
    }
}

std::vector<int> FormTableView::figureWidths() const
{
    const FormLayout &layout = m_model->layout();
    std::vector<int> widths(size_t(layout.columnCount()), 0);
    // Bold, as a corrected figure is drawn: the widest a figure gets.
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics metrics(bold);
    for (const FormItem &item : layout.items()) {
        if (item.kind != FormItemKind::Value || item.columnSpan != 1)
            continue;
        const QString text = m_model->index(item.row, item.column).data().toString();
        int &width = widths[size_t(item.column)];
        width = std::max(width, metrics.horizontalAdvance(text) + CellStyle::valuePadding());
    }
    return widths;
}

void FormTableView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    updateSizes();
}

QModelIndex FormTableView::valueAt(int row, int column) const
{
    const FormItem *item = m_model->layout().itemAt(row, column);
    if (!item || item->kind != FormItemKind::Value)
        return {};
    return m_model->index(item->row, item->column);
}

QModelIndex FormTableView::stepInReadingOrder(int row, int column, int step) const
{
    const FormLayout &layout = m_model->layout();
    const int count = layout.rowCount() * layout.columnCount();
    for (int at = row * layout.columnCount() + column + step; at >= 0 && at < count; at += step) {
        const QModelIndex index = valueAt(at / layout.columnCount(), at % layout.columnCount());
        if (index.isValid() && index.row() * layout.columnCount() + index.column() == at)
            return index;
    }
    return {};
}

QModelIndex FormTableView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    // The form's captions and labels are never current: moves go from value to value.
    const QModelIndex current = currentIndex();
    if (!current.isValid() || m_model->cellAt(current) < 0)
        return stepInReadingOrder(0, -1, 1);
    const FormItem *item = m_model->layout().itemAt(current.row(), current.column());
    const int row = item->row;
    const int column = item->column;
    QModelIndex next;
    switch (action) {
    case MoveNext:
        next = stepInReadingOrder(row, column, 1);
        break;
    case MovePrevious:
        next = stepInReadingOrder(row, column, -1);
        break;
    case MoveRight:
        for (int c = column + item->columnSpan; c < m_model->columnCount() && !next.isValid(); ++c)
            next = valueAt(row, c);
        break;
    case MoveLeft:
        for (int c = column - 1; c >= 0 && !next.isValid(); --c)
            next = valueAt(row, c);
        break;
    case MoveDown:
        for (int r = row + item->rowSpan; r < m_model->rowCount() && !next.isValid(); ++r)
            next = valueAt(r, column);
        break;
    case MoveUp:
        for (int r = row - 1; r >= 0 && !next.isValid(); --r)
            next = valueAt(r, column);
        break;
    default: {
        const QModelIndex moved = QTableView::moveCursor(action, modifiers);
        next = moved.isValid() ? valueAt(moved.row(), moved.column()) : QModelIndex();
        if (!next.isValid() && moved.isValid())
            next = stepInReadingOrder(moved.row(), moved.column(), 1);
    }
    }
    return next.isValid() ? next : current;
}

void FormTableView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTableView::currentChanged(current, previous);
    if (m_following)
        return;
    const int cell = m_model->cellAt(current);
    if (cell >= 0)
        m_cursor->selectCell(cell);
}

void FormTableView::keyPressEvent(QKeyEvent *event)
{
    const bool clearKey = event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace;
    if (clearKey && state() != EditingState && m_model->cellAt(currentIndex()) >= 0) {
        m_model->setData(currentIndex(), QString(), Qt::EditRole);
        return;
    }
    QTableView::keyPressEvent(event);
}

void FormTableView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange)
        updateSizes();
    QTableView::changeEvent(event);
}

void FormTableView::followCursor()
{
    if (m_following)
        return;
    m_following = true;
    QItemSelection selection;
    for (int cell : m_cursor->cells()) {
        const QModelIndex index = m_model->indexOfCell(cell);
        if (index.isValid())
            selection.select(index, index);
    }
    const QModelIndex current = m_model->indexOfCell(m_cursor->cell());
    if (current.isValid()) {
        selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
        // Before the first layout the viewport has no height and any row would scroll to the top.
        if (isVisible() && viewport()->height() > 0)
            scrollTo(current);
    }
    selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    m_following = false;
}

} // namespace nianbao

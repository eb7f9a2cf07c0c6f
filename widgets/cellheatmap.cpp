// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellheatmap.h"

#include "displaytexts.h"
#include "reporttemplate.h"

#include <QFontMetrics>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QTextOption>
#include <QToolTip>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kRowHeight = 18;
constexpr int kValueWidth = 30;
constexpr int kLabelWidth = 112; ///< a column of labels only: long labels are cut
constexpr int kMargin = 6;
constexpr int kTitleHeight = 22;
constexpr int kBlockGap = 10;

bool isValueColumn(const FormLayout &layout, int column)
{
    for (int row = 0; row < layout.rowCount(); ++row) {
        const FormItem *item = layout.itemAt(row, column);
        if (item && item->kind == FormItemKind::Value)
            return true;
    }
    return false;
}

} // namespace

CellHeatMap::CellHeatMap(QWidget *parent)
    : QWidget(parent)
{
    setMouseTracking(false);
    buildBlocks();
    m_cells.resize(ReportTemplate::standard().cellCount());
}

void CellHeatMap::buildBlocks()
{
    const ReportTemplate &form = ReportTemplate::standard();
    int y = kMargin;
    int width = 0;
    for (int table = 0; table < form.tables().size(); ++table) {
        Block block {FormLayout::build(form, table),
                     form.tables()[table].section % u"、"_s % form.tables()[table].title,
                     QPoint(kMargin, y + kTitleHeight),
                     {0}};
        for (int column = 0; column < block.layout.columnCount(); ++column)
            block.columnX.append(
                block.columnX.last()
                + (isValueColumn(block.layout, column) ? kValueWidth : kLabelWidth));
        width = std::max(width, block.columnX.last());
        y = block.origin.y() + block.layout.rowCount() * kRowHeight + kBlockGap;
        m_blocks.append(block);
    }
    m_size = QSize(width + 2 * kMargin, y);
}

void CellHeatMap::setOverview(const LibraryOverview &overview)
{
    m_cells = overview.cells;
    m_cells.resize(ReportTemplate::standard().cellCount());
    m_hottest = 0;
    for (const CellTally &cell : std::as_const(m_cells))
        m_hottest = std::max(m_hottest, int(cell.reports.size()));
    update();
}

QSize CellHeatMap::sizeHint() const
{
    return m_size;
}

QRect CellHeatMap::itemRect(const Block &block, const FormItem &item) const
{
    const int left = block.columnX[item.column];
    const int right = block.columnX[item.column + item.columnSpan];
    return {block.origin.x() + left, block.origin.y() + item.row * kRowHeight, right - left,
            item.rowSpan * kRowHeight};
}

QRect CellHeatMap::cellRect(int cell) const
{
    for (const Block &block : m_blocks) {
        const QPoint at = block.layout.positionOf(cell);
        if (at.x() < 0)
            continue;
        if (const FormItem *item = block.layout.itemAt(at.y(), at.x()))
            return itemRect(block, *item);
    }
    return {};
}

int CellHeatMap::cellAt(QPoint point) const
{
    for (const Block &block : m_blocks) {
        for (const FormItem &item : block.layout.items()) {
            if (item.kind == FormItemKind::Value && itemRect(block, item).contains(point))
                return item.cell;
        }
    }
    return -1;
}

QColor CellHeatMap::heatColor(int reports) const
{
    if (reports <= 0 || m_hottest <= 0)
        return palette().color(QPalette::Base);
    // From a pale to a deep red: even one report stands out from the untouched cells.
    const float share = std::clamp(0.25F + 0.75F * float(reports) / float(m_hottest), 0.0F, 1.0F);
    return QColor::fromHsvF(0.0F, share, 1.0F - 0.25F * share);
}

void CellHeatMap::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    const QColor grid = palette().color(QPalette::Mid);
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    for (const Block &block : m_blocks) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setFont(font());
        painter.drawText(
            QRect(kMargin, block.origin.y() - kTitleHeight, m_size.width(), kTitleHeight),
            Qt::AlignLeft | Qt::AlignVCenter, block.title);
        painter.setFont(small);
        for (const FormItem &item : block.layout.items()) {
            const QRect box = itemRect(block, item);
            if (item.kind == FormItemKind::Value) {
                const int reports = int(m_cells.value(item.cell).reports.size());
                painter.fillRect(box, heatColor(reports));
                if (reports > 0) {
                    painter.setPen(reports * 2 > m_hottest ? Qt::white : Qt::black);
                    painter.drawText(box, Qt::AlignCenter, QString::number(reports));
                }
            } else {
                painter.fillRect(box, palette().color(QPalette::AlternateBase));
                painter.setPen(palette().color(QPalette::WindowText));
                const QString text
                    = QFontMetrics(small).elidedText(item.text, Qt::ElideRight, box.width() - 4);
                const Qt::Alignment alignment = Qt::AlignVCenter
                    | (item.kind == FormItemKind::Caption ? Qt::AlignHCenter : Qt::AlignLeft);
                painter.drawText(QRectF(box.adjusted(2, 0, -2, 0)), text, QTextOption(alignment));
            }
            painter.setPen(grid);
            painter.drawRect(box.adjusted(0, 0, -1, -1));
        }
    }
}

void CellHeatMap::mousePressEvent(QMouseEvent *event)
{
    const int cell = cellAt(event->position().toPoint());
    if (cell >= 0 && event->button() == Qt::LeftButton)
        emit cellClicked(cell, m_cells.value(cell).reports);
    QWidget::mousePressEvent(event);
}

QString CellHeatMap::cellToolTip(int cell) const
{
    const CellTally tally = m_cells.value(cell);
    return tr("%1\n%n report(s) with a finding on this cell", nullptr, int(tally.reports.size()))
               .arg(shortCellLabel(cell))
        % u'\n' % tr("errors in %1, warnings in %2").arg(tally.errors).arg(tally.warnings) % u"\n("
        % ReportTemplate::standard().cells()[cell].key.toString() % u')';
}

bool CellHeatMap::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0)
            QToolTip::showText(help->globalPos(), cellToolTip(cell), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace nianbao

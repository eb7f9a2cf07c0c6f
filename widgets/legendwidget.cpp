// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "legendwidget.h"

#include "cellroles.h"
#include "cellstyle.h"

#include <QEvent>
#include <QPainter>

namespace nianbao {

struct LegendWidget::Entry
{
    CellStyle::ValueCell cell;
    QString text;
};

LegendWidget::LegendWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("legendWidget"));
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QList<LegendWidget::Entry> LegendWidget::entries() const
{
    auto cell = [](CellState state, int issues, const char *value) {
        CellStyle::ValueCell c;
        c.state = state;
        c.issues = issues;
        c.text = QString::fromLatin1(value);
        return c;
    };
    return {{cell(CellState::Extracted, BrokenRule, "12"), tr("breaks a rule")},
            {cell(CellState::Extracted, StatedMismatch, "6"), tr("differs from the text")},
            {cell(CellState::Missing, NoIssue, ""), tr("missing")},
            {cell(CellState::Unreadable, NoIssue, ""), tr("unreadable")},
            {cell(CellState::Deduced, NoIssue, "3"), tr("deduced")},
            {cell(CellState::Corrected, NoIssue, "5"), tr("corrected")}};
}

QList<QRect> LegendWidget::swatches(int width) const
{
    // Entries flow left to right and wrap, so the legend fits a narrow table pane.
    const int height = fontMetrics().height() + 10;
    QList<QRect> rects;
    int x = 2;
    int y = 2;
    for (const Entry &entry : entries()) {
        const int entryWidth = height * 2 + 6 + fontMetrics().horizontalAdvance(entry.text);
        if (x > 2 && x + entryWidth > width) {
            x = 2;
            y += height + 4;
        }
        rects.append(QRect(x, y, height * 2, height));
        x += entryWidth + 14;
    }
    return rects;
}

bool LegendWidget::hasHeightForWidth() const
{
    return true;
}

int LegendWidget::heightForWidth(int width) const
{
    const QList<QRect> rects = swatches(width);
    return rects.isEmpty() ? 0 : rects.last().bottom() + 3;
}

QSize LegendWidget::sizeHint() const
{
    const QList<QRect> rects = swatches(QWIDGETSIZE_MAX);
    return rects.isEmpty() ? QSize() : QSize(rects.last().right() + 120, rects.last().bottom() + 3);
}

QSize LegendWidget::minimumSizeHint() const
{
    return {100, heightForWidth(width())};
}

void LegendWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    const QList<Entry> all = entries();
    const QList<QRect> rects = swatches(width());
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QRect &swatch = rects[i];
        CellStyle::paintValue(&painter, swatch, palette(), font(), all[i].cell);
        painter.setPen(palette().color(QPalette::Mid));
        painter.drawRect(swatch.adjusted(0, 0, -1, -1));
        painter.setPen(palette().color(QPalette::WindowText));
        painter.setFont(font());
        painter.drawText(QRect(swatch.right() + 6, swatch.top(), width(), swatch.height()),
                         Qt::AlignVCenter, all[i].text);
    }
}

void LegendWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    if (height() != heightForWidth(width()))
        updateGeometry();
}

void LegendWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        updateGeometry();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace nianbao

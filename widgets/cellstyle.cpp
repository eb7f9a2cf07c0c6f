// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellstyle.h"

#include "cellroles.h"

#include <QFont>
#include <QFontMetrics>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao::CellStyle {

namespace {

QColor blend(const QColor &base, const QColor &over, qreal strength)
{
    return QColor::fromRgbF(base.redF() + (over.redF() - base.redF()) * strength,
                            base.greenF() + (over.greenF() - base.greenF()) * strength,
                            base.blueF() + (over.blueF() - base.blueF()) * strength);
}

void paintFill(QPainter *painter, const QRect &rect, const QPalette &palette, const ValueCell &cell)
{
    painter->fillRect(rect, palette.base());
    const std::optional<Highlight> state = stateHighlight(cell.state);
    if (state)
        painter->fillRect(rect, tint(*state, palette, 0.22));
    if (state == Highlight::Missing || state == Highlight::Unreadable) {
        const Qt::BrushStyle pattern
            = state == Highlight::Missing ? Qt::BDiagPattern : Qt::DiagCrossPattern;
        painter->fillRect(
            rect, QBrush(blend(palette.color(QPalette::Base), colour(*state), 0.6), pattern));
    }
    if (cell.issues & BrokenRule)
        painter->fillRect(rect,
                          QColor(colour(Highlight::BrokenRule).red(),
                                 colour(Highlight::BrokenRule).green(),
                                 colour(Highlight::BrokenRule).blue(), 70));
    if (cell.selected) {
        QColor selection = palette.color(QPalette::Highlight);
        selection.setAlpha(80);
        painter->fillRect(rect, selection);
    }
}

void paintBorders(QPainter *painter, const QRect &rect, const QPalette &palette,
                  const ValueCell &cell)
{
    auto frame = [&](Highlight highlight, Qt::PenStyle style, int inset) {
        QPen pen(colour(highlight), 2, style);
        painter->setPen(pen);
        painter->setBrush(Qt::NoBrush);
        painter->drawRect(rect.adjusted(inset, inset, -inset - 1, -inset - 1));
    };
    if (cell.issues & BrokenRule)
        frame(Highlight::BrokenRule, Qt::SolidLine, 1);
    else if (cell.issues & StatedMismatch)
        frame(Highlight::StatedMismatch, Qt::DashLine, 1);
    else if (cell.issues & Warning)
        frame(Highlight::Warning, Qt::DotLine, 1);
    if (cell.current) {
        painter->setPen(QPen(palette.color(QPalette::Highlight), 2));
        painter->drawRect(rect.adjusted(3, 3, -4, -4));
    }
}

void paintMarks(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                const ValueCell &cell)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.75);
    small.setBold(true);
    painter->setFont(small);
    const QRect inner = rect.adjusted(3, 1, -3, -1);
    if (const std::optional<Highlight> state = stateHighlight(cell.state)) {
        painter->setPen(blend(palette.color(QPalette::Text), colour(*state), 0.7));
        painter->drawText(inner, Qt::AlignLeft | Qt::AlignTop, mark(*state));
    }
    QString issues;
    if (cell.issues & BrokenRule)
        issues += mark(Highlight::BrokenRule);
    if (cell.issues & StatedMismatch)
        issues += mark(Highlight::StatedMismatch);
    if (!issues.isEmpty()) {
        painter->setPen(
            colour(cell.issues & BrokenRule ? Highlight::BrokenRule : Highlight::StatedMismatch));
        painter->drawText(inner, Qt::AlignRight | Qt::AlignTop, issues);
    }
    if (cell.hasNote) {
        QPainterPath corner;
        corner.moveTo(rect.bottomLeft());
        corner.lineTo(rect.bottomLeft() + QPoint(7, 0));
        corner.lineTo(rect.bottomLeft() - QPoint(0, 7));
        painter->fillPath(corner, palette.color(QPalette::Link));
    }
}

constexpr int kTextLeft = 4; ///< pixels between a cell's left edge and its text
constexpr int kTextRight = 6; ///< room on the right for the current cell's border

void paintText(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
               const ValueCell &cell)
{
    QFont textFont = font;
    textFont.setItalic(cell.state == CellState::Deduced);
    textFont.setBold(cell.state == CellState::Corrected);
    painter->setFont(textFont);
    const bool empty = cell.text.isEmpty();
    painter->setPen(palette.color(empty ? QPalette::PlaceholderText : QPalette::Text));
    const QRect textRect = rect.adjusted(kTextLeft, 0, -kTextRight, 0);
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter,
                      empty ? u"—"_s
                            : fittedText(cell.text, painter->fontMetrics(), textRect.width()));
}

} // namespace

QColor colour(Highlight highlight)
{
    switch (highlight) {
    case Highlight::BrokenRule:
        return QColor(0xD5, 0x5E, 0x00); // vermillion
    case Highlight::StatedMismatch:
        return QColor(0xCC, 0x79, 0xA7); // reddish purple
    case Highlight::Missing:
        return QColor(0x80, 0x80, 0x80);
    case Highlight::Unreadable:
        return QColor(0xE6, 0x9F, 0x00); // orange
    case Highlight::Deduced:
        return QColor(0x00, 0x72, 0xB2); // blue
    case Highlight::Corrected:
        return QColor(0x00, 0x9E, 0x73); // bluish green
    case Highlight::Warning:
        return QColor(0x56, 0xB4, 0xE9); // sky blue
    }
    return {};
}

std::optional<Highlight> stateHighlight(CellState state)
{
    switch (state) {
    case CellState::Missing:
        return Highlight::Missing;
    case CellState::Unreadable:
        return Highlight::Unreadable;
    case CellState::Deduced:
        return Highlight::Deduced;
    case CellState::Corrected:
        return Highlight::Corrected;
    case CellState::Extracted:
        break;
    }
    return std::nullopt;
}

int issuesOf(const QList<Finding> &findings)
{
    int flags = NoIssue;
    for (const Finding &finding : findings) {
        if (finding.rule == u"text.table")
            flags |= StatedMismatch;
        else if (finding.severity == Severity::Error)
            flags |= BrokenRule;
        else
            flags |= Warning;
    }
    return flags;
}

QString mark(Highlight highlight)
{
    switch (highlight) {
    case Highlight::BrokenRule:
        return u"!"_s;
    case Highlight::StatedMismatch:
        return u"≠"_s;
    case Highlight::Missing:
        return u"∅"_s;
    case Highlight::Unreadable:
        return u"?"_s;
    case Highlight::Deduced:
        return u"∴"_s;
    case Highlight::Corrected:
        return u"✎"_s;
    case Highlight::Warning:
        return u"·"_s;
    }
    return {};
}

QString fittedText(const QString &text, const QFontMetrics &metrics, int width)
{
    // Right-aligned text wider than its cell loses its leading digits: elide on the right, so
    // the cut shows and the figure's first digits stay.
    return metrics.horizontalAdvance(text) <= width
        ? text
        : metrics.elidedText(text, Qt::ElideRight, std::max(width, 0));
}

int valuePadding()
{
    return kTextLeft + kTextRight + 2;
}

QColor tint(Highlight highlight, const QPalette &palette, qreal strength)
{
    return blend(palette.color(QPalette::Base), colour(highlight), strength);
}

void paintValue(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                const ValueCell &cell)
{
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    paintFill(painter, rect, palette, cell);
    paintText(painter, rect, palette, font, cell);
    paintMarks(painter, rect, palette, font, cell);
    paintBorders(painter, rect, palette, cell);
    painter->restore();
}

} // namespace nianbao::CellStyle

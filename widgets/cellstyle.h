// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "finding.h"

#include <QColor>
#include <QPalette>
#include <QString>

class QPainter;
class QRect;
class QFont;
class QFontMetrics;

namespace nianbao {

/**
 * How cells and source spans look. Each highlight has a colour from the Okabe–Ito palette
 * (told apart with the common colour-vision deficiencies) and a second cue that needs no colour
 * at all: a border style, a fill pattern, a mark or a font style. Colours are blended into the
 * palette's base, so dark palettes keep readable text.
 */
namespace CellStyle {

enum class Highlight {
    BrokenRule, ///< solid thick border, mark "!"
    StatedMismatch, ///< dashed thick border, mark "≠"
    Missing, ///< hatched fill, mark "∅"
    Unreadable, ///< cross-hatched fill, mark "?"
    Deduced, ///< tinted, italic, mark "∴"
    Corrected, ///< tinted, bold, mark "✎"
    Warning, ///< dotted border
};

QColor colour(Highlight highlight);
/** The highlight of a cell's state; none for a value read as it stands. */
std::optional<Highlight> stateHighlight(CellState state);
/** What is wrong with a cell (CellIssue flags) from its findings: the tables and the page agree. */
int issuesOf(const QList<Finding> &findings);
QString mark(Highlight highlight);
/** The colour blended into the palette's base, for a fill that keeps text readable. */
QColor tint(Highlight highlight, const QPalette &palette, qreal strength = 0.3);

/** Everything that decides how one value cell is painted. */
struct ValueCell
{
    QString text;
    CellState state = CellState::Extracted;
    int issues = 0; ///< CellIssue flags
    bool selected = false;
    bool current = false;
    bool hasNote = false;
};

/**
 * The text a value cell shows in `width` pixels: the whole figure when it fits, otherwise its
 * leading digits and "…", never a figure cut short without a sign (12345 shown as 2345).
 */
QString fittedText(const QString &text, const QFontMetrics &metrics, int width);
/** Pixels a value cell needs beside its text (padding and the marks' corner). */
int valuePadding();

/** Paints a value cell; the tables' delegate and the legend share it. */
void paintValue(QPainter *painter, const QRect &rect, const QPalette &palette, const QFont &font,
                const ValueCell &cell);

} // namespace CellStyle

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcespan.h"

#include <QDebug>
#include <QList>
#include <QString>

#include <optional>

namespace nianbao {

/** A figure the narrative states about one cell, e.g. 共收到政府信息公开申请6件. */
struct StatedFigure
{
    int cell = -1; ///< template cell index the phrase speaks of
    double value = 0;
    QString text; ///< the phrase as written
    SourceSpan span; ///< the phrase in the original text
    SourceSpan figureSpan; ///< the figure alone (6, 六, ６), or the phrase for 未收到…

    friend bool operator==(const StatedFigure &, const StatedFigure &) = default;
};

inline QDebug operator<<(QDebug debug, const StatedFigure &figure)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "StatedFigure(" << figure.cell << ", " << figure.value << ", " << figure.text
                    << ")";
    return debug;
}

/**
 * What the narrative states beyond one cell's figure: a figure that sums several cells
 * (予以公开及部分公开42件, 行政诉讼7件, 办结1191件（含上年结转189件）), or the share a figure is
 * of another (予以公开及部分公开42件，占51.85%). Each is checked by the rule it names, as a
 * warning: the reading of a sentence is less certain than that of one figure (text.table).
 */
struct StatedRelation
{
    QString rule; ///< text.combined, text.appeals, text.contains or text.share
    QList<int> cells; ///< the cells the figure sums (for a share: the part)
    double value = 0; ///< the figure as stated
    std::optional<double> percent; ///< text.share: the share as printed, e.g. 51.85
    int decimals = 0; ///< text.share: digits printed after the point
    QList<int> whole; ///< text.share: the cells whose sum the share is of
    QString text; ///< the phrase as written
    SourceSpan span; ///< the phrase in the original text
    SourceSpan figureSpan; ///< the figure (or the percentage) alone

    friend bool operator==(const StatedRelation &, const StatedRelation &) = default;
};

inline QDebug operator<<(QDebug debug, const StatedRelation &relation)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "StatedRelation(" << relation.rule << ", " << relation.cells << ", "
                    << relation.value;
    if (relation.percent)
        debug << ", " << *relation.percent << "% of " << relation.whole;
    debug << ", " << relation.text << ")";
    return debug;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcespan.h"

#include <QDebug>
#include <QString>

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

} // namespace nianbao

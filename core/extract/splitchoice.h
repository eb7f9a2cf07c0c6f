// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcespan.h"

#include <QList>
#include <QString>

namespace nianbao {

/** A row whose digit run splits into its cells in several ways that the rules leave tied. */
struct SplitChoice
{
    QList<int> cells; ///< the row's template cells, in column order
    QList<QList<double>> candidates; ///< each tied split, one value per cell
    SourceSpan span; ///< the digit run in the original text
    QString run; ///< the run as written
    /** Read as the one candidate that agrees with the narrative's figures; the rules alone
     *  leave all of `candidates`. */
    bool byText = false;
    /** With byText: the narrative's figures alone did not pick it, plausibility (现行有效 +
     *  本年废止 >= 本年制发) did. */
    bool byPlausibility = false;

    friend bool operator==(const SplitChoice &, const SplitChoice &) = default;
};

} // namespace nianbao

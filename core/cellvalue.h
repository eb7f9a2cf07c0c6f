// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcespan.h"

#include <QDebug>
#include <QString>

#include <optional>

namespace nianbao {

/** How a cell's value came to be; the names are the `state` strings of the CLI contract. */
enum class CellState {
    Missing, ///< blank or absent in the source
    Extracted, ///< read from the source
    Unreadable, ///< something stands there but it is not a number (OCR debris such as "l0")
    Corrected, ///< changed by a reviewer
    Deduced, ///< filled in from the reconciliation rules
};

QString cellStateName(CellState state);
std::optional<CellState> cellStateFromName(QStringView name);

/** One cell of a report: its value (if any), how it was obtained, and where it stands. */
struct CellValue
{
    std::optional<double> value;
    CellState state = CellState::Missing;
    SourceSpan span; ///< where the figure (or the unreadable text) stands; invalid if none
    QString sourceText; ///< the text found at span, as written
    std::optional<double> extractedValue; ///< as read from the source, kept after edits
    CellState extractedState = CellState::Missing; ///< as read from the source

    bool hasValue() const { return value.has_value(); }
    /**
     * Whether the source writes a mark (—, /, 无) in the cell instead of a figure: read as
     * missing, not 0. The checker's message, the table and its tooltip all say so.
     */
    bool isMark() const { return extractedState == CellState::Missing && !sourceText.isEmpty(); }

    friend bool operator==(const CellValue &, const CellValue &) = default;
};

QString describe(const CellValue &cell);
QDebug operator<<(QDebug debug, const CellValue &cell);

} // namespace nianbao

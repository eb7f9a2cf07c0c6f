// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <Qt>

namespace nianbao {

/** The roles the table models publish; delegates and views read them, never colours. */
enum CellRole {
    KindRole = Qt::UserRole + 1, ///< FormItemKind
    CellIndexRole, ///< template cell index, -1 for labels
    CellKeyRole, ///< e.g. requests.received.natural
    StateRole, ///< int(CellState)
    IssueRole, ///< CellIssues flags
    RulesRole, ///< QStringList of the rule ids of the findings on the cell
    FindingRole, ///< QStringList of the keys of the findings on the cell (FindingKey::toString)
    OriginalValueRole, ///< the value as extracted (QVariant() if none)
    OriginalStateRole, ///< int(CellState) as extracted
    SourceTextRole, ///< the text at the source span, as written
    SuggestionRole, ///< a suggested value for the cell (QVariant() if none)
    NoteRole, ///< the reviewer's note on the cell
    DecimalRole, ///< bool: the column holds a decimal amount
    LabelLevelRole, ///< for labels: 0 caption, 1 group, 2 subgroup, 3 row label
};

/** What a position of an official form holds. */
enum class FormItemKind { Blank, Caption, RowLabel, Value };

/** What is wrong with a cell, beyond its state; the delegate turns each into a look. */
enum CellIssue {
    NoIssue = 0x0,
    BrokenRule = 0x1, ///< a reconciliation rule or the value domain fails on the cell
    StatedMismatch = 0x2, ///< the narrative states another figure for the cell
    Warning = 0x4, ///< a finding of severity warning (e.g. value.missing)
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttemplate.h"

#include <QList>
#include <QString>

#include <vector>

namespace nianbao {

/**
 * One instance of a linear reconciliation rule: sum(lhs) = sum(rhs), e.g. requests.balance for
 * the 自然人 column. `scope` names the row or column the instance applies to.
 */
struct LinearCheck
{
    int rule = -1; ///< index into ReportTemplate::rules()
    QString scope; ///< column or row key, e.g. "natural" or "received"
    std::vector<int> lhs; ///< template cell indices
    std::vector<int> rhs;

    /** +1 for a cell on the left, -1 on the right, 0 if not involved. */
    int sign(int cell) const;
};

/**
 * The template's linear rules expanded over their tables (each column, each row), with an index
 * from every cell to the checks it appears in, so an edit re-checks only what it touches.
 */
class RuleBook
{
public:
    explicit RuleBook(const ReportTemplate &reportTemplate);

    const ReportTemplate &reportTemplate() const { return m_template; }
    const std::vector<LinearCheck> &checks() const { return m_checks; }
    const std::vector<int> &checksOfCell(int cell) const { return m_checksOfCell[size_t(cell)]; }
    /** The rule definition with this id, or nullptr. */
    const RuleDefinition *rule(QStringView id) const;
    int ruleIndex(QStringView id) const;

private:
    void expand(int ruleIndex);
    void expandEachColumn(int ruleIndex, int table);
    void expandEachRow(int ruleIndex, int table);
    std::vector<int> rowsOf(int table, const QStringList &keys, const QStringList &range) const;

    const ReportTemplate &m_template;
    std::vector<LinearCheck> m_checks;
    std::vector<std::vector<int>> m_checksOfCell;
};

} // namespace nianbao

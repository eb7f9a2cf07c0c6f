// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rulebook.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

int LinearCheck::sign(int cell) const
{
    if (std::find(lhs.begin(), lhs.end(), cell) != lhs.end())
        return 1;
    if (std::find(rhs.begin(), rhs.end(), cell) != rhs.end())
        return -1;
    return 0;
}

RuleBook::RuleBook(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
    , m_checksOfCell(size_t(reportTemplate.cellCount()))
{
    for (int r = 0; r < int(m_template.rules().size()); ++r)
        expand(r);
    for (int c = 0; c < int(m_checks.size()); ++c) {
        for (int cell : m_checks[size_t(c)].lhs)
            m_checksOfCell[size_t(cell)].push_back(c);
        for (int cell : m_checks[size_t(c)].rhs)
            m_checksOfCell[size_t(cell)].push_back(c);
    }
}

const RuleDefinition *RuleBook::rule(QStringView id) const
{
    const int index = ruleIndex(id);
    return index < 0 ? nullptr : &m_template.rules()[index];
}

int RuleBook::ruleIndex(QStringView id) const
{
    const auto &rules = m_template.rules();
    for (int r = 0; r < int(rules.size()); ++r) {
        if (rules[r].id == id)
            return r;
    }
    return -1;
}

void RuleBook::expand(int ruleIndex)
{
    const RuleDefinition &rule = m_template.rules()[ruleIndex];
    if (rule.lhs.isEmpty() || rule.table.isEmpty())
        return; // not a linear rule: value.domain, text.table, year.carry
    const int table = m_template.tableIndex(rule.table);
    if (table < 0)
        return;
    if (rule.each == u"column")
        expandEachColumn(ruleIndex, table);
    else if (rule.each == u"row")
        expandEachRow(ruleIndex, table);
}

std::vector<int> RuleBook::rowsOf(int table, const QStringList &keys,
                                  const QStringList &range) const
{
    std::vector<int> rows;
    for (const QString &key : keys)
        rows.push_back(m_template.rowIndex(table, key));
    if (range.size() == 2) {
        const int first = m_template.rowIndex(table, range[0]);
        const int last = m_template.rowIndex(table, range[1]);
        for (int r = first; r >= 0 && r <= last; ++r)
            rows.push_back(r);
    }
    return rows;
}

void RuleBook::expandEachColumn(int ruleIndex, int table)
{
    const RuleDefinition &rule = m_template.rules()[ruleIndex];
    const std::vector<int> lhsRows = rowsOf(table, rule.lhs, {});
    const std::vector<int> rhsRows = rowsOf(table, rule.rhs, rule.rhsRange);
    const TemplateTable &definition = m_template.tables()[table];
    for (int column = 0; column < int(definition.columns.size()); ++column) {
        LinearCheck check {ruleIndex, definition.columns[column].key, {}, {}};
        for (int row : lhsRows)
            check.lhs.push_back(m_template.cellIndex(table, row, column));
        for (int row : rhsRows)
            check.rhs.push_back(m_template.cellIndex(table, row, column));
        if (std::find(check.lhs.begin(), check.lhs.end(), -1) == check.lhs.end()
            && std::find(check.rhs.begin(), check.rhs.end(), -1) == check.rhs.end())
            m_checks.push_back(std::move(check));
    }
}

void RuleBook::expandEachRow(int ruleIndex, int table)
{
    const RuleDefinition &rule = m_template.rules()[ruleIndex];
    const TemplateTable &definition = m_template.tables()[table];
    for (int row = 0; row < int(definition.rows.size()); ++row) {
        LinearCheck check {ruleIndex, definition.rows[row].key, {}, {}};
        for (const QString &key : rule.lhs)
            check.lhs.push_back(
                m_template.cellIndex(table, row, m_template.columnIndex(table, key)));
        for (const QString &key : rule.rhs)
            check.rhs.push_back(
                m_template.cellIndex(table, row, m_template.columnIndex(table, key)));
        if (std::find(check.lhs.begin(), check.lhs.end(), -1) == check.lhs.end()
            && std::find(check.rhs.begin(), check.rhs.end(), -1) == check.rhs.end())
            m_checks.push_back(std::move(check));
    }
}

} // namespace nianbao

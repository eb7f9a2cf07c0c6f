// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticreports.h"

#include "rules/linearsolver.h"

#include <algorithm>
#include <cmath>

namespace nianbao {

SyntheticReports::SyntheticReports(const RuleBook &rules, quint32 seed)
    : m_rules(rules)
    , m_random(seed)
{
    const int cellCount = rules.reportTemplate().cellCount();
    std::vector<bool> dependent(size_t(cellCount), false);
    for (const LinearCheck &check : rules.checks())
        dependent[size_t(check.lhs.front())] = true;
    for (int cell = 0; cell < cellCount; ++cell) {
        if (dependent[size_t(cell)])
            m_dependent.push_back(cell);
        if (!rules.checksOfCell(cell).empty())
            m_ruled.push_back(cell);
    }
}

double SyntheticReports::smallCount()
{
    return m_random.bounded(4) == 0 ? double(m_random.bounded(1, 30)) : 0.0;
}

std::vector<std::optional<double>> SyntheticReports::consistent()
{
    const int cellCount = m_rules.reportTemplate().cellCount();
    for (;;) {
        auto cells = std::vector<std::optional<double>>(size_t(cellCount));
        for (int cell = 0; cell < cellCount; ++cell)
            cells[size_t(cell)] = smallCount();
        std::vector<std::vector<double>> a;
        std::vector<double> b;
        for (const LinearCheck &check : m_rules.checks()) {
            std::vector<double> row(m_dependent.size(), 0);
            double constant = 0;
            for (const auto *side : {&check.lhs, &check.rhs}) {
                const double sign = side == &check.lhs ? 1 : -1;
                for (int cell : *side) {
                    const auto at = std::find(m_dependent.begin(), m_dependent.end(), cell);
                    if (at != m_dependent.end())
                        row[size_t(at - m_dependent.begin())] += sign;
                    else
                        constant -= sign * *cells[size_t(cell)];
                }
            }
            a.push_back(std::move(row));
            b.push_back(constant);
        }
        const LinearSolution solution = solveLinear(std::move(a), std::move(b), m_dependent.size());
        bool valid = solution.consistent;
        for (size_t d = 0; d < m_dependent.size() && valid; ++d) {
            const auto &value = solution.values[d];
            valid = value && *value >= 0;
            if (valid)
                cells[size_t(m_dependent[d])] = std::round(*value);
        }
        if (valid)
            return cells;
    }
}

int SyntheticReports::perturb(std::vector<std::optional<double>> &cells, double *original)
{
    const int cell = m_ruled[size_t(m_random.bounded(int(m_ruled.size())))];
    *original = cells[size_t(cell)].value_or(0);
    cells[size_t(cell)] = *original + double(m_random.bounded(1, 9));
    return cell;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules/rulebook.h"

#include <QRandomGenerator>

#include <optional>
#include <vector>

namespace nianbao {

/**
 * Random reports whose figures satisfy every rule of the template, and single-cell
 * perturbations of them. The benchmark builds its corpora from these; the generator knows no
 * table by name: the first left-hand cell of each rule is solved from the others.
 */
class SyntheticReports
{
public:
    SyntheticReports(const RuleBook &rules, quint32 seed);

    /** One value per template cell; mostly zeros, like real reports. */
    std::vector<std::optional<double>> consistent();
    /** Changes one cell that some rule covers; returns its index and sets *original. */
    int perturb(std::vector<std::optional<double>> &cells, double *original);

private:
    double smallCount();

    const RuleBook &m_rules;
    QRandomGenerator m_random;
    std::vector<int> m_dependent; ///< cells solved from the rules
    std::vector<int> m_ruled; ///< cells that appear in some rule
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

namespace nianbao {

/** What Gaussian elimination says about a small linear system A x = b. */
struct LinearSolution
{
    bool consistent = true;
    /** Per unknown: its value when the system fixes it uniquely, else nullopt. */
    std::vector<std::optional<double>> values;
};

/**
 * Reduces A x = b to reduced row echelon form (partial pivoting) and reports which unknowns it
 * determines. The systems here are the report's reconciliation rules restricted to a few
 * unknown cells: dozens of rows, coefficients ±1.
 */
LinearSolution solveLinear(std::vector<std::vector<double>> a, std::vector<double> b,
                           size_t unknowns);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "linearsolver.h"

#include <cmath>

namespace nianbao {

namespace {
constexpr double kEpsilon = 1e-9;
}

LinearSolution solveLinear(std::vector<std::vector<double>> a, std::vector<double> b,
                           size_t unknowns)
{
    const size_t rows = a.size();
    const size_t columns = unknowns;
    std::vector<int> pivotRowOfColumn(columns, -1);
    size_t row = 0;
    for (size_t column = 0; column < columns && row < rows; ++column) {
        size_t best = row;
        for (size_t r = row + 1; r < rows; ++r) {
            if (std::abs(a[r][column]) > std::abs(a[best][column]))
                best = r;
        }
        if (std::abs(a[best][column]) < kEpsilon)
            continue;
        std::swap(a[best], a[row]);
        std::swap(b[best], b[row]);
        const double pivot = a[row][column];
        for (double &value : a[row])
            value /= pivot;
        b[row] /= pivot;
        for (size_t r = 0; r < rows; ++r) {
            const double factor = a[r][column];
            if (r == row || std::abs(factor) < kEpsilon)
                continue;
            for (size_t c = 0; c < columns; ++c)
                a[r][c] -= factor * a[row][c];
            b[r] -= factor * b[row];
        }
        pivotRowOfColumn[column] = int(row);
        ++row;
    }
    LinearSolution solution;
    for (size_t r = row; r < rows; ++r) {
        if (std::abs(b[r]) > 1e-6)
            solution.consistent = false;
    }
    solution.values.resize(columns);
    for (size_t column = 0; column < columns; ++column) {
        const int pivotRow = pivotRowOfColumn[column];
        if (pivotRow < 0)
            continue;
        bool alone = true;
        for (size_t c = 0; c < columns && alone; ++c)
            alone = c == column || std::abs(a[size_t(pivotRow)][c]) < kEpsilon;
        if (alone)
            solution.values[column] = b[size_t(pivotRow)];
    }
    return solution;
}

} // namespace nianbao

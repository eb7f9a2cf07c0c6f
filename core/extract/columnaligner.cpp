// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "columnaligner.h"

#include <cmath>
#include <limits>

namespace nianbao {

namespace {

/** Order-preserving matching of min(a, b) items; returns for each of `a` its partner in `b`. */
std::vector<int> matchInOrder(const std::vector<double> &a, const std::vector<double> &b,
                              double *cost)
{
    const size_t n = a.size();
    const size_t m = b.size();
    const double infinity = std::numeric_limits<double>::infinity();
    // best[i][j]: cheapest way to match all of a[0..i) into b[0..j).
    std::vector<std::vector<double>> best(n + 1, std::vector<double>(m + 1, infinity));
    for (size_t j = 0; j <= m; ++j)
        best[0][j] = 0;
    for (size_t i = 1; i <= n; ++i) {
        for (size_t j = i; j <= m; ++j) {
            const double skip = best[i][j - 1];
            const double take = best[i - 1][j - 1] + std::abs(a[i - 1] - b[j - 1]);
            best[i][j] = std::min(skip, take);
        }
    }
    std::vector<int> partner(n, -1);
    size_t j = m;
    for (size_t i = n; i > 0; --i) {
        while (j > i && best[i][j] == best[i][j - 1])
            --j;
        partner[i - 1] = int(j - 1);
        --j;
    }
    *cost = best[n][m];
    return partner;
}

} // namespace

ColumnAlignment alignToColumns(const std::vector<double> &figures,
                               const std::vector<double> &columns)
{
    ColumnAlignment alignment;
    if (figures.size() <= columns.size()) {
        alignment.columnOfFigure = matchInOrder(figures, columns, &alignment.cost);
        return alignment;
    }
    // More figures than columns: choose which figures the columns take.
    const std::vector<int> figureOfColumn = matchInOrder(columns, figures, &alignment.cost);
    alignment.columnOfFigure.assign(figures.size(), -1);
    for (size_t c = 0; c < figureOfColumn.size(); ++c)
        alignment.columnOfFigure[size_t(figureOfColumn[c])] = int(c);
    return alignment;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

namespace nianbao {

/**
 * Places ordered figure positions into ordered column positions, keeping their order and
 * minimizing the total distance. Used when a row holds fewer (or more) figures than its table
 * has columns: the layout's positions (tab fields, pipes, display columns), not the figures'
 * order, decide which column each figure belongs to.
 */
struct ColumnAlignment
{
    std::vector<int> columnOfFigure; ///< per figure: its column, or -1 if left out
    double cost = 0;
};

ColumnAlignment alignToColumns(const std::vector<double> &figures,
                               const std::vector<double> &columns);

} // namespace nianbao

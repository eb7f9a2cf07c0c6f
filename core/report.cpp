// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "report.h"

#include <algorithm>

namespace nianbao {

int Report::countCells(CellState state) const
{
    return int(std::count_if(cells.begin(), cells.end(),
                             [state](const CellValue &cell) { return cell.state == state; }));
}

bool Report::hasErrorFindings() const
{
    return std::any_of(findings.begin(), findings.end(),
                       [](const Finding &finding) { return finding.severity == Severity::Error; });
}

} // namespace nianbao

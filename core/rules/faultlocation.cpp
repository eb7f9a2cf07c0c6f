// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "faultlocation.h"

#include <algorithm>

namespace nianbao {

namespace {

bool isUncertain(const CellValue &cell, bool openSplit)
{
    switch (cell.state) {
    case CellState::Corrected:
        return false; // the reviewer read it
    case CellState::Deduced:
    case CellState::Unreadable:
        return true;
    case CellState::Missing:
        return cell.extractedState == CellState::Unreadable;
    case CellState::Extracted:
        return openSplit;
    }
    return false;
}

/** Whether each cell's current reading is uncertain. */
class Uncertainty
{
public:
    Uncertainty(const std::vector<CellValue> &cells, const std::vector<bool> &openSplits)
        : m_cells(cells)
        , m_openSplits(openSplits)
    { }

    bool operator()(int cell) const
    {
        if (cell < 0 || cell >= int(m_cells.size()))
            return false;
        const bool openSplit = cell < int(m_openSplits.size()) && m_openSplits[size_t(cell)];
        return isUncertain(m_cells[size_t(cell)], openSplit);
    }

    bool unreadableInSource(int cell) const
    {
        return cell >= 0 && cell < int(m_cells.size())
            && m_cells[size_t(cell)].extractedState == CellState::Unreadable;
    }

private:
    const std::vector<CellValue> &m_cells;
    const std::vector<bool> &m_openSplits;
};

Fault faultOf(const Finding &finding, const Uncertainty &uncertainAt)
{
    switch (finding.key.kind) {
    case FindingKind::Split:
    case FindingKind::SplitText:
        return Fault::Reading; // the digits split in several ways: our reading is undecided
    case FindingKind::Zeros:
        return Fault::Source; // the report leaves the cells blank
    case FindingKind::Missing:
        // Blank in the source is the report's doing (even where the rules fill it in); ink or
        // text we could not read is ours.
        return uncertainAt.unreadableInSource(finding.cells.value(0, -1)) ? Fault::Reading
                                                                          : Fault::Source;
    default:
        break;
    }
    if (finding.suggestion)
        return uncertainAt(finding.suggestion->cell) ? Fault::Reading : Fault::Source;
    const bool anyUncertain
        = std::any_of(finding.cells.cbegin(), finding.cells.cend(), uncertainAt);
    return anyUncertain ? Fault::Reading : Fault::Source;
}

} // namespace

std::vector<bool> cellsOfOpenSplits(const QList<SplitChoice> &splitChoices, int cellCount)
{
    std::vector<bool> open(size_t(std::max(cellCount, 0)));
    for (const SplitChoice &choice : splitChoices) {
        for (int cell : choice.cells) {
            if (cell >= 0 && cell < cellCount)
                open[size_t(cell)] = true;
        }
    }
    return open;
}

void locateFaults(QList<Finding> &findings, const std::vector<CellValue> &cells,
                  const std::vector<bool> &openSplits)
{
    const Uncertainty uncertainAt(cells, openSplits);
    for (Finding &finding : findings)
        finding.fault = faultOf(finding, uncertainAt);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "extract/splitchoice.h"
#include "finding.h"

#include <QList>

#include <vector>

namespace nianbao {

/**
 * Which cells hold a figure whose run of fused digits splits in several ways the rules alone
 * leave open (SplitChoice: chosen by the narrative or by plausibility, or not at all): another
 * split may be the true one. A row split one way only is read with certainty, even where it
 * breaks a rule: no other reading of its digits would satisfy it.
 */
std::vector<bool> cellsOfOpenSplits(const QList<SplitChoice> &splitChoices, int cellCount);

/**
 * Says of each finding where its fault lies (Finding::fault). A cell's reading is uncertain
 * when its figure comes from an open split (cellsOfOpenSplits()), was deduced by the rules, or
 * could not be read; a reviewer's correction is certain. The fault is Fault::Reading when the
 * rules' localized fix falls on an uncertain cell (or, without one fix, any of the finding's
 * cells is uncertain): another reading of the source would satisfy the rule. Otherwise it is
 * Fault::Source: the published report contradicts itself, or leaves a cell blank.
 */
void locateFaults(QList<Finding> &findings, const std::vector<CellValue> &cells,
                  const std::vector<bool> &openSplits);

} // namespace nianbao

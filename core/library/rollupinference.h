// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencyidentity.h"
#include "library/reviewlibrary.h"

#include <QList>

namespace nianbao {

/** A roll-up set read from where the reports lie: proposed to the reviewer, never applied. */
struct ProposedRollup
{
    qint64 summaryId = 0;
    QList<qint64> unitIds; ///< ascending
    int year = 0;

    friend bool operator==(const ProposedRollup &, const ProposedRollup &) = default;
};

/**
 * Whether `agency` names a government rather than one of its departments: 人民政府, 政府,
 * 管委会, 管理委员会, or a bare place (平潭综合实验区, XX县, XX镇, XX街道).
 */
bool isGovernmentAgency(const QString &agency);

/**
 * The roll-up sets the folders suggest (issue 16, item 2). In one folder and one year, the
 * report of a government is the summary of the other agencies' reports of its region: those
 * whose names begin with its place (平潭综合实验区公安局 under 平潭综合实验区), and, when the
 * folder holds one government above all others, those named without a place. A government's
 * folder whose subfolders hold reports of the same year sums them too: each subfolder's own
 * summary if it has one, else each of its reports. Reports without a year are left out.
 */
QList<ProposedRollup> inferRollupSets(const QList<DocumentSummary> &reports,
                                      const AgencyAliases &aliases = {});

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentlayout.h"

#include <QString>

namespace nianbao {

/** Who published a report and for which year, as its title says. */
struct ReportTitle
{
    QString agency;
    int year = 0;
};

/**
 * Reads agency and year from the title lines above the first section heading, whatever their
 * markup and line breaks (…年度报 / 告), with the year in Arabic or Chinese digits (二〇二三年)
 * before or after the agency.
 */
ReportTitle parseTitle(const QString &normalizedText, const DocumentLayout &layout,
                       const ReportTemplate &reportTemplate);

} // namespace nianbao

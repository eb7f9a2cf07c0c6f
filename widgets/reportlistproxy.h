// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSortFilterProxyModel>

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

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;
};

} // namespace nianbao

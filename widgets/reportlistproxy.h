// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCollator>
#include <QSortFilterProxyModel>

namespace nianbao {

/**
 * Sorts the report list (Chinese names in pinyin order through the zh_CN collation, numbers as
 * numbers) and filters it by any text of a row.
 */
class ReportListProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportListProxy)

public:
    explicit ReportListProxy(QObject *parent = nullptr);

protected:
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    QCollator m_collator;
};

} // namespace nianbao

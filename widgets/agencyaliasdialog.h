// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QHash>
#include <QString>

class QTableWidget;

namespace nianbao {

/**
 * The library's agency aliases, editable: one row per name as a report writes it (a renamed
 * department, another spelling) and the agency it is, so that the agency's years pair. Rows
 * with either side empty are left out.
 */
class AgencyAliasDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgencyAliasDialog)

public:
    explicit AgencyAliasDialog(const QHash<QString, QString> &aliases, QWidget *parent = nullptr);

    /** The aliases as the table holds them now. */
    QHash<QString, QString> aliases() const;
    QTableWidget *table() const { return m_table; }
    /** Adds an empty row and starts editing its name. */
    void addRow();
    /** Removes the selected rows. */
    void removeSelectedRows();

private:
    void appendRow(const QString &alias, const QString &agency);

    QTableWidget *m_table;
};

} // namespace nianbao

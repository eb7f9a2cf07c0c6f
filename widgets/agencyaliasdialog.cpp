// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencyaliasdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

AgencyAliasDialog::AgencyAliasDialog(const QHash<QString, QString> &aliases, QWidget *parent)
    : QDialog(parent)
    , m_table(new QTableWidget(0, 2, this))
{
    setObjectName(u"agencyAliasDialog"_s);
    setWindowTitle(tr("Agency Aliases"));
    auto *explanation = new QLabel(
        tr("Reports of one agency are compared across years when their names match. Names that "
           "differ only in full-width or half-width forms, spaces, 人民政府/政府 or 办公室/办 "
           "match "
           "already; list here a renamed department or another name under which an agency "
           "publishes, and the agency it is."),
        this);
    explanation->setWordWrap(true);
    m_table->setObjectName(u"agencyAliasTable"_s);
    m_table->setHorizontalHeaderLabels({tr("Name in the report"), tr("Agency")});
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    QStringList names = aliases.keys();
    std::sort(names.begin(), names.end());
    for (const QString &name : std::as_const(names))
        appendRow(name, aliases.value(name));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *add = buttons->addButton(tr("&Add"), QDialogButtonBox::ActionRole);
    add->setObjectName(u"addAliasButton"_s);
    QPushButton *remove = buttons->addButton(tr("&Remove"), QDialogButtonBox::ActionRole);
    remove->setObjectName(u"removeAliasButton"_s);
    connect(add, &QPushButton::clicked, this, &AgencyAliasDialog::addRow);
    connect(remove, &QPushButton::clicked, this, &AgencyAliasDialog::removeSelectedRows);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_table);
    layout->addWidget(buttons);
    resize(640, 360);
}

void AgencyAliasDialog::appendRow(const QString &alias, const QString &agency)
{
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(alias));
    m_table->setItem(row, 1, new QTableWidgetItem(agency));
}

void AgencyAliasDialog::addRow()
{
    appendRow({}, {});
    const int row = m_table->rowCount() - 1;
    m_table->setCurrentCell(row, 0);
    m_table->editItem(m_table->item(row, 0));
}

void AgencyAliasDialog::removeSelectedRows()
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : std::as_const(rows))
        m_table->removeRow(row);
}

QHash<QString, QString> AgencyAliasDialog::aliases() const
{
    QHash<QString, QString> aliases;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const auto text = [&](int column) {
            const QTableWidgetItem *item = m_table->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        if (!text(0).isEmpty() && !text(1).isEmpty())
            aliases.insert(text(0), text(1));
    }
    return aliases;
}

} // namespace nianbao

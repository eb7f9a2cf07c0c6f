// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollupdialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace nianbao {

RollupDialog::RollupDialog(QList<ProposedRollup> proposed,
                           const std::function<QString(qint64)> &nameOf, QWidget *parent)
    : QDialog(parent)
    , m_proposed(std::move(proposed))
    , m_tree(new QTreeWidget(this))
{
    setObjectName(u"rollupDialog"_s);
    setWindowTitle(tr("Infer Roll-up Sets from Folders"));
    auto *explanation = new QLabel(tr("In each folder and year, the report of a government is "
                                      "proposed as the summary of its departments' and "
                                      "subfolders' reports. Keep the sets that are right."),
                                   this);
    explanation->setWordWrap(true);
    m_tree->setObjectName(u"proposedRollupTree"_s);
    m_tree->setHeaderHidden(true);
    for (const ProposedRollup &set : std::as_const(m_proposed)) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setText(0,
                      tr("%1 — summary of %n report(s)", nullptr, int(set.unitIds.size()))
                          .arg(nameOf(set.summaryId)));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Checked);
        for (qint64 unit : set.unitIds)
            new QTreeWidgetItem(item, {nameOf(unit)});
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addWidget(m_tree, 1);
    layout->addWidget(buttons);
    resize(560, 420);
}

QList<ProposedRollup> RollupDialog::chosen() const
{
    QList<ProposedRollup> chosen;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (m_tree->topLevelItem(i)->checkState(0) == Qt::Checked)
            chosen.append(m_proposed[i]);
    }
    return chosen;
}

} // namespace nianbao

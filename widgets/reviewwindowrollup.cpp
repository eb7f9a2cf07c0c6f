// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The review window's roll-up (issue 16, item 2): marking a report the summary of others,
// proposing sets from folders, and the consolidated table of a selection.
#include "dialogs.h"
#include "documentmanager.h"
#include "reportlistmodel.h"
#include "reportlistproxy.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "rollupdialog.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTreeView>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kRollupMessageTimeout = 10000;

const char *const kRollupActions[] = {"actionMarkRollupSummary", "actionRemoveRollup",
                                      "actionProposeRollups", "actionConsolidate"};

} // namespace

void ReviewWindow::createRollupActions()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(u"rollupMenu"_s);
    m_menus.insert(menu->objectName(), menu);
    menuBar()->insertMenu(m_menus.value(u"viewMenu"_s)->menuAction(), menu);
    auto *separator = new QAction(this);
    separator->setSeparator(true);
    m_reportView->addAction(separator);
    for (const char *name : kRollupActions) {
        QAction *action = addAction(menu, name);
        m_reportView->addAction(action);
    }
    const auto on = [this](const char *name, void (ReviewWindow::*slot)()) {
        connect(m_actions.value(QString::fromLatin1(name)), &QAction::triggered, this, slot);
    };
    on("actionMarkRollupSummary", &ReviewWindow::markCurrentAsRollupSummary);
    on("actionRemoveRollup", &ReviewWindow::removeCurrentRollup);
    on("actionProposeRollups", &ReviewWindow::proposeRollupSets);
    on("actionConsolidate", &ReviewWindow::consolidateSelection);
    connect(m_reportView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewWindow::updateRollupActions);
    connect(m_reports, &QAbstractItemModel::dataChanged, this, &ReviewWindow::updateRollupActions);
    connect(m_cursor, &ReviewCursor::documentChanged, this, &ReviewWindow::updateRollupActions);
    updateRollupActions();
}

void ReviewWindow::retranslateRollupActions()
{
    m_menus.value(u"rollupMenu"_s)->setTitle(tr("Roll-&up"));
    const std::pair<const char *, QString> texts[] = {
        {"actionMarkRollupSummary", tr("&Make the Current Report the Summary of the Selected")},
        {"actionRemoveRollup", tr("&Remove the Roll-up Set")},
        {"actionProposeRollups", tr("&Infer Roll-up Sets from Folders…")},
        {"actionConsolidate", tr("&Consolidate the Selected Reports")},
    };
    for (const auto &[name, text] : texts)
        m_actions.value(QString::fromLatin1(name))->setText(text);
    m_actions.value(u"actionMarkRollupSummary"_s)
        ->setToolTip(tr("The current report sums the other selected reports: each of its cells "
                        "is checked against their sum (rollup.sum)"));
    m_actions.value(u"actionConsolidate"_s)
        ->setToolTip(tr("Opens the sum of the selected reports as a table of its own, to review "
                        "and export"));
}

void ReviewWindow::updateRollupActions()
{
    const ReviewDocument *current = currentDocument();
    const qint64 currentId = current && current->libraryBinding() ? current->libraryId() : 0;
    const bool library = this->library() != nullptr;
    const qsizetype selected = selectedRows().size();
    m_actions.value(u"actionMarkRollupSummary"_s)->setEnabled(currentId != 0 && selected > 1);
    m_actions.value(u"actionRemoveRollup"_s)
        ->setEnabled(currentId != 0 && !m_reports->rollupUnits(currentId).isEmpty());
    m_actions.value(u"actionProposeRollups"_s)->setEnabled(library);
    m_actions.value(u"actionConsolidate"_s)->setEnabled(selected > 1);
}

QList<int> ReviewWindow::selectedRows() const
{
    QList<int> rows;
    const QModelIndexList selected = m_reportView->selectionModel()->selectedRows();
    QList<int> proxyRows;
    for (const QModelIndex &index : selected)
        proxyRows.append(index.row());
    std::sort(proxyRows.begin(), proxyRows.end());
    for (int row : proxyRows)
        rows.append(m_proxy->mapToSource(m_proxy->index(row, 0)).row());
    return rows;
}

QString ReviewWindow::libraryReportName(qint64 id) const
{
    const DocumentSummary *summary = m_reports->summary(m_reports->rowOfLibraryId(id));
    if (!summary)
        return QString::number(id);
    const ReviewDocument *document = m_reports->document(m_reports->rowOfLibraryId(id));
    if (document)
        return reportName(document);
    return summary->year > 0 ? tr("%1 (%2)").arg(summary->agency).arg(summary->year)
                             : summary->agency;
}

void ReviewWindow::markCurrentAsRollupSummary()
{
    ReviewDocument *current = currentDocument();
    if (!current || !current->libraryBinding())
        return;
    const qint64 summaryId = current->libraryId();
    QList<qint64> units;
    for (int row : selectedRows()) {
        const qint64 id = m_reports->libraryId(row);
        if (id != 0 && id != summaryId)
            units.append(id);
    }
    if (units.isEmpty()) {
        m_dialogs->information(this, tr("Roll-up"),
                               tr("Select the summary report and, with Ctrl or Shift, its units "
                                  "in the list; the current report becomes their summary."));
        return;
    }
    const Result<void> saved = m_documents->setRollupUnits(summaryId, units);
    if (!saved) {
        m_dialogs->information(this, tr("Roll-up"), saved.error().message);
        return;
    }
    statusBar()->showMessage(
        tr("%1 is now the summary of %n report(s).", nullptr, int(units.size()))
            .arg(reportName(current)),
        kRollupMessageTimeout);
}

void ReviewWindow::removeCurrentRollup()
{
    ReviewDocument *current = currentDocument();
    if (!current || !current->libraryBinding())
        return;
    const Result<void> removed = m_documents->setRollupUnits(current->libraryId(), {});
    if (!removed) {
        m_dialogs->information(this, tr("Roll-up"), removed.error().message);
        return;
    }
    statusBar()->showMessage(tr("%1 is no longer a summary.").arg(reportName(current)),
                             kRollupMessageTimeout);
}

void ReviewWindow::proposeRollupSets()
{
    const Result<QList<ProposedRollup>> proposed = m_documents->proposedRollupSets();
    if (!proposed) {
        m_dialogs->information(this, tr("Roll-up"), proposed.error().message);
        return;
    }
    if (proposed.value().isEmpty()) {
        m_dialogs->information(this, tr("Roll-up"),
                               tr("The folders suggest no roll-up set that is not kept already: "
                                  "no folder holds a government's report beside its "
                                  "departments' of the same year."));
        return;
    }
    auto *dialog = new RollupDialog(
        proposed.value(), [this](qint64 id) { return libraryReportName(id); }, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QList<ProposedRollup> chosen = dialog->chosen();
        for (const ProposedRollup &set : chosen) {
            const Result<void> saved = m_documents->setRollupUnits(set.summaryId, set.unitIds);
            if (!saved) {
                m_dialogs->information(this, tr("Roll-up"), saved.error().message);
                return;
            }
        }
        statusBar()->showMessage(tr("Kept %n roll-up set(s).", nullptr, int(chosen.size())),
                                 kRollupMessageTimeout);
    });
    dialog->open();
}

void ReviewWindow::consolidateSelection()
{
    const QList<int> rows = selectedRows();
    const Result<Report> consolidated = m_documents->consolidate(rows);
    if (!consolidated) {
        m_dialogs->information(this, tr("Consolidate"), consolidated.error().message);
        return;
    }
    // Not in the library and not saved: a table to read and export (File › Export).
    ReviewDocument *document = addDocument(consolidated.value());
    setCurrentDocument(document);
    statusBar()->showMessage(
        tr("Consolidated %n report(s); File › Export writes the table.", nullptr, int(rows.size())),
        kRollupMessageTimeout);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsview.h"

#include "dialogs.h"
#include "findingsmodel.h"
#include "reviewcursor.h"

#include <QAction>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHeaderView>
#include <QMenu>

namespace nianbao {

FindingsView::FindingsView(ReviewCursor *cursor, QWidget *parent)
    : QTreeView(parent)
    , m_cursor(cursor)
    , m_model(new FindingsModel(this))
    , m_dialogs(&Dialogs::standard())
{
    setObjectName(QStringLiteral("findingsView"));
    createDecisionActions(); // before the model: setting it moves the current row
    setModel(m_model);
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    setSelectionMode(SingleSelection);
    setSelectionBehavior(SelectRows);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(FindingsModel::MessageColumn, QHeaderView::Stretch);
    header()->setSectionResizeMode(FindingsModel::SeverityColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(FindingsModel::RuleColumn, QHeaderView::ResizeToContents);
    header()->resizeSection(FindingsModel::SuggestionColumn, 170);
    header()->resizeSection(FindingsModel::CellsColumn, 140);
    header()->setSectionResizeMode(FindingsModel::FaultColumn, QHeaderView::ResizeToContents);
    header()->resizeSection(FindingsModel::DecisionColumn, 110);
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsView::followCursor);
    connect(cursor, &ReviewCursor::documentChanged, this, &FindingsView::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &FindingsView::followCursor);
}

void FindingsView::setDialogs(Dialogs *dialogs)
{
    m_dialogs = dialogs ? dialogs : &Dialogs::standard();
}

void FindingsView::createDecisionActions()
{
    const auto make = [this](const char *name, DecisionState state) {
        auto *action = new QAction(this);
        action->setObjectName(QLatin1StringView(name));
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, [this, state] { decide(state); });
        addAction(action);
        return action;
    };
    m_confirm = make("actionConfirmFinding", DecisionState::Confirmed);
    m_dismiss = make("actionDismissFinding", DecisionState::Dismissed);
    m_reopen = make("actionReopenFinding", DecisionState::Open);
    retranslateActions();
    updateActions();
}

void FindingsView::retranslateActions()
{
    m_confirm->setText(tr("&Confirm Finding"));
    m_confirm->setToolTip(tr("The agency must correct or explain it: it goes in the review "
                             "opinion."));
    m_dismiss->setText(tr("&Dismiss Finding…"));
    m_dismiss->setToolTip(tr("Set it aside with a reason (the agency confirmed the figure): it "
                             "stays greyed in the list and is left out of the review opinion."));
    m_reopen->setText(tr("&Reopen Finding"));
}

void FindingsView::setDocument(ReviewDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &ReviewDocument::decisionChanged, this, &FindingsView::updateActions);
    m_model->setDocument(document);
    updateActions();
}

std::optional<Finding> FindingsView::currentFinding() const
{
    const QModelIndex current = currentIndex();
    if (!m_document || !current.isValid())
        return std::nullopt;
    return m_document->finding(current.data(FindingsModel::FindingKeyRole).value<FindingKey>());
}

void FindingsView::decide(DecisionState state)
{
    const std::optional<Finding> finding = currentFinding();
    if (!finding || !m_document->session())
        return;
    QString reason;
    if (state == DecisionState::Dismissed) {
        const std::optional<QString> given = m_dialogs->askText(
            this, tr("Dismiss Finding"),
            tr("Why is this finding set aside? (for example: the agency confirmed the figure)"));
        if (!given || given->trimmed().isEmpty())
            return; // cancelled, or no reason: a dismissal without one is not recorded
        reason = *given;
    }
    const Result<void> decided = m_document->session()->decide(*finding, state, reason);
    if (!decided)
        m_dialogs->information(this, tr("Dismiss Finding"), decided.error().message);
}

void FindingsView::updateActions()
{
    const std::optional<Finding> finding = currentFinding();
    const DecisionState state
        = finding ? m_document->decision(*finding).state : DecisionState::Open;
    m_confirm->setEnabled(finding && state != DecisionState::Confirmed);
    m_dismiss->setEnabled(finding && state != DecisionState::Dismissed);
    m_reopen->setEnabled(finding && state != DecisionState::Open);
}

void FindingsView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex at = indexAt(event->pos());
    if (!at.isValid())
        return;
    setCurrentIndex(at);
    QMenu menu(this);
    menu.addActions({m_confirm, m_dismiss, m_reopen});
    menu.exec(event->globalPos());
}

void FindingsView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
    updateActions();
    if (!m_following && current.isValid())
        m_cursor->selectFinding(current.data(FindingsModel::FindingKeyRole).value<FindingKey>());
}

void FindingsView::followCursor()
{
    if (m_following)
        return;
    m_following = true;
    const QModelIndex index = m_model->indexOf(m_cursor->findingKey());
    if (index.isValid()) {
        setCurrentIndex(index);
        scrollTo(index);
    } else {
        selectionModel()->clear();
    }
    m_following = false;
}

void FindingsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_model->retranslate();
        retranslateActions();
    }
    QTreeView::changeEvent(event);
}

} // namespace nianbao

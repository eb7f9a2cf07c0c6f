// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsview.h"

#include "findingsmodel.h"
#include "reviewcursor.h"

#include <QEvent>
#include <QHeaderView>

namespace nianbao {

FindingsView::FindingsView(ReviewCursor *cursor, QWidget *parent)
    : QTreeView(parent)
    , m_cursor(cursor)
    , m_model(new FindingsModel(this))
{
    setObjectName(QStringLiteral("findingsView"));
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
    connect(m_model, &QAbstractItemModel::modelReset, this, &FindingsView::followCursor);
    connect(cursor, &ReviewCursor::documentChanged, this, &FindingsView::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &FindingsView::followCursor);
}

void FindingsView::setDocument(ReviewDocument *document)
{
    m_model->setDocument(document);
}

void FindingsView::currentChanged(const QModelIndex &current, const QModelIndex &previous)
{
    QTreeView::currentChanged(current, previous);
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
    if (event->type() == QEvent::LanguageChange)
        m_model->retranslate();
    QTreeView::changeEvent(event);
}

} // namespace nianbao

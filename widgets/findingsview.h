// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"

#include <QPointer>
#include <QTreeView>

#include <optional>

class QAction;

namespace nianbao {

class Dialogs;
class FindingsModel;
class ReviewCursor;

/**
 * The findings of the cursor's report; selecting one selects its cells and spans. The reviewer
 * confirms, dismisses (with a reason) or reopens the current finding from its context menu or
 * the view's actions.
 */
class FindingsView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsView)

public:
    explicit FindingsView(ReviewCursor *cursor, QWidget *parent = nullptr);

    FindingsModel *findingsModel() const { return m_model; }
    /** Where the reason of a dismissal is asked (the window's dialogs; tests answer them). */
    void setDialogs(Dialogs *dialogs);
    QAction *confirmAction() const { return m_confirm; }
    QAction *dismissAction() const { return m_dismiss; }
    QAction *reopenAction() const { return m_reopen; }

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void changeEvent(QEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;

private:
    void setDocument(ReviewDocument *document);
    void followCursor();
    void createDecisionActions();
    void retranslateActions();
    /** The finding of the current row, if any. */
    std::optional<Finding> currentFinding() const;
    void decide(DecisionState state);
    void updateActions();

    ReviewCursor *m_cursor;
    FindingsModel *m_model;
    Dialogs *m_dialogs;
    QPointer<ReviewDocument> m_document;
    QAction *m_confirm = nullptr;
    QAction *m_dismiss = nullptr;
    QAction *m_reopen = nullptr;
    bool m_following = false;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/draftstore.h"

#include <QObject>

class QLineEdit;
class QTimer;

namespace nianbao {

class FormTablesWidget;
class FormTableView;
class ReviewCursor;
class ReviewDocument;

/**
 * Keeps what the reviewer types into a cell editor of a library report in the DraftStore, a
 * moment after typing stops, and removes the draft when the editor closes (the edit confirmed
 * or cancelled). An editor that goes without closing leaves its draft to be offered. Notes
 * need no draft: every keystroke in them is committed to the library.
 */
class DraftKeeper final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DraftKeeper)

public:
    static constexpr int kDelayMs = 1000;

    DraftKeeper(DraftStore store, FormTablesWidget *tables, ReviewCursor *cursor,
                QObject *parent = nullptr);

    const DraftStore &store() const { return m_store; }
    /** The library id of a report opened from the library, 0 for one opened from a file. */
    static qint64 documentIdOf(const ReviewDocument *document);
    /** Opens the editor of `cell` in the cursor's report with `text` typed but not confirmed. */
    bool reopenEditor(int cell, const QString &text);

signals:
    void draftFailed(const nianbao::Error &error);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void watchEditor(const FormTableView *view, QLineEdit *editor);
    void saveDraft();
    void editorClosed(const QWidget *editor);
    void stopWatching();
    void report(const Result<void> &result);

    DraftStore m_store;
    FormTablesWidget *m_tables;
    ReviewCursor *m_cursor;
    QTimer *m_timer;
    QLineEdit *m_editor = nullptr; ///< watched until it closes or goes
    Draft m_draft;
};

} // namespace nianbao

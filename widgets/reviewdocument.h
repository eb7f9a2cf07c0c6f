// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewsession.h"

#include <QHash>
#include <QObject>

#include <memory>

class QUndoStack;

namespace nianbao {

/**
 * One report open in the window: its review session (absent when the file could not be read),
 * its undo stack and an index of the findings by cell that the views share.
 */
class ReviewDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewDocument)

public:
    ReviewDocument(Report report, const Checker &checker, const QString &reviewer,
                   QObject *parent = nullptr);
    ~ReviewDocument() override;

    QString filePath() const { return m_file; }
    /** False when the report could not be read; errors() then says why. */
    bool isLoaded() const { return m_session != nullptr; }
    const QList<Error> &errors() const { return m_errors; }
    QString errorText() const;

    ReviewSession *session() const { return m_session.get(); }
    QUndoStack *undoStack() const { return m_undoStack; }
    const QString &text() const;

    QList<Finding> findings() const { return m_findings; }
    std::optional<Finding> finding(const QString &id) const;
    QList<Finding> findingsOf(int cell) const;
    int errorCount() const;
    int warningCount() const;
    /** Cells the source left blank or that could not be read (and no one has filled since). */
    int unreadCellCount() const;
    /** The finding whose suggestion fixes this cell, if there is one. */
    std::optional<Finding> suggestionFor(int cell) const;
    /** The cell whose source span, or whose stated figure, covers a text position. */
    int cellAt(int position) const;

signals:
    /** The findings changed (after an edit or a language switch); the index is current. */
    void findingsChanged();

private:
    void reindex();

    QString m_file;
    QList<Error> m_errors;
    std::unique_ptr<ReviewSession> m_session;
    QUndoStack *m_undoStack;
    QList<Finding> m_findings;
    QHash<int, QList<int>> m_byCell; ///< cell → indices into m_findings
};

} // namespace nianbao

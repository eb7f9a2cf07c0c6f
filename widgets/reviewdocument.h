// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewsession.h"

#include <QHash>
#include <QObject>

#include <memory>

class QUndoStack;

namespace nianbao {

class LibraryBinding;

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
    /** What saves this report's changes to the library, if it came from one. */
    LibraryBinding *libraryBinding() const { return m_binding; }
    void setLibraryBinding(LibraryBinding *binding) { m_binding = binding; }
    /** The report's id in the library, 0 if it was opened without one. */
    qint64 libraryId() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    const QString &text() const;

    QList<Finding> findings() const { return m_findings; }
    std::optional<Finding> finding(std::optional<FindingKey> key) const;
    QList<Finding> findingsOf(int cell) const;
    /**
     * Findings by severity and the cells not read, as the library keeps them (countReview);
     * findings the reviewer dismissed do not count.
     */
    ReviewCounts counts() const;
    /** The reviewer's decision on `finding` (Open when the report could not be read). */
    FindingDecision decision(const Finding &finding) const;
    /** How many findings are open, confirmed and dismissed. */
    struct DecisionCounts
    {
        int open = 0;
        int confirmed = 0;
        int dismissed = 0;
    };
    DecisionCounts decisionCounts() const;
    int errorCount() const { return counts().errors; }
    int warningCount() const { return counts().warnings; }
    /** Cells the source left blank or that could not be read (and no one has filled since). */
    int unreadCellCount() const { return counts().unread; }
    /** The finding whose suggestion fixes this cell, if there is one. */
    std::optional<Finding> suggestionFor(int cell) const;
    /** The cell whose source span, or whose stated figure, covers a text position. */
    int cellAt(int position) const;

signals:
    /**
     * The findings changed (after an edit or a language switch): `delta` says which appeared
     * and disappeared (a changed one is in both), so views update those rows and cells only.
     * The index is current.
     */
    void findingsChanged(const nianbao::FindingsDelta &delta);
    /** A finding was confirmed, dismissed or reopened (by its signature). */
    void decisionChanged(const QString &signature);

private:
    /** Applies an edit's delta to the ordered findings and the index by cell. */
    void apply(const FindingsDelta &delta);
    void reindex();

    QString m_file;
    QList<Error> m_errors;
    std::unique_ptr<ReviewSession> m_session;
    QUndoStack *m_undoStack;
    LibraryBinding *m_binding = nullptr; ///< a child of the session
    QList<Finding> m_findings;
    QHash<int, QList<int>> m_byCell; ///< cell → indices into m_findings
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QObject>

namespace nianbao {

class ReviewLibrary;
class ReviewSession;
struct Correction;
struct StoredReview;

/**
 * Commits every confirmed change of a review session to the library at once: each cell
 * correction, the review status and note, cell notes, the agency and year, and the decisions
 * on findings, each its own transaction carrying the version it read. When another reviewer
 * saved first, the save is refused and saveFailed() says so; the session keeps its state, and
 * the reviewer can reload the report from the library.
 */
class LibraryBinding final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LibraryBinding)

public:
    LibraryBinding(ReviewLibrary &library, qint64 documentId, qint64 version,
                   ReviewSession *session);
    /**
     * Turns a stored review back into a library-bound session: `session` (made from
     * stored.report) gets the stored status, note and cell notes, then a binding (its child),
     * so restoring saves nothing and every later change is saved.
     */
    static LibraryBinding *restore(ReviewSession *session, const StoredReview &stored,
                                   ReviewLibrary &library);

    qint64 documentId() const { return m_documentId; }
    qint64 version() const { return m_version; }
    /** The SHA-256 of the file's bytes as imported (empty if not known). */
    QByteArray sourceSha256() const { return m_sourceSha256; }
    /** False after a refused save, until the report is reloaded. */
    bool isInSync() const { return m_inSync; }

signals:
    void saved(qint64 version);
    /** A save was refused (library.conflict: someone else saved first) or failed. */
    void saveFailed(const nianbao::Error &error);

private:
    void saveCell(const nianbao::Correction &correction);
    void saveStatus();
    void saveCellNote(int cell);
    void saveIdentity();
    void saveDecision(const QString &signature);
    void finish(const Result<qint64> &result);

    ReviewLibrary &m_library;
    ReviewSession *m_session;
    qint64 m_documentId;
    qint64 m_version;
    QByteArray m_sourceSha256;
    bool m_inSync = true;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "librarybinding.h"

#include "library/reviewlibrary.h"
#include "reviewsession.h"

namespace nianbao {

LibraryBinding::LibraryBinding(ReviewLibrary &library, qint64 documentId, qint64 version,
                               ReviewSession *session)
    : QObject(session)
    , m_library(library)
    , m_session(session)
    , m_documentId(documentId)
    , m_version(version)
{
    connect(session, &ReviewSession::cellChanged, this, &LibraryBinding::saveCell);
    connect(session, &ReviewSession::statusChanged, this, &LibraryBinding::saveStatus);
    connect(session, &ReviewSession::noteChanged, this, &LibraryBinding::saveStatus);
    connect(session, &ReviewSession::cellNoteChanged, this, &LibraryBinding::saveCellNote);
    connect(session, &ReviewSession::identityChanged, this, &LibraryBinding::saveIdentity);
    connect(session, &ReviewSession::decisionChanged, this, &LibraryBinding::saveDecision);
}

LibraryBinding *LibraryBinding::restore(ReviewSession *session, const StoredReview &stored,
                                        ReviewLibrary &library)
{
    session->setStatus(stored.status);
    session->setNote(stored.note);
    for (auto note = stored.cellNotes.cbegin(); note != stored.cellNotes.cend(); ++note)
        session->setCellNote(note.key(), note.value());
    session->restoreDecisions(stored.decisions);
    auto *binding = new LibraryBinding(library, stored.id, stored.version, session);
    binding->m_sourceSha256 = stored.sha256;
    return binding;
}

void LibraryBinding::saveCell(const Correction &correction)
{
    // The findings are current when cellChanged is emitted: the list's counts go with the edit.
    finish(m_library.saveCell(m_documentId, m_version, correction, m_session->counts()));
}

void LibraryBinding::saveStatus()
{
    finish(m_library.saveStatus(m_documentId, m_version, m_session->status(), m_session->note(),
                                m_session->reviewer()));
}

void LibraryBinding::saveCellNote(int cell)
{
    finish(m_library.saveCellNote(m_documentId, m_version,
                                  ReportTemplate::standard().cells()[cell].key,
                                  m_session->cellNote(cell)));
}

void LibraryBinding::saveDecision(const QString &signature)
{
    finish(m_library.saveDecision(m_documentId, m_version, signature,
                                  m_session->decisions().value(signature), m_session->counts()));
}

void LibraryBinding::saveIdentity()
{
    const Report &report = m_session->report();
    finish(m_library.saveIdentity(m_documentId, m_version, report.agency, report.year,
                                  m_session->reviewer(), QDateTime::currentDateTimeUtc()));
}

void LibraryBinding::finish(const Result<qint64> &result)
{
    if (!result) {
        m_inSync = false;
        emit saveFailed(result.error());
        return;
    }
    m_version = result.value();
    emit saved(m_version);
}

} // namespace nianbao

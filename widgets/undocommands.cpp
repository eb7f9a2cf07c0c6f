// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "undocommands.h"

#include "displaytexts.h"
#include "reporttemplate.h"

namespace nianbao {

namespace {

QString cellName(int cell)
{
    return ReportTemplate::standard().cellLabel(cell);
}

} // namespace

ChangeCellValue::ChangeCellValue(ReviewSession *session, int cell, std::optional<double> value,
                                 Kind kind, QUndoCommand *parent)
    : QUndoCommand(parent)
    , m_session(session)
    , m_cell(cell)
    , m_value(value)
    , m_kind(kind)
{
    setText(kind == Kind::ApplySuggestion ? tr("Apply suggestion to %1").arg(cellName(cell))
                                          : tr("Change %1").arg(cellName(cell)));
}

void ChangeCellValue::redo()
{
    if (m_previous) {
        m_session->restoreCell(m_cell, m_next);
        return;
    }
    Result<CellValue> previous = m_session->setCellValue(m_cell, m_value);
    if (!previous) {
        setObsolete(true); // refused: nothing changed, so nothing to undo
        return;
    }
    m_previous = std::move(previous).value();
    m_next = m_session->cell(m_cell);
}

void ChangeCellValue::undo()
{
    if (m_previous)
        m_session->restoreCell(m_cell, *m_previous);
}

int ChangeCellValue::id() const
{
    return m_kind == Kind::Edit ? int(CommandId::ChangeCellValue) : -1;
}

bool ChangeCellValue::mergeWith(const QUndoCommand *other)
{
    const auto *change = static_cast<const ChangeCellValue *>(other);
    if (change->m_session != m_session || change->m_cell != m_cell)
        return false;
    m_value = change->m_value;
    m_next = change->m_next;
    setObsolete(m_previous && m_next == *m_previous);
    return true;
}

QUndoCommand *changeStatusCommand(ReviewSession *session, ReviewStatus status)
{
    return new ChangeProperty<ReviewStatus>(
        ChangeCellValue::tr("Mark as %1").arg(reviewStatusText(status)), CommandId::ChangeStatus,
        -1, [session] { return session->status(); },
        [session](const ReviewStatus &value) { session->setStatus(value); }, status);
}

QUndoCommand *changeReportNoteCommand(ReviewSession *session, const QString &note)
{
    return new ChangeProperty<QString>(
        ChangeCellValue::tr("Edit the report's note"), CommandId::ChangeReportNote, -1,
        [session] { return session->note(); },
        [session](const QString &value) { session->setNote(value); }, note);
}

QUndoCommand *changeCellNoteCommand(ReviewSession *session, int cell, const QString &note)
{
    return new ChangeProperty<QString>(
        ChangeCellValue::tr("Edit the note on %1").arg(cellName(cell)), CommandId::ChangeCellNote,
        cell, [session, cell] { return session->cellNote(cell); },
        [session, cell](const QString &value) { session->setCellNote(cell, value); }, note);
}

QUndoCommand *changeAgencyCommand(ReviewSession *session, const QString &agency)
{
    return new ChangeProperty<QString>(
        ChangeCellValue::tr("Edit the agency"), CommandId::ChangeAgency, -1,
        [session] { return session->report().agency; },
        [session](const QString &value) { session->setAgency(value); }, agency);
}

QUndoCommand *changeYearCommand(ReviewSession *session, int year)
{
    return new ChangeProperty<int>(
        ChangeCellValue::tr("Edit the year"), CommandId::ChangeYear, -1,
        [session] { return session->report().year; },
        [session](const int &value) { session->setYear(value); }, year);
}

} // namespace nianbao

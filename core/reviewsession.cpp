// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewsession.h"

#include <array>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {
constexpr std::array<std::pair<ReviewStatus, QStringView>, 4> kStatusKeys {{
    {ReviewStatus::Unreviewed, u"unreviewed"},
    {ReviewStatus::InProgress, u"in_progress"},
    {ReviewStatus::Reviewed, u"reviewed"},
    {ReviewStatus::Doubtful, u"doubtful"},
}};
} // namespace

QString reviewStatusKey(ReviewStatus status)
{
    for (const auto &[candidate, key] : kStatusKeys) {
        if (candidate == status)
            return key.toString();
    }
    return {};
}

std::optional<ReviewStatus> reviewStatusFromKey(QStringView key)
{
    for (const auto &[status, candidate] : kStatusKeys) {
        if (candidate == key)
            return status;
    }
    return std::nullopt;
}

ReviewSession::ReviewSession(Report report, const Checker &checker, QString reviewer,
                             const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_report(std::move(report))
    , m_checks(checker, m_report.cells, m_report.statements, m_report.splitChoices)
    , m_reviewer(std::move(reviewer))
    , m_clock(clock)
{ }

void ReviewSession::replaceCell(int cell, const CellValue &value)
{
    Correction correction {cell, m_checks.cells()[size_t(cell)], value, m_reviewer, m_clock.now()};
    emit cellAboutToChange(cell);
    const FindingsDelta delta = m_checks.replaceCell(cell, value);
    correction.current = m_checks.cells()[size_t(cell)];
    m_corrections.append(correction);
    emit cellChanged(cell);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
}

CellValue ReviewSession::setCellValue(int cell, std::optional<double> value)
{
    const CellValue previous = m_checks.cells()[size_t(cell)];
    CellValue changed = previous;
    changed.value = value;
    changed.state = value ? CellState::Corrected : CellState::Missing;
    replaceCell(cell, changed);
    return previous;
}

void ReviewSession::restoreCell(int cell, const CellValue &previous)
{
    replaceCell(cell, previous);
}

std::optional<CellValue> ReviewSession::applySuggestion(const Finding &finding)
{
    if (!finding.suggestion)
        return std::nullopt;
    return setCellValue(finding.suggestion->cell, finding.suggestion->value);
}

void ReviewSession::retranslate()
{
    const FindingsDelta delta = m_checks.recheck();
    if (!delta.isEmpty())
        emit findingsChanged(delta);
}

void ReviewSession::setStatus(ReviewStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    emit statusChanged(status);
}

void ReviewSession::setNote(const QString &note)
{
    if (note == m_note)
        return;
    m_note = note;
    emit noteChanged();
}

void ReviewSession::setAgency(const QString &agency)
{
    if (agency == m_report.agency)
        return;
    m_report.agency = agency;
    emit identityChanged();
}

void ReviewSession::setYear(int year)
{
    if (year == m_report.year)
        return;
    m_report.year = year;
    emit identityChanged();
}

void ReviewSession::setCellNote(int cell, const QString &note)
{
    if (note == m_cellNotes.value(cell))
        return;
    if (note.isEmpty())
        m_cellNotes.remove(cell);
    else
        m_cellNotes.insert(cell, note);
    emit cellNoteChanged(cell);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewsession.h"

#include "extract/tableline.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <cmath>

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
    , m_template(checker.rules().reportTemplate())
    , m_checks(checker, m_report.cells, m_report.statements, m_report.splitChoices,
               m_report.relations)
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
    emit cellChanged(correction);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
}

bool ReviewSession::holdsFractions(int cell) const
{
    const TemplateCell &templateCell = m_template.cells()[cell];
    return m_template.tables()[templateCell.table].columns[templateCell.column].decimal;
}

std::optional<Error> ReviewSession::refusal(int cell, double value, const QString &written) const
{
    const auto refused = [&](const QString &code, const QString &message) {
        return Error {code, message, {m_report.file, 0, m_template.cells()[cell].key.toString()}};
    };
    if (!std::isfinite(value))
        return refused(u"input.not_a_number"_s, tr("“%1” is not a number.").arg(written));
    if (value < 0)
        return refused(u"input.negative"_s,
                       tr("%1 is negative; figures in the form are at least 0.").arg(written));
    if (!holdsFractions(cell) && value != std::floor(value))
        return refused(u"input.fraction"_s,
                       tr("%1 is not a whole number; this cell counts items.").arg(written));
    return std::nullopt;
}

Result<int> ReviewSession::indexOf(const CellKey &key) const
{
    const int index = m_template.cellIndex(key);
    if (index < 0)
        return unknownCellError(key.toString());
    return index;
}

Error ReviewSession::unknownCellError(const QString &cell) const
{
    return Error {u"input.unknown_cell"_s,
                  tr("The form has no cell “%1”.").arg(cell),
                  {m_report.file, 0, cell}};
}

bool ReviewSession::isCell(int cell) const
{
    return cell >= 0 && cell < m_template.cells().size();
}

Result<CellValue> ReviewSession::cell(const CellKey &key) const
{
    Result<int> index = indexOf(key);
    if (!index)
        return index.error();
    return cell(index.value());
}

Result<std::optional<double>> ReviewSession::readInput(const CellKey &cell,
                                                       const QString &text) const
{
    Result<int> index = indexOf(cell);
    if (!index)
        return index.error();
    return readInput(index.value(), text);
}

Result<CellValue> ReviewSession::setCellValue(const CellKey &cell, std::optional<double> value)
{
    Result<int> index = indexOf(cell);
    if (!index)
        return index.error();
    return setCellValue(index.value(), value);
}

Result<void> ReviewSession::setCellNote(const CellKey &cell, const QString &note)
{
    Result<int> index = indexOf(cell);
    if (!index)
        return index.error();
    setCellNote(index.value(), note);
    return {};
}

Result<std::optional<double>> ReviewSession::readInput(int cell, const QString &text) const
{
    if (!isCell(cell))
        return unknownCellError(QString::number(cell));
    const QString normalized = text.normalized(QString::NormalizationForm_KC).trimmed();
    if (normalized.isEmpty())
        return std::optional<double>();
    // Read as a table cell is (1,000, 6件, 10万, 25000元 into 万元), then as any C number (1e3).
    double written = 0;
    FigureUnit unit = FigureUnit::None;
    bool ok = parseFigure(normalized, &written, &unit);
    const double value = ok ? figureValue(written, unit, holdsFractions(cell))
                            : QLocale::c().toDouble(normalized, &ok);
    if (std::optional<Error> error
        = refusal(cell, ok ? value : std::nan(""), ok ? normalized : text.trimmed()))
        return *error;
    return std::optional<double>(value);
}

Result<CellValue> ReviewSession::setCellValue(int cell, std::optional<double> value)
{
    if (!isCell(cell))
        return unknownCellError(QString::number(cell));
    if (value) {
        if (std::optional<Error> error = refusal(cell, *value, QString::number(*value)))
            return *error;
    }
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
    Result<CellValue> previous = setCellValue(finding.suggestion->cell, finding.suggestion->value);
    return previous ? std::optional<CellValue>(std::move(previous).value()) : std::nullopt;
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

ReviewCounts ReviewSession::counts() const
{
    const bool anyDismissed
        = std::any_of(m_decisions.cbegin(), m_decisions.cend(),
                      [](const FindingDecision &d) { return d.state == DecisionState::Dismissed; });
    if (!anyDismissed)
        return m_checks.counts();
    QList<Finding> standing;
    for (const Finding &finding : m_checks.findings()) {
        if (decision(finding).state != DecisionState::Dismissed)
            standing.append(finding);
    }
    return countReview(standing, m_checks.cells());
}

FindingDecision ReviewSession::decision(const Finding &finding) const
{
    if (m_decisions.isEmpty())
        return {};
    return decisionOn(finding, m_decisions, m_template);
}

Result<void> ReviewSession::decide(const Finding &finding, DecisionState state,
                                   const QString &reason)
{
    if (state == DecisionState::Dismissed && reason.trimmed().isEmpty())
        return Error {u"decision.no_reason"_s,
                      tr("Say why the finding is dismissed (for example: the agency confirmed "
                         "the figure)."),
                      {}};
    const QString signature = findingSignature(finding, m_template);
    const FindingDecision decided {state, reason.trimmed(), m_reviewer, m_clock.now()};
    const FindingDecision current = m_decisions.value(signature);
    if (current.state == decided.state && current.reason == decided.reason)
        return {};
    m_decisions.insert(signature, decided);
    emit decisionChanged(signature);
    return {};
}

void ReviewSession::setPreviousYear(std::vector<CellValue> cells, int year)
{
    m_previousYear = cells.empty() ? 0 : year;
    const FindingsDelta delta = m_checks.setPreviousYear(std::move(cells), year);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
    emit otherYearsChanged();
}

const std::vector<CellValue> &ReviewSession::previousYearCells() const
{
    return m_checks.previousYearCells();
}

void ReviewSession::setNextYear(std::vector<CellValue> cells, int year)
{
    m_nextYear = cells.empty() ? 0 : year;
    m_nextYearCells = std::move(cells);
    emit otherYearsChanged();
}

void ReviewSession::setRollupUnits(QList<RollupUnit> units)
{
    const FindingsDelta delta = m_checks.setRollupUnits(std::move(units), m_template);
    if (!delta.isEmpty())
        emit findingsChanged(delta);
}

const QList<RollupUnit> &ReviewSession::rollupUnits() const
{
    return m_checks.rollupUnits();
}

void ReviewSession::restoreDecisions(QHash<QString, FindingDecision> decisions)
{
    m_decisions = std::move(decisions);
}

} // namespace nianbao

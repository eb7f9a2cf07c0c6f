// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"
#include "findingdecision.h"
#include "report.h"
#include "rules/checksession.h"

#include <QDateTime>
#include <QHash>
#include <QObject>

#include <optional>

namespace nianbao {

/** Where a report stands in review: 未审核 / 审核中 / 已审核 / 存疑. */
enum class ReviewStatus { Unreviewed, InProgress, Reviewed, Doubtful };

QString reviewStatusKey(ReviewStatus status); ///< "unreviewed", … for storage and export
std::optional<ReviewStatus> reviewStatusFromKey(QStringView key);

/** One change of a cell by a reviewer, for the audit trail: who changed what, when. */
struct Correction
{
    int cell = -1;
    CellValue previous;
    CellValue current;
    QString reviewer;
    QDateTime when;

    friend bool operator==(const Correction &, const Correction &) = default;
};

/**
 * One report under review: its cells, findings (kept current by CheckSession on every edit),
 * review status, notes, and the record of corrections. This is the reversible core operation
 * the window's undo commands wrap (QUndoCommand lives in Qt Gui, so undo stays in widgets/).
 * Everything a reviewer does to a report goes through here, with or without a window.
 */
class ReviewSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewSession)

public:
    ReviewSession(Report report, const Checker &checker, QString reviewer,
                  const Clock &clock = Clock::system(), QObject *parent = nullptr);

    /** The report as read; its `cells` are as extracted, cells() has the current values. */
    const Report &report() const { return m_report; }
    const std::vector<CellValue> &cells() const { return m_checks.cells(); }
    const CellValue &cell(int cell) const { return m_checks.cells()[size_t(cell)]; }
    QList<Finding> findings() const { return m_checks.findings(); }
    /** The counts the report list shows: dismissed findings no longer count. */
    ReviewCounts counts() const;
    const QList<Correction> &corrections() const { return m_corrections; }
    const QString &reviewer() const { return m_reviewer; }

    /**
     * Reads what a reviewer typed for `cell` as a table cell is read (full-width digits, 1,000,
     * 6件, 10万, 25000元 into the 万元 column; nothing clears the cell), and refuses a value the
     * cell cannot hold, saying why.
     */
    Result<std::optional<double>> readInput(int cell, const QString &text) const;
    Result<std::optional<double>> readInput(const CellKey &cell, const QString &text) const;
    /**
     * A reviewer's value for a cell (nullopt clears it); returns the cell as it was. A value the
     * cell cannot hold (negative, not finite, a fraction of a count) is refused and nothing
     * changes.
     */
    Result<CellValue> setCellValue(int cell, std::optional<double> value);
    /** The same for a cell named by its key (requests.received.total), as scripts name it. */
    Result<CellValue> setCellValue(const CellKey &cell, std::optional<double> value);
    /** Puts a cell back exactly as it was (undo); recorded as a correction too. */
    void restoreCell(int cell, const CellValue &previous);
    /** Applies a finding's suggestion, if it has one; returns the cell as it was. */
    std::optional<CellValue> applySuggestion(const Finding &finding);

    /** Rebuilds the findings' messages in the current language (after a language switch). */
    void retranslate();

    ReviewStatus status() const { return m_status; }
    void setStatus(ReviewStatus status);
    QString note() const { return m_note; }
    void setNote(const QString &note);
    QString cellNote(int cell) const { return m_cellNotes.value(cell); }
    const QHash<int, QString> &cellNotes() const { return m_cellNotes; }
    void setCellNote(int cell, const QString &note);
    Result<void> setCellNote(const CellKey &cell, const QString &note);
    /** The current value of the cell `key` names, or an input.unknown_cell error. */
    Result<CellValue> cell(const CellKey &key) const;
    /** Puts right an agency or year the title was misread as (标题:…, 正文); the library audits it.
     */
    void setAgency(const QString &agency);
    void setYear(int year);

    /** The reviewer's decision on `finding`: Open unless confirmed or dismissed. */
    FindingDecision decision(const Finding &finding) const;
    /** Every decision, by finding signature (findingSignature()). */
    const QHash<QString, FindingDecision> &decisions() const { return m_decisions; }
    /**
     * Confirms, dismisses or reopens `finding`, recording the reviewer and time. A dismissal
     * needs its reason ("单位已核实该数字无误"); without one it is refused and nothing changes.
     */
    Result<void> decide(const Finding &finding, DecisionState state, const QString &reason = {});
    /**
     * Checks this report against the same agency's report of the year before (its current
     * cells): year.carry and active.stock_flow join the findings, and edits re-check them.
     * An empty `cells` drops the other year.
     */
    void setPreviousYear(std::vector<CellValue> cells, int year);
    /** The year of the report setPreviousYear() gave, 0 if none. */
    int previousYear() const { return m_previousYear; }
    /** The cells setPreviousYear() gave, empty if none. */
    const std::vector<CellValue> &previousYearCells() const;
    /**
     * The same agency's report of the year after, shown beside this one (no rule reads it here:
     * year.carry of the later year is that report's finding). An empty `cells` drops it.
     */
    void setNextYear(std::vector<CellValue> cells, int year);
    /** The year of the report setNextYear() gave, 0 if none. */
    int nextYear() const { return m_nextYear; }
    const std::vector<CellValue> &nextYearCells() const { return m_nextYearCells; }
    /**
     * Checks this report as the summary of `units` (their current cells): rollup.sum joins the
     * findings and edits re-check it. An empty `units` drops them.
     */
    void setRollupUnits(QList<RollupUnit> units);
    /** The units setRollupUnits() gave; empty when this report is no summary. */
    const QList<RollupUnit> &rollupUnits() const;
    /** Puts back decisions kept in the library, without signalling a change (nothing to save). */
    void restoreDecisions(QHash<QString, FindingDecision> decisions);

signals:
    void cellAboutToChange(int cell);
    /** A cell changed, as `correction` records it (appended to corrections() already). */
    void cellChanged(const nianbao::Correction &correction);
    /** Findings that appeared and disappeared with the last change. */
    void findingsChanged(const nianbao::FindingsDelta &delta);
    void statusChanged(nianbao::ReviewStatus status);
    void noteChanged();
    void cellNoteChanged(int cell);
    /** The agency or the year changed (report() has the new ones). */
    void identityChanged();
    /** A finding was confirmed, dismissed or reopened: decisions()[signature] says how. */
    void decisionChanged(const QString &signature);
    /** The report of the year before or after, shown beside this one, came or went. */
    void otherYearsChanged();

private:
    void replaceCell(int cell, const CellValue &value);
    bool holdsFractions(int cell) const;
    std::optional<Error> refusal(int cell, double value, const QString &written) const;
    Result<int> indexOf(const CellKey &key) const;
    bool isCell(int cell) const;
    Error unknownCellError(const QString &cell) const;

    Report m_report;
    const ReportTemplate &m_template;
    CheckSession m_checks;
    QString m_reviewer;
    const Clock &m_clock;
    QList<Correction> m_corrections;
    ReviewStatus m_status = ReviewStatus::Unreviewed;
    QString m_note;
    QHash<int, QString> m_cellNotes;
    QHash<QString, FindingDecision> m_decisions;
    int m_previousYear = 0;
    std::vector<CellValue> m_nextYearCells;
    int m_nextYear = 0;
};

} // namespace nianbao

Q_DECLARE_METATYPE(nianbao::Correction)

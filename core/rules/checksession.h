// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checker.h"
#include "rollup.h"

#include <QHash>
#include <QList>

#include <optional>
#include <vector>

namespace nianbao {

/**
 * What an edit changed besides the edited cell: findings that appeared and disappeared (a
 * changed finding is in both), and other cells whose value the rules deduce anew.
 */
struct FindingsDelta
{
    QList<Finding> appeared;
    QList<Finding> disappeared;
    QList<int> changedCells;

    bool isEmpty() const
    {
        return appeared.isEmpty() && disappeared.isEmpty() && changedCells.isEmpty();
    }
};

/** What the library keeps of one counted finding, for the overview of the whole library. */
struct CountedFinding
{
    QString rule;
    Severity severity = Severity::Error;
    Fault fault = Fault::Source;
    QString signature; ///< findingSignature(): how a reviewer's decision names it
    QList<int> cells; ///< template indices (ReportTemplate::standard())

    friend bool operator==(const CountedFinding &, const CountedFinding &) = default;
};

/** Which findings and blank cells a report's counts were made of. */
struct CountedDetail
{
    QList<CountedFinding> findings; ///< those counted, in FindingKey order
    /** Cells the source leaves blank or without them (CellState::Missing) that no one has filled
     *  since; unlike `unread`, no unreadable ones: the report says nothing there at all. */
    int missing = 0;

    friend bool operator==(const CountedDetail &, const CountedDetail &) = default;
};

/**
 * What the report list shows of a report's state of reading: findings by severity and the
 * cells the source left blank or unreadable that no one has filled since. A report with no
 * tables is not clean: its 200 unread cells say so.
 */
struct ReviewCounts
{
    int errors = 0;
    int warnings = 0;
    int unread = 0;
    /**
     * The findings behind the figures, for the library's overview: countReview() gives them;
     * counts read back from the report list carry none (nullopt).
     */
    std::optional<CountedDetail> detail = std::nullopt;

    /** Equal when the figures are: the detail only travels with them to the library, and the
     *  list's counts, read back from it, carry none. */
    friend bool operator==(const ReviewCounts &a, const ReviewCounts &b)
    {
        return a.errors == b.errors && a.warnings == b.warnings && a.unread == b.unread;
    }
};

/** Whether `a` comes before `b` in a report's list of findings (FindingKey's order). */
inline bool findingBefore(const Finding &a, const Finding &b)
{
    return a.key < b.key;
}

/** The counts of `findings` over `cells`: the one rule the list, the library and exports use. */
ReviewCounts countReview(const QList<Finding> &findings, const std::vector<CellValue> &cells);

/**
 * The findings engine: the checked state of one report, its cells, stated figures and current
 * findings. The reader, the batch, the library and the window all check through it, so a
 * report's findings are the same wherever they are computed. An edit re-evaluates only the
 * rules that involve the edited cell (RuleBook's cell index) and reports the difference, so
 * the review window can re-check on every keystroke.
 */
class CheckSession
{
public:
    CheckSession(const Checker &checker, std::vector<CellValue> cells,
                 QList<StatedFigure> statements, QList<SplitChoice> splitChoices = {},
                 QList<StatedRelation> relations = {});

    /**
     * Checks a report once, for those who keep no session (the reader, the batch): fills the
     * cells the rules determine in `cells` and returns the findings.
     */
    static QList<Finding> checkOnce(const Checker &checker, std::vector<CellValue> &cells,
                                    const QList<StatedFigure> &statements,
                                    const QList<SplitChoice> &splitChoices = {},
                                    const QList<StatedRelation> &relations = {});

    const std::vector<CellValue> &cells() const { return m_cells; }
    const QList<StatedFigure> &statements() const { return m_statements; }
    /** The current findings, in FindingKey order. */
    const QList<Finding> &findings() const { return m_findings; }
    ReviewCounts counts() const;

    /** Sets one cell and returns the findings that appeared and disappeared. */
    FindingsDelta setCell(int cell, std::optional<double> value,
                          CellState state = CellState::Corrected);
    /** Builds every finding again, e.g. so messages follow a language switch. */
    FindingsDelta recheck();
    /** Puts a whole cell (value, state, span) in place, e.g. to undo an edit. */
    FindingsDelta replaceCell(int cell, const CellValue &value);
    /**
     * The same agency's report of the year before (its current cells), for the rules across
     * years (year.carry, active.stock_flow); an empty `cells` drops it. Edits re-check them too.
     */
    FindingsDelta setPreviousYear(std::vector<CellValue> cells, int year);
    /** The cells setPreviousYear() gave, empty if none. */
    const std::vector<CellValue> &previousYearCells() const { return m_previousYear; }
    /**
     * The units this report is the summary of (issue 16, item 2): rollup.sum joins the findings
     * for each cell that differs from its units' sum, and edits re-check it. An empty `units`
     * drops them.
     */
    FindingsDelta setRollupUnits(QList<RollupUnit> units,
                                 const ReportTemplate &reportTemplate = ReportTemplate::standard());
    const QList<RollupUnit> &rollupUnits() const { return m_rollupUnits; }

private:
    void recheckFully();
    void recheckCell(int cell);
    /** Replaces the cross-year findings in m_base with those of the current cells. */
    void recheckAcrossYears();
    /** Replaces the rollup.sum findings in m_base with those of the current cells. */
    void recheckRollup();
    void setBaseFinding(FindingKey key, std::optional<Finding> finding);
    void refreshSuggestions();
    /** `base` (in key order) with the localized fixes, the folds, the split choices and where
     *  each finding's fault lies. */
    QList<Finding> withFixes(QList<Finding> base) const;
    static FindingsDelta difference(const QList<Finding> &before, const QList<Finding> &after);

    const Checker &m_checker;
    std::vector<CellValue> m_cells;
    QList<StatedFigure> m_statements;
    QList<SplitChoice> m_splitChoices;
    QList<StatedRelation> m_relations;
    std::vector<bool> m_openSplits; ///< cells of m_splitChoices (cellsOfOpenSplits())
    std::vector<CellValue> m_previousYear; ///< empty: no report of the year before
    int m_previousYearNumber = 0;
    std::vector<bool> m_acrossYears; ///< the cells the cross-year rules read
    QList<RollupUnit> m_rollupUnits; ///< empty: not a summary
    const ReportTemplate *m_rollupTemplate = nullptr;
    QHash<FindingKey, Finding> m_base; ///< findings as their rule states them, no suggestion
    QList<Finding> m_findings; ///< m_base with the localized fixes attached, in key order
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "extract/splitchoice.h"
#include "finding.h"
#include "rulebook.h"
#include "statedfigure.h"

#include <QCoreApplication>
#include <QList>

#include <bitset>
#include <optional>
#include <vector>

namespace nianbao {

/** A change of one or more cells that makes every rule (and stated figure) agree. */
struct Fix
{
    std::vector<Suggestion> changes;

    friend bool operator==(const Fix &, const Fix &) = default;
};

/**
 * Judges a report's cells: the template's linear rules, the value domain, the stated figures;
 * deduces missing cells the rules determine; and localizes faults — the smallest set of cells
 * whose change makes everything agree (Fellegi–Holt error localization, done exactly for this
 * small linear system: one cell first, then pairs). Stateless: these are the rules one at a
 * time; CheckSession is the engine that runs them over a report and keeps the findings current.
 */
class Checker
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::Checker)

public:
    explicit Checker(const RuleBook &rules);

    /** Fills missing cells the rules determine uniquely (state Deduced); returns how many. */
    int deduceMissing(std::vector<CellValue> &cells) const;

    std::optional<Finding> checkFinding(int check, const std::vector<CellValue> &cells) const;
    std::optional<Finding> domainFinding(int cell, const std::vector<CellValue> &cells) const;
    std::optional<Finding> missingFinding(int cell, const std::vector<CellValue> &cells) const;
    bool rowPrintsNoFigure(int cell, const std::vector<CellValue> &cells) const;
    std::optional<Finding> statementFinding(int statement, const QList<StatedFigure> &statements,
                                            const std::vector<CellValue> &cells) const;
    /**
     * text.combined, text.appeals, text.contains, text.share: a relation the narrative states
     * that the table's figures break; none while one of its cells is unknown.
     */
    std::optional<Finding> relationFinding(int index, const QList<StatedRelation> &relations,
                                           const std::vector<CellValue> &cells) const;

    /**
     * segment.ambiguous: a row's run of fused digits splits into its cells in several ways the
     * rules leave tied; the finding lists them so that the reviewer can choose one. None once
     * no cell of the row is unreadable any more (chosen, corrected or deduced).
     */
    /**
     * text.table for a stated figure whose cell is in an undecided row when no way of reading
     * the row gives that figure (现行有效…424件 against '34089').
     */
    std::optional<Finding> statementAgainstChoice(int statement,
                                                  const QList<StatedFigure> &statements,
                                                  const SplitChoice &choice,
                                                  const std::vector<CellValue> &cells) const;
    std::optional<Finding> splitChoiceFinding(int choice, const QList<SplitChoice> &choices,
                                              const std::vector<CellValue> &cells) const;

    /**
     * Replaces the value.missing findings of blank cells that the rules make 0 with one finding
     * per table ("25 blank cells in table 三 are 0 by the rules"): a report that leaves its
     * zeros blank gets one line to read, not a warning per cell.
     */
    void foldZeroDeductions(QList<Finding> &findings, const std::vector<CellValue> &cells) const;

    /**
     * Adds the segment.ambiguous finding of each row still undecided, in place of its cells'
     * value.missing findings: one finding says what the row's digits can be.
     */
    void addSplitChoices(QList<Finding> &findings, const QList<SplitChoice> &splitChoices,
                         const QList<StatedFigure> &statements,
                         const std::vector<CellValue> &cells) const;

    /** The smallest fixes (all of them when several tie), or none within two cells. */
    std::vector<Fix> localize(const std::vector<CellValue> &cells,
                              const QList<StatedFigure> &statements) const;
    /** Puts the fix on the findings it resolves, or counts the alternatives when fixes tie. */
    void attachSuggestions(QList<Finding> &findings, const std::vector<Fix> &fixes) const;

    /**
     * Every rule across two years of one agency, year.carry then active.stock_flow: `previous`
     * holds the cells of its report of `previousYear`, `current` those of its report of the year
     * after. The findings are the later report's (the earlier one is the other side of the same
     * rules and gets none), in key order. Used by the batch check and the window's years side
     * by side.
     */
    QList<Finding> crossYearFindings(const std::vector<CellValue> &previous, int previousYear,
                                     const std::vector<CellValue> &current) const;
    /** The cells crossYearFindings reads, of either report: all a batch keeps of a report. */
    std::vector<int> crossYearCells() const;

    /**
     * year.carry: this year's carried_over must equal the previous year's carried_forward of
     * the same agency, column by column. Returns the findings for `current`.
     */
    QList<Finding> yearCarryFindings(const std::vector<CellValue> &previous, int previousYear,
                                     const std::vector<CellValue> &current) const;
    /**
     * active.stock_flow: last year's 现行有效件数 plus this year's 本年制发件数 minus 本年废止件数
     * is this year's 现行有效件数, for 规章 and 行政规范性文件. A warning: another act may repeal
     * a document. Returns the findings for `current`, of year previousYear + 1.
     */
    QList<Finding> stockFlowFindings(const std::vector<CellValue> &previous, int previousYear,
                                     const std::vector<CellValue> &current) const;

    bool isBroken(int check, const std::vector<CellValue> &cells) const;
    bool inDomain(int cell, double value) const;
    const RuleBook &rules() const { return m_rules; }

private:
    /** One bit per violated constraint or out-of-domain cell. */
    using ViolationSet = std::bitset<128>;

    struct Constraint
    {
        std::vector<std::pair<int, int>> terms; ///< (cell, sign)
        double constant = 0; ///< sum(sign * cell) must equal this
    };

    std::vector<Constraint> constraintsFor(const std::vector<CellValue> &cells,
                                           const QList<StatedFigure> &statements,
                                           bool withStatements) const;
    std::optional<Fix> solveFor(const std::vector<int> &freeCells,
                                const std::vector<Constraint> &constraints,
                                const std::vector<CellValue> &cells) const;
    std::vector<Fix> localizeWith(const std::vector<CellValue> &cells,
                                  const QList<StatedFigure> &statements, bool withStatements) const;
    int deduceBySubstitution(std::vector<CellValue> &cells) const;
    int deduceJointly(std::vector<CellValue> &cells) const;
    int deduceByBounds(std::vector<CellValue> &cells) const;
    enum class BoundsStep { Narrowed, Broken, Contradiction };
    /** Narrows until nothing changes; the first usable rule that fails, or -1. */
    int propagateBounds(const std::vector<CellValue> &cells, const std::vector<bool> &usable,
                        std::vector<double> &low, std::vector<double> &high) const;
    std::pair<double, double> sumRange(const Constraint &constraint, const std::vector<double> &low,
                                       const std::vector<double> &high) const;
    bool canHold(const Constraint &constraint, const std::vector<double> &low,
                 const std::vector<double> &high) const;
    int settleBounds(std::vector<CellValue> &cells, const std::vector<double> &low,
                     const std::vector<double> &high, const std::vector<bool> &excluded) const;
    BoundsStep narrowBounds(const Constraint &constraint, const std::vector<CellValue> &cells,
                            std::vector<double> &low, std::vector<double> &high,
                            bool *narrowed) const;
    QString tiedFixesText(const std::vector<Fix> &fixes) const;
    QString sideText(const LinearCheck &check, const std::vector<int> &side) const;
    static QString describeAbsence(const QString &label, const CellValue &value);
    QString labelsText(const QList<int> &cells) const;
    std::optional<Finding> shareFinding(const StatedRelation &relation, double part,
                                        const std::vector<CellValue> &cells) const;
    /** A cross-year rule's cell of `row` × `column` keys in its table, or -1. */
    int ruleCell(const RuleDefinition &rule, const QString &row, const QString &column) const;
    std::optional<Finding> stockFlowFinding(const RuleDefinition &rule, const QString &row,
                                            const std::vector<CellValue> &previous,
                                            int previousYear,
                                            const std::vector<CellValue> &current) const;
    /** "行政规范性文件: 现行有效件数 is 440 in 2024, but 470 in 2023 + 本年制发件数 62 − …" */
    QString stockFlowMessage(const RuleDefinition &rule, const Finding &finding, double before,
                             int previousYear, const std::vector<CellValue> &current) const;

    const RuleBook &m_rules;
    const ReportTemplate &m_template;
    std::vector<Constraint> m_checkConstraints; ///< the linear checks, as constraints
};

} // namespace nianbao

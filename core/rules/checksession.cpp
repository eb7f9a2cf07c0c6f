// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checksession.h"

#include "faultlocation.h"
#include "findingdecision.h"
#include "reporttemplate.h"

#include <algorithm>

namespace nianbao {

CheckSession::CheckSession(const Checker &checker, std::vector<CellValue> cells,
                           QList<StatedFigure> statements, QList<SplitChoice> splitChoices,
                           QList<StatedRelation> relations)
    : m_checker(checker)
    , m_cells(std::move(cells))
    , m_statements(std::move(statements))
    , m_splitChoices(std::move(splitChoices))
    , m_relations(std::move(relations))
    , m_openSplits(cellsOfOpenSplits(m_splitChoices, int(m_cells.size())))
{
    recheckFully();
}

namespace {

bool isAcrossYears(FindingKind kind)
{
    return kind == FindingKind::Carry || kind == FindingKind::StockFlow;
}

/** Findings that compare with other reports: their figures are not this report's to fix. */
bool isAgainstOtherReports(FindingKind kind)
{
    return isAcrossYears(kind) || kind == FindingKind::Rollup;
}

} // namespace

QList<Finding> CheckSession::checkOnce(const Checker &checker, std::vector<CellValue> &cells,
                                       const QList<StatedFigure> &statements,
                                       const QList<SplitChoice> &splitChoices,
                                       const QList<StatedRelation> &relations)
{
    CheckSession session(checker, std::move(cells), statements, splitChoices, relations);
    cells = std::move(session.m_cells);
    return std::move(session.m_findings);
}

namespace {

template<typename Findings>
ReviewCounts countFindings(const Findings &findings)
{
    ReviewCounts counts;
    for (const Finding &finding : findings) {
        if (finding.severity == Severity::Error)
            ++counts.errors;
        else if (finding.severity == Severity::Warning)
            ++counts.warnings;
    }
    return counts;
}

void sortByKey(QList<Finding> &findings)
{
    if (!std::is_sorted(findings.cbegin(), findings.cend(), findingBefore))
        std::sort(findings.begin(), findings.end(), findingBefore);
}

} // namespace

ReviewCounts countReview(const QList<Finding> &findings, const std::vector<CellValue> &cells)
{
    ReviewCounts counts = countFindings(findings);
    counts.unread = int(std::count_if(cells.cbegin(), cells.cend(), [](const CellValue &cell) {
        return cell.state == CellState::Missing || cell.state == CellState::Unreadable;
    }));
    CountedDetail detail;
    detail.missing = int(std::count_if(cells.cbegin(), cells.cend(), [](const CellValue &cell) {
        return cell.state == CellState::Missing;
    }));
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    detail.findings.reserve(findings.size());
    for (const Finding &finding : findings) {
        if (finding.severity == Severity::Info)
            continue; // not counted, so not kept
        detail.findings.append(CountedFinding {finding.rule, finding.severity, finding.fault,
                                               findingSignature(finding, reportTemplate),
                                               finding.cells});
    }
    counts.detail = std::move(detail);
    return counts;
}

ReviewCounts CheckSession::counts() const
{
    return countReview(m_findings, m_cells);
}

void CheckSession::recheckFully()
{
    m_checker.deduceMissing(m_cells);
    // One pass in key order: each rule evaluated once, not once per cell it involves.
    QList<Finding> base;
    const auto add = [&base](std::optional<Finding> &&finding) {
        if (finding)
            base.append(std::move(*finding));
    };
    for (int cell = 0; cell < int(m_cells.size()); ++cell) {
        add(m_checker.missingFinding(cell, m_cells));
        add(m_checker.domainFinding(cell, m_cells));
    }
    for (int check = 0; check < int(m_checker.rules().checks().size()); ++check)
        add(m_checker.checkFinding(check, m_cells));
    for (int s = 0; s < int(m_statements.size()); ++s)
        add(m_checker.statementFinding(s, m_statements, m_cells));
    for (int r = 0; r < int(m_relations.size()); ++r)
        add(m_checker.relationFinding(r, m_relations, m_cells));
    m_base.clear();
    for (const Finding &finding : std::as_const(base))
        m_base.insert(finding.key, finding);
    if (!m_previousYear.empty() || !m_rollupUnits.isEmpty()) {
        if (!m_previousYear.empty())
            recheckAcrossYears();
        recheckRollup();
        base = m_base.values();
        sortByKey(base);
    }
    m_findings = withFixes(std::move(base));
}

void CheckSession::setBaseFinding(FindingKey key, std::optional<Finding> finding)
{
    if (finding)
        m_base.emplace(key, std::move(*finding));
    else
        m_base.remove(key);
}

void CheckSession::recheckCell(int cell)
{
    setBaseFinding({FindingKind::Missing, cell}, m_checker.missingFinding(cell, m_cells));
    setBaseFinding({FindingKind::Domain, cell}, m_checker.domainFinding(cell, m_cells));
    for (int check : m_checker.rules().checksOfCell(cell))
        setBaseFinding({FindingKind::Check, check}, m_checker.checkFinding(check, m_cells));
    for (int s = 0; s < int(m_statements.size()); ++s) {
        if (m_statements[s].cell == cell)
            setBaseFinding({FindingKind::Statement, s},
                           m_checker.statementFinding(s, m_statements, m_cells));
    }
    for (int r = 0; r < int(m_relations.size()); ++r) {
        const StatedRelation &relation = m_relations[r];
        if (relation.cells.contains(cell) || relation.whole.contains(cell))
            setBaseFinding({FindingKind::Relation, r},
                           m_checker.relationFinding(r, m_relations, m_cells));
    }
    if (!m_previousYear.empty() && m_acrossYears[size_t(cell)])
        recheckAcrossYears();
    if (!m_rollupUnits.isEmpty())
        recheckRollup();
}

QList<Finding> CheckSession::withFixes(QList<Finding> base) const
{
    // The other year's figures are not this report's to fix: no localized fix goes on them.
    QList<Finding> acrossYears;
    base.removeIf([&acrossYears](const Finding &finding) {
        if (!isAgainstOtherReports(finding.key.kind))
            return false;
        acrossYears.append(finding);
        return true;
    });
    if (!base.isEmpty())
        m_checker.attachSuggestions(base, m_checker.localize(m_cells, m_statements));
    base.append(acrossYears);
    m_checker.foldZeroDeductions(base, m_cells);
    m_checker.addSplitChoices(base, m_splitChoices, m_statements, m_cells);
    sortByKey(base);
    locateFaults(base, m_cells, m_openSplits);
    return base;
}

void CheckSession::refreshSuggestions()
{
    QList<Finding> base = m_base.values();
    sortByKey(base);
    m_findings = withFixes(std::move(base));
}

FindingsDelta CheckSession::setCell(int cell, std::optional<double> value, CellState state)
{
    CellValue changed = m_cells[size_t(cell)];
    changed.value = value;
    changed.state = value ? state : CellState::Missing;
    return replaceCell(cell, changed);
}

FindingsDelta CheckSession::recheck()
{
    const QList<Finding> before = m_findings;
    recheckFully();
    return difference(before, m_findings);
}

FindingsDelta CheckSession::replaceCell(int cell, const CellValue &value)
{
    const QList<Finding> before = m_findings;
    const auto isDeduced = [](const CellValue &c) {
        return c.state == CellState::Deduced;
    };
    const bool deductionInPlay = !value.value || isDeduced(value)
        || std::any_of(m_cells.begin(), m_cells.end(), isDeduced);
    const std::vector<CellValue> cellsBefore = deductionInPlay ? m_cells : std::vector<CellValue>();
    m_cells[size_t(cell)] = value;
    if (!deductionInPlay) {
        recheckCell(cell);
        refreshSuggestions();
        return difference(before, m_findings);
    }
    // Deduced values may depend on the edited cell: a full check (still microseconds).
    recheckFully();
    FindingsDelta delta = difference(before, m_findings);
    for (int c = 0; c < int(m_cells.size()); ++c) {
        if (c != cell && !(m_cells[size_t(c)] == cellsBefore[size_t(c)]))
            delta.changedCells.append(c);
    }
    return delta;
}

FindingsDelta CheckSession::difference(const QList<Finding> &before, const QList<Finding> &after)
{
    // Both lists are in key order: one merge finds what went, came and changed.
    FindingsDelta delta;
    auto then = before.cbegin();
    auto now = after.cbegin();
    while (then != before.cend() || now != after.cend()) {
        if (now == after.cend() || (then != before.cend() && then->key < now->key)) {
            delta.disappeared.append(*then++);
        } else if (then == before.cend() || now->key < then->key) {
            delta.appeared.append(*now++);
        } else {
            if (!(*then == *now)) {
                delta.disappeared.append(*then);
                delta.appeared.append(*now);
            }
            ++then;
            ++now;
        }
    }
    return delta;
}

FindingsDelta CheckSession::setPreviousYear(std::vector<CellValue> cells, int year)
{
    const QList<Finding> before = m_findings;
    m_previousYear = std::move(cells);
    m_previousYearNumber = year;
    if (m_acrossYears.empty()) {
        m_acrossYears.assign(m_cells.size(), false);
        for (int cell : m_checker.crossYearCells())
            m_acrossYears[size_t(cell)] = true;
    }
    recheckAcrossYears();
    QList<Finding> base = m_base.values();
    sortByKey(base);
    m_findings = withFixes(std::move(base));
    return difference(before, m_findings);
}

void CheckSession::recheckAcrossYears()
{
    m_base.removeIf(
        [](const QHash<FindingKey, Finding>::iterator it) { return isAcrossYears(it.key().kind); });
    if (m_previousYear.size() != m_cells.size())
        return;
    for (const Finding &finding :
         m_checker.crossYearFindings(m_previousYear, m_previousYearNumber, m_cells))
        m_base.insert(finding.key, finding);
}

FindingsDelta CheckSession::setRollupUnits(QList<RollupUnit> units,
                                           const ReportTemplate &reportTemplate)
{
    const QList<Finding> before = m_findings;
    m_rollupUnits = std::move(units);
    m_rollupTemplate = &reportTemplate;
    recheckRollup();
    refreshSuggestions();
    return difference(before, m_findings);
}

void CheckSession::recheckRollup()
{
    m_base.removeIf([](const QHash<FindingKey, Finding>::iterator it) {
        return it.key().kind == FindingKind::Rollup;
    });
    if (m_rollupUnits.isEmpty())
        return;
    // Every cell at once: 200 sums of a few dozen units take microseconds, as one cell would.
    for (const Finding &finding : Rollup(*m_rollupTemplate).check(m_cells, m_rollupUnits))
        m_base.insert(finding.key, finding);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checksession.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Sort key that orders findings the way Checker::check emits them. */
std::pair<int, int> orderKey(const QString &id)
{
    static const QStringList kKinds = {u"missing"_s, u"domain"_s, u"check"_s,    u"statement"_s,
                                       u"zeros"_s,   u"split"_s,  u"splittext"_s};
    const qsizetype colon = id.indexOf(u':');
    const int kind = int(kKinds.indexOf(id.left(colon)));
    const int index = id.mid(colon + 1).toInt();
    // Cell findings interleave by cell in a full check: missing:5 then domain:5.
    return kind <= 1 ? std::pair {index * 2 + kind, 0} : std::pair {1'000'000 * kind + index, 0};
}

} // namespace

bool findingBefore(const Finding &a, const Finding &b)
{
    return orderKey(a.id) < orderKey(b.id);
}

CheckSession::CheckSession(const Checker &checker, std::vector<CellValue> cells,
                           QList<StatedFigure> statements, QList<SplitChoice> splitChoices)
    : m_checker(checker)
    , m_cells(std::move(cells))
    , m_statements(std::move(statements))
    , m_splitChoices(std::move(splitChoices))
{
    recheckFully();
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

} // namespace

ReviewCounts countReview(const QList<Finding> &findings, const std::vector<CellValue> &cells)
{
    ReviewCounts counts = countFindings(findings);
    counts.unread = int(std::count_if(cells.cbegin(), cells.cend(), [](const CellValue &cell) {
        return cell.state == CellState::Missing || cell.state == CellState::Unreadable;
    }));
    return counts;
}

ReviewCounts CheckSession::counts() const
{
    ReviewCounts counts = countFindings(m_findings);
    counts.unread = countReview({}, m_cells).unread;
    return counts;
}

QList<Finding> CheckSession::findings() const
{
    QList<QString> ids = m_findings.keys();
    std::sort(ids.begin(), ids.end(),
              [](const QString &a, const QString &b) { return orderKey(a) < orderKey(b); });
    QList<Finding> ordered;
    for (const QString &id : ids)
        ordered.append(m_findings.value(id));
    return ordered;
}

void CheckSession::recheckFully()
{
    m_base.clear();
    m_findings.clear();
    m_checker.deduceMissing(m_cells);
    for (int cell = 0; cell < int(m_cells.size()); ++cell)
        recheckCell(cell);
    refreshSuggestions();
}

void CheckSession::setBaseFinding(const QString &id, std::optional<Finding> finding)
{
    if (finding)
        m_base.insert(id, *finding);
    else
        m_base.remove(id);
}

void CheckSession::recheckCell(int cell)
{
    const QString index = QString::number(cell);
    setBaseFinding(u"missing:"_s + index, m_checker.missingFinding(cell, m_cells));
    setBaseFinding(u"domain:"_s + index, m_checker.domainFinding(cell, m_cells));
    for (int check : m_checker.rules().checksOfCell(cell))
        setBaseFinding(u"check:"_s + QString::number(check),
                       m_checker.checkFinding(check, m_cells));
    for (int s = 0; s < int(m_statements.size()); ++s) {
        if (m_statements[s].cell == cell)
            setBaseFinding(u"statement:"_s + QString::number(s),
                           m_checker.statementFinding(s, m_statements, m_cells));
    }
}

void CheckSession::refreshSuggestions()
{
    QList<Finding> findings = m_base.values();
    if (!findings.isEmpty())
        m_checker.attachSuggestions(findings, m_checker.localize(m_cells, m_statements));
    m_checker.foldZeroDeductions(findings, m_cells);
    m_checker.addSplitChoices(findings, m_splitChoices, m_statements, m_cells);
    m_findings.clear();
    for (const Finding &finding : std::as_const(findings))
        m_findings.insert(finding.id, finding);
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
    const QHash<QString, Finding> before = m_findings;
    recheckFully();
    return difference(before, m_findings);
}

FindingsDelta CheckSession::replaceCell(int cell, const CellValue &value)
{
    const QHash<QString, Finding> before = m_findings;
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

FindingsDelta CheckSession::difference(const QHash<QString, Finding> &before,
                                       const QHash<QString, Finding> &after)
{
    FindingsDelta delta;
    for (auto it = before.cbegin(); it != before.cend(); ++it) {
        const auto now = after.constFind(it.key());
        if (now == after.cend() || !(*now == it.value()))
            delta.disappeared.append(it.value());
    }
    for (auto it = after.cbegin(); it != after.cend(); ++it) {
        const auto then = before.constFind(it.key());
        if (then == before.cend() || !(*then == it.value()))
            delta.appeared.append(it.value());
    }
    return delta;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checker.h"

#include "extract/tableline.h"
#include "linearsolver.h"

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr double kTolerance = 1e-6;
constexpr int kMaxNamesInSide = 3;
constexpr int kMaxDeductionRounds = 8; ///< equalities and bounds feed each other this often
constexpr int kMaxBoundRounds = 50; ///< interval propagation ends long before on real reports
constexpr int kMaxBoundAttempts = 8; ///< rules set aside because they cannot all hold

QString number(double value)
{
    return QString::number(value, 'g', 12);
}

bool known(const CellValue &cell)
{
    return cell.value.has_value();
}

double sideSum(const std::vector<int> &side, const std::vector<CellValue> &cells)
{
    double sum = 0;
    for (int cell : side)
        sum += cells[size_t(cell)].value.value_or(0);
    return sum;
}

bool allKnown(const LinearCheck &check, const std::vector<CellValue> &cells)
{
    auto isKnown = [&](int cell) {
        return known(cells[size_t(cell)]);
    };
    return std::all_of(check.lhs.begin(), check.lhs.end(), isKnown)
        && std::all_of(check.rhs.begin(), check.rhs.end(), isKnown);
}

} // namespace

Checker::Checker(const RuleBook &rules)
    : m_rules(rules)
    , m_template(rules.reportTemplate())
{
    for (const LinearCheck &check : m_rules.checks()) {
        Constraint constraint;
        for (int cell : check.lhs)
            constraint.terms.emplace_back(cell, 1);
        for (int cell : check.rhs)
            constraint.terms.emplace_back(cell, -1);
        m_checkConstraints.push_back(std::move(constraint));
    }
}

bool Checker::inDomain(int cell, double value) const
{
    const TemplateCell &templateCell = m_template.cells()[cell];
    const bool decimal
        = m_template.tables()[templateCell.table].columns[templateCell.column].decimal;
    return value >= 0 && (decimal || std::abs(value - std::round(value)) < kTolerance);
}

bool Checker::isBroken(int check, const std::vector<CellValue> &cells) const
{
    const LinearCheck &linear = m_rules.checks()[size_t(check)];
    return allKnown(linear, cells)
        && std::abs(sideSum(linear.lhs, cells) - sideSum(linear.rhs, cells)) > kTolerance;
}

QString Checker::tiedFixesText(const std::vector<Fix> &fixes) const
{
    QStringList options;
    for (const Fix &fix : fixes) {
        QStringList changes;
        for (const Suggestion &change : fix.changes)
            changes.append(m_template.cellLabel(change.cell) % u" = " % number(change.value));
        options.append(changes.join(u", "_s));
    }
    return tr("Several changes fit equally well: %1.").arg(options.join(u"; "_s));
}

QString Checker::sideText(const LinearCheck &check, const std::vector<int> &side) const
{
    const QString &ruleEach = m_template.rules()[check.rule].each;
    QStringList names;
    for (int cell : side) {
        const TemplateCell &templateCell = m_template.cells()[cell];
        const TemplateTable &table = m_template.tables()[templateCell.table];
        names.append(ruleEach == u"row"
                         ? table.columns[templateCell.column].label
                         : m_template.rowLabel(templateCell.table, templateCell.row));
    }
    if (names.size() > kMaxNamesInSide)
        return names.first() % u" + … + " % names.last();
    return names.join(u" + "_s);
}

std::optional<Finding> Checker::checkFinding(int check, const std::vector<CellValue> &cells) const
{
    if (!isBroken(check, cells))
        return std::nullopt;
    const LinearCheck &linear = m_rules.checks()[size_t(check)];
    const RuleDefinition &rule = m_template.rules()[linear.rule];
    Finding finding;
    finding.key = {FindingKind::Check, check};
    finding.rule = rule.id;
    finding.severity = rule.severity == u"warning" ? Severity::Warning : Severity::Error;
    finding.cells.append(QList<int>(linear.lhs.begin(), linear.lhs.end()));
    finding.cells.append(QList<int>(linear.rhs.begin(), linear.rhs.end()));
    finding.leftCount = int(linear.lhs.size());
    finding.actual = sideSum(linear.lhs, cells);
    finding.expected = sideSum(linear.rhs, cells);
    const TemplateCell &first = m_template.cells()[linear.lhs.front()];
    const TemplateTable &table = m_template.tables()[first.table];
    const QString scope = rule.each == u"row" ? m_template.rowLabel(first.table, first.row)
                                              : table.columns[first.column].label;
    finding.message
        = tr("%1: %2 = %3, but %4 = %5 (%6)")
              .arg(scope, sideText(linear, linear.lhs), number(*finding.actual),
                   sideText(linear, linear.rhs), number(*finding.expected), rule.description);
    return finding;
}

std::optional<Finding> Checker::domainFinding(int cell, const std::vector<CellValue> &cells) const
{
    const CellValue &value = cells[size_t(cell)];
    if (!value.value || inDomain(cell, *value.value))
        return std::nullopt;
    Finding finding;
    finding.key = {FindingKind::Domain, cell};
    finding.rule = u"value.domain"_s;
    finding.cells = {cell};
    finding.actual = value.value;
    const TemplateCell &templateCell = m_template.cells()[cell];
    const bool decimal
        = m_template.tables()[templateCell.table].columns[templateCell.column].decimal;
    finding.message = (decimal ? tr("%1 is %2: an amount in 万元 cannot be negative")
                               : tr("%1 is %2: a count must be a whole number of at least 0"))
                          .arg(m_template.cellLabel(cell), number(*value.value));
    return finding;
}

namespace {

/**
 * Whether the source writes text in the cell that is no figure (6x, 1e3, ½, 十万万, l0): the
 * reviewer must read it, whatever the rules deduce, so the report is not clean. A figure placed
 * by guess quotes a figure, and a run of digits the run reader could not cut stands for several
 * cells at once (one span, and its split finding speaks for them): both stay warnings.
 */
bool writesNoFigure(int cell, const std::vector<CellValue> &cells)
{
    const CellValue &value = cells[size_t(cell)];
    double written = 0;
    if (value.extractedState != CellState::Unreadable || value.sourceText.isEmpty()
        || parseFigure(value.sourceText, &written))
        return false;
    const auto sharesSpan = [&](const CellValue &other) {
        return &other != &value && other.span == value.span;
    };
    return std::none_of(cells.begin(), cells.end(), sharesSpan);
}

} // namespace

/**
 * Why a cell has no figure of its own. A dash, slash or 无 standing in a cell is read as
 * missing, not 0 (docs/hostile-input.md): the rules decide its value where they can, and the
 * message quotes the mark so that the reviewer sees what was written.
 */
QString Checker::describeAbsence(const QString &label, const CellValue &value)
{
    if (value.state == CellState::Unreadable || value.extractedState == CellState::Unreadable)
        return tr("%1 cannot be read in the source (\"%2\")").arg(label, value.sourceText);
    if (value.isMark())
        return tr("%1 is written \"%2\" in the source, which is read as missing, not 0")
            .arg(label, value.sourceText);
    return tr("%1 is blank in the source").arg(label);
}

std::optional<Finding> Checker::missingFinding(int cell, const std::vector<CellValue> &cells) const
{
    const CellValue &value = cells[size_t(cell)];
    const bool missing = value.state == CellState::Missing || value.state == CellState::Unreadable;
    if (!missing && value.state != CellState::Deduced)
        return std::nullopt;
    Finding finding;
    finding.key = {FindingKind::Missing, cell};
    finding.rule = u"value.missing"_s;
    finding.severity = writesNoFigure(cell, cells) ? Severity::Error : Severity::Warning;
    finding.cells = {cell};
    const QString where = describeAbsence(m_template.cellLabel(cell), value);
    if (value.state == CellState::Deduced && value.value) {
        finding.expected = value.value;
        finding.suggestion = Suggestion {cell, *value.value};
        finding.message = tr("%1; the rules determine %2").arg(where, number(*value.value));
    } else if (value.state == CellState::Unreadable && value.extractedValue) {
        // OCR read a figure here but was not sure of it (distrustUncertainOcr).
        finding.suggestion = Suggestion {cell, *value.extractedValue};
        finding.message = tr("%1; OCR reads %2 there, but not with confidence: check it against "
                             "the scan")
                              .arg(where, number(*value.extractedValue));
    } else if (rowPrintsNoFigure(cell, cells)) {
        finding.suggestion = Suggestion {cell, 0};
        finding.message = tr("%1; the rules do not determine it, but no cell of its row has a "
                             "figure, and a row left out or left empty usually means none: 0 is "
                             "suggested")
                              .arg(where);
    } else {
        finding.message = tr("%1; the rules do not determine it").arg(where);
    }
    return finding;
}

/**
 * Whether the source gives no figure, mark or text in any cell of the cell's row (a row of
 * several cells the agency left out, such as 规章 for a department that makes none) while it
 * does give figures elsewhere in the same table. Judged on what was read, not on edits, so the
 * answer never goes stale while the reviewer works.
 */
bool Checker::rowPrintsNoFigure(int cell, const std::vector<CellValue> &cells) const
{
    const TemplateCell &where = m_template.cells()[size_t(cell)];
    const TemplateTable &table = m_template.tables()[where.table];
    const TemplateRow &row = table.rows[where.row];
    if (row.cells.size() < 2)
        return false; // one blank cell is as likely an oversight as a zero
    const auto blank = [&cells](int c) {
        const CellValue &value = cells[size_t(c)];
        return value.extractedState == CellState::Missing && value.sourceText.isEmpty()
            && !value.extractedValue;
    };
    if (!std::all_of(row.cells.begin(), row.cells.end(), blank))
        return false;
    for (const TemplateRow &other : table.rows) {
        for (int c : other.cells) {
            if (cells[size_t(c)].extractedState == CellState::Extracted)
                return true;
        }
    }
    return false;
}

std::optional<Finding> Checker::statementFinding(int statement,
                                                 const QList<StatedFigure> &statements,
                                                 const std::vector<CellValue> &cells) const
{
    const StatedFigure &figure = statements[statement];
    const CellValue &cell = cells[size_t(figure.cell)];
    if (!cell.value || std::abs(*cell.value - figure.value) <= kTolerance)
        return std::nullopt;
    Finding finding;
    finding.key = {FindingKind::Statement, statement};
    finding.rule = u"text.table"_s;
    finding.cells = {figure.cell};
    finding.statement = statement;
    finding.expected = figure.value;
    finding.actual = cell.value;
    finding.message = tr("The text states %1 (\"%2\"), but the table has %3 for %4")
                          .arg(number(figure.value), figure.text, number(*cell.value),
                               m_template.cellLabel(figure.cell));
    return finding;
}

namespace {

/** The sum of `cells`, or nullopt while one of them is unknown. */
std::optional<double> knownSum(const QList<int> &of, const std::vector<CellValue> &cells)
{
    double sum = 0;
    for (int cell : of) {
        const std::optional<double> &value = cells[size_t(cell)].value;
        if (!value)
            return std::nullopt;
        sum += *value;
    }
    return sum;
}

/**
 * Whether `share` (in percent) prints as `printed` with `decimals` digits: rounded (51.85 is
 * [51.845, 51.855)) or cut off (51.85 is [51.85, 51.86)), since reports do both.
 */
bool printsAs(double share, double printed, int decimals)
{
    const double unit = std::pow(10.0, -decimals);
    return share >= printed - unit / 2 - kTolerance && share < printed + unit - kTolerance;
}

} // namespace

QString Checker::labelsText(const QList<int> &cells) const
{
    // A whole group of rows reads as the form names it: (三) 不予公开 · 总计, 行政诉讼 · 总计.
    const TemplateCell &first = m_template.cells()[cells.value(0)];
    const TemplateTable &table = m_template.tables()[first.table];
    const auto groupOf = [&](const TemplateRow &row) {
        return row.subgroup.isEmpty() ? row.group : row.subgroup;
    };
    const QString group = groupOf(table.rows[first.row]);
    const bool wholeGroup = cells.size() > 1 && !group.isEmpty()
        && std::all_of(cells.begin(), cells.end(),
                       [&](int cell) {
                           const TemplateCell &c = m_template.cells()[cell];
                           return c.table == first.table && c.column == first.column
                               && groupOf(table.rows[c.row]) == group;
                       })
        && std::count_if(table.rows.begin(), table.rows.end(),
                         [&](const TemplateRow &row) { return groupOf(row) == group; })
            == cells.size();
    if (wholeGroup)
        return group % u" · "_s % table.columns[first.column].label;
    QStringList labels;
    for (int cell : cells)
        labels.append(m_template.cellLabel(cell));
    return labels.join(u" + "_s);
}

std::optional<Finding> Checker::relationFinding(int index, const QList<StatedRelation> &relations,
                                                const std::vector<CellValue> &cells) const
{
    const StatedRelation &relation = relations[index];
    const std::optional<double> part = knownSum(relation.cells, cells);
    if (!part)
        return std::nullopt;
    std::optional<Finding> finding;
    if (relation.percent) {
        finding = shareFinding(relation, *part, cells);
    } else if (std::abs(*part - relation.value) > kTolerance) {
        finding = Finding {};
        finding->expected = relation.value;
        finding->actual = part;
        finding->message = tr("The text states %1 (\"%2\"), but the table has %3 for %4")
                               .arg(number(relation.value), relation.text, number(*part),
                                    labelsText(relation.cells));
    }
    if (!finding)
        return std::nullopt;
    const RuleDefinition *rule = m_rules.rule(relation.rule);
    finding->key = {FindingKind::Relation, index};
    finding->rule = relation.rule;
    // A misread sentence must never raise an error: warning unless the template says otherwise.
    finding->severity = rule && rule->severity == u"error" ? Severity::Error : Severity::Warning;
    if (finding->cells.isEmpty())
        finding->cells = relation.cells;
    return finding;
}

std::optional<Finding> Checker::shareFinding(const StatedRelation &relation, double part,
                                             const std::vector<CellValue> &cells) const
{
    const std::optional<double> whole = knownSum(relation.whole, cells);
    if (!whole || *whole <= 0)
        return std::nullopt;
    const double share = part / *whole * 100;
    if (printsAs(share, *relation.percent, relation.decimals))
        return std::nullopt;
    Finding finding;
    finding.cells = relation.cells + relation.whole;
    finding.leftCount = int(relation.cells.size());
    finding.expected = relation.percent;
    finding.actual = share;
    finding.message
        = tr("The text states a share of %1% (\"%2\"), but by the table %3 is %4 of %5 (%6), "
             "%7%")
              .arg(QString::number(*relation.percent, 'f', relation.decimals), relation.text,
                   labelsText(relation.cells), number(part), labelsText(relation.whole),
                   number(*whole), QString::number(share, 'f', relation.decimals + 2));
    return finding;
}

std::optional<Finding> Checker::splitChoiceFinding(int index, const QList<SplitChoice> &choices,
                                                   const std::vector<CellValue> &cells) const
{
    const SplitChoice &choice = choices[index];
    // Open while the row is undecided; a row read by the narrative's figures while the
    // reviewer has not confirmed or changed it.
    const auto isState = [&](CellState state) {
        return [&cells, state](int cell) {
            return cells[size_t(cell)].state == state;
        };
    };
    const bool open = choice.byText
        ? std::none_of(choice.cells.begin(), choice.cells.end(), isState(CellState::Corrected))
        : std::any_of(choice.cells.begin(), choice.cells.end(), isState(CellState::Unreadable));
    if (!open)
        return std::nullopt;
    Finding finding;
    finding.key = {FindingKind::Split, index};
    finding.rule = choice.byPlausibility ? u"segment.by_plausibility"_s
        : choice.byText                  ? u"segment.by_text"_s
                                         : u"segment.ambiguous"_s;
    finding.severity = Severity::Warning;
    finding.cells = choice.cells;
    QStringList ways;
    for (const QList<double> &candidate : choice.candidates) {
        QStringList values;
        QList<Suggestion> fill;
        for (int c = 0; c < candidate.size() && c < choice.cells.size(); ++c) {
            values.append(number(candidate[c]));
            fill.append(Suggestion {choice.cells[c], candidate[c]});
        }
        ways.append(values.join(u" | "_s));
        finding.choices.append(fill);
    }
    const TemplateCell &first = m_template.cells()[choice.cells.value(0)];
    const QString row = m_template.rowLabel(first.table, first.row);
    if (choice.byPlausibility) {
        finding.message = tr("The figures of %1 are run together (\"%2\"); the rules leave %3 "
                             "ways (%4), and the only one where 现行有效 plus 本年废止 is at "
                             "least 本年制发 (a document issued this year stays in force unless "
                             "repealed) is read. Check it against the source")
                              .arg(row, choice.run)
                              .arg(choice.candidates.size())
                              .arg(ways.join(u"; "_s));
    } else if (choice.byText) {
        finding.message = tr("The figures of %1 are run together (\"%2\"); the rules leave %3 "
                             "ways (%4), and the one that agrees with the figures the text "
                             "states is read. Check it against the source")
                              .arg(row, choice.run)
                              .arg(choice.candidates.size())
                              .arg(ways.join(u"; "_s));
    } else {
        finding.message = tr("The figures of %1 are run together (\"%2\") and split into its "
                             "cells in %3 ways that the rules leave tied: %4. Choose the one the "
                             "source means")
                              .arg(row, choice.run)
                              .arg(choice.candidates.size())
                              .arg(ways.join(u"; "_s));
    }
    return finding;
}

std::optional<Finding> Checker::statementAgainstChoice(int statement,
                                                       const QList<StatedFigure> &statements,
                                                       const SplitChoice &choice,
                                                       const std::vector<CellValue> &cells) const
{
    const StatedFigure &figure = statements[statement];
    const qsizetype column = choice.cells.indexOf(figure.cell);
    if (column < 0 || cells[size_t(figure.cell)].state != CellState::Unreadable)
        return std::nullopt;
    for (const QList<double> &candidate : choice.candidates) {
        if (std::abs(candidate.value(column) - figure.value) <= kTolerance)
            return std::nullopt;
    }
    Finding finding;
    finding.key = {FindingKind::SplitText, statement};
    finding.rule = u"text.table"_s;
    finding.cells = {figure.cell};
    finding.statement = statement;
    finding.expected = figure.value;
    finding.message = tr("The text states %1 (\"%2\"), but no way of reading the run \"%3\" "
                         "gives %1 for %4")
                          .arg(number(figure.value), figure.text, choice.run,
                               m_template.cellLabel(figure.cell));
    return finding;
}

void Checker::addSplitChoices(QList<Finding> &findings, const QList<SplitChoice> &splitChoices,
                              const QList<StatedFigure> &statements,
                              const std::vector<CellValue> &cells) const
{
    // In the order CheckSession sorts them: every split:N, then every splittext:N.
    QList<int> covered;
    QList<Finding> contradicted;
    for (int c = 0; c < int(splitChoices.size()); ++c) {
        std::optional<Finding> finding = splitChoiceFinding(c, splitChoices, cells);
        if (!finding)
            continue;
        if (!splitChoices[c].byText)
            covered.append(finding->cells);
        findings.append(*finding);
        for (int s = 0; s < int(statements.size()); ++s) {
            if (std::optional<Finding> stated
                = statementAgainstChoice(s, statements, splitChoices[c], cells))
                contradicted.append(*stated);
        }
    }
    std::sort(contradicted.begin(), contradicted.end(),
              [](const Finding &a, const Finding &b) { return a.statement < b.statement; });
    findings.append(contradicted);
    findings.removeIf([&](const Finding &finding) {
        return finding.rule == u"value.missing" && finding.cells.size() == 1
            && covered.contains(finding.cells.front())
            && cells[size_t(finding.cells.front())].state == CellState::Unreadable;
    });
}

int Checker::deduceBySubstitution(std::vector<CellValue> &cells) const
{
    // A check with one unknown cell fixes it; accept it only when every such check agrees.
    int deduced = 0;
    for (bool progress = true; progress;) {
        progress = false;
        std::vector<std::vector<double>> implied(cells.size());
        for (const LinearCheck &check : m_rules.checks()) {
            int unknown = -1;
            int unknowns = 0;
            for (const auto *side : {&check.lhs, &check.rhs}) {
                for (int cell : *side) {
                    if (!known(cells[size_t(cell)])) {
                        unknown = cell;
                        ++unknowns;
                    }
                }
            }
            if (unknowns != 1)
                continue;
            const double rest = sideSum(check.lhs, cells) - sideSum(check.rhs, cells);
            implied[size_t(unknown)].push_back(-rest * check.sign(unknown));
        }
        for (size_t cell = 0; cell < cells.size(); ++cell) {
            const auto &values = implied[cell];
            if (values.empty())
                continue;
            const bool agree = std::all_of(values.begin(), values.end(), [&](double v) {
                return std::abs(v - values.front()) <= kTolerance;
            });
            if (!agree || !inDomain(int(cell), values.front()))
                continue;
            cells[cell].value = values.front();
            cells[cell].state = CellState::Deduced;
            ++deduced;
            progress = true;
        }
    }
    return deduced;
}

int Checker::deduceJointly(std::vector<CellValue> &cells) const
{
    // Unknowns that only several checks together determine: solve those checks as one system.
    std::vector<int> unknowns;
    for (int cell = 0; cell < int(cells.size()); ++cell) {
        if (!known(cells[size_t(cell)]) && !m_rules.checksOfCell(cell).empty())
            unknowns.push_back(cell);
    }
    if (unknowns.empty())
        return 0;
    std::vector<std::vector<double>> a;
    std::vector<double> b;
    for (const LinearCheck &check : m_rules.checks()) {
        std::vector<double> row(unknowns.size(), 0);
        bool any = false;
        for (size_t u = 0; u < unknowns.size(); ++u) {
            row[u] = check.sign(unknowns[u]);
            any = any || row[u] != 0;
        }
        if (!any)
            continue;
        a.push_back(std::move(row));
        b.push_back(-(sideSum(check.lhs, cells) - sideSum(check.rhs, cells)));
    }
    const LinearSolution solution = solveLinear(std::move(a), std::move(b), unknowns.size());
    if (!solution.consistent)
        return 0;
    int deduced = 0;
    for (size_t u = 0; u < unknowns.size(); ++u) {
        const auto &value = solution.values[u];
        if (!value || !inDomain(unknowns[u], std::round(*value)))
            continue;
        CellValue &cell = cells[size_t(unknowns[u])];
        cell.value = std::round(*value);
        cell.state = CellState::Deduced;
        ++deduced;
    }
    return deduced;
}

int Checker::deduceMissing(std::vector<CellValue> &cells) const
{
    for (CellValue &cell : cells) {
        // A deduced value is derived, never a source: forget it and deduce afresh.
        if (cell.state == CellState::Deduced) {
            cell.value.reset();
            cell.state = cell.extractedState == CellState::Unreadable ? CellState::Unreadable
                                                                      : CellState::Missing;
        }
    }
    int deduced = 0;
    for (int round = 0; round < kMaxDeductionRounds; ++round) {
        const int before = deduced;
        deduced += deduceBySubstitution(cells);
        deduced += deduceJointly(cells);
        deduced += deduceByBounds(cells);
        if (deduced == before)
            break;
    }
    return deduced;
}

/**
 * Counts are whole numbers of at least 0, so a rule bounds each unknown of it by what the others
 * can be: when the known cells of 总计 = 自然人 + … already make up the total, every blank among
 * the parts is 0. Interval propagation over all rules, until nothing narrows; a cell whose
 * interval closes to one value is deduced.
 */
int Checker::deduceByBounds(std::vector<CellValue> &cells) const
{
    constexpr double kUnbounded = std::numeric_limits<double>::infinity();
    std::vector<double> knownLow(cells.size(), 0);
    std::vector<double> knownHigh(cells.size(), kUnbounded);
    bool anyUnknown = false;
    for (size_t cell = 0; cell < cells.size(); ++cell) {
        if (known(cells[cell])) {
            knownLow[cell] = knownHigh[cell] = *cells[cell].value;
        } else {
            anyUnknown = anyUnknown || !m_rules.checksOfCell(int(cell)).empty();
        }
    }
    if (!anyUnknown)
        return 0;
    // A rule its known cells already break (whatever its blanks are) says nothing about its
    // blanks: it is left out, decided before any narrowing so that the order of the rules does
    // not matter.
    const auto &checks = m_rules.checks();
    std::vector<bool> usable(checks.size(), true);
    for (size_t c = 0; c < checks.size(); ++c)
        usable[c] = canHold(m_checkConstraints[c], knownLow, knownHigh);
    // Rules that cannot all hold once narrowed: the blanks of the one that fails are not
    // deduced, and neither is anything else through the rules that hold them; then again.
    std::vector<bool> excluded(cells.size(), false);
    std::vector<double> low;
    std::vector<double> high;
    for (int attempt = 0; attempt < kMaxBoundAttempts; ++attempt) {
        low = knownLow;
        high = knownHigh;
        const int failed = propagateBounds(cells, usable, low, high);
        if (failed < 0)
            return settleBounds(cells, low, high, excluded);
        for (int cell : checks[size_t(failed)].lhs)
            excluded[size_t(cell)] = excluded[size_t(cell)] || !known(cells[size_t(cell)]);
        for (int cell : checks[size_t(failed)].rhs)
            excluded[size_t(cell)] = excluded[size_t(cell)] || !known(cells[size_t(cell)]);
        for (size_t c = 0; c < checks.size(); ++c) {
            for (const auto *side : {&checks[c].lhs, &checks[c].rhs}) {
                for (int cell : *side)
                    usable[c] = usable[c] && !excluded[size_t(cell)];
            }
        }
    }
    return 0;
}

int Checker::propagateBounds(const std::vector<CellValue> &cells, const std::vector<bool> &usable,
                             std::vector<double> &low, std::vector<double> &high) const
{
    for (int round = 0; round < kMaxBoundRounds; ++round) {
        bool narrowed = false;
        for (size_t c = 0; c < usable.size(); ++c) {
            if (usable[c]
                && narrowBounds(m_checkConstraints[c], cells, low, high, &narrowed)
                    != BoundsStep::Narrowed)
                return int(c);
        }
        if (!narrowed)
            break;
    }
    return -1;
}

int Checker::settleBounds(std::vector<CellValue> &cells, const std::vector<double> &low,
                          const std::vector<double> &high, const std::vector<bool> &excluded) const
{
    int deduced = 0;
    for (size_t cell = 0; cell < cells.size(); ++cell) {
        if (known(cells[cell]) || excluded[cell] || low[cell] != high[cell]
            || !inDomain(int(cell), low[cell]))
            continue;
        cells[cell].value = low[cell];
        cells[cell].state = CellState::Deduced;
        ++deduced;
    }
    return deduced;
}

/** The range of sum(sign * cell) over a constraint's terms, given each cell's bounds. */
std::pair<double, double> Checker::sumRange(const Constraint &constraint,
                                            const std::vector<double> &low,
                                            const std::vector<double> &high) const
{
    double minSum = 0;
    double maxSum = 0;
    for (const auto &[cell, sign] : constraint.terms) {
        minSum += sign > 0 ? low[size_t(cell)] : -high[size_t(cell)];
        maxSum += sign > 0 ? high[size_t(cell)] : -low[size_t(cell)];
    }
    return {minSum, maxSum};
}

bool Checker::canHold(const Constraint &constraint, const std::vector<double> &low,
                      const std::vector<double> &high) const
{
    const auto [minSum, maxSum] = sumRange(constraint, low, high);
    return minSum <= kTolerance && maxSum >= -kTolerance;
}

Checker::BoundsStep Checker::narrowBounds(const Constraint &constraint,
                                          const std::vector<CellValue> &cells,
                                          std::vector<double> &low, std::vector<double> &high,
                                          bool *narrowed) const
{
    // sum(sign * x) = 0. For each unknown x_j: sign_j * x_j = -sum over the others.
    const auto [minSum, maxSum] = sumRange(constraint, low, high);
    if (minSum > kTolerance || maxSum < -kTolerance)
        return BoundsStep::Broken; // no value of its blanks makes it hold
    for (const auto &[cell, sign] : constraint.terms) {
        if (known(cells[size_t(cell)]))
            continue;
        const double ownMin = sign > 0 ? low[size_t(cell)] : -high[size_t(cell)];
        const double ownMax = sign > 0 ? high[size_t(cell)] : -low[size_t(cell)];
        // The others' sum lies in [minSum - ownMin, maxSum - ownMax]; this term is its negative.
        const double termMin = -(maxSum - ownMax);
        const double termMax = -(minSum - ownMin);
        const double newLow = std::ceil((sign > 0 ? termMin : -termMax) - kTolerance);
        const double newHigh = std::floor((sign > 0 ? termMax : -termMin) + kTolerance);
        // ∞ − ∞ (this term and another unbounded) gives NaN: no bound from that side.
        if (!std::isnan(newLow) && newLow > low[size_t(cell)]) {
            low[size_t(cell)] = newLow;
            *narrowed = true;
        }
        if (!std::isnan(newHigh) && newHigh < high[size_t(cell)]) {
            high[size_t(cell)] = newHigh;
            *narrowed = true;
        }
        if (low[size_t(cell)] > high[size_t(cell)])
            return BoundsStep::Contradiction;
    }
    return BoundsStep::Narrowed;
}

void Checker::foldZeroDeductions(QList<Finding> &findings,
                                 const std::vector<CellValue> &cells) const
{
    std::vector<QList<int>> zerosByTable(m_template.tables().size());
    findings.removeIf([&](const Finding &finding) {
        if (finding.rule != u"value.missing" || finding.cells.size() != 1)
            return false;
        const int cell = finding.cells.front();
        const CellValue &value = cells[size_t(cell)];
        if (value.state != CellState::Deduced || !value.value || *value.value != 0 || value.isMark()
            || value.extractedState == CellState::Unreadable)
            return false;
        zerosByTable[size_t(m_template.cells()[cell].table)].append(cell);
        return true;
    });
    for (size_t t = 0; t < zerosByTable.size(); ++t) {
        QList<int> &zeros = zerosByTable[t];
        if (zeros.isEmpty())
            continue;
        std::sort(zeros.begin(), zeros.end());
        Finding finding;
        finding.key = {FindingKind::Zeros, int(t)};
        finding.rule = u"value.missing"_s;
        finding.severity = Severity::Warning;
        finding.cells = zeros;
        finding.expected = 0;
        const TemplateTable &table = m_template.tables()[qsizetype(t)];
        finding.message = tr("%n blank cell(s) in table %1 (%2) are 0 by the rules: counts are "
                             "whole numbers of at least 0, and the rules' other cells already "
                             "make up their totals",
                             "", int(zeros.size()))
                              .arg(table.section, table.title);
        findings.append(finding);
    }
}

std::vector<Checker::Constraint> Checker::constraintsFor(const std::vector<CellValue> &cells,
                                                         const QList<StatedFigure> &statements,
                                                         bool withStatements) const
{
    Q_UNUSED(cells);
    std::vector<Constraint> constraints = m_checkConstraints;
    if (withStatements) {
        for (const StatedFigure &figure : statements)
            constraints.push_back(Constraint {{{figure.cell, 1}}, figure.value});
    }
    return constraints;
}

std::optional<Fix> Checker::solveFor(const std::vector<int> &freeCells,
                                     const std::vector<Constraint> &constraints,
                                     const std::vector<CellValue> &cells) const
{
    std::vector<std::vector<double>> a;
    std::vector<double> b;
    for (const Constraint &constraint : constraints) {
        std::vector<double> row(freeCells.size(), 0);
        double residual = constraint.constant;
        bool free = false;
        bool unknown = false;
        for (const auto &[cell, sign] : constraint.terms) {
            const auto at = std::find(freeCells.begin(), freeCells.end(), cell);
            if (at != freeCells.end()) {
                row[size_t(at - freeCells.begin())] += sign;
                free = true;
            } else if (known(cells[size_t(cell)])) {
                residual -= sign * *cells[size_t(cell)].value;
            } else {
                unknown = true;
            }
        }
        if (unknown)
            continue; // a cell nobody knows: the constraint says nothing
        if (!free) {
            if (std::abs(residual) > kTolerance)
                return std::nullopt;
            continue;
        }
        a.push_back(std::move(row));
        b.push_back(residual);
    }
    const LinearSolution solution = solveLinear(std::move(a), std::move(b), freeCells.size());
    if (!solution.consistent)
        return std::nullopt;
    Fix fix;
    for (size_t f = 0; f < freeCells.size(); ++f) {
        const auto &value = solution.values[f];
        const auto &current = cells[size_t(freeCells[f])].value;
        if (!value || !inDomain(freeCells[f], *value)
            || (current && std::abs(*current - *value) <= kTolerance))
            return std::nullopt;
        fix.changes.push_back(Suggestion {freeCells[f], std::round(*value * 1e6) / 1e6});
    }
    return fix;
}

std::vector<Fix> Checker::localizeWith(const std::vector<CellValue> &cells,
                                       const QList<StatedFigure> &statements,
                                       bool withStatements) const
{
    const std::vector<Constraint> constraints = constraintsFor(cells, statements, withStatements);
    // Which violated constraints each cell is in, as bits: a set of cells is a candidate fix
    // only if together they touch every violated constraint and every out-of-domain cell.
    std::vector<ViolationSet> touches(cells.size());
    ViolationSet violated;
    size_t bit = 0;
    for (const Constraint &constraint : constraints) {
        double residual = constraint.constant;
        bool unknown = false;
        for (const auto &[cell, sign] : constraint.terms) {
            unknown = unknown || !known(cells[size_t(cell)]);
            residual -= sign * cells[size_t(cell)].value.value_or(0);
        }
        if (unknown || std::abs(residual) <= kTolerance)
            continue;
        if (bit == violated.size())
            return {}; // too many broken rules for a small fix to explain
        for (const auto &term : constraint.terms)
            touches[size_t(term.first)].set(bit);
        violated.set(bit++);
    }
    for (int cell = 0; cell < int(cells.size()); ++cell) {
        if (cells[size_t(cell)].value && !inDomain(cell, *cells[size_t(cell)].value)) {
            if (bit == violated.size())
                return {};
            touches[size_t(cell)].set(bit);
            violated.set(bit++);
        }
    }
    if (violated.none())
        return {};
    std::vector<int> candidates;
    for (int cell = 0; cell < int(cells.size()); ++cell) {
        if (touches[size_t(cell)].any())
            candidates.push_back(cell);
    }
    std::vector<Fix> fixes;
    for (int x : candidates) {
        if (touches[size_t(x)] != violated)
            continue;
        if (std::optional<Fix> fix = solveFor({x}, constraints, cells))
            fixes.push_back(*fix);
    }
    if (!fixes.empty())
        return fixes;
    for (size_t i = 0; i < candidates.size(); ++i) {
        const ViolationSet &first = touches[size_t(candidates[i])];
        for (size_t j = i + 1; j < candidates.size(); ++j) {
            if ((first | touches[size_t(candidates[j])]) != violated)
                continue;
            if (std::optional<Fix> fix
                = solveFor({candidates[i], candidates[j]}, constraints, cells))
                fixes.push_back(*fix);
        }
    }
    return fixes;
}

std::vector<Fix> Checker::localize(const std::vector<CellValue> &cells,
                                   const QList<StatedFigure> &statements) const
{
    std::vector<Fix> fixes = localizeWith(cells, statements, true);
    // When no small change of cells agrees with the text, the text may be what is wrong.
    if (fixes.empty() && !statements.isEmpty())
        fixes = localizeWith(cells, statements, false);
    return fixes;
}

void Checker::attachSuggestions(QList<Finding> &findings, const std::vector<Fix> &fixes) const
{
    if (fixes.empty())
        return;
    for (Finding &finding : findings) {
        if (finding.rule == u"value.missing")
            continue;
        const auto involves = [&](const Fix &fix) {
            return std::any_of(fix.changes.begin(), fix.changes.end(),
                               [&](const Suggestion &s) { return finding.cells.contains(s.cell); });
        };
        const auto count = std::count_if(fixes.begin(), fixes.end(), involves);
        if (count == 0)
            continue;
        if (fixes.size() == 1) {
            for (const Suggestion &change : fixes.front().changes) {
                if (finding.cells.contains(change.cell)) {
                    finding.suggestion = change;
                    break;
                }
            }
        } else {
            finding.alternatives = int(count);
            finding.message += u' ' + tiedFixesText(fixes);
        }
    }
}

QList<Finding> Checker::crossYearFindings(const std::vector<CellValue> &previous, int previousYear,
                                          const std::vector<CellValue> &current) const
{
    return yearCarryFindings(previous, previousYear, current)
        + stockFlowFindings(previous, previousYear, current);
}

std::vector<int> Checker::crossYearCells() const
{
    std::vector<int> cells;
    const auto add = [&cells](int cell) {
        if (cell >= 0 && std::find(cells.begin(), cells.end(), cell) == cells.end())
            cells.push_back(cell);
    };
    if (const RuleDefinition *carry = m_rules.rule(u"year.carry")) {
        const int table = m_template.tableIndex(carry->table);
        for (const QString &row : {carry->current, carry->previous}) {
            for (int column = 0;
                 table >= 0 && column < int(m_template.tables()[table].columns.size()); ++column)
                add(ruleCell(*carry, row, m_template.tables()[table].columns[column].key));
        }
    }
    if (const RuleDefinition *stock = m_rules.rule(u"active.stock_flow")) {
        for (const QString &row : stock->rows) {
            for (const QString &column :
                 {stock->previous, stock->current, stock->added, stock->removed})
                add(ruleCell(*stock, row, column));
        }
    }
    std::sort(cells.begin(), cells.end());
    return cells;
}

int Checker::ruleCell(const RuleDefinition &rule, const QString &row, const QString &column) const
{
    const int table = m_template.tableIndex(rule.table);
    if (table < 0)
        return -1;
    const int rowIndex = m_template.rowIndex(table, row);
    const int columnIndex = m_template.columnIndex(table, column);
    return rowIndex < 0 || columnIndex < 0 ? -1
                                           : m_template.cellIndex(table, rowIndex, columnIndex);
}

QList<Finding> Checker::stockFlowFindings(const std::vector<CellValue> &previous, int previousYear,
                                          const std::vector<CellValue> &current) const
{
    QList<Finding> findings;
    const RuleDefinition *rule = m_rules.rule(u"active.stock_flow");
    if (!rule)
        return findings;
    for (const QString &row : rule->rows) {
        if (std::optional<Finding> finding
            = stockFlowFinding(*rule, row, previous, previousYear, current))
            findings.append(std::move(*finding));
    }
    return findings;
}

std::optional<Finding> Checker::stockFlowFinding(const RuleDefinition &rule, const QString &row,
                                                 const std::vector<CellValue> &previous,
                                                 int previousYear,
                                                 const std::vector<CellValue> &current) const
{
    const int before = ruleCell(rule, row, rule.previous);
    const int now = ruleCell(rule, row, rule.current);
    const int added = ruleCell(rule, row, rule.added);
    const int removed = ruleCell(rule, row, rule.removed);
    if (before < 0 || now < 0 || added < 0 || removed < 0)
        return std::nullopt;
    const auto &beforeValue = previous[size_t(before)].value;
    const auto &nowValue = current[size_t(now)].value;
    const auto &addedValue = current[size_t(added)].value;
    const auto &removedValue = current[size_t(removed)].value;
    if (!beforeValue || !nowValue || !addedValue || !removedValue)
        return std::nullopt;
    const double expected = *beforeValue + *addedValue - *removedValue;
    if (std::abs(*nowValue - expected) <= kTolerance)
        return std::nullopt;
    Finding finding;
    finding.key = {FindingKind::StockFlow, now};
    finding.rule = rule.id;
    finding.severity = rule.severity == u"error" ? Severity::Error : Severity::Warning;
    finding.cells = {now, added, removed};
    finding.leftCount = 1;
    finding.actual = nowValue;
    finding.expected = expected;
    // No suggestion: any of the four figures may be the wrong one, or another act repealed one.
    finding.message = stockFlowMessage(rule, finding, *beforeValue, previousYear, current);
    return finding;
}

QString Checker::stockFlowMessage(const RuleDefinition &rule, const Finding &finding, double before,
                                  int previousYear, const std::vector<CellValue> &current) const
{
    const auto label = [this](int cell) {
        const TemplateCell &templateCell = m_template.cells()[cell];
        return m_template.tables()[templateCell.table].columns[templateCell.column].label;
    };
    const auto figure = [&current](int cell) {
        return number(*current[size_t(cell)].value);
    };
    const int now = finding.cells[0];
    const int added = finding.cells[1];
    const int removed = finding.cells[2];
    const TemplateCell &cell = m_template.cells()[now];
    return tr("%1: %2 is %3 in %4, but %5 in %6 + %7 %8 − %9 %10 = %11 (%12)")
        .arg(m_template.rowLabel(cell.table, cell.row), label(now), figure(now))
        .arg(previousYear + 1)
        .arg(number(before))
        .arg(previousYear)
        .arg(label(added), figure(added), label(removed), figure(removed),
             number(*finding.expected), rule.description);
}

QList<Finding> Checker::yearCarryFindings(const std::vector<CellValue> &previous, int previousYear,
                                          const std::vector<CellValue> &current) const
{
    QList<Finding> findings;
    const RuleDefinition *rule = m_rules.rule(u"year.carry");
    const int table = rule ? m_template.tableIndex(rule->table) : -1;
    if (table < 0)
        return findings;
    const int currentRow = m_template.rowIndex(table, rule->current);
    const int previousRow = m_template.rowIndex(table, rule->previous);
    const TemplateTable &definition = m_template.tables()[table];
    for (int column = 0; column < int(definition.columns.size()); ++column) {
        const int now = m_template.cellIndex(table, currentRow, column);
        const int before = m_template.cellIndex(table, previousRow, column);
        const auto &nowValue = current[size_t(now)].value;
        const auto &beforeValue = previous[size_t(before)].value;
        if (!nowValue || !beforeValue || std::abs(*nowValue - *beforeValue) <= kTolerance)
            continue;
        Finding finding;
        finding.key = {FindingKind::Carry, now};
        finding.rule = rule->id;
        finding.severity = rule->severity == u"error" ? Severity::Error : Severity::Warning;
        finding.cells = {now};
        finding.actual = nowValue;
        finding.expected = beforeValue;
        finding.suggestion = Suggestion {now, *beforeValue};
        finding.message = tr("%1 is %2, but the %3 report carried %4 forward (%5)")
                              .arg(m_template.cellLabel(now), number(*nowValue))
                              .arg(previousYear)
                              .arg(number(*beforeValue), rule->description);
        findings.append(finding);
    }
    return findings;
}

} // namespace nianbao

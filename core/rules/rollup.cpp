// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollup.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Fees are stated in 万元 to two decimals (0.01 = 100 元): half a unit of the last place. */
constexpr double kFeeTolerance = 0.005;
/** Counts are whole numbers; this only absorbs the binary noise of a double. */
constexpr double kCountTolerance = 1e-9;
/** Units a message names before it says "and N more": a county may have dozens. */
constexpr qsizetype kNamedUnits = 10;

QString figure(double value)
{
    return QString::number(value, 'g', 12);
}

/** Sums of decimals drift in the last bits (0.1 + 0.2); the template's figures never do. */
double clean(double sum)
{
    return std::round(sum * 1e6) / 1e6;
}

} // namespace

Rollup::Rollup(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
{ }

QList<Finding> Rollup::check(const std::vector<CellValue> &summary,
                             const QList<RollupUnit> &units) const
{
    QList<const std::vector<CellValue> *> unitCells;
    for (const RollupUnit &unit : units)
        unitCells.append(&unit.cells);
    QList<Finding> findings;
    if (units.isEmpty())
        return findings;
    for (int cell = 0; cell < m_template.cellCount() && size_t(cell) < summary.size(); ++cell) {
        const std::optional<double> sum = sumOf(unitCells, cell);
        if (!summary[size_t(cell)].hasValue() || !sum)
            continue; // a cell someone left blank says nothing about the sum
        const double stated = *summary[size_t(cell)].value;
        if (agrees(cell, stated, *sum))
            continue;
        Finding finding;
        finding.key = {FindingKind::Rollup, cell};
        finding.rule = u"rollup.sum"_s;
        finding.severity = Severity::Warning;
        finding.cells = {cell};
        finding.actual = stated;
        finding.expected = *sum;
        finding.message = message(cell, stated, *sum, units);
        findings.append(std::move(finding));
    }
    return findings;
}

std::vector<CellValue> Rollup::consolidate(const QList<std::vector<CellValue>> &reports) const
{
    QList<const std::vector<CellValue> *> cells;
    for (const std::vector<CellValue> &report : reports)
        cells.append(&report);
    std::vector<CellValue> table(size_t(m_template.cellCount()));
    if (reports.isEmpty())
        return table;
    for (int cell = 0; cell < m_template.cellCount(); ++cell) {
        const std::optional<double> sum = sumOf(cells, cell);
        if (!sum)
            continue;
        CellValue &value = table[size_t(cell)];
        value.value = clean(*sum);
        value.state = CellState::Extracted;
        value.extractedValue = value.value;
        value.extractedState = CellState::Extracted;
    }
    return table;
}

std::optional<double> Rollup::sumOf(const QList<const std::vector<CellValue> *> &reports,
                                    int cell) const
{
    double sum = 0;
    for (const std::vector<CellValue> *report : reports) {
        if (size_t(cell) >= report->size() || !(*report)[size_t(cell)].hasValue())
            return std::nullopt;
        sum += *(*report)[size_t(cell)].value;
    }
    return sum;
}

bool Rollup::agrees(int cell, double summary, double sum) const
{
    const TemplateCell &templateCell = m_template.cells()[cell];
    const bool decimal
        = m_template.tables()[templateCell.table].columns[templateCell.column].decimal;
    return std::abs(summary - sum) <= (decimal ? kFeeTolerance : kCountTolerance) + 1e-12;
}

QString Rollup::message(int cell, double summary, double sum, const QList<RollupUnit> &units) const
{
    QStringList named;
    for (const RollupUnit &unit : units.first(std::min(units.size(), kNamedUnits)))
        named.append(tr("%1 %2").arg(unit.agency, figure(*unit.cells[size_t(cell)].value)));
    QString list = named.join(tr(", "));
    if (units.size() > kNamedUnits)
        list = tr("%1 and %n more", nullptr, int(units.size() - kNamedUnits)).arg(list);
    return tr("%1: the summary reports %2, its %n unit(s) add up to %3 (%4). A summary that also "
              "counts its own agency's figures may rightly exceed the sum.",
              nullptr, int(units.size()))
        .arg(m_template.cellLabel(cell), figure(summary), figure(sum), list);
}

} // namespace nianbao

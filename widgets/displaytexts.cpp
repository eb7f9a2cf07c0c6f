// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "displaytexts.h"

#include "reporttemplate.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Row labels run to 30 characters; past this many the list and findings columns get too wide. */
constexpr int kMaxRowLabel = 7;

QString translatedRuleName(const QString &rule)
{
    // One entry per rule id the checker or the template can give a finding.
    static const struct
    {
        const char *id;
        const char *name;
    } kNames[] = {
        {"requests.balance", QT_TRANSLATE_NOOP("nianbao::Rule", "Requests in = requests out")},
        {"requests.outcomes", QT_TRANSLATE_NOOP("nianbao::Rule", "Outcomes add up to the total")},
        {"requests.row_total",
         QT_TRANSLATE_NOOP("nianbao::Rule", "Applicants add up to the total")},
        {"appeals.total", QT_TRANSLATE_NOOP("nianbao::Rule", "Results add up to the total")},
        {"value.domain", QT_TRANSLATE_NOOP("nianbao::Rule", "Not a valid figure")},
        {"value.missing", QT_TRANSLATE_NOOP("nianbao::Rule", "Blank cell")},
        {"text.table", QT_TRANSLATE_NOOP("nianbao::Rule", "Text and table disagree")},
        {"text.combined", QT_TRANSLATE_NOOP("nianbao::Rule", "Text's combined figure")},
        {"text.appeals", QT_TRANSLATE_NOOP("nianbao::Rule", "Text's appeals and lawsuits")},
        {"text.contains", QT_TRANSLATE_NOOP("nianbao::Rule", "Text's figure and what it includes")},
        {"text.share", QT_TRANSLATE_NOOP("nianbao::Rule", "Text's share")},
        {"year.carry", QT_TRANSLATE_NOOP("nianbao::Rule", "Carried over from last year")},
        {"active.stock_flow",
         QT_TRANSLATE_NOOP("nianbao::Rule", "Documents in force follow from last year")},
        {"rollup.sum", QT_TRANSLATE_NOOP("nianbao::Rule", "Summary equals its units' sum")},
        {"segment.ambiguous",
         QT_TRANSLATE_NOOP("nianbao::Rule", "Run-together figures: several splits")},
        {"segment.by_text",
         QT_TRANSLATE_NOOP("nianbao::Rule", "Run-together figures split by the text")},
        {"segment.by_plausibility",
         QT_TRANSLATE_NOOP("nianbao::Rule", "Run-together figures split by plausibility")},
    };
    for (const auto &entry : kNames) {
        if (rule == QLatin1StringView(entry.id))
            return QCoreApplication::translate("nianbao::Rule", entry.name);
    }
    return {};
}

QString templateDescription(const QString &rule)
{
    for (const RuleDefinition &definition : ReportTemplate::standard().rules()) {
        if (definition.id == rule)
            return definition.description;
    }
    return {};
}

} // namespace

QList<ReviewStatus> reviewStatuses()
{
    return {ReviewStatus::Unreviewed, ReviewStatus::InProgress, ReviewStatus::Reviewed,
            ReviewStatus::Doubtful};
}

QString reviewStatusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Unreviewed");
    case ReviewStatus::InProgress:
        return QCoreApplication::translate("nianbao::ReviewStatus", "In review");
    case ReviewStatus::Reviewed:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Reviewed");
    case ReviewStatus::Doubtful:
        return QCoreApplication::translate("nianbao::ReviewStatus", "Doubtful");
    }
    return {};
}

QString cellStateText(CellState state)
{
    switch (state) {
    case CellState::Missing:
        return QCoreApplication::translate("nianbao::CellState", "Missing");
    case CellState::Extracted:
        return QCoreApplication::translate("nianbao::CellState", "Extracted");
    case CellState::Unreadable:
        return QCoreApplication::translate("nianbao::CellState", "Unreadable");
    case CellState::Corrected:
        return QCoreApplication::translate("nianbao::CellState", "Corrected");
    case CellState::Deduced:
        return QCoreApplication::translate("nianbao::CellState", "Deduced");
    }
    return {};
}

QString severityText(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QCoreApplication::translate("nianbao::Severity", "Error");
    case Severity::Warning:
        return QCoreApplication::translate("nianbao::Severity", "Warning");
    case Severity::Info:
        return QCoreApplication::translate("nianbao::Severity", "Note");
    }
    return {};
}

QString faultText(Fault fault)
{
    return fault == Fault::Reading
        ? QCoreApplication::translate("nianbao::Fault", "Reading uncertain")
        : QCoreApplication::translate("nianbao::Fault", "Report inconsistent");
}

QString decisionText(const FindingDecision &decision)
{
    switch (decision.state) {
    case DecisionState::Open:
        return QCoreApplication::translate("nianbao::Decision", "Open");
    case DecisionState::Confirmed:
        return QCoreApplication::translate("nianbao::Decision", "Confirmed");
    case DecisionState::Dismissed:
        return QCoreApplication::translate("nianbao::Decision", "Dismissed: %1")
            .arg(decision.reason);
    }
    return {};
}

QString formatValue(std::optional<double> value)
{
    return value ? QString::number(*value, 'g', 12) : QString();
}

QString ruleName(const QString &rule)
{
    QString name = translatedRuleName(rule);
    if (name.isEmpty())
        name = templateDescription(rule);
    return name.isEmpty() ? rule : name;
}

QString ruleToolTip(const QString &rule)
{
    const QString description = templateDescription(rule);
    return description.isEmpty() ? rule : description % u"\n(" % rule % u')';
}

QString shortCellLabel(int cell)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    if (cell < 0 || cell >= reportTemplate.cellCount())
        return {};
    const TemplateCell &templateCell = reportTemplate.cells()[cell];
    QString row = reportTemplate.rowLabel(templateCell.table, templateCell.row);
    if (row.size() > kMaxRowLabel)
        row = row.left(kMaxRowLabel - 1) % u'…';
    return row % u" · "
        % reportTemplate.tables()[templateCell.table].columns[templateCell.column].label;
}

QString shortCellLabels(const QList<int> &cells)
{
    QStringList labels;
    for (int cell : cells)
        labels.append(shortCellLabel(cell));
    return labels.join(u"; "_s);
}

QString cellKeys(const QList<int> &cells)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QStringList keys;
    for (int cell : cells) {
        if (cell >= 0 && cell < reportTemplate.cellCount())
            keys.append(reportTemplate.cells()[cell].key.toString());
    }
    return keys.join(u", "_s);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportjson.h"

#include "normalizedtext.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QJsonValue number(const std::optional<double> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

QJsonValue span(const SourceSpan &span, const CodePointIndex &index)
{
    if (!span.isValid())
        return QJsonValue(QJsonValue::Null);
    return QJsonArray {index.toCodePoint(span.start), index.toCodePoint(span.end)};
}

QJsonArray cellsJson(const Report &report, const ReportTemplate &reportTemplate,
                     const CodePointIndex &index)
{
    QJsonArray cells;
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const CellValue &cell = report.cells[size_t(c)];
        cells.append(QJsonObject {{u"key"_s, reportTemplate.cells()[c].key.toString()},
                                  {u"value"_s, number(cell.value)},
                                  {u"state"_s, cellStateName(cell.state)},
                                  {u"source"_s, span(cell.span, index)}});
    }
    return cells;
}

QJsonArray statementsJson(const Report &report, const ReportTemplate &reportTemplate,
                          const CodePointIndex &index)
{
    QJsonArray statements;
    for (const StatedFigure &figure : report.statements) {
        statements.append(
            QJsonObject {{u"key"_s, reportTemplate.cells()[figure.cell].key.toString()},
                         {u"value"_s, figure.value},
                         {u"text"_s, figure.text},
                         {u"source"_s, span(figure.span, index)}});
    }
    return statements;
}

QJsonObject findingJson(const Finding &finding, const ReportTemplate &reportTemplate)
{
    QJsonArray cells;
    for (int cell : finding.cells)
        cells.append(reportTemplate.cells()[cell].key.toString());
    QJsonObject object {{u"rule"_s, finding.rule},
                        {u"severity"_s, severityName(finding.severity)},
                        {u"cells"_s, cells},
                        {u"message"_s, finding.message},
                        {u"expected"_s, number(finding.expected)},
                        {u"actual"_s, number(finding.actual)}};
    if (finding.suggestion) {
        object.insert(
            u"suggestion"_s,
            QJsonObject {
                {u"key"_s, reportTemplate.cells()[finding.suggestion->cell].key.toString()},
                {u"value"_s, finding.suggestion->value}});
    }
    if (finding.alternatives > 0)
        object.insert(u"alternatives"_s, finding.alternatives);
    if (!finding.choices.isEmpty()) {
        // segment.ambiguous: each candidate split, as values in the order of "cells".
        QJsonArray candidates;
        for (const QList<Suggestion> &choice : finding.choices) {
            QJsonArray values;
            for (const Suggestion &suggestion : choice)
                values.append(suggestion.value);
            candidates.append(values);
        }
        object.insert(u"candidates"_s, candidates);
    }
    return object;
}

} // namespace

QJsonObject reportToJson(const Report &report, const ReportTemplate &reportTemplate)
{
    const CodePointIndex index(report.text);
    QJsonArray findings;
    for (const Finding &finding : report.findings)
        findings.append(findingJson(finding, reportTemplate));
    QJsonArray errors;
    for (const Error &error : report.errors)
        errors.append(QJsonObject {{u"code"_s, error.code}, {u"message"_s, error.message}});
    return QJsonObject {
        {u"file"_s, report.file},
        {u"agency"_s,
         report.agency.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(report.agency)},
        {u"year"_s, report.year > 0 ? QJsonValue(report.year) : QJsonValue(QJsonValue::Null)},
        {u"encoding"_s, report.encoding},
        {u"cells"_s, cellsJson(report, reportTemplate, index)},
        {u"statements"_s, statementsJson(report, reportTemplate, index)},
        {u"findings"_s, findings},
        {u"errors"_s, errors}};
}

} // namespace nianbao

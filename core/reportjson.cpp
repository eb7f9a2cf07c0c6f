// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportjson.h"

#include "jsonwriter.h"
#include "text/normalizedtext.h"

#include <QJsonArray>

#include <algorithm>
#include <cstring>

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
                        {u"actual"_s, number(finding.actual)},
                        {u"fault"_s, faultName(finding.fault)}};
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

namespace {

// Keys are written in the order QJsonObject keeps them (sorted), so the bytes match.

void writeSpan(JsonWriter &json, const SourceSpan &span, const CodePointIndex &index)
{
    if (!span.isValid()) {
        json.null();
        return;
    }
    json.beginArray();
    json.value(index.toCodePoint(span.start));
    json.value(index.toCodePoint(span.end));
    json.endArray();
}

} // namespace

ReportJsonWriter::ReportJsonWriter(const ReportTemplate &reportTemplate)
{
    for (const TemplateCell &cell : reportTemplate.cells()) {
        QByteArray key;
        appendJsonString(key, cell.key.toString());
        m_keys.push_back(key);
        m_cellOpenings.push_back("{\"key\":" + key + ",\"source\":");
    }
    for (const CellState state : {CellState::Missing, CellState::Extracted, CellState::Unreadable,
                                  CellState::Corrected, CellState::Deduced}) {
        QByteArray member = ",\"state\":";
        appendJsonString(member, cellStateName(state));
        m_stateMembers[size_t(state)] = member + ",\"value\":";
    }
    // What unpackHead() adds to a packed head at most: each cell's opening, state member,
    // "null" for both pieces, its "}" and ",", and the array's brackets.
    qsizetype longestState = 0;
    for (const QByteArray &member : m_stateMembers)
        longestState = std::max(longestState, member.size());
    constexpr qsizetype kNulls = 8; // "null" "null"
    constexpr qsizetype kPunctuation = 2; // "}" ","
    m_unpackedCellBytes = 2;
    for (const QByteArray &opening : m_cellOpenings)
        m_unpackedCellBytes += opening.size() + longestState + kNulls + kPunctuation;
}

QByteArray ReportJsonWriter::cellsJson(const Report &report, const CodePointIndex &index) const
{
    // The 200 cells are most of a report's JSON: each is written from pieces formed once.
    QByteArray json;
    json.reserve(128 * qsizetype(m_keys.size()));
    json.append('[');
    for (size_t c = 0; c < m_keys.size(); ++c) {
        const CellValue &cell = report.cells[c];
        if (c > 0)
            json.append(',');
        json.append(m_cellOpenings[c]);
        JsonWriter source(json);
        writeSpan(source, cell.span, index);
        json.append(m_stateMembers[size_t(cell.state)]);
        if (cell.value)
            appendJsonNumber(json, *cell.value);
        else
            json.append("null");
        json.append('}');
    }
    json.append(']');
    return json;
}

namespace {

// A packed head: the length of the JSON before the cells (kPrefixBytes, native order), that
// JSON, each cell packed, then the JSON after the cells. A packed cell is its state (one byte),
// then its source and its value, each as the length of its JSON (one byte; 0 for null) and
// that JSON. The cells' keys and the JSON between the pieces are the same in every report.
constexpr qsizetype kPrefixBytes = sizeof(qint32);

void packPiece(QByteArray &out, qsizetype start)
{
    const qsizetype length = out.size() - start - 1;
    Q_ASSERT(length >= 0 && length < 256);
    out[start] = char(length);
}

} // namespace

void ReportJsonWriter::packCells(QByteArray &out, const Report &report,
                                 const CodePointIndex &index) const
{
    for (size_t c = 0; c < m_keys.size(); ++c) {
        const CellValue &cell = report.cells[c];
        out.append(char(cell.state));
        qsizetype start = out.size();
        out.append('\0');
        if (cell.span.isValid()) {
            JsonWriter source(out);
            writeSpan(source, cell.span, index);
        }
        packPiece(out, start);
        start = out.size();
        out.append('\0');
        if (cell.value)
            appendJsonNumber(out, *cell.value);
        packPiece(out, start);
    }
}

void ReportJsonWriter::unpackHead(QByteArrayView packedHead, QByteArray &out) const
{
    // Copied piece by piece into room made once: a report is some 1,000 pieces, and this runs
    // on the one thread that writes nianbao-cli's output.
    const qsizetype start = out.size();
    out.resize(start + packedHead.size() + m_unpackedCellBytes);
    char *to = out.data() + start;
    const auto copy = [&to](const char *from, qsizetype length) {
        std::memcpy(to, from, size_t(length));
        to += length;
    };
    const char *next = packedHead.data();
    qint32 prefix = 0;
    std::memcpy(&prefix, next, kPrefixBytes);
    next += kPrefixBytes;
    copy(next, prefix);
    next += prefix;
    // A piece of length 0 is null (a source or value JSON is never empty).
    const auto piece = [&copy, &next] {
        const auto length = qsizetype(uchar(*next++));
        if (length == 0)
            copy("null", 4);
        else
            copy(next, length);
        next += length;
    };
    *to++ = '[';
    for (size_t c = 0; c < m_keys.size(); ++c) {
        if (c > 0)
            *to++ = ',';
        const auto state = size_t(uchar(*next++));
        copy(m_cellOpenings[c].constData(), m_cellOpenings[c].size());
        piece();
        copy(m_stateMembers[state].constData(), m_stateMembers[state].size());
        piece();
        *to++ = '}';
    }
    *to++ = ']';
    copy(next, packedHead.data() + packedHead.size() - next);
    out.truncate(to - out.constData());
}

ReportJsonWriter::Parts ReportJsonWriter::parts(const Report &report) const
{
    return parts(report, false);
}

ReportJsonWriter::Parts ReportJsonWriter::packedParts(const Report &report) const
{
    return parts(report, true);
}

ReportJsonWriter::Parts ReportJsonWriter::parts(const Report &report, bool packed) const
{
    const CodePointIndex index(report.text);
    Parts parts;
    parts.head.reserve((packed ? 24 : 256) * qsizetype(m_keys.size()));
    if (packed)
        parts.head.append(kPrefixBytes, '\0');
    JsonWriter json(parts.head);
    json.beginObject();
    json.key("agency");
    if (report.agency.isEmpty())
        json.null();
    else
        json.value(report.agency);
    json.key("cells");
    if (packed) {
        const auto prefix = qint32(parts.head.size() - kPrefixBytes);
        std::memcpy(parts.head.data(), &prefix, kPrefixBytes);
        packCells(parts.head, report, index);
        json.raw({}); // the cells are the member's value: the next member needs a comma
    } else {
        json.raw(cellsJson(report, index));
    }
    json.key("encoding");
    json.value(report.encoding);
    json.key("errors");
    json.beginArray();
    for (const Error &error : report.errors) {
        json.beginObject();
        json.key("code");
        json.value(error.code);
        json.key("message");
        json.value(error.message);
        json.endObject();
    }
    json.endArray();
    json.key("file");
    json.value(report.file);
    json.key("findings");
    json.beginArray();
    appendFindings(parts.head, report.findings, false);
    parts.hasFindings = !report.findings.isEmpty();

    JsonWriter after(parts.tail);
    parts.tail.append(']');
    after.markHasValues();
    after.key("statements");
    after.beginArray();
    for (const StatedFigure &figure : report.statements) {
        after.beginObject();
        after.key("key");
        after.raw(m_keys[size_t(figure.cell)]);
        after.key("source");
        writeSpan(after, figure.span, index);
        after.key("text");
        after.value(figure.text);
        after.key("value");
        after.value(figure.value);
        after.endObject();
    }
    after.endArray();
    after.key("year");
    if (report.year > 0)
        after.value(report.year);
    else
        after.null();
    after.endObject();
    return parts;
}

QByteArray ReportJsonWriter::write(const Report &report) const
{
    Parts split = parts(report);
    return split.head + split.tail;
}

void ReportJsonWriter::appendFindings(QByteArray &out, const QList<Finding> &findings,
                                      bool afterOthers) const
{
    JsonWriter json(out);
    if (afterOthers)
        json.markHasValues();
    for (const Finding &finding : findings) {
        json.beginObject();
        json.key("actual");
        json.value(finding.actual);
        if (finding.alternatives > 0) {
            json.key("alternatives");
            json.value(finding.alternatives);
        }
        if (!finding.choices.isEmpty()) {
            // segment.ambiguous: each candidate split, as values in the order of "cells".
            json.key("candidates");
            json.beginArray();
            for (const QList<Suggestion> &choice : finding.choices) {
                json.beginArray();
                for (const Suggestion &suggestion : choice)
                    json.value(suggestion.value);
                json.endArray();
            }
            json.endArray();
        }
        json.key("cells");
        json.beginArray();
        for (int cell : finding.cells)
            json.raw(m_keys[size_t(cell)]);
        json.endArray();
        json.key("expected");
        json.value(finding.expected);
        json.key("fault");
        json.value(faultName(finding.fault));
        json.key("message");
        json.value(finding.message);
        json.key("rule");
        json.value(finding.rule);
        json.key("severity");
        json.value(severityName(finding.severity));
        if (finding.suggestion) {
            json.key("suggestion");
            json.beginObject();
            json.key("key");
            json.raw(m_keys[size_t(finding.suggestion->cell)]);
            json.key("value");
            json.value(finding.suggestion->value);
            json.endObject();
        }
        json.endObject();
    }
}

} // namespace nianbao

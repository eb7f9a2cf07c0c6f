// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttemplate.h"

#include "normalizedtext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QStringList stringList(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &item : value.toArray())
        list.append(item.toString());
    return list;
}

QStringList labelKeys(const QJsonValue &value)
{
    QStringList keys;
    for (const QJsonValue &item : value.toArray()) {
        QString key = labelKey(item.toString());
        if (!key.isEmpty() && !keys.contains(key))
            keys.append(key);
    }
    return keys;
}

TemplateSection parseSection(const QJsonObject &object)
{
    TemplateSection section;
    section.number = object["number"_L1].toString();
    section.key = object["key"_L1].toString();
    section.heading = object["heading"_L1].toString();
    section.variants = labelKeys(object["variants"_L1]);
    section.table = object["table"_L1].toString();
    return section;
}

TemplateColumn parseColumn(const QJsonObject &object)
{
    TemplateColumn column;
    column.key = object["key"_L1].toString();
    column.label = object["label"_L1].toString();
    column.group = object["group"_L1].toString();
    column.variants = labelKeys(object["variants"_L1]);
    column.decimal = object["decimal"_L1].toBool();
    return column;
}

Result<TemplateRow> parseRow(const QJsonObject &object, const TemplateTable &table)
{
    TemplateRow row;
    row.key = object["key"_L1].toString();
    row.label = object["label"_L1].toString();
    row.number = object["number"_L1].toString();
    row.group = object["group"_L1].toString();
    row.subgroup = object["subgroup"_L1].toString();
    row.variants = labelKeys(object["variants"_L1]);
    const QStringList columnKeys = object.contains("columns"_L1) ? stringList(object["columns"_L1])
                                                                 : QStringList();
    if (columnKeys.isEmpty()) {
        for (int c = 0; c < table.columns.size(); ++c)
            row.columns.append(c);
    }
    for (const QString &key : columnKeys) {
        int found = -1;
        for (int c = 0; c < table.columns.size(); ++c) {
            if (table.columns[c].key == key)
                found = c;
        }
        if (found < 0)
            return Error{u"template.column"_s,
                         u"Row %1 of table %2 names unknown column %3"_s.arg(row.key, table.key, key),
                         {}};
        row.columns.append(found);
    }
    return row;
}

Result<TemplateTable> parseTable(const QJsonObject &object)
{
    TemplateTable table;
    table.key = object["key"_L1].toString();
    table.section = object["section"_L1].toString();
    table.title = object["title"_L1].toString();
    table.groupsInOneRow = object["layout"_L1].toString() == "groups_in_one_row"_L1;
    for (const QJsonValue &column : object["columns"_L1].toArray())
        table.columns.append(parseColumn(column.toObject()));
    for (const QJsonValue &row : object["rows"_L1].toArray()) {
        Result<TemplateRow> parsed = parseRow(row.toObject(), table);
        if (!parsed)
            return parsed.error();
        table.rows.append(std::move(parsed).value());
    }
    for (const QJsonValue &group : object["groups"_L1].toArray()) {
        const QJsonObject groupObject = group.toObject();
        table.rowGroups.append({groupObject["label"_L1].toString(), stringList(groupObject["rows"_L1])});
    }
    return table;
}

RuleDefinition parseRule(const QJsonObject &object)
{
    RuleDefinition rule;
    rule.id = object["id"_L1].toString();
    rule.severity = object["severity"_L1].toString(u"error"_s);
    rule.table = object["table"_L1].toString();
    rule.each = object["each"_L1].toString();
    rule.lhs = stringList(object["lhs"_L1]);
    rule.rhs = stringList(object["rhs"_L1]);
    rule.rhsRange = stringList(object["rhs_range"_L1]);
    rule.current = object["current"_L1].toString();
    rule.previous = object["previous"_L1].toString();
    rule.description = object["description"_L1].toString();
    return rule;
}

} // namespace

Result<ReportTemplate> ReportTemplate::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        return Error{u"template.json"_s,
                     u"The template is not valid JSON: %1 at byte %2"_s.arg(
                             parseError.errorString())
                             .arg(parseError.offset),
                     {}};
    const QJsonObject root = document.object();
    ReportTemplate result;
    result.m_titleSuffixes = labelKeys(root["title"_L1].toObject()["suffixes"_L1]);
    for (const QJsonValue &section : root["sections"_L1].toArray())
        result.m_sections.append(parseSection(section.toObject()));
    for (const QJsonValue &table : root["tables"_L1].toArray()) {
        Result<TemplateTable> parsed = parseTable(table.toObject());
        if (!parsed)
            return parsed.error();
        result.m_tables.append(std::move(parsed).value());
    }
    for (const QJsonValue &rule : root["rules"_L1].toArray())
        result.m_rules.append(parseRule(rule.toObject()));
    Result<bool> built = result.buildCells();
    if (!built)
        return built.error();
    return result;
}

Result<bool> ReportTemplate::buildCells()
{
    for (int t = 0; t < m_tables.size(); ++t) {
        TemplateTable &table = m_tables[t];
        for (int r = 0; r < table.rows.size(); ++r) {
            TemplateRow &row = table.rows[r];
            for (int column : std::as_const(row.columns)) {
                CellKey key(table.key % u'.' % row.key % u'.' % table.columns[column].key);
                if (m_cellIndex.contains(key))
                    return Error{u"template.duplicate"_s,
                                 u"The template defines cell %1 twice"_s.arg(key.toString()),
                                 {}};
                row.cells.append(int(m_cells.size()));
                m_cellIndex.insert(key, int(m_cells.size()));
                m_cells.append(TemplateCell{key, t, r, column});
            }
        }
    }
    return true;
}

const ReportTemplate &ReportTemplate::standard()
{
    static const ReportTemplate instance = [] {
        QFile file(u":/template/template.json"_s);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("The template resource :/template/template.json is missing from the build");
        Result<ReportTemplate> parsed = fromJson(file.readAll());
        if (!parsed)
            qFatal("%s", qPrintable(parsed.error().message));
        return std::move(parsed).value();
    }();
    return instance;
}

int ReportTemplate::cellIndex(int table, int row, int column) const
{
    const TemplateRow &templateRow = m_tables[table].rows[row];
    const qsizetype position = templateRow.columns.indexOf(column);
    return position < 0 ? -1 : templateRow.cells[position];
}

int ReportTemplate::tableIndex(QStringView key) const
{
    for (int t = 0; t < m_tables.size(); ++t) {
        if (m_tables[t].key == key)
            return t;
    }
    return -1;
}

int ReportTemplate::rowIndex(int table, QStringView key) const
{
    const auto &rows = m_tables[table].rows;
    for (int r = 0; r < rows.size(); ++r) {
        if (rows[r].key == key)
            return r;
    }
    return -1;
}

int ReportTemplate::columnIndex(int table, QStringView key) const
{
    const auto &columns = m_tables[table].columns;
    for (int c = 0; c < columns.size(); ++c) {
        if (columns[c].key == key)
            return c;
    }
    return -1;
}

QString ReportTemplate::cellLabel(int cell) const
{
    const TemplateCell &templateCell = m_cells[cell];
    const TemplateTable &table = m_tables[templateCell.table];
    return table.rows[templateCell.row].label % u" · " % table.columns[templateCell.column].label;
}

QString labelKey(QStringView text)
{
    return labelKeyOfNormalized(NormalizedText::normalizeString(text));
}

QString labelKeyOfNormalized(QStringView normalized)
{
    QString key;
    key.reserve(normalized.size());
    for (QChar c : normalized) {
        if (c.isLetterOrNumber())
            key.append(c);
    }
    return key;
}

} // namespace nianbao

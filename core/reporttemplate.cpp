// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttemplate.h"

#include "text/normalizedtext.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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
    const QStringList columnKeys
        = object.contains("columns"_L1) ? stringList(object["columns"_L1]) : QStringList();
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
            return Error {
                u"template.column"_s,
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
    table.supersededColumns = labelKeys(object["superseded_columns"_L1]);
    for (const QJsonValue &group : object["groups"_L1].toArray()) {
        const QJsonObject groupObject = group.toObject();
        table.rowGroups.append(
            {groupObject["label"_L1].toString(), stringList(groupObject["rows"_L1])});
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
    rule.rows = stringList(object["rows"_L1]);
    rule.added = object["added"_L1].toString();
    rule.removed = object["removed"_L1].toString();
    rule.description = object["description"_L1].toString();
    return rule;
}

/** NFKC with every space removed: the form the stated-figure reader matches in. */
QString statementForm(QStringView text)
{
    QString form = NormalizedText::normalizeString(text);
    form.removeIf([](QChar c) { return c.isSpace(); });
    return form;
}

QStringList statementForms(const QJsonValue &value)
{
    QStringList forms;
    for (const QJsonValue &item : value.toArray()) {
        const QString form = statementForm(item.toString());
        if (!form.isEmpty())
            forms.append(form);
    }
    return forms;
}

constexpr QStringView kGap = u"…";
constexpr QStringView kSlot = u"{n}";

/**
 * Normalizes the literals of a pattern and keeps its markers; … (U+2026) must be kept apart
 * because NFKC would turn it into three dots.
 */
QString patternForm(const QString &pattern)
{
    QString form;
    const QList<QStringView> slotParts = QStringView(pattern).split(kSlot);
    for (qsizetype s = 0; s < slotParts.size(); ++s) {
        if (s > 0)
            form += kSlot;
        const QList<QStringView> gapParts = slotParts[s].split(kGap);
        for (qsizetype g = 0; g < gapParts.size(); ++g) {
            if (g > 0)
                form += kGap;
            form += statementForm(gapParts[g]);
        }
    }
    return form;
}

/** A pattern is literals joined by … with at most one {n}; no gap at either end, none twice. */
bool isValidPattern(const QString &pattern, bool implied)
{
    const qsizetype slotCount = pattern.count(kSlot);
    if (slotCount != (implied ? 0 : 1))
        return false;
    if (pattern.startsWith(kGap) || pattern.endsWith(kGap) || pattern.contains(u"……"_s))
        return false;
    return pattern.size() > (implied ? 0 : kSlot.size());
}

Result<StatementPhrase> parseStatementPhrase(const QJsonObject &object)
{
    StatementPhrase phrase;
    phrase.rule = object["rule"_L1].toString(u"text.table"_s);
    phrase.cellKeys = object.contains("cells"_L1) ? stringList(object["cells"_L1])
                                                  : QStringList {object["cell"_L1].toString()};
    phrase.cellKey = phrase.cellKeys.value(0);
    phrase.share = object["share"_L1].toBool();
    phrase.implied = object.contains("value"_L1);
    phrase.value = object["value"_L1].toDouble();
    for (const QJsonValue &pattern : object["patterns"_L1].toArray()) {
        const QString form = patternForm(pattern.toString());
        if (!isValidPattern(form, phrase.implied))
            return Error {u"template.statement"_s,
                          u"Statement pattern %1 for %2 needs %3"_s.arg(
                              pattern.toString(), phrase.cellKey,
                              phrase.implied ? u"no {n}"_s : u"exactly one {n}"_s),
                          {}};
        phrase.patterns.append(form);
    }
    phrase.units = statementForms(object["units"_L1]);
    phrase.exclude = statementForms(object["exclude"_L1]);
    phrase.notPrecededBy = statementForms(object["not_preceded_by"_L1]);
    phrase.notFollowedBy = statementForms(object["not_followed_by"_L1]);
    phrase.context = statementForms(object["context"_L1]);
    return phrase;
}

Result<StatementRules> parseStatements(const QJsonObject &object)
{
    StatementRules rules;
    rules.sections = stringList(object["sections"_L1]);
    rules.units = statementForms(object["units"_L1]);
    rules.gap = object["gap"_L1].toInt(rules.gap);
    rules.breaks = statementForm(object["breaks"_L1].toString());
    rules.sentenceBreaks = statementForm(object["sentence_breaks"_L1].toString());
    rules.relationSentenceBreaks
        = statementForm(object["relation_sentence_breaks"_L1].toString(rules.sentenceBreaks));
    rules.connectors = statementForms(object["connectors"_L1]);
    rules.approximate = statementForms(object["approximate"_L1]);
    rules.figureNotPrecededBy = statementForms(object["figure_not_preceded_by"_L1]);
    rules.unitNotFollowedBy = statementForms(object["unit_not_followed_by"_L1]);
    const QJsonObject shares = object["shares"_L1].toObject();
    rules.shares.rule = shares["rule"_L1].toString(u"text.share"_s);
    rules.shares.cues = statementForms(shares["cues"_L1]);
    rules.shares.wholeKeys = stringList(shares["of"_L1]);
    rules.shares.context = statementForms(shares["context"_L1]);
    for (const QJsonValue &phrase : object["phrases"_L1].toArray()) {
        Result<StatementPhrase> parsed = parseStatementPhrase(phrase.toObject());
        if (!parsed)
            return parsed.error();
        rules.phrases.append(std::move(parsed).value());
    }
    return rules;
}

} // namespace

Result<ReportTemplate> ReportTemplate::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (document.isNull())
        return Error {
            u"template.json"_s,
            u"The template is not valid JSON: %1 at byte %2"_s.arg(parseError.errorString())
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
    Result<void> built = result.buildCells();
    if (!built)
        return built.error();
    Result<StatementRules> statements = parseStatements(root["statements"_L1].toObject());
    if (!statements)
        return statements.error();
    result.m_statements = std::move(statements).value();
    Result<void> resolved = result.resolveStatements();
    if (!resolved)
        return resolved.error();
    return result;
}

Result<void> ReportTemplate::resolveStatements()
{
    const auto resolve = [this](const QStringList &keys, QList<int> &cells) -> Result<void> {
        for (const QString &key : keys) {
            const int cell = cellIndex(CellKey(key));
            if (cell < 0)
                return Error {u"template.statement"_s,
                              u"A statement phrase names unknown cell %1"_s.arg(key),
                              {}};
            cells.append(cell);
        }
        return {};
    };
    for (StatementPhrase &phrase : m_statements.phrases) {
        Result<void> resolved = resolve(phrase.cellKeys, phrase.cells);
        if (!resolved)
            return resolved;
        phrase.cell = phrase.cells.value(0, -1);
    }
    Result<void> whole = resolve(m_statements.shares.wholeKeys, m_statements.shares.whole);
    if (!whole)
        return whole;
    for (const QString &number : std::as_const(m_statements.sections)) {
        const bool known
            = std::any_of(m_sections.cbegin(), m_sections.cend(),
                          [&](const TemplateSection &s) { return s.number == number; });
        if (!known)
            return Error {u"template.statement"_s,
                          u"The statements read unknown section %1"_s.arg(number),
                          {}};
    }
    return {};
}

Result<void> ReportTemplate::buildCells()
{
    for (int t = 0; t < m_tables.size(); ++t) {
        TemplateTable &table = m_tables[t];
        for (int r = 0; r < table.rows.size(); ++r) {
            TemplateRow &row = table.rows[r];
            for (int column : std::as_const(row.columns)) {
                CellKey key(table.key % u'.' % row.key % u'.' % table.columns[column].key);
                if (m_cellIndex.contains(key))
                    return Error {u"template.duplicate"_s,
                                  u"The template defines cell %1 twice"_s.arg(key.toString()),
                                  {}};
                row.cells.append(int(m_cells.size()));
                m_cellIndex.insert(key, int(m_cells.size()));
                m_cells.append(TemplateCell {key, t, r, column});
            }
        }
    }
    return {};
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

QString ReportTemplate::rowLabel(int table, int row) const
{
    const TemplateRow &templateRow = m_tables[table].rows[row];
    if (!templateRow.number.isEmpty())
        return templateRow.number % u'、' % templateRow.label;
    // "(七)" numbers the row itself; "(三) 不予公开" is a group whose items carry "1." etc.
    const bool ownNumber
        = templateRow.subgroup.startsWith(u'(') && !templateRow.subgroup.contains(u' ');
    return ownNumber ? templateRow.subgroup % u' ' % templateRow.label : templateRow.label;
}

QString ReportTemplate::cellLabel(int cell) const
{
    const TemplateCell &templateCell = m_cells[cell];
    const TemplateTable &table = m_tables[templateCell.table];
    return rowLabel(templateCell.table, templateCell.row) % u" · "
        % table.columns[templateCell.column].label;
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

void appendLabelKey(QStringView normalized, std::u16string &key)
{
    for (QChar c : normalized) {
        if (c.isLetterOrNumber())
            key.push_back(c.unicode());
    }
}

} // namespace nianbao

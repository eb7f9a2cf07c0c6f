// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellkey.h"
#include "result.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/** A column of an official table (e.g. 自然人), with the header spellings seen in reports. */
struct TemplateColumn
{
    QString key;
    QString label;
    QString group; ///< e.g. 法人或其他组织; empty if the column stands alone
    QStringList variants; ///< header spellings, already reduced by labelKey()
    bool decimal = false; ///< the only decimal column is active.fee.amount (万元)
};

/** A row of an official table with the label spellings seen in reports. */
struct TemplateRow
{
    QString key;
    QString label;
    QString number; ///< 一, 二 … for the numbered rows of table 三
    QString group;
    QString subgroup;
    QStringList variants; ///< label spellings, already reduced by labelKey()
    QList<int> columns; ///< indices into TemplateTable::columns that this row has
    QList<int> cells; ///< global cell indices, one per entry of `columns`
};

/** One of the three statistical tables (sections 二, 三, 四). */
struct TemplateTable
{
    QString key;
    QString section; ///< the section number that holds the table, e.g. 三
    QString title;
    QList<TemplateColumn> columns;
    QList<TemplateRow> rows;
    QList<QPair<QString, QStringList>> rowGroups; ///< active: 第二十条第（一）项 → rows
    bool groupsInOneRow = false; ///< appeals: every row's cells stand side by side in one line
    /** Column headings only the form before 2021 gave this table (本年新制作数量, …), reduced
     *  by labelKey(): a table headed so is not the 2021 table. */
    QStringList supersededColumns;
};

/** A numbered section of the report, e.g. 三、收到和处理政府信息公开申请情况. */
struct TemplateSection
{
    QString number;
    QString key;
    QString heading;
    QStringList variants; ///< reduced by labelKey()
    QString table; ///< key of the table the section holds, if any
};

/** A reconciliation rule as the template states it (template.md, "Reconciliation rules"). */
struct RuleDefinition
{
    QString id;
    QString severity;
    QString table;
    QString each; ///< column, row, cell or statement
    QStringList lhs;
    QStringList rhs;
    QStringList rhsRange; ///< [first, last] row keys, inclusive
    QString current; ///< a cross-year rule's row (each column) or column (each row) this year
    QString previous; ///< the same of the previous year's report
    QStringList rows; ///< the rows an each-row cross-year rule covers (active.stock_flow)
    QString added; ///< the column this year adds to `previous` (本年制发件数)
    QString removed; ///< the column this year takes from it (本年废止件数)
    QString description;
};

/** One cell of the data dictionary, in template order. */
struct TemplateCell
{
    CellKey key;
    int table = -1;
    int row = -1; ///< index into the table's rows
    int column = -1; ///< index into the table's columns
};

/**
 * A phrase of the narrative that states one cell's figure (template.json "statements"), e.g.
 * 共收到…申请{n} for requests.received.total, or 未收到…政府信息公开申请 stating it is 0.
 * StatedFigureReader compiles the patterns; the template only checks their shape.
 */
struct StatementPhrase
{
    QString cellKey; ///< the first of cellKeys
    int cell = -1; ///< template cell index of cellKey
    /** text.table for one cell's figure; another rule (text.combined …) for a StatedRelation. */
    QString rule;
    QStringList cellKeys; ///< the cells the figure sums; one for text.table
    QList<int> cells; ///< template cell indices of cellKeys
    bool share = false; ///< its figure may be followed by a share (占51.85%), see StatementShares
    bool implied = false; ///< a negative phrase (未收到…): states `value` without a figure
    double value = 0; ///< the implied value
    QStringList patterns; ///< literals, … for a bounded gap, {n} for figure and unit
    QStringList units; ///< if any: the units this phrase counts in, else all of them
    QStringList exclude; ///< none of these may stand in the phrase's clause
    QStringList notPrecededBy; ///< none of these may end where the phrase begins
    QStringList notFollowedBy; ///< none of these may begin where the phrase ends
    QStringList context; ///< if any: one must stand in the phrase's sentence or the one before
};

/**
 * The share printed after a figure (予以公开及部分公开42件，占51.85%): its cues, the cells it is a
 * share of, and the words that make that whole clear (办结: the share is of the requests handled).
 */
struct StatementShares
{
    QString rule; ///< text.share
    QStringList cues; ///< may stand before the percentage: 占比, 占总数的, 占
    QStringList wholeKeys; ///< the cells the share is of
    QList<int> whole; ///< template cell indices of wholeKeys
    QStringList context; ///< one must stand in the figure's sentence or the one before
};

/**
 * How the narrative states figures: which sections are read, which units and guards apply, and
 * the phrases. Every string is NFKC-normalized with its spaces removed, like the text it matches.
 */
struct StatementRules
{
    QStringList sections; ///< section numbers whose narrative is read (一, 六)
    QStringList units; ///< what must follow a figure: 件, 条, 个, 项
    int gap = 20; ///< longest … gap, in characters other than spaces
    QString breaks; ///< characters no gap crosses and that end a clause
    QString sentenceBreaks; ///< characters that end a sentence (for `context`)
    /** For the context of a relation or share: a list cut by ； (办结81件，其中：…；…) is one. */
    QString relationSentenceBreaks;
    QStringList connectors; ///< may stand between a cue and its figure: 共计, 为
    QStringList approximate; ///< next to the unit, make a figure approximate: 余, 多
    QStringList figureNotPrecededBy; ///< before a figure, make it no count: 第, 约
    QStringList unitNotFollowedBy; ///< after the unit, make it no count of items: 工作日
    QList<StatementPhrase> phrases; ///< in priority order
    StatementShares shares;
};

/**
 * The national report format as data, read from the template resource. Everything that needs
 * a table, row, column, label variant or rule reads it from here; there is no second list.
 */
class ReportTemplate
{
public:
    static Result<ReportTemplate> fromJson(const QByteArray &json);
    /** The template bundled in the binary (:/template/template.json). */
    static const ReportTemplate &standard();

    const QList<TemplateSection> &sections() const { return m_sections; }
    const QList<TemplateTable> &tables() const { return m_tables; }
    const QList<TemplateCell> &cells() const { return m_cells; }
    const QList<RuleDefinition> &rules() const { return m_rules; }
    const QStringList &titleSuffixes() const { return m_titleSuffixes; }
    /** The phrases that state figures in the narrative (template.md, "Stated figures"). */
    const StatementRules &statements() const { return m_statements; }

    int cellCount() const { return int(m_cells.size()); }
    int cellIndex(const CellKey &key) const { return m_cellIndex.value(key, -1); }
    int cellIndex(int table, int row, int column) const;
    int tableIndex(QStringView key) const;
    int rowIndex(int table, QStringView key) const;
    int columnIndex(int table, QStringView key) const;
    QString cellLabel(int cell) const;
    /** A row's label as the form numbers it: 一、本年新收…, (七) 总计, 1.属于国家秘密. */
    QString rowLabel(int table, int row) const;

private:
    Result<void> buildCells();
    Result<void> resolveStatements();

    QList<TemplateSection> m_sections;
    QList<TemplateTable> m_tables;
    QList<TemplateCell> m_cells;
    QList<RuleDefinition> m_rules;
    QStringList m_titleSuffixes;
    StatementRules m_statements;
    QHash<CellKey, int> m_cellIndex;
};

/**
 * Reduces a label to what matching compares: NFKC, then only letters and digits (CJK included),
 * so that 自然 人, （七）总计 and (七) 总计 all compare equal to their template spelling.
 */
QString labelKey(QStringView text);

/** labelKey() of text that is already NFKC-normalized (the document's matching form). */
QString labelKeyOfNormalized(QStringView normalized);

/** Appends labelKeyOfNormalized(normalized) to `key`; lets hot loops reuse one buffer. */
void appendLabelKey(QStringView normalized, std::u16string &key);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewopinion.h"

#include "reporttemplate.h"

#include <QFileInfo>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/**
 * The opinion's words. An opinion is a Chinese official letter to a Chinese agency, so its
 * source text is Chinese, whatever language the window speaks.
 */
struct OpinionText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReviewOpinion)
};

/** At most this many figures of a rule are listed; a longer list shows its first, …, its last. */
constexpr int kMaxNamedCells = 8;

QString number(double value)
{
    return QString::number(value, 'g', 15);
}

QString quoted(const QString &text)
{
    return u'「' + text + u'」';
}

/** A row as the form prints it, with its group: (三) 不予公开 1.属于国家秘密. */
QString formRowLabel(int table, int row)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const QString label = reportTemplate.rowLabel(table, row);
    const QString &subgroup = reportTemplate.tables()[table].rows[row].subgroup;
    return subgroup.isEmpty() || label.contains(subgroup) ? label : subgroup % u' ' % label;
}

QString formColumnLabel(const TemplateColumn &column)
{
    return column.group.isEmpty() ? column.label : column.group % u'·' % column.label;
}

/** Whether every row has every column: only then do the form's rows and columns count. */
bool isGrid(const TemplateTable &table)
{
    return std::all_of(table.rows.begin(), table.rows.end(), [&](const TemplateRow &row) {
        return row.columns.size() == table.columns.size();
    });
}

/** The figure as the report prints it: its text, the mark in its place, or 空白. */
QString printedFigure(const CellValue &value)
{
    QString text = value.sourceText.trimmed();
    if (value.extractedState == CellState::Unreadable && !text.isEmpty())
        return OpinionText::tr("%1（无法辨认）").arg(quoted(text));
    if (value.isMark())
        return quoted(text);
    if (!text.isEmpty())
        return text;
    if (value.extractedValue)
        return number(*value.extractedValue);
    return OpinionText::tr("空白");
}

/** The cell as the review holds it; blank when the report holds no cells (it was not read). */
const CellValue &cellValue(const StoredReview &review, int cell)
{
    static const CellValue blank;
    return size_t(cell) < review.report.cells.size() ? review.report.cells[size_t(cell)] : blank;
}

OpinionCell opinionCell(int cell, const StoredReview &review)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const TemplateCell &templateCell = reportTemplate.cells()[cell];
    const TemplateTable &table = reportTemplate.tables()[templateCell.table];
    const bool grid = isGrid(table);
    OpinionCell placed;
    placed.cell = cell;
    placed.table = OpinionText::tr("表%1").arg(table.section);
    placed.rowNumber = grid ? templateCell.row + 1 : 0;
    placed.row = formRowLabel(templateCell.table, templateCell.row);
    placed.columnNumber = grid ? templateCell.column + 1 : 0;
    placed.column = formColumnLabel(table.columns[templateCell.column]);
    const CellValue &value = cellValue(review, cell);
    placed.printed = printedFigure(value);
    placed.current = value.value;
    return placed;
}

QString rowPlace(const OpinionCell &cell)
{
    return cell.rowNumber > 0
        ? OpinionText::tr("第%1行%2").arg(cell.rowNumber).arg(quoted(cell.row))
        : quoted(cell.row);
}

QString columnPlace(const OpinionCell &cell)
{
    return cell.columnNumber > 0
        ? OpinionText::tr("第%1列%2").arg(cell.columnNumber).arg(quoted(cell.column))
        : quoted(cell.column);
}

QString tableHeading(int cell)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const TemplateTable &table = reportTemplate.tables()[reportTemplate.cells()[cell].table];
    return table.section % u'、' % table.title;
}

/** 「A」6、「B」0: cells named by the label that tells them apart in their rule. */
QString figuresText(const QList<OpinionCell> &cells, bool namedByColumn)
{
    QStringList parts;
    for (const OpinionCell &cell : cells)
        parts.append(quoted(namedByColumn ? cell.column : cell.row) + u' ' + cell.printed);
    if (parts.size() > kMaxNamedCells + 2)
        parts = parts.first(kMaxNamedCells) + QStringList {u"……"_s, parts.last()};
    return parts.join(u'、');
}

/** One side of a rule: 「(七) 总计」为 5, or 3 + 0 = 3, or 「A」至「Z」各项之和为 9. */
QString sideText(const QList<OpinionCell> &side, bool namedByColumn, double sum)
{
    const auto name = [namedByColumn](const OpinionCell &cell) {
        return quoted(namedByColumn ? cell.column : cell.row);
    };
    if (side.size() == 1)
        return OpinionText::tr("%1为 %2").arg(name(side.front()), number(sum));
    if (side.size() <= 4) {
        QStringList terms;
        for (const OpinionCell &cell : side)
            terms.append(number(cell.current.value_or(0)));
        return terms.join(u" + "_s) + u" = "_s + number(sum);
    }
    return OpinionText::tr("%1至%2各项之和为 %3")
        .arg(name(side.front()), name(side.back()), number(sum));
}

/** What the whole opinion needs to word one finding. */
struct ItemContext
{
    const Finding &finding;
    const ExportedReview &review;
    OpinionItem &item;
};

const RuleDefinition *ruleOf(const QString &id)
{
    for (const RuleDefinition &rule : ReportTemplate::standard().rules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

void wordCheck(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    const RuleDefinition *rule = ruleOf(finding.rule);
    const bool namedByColumn = rule && rule->each == u"row";
    const OpinionCell &first = item.cells.front();
    item.where = first.table + u' ' + (namedByColumn ? rowPlace(first) : columnPlace(first));
    const qsizetype leftCount = std::clamp<qsizetype>(finding.leftCount, 1, item.cells.size());
    const QList<OpinionCell> left = item.cells.first(leftCount);
    const QList<OpinionCell> right = item.cells.sliced(leftCount);
    item.printed = OpinionText::tr("报告所列：%1；%2。")
                       .arg(figuresText(left, namedByColumn), figuresText(right, namedByColumn));
    const double actual = finding.actual.value_or(0);
    const double expected = finding.expected.value_or(0);
    item.implied
        = OpinionText::tr("按勾稽关系（%1），%2，而 %3，两者应当相等，现相差 %4。")
              .arg(rule ? rule->description : finding.rule, sideText(left, namedByColumn, actual),
                   sideText(right, namedByColumn, expected), number(std::abs(actual - expected)));
    if (finding.alternatives > 0)
        item.suggestion
            = OpinionText::tr("有 %1 种单处更正均能使勾稽关系成立，请据实核对各项数字。")
                  .arg(finding.alternatives);
    item.request = OpinionText::tr("请核实上述数字，更正有误之处；如数字无误，请书面说明理由。");
}

void wordStatement(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    const QList<StatedFigure> &statements = context.review.review.report.statements;
    const QString phrase = finding.statement >= 0 && finding.statement < statements.size()
        ? statements[finding.statement].text
        : QString();
    const OpinionCell &cell = item.cells.front();
    item.where = cell.place();
    // The figure follows the phrase when the phrase does not show it in digits (六件, 未收到…).
    const QString figure = number(finding.expected.value_or(0));
    const QString stated
        = phrase.contains(figure) ? quoted(phrase) : quoted(phrase) + u'（' + figure + u'）';
    item.printed = OpinionText::tr("正文称%1，表格中该格填报为 %2。").arg(stated, cell.printed);
    item.implied = OpinionText::tr("正文所述数字与表格数字应当一致。");
    item.request = OpinionText::tr("请核实正文与表格，统一更正为准确数字。");
}

QString absenceText(const OpinionCell &cell, const CellValue &value)
{
    if (value.extractedState == CellState::Unreadable)
        return OpinionText::tr("报告中该格为 %1。").arg(cell.printed);
    if (value.isMark())
        return OpinionText::tr("报告中该格填写为 %1，未填数字。").arg(cell.printed);
    return OpinionText::tr("报告中该格未填写数字（空白）。");
}

void wordMissing(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    const OpinionCell &cell = item.cells.front();
    item.where = cell.place();
    item.printed = absenceText(cell, cellValue(context.review.review, cell.cell));
    if (finding.expected)
        item.implied = OpinionText::tr("按勾稽关系，该格应为 %1。").arg(number(*finding.expected));
    else if (finding.suggestion && finding.suggestion->value == 0)
        item.implied = OpinionText::tr("该行各格均未填写，通常表示没有发生，应填 0。");
    else
        item.implied = OpinionText::tr("勾稽关系不能确定该格数字。");
    item.request = OpinionText::tr("请补填该格数字（没有发生的填 0）。");
}

/** The cells of one row: 「row」整行, or 「row」的「col」「col」. */
QString rowCellsText(const QList<OpinionCell> &cells, int columnCount)
{
    if (cells.size() == columnCount && columnCount > 1)
        return OpinionText::tr("%1整行").arg(quoted(cells.front().row));
    QString columns;
    for (const OpinionCell &cell : cells)
        columns += quoted(cell.column);
    return OpinionText::tr("%1的%2").arg(quoted(cells.front().row), columns);
}

/** Cells named row by row (cells come in template order, a row's together). */
QString placesText(const QList<OpinionCell> &cells)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QStringList rows;
    for (qsizetype first = 0; first < cells.size();) {
        qsizetype end = first + 1;
        while (end < cells.size() && cells[end].row == cells[first].row)
            ++end;
        const TemplateCell &where = reportTemplate.cells()[cells[first].cell];
        const int columnCount
            = int(reportTemplate.tables()[where.table].rows[where.row].cells.size());
        rows.append(rowCellsText(cells.sliced(first, end - first), columnCount));
        first = end;
    }
    return rows.join(u'；');
}

void wordZeros(const ItemContext &context)
{
    OpinionItem &item = context.item;
    if (item.cells.size() == 1) {
        item.where = item.cells.front().place();
        item.printed = OpinionText::tr("报告中该格未填写数字（空白）。");
        item.implied = OpinionText::tr("按勾稽关系，该格应为 0。");
        item.request = OpinionText::tr("请在该格填写 0。");
        return;
    }
    item.where
        = OpinionText::tr("%1（%2 格）").arg(item.cells.front().table).arg(item.cells.size());
    item.printed = OpinionText::tr("以下 %1 格未填写数字（空白）：%2。")
                       .arg(item.cells.size())
                       .arg(placesText(item.cells));
    item.implied
        = OpinionText::tr("件数为非负整数，其余各格已合成总计，按勾稽关系这些格均应为 0。");
    item.request = OpinionText::tr("请在上述空白格中填写 0。");
}

void wordDomain(const ItemContext &context)
{
    OpinionItem &item = context.item;
    const OpinionCell &cell = item.cells.front();
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const TemplateCell &templateCell = reportTemplate.cells()[cell.cell];
    const bool decimal
        = reportTemplate.tables()[templateCell.table].columns[templateCell.column].decimal;
    item.where = cell.place();
    item.printed = OpinionText::tr("报告中该格填报为 %1。").arg(cell.printed);
    item.implied = decimal ? OpinionText::tr("收费金额（万元）不能为负数。")
                           : OpinionText::tr("件数应为不小于 0 的整数。");
    item.request = OpinionText::tr("请核实更正。");
}

void wordSplit(const ItemContext &context)
{
    OpinionItem &item = context.item;
    const OpinionCell &cell = item.cells.front();
    item.where = cell.table + u' ' + rowPlace(cell);
    const QString run = cellValue(context.review.review, cell.cell).sourceText;
    item.printed = OpinionText::tr("该行各列数字连写为%1，无法确定各列数字。").arg(quoted(run));
    item.implied = OpinionText::tr("按勾稽关系有 %1 种分法。").arg(context.finding.choices.size());
    item.request = OpinionText::tr("请提供该行各列的准确数字。");
}

void wordCarry(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    const OpinionCell &cell = item.cells.front();
    item.where = cell.place();
    item.printed = OpinionText::tr("本年报告该格填报为 %1。").arg(cell.printed);
    item.implied
        = OpinionText::tr("上一年度报告「四、结转下年度继续办理」为 %1，两年数字应当衔接。")
              .arg(number(finding.expected.value_or(0)));
    item.request = OpinionText::tr("请核实更正，或说明两年数字不一致的原因。");
}

/** The places of the item's cells, joined: 表三 第1行「…」 第7列「总计」、… */
QString placesOf(const OpinionItem &item)
{
    QStringList places;
    for (const OpinionCell &cell : item.cells)
        places.append(cell.place());
    return places.join(u'、');
}

void wordRelation(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    const QList<StatedRelation> &relations = context.review.review.report.relations;
    const QString text = finding.key.index >= 0 && finding.key.index < relations.size()
        ? relations[finding.key.index].text
        : QString();
    item.where = placesOf(item);
    if (finding.rule == u"text.share") {
        item.printed = OpinionText::tr("正文称%1，所占比例为 %2%。")
                           .arg(quoted(text), number(finding.expected.value_or(0)));
        item.implied = OpinionText::tr("按表格中的数字计算，该比例为 %1%。")
                           .arg(QString::number(finding.actual.value_or(0), 'f', 2));
    } else {
        item.printed = OpinionText::tr("正文称%1，为 %2。")
                           .arg(quoted(text), number(finding.expected.value_or(0)));
        item.implied = OpinionText::tr("表格中相应各格合计为 %1，两者应当一致。")
                           .arg(number(finding.actual.value_or(0)));
    }
    item.request = OpinionText::tr("请核实正文与表格，更正不一致之处。");
}

void wordStockFlow(const ItemContext &context)
{
    const Finding &finding = context.finding;
    OpinionItem &item = context.item;
    // The finding's key names its 现行有效件数 cell, the figure the flow of documents implies.
    const auto inForce
        = std::find_if(item.cells.cbegin(), item.cells.cend(),
                       [&](const OpinionCell &c) { return c.cell == finding.key.index; });
    const OpinionCell &cell = inForce != item.cells.cend() ? *inForce : item.cells.front();
    item.where = cell.place();
    item.printed = OpinionText::tr("本年报告该格填报为 %1。").arg(cell.printed);
    item.implied = OpinionText::tr("按上一年度现行有效件数加本年制发、减本年废止计算，应为 %1"
                                   "（其他文件废止或失效的除外）。")
                       .arg(number(finding.expected.value_or(0)));
    item.request = OpinionText::tr("请核实更正，或说明两年数字不衔接的原因。");
}

/** rollup.sum: a summary report's cell against the sum of its units' (nianbao-cli rollup). */
void wordRollup(const ItemContext &context)
{
    OpinionItem &item = context.item;
    const OpinionCell &cell = item.cells.front();
    item.where = cell.place();
    item.printed = OpinionText::tr("汇总报告该格填报为 %1。").arg(cell.printed);
    item.implied
        = OpinionText::tr("所属单位报告相应数字之和为 %1（汇总报告另含本机关数字的除外）。")
              .arg(number(context.finding.expected.value_or(0)));
    item.request = OpinionText::tr("请核实更正，或说明汇总数与所属单位之和不一致的原因。");
}

void wordFinding(const ItemContext &context)
{
    switch (context.finding.key.kind) {
    case FindingKind::Check:
        return wordCheck(context);
    case FindingKind::Statement:
    case FindingKind::SplitText:
        return wordStatement(context);
    case FindingKind::Missing:
        return wordMissing(context);
    case FindingKind::Zeros:
        return wordZeros(context);
    case FindingKind::Domain:
        return wordDomain(context);
    case FindingKind::Split:
        return wordSplit(context);
    case FindingKind::Carry:
        return wordCarry(context);
    case FindingKind::Relation:
        return wordRelation(context);
    case FindingKind::StockFlow:
        return wordStockFlow(context);
    case FindingKind::Rollup:
        return wordRollup(context);
    }
}

QString figureOrBlank(const std::optional<double> &value)
{
    return value ? number(*value) : OpinionText::tr("空白");
}

QString whenText(const QDateTime &when)
{
    return when.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s);
}

/** The reviewer's corrections and notes on the item's cells, oldest first. */
void addCorrectionsAndNotes(OpinionItem &item, const StoredReview &review)
{
    for (const Correction &correction : review.corrections) {
        const auto at
            = std::find_if(item.cells.begin(), item.cells.end(),
                           [&](const OpinionCell &c) { return c.cell == correction.cell; });
        if (at == item.cells.end())
            continue;
        item.corrections.append(OpinionText::tr("%1由 %2 改为 %3（%4，%5）")
                                    .arg(at->place(), figureOrBlank(correction.previous.value),
                                         figureOrBlank(correction.current.value),
                                         correction.reviewer, whenText(correction.when)));
    }
    for (const OpinionCell &cell : std::as_const(item.cells)) {
        const QString note = review.cellNotes.value(cell.cell);
        if (!note.isEmpty())
            item.notes.append(cell.place() + u'：' + note);
    }
}

OpinionItem opinionItem(const Finding &finding, const ExportedReview &review)
{
    OpinionItem item;
    item.key = finding.key;
    item.rule = finding.rule;
    item.severity = finding.severity;
    item.fault = finding.fault;
    item.expected = finding.expected;
    item.actual = finding.actual;
    item.message = finding.message;
    for (int cell : finding.cells)
        item.cells.append(opinionCell(cell, review.review));
    if (item.cells.isEmpty())
        return item;
    item.table = tableHeading(finding.cells.front());
    wordFinding({finding, review, item});
    if (finding.suggestion && finding.key.kind != FindingKind::Missing) {
        const OpinionCell cell = opinionCell(finding.suggestion->cell, review.review);
        const bool stated = finding.statement >= 0;
        item.suggestion = (stated ? OpinionText::tr("结合正文与勾稽关系，%1应为 %2。")
                                  : OpinionText::tr("按勾稽关系，%1应为 %2。"))
                              .arg(cell.place(), number(finding.suggestion->value));
    }
    addCorrectionsAndNotes(item, review.review);
    return item;
}

bool isIncluded(const Finding &finding, const FindingDecision &decision,
                const OpinionOptions &options)
{
    if (decision.state == DecisionState::Dismissed)
        return false;
    return finding.fault == Fault::Source || decision.state == DecisionState::Confirmed
        || options.includeReadingFaults;
}

QString lastReviewer(const StoredReview &review)
{
    return review.corrections.isEmpty() ? QString() : review.corrections.last().reviewer;
}

} // namespace

QString OpinionCell::place() const
{
    return table + u' ' + rowPlace(*this) + u' ' + columnPlace(*this);
}

DecisionLookup decisionsByKey(QHash<FindingKey, FindingDecision> decisions)
{
    return [decisions = std::move(decisions)](const Finding &finding) {
        return decisions.value(finding.key);
    };
}

ReviewOpinion buildReviewOpinion(const ExportedReview &review, const DecisionLookup &decisions,
                                 const OpinionOptions &options)
{
    const StoredReview &stored = review.review;
    ReviewOpinion opinion;
    opinion.agency = stored.report.agency;
    opinion.year = stored.report.year;
    opinion.file = stored.report.file;
    opinion.reviewer = options.reviewer.isEmpty() ? lastReviewer(stored) : options.reviewer;
    opinion.date = options.date.isValid() ? options.date : QDate::currentDate();
    opinion.status = stored.status;
    opinion.note = stored.note;
    opinion.loaded = stored.report.loaded;
    for (const Error &error : stored.report.errors)
        opinion.problems.append(error.message);
    for (const Finding &finding : review.findings) {
        const FindingDecision decision = decisions
            ? decisions(finding)
            : decisionOn(finding, stored.decisions, ReportTemplate::standard());
        if (!isIncluded(finding, decision, options)) {
            ++(decision.state == DecisionState::Dismissed ? opinion.dismissed
                                                          : opinion.readingLeftOut);
            continue;
        }
        OpinionItem item = opinionItem(finding, review);
        item.decision = decision;
        opinion.items.append(std::move(item));
    }
    return opinion;
}

QString ReviewOpinion::title() const
{
    if (agency.isEmpty())
        return OpinionText::tr("关于政府信息公开工作年度报告（%1）的审核意见")
            .arg(QFileInfo(file).fileName());
    if (year <= 0)
        return OpinionText::tr("关于%1政府信息公开工作年度报告的审核意见").arg(agency);
    return OpinionText::tr("关于%1%2年政府信息公开工作年度报告的审核意见").arg(agency).arg(year);
}

QString ReviewOpinion::addressee() const
{
    return agency.isEmpty() ? QString() : agency + u'：';
}

QString ReviewOpinion::introduction() const
{
    const QString report = year > 0
        ? OpinionText::tr("你单位%1年政府信息公开工作年度报告").arg(year)
        : OpinionText::tr("你单位政府信息公开工作年度报告");
    if (!loaded)
        return OpinionText::tr("%1的文件无法读取（%2），请重新报送可以读取的报告文件。")
            .arg(report, problems.join(u'；'));
    if (items.isEmpty())
        return OpinionText::tr("经审核，%1的表格数据未发现需要更正的问题。").arg(report);
    return OpinionText::tr("经审核，%1存在以下 %2 处问题，请逐项核实，予以更正或作出书面说明，"
                           "并将更正后的报告及说明报送我办。")
        .arg(report)
        .arg(items.size());
}

QString ReviewOpinion::dismissedText() const
{
    return dismissed > 0 ? OpinionText::tr("另有 %1 项经核实不再列入。").arg(dismissed) : QString();
}

QString ReviewOpinion::statusText() const
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return OpinionText::tr("未审核");
    case ReviewStatus::InProgress:
        return OpinionText::tr("审核中");
    case ReviewStatus::Reviewed:
        return OpinionText::tr("已审核");
    case ReviewStatus::Doubtful:
        return OpinionText::tr("存疑");
    }
    return {};
}

QString ReviewOpinion::dateText() const
{
    return OpinionText::tr("%1年%2月%3日").arg(date.year()).arg(date.month()).arg(date.day());
}

QStringList ReviewOpinion::factsHeader() const
{
    return {OpinionText::tr("报告单位"), OpinionText::tr("年度"), OpinionText::tr("报告文件"),
            OpinionText::tr("审核状态"), OpinionText::tr("审核人")};
}

QStringList ReviewOpinion::facts() const
{
    return {agency, year > 0 ? QString::number(year) : QString(), QFileInfo(file).fileName(),
            statusText(), reviewer};
}

QString OpinionItem::heading(int number) const
{
    QString text = u"%1. %2"_s.arg(number).arg(where);
    if (decision.state == DecisionState::Confirmed)
        text += OpinionText::tr("（已确认）");
    return text;
}

QStringList OpinionItem::details() const
{
    QStringList lines;
    for (const QString &line : {printed, implied, suggestion}) {
        if (!line.isEmpty())
            lines.append(line);
    }
    for (const QString &line : corrections)
        lines.append(OpinionText::tr("审核更正：%1").arg(line));
    for (const QString &line : notes)
        lines.append(OpinionText::tr("审核备注：%1").arg(line));
    lines.append(request);
    return lines;
}

QString ReviewOpinion::plainText() const
{
    QStringList lines = {title(), QString(), addressee(), introduction()};
    if (!dismissedText().isEmpty())
        lines.append(dismissedText());
    for (int i = 0; i < items.size(); ++i) {
        lines.append(items[i].heading(i + 1));
        for (const QString &line : items[i].details())
            lines.append(u"   "_s + line);
    }
    if (!note.isEmpty())
        lines += {QString(), OpinionText::tr("审核意见备注：%1").arg(note)};
    lines += {QString(), OpinionText::tr("审核人：%1").arg(reviewer),
              OpinionText::tr("审核状态：%1").arg(statusText()), dateText()};
    return lines.join(u'\n') + u'\n';
}

QString opinionBaseName(const ReviewOpinion &opinion)
{
    QString name
        = opinion.agency.isEmpty() ? QFileInfo(opinion.file).completeBaseName() : opinion.agency;
    if (opinion.year > 0)
        name += u'-' + QString::number(opinion.year);
    name += OpinionText::tr("-审核意见");
    for (QChar &c : name) {
        if (c.unicode() < 0x20 || u"/\\:*?\"<>|"_s.contains(c) || c.isSpace())
            c = u'_';
    }
    // A name may not start with a dot (hidden) or be too long for a file system (255 bytes).
    while (name.startsWith(u'.') || name.startsWith(u'-'))
        name.remove(0, 1);
    return name.left(80);
}

QString uniqueOpinionBaseName(const ReviewOpinion &opinion, QStringList &taken)
{
    const QString base = opinionBaseName(opinion);
    QString name = base;
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = base + u'-' + QString::number(n);
    taken.append(name);
    return name;
}

} // namespace nianbao

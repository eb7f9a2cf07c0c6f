// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uncertainocr.h"

#include "extract/labelmatcher.h"
#include "loaders/ocr/ocrlimits.h"
#include "loaders/ocr/ocrtext.h"
#include "reporttemplate.h"
#include "rules/rulebook.h"

#include <algorithm>
#include <cmath>

namespace nianbao {

namespace {

/** Sums this close are equal: fees carry two decimals. */
constexpr double kSumTolerance = 0.005;

/** The least OCR confidence of the text `span` covers; -1 if no OCR read it (a text layer). */
int ocrConfidence(const SourceSpan &span, const QList<PageRegion> &regions)
{
    auto it
        = std::lower_bound(regions.begin(), regions.end(), span.start,
                           [](const PageRegion &region, int start) { return region.end <= start; });
    int least = -1;
    for (; it != regions.end() && it->start < span.end; ++it) {
        if (it->confidence >= 0 && it->end > span.start)
            least = least < 0 ? it->confidence : std::min(least, it->confidence);
    }
    return least;
}

bool hasChinese(QStringView text)
{
    return std::any_of(text.begin(), text.end(), isHanCharacter);
}

/**
 * The label nearest before `span` on its line: the last words between the line's start and
 * the figure (the innermost of nested labels, 1.属于国家秘密 after (三)不予公开); empty if
 * the line has none, as the appeals table's figures stand alone.
 */
QStringView labelBefore(const SourceSpan &span, const QList<PageRegion> &regions,
                        const QString &text)
{
    const int lineStart = int(text.lastIndexOf(u'\n', span.start > 0 ? span.start - 1 : 0)) + 1;
    auto it
        = std::lower_bound(regions.begin(), regions.end(), lineStart,
                           [](const PageRegion &region, int start) { return region.end <= start; });
    QStringView label;
    for (; it != regions.end() && it->end <= span.start; ++it) {
        const QStringView words = QStringView(text).sliced(it->start, it->end - it->start);
        if (it->start >= lineStart && hasChinese(words))
            label = words;
    }
    return label;
}

/**
 * Whether the label OCR read on the cell's line names the cell's row. A misread label (行政放
 * for 行政许可, BUM for 行政处罚) can match another row's, and put a right figure in the wrong
 * row, where the active table's rules cannot see it and the other tables' sums still hold.
 */
bool labelNamesRow(int cell, QStringView label, const ReportTemplate &form)
{
    if (label.isEmpty())
        return true;
    const TemplateCell &where = form.cells()[cell];
    const TemplateRow &row = form.tables()[where.table].rows[where.row];
    return labelScore(labelKey(label), row.variants) > 0;
}

/** Whether every term of `check` is read and its two sides are equal. */
bool holds(const LinearCheck &check, const std::vector<CellValue> &cells)
{
    double difference = 0;
    for (const auto &[side, sign] : {std::pair {&check.lhs, 1.0}, std::pair {&check.rhs, -1.0}}) {
        for (int cell : *side) {
            const CellValue &term = cells[size_t(cell)];
            if (term.state != CellState::Extracted || !term.value)
                return false;
            difference += sign * *term.value;
        }
    }
    return std::abs(difference) < kSumTolerance;
}

/** Whether the check's cells stand in more than one row of the form (a column's sum). */
bool spansRows(const LinearCheck &check, const ReportTemplate &form)
{
    const int anyCell = check.lhs.empty() ? check.rhs.front() : check.lhs.front();
    const TemplateCell &first = form.cells()[anyCell];
    for (const std::vector<int> *side : {&check.lhs, &check.rhs}) {
        for (int cell : *side) {
            const TemplateCell &term = form.cells()[cell];
            if (term.table != first.table || term.row != first.row)
                return true;
        }
    }
    return false;
}

/**
 * Whether a rule over the cell holds with every term read. A figure whose row is in doubt
 * needs a rule across rows: its row's own total holds wherever the whole row went.
 */
bool confirmedByARule(int cell, bool rowInDoubt, const std::vector<CellValue> &cells,
                      const RuleBook &rules)
{
    const std::vector<int> &checks = rules.checksOfCell(cell);
    return std::any_of(checks.begin(), checks.end(), [&](int index) {
        const LinearCheck &check = rules.checks()[size_t(index)];
        return (!rowInDoubt || spansRows(check, rules.reportTemplate())) && holds(check, cells);
    });
}

void makeUnreadable(CellValue &cell, const QString &text)
{
    cell.sourceText = text.sliced(cell.span.start, cell.span.length());
    cell.extractedValue = cell.value;
    cell.value.reset();
    cell.state = CellState::Unreadable;
    cell.extractedState = CellState::Unreadable;
}

} // namespace

int distrustUncertainOcr(std::vector<CellValue> &cells, const QList<PageRegion> &regions,
                         const QString &text, const RuleBook &rules)
{
    std::vector<std::pair<int, bool>> unsure; ///< cell, and whether its row is in doubt
    for (size_t c = 0; c < cells.size(); ++c) {
        const CellValue &cell = cells[c];
        if (cell.state != CellState::Extracted || !cell.span.isValid()
            || cell.span.end > text.size())
            continue;
        const int confidence = ocrConfidence(cell.span, regions);
        if (confidence < 0)
            continue;
        const bool rowInDoubt
            = !labelNamesRow(int(c), labelBefore(cell.span, regions, text), rules.reportTemplate());
        if (confidence < kMinOcrConfidence || rowInDoubt)
            unsure.emplace_back(int(c), rowInDoubt);
    }
    // Confirmed against the figures as read, before any is set aside: a rule that holds with
    // two unsure readings confirms both.
    std::vector<int> unconfirmed;
    for (const auto &[cell, rowInDoubt] : unsure) {
        if (!confirmedByARule(cell, rowInDoubt, cells, rules))
            unconfirmed.push_back(cell);
    }
    for (int cell : unconfirmed)
        makeUnreadable(cells[size_t(cell)], text);
    return int(unconfirmed.size());
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "uncertainocr.h"

#include "loaders/ocr/ocrlimits.h"
#include "rules/rulebook.h"

#include <algorithm>
#include <cmath>

namespace nianbao {

namespace {

/** A row label OCR read less surely than this may be another row's. */
constexpr int kMinLabelConfidence = 70;
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
    return std::any_of(text.begin(), text.end(),
                       [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; });
}

/**
 * The OCR confidence of the label of the line `span` stands on: the first words before it;
 * -1 if the line has none. A label misread (行政放 for 行政许可) can match another row's, and
 * put a right figure in the wrong row.
 */
int labelConfidence(const SourceSpan &span, const QList<PageRegion> &regions, const QString &text)
{
    const int lineStart = int(text.lastIndexOf(u'\n', span.start > 0 ? span.start - 1 : 0)) + 1;
    auto it
        = std::lower_bound(regions.begin(), regions.end(), lineStart,
                           [](const PageRegion &region, int start) { return region.end <= start; });
    for (; it != regions.end() && it->end <= span.start; ++it) {
        if (it->start >= lineStart
            && hasChinese(QStringView(text).sliced(it->start, it->end - it->start)))
            return it->confidence;
    }
    return -1;
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

bool confirmedByARule(int cell, const std::vector<CellValue> &cells, const RuleBook &rules)
{
    const std::vector<int> &checks = rules.checksOfCell(cell);
    return std::any_of(checks.begin(), checks.end(),
                       [&](int check) { return holds(rules.checks()[size_t(check)], cells); });
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
    std::vector<int> unsure;
    for (size_t c = 0; c < cells.size(); ++c) {
        const CellValue &cell = cells[c];
        if (cell.state != CellState::Extracted || !cell.span.isValid()
            || cell.span.end > text.size())
            continue;
        const int confidence = ocrConfidence(cell.span, regions);
        if (confidence < 0)
            continue;
        const int label = labelConfidence(cell.span, regions, text);
        if (confidence < kMinOcrConfidence || (label >= 0 && label < kMinLabelConfidence))
            unsure.push_back(int(c));
    }
    // Confirmed against the figures as read, before any is set aside: a rule that holds with
    // two unsure readings confirms both.
    std::vector<int> unconfirmed;
    for (int cell : unsure) {
        if (!confirmedByARule(cell, cells, rules))
            unconfirmed.push_back(cell);
    }
    for (int cell : unconfirmed)
        makeUnreadable(cells[size_t(cell)], text);
    return int(unconfirmed.size());
}

} // namespace nianbao

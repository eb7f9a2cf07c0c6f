// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentlayout.h"

#include "labelmatcher.h"

namespace nianbao {

namespace {

constexpr double kHeadingScore = 0.6;
constexpr int kMaxHeadingLength = 40;

QStringView stripMarkup(QStringView raw)
{
    static const QString kMarkup = QStringLiteral("#*>|-_= \t");
    qsizetype begin = 0;
    qsizetype end = raw.size();
    while (begin < end && kMarkup.contains(raw[begin]))
        ++begin;
    while (end > begin && kMarkup.contains(raw[end - 1]))
        --end;
    return raw.sliced(begin, end - begin);
}

/** A heading's leading numeral (三 of 三、…); empty if unnumbered. Sets *sub for (一) headings. */
QString leadingNumeral(QStringView text, bool *sub)
{
    static const QString kNumerals = QStringLiteral("一二三四五六七八九十");
    static const QString kAfterNumeral = QStringLiteral("、.,: ");
    *sub = text.startsWith(u'(');
    if (text.size() >= 2 && kNumerals.contains(text[0]) && kAfterNumeral.contains(text[1]))
        return text.first(1).toString();
    return {};
}

} // namespace

DocumentLayout::DocumentLayout(const NormalizedText &text, const ReportTemplate &reportTemplate)
    : m_lines(parseLines(text.text(), &text.displayWidths()))
    , m_headingLines(size_t(reportTemplate.sections().size()), -1)
{
    findHeadings(text.text(), reportTemplate);
}

DocumentLayout::DocumentLayout(const QString &normalizedText, const ReportTemplate &reportTemplate)
    : m_lines(parseLines(normalizedText))
    , m_headingLines(size_t(reportTemplate.sections().size()), -1)
{
    findHeadings(normalizedText, reportTemplate);
}

void DocumentLayout::findHeadings(const QString &text, const ReportTemplate &reportTemplate)
{
    const auto &sections = reportTemplate.sections();
    for (const TableLine &line : m_lines) {
        if (line.label.isEmpty() || line.hasValues() || line.label.size() > kMaxHeadingLength)
            continue;
        const QStringView content
            = stripMarkup(QStringView(text).sliced(line.start, line.end - line.start));
        bool sub = false;
        const QString numeral = leadingNumeral(content, &sub);
        if (sub)
            continue; // (一) … is a subsection of 一、总体情况, never a section
        const QString rest = labelKeyOfNormalized(numeral.isEmpty() ? content : content.sliced(2));
        for (int s = 0; s < int(sections.size()); ++s) {
            if (m_headingLines[size_t(s)] >= 0)
                continue;
            if (!numeral.isEmpty() && numeral != sections[s].number)
                continue;
            // An unnumbered heading must be the heading alone, not a phrase that mentions it.
            if (numeral.isEmpty() && rest.size() > sections[s].heading.size() + 2)
                continue;
            if (labelScore(rest, sections[s].variants) >= kHeadingScore) {
                m_headingLines[size_t(s)] = line.number;
                break;
            }
        }
    }
}

LineRange DocumentLayout::sectionRange(int section) const
{
    const int count = int(m_lines.size());
    int first = 0;
    if (m_headingLines[size_t(section)] >= 0) {
        first = m_headingLines[size_t(section)] + 1;
    } else {
        for (int s = section - 1; s >= 0; --s) {
            if (m_headingLines[size_t(s)] >= 0) {
                first = m_headingLines[size_t(s)] + 1;
                break;
            }
        }
    }
    int last = count;
    for (int s = section + 1; s < int(m_headingLines.size()); ++s) {
        const int line = m_headingLines[size_t(s)];
        if (line >= first && line < last)
            last = line;
    }
    return LineRange {first, last};
}

int DocumentLayout::firstHeadingLine() const
{
    int first = int(m_lines.size());
    for (int line : m_headingLines) {
        if (line >= 0)
            first = std::min(first, line);
    }
    return first;
}

} // namespace nianbao

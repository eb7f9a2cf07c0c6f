// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentlayout.h"

#include "labelmatcher.h"
#include "text/chinesenumerals.h"

namespace nianbao {

namespace {

constexpr double kHeadingScore = 0.6;
constexpr int kMaxHeadingLength = 40;
constexpr int kTableLinesBeforeAnotherReport = 3;
constexpr int kTitleLookBack = 4; ///< non-blank lines above a heading that may hold its title

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
    static const QString kAfterNumeral = QStringLiteral("、.,: ");
    *sub = text.startsWith(u'(');
    if (text.size() >= 2 && isHeadingNumeral(text[0]) && kAfterNumeral.contains(text[1]))
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
    // A heading with nothing under it before the next one (a table of contents) gives way to
    // the next line that is the same heading.
    std::vector<bool> bare(m_headingLines.size(), false);
    int lastSection = -1;
    int figureLines = 0; // lines with figures after the first heading: the tables were there
    for (const TableLine &line : m_lines) {
        if (lastSection >= 0 && line.hasValues() && !line.sentence)
            ++figureLines;
        bool opening = false;
        const int section = headingSection(text, line, reportTemplate, bare, &opening);
        if (opening && figureLines >= kTableLinesBeforeAnotherReport) {
            // 一、总体情况 after the tables: another report (a table of contents has no figures).
            m_secondReport = titleLineBefore(text, line.number);
            return;
        }
        if (section >= 0) {
            m_headingLines[size_t(section)] = line.number;
            bare[size_t(section)] = true;
            lastSection = section;
        } else if (!line.isBlank() && lastSection >= 0) {
            bare[size_t(lastSection)] = false;
        }
    }
}

/**
 * The section whose heading `line` is, if it was not found yet or only `bare`; else -1. Sets
 * *opening when the line is a numbered heading of the first section (一、总体情况), found or not.
 */
int DocumentLayout::headingSection(const QString &text, const TableLine &line,
                                   const ReportTemplate &reportTemplate,
                                   const std::vector<bool> &bare, bool *opening) const
{
    if (line.label.isEmpty() || line.hasValues() || line.label.size() > kMaxHeadingLength)
        return -1;
    const QStringView content
        = stripMarkup(QStringView(text).sliced(line.start, line.end - line.start));
    bool sub = false;
    const QString numeral = leadingNumeral(content, &sub);
    if (sub)
        return -1; // (一) … is a subsection of 一、总体情况, never a section
    const QString rest = labelKeyOfNormalized(numeral.isEmpty() ? content : content.sliced(2));
    const auto &sections = reportTemplate.sections();
    *opening = !sections.empty() && numeral == sections[0].number
        && labelScore(rest, sections[0].variants) >= kHeadingScore;
    for (int s = 0; s < int(sections.size()); ++s) {
        if (m_headingLines[size_t(s)] >= 0 && !bare[size_t(s)])
            continue;
        if (!numeral.isEmpty() && numeral != sections[s].number)
            continue;
        // An unnumbered heading must be the heading alone, not a phrase that mentions it.
        if (numeral.isEmpty() && rest.size() > sections[s].heading.size() + 2)
            continue;
        if (labelScore(rest, sections[s].variants) >= kHeadingScore)
            return s;
    }
    return -1;
}

/** The title line (…年度报告) just above a report's first heading, or the heading's line. */
int DocumentLayout::titleLineBefore(const QString &text, int line) const
{
    int lines = 0;
    for (int l = line - 1; l >= 0 && lines < kTitleLookBack; --l) {
        const TableLine &candidate = m_lines[size_t(l)];
        if (candidate.isBlank())
            continue;
        ++lines;
        const QStringView raw
            = QStringView(text).sliced(candidate.start, candidate.end - candidate.start);
        if (!candidate.sentence && (raw.contains(u"报告") || raw.contains(u"年度报")))
            return l;
    }
    return line;
}

int DocumentLayout::end() const
{
    return m_secondReport >= 0 ? m_secondReport : int(m_lines.size());
}

LineRange DocumentLayout::sectionRange(int section) const
{
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
    int last = end();
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

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "titleparser.h"

#include "text/chinesenumerals.h"

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kMaxTitleLines = 4;
constexpr int kLinesWithoutHeading = 8;
constexpr int kMaxTitleSearchLines = 400; ///< a web page's chrome before its title
constexpr int kMaxTitleLength = 200;
constexpr int kMaxAgencyLineLength = 30;

/** A line that only marks where the body begins (a crawler's 正文, ===== rules). */
bool isBodyMarker(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed == u"正文" || trimmed.startsWith(u"==") || trimmed.startsWith(u"---");
}

/**
 * The title text from line `first` on, with markup and spaces removed, so broken lines join
 * into one (2025 年上海市人民政府办公厅政府信息公开 / 工作年度报告).
 */
QString joinTitleLines(const QString &text, const DocumentLayout &layout, int first, int lastLine)
{
    static const QString kDropped = QStringLiteral("#*>|_`\"“”《》");
    QString joined;
    int used = 0;
    for (int l = first; l < lastLine && used < kMaxTitleLines; ++l) {
        const TableLine &line = layout.lines()[size_t(l)];
        if (line.isBlank()
            || isBodyMarker(QStringView(text).sliced(line.start, line.end - line.start)))
            continue;
        ++used;
        for (int i = line.start; i < line.end && joined.size() < kMaxTitleLength; ++i) {
            const QChar c = text[i];
            if (!c.isSpace() && !kDropped.contains(c))
                joined.append(c);
        }
        if (joined.contains(u"报告"))
            break;
    }
    return joined;
}

/** Finds a four-digit year followed by 年; returns its index and sets *year. */
qsizetype findYear(QStringView title, int *year)
{
    for (qsizetype i = 0; i + 4 < title.size(); ++i) {
        if (title[i + 4] != u'年')
            continue;
        const std::optional<int> value = parseYearNumeral(title.sliced(i, 4));
        if (value && *value >= 1990 && *value <= 2100) {
            *year = *value;
            return i;
        }
    }
    return -1;
}

QString trimAgency(QStringView agency)
{
    static const QString kTrim = QStringLiteral(",.:;、，。：；-—()");
    qsizetype begin = 0;
    qsizetype end = agency.size();
    while (begin < end && kTrim.contains(agency[begin]))
        ++begin;
    while (end > begin && kTrim.contains(agency[end - 1]))
        --end;
    QStringView trimmed = agency.sliced(begin, end - begin);
    // A metadata line (标题: …, 文章标题: …) names its field before a colon.
    const qsizetype colon = trimmed.lastIndexOf(u':');
    if (colon >= 0)
        trimmed = trimmed.sliced(colon + 1);
    if (trimmed.endsWith(u"关于"))
        trimmed.chop(2);
    return trimmed.toString();
}

} // namespace

namespace {

/** The agency and year of one title text, or an empty result. */
ReportTitle titleFrom(const QString &title, const ReportTemplate &reportTemplate)
{
    ReportTitle result;
    const qsizetype yearAt = findYear(title, &result.year);
    if (yearAt < 0)
        return result;
    QString agency = trimAgency(QStringView(title).first(yearAt));
    if (agency.isEmpty()) {
        // 2023年XX局政府信息公开工作年度报告: the agency follows the year.
        QStringView after = QStringView(title).sliced(yearAt + 5);
        if (after.startsWith(u'度'))
            after = after.sliced(1);
        qsizetype end = after.size();
        for (const QString &suffix : reportTemplate.titleSuffixes()) {
            const qsizetype at = after.indexOf(suffix);
            if (at >= 0)
                end = std::min(end, at);
        }
        agency = trimAgency(after.first(end));
    }
    result.agency = agency;
    return result;
}

/**
 * Whether line `l` can open a title: it holds the year (2023年XX局…, XX局2023年…) or is an
 * agency's name on a line of its own above it (淮安市人民政府 / 2024 年…), not a line of
 * site chrome that happens to stand above the title.
 */
bool beginsTitle(const QString &text, const DocumentLayout &layout, int l)
{
    static const QStringList kAgencyEndings
        = {u"政府"_s, u"局"_s,   u"委员会"_s, u"办公室"_s, u"办公厅"_s, u"厅"_s, u"委"_s,
           u"院"_s,   u"中心"_s, u"管委会"_s, u"街道"_s,   u"镇"_s,     u"乡"_s};
    const TableLine &line = layout.lines()[size_t(l)];
    const QString compact
        = QStringView(text).sliced(line.start, line.end - line.start).toString().remove(u' ');
    int year = 0;
    if (findYear(compact, &year) >= 0)
        return true;
    return compact.size() <= kMaxAgencyLineLength
        && std::any_of(kAgencyEndings.begin(), kAgencyEndings.end(),
                       [&](const QString &ending) { return compact.endsWith(ending); });
}

bool hasTitleSuffix(const QString &title, const ReportTemplate &reportTemplate)
{
    const auto &suffixes = reportTemplate.titleSuffixes();
    return std::any_of(suffixes.begin(), suffixes.end(),
                       [&](const QString &suffix) { return title.contains(suffix); });
}

} // namespace

ReportTitle parseTitle(const QString &normalizedText, const DocumentLayout &layout,
                       const ReportTemplate &reportTemplate)
{
    const int lines = int(layout.lines().size());
    const int headingLine = layout.firstHeadingLine();
    // The title line names the year and says what the document is (…年度报告); on a web page
    // or in a crawl it stands after the site's chrome or a metadata block (标题: …).
    const int searchEnd = std::min({headingLine, lines, kMaxTitleSearchLines});
    for (int l = 0; l < searchEnd; ++l) {
        if (layout.lines()[size_t(l)].isBlank())
            continue;
        const QString title = joinTitleLines(normalizedText, layout, l, searchEnd);
        if (!hasTitleSuffix(title, reportTemplate) || !beginsTitle(normalizedText, layout, l))
            continue;
        const ReportTitle found = titleFrom(title, reportTemplate);
        if (found.year > 0 && !found.agency.isEmpty())
            return found;
    }
    const int lastLine = headingLine < lines ? headingLine : std::min(lines, kLinesWithoutHeading);
    return titleFrom(joinTitleLines(normalizedText, layout, 0, lastLine), reportTemplate);
}

} // namespace nianbao

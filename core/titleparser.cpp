// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "titleparser.h"

namespace nianbao {

namespace {

constexpr int kMaxTitleLines = 4;
constexpr int kLinesWithoutHeading = 8;

/** The title text with markup and spaces removed, so broken lines join into one. */
QString joinTitleLines(const QString &text, const DocumentLayout &layout, int lastLine)
{
    static const QString kDropped = QStringLiteral("#*>|_`\"“”《》");
    QString joined;
    int used = 0;
    for (int l = 0; l < lastLine && used < kMaxTitleLines; ++l) {
        const TableLine &line = layout.lines()[size_t(l)];
        if (line.isBlank())
            continue;
        ++used;
        for (int i = line.start; i < line.end; ++i) {
            const QChar c = text[i];
            if (!c.isSpace() && !kDropped.contains(c))
                joined.append(c);
        }
        if (joined.contains(u"报告"))
            break;
    }
    return joined;
}

int chineseDigit(QChar c)
{
    static const QString kDigits = QStringLiteral("〇一二三四五六七八九");
    if (c == u'零' || c == u'O' || c == u'o')
        return 0;
    return int(kDigits.indexOf(c));
}

/** Finds a four-digit year followed by 年; returns its index and sets *year. */
qsizetype findYear(QStringView title, int *year)
{
    for (qsizetype i = 0; i + 4 < title.size(); ++i) {
        if (title[i + 4] != u'年')
            continue;
        int value = 0;
        bool digits = true;
        for (qsizetype k = 0; k < 4 && digits; ++k) {
            const QChar c = title[i + k];
            const int digit = c.isDigit() ? c.digitValue() : chineseDigit(c);
            digits = digit >= 0;
            value = value * 10 + digit;
        }
        if (digits && value >= 1990 && value <= 2100) {
            *year = value;
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
    if (trimmed.endsWith(u"关于"))
        trimmed.chop(2);
    return trimmed.toString();
}

} // namespace

ReportTitle parseTitle(const QString &normalizedText, const DocumentLayout &layout,
                       const ReportTemplate &reportTemplate)
{
    const int headingLine = layout.firstHeadingLine();
    const int lastLine = headingLine < int(layout.lines().size())
        ? headingLine
        : std::min(int(layout.lines().size()), kLinesWithoutHeading);
    const QString title = joinTitleLines(normalizedText, layout, lastLine);
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

} // namespace nianbao

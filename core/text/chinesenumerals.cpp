// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "chinesenumerals.h"

#include <QHash>
#include <QString>

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/parsepos.h>
#include <unicode/rbnf.h>
#include <unicode/unistr.h>

namespace nianbao {

namespace {

/** The numerals that multiply (十, 百 …); a run without one is read digit by digit (二〇二三). */
constexpr QStringView kMultipliers = u"十百千万亿拾佰仟";
/** Multipliers after which a final digit is colloquially abbreviated: 一百五 is 150, not 105. */
constexpr QStringView kAbbreviating = u"百千万亿佰仟";
constexpr QStringView kDigitNumerals = u"一二三四五六七八九壹贰叁肆伍陆柒捌玖";
/** The digits of a year written digit by digit, by value (二〇二三). */
constexpr QStringView kYearDigits = u"〇一二三四五六七八九";
constexpr int kMaxYearDigits = 9; ///< an int holds nine decimal digits
constexpr qsizetype kMaxKnownNumerals = 1024;

/**
 * ICU's spellout rules for zh. One per thread: RuleBasedNumberFormat is not documented as safe
 * for concurrent parsing, and batch checks read reports on several threads.
 */
const icu::RuleBasedNumberFormat *chineseSpellout()
{
    struct Spellout
    {
        // ICU reports U_USING_DEFAULT_WARNING for "zh" although it loads the zh rules; only a
        // failure matters.
        UErrorCode status = U_ZERO_ERROR;
        icu::RuleBasedNumberFormat format {icu::URBNF_SPELLOUT, icu::Locale("zh"), status};
    };
    thread_local const Spellout instance;
    return U_FAILURE(instance.status) ? nullptr : &instance.format;
}

/** One digit of a year: any Unicode decimal digit, 〇 to 九, 零, or O typed for 〇; else -1. */
int yearDigit(QChar c)
{
    if (c.isDigit())
        return c.digitValue();
    if (c == u'零' || c == u'O' || c == u'o')
        return 0;
    return int(kYearDigits.indexOf(c));
}

} // namespace

std::optional<double> parseChineseCount(QStringView numeral)
{
    if (numeral.isEmpty() || numeral.size() > kMaxCountNumeralLength)
        return std::nullopt;
    // ICU 72's zh rules read 两 only where their alternate rule set writes it (两, 两百, 两千,
    // 两万) and stop before a later one (两百零两 parses as 200), so 两 becomes the 二 it means.
    QString digits = numeral.toString();
    bool multiplied = false;
    for (QChar &c : digits) {
        if (c == u'两' || c == u'兩')
            c = u'二';
        if (!isChineseNumeral(c))
            return std::nullopt;
        multiplied = multiplied || kMultipliers.contains(c);
    }
    // ICU reads 一二 as 12 and 二〇二三 as 2023 (its year rules) but 一〇五 as 10: a run of
    // digits without a multiplier is not a count reports write, so it is no figure.
    if (!multiplied && digits.size() > 1)
        return std::nullopt;
    // ICU reads 一百五 as 105 and 一千二 as 1002; colloquially they are 150 and 1200. Ambiguous.
    if (digits.size() >= 2 && kDigitNumerals.contains(digits.back())
        && kAbbreviating.contains(digits[digits.size() - 2]))
        return std::nullopt;
    // RBNF parsing tries every public rule set of zh and costs tens of microseconds; reports
    // repeat a few small numerals, so each thread remembers what it has read.
    thread_local QHash<QString, std::optional<double>> known;
    if (const auto found = known.constFind(digits); found != known.cend())
        return *found;
    if (known.size() >= kMaxKnownNumerals)
        known.clear();
    std::optional<double> parsed;
    if (const icu::RuleBasedNumberFormat *format = chineseSpellout()) {
        const icu::UnicodeString text(false, digits.utf16(), int32_t(digits.size()));
        icu::Formattable result;
        icu::ParsePosition position(0);
        format->parse(text, result, position);
        UErrorCode status = U_ZERO_ERROR;
        const double value = result.getDouble(status);
        if (position.getIndex() == text.length() && U_SUCCESS(status) && value >= 0)
            parsed = value;
    }
    known.insert(digits, parsed);
    return parsed;
}

std::optional<int> parseYearNumeral(QStringView numeral)
{
    if (numeral.isEmpty() || numeral.size() > kMaxYearDigits)
        return std::nullopt;
    int value = 0;
    for (QChar c : numeral) {
        const int digit = yearDigit(c);
        if (digit < 0)
            return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

} // namespace nianbao

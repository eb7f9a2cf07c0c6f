// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChar>
#include <QStringView>

#include <optional>

namespace nianbao {

/*
 * The one place that knows how reports write numbers in characters: which characters are
 * digits or Chinese numerals, and how a count (六, 两百零二), a year (二〇二三) or a heading
 * number (三、) reads. StatedFigureReader, the table tokenizer (tableline), the fused table
 * reader, DocumentLayout and the title parser use it.
 *
 * The character tests are inline: the tokenizer asks them of every character of a document.
 */

/** 0–9 only; a full-width ６ or another script's digit is no ASCII digit. */
constexpr bool isAsciiDigit(char16_t c)
{
    return c >= u'0' && c <= u'9';
}

constexpr bool isAsciiDigit(QChar c)
{
    return isAsciiDigit(c.unicode());
}

/**
 * A Chinese numeral, everyday or financial (大写): 〇零一二两兩三四五六七八九十百千万亿 and
 * 壹贰叁肆伍陆柒捌玖拾佰仟. A switch, not a string search.
 */
constexpr bool isChineseNumeral(char16_t c)
{
    if (c < u'〇')
        return false; // ASCII, Latin and most punctuation: one comparison
    switch (c) {
    case u'〇':
    case u'零':
    case u'一':
    case u'二':
    case u'两':
    case u'兩':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
    case u'百':
    case u'千':
    case u'万':
    case u'亿':
    case u'壹':
    case u'贰':
    case u'叁':
    case u'肆':
    case u'伍':
    case u'陆':
    case u'柒':
    case u'捌':
    case u'玖':
    case u'拾':
    case u'佰':
    case u'仟':
        return true;
    default:
        return false;
    }
}

constexpr bool isChineseNumeral(QChar c)
{
    return isChineseNumeral(c.unicode());
}

/** A numeral that numbers a section heading (三 of 三、…): 一 to 十. */
constexpr bool isHeadingNumeral(char16_t c)
{
    switch (c) {
    case u'一':
    case u'二':
    case u'三':
    case u'四':
    case u'五':
    case u'六':
    case u'七':
    case u'八':
    case u'九':
    case u'十':
        return true;
    default:
        return false;
    }
}

constexpr bool isHeadingNumeral(QChar c)
{
    return isHeadingNumeral(c.unicode());
}

/** The most characters parseChineseCount reads; a longer run of numerals is no count. */
constexpr int kMaxCountNumeralLength = 16;

/**
 * Reads a count written in Chinese numerals (六, 两, 十二, 一百零五, 一百〇五, 壹拾贰) with ICU's
 * rule-based spellout for zh; nullopt unless the whole string is one unambiguous number. A run of
 * digits without a multiplier (二〇二三) is no count, and 一百五 (150 or 105?) is ambiguous.
 * StatedFigureReader reads 共收到申请六件 with it.
 */
std::optional<double> parseChineseCount(QStringView numeral);

/**
 * Reads a year written digit by digit: 2023, 二〇二三, 二零二三, or 二O二三 (the letter O typed
 * for 〇, as titles often are). Any Unicode decimal digit counts. Nullopt unless every character
 * is a digit, or for more digits than a year has room for. The title parser reads 2023年 with it.
 */
std::optional<int> parseYearNumeral(QStringView numeral);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QLocale>

#include <charconv>
#include <cmath>

namespace nianbao {

namespace {

char hexDigit(unsigned digit)
{
    return char(digit < 10 ? '0' + digit : 'a' + digit - 10);
}

void appendEscape(QByteArray &out, char16_t unit)
{
    const char escaped[] = {'\\',
                            'u',
                            hexDigit((unit >> 12) & 0xf),
                            hexDigit((unit >> 8) & 0xf),
                            hexDigit((unit >> 4) & 0xf),
                            hexDigit(unit & 0xf)};
    out.append(escaped, sizeof escaped);
}

void appendAscii(QByteArray &out, char16_t unit)
{
    switch (unit) {
    case u'"':
        out.append("\\\"");
        return;
    case u'\\':
        out.append("\\\\");
        return;
    case u'\b':
        out.append("\\b");
        return;
    case u'\f':
        out.append("\\f");
        return;
    case u'\n':
        out.append("\\n");
        return;
    case u'\r':
        out.append("\\r");
        return;
    case u'\t':
        out.append("\\t");
        return;
    default:
        if (unit < 0x20)
            appendEscape(out, unit);
        else
            out.append(char(unit));
    }
}

void appendUtf8(QByteArray &out, char32_t code)
{
    char bytes[4];
    int size = 0;
    if (code < 0x800) {
        bytes[size++] = char(0xc0 | (code >> 6));
    } else if (code < 0x10000) {
        bytes[size++] = char(0xe0 | (code >> 12));
        bytes[size++] = char(0x80 | ((code >> 6) & 0x3f));
    } else {
        bytes[size++] = char(0xf0 | (code >> 18));
        bytes[size++] = char(0x80 | ((code >> 12) & 0x3f));
        bytes[size++] = char(0x80 | ((code >> 6) & 0x3f));
    }
    bytes[size++] = char(0x80 | (code & 0x3f));
    out.append(bytes, size);
}

} // namespace

void appendJsonString(QByteArray &out, QStringView text)
{
    out.append('"');
    const char16_t *unit = text.utf16();
    const char16_t *const end = unit + text.size();
    while (unit != end) {
        const char16_t u = *unit++;
        if (u < 0x80) {
            appendAscii(out, u);
        } else if (QChar::isHighSurrogate(u) && unit != end && QChar::isLowSurrogate(*unit)) {
            appendUtf8(out, QChar::surrogateToUcs4(u, *unit++));
        } else if (QChar::isSurrogate(u)) {
            appendEscape(out, u); // a lone surrogate has no UTF-8 form; Qt escapes it too
        } else {
            appendUtf8(out, u);
        }
    }
    out.append('"');
}

void appendJsonNumber(QByteArray &out, double number)
{
    // QJsonValue(double) keeps an integral value up to 2^53 as an integer, printed without
    // exponent; anything else is printed in the shortest form that reads back the same.
    constexpr double kLargestExactInteger = 9007199254740992.0;
    if (!std::isfinite(number)) {
        out.append("null");
    } else if (std::trunc(number) == number && std::abs(number) <= kLargestExactInteger) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, qint64(number)).ptr;
        out.append(digits, end - digits);
    } else {
        out.append(QByteArray::number(number, 'g', QLocale::FloatingPointShortest));
    }
}

void JsonWriter::key(const char *name)
{
    separate();
    m_out.append('"').append(name).append("\":");
    m_afterKey = true;
}

void JsonWriter::value(QStringView text)
{
    separate();
    appendJsonString(m_out, text);
}

void JsonWriter::value(double number)
{
    separate();
    appendJsonNumber(m_out, number);
}

void JsonWriter::value(qint64 number)
{
    separate();
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, number).ptr;
    m_out.append(digits, end - digits);
}

void JsonWriter::value(const std::optional<double> &number)
{
    if (number)
        value(*number);
    else
        null();
}

void JsonWriter::null()
{
    separate();
    m_out.append("null");
}

void JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
}

void JsonWriter::separate()
{
    if (m_afterKey)
        m_afterKey = false;
    else if (!m_first)
        m_out.append(',');
    m_first = false;
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out.append(bracket);
    m_first = true;
}

void JsonWriter::close(char bracket)
{
    m_out.append(bracket);
    m_first = false;
    m_afterKey = false;
}

} // namespace nianbao

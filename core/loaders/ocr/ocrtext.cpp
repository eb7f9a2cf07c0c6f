// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocrtext.h"

#include "ocrlimits.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

bool isCjk(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0x3000 && u <= 0x9FFF) || (u >= 0xF900 && u <= 0xFAFF)
        || (u >= 0xFF00 && u <= 0xFFEF);
}

bool dropsSpaceBetween(QChar before, QChar after, DigitSpaces digitSpaces)
{
    return isCjk(before) || isCjk(after)
        || (digitSpaces == DigitSpaces::Join && before.isDigit() && after.isDigit());
}

/** The digit a letter OCR confuses with it stands for, or a null QChar. */
QChar digitFor(QChar c)
{
    switch (c.unicode()) {
    case u'O':
    case u'o':
    case u'D':
    case u'Q':
        return u'0';
    case u'l':
    case u'I':
    case u'|':
    case u'i':
        return u'1';
    case u'Z':
    case u'z':
        return u'2';
    case u'S':
    case u's':
        return u'5';
    case u'B':
        return u'8';
    default:
        return {};
    }
}

bool isFigureButForLetters(QStringView text)
{
    const bool hasDigit
        = std::any_of(text.begin(), text.end(), [](QChar c) { return c.isDigit(); });
    return hasDigit && std::all_of(text.begin(), text.end(), [](QChar c) {
               return c.isDigit() || !digitFor(c).isNull();
           });
}

} // namespace

bool isHanCharacter(QChar c)
{
    return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF;
}

QString tidyOcrText(const QString &text, DigitSpaces digitSpaces)
{
    const QString simple = text.simplified();
    QString tidy;
    tidy.reserve(simple.size());
    for (qsizetype i = 0; i < simple.size(); ++i) {
        const QChar c = simple[i];
        if (c == u' ' && i > 0 && i + 1 < simple.size()
            && dropsSpaceBetween(simple[i - 1], simple[i + 1], digitSpaces))
            continue;
        tidy += c;
    }
    return tidy;
}

QString tidyOcrCell(const QString &text, int *confidence)
{
    QString tidy = tidyOcrText(text);
    QString figure = tidy;
    figure.remove(u' ');
    if (!isFigureButForLetters(figure))
        return tidy;
    bool guessed = false;
    for (QChar &c : figure) {
        if (!c.isDigit()) {
            c = digitFor(c);
            guessed = true;
        }
    }
    if (guessed)
        *confidence = std::min(*confidence, kMinOcrConfidence - 1);
    return figure;
}

QString tidyOcrLine(const QString &text)
{
    static const QString kSpecks = u".,|_~`'\";:-·。，、 "_qs;
    QString line = tidyOcrText(text);
    qsizetype start = 0;
    while (start < line.size() && kSpecks.contains(line[start]))
        ++start;
    return line.sliced(start);
}

QString tidyOcrSpanningCell(const QString &text)
{
    return tidyOcrText(text, DigitSpaces::Keep);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "terminaltext.h"

#include <algorithm>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

bool isControl(char16_t c)
{
    const bool bidiControl = (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e || c == 0x200f || c == 0x061c;
    return c < 0x20 || (c >= 0x7f && c <= 0x9f) || bidiControl;
}

QString escaped(const QString &text, bool keepLines)
{
    const auto escapes = [keepLines](QChar c) {
        return isControl(c.unicode()) && !(keepLines && (c == u'\n' || c == u'\t'));
    };
    if (std::none_of(text.cbegin(), text.cend(), escapes))
        return text;
    QString escaped;
    escaped.reserve(text.size() + 8);
    for (const QChar c : text) {
        if (!escapes(c))
            escaped += c;
        else if (c.unicode() < 0x100)
            escaped += u"\\x"_s + QString::number(c.unicode(), 16).rightJustified(2, u'0');
        else
            escaped += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
    }
    return escaped;
}

} // namespace

QString printable(const QString &text)
{
    return escaped(text, false);
}

QString printableLines(const QString &text)
{
    return escaped(text, true);
}

bool stdoutIsTerminal()
{
    return isatty(STDOUT_FILENO) == 1;
}

bool stderrIsTerminal()
{
    return isatty(STDERR_FILENO) == 1;
}

} // namespace nianbao

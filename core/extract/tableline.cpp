// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableline.h"

#include "clock.h"
#include "reporttemplate.h"
#include "text/chinesenumerals.h"
#include "text/normalizedtext.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kMaxLabelLength = 90;
/**
 * The largest figure a cell may hold: a double counts every whole number up to 2^53 exactly,
 * beyond it 999999999999999999 would read as 1000000000000000000. Larger is refused, not rounded.
 */
constexpr quint64 kMaxExactFigure = quint64(1) << 53;
/** Digits a figure may have: 2^53 has 16, and a decimal figure keeps no more than a double. */
constexpr int kMaxFigureDigits = 16;
constexpr quint64 kTenThousand = 10000; ///< 万

bool isSpace(char16_t c)
{
    return c == u' ' || c == u'\t' || c == u'\f' || c == u'\v' || c == 0x3000 || c == 0xA0;
}

/** Counting units that reports write after a figure inside a table cell; they change nothing. */
constexpr QStringView kCountUnits[] = {u"件", u"条", u"个", u"项", u"次"};

QStringView chopSuffix(QStringView token, QStringView suffix)
{
    return token.size() > suffix.size() && token.endsWith(suffix) ? token.chopped(suffix.size())
                                                                  : token;
}

/** The figure without its unit (6件, 10万, 3.5万元, 800元), and the unit that scales it. */
QStringView stripUnit(QStringView token, FigureUnit *unit)
{
    *unit = FigureUnit::None;
    if (token.isEmpty() || isAsciiDigit(token.back().unicode()))
        return token; // the common case: no unit
    if (QStringView bare = chopSuffix(token, u"万元"); bare.size() != token.size()) {
        *unit = FigureUnit::TenThousandYuan;
        return bare;
    }
    if (QStringView bare = chopSuffix(token, u"元"); bare.size() != token.size()) {
        *unit = FigureUnit::Yuan;
        return bare;
    }
    for (QStringView countUnit : kCountUnits) {
        if (QStringView bare = chopSuffix(token, countUnit); bare.size() != token.size()) {
            token = bare;
            break;
        }
    }
    if (QStringView bare = chopSuffix(token, u"万"); bare.size() != token.size()) {
        *unit = FigureUnit::TenThousand;
        return bare;
    }
    return token;
}

bool isDebris(QStringView token)
{
    static const QString kDebris = QStringLiteral("+>~*#`=_^·•|:;'\"<[]{}");
    for (QChar c : token) {
        if (!kDebris.contains(c))
            return false;
    }
    return true;
}

bool isBlankMark(QStringView token)
{
    static const QString kDashes = QStringLiteral("-—–―─/\\");
    if (token == u"无" || token == u"空")
        return true;
    for (QChar c : token) {
        if (!kDashes.contains(c))
            return false;
    }
    return true;
}

/**
 * A run of three or more '-' in a cell of a pipe row: part of a drawn grid line that crosses the
 * row (w3m draws ├───┼── beside a header cell that spans rows), not a dash for a blank cell.
 */
bool isRuleSegment(QStringView token)
{
    return token.size() >= 3
        && std::all_of(token.begin(), token.end(), [](QChar c) { return c == u'-'; });
}

/** OCR renderings of digits (l0, O, 1O): stand in a figure's place but read as no number. */
bool isFigureLike(QStringView token)
{
    static const QString kLookalikes = QStringLiteral("OoIlLSsBbZzg|");
    bool lookalike = false;
    for (QChar c : token) {
        if (kLookalikes.contains(c))
            lookalike = true;
        else if (!isAsciiDigit(c.unicode()) && c != u'.' && c != u',')
            return false;
    }
    return lookalike && token.size() <= 8;
}

/** Signs and marks that stand among digits in things that are no figure (1e3, 10%, 1⁄2). */
bool isFigureMark(char16_t c)
{
    return c == u'.' || c == u',' || c == u'+' || c == u'-' || c == u'%' || c == 0x2044;
}

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

/**
 * A token standing where a figure should that is no figure the engine reads: digits with
 * letters or signs (6x, 1e3, 0x10, 10%), a fraction (NFKC writes ½ as 1⁄2), digits of another
 * script (٦), more digits than a figure may have, Chinese numerals (十万万), or OCR's mark for a
 * figure it could not read (U+FFFD). It is read as
 * unreadable in its own cell; read as text, it would turn the row's figures into its label.
 * Chinese numerals alone count only after the line's first token, which may be an enumerator.
 */
bool isUnreadableFigure(QStringView token, bool firstOnLine)
{
    // OCR writes U+FFFD where a cell holds ink it cannot read as a figure (a seal over it).
    if (token == QChar(QChar::ReplacementCharacter))
        return true;
    bool digit = false;
    bool numeralsOnly = true;
    for (QChar c : token) {
        // Table cells have never counted the traditional 兩 as a numeral; stated figures do.
        const bool numeral = isChineseNumeral(c.unicode()) && c != u'兩';
        numeralsOnly = numeralsOnly && numeral;
        if (isAsciiDigit(c.unicode())
            || (c.unicode() >= 0x80 && c.isDigit())) // Unicode Nd, any script
            digit = true;
        else if (!numeral && !isAsciiLetter(c) && !isFigureMark(c.unicode()))
            return false;
    }
    return digit || (numeralsOnly && !firstOnLine);
}

bool isEnumerator(QStringView token)
{
    if (token.size() < 2)
        return false;
    const QChar last = token.back();
    if (last != u'.' && last != u'、' && last != u')')
        return false;
    for (QChar c : token.chopped(1)) {
        if (!isAsciiDigit(c.unicode()) && c != u'(')
            return false;
    }
    return true;
}

TokenKind classify(QStringView token, bool firstOnLine, double *value, FigureUnit *unit)
{
    if (firstOnLine && isEnumerator(token))
        return TokenKind::Label;
    if (parseFigure(token, value, unit))
        return TokenKind::Number;
    if (isDebris(token))
        return TokenKind::Debris;
    if (isBlankMark(token))
        return TokenKind::Blank;
    if (isFigureLike(token) || isEnumerator(token) || isUnreadableFigure(token, firstOnLine))
        return TokenKind::Unreadable;
    return TokenKind::Label;
}

LineLayout detectLayout(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    if (trimmed.startsWith(u'|') || line.count(u'|') >= 2) {
        for (QChar c : trimmed) {
            if (c != u'|' && c != u'-' && c != u':' && c != u' ' && c != u'+')
                return LineLayout::Pipes;
        }
        return LineLayout::PipeRule;
    }
    return line.contains(u'\t') ? LineLayout::Tabs : LineLayout::Spaces;
}

/**
 * A page number a PDF's text kept where the page broke (- 2 -, —2—, 第2页, 第 2 页 共 6 页, 2/6):
 * between a row's label and its figures it would pass for the row's only figure. A bare 2 is
 * no page number here: it may be a cell.
 */
bool isPageNumberLine(QStringView raw)
{
    const QStringView trimmed = raw.trimmed();
    if (trimmed.size() < 3 || trimmed.size() > 16)
        return false;
    const QChar first = trimmed.front();
    if (first != u'-' && first != u'—' && first != u'–' && first != u'第' && !first.isDigit())
        return false;
    static const QRegularExpression pattern(
        uR"(^(?:[-—–]+\s*\d{1,4}\s*[-—–]+|第\s*\d{1,4}\s*页(?:\s*[,，]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4})$)"_s);
    return pattern.match(trimmed).hasMatch();
}

} // namespace

QString withoutPageNumbers(const QString &text)
{
    QString out = text;
    qsizetype start = 0;
    while (start < out.size()) {
        qsizetype end = start;
        while (end < out.size() && out[end] != u'\n' && out[end] != u'\r')
            ++end;
        if (end - start <= 24 && isPageNumberLine(QStringView(text).sliced(start, end - start)))
            std::fill(out.begin() + start, out.begin() + end, QChar(u' '));
        start = end + 1;
    }
    return out;
}

namespace {

/** A Markdown rule on a line of its own (---, ***, ___, ===): a separator, never a blank cell. */
bool isRuleLine(QStringView raw)
{
    const QStringView trimmed = raw.trimmed();
    return trimmed.size() >= 3 && std::all_of(trimmed.begin(), trimmed.end(), [&](QChar c) {
               return c == trimmed.front() && (c == u'-' || c == u'*' || c == u'_' || c == u'=');
           });
}

void finishLine(const QString &text, TableLine &line)
{
    const QStringView raw = QStringView(text).sliced(line.start, line.end - line.start);
    if (line.layout == LineLayout::Spaces && (isPageNumberLine(raw) || isRuleLine(raw))) {
        line.tokens.clear();
        return;
    }
    int lastLabel = -1;
    for (int i = 0; i < int(line.tokens.size()); ++i) {
        if (line.tokens[size_t(i)].kind == TokenKind::Label)
            lastLabel = i;
    }
    // Between the words of a label, a numeral is part of the label (属于 三 类内部事务信息).
    for (int i = 0; i < lastLabel; ++i) {
        Token &token = line.tokens[size_t(i)];
        const QStringView written = QStringView(text).sliced(token.start, token.end - token.start);
        if (token.kind == TokenKind::Unreadable && !isFigureLike(written) && !isEnumerator(written))
            token.kind = TokenKind::Label;
    }
    // One reused buffer per thread, then one exact allocation: lines are many and short.
    thread_local std::u16string key;
    key.clear();
    for (int i = 0; i <= lastLabel; ++i) {
        const Token &token = line.tokens[size_t(i)];
        if (token.kind == TokenKind::Label)
            appendLabelKey(QStringView(text).sliced(token.start, token.end - token.start), key);
    }
    line.firstValue = lastLabel + 1;
    if (!key.empty())
        line.label = QString(reinterpret_cast<const QChar *>(key.data()), qsizetype(key.size()));
    line.sentence = raw.contains(u'。') || line.label.size() > kMaxLabelLength;
}

/** 1,000 and 12,345.5: every group after the first (not 0) has exactly three digits. */
bool hasValidThousands(QStringView token)
{
    const qsizetype dot = token.indexOf(u'.');
    const QStringView whole = dot < 0 ? token : token.first(dot);
    const QList<QStringView> groups = whole.split(u',');
    if (groups.front().isEmpty() || groups.front().size() > 3 || groups.front().front() == u'0')
        return false; // 0,100 is no number; neither is 0 100, two figures in one cell
    for (qsizetype g = 1; g < groups.size(); ++g) {
        if (groups[g].size() != 3)
            return false;
    }
    return true;
}

/**
 * A tab or pipe cell is one cell of the table: figures written 1 000 in it become one token
 * instead of two figures competing for its column.
 */
void joinSpacedThousands(const QString &text, std::vector<Token> &tokens)
{
    const auto sameCellFigures = [](const Token &a, const Token &b) {
        return a.field == b.field && a.kind == TokenKind::Number && b.kind == TokenKind::Number;
    };
    if (std::adjacent_find(tokens.begin(), tokens.end(), sameCellFigures) == tokens.end())
        return; // the common case: one figure per cell
    std::vector<Token> joined;
    for (size_t i = 0; i < tokens.size(); ++i) {
        size_t last = i;
        while (last + 1 < tokens.size() && sameCellFigures(tokens[last], tokens[last + 1]))
            ++last;
        Token token = tokens[i];
        if (last > i) {
            // 1 000 is read as 1,000 is, so the same digit-group rules apply.
            const QString figure = QStringView(text)
                                       .sliced(token.start, tokens[last].end - token.start)
                                       .toString()
                                       .replace(u' ', u',');
            if (parseFigure(figure, &token.value, &token.unit)) {
                token.end = tokens[last].end;
                token.columnEnd = tokens[last].columnEnd;
                i = last;
            }
        }
        joined.push_back(token);
    }
    tokens.swap(joined);
}

/**
 * Words that may follow a figure inside its cell: a unit (6 件, 3.5 万元) or letters and signs
 * (6 x, 1 e3). Words of a label (1 属于国家秘密) are none of these.
 */
bool isCellSuffixWord(QStringView word)
{
    for (QStringView unit : {QStringView(u"万元"), QStringView(u"元"), QStringView(u"万")}) {
        if (word == unit)
            return true;
    }
    for (QStringView countUnit : kCountUnits) {
        if (word == countUnit)
            return true;
    }
    return std::all_of(word.begin(), word.end(),
                       [](QChar c) { return isAsciiLetter(c) || isFigureMark(c.unicode()); });
}

/**
 * A cell that holds a figure followed by words (6 件, 6 x) is one token, read whole: a figure
 * with its unit, or an unreadable token quoting the cell. Read apart, the words would be a label,
 * and a label after the figures makes them all part of the row's label. A word is in the
 * figure's cell when it is in the same tab or pipe field, or, in a space-aligned line, one space
 * after it.
 */
void joinCellWords(const QString &text, LineLayout layout, std::vector<Token> &tokens)
{
    const auto sameCell = [&](const Token &a, const Token &b) {
        return layout == LineLayout::Spaces ? b.column - a.columnEnd <= 1 : a.field == b.field;
    };
    const auto wordAfterValue = [&](const Token &a, const Token &b) {
        return (a.kind == TokenKind::Number || a.kind == TokenKind::Unreadable)
            && b.kind == TokenKind::Label && sameCell(a, b)
            && isCellSuffixWord(QStringView(text).sliced(b.start, b.end - b.start));
    };
    if (std::adjacent_find(tokens.begin(), tokens.end(), wordAfterValue) == tokens.end())
        return; // the common case: figures stand alone in their cells
    std::vector<Token> joined;
    for (size_t i = 0; i < tokens.size(); ++i) {
        Token token = tokens[i];
        size_t last = i;
        while (last + 1 < tokens.size() && wordAfterValue(tokens[last], tokens[last + 1]))
            ++last;
        if (last > i) {
            QString written
                = QStringView(text).sliced(token.start, tokens[last].end - token.start).toString();
            written.removeIf([](QChar c) { return isSpace(c.unicode()); });
            token.kind = parseFigure(written, &token.value, &token.unit) ? TokenKind::Number
                                                                         : TokenKind::Unreadable;
            token.end = tokens[last].end;
            token.columnEnd = tokens[last].columnEnd;
            i = last;
        }
        joined.push_back(token);
    }
    tokens.swap(joined);
}

} // namespace

bool parseFigure(QStringView token, double *value, FigureUnit *unit)
{
    token = stripUnit(token, unit);
    const bool negative = token.startsWith(u'-');
    if (negative)
        token = token.sliced(1);
    if (token.isEmpty() || !isAsciiDigit(token.front().unicode())
        || !isAsciiDigit(token.back().unicode()))
        return false;
    // Whole numbers, the common case, without allocating; decimals go through toDouble.
    quint64 whole = 0; // exact: kMaxFigureDigits digits fit
    int digits = 0;
    bool comma = false;
    qsizetype dot = -1;
    for (qsizetype i = 0; i < token.size(); ++i) {
        const char16_t c = token[i].unicode();
        if (isAsciiDigit(c)) {
            if (++digits > kMaxFigureDigits)
                return false;
            if (dot < 0)
                whole = whole * 10 + quint64(c - u'0');
        } else if (c == u'.' && dot < 0) {
            dot = i;
        } else if (c == u',' && dot < 0) {
            comma = true;
        } else {
            return false;
        }
    }
    const quint64 scale = *unit == FigureUnit::TenThousand ? kTenThousand : 1;
    if (whole > kMaxExactFigure / scale)
        return false; // refused, not rounded: the cell is unreadable and quotes what is written
    if (comma && !hasValidThousands(token))
        return false;
    double parsed = double(whole);
    if (dot >= 0) {
        bool ok = false;
        parsed = token.toString().remove(u',').toDouble(&ok);
        if (!ok)
            return false;
    }
    *value = negative ? -parsed : parsed;
    return true;
}

bool parseFigure(QStringView token, double *value)
{
    double written = 0;
    FigureUnit unit = FigureUnit::None;
    if (!parseFigure(token, &written, &unit))
        return false;
    *value = figureValue(written, unit, false);
    return true;
}

double figureValue(double written, FigureUnit unit, bool inTenThousandYuan)
{
    double value = written;
    if (inTenThousandYuan && unit == FigureUnit::Yuan)
        value = written / double(kTenThousand);
    else if (!inTenThousandYuan && unit == FigureUnit::TenThousand)
        value = written * double(kTenThousand);
    // 1.23万 is 12300, not 12300.000000000002: keep the whole number the writer meant.
    const double nearest = std::round(value);
    return std::abs(value - nearest) < 1e-6 ? nearest : value;
}

bool TableLine::hasValues() const
{
    for (size_t i = size_t(firstValue); i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Debris)
            return true;
    }
    return false;
}

std::vector<const Token *> TableLine::values() const
{
    std::vector<const Token *> result;
    for (size_t i = size_t(firstValue); i < tokens.size(); ++i) {
        if (tokens[i].kind != TokenKind::Debris && tokens[i].kind != TokenKind::Label)
            result.push_back(&tokens[i]);
    }
    return result;
}

double TableLine::position(const Token &token) const
{
    if (layout == LineLayout::Spaces)
        return (token.column + token.columnEnd) / 2.0;
    return token.field;
}

TableLine parseLine(const QString &text, int start, int end, int number,
                    const std::vector<quint8> *widths)
{
    TableLine line;
    line.number = number;
    line.start = start;
    line.end = end;
    const QStringView raw = QStringView(text).sliced(start, end - start);
    line.layout = detectLayout(raw);
    if (line.layout == LineLayout::PipeRule)
        return line;
    const char16_t separator = line.layout == LineLayout::Pipes ? u'|'
        : line.layout == LineLayout::Tabs                       ? u'\t'
                                                                : 0;
    const bool leadingPipe = line.layout == LineLayout::Pipes && raw.trimmed().startsWith(u'|');
    thread_local std::vector<Token> tokens; // reused, then copied once at its final size
    tokens.clear();
    int field = leadingPipe ? -1 : 0;
    int column = 0;
    int tokenStart = -1;
    int tokenColumn = 0;
    auto closeToken = [&](int at) {
        if (tokenStart < 0)
            return;
        Token token;
        token.start = tokenStart;
        token.end = at;
        token.field = line.layout == LineLayout::Spaces ? int(tokens.size()) : field;
        token.column = tokenColumn;
        token.columnEnd = column;
        const QStringView written = QStringView(text).sliced(tokenStart, at - tokenStart);
        token.kind = classify(written, tokens.empty(), &token.value, &token.unit);
        if (line.layout == LineLayout::Pipes && isRuleSegment(written))
            token.kind = TokenKind::Debris;
        tokens.push_back(token);
        tokenStart = -1;
    };
    for (int i = start; i < end; ++i) {
        const char16_t c = text[i].unicode();
        if (separator && c == separator) {
            closeToken(i);
            ++field;
            column += 1;
            continue;
        }
        if (isSpace(c)) {
            closeToken(i);
            column += c == u'\t' ? 8 - column % 8 : 1;
            continue;
        }
        if (tokenStart < 0) {
            tokenStart = i;
            tokenColumn = column;
        }
        if (widths)
            column += (*widths)[size_t(i)];
        else if (!QChar::isLowSurrogate(c))
            column += NormalizedText::displayWidth(c);
    }
    closeToken(end);
    if (separator)
        joinSpacedThousands(text, tokens);
    joinCellWords(text, line.layout, tokens);
    line.tokens.assign(tokens.begin(), tokens.end());
    finishLine(text, line);
    return line;
}

std::vector<TableLine> parseLines(const QString &text, const std::vector<quint8> *widths)
{
    // Checking the read's budget costs a clock read: every so many lines is enough to stop a
    // slow file within a fraction of a second.
    constexpr int kLinesPerBudgetCheck = 4096;
    std::vector<TableLine> lines;
    lines.reserve(size_t(text.count(u'\n')) + 1);
    const int size = int(text.size());
    int start = 0;
    for (int i = 0; i <= size; ++i) {
        const char16_t c = i < size ? text[i].unicode() : u'\n';
        if (c != u'\n' && c != u'\r' && c != 0x2028 && c != 0x2029 && c != 0x85)
            continue;
        lines.push_back(parseLine(text, start, i, int(lines.size()), widths));
        if (lines.size() % kLinesPerBudgetCheck == 0 && ReadBudget::current().exhausted())
            break; // the reader reports read.too_slow
        if (c == u'\r' && i + 1 < size && text[i + 1] == u'\n')
            ++i;
        start = i + 1;
    }
    return lines;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace nianbao {

/** What a token of a table line is, as far as the line alone can tell. */
enum class TokenKind {
    Label, ///< text: a row label, a header, an enumerator at the start of a line
    Number, ///< a figure, e.g. 6, 0.5, 1,000, ６件
    Unreadable, ///< figure-like debris such as l0 or O: stands where a number should
    Blank, ///< a dash, slash or 无 standing for an empty cell
    Debris, ///< OCR and markup noise (+, >, ~) that carries nothing
};

/**
 * The unit a table figure is written with, where it changes the number: 10万 is 100000 in a
 * count, and in the fee column (万元) 10万 and 10万元 are 10 while 100000元 is 10 too.
 */
enum class FigureUnit : quint8 {
    None, ///< a bare figure, or one with a counting unit (件, 条, 个, 项, 次)
    TenThousand, ///< 万
    Yuan, ///< 元
    TenThousandYuan, ///< 万元
};

/** A whitespace- or separator-delimited piece of a line, in normalized-text offsets. */
struct Token
{
    int start = 0;
    int end = 0;
    int field = 0; ///< tab or pipe cell index; token index for space-aligned lines
    int column = 0; ///< display column of the first character (CJK counts two)
    int columnEnd = 0;
    TokenKind kind = TokenKind::Label;
    double value = 0; ///< for Number tokens: the number as written, before its unit
    FigureUnit unit = FigureUnit::None; ///< for Number tokens
};

/** How a line lays out its cells. */
enum class LineLayout { Spaces, Tabs, Pipes, PipeRule };

/**
 * One line of the normalized document, cut into tokens. The tokens after the last label are the
 * line's values; their fields or display columns are what aligns them to a table's columns.
 */
struct TableLine
{
    int number = 0; ///< zero-based line number
    int start = 0;
    int end = 0;
    LineLayout layout = LineLayout::Spaces;
    std::vector<Token> tokens;
    int firstValue = 0; ///< index of the first value token; tokens.size() if none
    QString label; ///< labelKey() of the label tokens
    bool sentence = false; ///< narrative prose, never a table row

    bool hasValues() const;
    bool isBlank() const { return tokens.empty(); }
    /** Value tokens (Number, Unreadable, Blank) in order; Debris is skipped. */
    std::vector<const Token *> values() const;
    /** The position used to align a token with a column: its field, or its display column. */
    double position(const Token &token) const;
};

/**
 * Splits normalized text into lines (LF, CRLF, CR, U+2028) and tokenizes each. `widths` gives
 * each unit's display width in the original (NormalizedText::displayWidths()); without it the
 * normalized characters' own widths are used.
 */
std::vector<TableLine> parseLines(const QString &text, const std::vector<quint8> *widths = nullptr);

/**
 * `text` with every line that is only a page number (- 2 -, 第2页, 2/6) blanked to spaces,
 * offsets kept: a reader that looks past line ends takes no page number for a figure.
 */
QString withoutPageNumbers(const QString &text);

/** Tokenizes one line [start, end) of `text`. */
TableLine parseLine(const QString &text, int start, int end, int number,
                    const std::vector<quint8> *widths = nullptr);

/**
 * Reads a figure as written in a table cell (6, 1,000, 2.5, -3, 6件, 10万, 3.5万元); false when
 * the token is not one. `value` is the number before its unit, `unit` the unit that scales it.
 */
bool parseFigure(QStringView token, double *value, FigureUnit *unit);
/** Reads a count as written in a table cell, 万 applied (10万 is 100000). */
bool parseFigure(QStringView token, double *value);
/**
 * The value of a figure in its column: a count (万 multiplies it) or, when `inTenThousandYuan`,
 * an amount in 万元 (元 divides it).
 */
double figureValue(double written, FigureUnit unit, bool inTenThousandYuan);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdflayout.h"

#include "loaders/structuredtext.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <iterator>
#include <queue>
#include <utility>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

// Distances are in multiples of a line's height (the words' box height, about 1.2–1.5 em), so
// the layout reads the same at any font size.

/** Two words are on one line when their boxes share this much of the smaller height. */
constexpr double kLineOverlap = 0.5;
/** Words closer than this are one piece of text (a cell, a phrase); farther, two cells. */
constexpr double kJoinGap = 0.5;
/** Two figures farther apart than this are two cells, not one number with a space. */
constexpr double kFigureGap = 0.15;
/** A gap wider than this between two words of a piece reads as a space. */
constexpr double kSpaceGap = 0.2;
/** Boxes that overlap by less than this many points do not overlap (rounding, kerning). */
constexpr double kOverlapTolerance = 1.0;
/** A one-piece line stays in a table when it is no farther from its neighbours than this
 *  many row pitches (a row whose cells are all blank but its label). */
constexpr double kAbsorbPitch = 1.5;
/** A gap of this many row pitches between two lines of pieces ends the table. */
constexpr double kBreakPitch = 2.5;

/**
 * CJK radical supplements and the ideographs they share a glyph with, as the Noto CJK fonts
 * draw them (Unicode's EquivalentUnifiedIdeograph.txt for these code points): PDF writers that
 * map a glyph back to its first code point write ⻰ for 龙 and ⻔ for 门. Kangxi radicals
 * (U+2F00–U+2FD5) need no table: NFKC maps them.
 */
constexpr std::pair<char16_t, char16_t> kRadicalIdeographs[]
    = {{0x2E82, 0x4E5B}, {0x2E83, 0x4E5A}, {0x2E85, 0x4EBB}, {0x2E89, 0x5202}, {0x2E8B, 0x353E},
       {0x2E8E, 0x5140}, {0x2E8F, 0x5C23}, {0x2E90, 0x5C22}, {0x2E92, 0x5DF3}, {0x2E93, 0x5E7A},
       {0x2E94, 0x5F51}, {0x2E95, 0x5F50}, {0x2E96, 0x5FC4}, {0x2E98, 0x624C}, {0x2E99, 0x6535},
       {0x2E9B, 0x65E1}, {0x2E9E, 0x6B7A}, {0x2E9F, 0x6BCD}, {0x2EA0, 0x6C11}, {0x2EA1, 0x6C35},
       {0x2EA3, 0x706C}, {0x2EA4, 0x722B}, {0x2EA6, 0x4E2C}, {0x2EA8, 0x72AD}, {0x2EAB, 0x7F52},
       {0x2EAD, 0x793B}, {0x2EAF, 0x7CF9}, {0x2EB0, 0x7E9F}, {0x2EB1, 0x7F53}, {0x2EB2, 0x7F52},
       {0x2EB3, 0x34C1}, {0x2EB9, 0x8002}, {0x2EBA, 0x8080}, {0x2EBE, 0x8279}, {0x2EBF, 0x8279},
       {0x2EC1, 0x864E}, {0x2EC2, 0x8864}, {0x2EC3, 0x8980}, {0x2EC5, 0x89C1}, {0x2EC6, 0x89D2},
       {0x2EC8, 0x8BA0}, {0x2EC9, 0x8D1D}, {0x2ECB, 0x8F66}, {0x2ECC, 0x8FB6}, {0x2ECE, 0x8FB6},
       {0x2ED0, 0x9485}, {0x2ED1, 0x9577}, {0x2ED2, 0x9578}, {0x2ED3, 0x957F}, {0x2ED4, 0x95E8},
       {0x2ED6, 0x961D}, {0x2ED8, 0x9752}, {0x2ED9, 0x97E6}, {0x2EDA, 0x9875}, {0x2EDB, 0x98CE},
       {0x2EDC, 0x98DE}, {0x2EDD, 0x98DF}, {0x2EDF, 0x98E0}, {0x2EE0, 0x9963}, {0x2EE2, 0x9A6C},
       {0x2EE3, 0x9AA8}, {0x2EE4, 0x9B3C}, {0x2EE5, 0x9C7C}, {0x2EE6, 0x9E1F}, {0x2EE7, 0x5364},
       {0x2EE8, 0x9EA6}, {0x2EE9, 0x9EC4}, {0x2EEA, 0x9EFE}, {0x2EEB, 0x6589}, {0x2EEC, 0x9F50},
       {0x2EEE, 0x9F7F}, {0x2EEF, 0x7ADC}, {0x2EF0, 0x9F99}, {0x2EF1, 0x9F9C}, {0x2EF2, 0x4E80},
       {0x2EF3, 0x9F9F}};

struct Piece
{
    QString text;
    QRectF box;
};

struct Line
{
    int page = 0;
    double top = 0;
    double bottom = 0;
    double height = 0; ///< the median height of its words
    std::vector<Piece> pieces;

    double centre() const { return (top + bottom) / 2; }
    bool isTableLike() const { return pieces.size() >= 2; }
};

bool isFigureText(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (QChar c : text) {
        if (!c.isDigit() && c != u',' && c != u'.' && c != u'-' && c != u'%')
            return false;
    }
    return true;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

/** Cuts a line's words, sorted by x, into pieces. */
std::vector<Piece> piecesOf(std::vector<const PdfWord *> words, double height)
{
    std::sort(words.begin(), words.end(),
              [](const PdfWord *a, const PdfWord *b) { return a->box.left() < b->box.left(); });
    std::vector<Piece> pieces;
    const PdfWord *previous = nullptr;
    for (const PdfWord *word : words) {
        if (previous) {
            const double gap = word->box.left() - previous->box.right();
            const bool figures = isFigureText(previous->text) && isFigureText(word->text);
            const bool join = gap < kJoinGap * height && !(figures && gap > kFigureGap * height);
            if (join) {
                Piece &piece = pieces.back();
                if (previous->spaceAfter || gap > kSpaceGap * height)
                    piece.text += u' ';
                piece.text += word->text;
                piece.box = piece.box.united(word->box);
                previous = word;
                continue;
            }
        }
        pieces.push_back(Piece {word->text, word->box});
        previous = word;
    }
    return pieces;
}

std::vector<Line> linesOf(const PdfPage &page, int pageIndex)
{
    std::vector<const PdfWord *> words;
    for (const PdfWord &word : page.words) {
        if (!word.text.trimmed().isEmpty() && word.box.height() > 0)
            words.push_back(&word);
    }
    std::sort(words.begin(), words.end(), [](const PdfWord *a, const PdfWord *b) {
        return a->box.center().y() < b->box.center().y();
    });
    std::vector<Line> lines;
    std::vector<std::vector<const PdfWord *>> lineWords;
    for (const PdfWord *word : words) {
        if (!lines.empty()) {
            Line &line = lines.back();
            const double overlap
                = std::min(line.bottom, word->box.bottom()) - std::max(line.top, word->box.top());
            const double smaller = std::min(line.height, word->box.height());
            if (overlap >= kLineOverlap * smaller) {
                line.top = std::min(line.top, word->box.top());
                line.bottom = std::max(line.bottom, word->box.bottom());
                lineWords.back().push_back(word);
                continue;
            }
        }
        lines.push_back(
            Line {pageIndex, word->box.top(), word->box.bottom(), word->box.height(), {}});
        lineWords.push_back({word});
    }
    for (size_t l = 0; l < lines.size(); ++l) {
        std::vector<double> heights;
        for (const PdfWord *word : lineWords[l])
            heights.push_back(word->box.height());
        lines[l].height = median(heights);
        lines[l].pieces = piecesOf(lineWords[l], lines[l].height);
    }
    return lines;
}

bool isPageNumber(const Line &line)
{
    static const QRegularExpression pattern(
        uR"(^[\s\-—–第共页/PpAaGgEe.·]*\d{1,4}[\s\-—–第共页/\d.·]*$)"_s);
    return line.pieces.size() == 1 && line.pieces.front().text.size() <= 16
        && pattern.match(line.pieces.front().text).hasMatch();
}

bool isSentence(const Line &line)
{
    for (const Piece &piece : line.pieces) {
        if (piece.text.contains(u'。'))
            return true;
    }
    return false;
}

/**
 * The median of the values added so far, as median() takes it (the upper one of an even
 * count), kept in two heaps so that each value costs O(log n): a table's row pitch is asked
 * for after every line.
 */
class RunningMedian
{
public:
    void add(double value)
    {
        if (!m_upper.empty() && value < m_upper.top())
            m_lower.push(value);
        else
            m_upper.push(value);
        const size_t lowerSize = (m_lower.size() + m_upper.size()) / 2;
        while (m_lower.size() > lowerSize) {
            m_upper.push(m_lower.top());
            m_lower.pop();
        }
        while (m_lower.size() < lowerSize) {
            m_lower.push(m_upper.top());
            m_upper.pop();
        }
    }
    double value() const { return m_upper.empty() ? 0 : m_upper.top(); }

private:
    std::priority_queue<double> m_lower; ///< the smaller half
    std::priority_queue<double, std::vector<double>, std::greater<>> m_upper;
};

/**
 * The lines from `first` that form one table: lines of several pieces, across a page break,
 * and the one-piece lines between them that sit at the table's row pitch (a row with only its
 * label) or are page numbers. Linear in the lines it takes (bar the pitch's log).
 */
size_t tableEnd(const std::vector<Line> &lines, size_t first)
{
    // The typical distance between the rows of the table so far: its median line pitch.
    RunningMedian pitches;
    const Line *last = &lines[first];
    const auto take = [&](const Line &line) {
        if (line.page == last->page)
            pitches.add(line.centre() - last->centre());
        last = &line;
    };
    size_t next = first + 1;
    while (next < lines.size()) {
        const Line &line = lines[next];
        const Line &previous = *last;
        const double pitch = pitches.value();
        if (line.isTableLike()) {
            const bool samePage = line.page == previous.page;
            if (samePage && pitch > 0 && line.centre() - previous.centre() > kBreakPitch * pitch)
                break;
            take(line);
            ++next;
            continue;
        }
        if (next + 1 >= lines.size() || !lines[next + 1].isTableLike() || isSentence(line))
            break;
        const Line &following = lines[next + 1];
        bool absorb = false;
        if (isPageNumber(line) && following.page != previous.page) {
            absorb = true;
        } else if (line.page == previous.page && following.page == line.page) {
            const double before = line.centre() - previous.centre();
            const double after = following.centre() - line.centre();
            const double reference = pitch > 0 ? pitch : (before + after) / 2;
            absorb = before <= kAbsorbPitch * reference && after <= kAbsorbPitch * reference;
        }
        if (!absorb)
            break;
        take(line);
        ++next;
    }
    return next;
}

/**
 * Finds the pieces that overlap two pieces of one other line. Pieces of a line do not overlap
 * (nearer ones are joined), so such a piece overlaps two neighbours a, b of that line: it
 * starts before a.right − tolerance and ends after b.left + tolerance, and a and b are wider
 * than the tolerance. Each neighbour pair is a point (a.right, b.left); sorted, with the least
 * b.left of each suffix, every piece is one binary search: O(n log n) for the table, where
 * comparing every piece with every line was quadratic.
 */
class SpanFinder
{
public:
    explicit SpanFinder(const std::vector<const Line *> &lines)
    {
        for (const Line *line : lines) {
            for (size_t p = 1; p < line->pieces.size(); ++p) {
                const QRectF &a = line->pieces[p - 1].box;
                const QRectF &b = line->pieces[p].box;
                if (a.width() > kOverlapTolerance && b.width() > kOverlapTolerance)
                    m_pairs.emplace_back(a.right() - kOverlapTolerance,
                                         b.left() + kOverlapTolerance);
            }
        }
        std::sort(m_pairs.begin(), m_pairs.end());
        m_leastSecond.resize(m_pairs.size());
        for (size_t i = m_pairs.size(); i-- > 0;) {
            m_leastSecond[i] = i + 1 < m_pairs.size()
                ? std::min(m_pairs[i].second, m_leastSecond[i + 1])
                : m_pairs[i].second;
        }
    }

    bool spans(const QRectF &box) const
    {
        const auto first = std::upper_bound(
            m_pairs.begin(), m_pairs.end(), box.left(),
            [](double left, const std::pair<double, double> &pair) { return left < pair.first; });
        if (first == m_pairs.end())
            return false;
        return m_leastSecond[size_t(first - m_pairs.begin())] < box.right();
    }

private:
    std::vector<std::pair<double, double>> m_pairs; ///< (a.right − tol, b.left + tol), sorted
    std::vector<double> m_leastSecond; ///< the least .second from each index on
};

using Columns = std::vector<std::pair<double, double>>;

/** The column that holds `box`: the first whose extent covers it; the last if none does. */
int holdingColumn(const Columns &columns, const QRectF &box)
{
    // Columns are sorted and do not overlap beyond the tolerance: start at the first that
    // ends at or after the box, one earlier for the tolerance.
    const auto end
        = std::lower_bound(columns.begin(), columns.end(), box.right() - 2 * kOverlapTolerance,
                           [](const std::pair<double, double> &column, double right) {
                               return column.second < right;
                           });
    for (auto c = end == columns.begin() ? end : end - 1; c != columns.end(); ++c) {
        if (c->first - kOverlapTolerance > box.left())
            break;
        if (box.left() >= c->first - kOverlapTolerance
            && box.right() <= c->second + kOverlapTolerance)
            return int(c - columns.begin());
    }
    return int(columns.size()) - 1;
}

/** The first column a merged cell's box reaches; the last if none. */
int firstReachedColumn(const Columns &columns, const QRectF &box)
{
    for (auto c = std::lower_bound(columns.begin(), columns.end(), box.left(),
                                   [](const std::pair<double, double> &column, double left) {
                                       return column.second <= left;
                                   });
         c != columns.end(); ++c) {
        if (c->second > box.left() + kOverlapTolerance)
            return int(c - columns.begin());
    }
    return int(columns.size()) - 1;
}

/** A table's column per piece, in the order of `lines` and their pieces. */
std::vector<std::vector<int>> tableColumns(const std::vector<const Line *> &lines, int *count)
{
    // A piece that overlaps two pieces of one other line spans their columns: a merged header
    // or label. The others define the columns: where their x extents overlap, one column.
    const SpanFinder finder(lines);
    std::vector<std::vector<bool>> spanning(lines.size());
    std::vector<std::pair<double, double>> extents;
    for (size_t l = 0; l < lines.size(); ++l) {
        for (const Piece &piece : lines[l]->pieces) {
            const bool spans = finder.spans(piece.box);
            spanning[l].push_back(spans);
            if (!spans)
                extents.emplace_back(piece.box.left(), piece.box.right());
        }
    }
    std::sort(extents.begin(), extents.end());
    Columns columns;
    for (const auto &[left, right] : extents) {
        if (!columns.empty() && left < columns.back().second - kOverlapTolerance)
            columns.back().second = std::max(columns.back().second, right);
        else
            columns.emplace_back(left, right);
    }
    *count = int(columns.size());

    std::vector<std::vector<int>> assigned(lines.size());
    for (size_t l = 0; l < lines.size(); ++l) {
        for (size_t p = 0; p < lines[l]->pieces.size(); ++p) {
            const QRectF &box = lines[l]->pieces[p].box;
            const int column
                = spanning[l][p] ? firstReachedColumn(columns, box) : holdingColumn(columns, box);
            assigned[l].push_back(std::max(column, 0));
        }
    }
    return assigned;
}

class Writer
{
public:
    void line(const Line &line);
    void table(const std::vector<const Line *> &lines);
    void blankLine();
    PdfText take() { return std::move(m_out); }

private:
    void piece(const Piece &piece, int page);
    void tooLarge(const std::vector<const Line *> &lines, qsizetype cells);

    PdfText m_out;
    qsizetype m_gridCells = 0; ///< written so far, against kMaxDocumentGridCells
};

void Writer::tooLarge(const std::vector<const Line *> &lines, qsizetype cells)
{
    for (const Line *line : lines)
        this->line(*line);
    const bool documentFull = m_gridCells + cells > kMaxDocumentGridCells;
    m_out.warnings.append(Error {
        u"pdf.table_too_large"_s,
        QCoreApplication::translate("nianbao::PdfLoader",
                                    "The table from page %1 to page %2 (%3 lines) would take "
                                    "%4 grid cells, more than %5; far more than a report's "
                                    "table, so its lines are written as they stand, without "
                                    "aligning their columns.")
            .arg(lines.front()->page + 1)
            .arg(lines.back()->page + 1)
            .arg(lines.size())
            .arg(cells)
            .arg(documentFull ? kMaxDocumentGridCells : kMaxTableGridCells),
        {}});
}

void Writer::piece(const Piece &piece, int page)
{
    const int start = int(m_out.text.size());
    m_out.text += piece.text;
    m_out.regions.append(PageRegion {start, int(m_out.text.size()), page, piece.box});
}

void Writer::line(const Line &line)
{
    for (size_t p = 0; p < line.pieces.size(); ++p) {
        if (p > 0)
            m_out.text += u'\t';
        piece(line.pieces[p], line.page);
    }
    m_out.text += u'\n';
}

void Writer::table(const std::vector<const Line *> &lines)
{
    int columns = 0;
    const std::vector<std::vector<int>> assigned = tableColumns(lines, &columns);
    // Every line is padded to every column: cap the grid, or one stray column far to the
    // right would pad thousands of lines.
    const qsizetype cells = qsizetype(lines.size()) * columns;
    if (cells > kMaxTableGridCells || m_gridCells + cells > kMaxDocumentGridCells) {
        tooLarge(lines, cells);
        return;
    }
    m_gridCells += cells;
    for (size_t l = 0; l < lines.size(); ++l) {
        const Line &line = *lines[l];
        int column = 0;
        bool fieldStarted = false;
        for (size_t p = 0; p < line.pieces.size(); ++p) {
            const int target = std::max(assigned[l][p], column);
            for (; column < target; ++column) {
                m_out.text += u'\t';
                fieldStarted = false;
            }
            if (fieldStarted)
                m_out.text += u' ';
            piece(line.pieces[p], line.page);
            fieldStarted = true;
        }
        for (++column; column < columns; ++column)
            m_out.text += u'\t';
        m_out.text += u'\n';
    }
}

void Writer::blankLine()
{
    if (!m_out.text.isEmpty() && !m_out.text.endsWith(u"\n\n"))
        m_out.text += u'\n';
}

} // namespace

QString unifyCjkRadicals(QString text)
{
    for (QChar &c : text) {
        const char16_t u = c.unicode();
        if (u < 0x2E80 || u > 0x2FDF)
            continue;
        if (u < 0x2F00) {
            const auto *found
                = std::lower_bound(std::begin(kRadicalIdeographs), std::end(kRadicalIdeographs), u,
                                   [](const std::pair<char16_t, char16_t> &entry, char16_t key) {
                                       return entry.first < key;
                                   });
            if (found != std::end(kRadicalIdeographs) && found->first == u)
                c = QChar(found->second);
            continue;
        }
        UErrorCode status = U_ZERO_ERROR;
        static const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
        if (!nfkc)
            return text;
        status = U_ZERO_ERROR;
        const icu::UnicodeString unified = nfkc->normalize(icu::UnicodeString(UChar32(u)), status);
        if (U_SUCCESS(status) && unified.length() == 1 && unified.charAt(0) >= 0x3400)
            c = QChar(char16_t(unified.charAt(0)));
    }
    return text;
}

PdfText layoutPdfText(const std::vector<PdfPage> &pages)
{
    std::vector<Line> lines;
    for (int p = 0; p < int(pages.size()); ++p) {
        std::vector<Line> pageLines = linesOf(pages[size_t(p)], p);
        for (Line &line : pageLines) {
            for (Piece &piece : line.pieces)
                piece.text = unifyCjkRadicals(std::move(piece.text));
        }
        lines.insert(lines.end(), std::make_move_iterator(pageLines.begin()),
                     std::make_move_iterator(pageLines.end()));
    }
    Writer writer;
    for (size_t l = 0; l < lines.size();) {
        if (l > 0 && lines[l].page != lines[l - 1].page)
            writer.blankLine();
        if (!lines[l].isTableLike()) {
            writer.line(lines[l]);
            ++l;
            continue;
        }
        const size_t end = tableEnd(lines, l);
        std::vector<const Line *> table;
        for (size_t t = l; t < end; ++t)
            table.push_back(&lines[t]);
        writer.blankLine();
        writer.table(table);
        writer.blankLine();
        l = end;
    }
    PdfText text = writer.take();
    while (text.text.endsWith(u"\n\n"))
        text.text.chop(1);
    return text;
}

} // namespace nianbao

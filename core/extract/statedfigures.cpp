// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "statedfigures.h"

#include "clock.h"
#include "text/chinesenumerals.h"

#include <algorithm>
#include <optional>
#include <span>

namespace nianbao {

namespace {

constexpr QStringView kGap = u"…";
constexpr QStringView kSlot = u"{n}";

constexpr int kMaxArabicDigits = 9;

/** Dropped before matching: spaces (PDF text breaks words with them) and bold marks. */
constexpr int kMaxParagraphLines = 40; ///< a paragraph's lines read as one phrase space
/** Lines between checks of the read's budget: a clock read each, yet a slow file stops soon. */
constexpr int kLinesPerBudgetCheck = 4096;

bool isSkipped(QChar c)
{
    const char16_t unit = c.unicode();
    if (unit < 0x80)
        return unit == u' ' || unit == u'*' || (unit >= u'\t' && unit <= u'\r');
    if (unit >= 0x4E00 && unit <= 0x9FFF)
        return false; // the CJK block, most of a report
    return c.isSpace();
}

/** Whether a table line: the figures after its labels are cells, never narrative. */
bool isTableLine(const TableLine &line)
{
    if (line.layout == LineLayout::PipeRule)
        return true;
    if (line.sentence)
        return false;
    if (line.layout != LineLayout::Spaces)
        return line.hasValues();
    int values = 0;
    for (size_t t = size_t(line.firstValue); t < line.tokens.size(); ++t) {
        const TokenKind kind = line.tokens[t].kind;
        if (kind != TokenKind::Debris && kind != TokenKind::Label)
            ++values;
    }
    return values >= 2;
}

/** Reads 6, 12, 1,234 (whole counts only); nullopt for anything else. */
std::optional<double> parseArabic(QStringView digits)
{
    double value = 0;
    int count = 0;
    for (QChar c : digits) {
        if (c == u',')
            continue;
        if (!isAsciiDigit(c) || ++count > kMaxArabicDigits)
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    if (count == 0)
        return std::nullopt;
    return value;
}

/** 1,234: the first group has one to three digits, every later group exactly three. */
bool hasValidGroups(QStringView digits)
{
    int group = 0;
    bool first = true;
    for (QChar c : digits) {
        if (c == u',') {
            if (group == 0 || group > 3 || (!first && group != 3))
                return false;
            first = false;
            group = 0;
        } else {
            ++group;
        }
    }
    return first || group == 3;
}

} // namespace

void StatedFigureReader::CharSet::add(QStringView chars)
{
    for (QChar c : chars) {
        if (contains(c))
            continue;
        const char16_t unit = c.unicode();
        m_filter[(unit >> 6) & 3] |= quint64(1) << (unit & 63);
        m_chars.push_back(unit);
    }
}

struct StatedFigureReader::Line
{
    QString compact; ///< the line without spaces and bold marks
    std::vector<int> origin; ///< per compact unit: its offset in the normalized text

    struct Tie
    {
        const QList<int> *cells = nullptr; ///< the tied phrase's cells
        int start = 0; ///< compact offsets of the phrase
        int end = 0;
    };
    std::vector<Tie> ties; ///< the phrases tied on this line so far
    std::vector<int> cueEnds; ///< for the figure being read: where its cue may end

    /** Compact offsets [from, to) as a span of the normalized text. */
    SourceSpan spanOf(int from, int to) const
    {
        return SourceSpan {origin[size_t(from)], origin[size_t(to - 1)] + 1};
    }

    bool overlapsTie(const QList<int> &cells, int start, int end) const
    {
        return std::any_of(ties.cbegin(), ties.cend(), [&](const Tie &tie) {
            return *tie.cells == cells && tie.start < end && start < tie.end;
        });
    }
};

StatedFigureReader::StatedFigureReader(const ReportTemplate &reportTemplate)
    : m_rules(reportTemplate.statements())
{
    const auto &sections = reportTemplate.sections();
    for (const QString &number : std::as_const(m_rules.sections)) {
        for (int s = 0; s < int(sections.size()); ++s) {
            if (sections[s].number == number)
                m_sections.push_back(s);
        }
    }
    for (const QString &unit : std::as_const(m_rules.units)) {
        if (!unit.isEmpty())
            m_unitChars.add(unit.first(1));
    }
    m_breaks.add(m_rules.breaks);
    m_sentenceBreaks.add(m_rules.sentenceBreaks);
    m_relationSentenceBreaks.add(m_rules.relationSentenceBreaks);
    for (int p = 0; p < int(m_rules.phrases.size()); ++p) {
        const StatementPhrase &phrase = m_rules.phrases[p];
        for (const QString &text : phrase.patterns) {
            Pattern pattern;
            pattern.phrase = p;
            const qsizetype slot = text.indexOf(kSlot);
            const QStringView beforeText
                = slot < 0 ? QStringView(text) : QStringView(text).first(slot);
            const QStringView afterText
                = slot < 0 ? QStringView() : QStringView(text).sliced(slot + kSlot.size());
            const auto literals = [](QStringView part, std::vector<Literal> &into) {
                bool gap = false;
                for (QStringView piece : part.split(kGap)) {
                    if (!piece.isEmpty())
                        into.push_back(Literal {piece.toString(), gap});
                    gap = true;
                }
            };
            literals(beforeText, pattern.before);
            pattern.gapBeforeFigure = beforeText.endsWith(kGap);
            literals(afterText, pattern.after);
            if (!pattern.after.empty())
                pattern.after.front().gapBefore = afterText.startsWith(kGap);
            if (phrase.implied) {
                if (pattern.before.empty())
                    continue;
                pattern.first = pattern.before.front().text.front();
                m_impliedFirstChars.add(QStringView(&pattern.first, 1));
                m_impliedPatterns.push_back(std::move(pattern));
            } else {
                m_figurePatterns.push_back(std::move(pattern));
            }
        }
    }
}

QList<StatedFigure> StatedFigureReader::read(const NormalizedText &text,
                                             const DocumentLayout &layout,
                                             QStringView original) const
{
    return readAll(text, layout, original).figures;
}

NarrativeStatements StatedFigureReader::readAll(const NormalizedText &text,
                                                const DocumentLayout &layout,
                                                QStringView original) const
{
    NarrativeStatements found;
    std::vector<LineRange> ranges;
    for (int section : m_sections) {
        // The first section also covers a report whose opening heading is missing; a later one
        // without its heading would borrow an earlier section's lines, tables included.
        if (layout.headingLine(section) >= 0 || section == 0)
            ranges.push_back(layout.sectionRange(section));
    }
    std::sort(ranges.begin(), ranges.end(),
              [](const LineRange &a, const LineRange &b) { return a.first < b.first; });
    const auto &lines = layout.lines();
    Line scratch;
    int done = 0;
    for (const LineRange &range : ranges) {
        // A paragraph is read as one: a PDF's text breaks its lines inside a phrase
        // (…受理政府\n信息公开申请 17 件).
        for (int l = std::max(range.first, done); l < range.last; ++l) {
            if (l % kLinesPerBudgetCheck == 0 && ReadBudget::current().exhausted())
                return found; // the reader reports read.too_slow
            const TableLine &line = lines[size_t(l)];
            if (line.isBlank() || isTableLine(line))
                continue;
            int last = l;
            while (last + 1 < range.last && last - l + 1 < kMaxParagraphLines) {
                const TableLine &next = lines[size_t(last + 1)];
                if (next.isBlank() || isTableLine(next))
                    break;
                ++last;
            }
            readLine(text.text(), line.start, lines[size_t(last)].end, found, scratch);
            l = last;
        }
        done = std::max(done, range.last);
    }
    const auto toOriginal = [&](auto &statements) {
        for (auto &statement : statements) {
            const SourceSpan phrase = statement.span; // normalized offsets until here
            const SourceSpan number = statement.figureSpan;
            statement.span = text.toOriginal(phrase.start, phrase.end);
            statement.figureSpan = text.toOriginal(number.start, number.end);
            if (!original.isEmpty() && statement.span.isValid()
                && statement.span.end <= original.size())
                statement.text
                    = original.sliced(statement.span.start, statement.span.length()).toString();
        }
    };
    toOriginal(found.figures);
    toOriginal(found.relations);
    return found;
}

void StatedFigureReader::readLine(const QString &normalized, int start, int end,
                                  NarrativeStatements &out, Line &line) const
{
    line.ties.clear();
    line.compact.resize(end - start);
    line.origin.resize(size_t(end - start));
    QChar *compactData = line.compact.data();
    const QChar *source = normalized.constData();
    int compactSize = 0;
    bool hasUnit = false;
    bool hasImplied = false;
    for (int i = start; i < end; ++i) {
        const QChar c = source[i];
        if (isSkipped(c))
            continue;
        compactData[compactSize] = c;
        line.origin[size_t(compactSize)] = i;
        ++compactSize;
        hasUnit = hasUnit || m_unitChars.contains(c);
        hasImplied = hasImplied || m_impliedFirstChars.contains(c);
    }
    line.compact.truncate(compactSize);
    if (!hasUnit && !hasImplied)
        return;
    const QString &compact = line.compact;
    const int size = int(compact.size());
    const qsizetype firstFigure = out.figures.size();
    const qsizetype firstRelation = out.relations.size();

    const auto record = [&](const StatementPhrase &phrase, double value, int phraseStart,
                            int phraseEnd, int figureStart, int figureEnd) {
        line.ties.push_back(Line::Tie {&phrase.cells, phraseStart, phraseEnd});
        const SourceSpan span = line.spanOf(phraseStart, phraseEnd);
        const QString text = normalized.sliced(span.start, span.length());
        if (phrase.rule == u"text.table") {
            out.figures.append(
                StatedFigure {phrase.cell, value, text, span, line.spanOf(figureStart, figureEnd)});
        } else {
            StatedRelation relation;
            relation.rule = phrase.rule;
            relation.cells = phrase.cells;
            relation.value = value;
            relation.text = text;
            relation.span = span;
            relation.figureSpan = line.spanOf(figureStart, figureEnd);
            out.relations.append(relation);
        }
        if (phrase.share)
            readShare(normalized, line, phrase, value, phraseStart, phraseEnd, out.relations);
    };

    for (int u = 0; hasUnit && u < size; ++u) {
        if (!m_unitChars.contains(compact[u]))
            continue;
        int unitEnd = -1;
        for (const QString &unit : std::as_const(m_rules.units)) {
            if (QStringView(compact).sliced(u).startsWith(unit)) {
                unitEnd = u + int(unit.size());
                break;
            }
        }
        if (unitEnd < 0 || u == 0)
            continue;
        const QStringView unit = QStringView(compact).sliced(u, unitEnd - u);
        int figureStart = u;
        while (figureStart > 0
               && (isAsciiDigit(compact[figureStart - 1]) || compact[figureStart - 1] == u','))
            --figureStart;
        while (figureStart < u && !isAsciiDigit(compact[figureStart]))
            ++figureStart; // a clause comma, not a thousands separator
        bool chinese = false;
        if (figureStart < u) {
            QStringView digits = QStringView(compact).sliced(figureStart, u - figureStart);
            if (!hasValidGroups(digits))
                figureStart = u - int(digits.size() - digits.lastIndexOf(u',') - 1);
            if (figureStart == u)
                continue;
            // 95.5件 is no count, 30万件 and 二3件 mix numerals: leave them alone.
            if (figureStart > 0
                && (compact[figureStart - 1] == u'.' || isChineseNumeral(compact[figureStart - 1])))
                continue;
        } else {
            while (figureStart > 0 && isChineseNumeral(compact[figureStart - 1]))
                --figureStart;
            if (figureStart == u || u - figureStart > kMaxCountNumeralLength)
                continue;
            if (figureStart > 0 && isAsciiDigit(compact[figureStart - 1]))
                continue;
            chinese = true;
        }
        // 62余件, 30多件, 6件左右, 约6件: approximate. 3个工作日, 第十二条例: no count of items.
        if (endsWithAny(line, u, m_rules.approximate)
            || startsWithAny(line, unitEnd, m_rules.approximate)
            || startsWithAny(line, unitEnd, m_rules.unitNotFollowedBy)
            || endsWithAny(line, figureStart, m_rules.figureNotPrecededBy))
            continue;

        // Where a cue may end: at the figure, or before a connector (共计, 为) that precedes it.
        std::vector<int> &cueEnds = line.cueEnds;
        cueEnds.assign(1, figureStart);
        for (const QString &connector : std::as_const(m_rules.connectors)) {
            if (QStringView(compact).first(figureStart).endsWith(connector))
                cueEnds.push_back(figureStart - int(connector.size()));
        }
        int tiedPhrase = -1;
        int tiedStart = 0;
        int tiedEnd = 0;
        bool ambiguous = false;
        for (const Pattern &pattern : m_figurePatterns) {
            const StatementPhrase &phrase = m_rules.phrases[pattern.phrase];
            if (tiedPhrase >= 0 && m_rules.phrases[tiedPhrase].cells == phrase.cells
                && m_rules.phrases[tiedPhrase].rule == phrase.rule)
                continue; // a phrase of the same cells already tied it
            if (!pattern.gapBeforeFigure && !pattern.before.empty()
                && std::none_of(cueEnds.cbegin(), cueEnds.cend(), [&](int end) {
                       return end > 0 && compact[end - 1] == pattern.before.back().text.back();
                   }))
                continue; // the cheap test first: the cue's last character must end there
            if (!phrase.units.isEmpty() && !phrase.units.contains(unit))
                continue;
            int phraseStart = 0;
            int phraseEnd = 0;
            if (!matchBefore(line, pattern, cueEnds, &phraseStart)
                || !matchAfter(line, pattern.after, unitEnd, &phraseEnd)
                || !passesGuards(line, phrase, phraseStart, phraseEnd))
                continue;
            if (tiedPhrase >= 0) {
                ambiguous = true; // two cells claim the figure: not a confident tie
                break;
            }
            tiedPhrase = pattern.phrase;
            tiedStart = phraseStart;
            tiedEnd = phraseEnd;
        }
        if (tiedPhrase < 0 || ambiguous)
            continue;
        const QStringView figureText = QStringView(compact).sliced(figureStart, u - figureStart);
        const std::optional<double> value
            = chinese ? parseChineseCount(figureText) : parseArabic(figureText);
        if (!value)
            continue;
        record(m_rules.phrases[tiedPhrase], *value, tiedStart, tiedEnd, figureStart, u);
        u = unitEnd - 1;
    }

    for (int at = 0; hasImplied && at < size; ++at) {
        if (!m_impliedFirstChars.contains(compact[at]))
            continue;
        for (const Pattern &pattern : m_impliedPatterns) {
            const Literal &first = pattern.before.front();
            if (pattern.first != compact[at]
                || !QStringView(compact).sliced(at).startsWith(first.text))
                continue;
            const StatementPhrase &phrase = m_rules.phrases[pattern.phrase];
            int phraseEnd = 0;
            if (!matchAfter(line, std::span(pattern.before).subspan(1), at + int(first.text.size()),
                            &phraseEnd)
                || !passesGuards(line, phrase, at, phraseEnd)
                || line.overlapsTie(phrase.cells, at, phraseEnd))
                continue;
            record(phrase, phrase.value, at, phraseEnd, at, phraseEnd);
        }
    }
    const auto byStart = [](const auto &a, const auto &b) {
        return a.span.start < b.span.start;
    };
    std::stable_sort(out.figures.begin() + firstFigure, out.figures.end(), byStart);
    std::stable_sort(out.relations.begin() + firstRelation, out.relations.end(), byStart);
}

void StatedFigureReader::readShare(const QString &normalized, const Line &line,
                                   const StatementPhrase &phrase, double value, int phraseStart,
                                   int phraseEnd, QList<StatedRelation> &out) const
{
    const StatementShares &shares = m_rules.shares;
    double percent = 0;
    int decimals = 0;
    int percentStart = 0;
    int percentEnd = 0;
    if (shares.whole.isEmpty()
        || !readPercent(line, phraseEnd, &percent, &decimals, &percentStart, &percentEnd)
        || !contextHolds(line, shares.context, phraseStart, phraseEnd, m_relationSentenceBreaks))
        return;
    StatedRelation share;
    share.rule = shares.rule;
    share.cells = phrase.cells;
    share.value = value;
    share.percent = percent;
    share.decimals = decimals;
    share.whole = shares.whole;
    share.span = line.spanOf(phraseStart, percentEnd);
    share.text = normalized.sliced(share.span.start, share.span.length());
    share.figureSpan = line.spanOf(percentStart, percentEnd);
    out.append(share);
}

bool StatedFigureReader::readPercent(const Line &line, int position, double *percent, int *decimals,
                                     int *percentStart, int *percentEnd) const
{
    // ，占51.85% or （17.46%）: a cue or an opening parenthesis, then digits and %.
    const QString &compact = line.compact;
    const int size = int(compact.size());
    bool opened = false;
    if (position < size && (compact[position] == u',' || compact[position] == u'(')) {
        opened = compact[position] == u'(';
        ++position;
    }
    bool cued = false;
    for (const QString &cue : std::as_const(m_rules.shares.cues)) {
        if (QStringView(compact).sliced(position).startsWith(cue)) {
            position += int(cue.size());
            cued = true;
            break;
        }
    }
    if (!cued && !opened)
        return false;
    const int start = position;
    int point = -1;
    while (position < size && (isAsciiDigit(compact[position]) || compact[position] == u'.')) {
        if (compact[position] == u'.') {
            if (point >= 0)
                return false;
            point = position;
        }
        ++position;
    }
    if (position == start || position >= size || compact[position] != u'%' || point == start
        || point == position - 1)
        return false;
    bool ok = false;
    *percent = QStringView(compact).sliced(start, position - start).toDouble(&ok);
    *decimals = point < 0 ? 0 : position - point - 1;
    *percentStart = start;
    *percentEnd = position + 1;
    return ok;
}

bool StatedFigureReader::matchBefore(const Line &line, const Pattern &pattern,
                                     std::span<const int> cueEnds, int *phraseStart) const
{
    const int figureStart = cueEnds.front();
    if (pattern.before.empty()) {
        *phraseStart = figureStart;
        return true;
    }
    const QString &compact = line.compact;
    const auto fromEnd = [&](int position) {
        for (int i = int(pattern.before.size()) - 1; i >= 0; --i) {
            const Literal &literal = pattern.before[size_t(i)];
            const int length = int(literal.text.size());
            const bool gap = i == int(pattern.before.size()) - 1
                ? pattern.gapBeforeFigure
                : pattern.before[size_t(i + 1)].gapBefore;
            if (!gap) {
                if (position < length || compact[position - 1] != literal.text.back()
                    || QStringView(compact).sliced(position - length, length) != literal.text)
                    return false;
                position -= length;
                continue;
            }
            // The nearest occurrence that ends within the gap, with no break and no other count
            // (申请3件(其中网上申请2件) in between.
            int windowStart = std::max(0, position - m_rules.gap);
            for (int k = position - 1; k >= windowStart; --k) {
                if (m_breaks.contains(compact[k]) || isCountAt(line, k)) {
                    windowStart = k + 1;
                    break;
                }
            }
            const int searchStart = std::max(0, windowStart - length);
            const qsizetype found = QStringView(compact)
                                        .sliced(searchStart, position - searchStart)
                                        .lastIndexOf(literal.text);
            if (found < 0)
                return false;
            position = searchStart + int(found);
        }
        *phraseStart = position;
        return true;
    };
    if (fromEnd(figureStart))
        return true;
    if (pattern.gapBeforeFigure)
        return false;
    return std::any_of(cueEnds.begin() + 1, cueEnds.end(), fromEnd);
}

bool StatedFigureReader::matchAfter(const Line &line, std::span<const Literal> literals,
                                    int position, int *phraseEnd) const
{
    const QString &compact = line.compact;
    const int size = int(compact.size());
    for (const Literal &literal : literals) {
        const int length = int(literal.text.size());
        if (!literal.gapBefore) {
            if (!QStringView(compact).sliced(position).startsWith(literal.text))
                return false;
            position += length;
            continue;
        }
        int windowEnd = std::min(size, position + m_rules.gap);
        for (int k = position; k < windowEnd; ++k) {
            if (m_breaks.contains(compact[k]) || isCountAt(line, k)) {
                windowEnd = k;
                break;
            }
        }
        const int searchEnd = std::min(size, windowEnd + length);
        const qsizetype found = QStringView(compact)
                                    .sliced(position, std::max(0, searchEnd - position))
                                    .indexOf(literal.text);
        if (found < 0)
            return false;
        position += int(found) + length;
    }
    *phraseEnd = position;
    return true;
}

bool StatedFigureReader::passesGuards(const Line &line, const StatementPhrase &phrase,
                                      int phraseStart, int phraseEnd) const
{
    if (endsWithAny(line, phraseStart, phrase.notPrecededBy)
        || startsWithAny(line, phraseEnd, phrase.notFollowedBy))
        return false;
    const QString &compact = line.compact;
    const int size = int(compact.size());
    const auto boundaryBefore = [&](int position, const CharSet &breaks) {
        while (position > 0 && !breaks.contains(compact[position - 1]))
            --position;
        return position;
    };
    const auto boundaryAfter = [&](int position, const CharSet &breaks) {
        while (position < size && !breaks.contains(compact[position]))
            ++position;
        return position;
    };
    if (!phrase.exclude.isEmpty()) {
        const int clauseStart = boundaryBefore(phraseStart, m_breaks);
        const QStringView clause = QStringView(compact).sliced(
            clauseStart, boundaryAfter(phraseEnd, m_breaks) - clauseStart);
        for (const QString &word : phrase.exclude) {
            if (clause.contains(word))
                return false;
        }
    }
    return contextHolds(line, phrase.context, phraseStart, phraseEnd,
                        phrase.rule == u"text.table" ? m_sentenceBreaks : m_relationSentenceBreaks);
}

bool StatedFigureReader::contextHolds(const Line &line, const QStringList &words, int phraseStart,
                                      int phraseEnd, const CharSet &sentenceBreaks) const
{
    if (words.isEmpty())
        return true;
    // The phrase's sentence and the one before: 办结81件。其中予以公开…
    const QString &compact = line.compact;
    const int size = int(compact.size());
    int sentenceStart = phraseStart;
    while (sentenceStart > 0 && !sentenceBreaks.contains(compact[sentenceStart - 1]))
        --sentenceStart;
    if (sentenceStart > 0) {
        --sentenceStart;
        while (sentenceStart > 0 && !sentenceBreaks.contains(compact[sentenceStart - 1]))
            --sentenceStart;
    }
    int sentenceEnd = phraseEnd;
    while (sentenceEnd < size && !sentenceBreaks.contains(compact[sentenceEnd]))
        ++sentenceEnd;
    const QStringView sentences
        = QStringView(compact).sliced(sentenceStart, sentenceEnd - sentenceStart);
    return std::any_of(words.cbegin(), words.cend(),
                       [&](const QString &word) { return sentences.contains(word); });
}

bool StatedFigureReader::isCountAt(const Line &line, int position) const
{
    const QString &compact = line.compact;
    if (position < 1 || !m_unitChars.contains(compact[position]))
        return false;
    const QChar before = compact[position - 1];
    return isAsciiDigit(before) || isChineseNumeral(before);
}

bool StatedFigureReader::endsWithAny(const Line &line, int position,
                                     const QStringList &strings) const
{
    const QStringView head = QStringView(line.compact).first(position);
    return std::any_of(strings.cbegin(), strings.cend(),
                       [&](const QString &s) { return head.endsWith(s); });
}

bool StatedFigureReader::startsWithAny(const Line &line, int position,
                                       const QStringList &strings) const
{
    const QStringView tail = QStringView(line.compact).sliced(position);
    return std::any_of(strings.cbegin(), strings.cend(),
                       [&](const QString &s) { return tail.startsWith(s); });
}

} // namespace nianbao

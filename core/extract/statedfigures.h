// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documentlayout.h"
#include "reporttemplate.h"
#include "statedfigure.h"
#include "text/normalizedtext.h"

#include <QList>
#include <QString>
#include <QStringView>

#include <algorithm>
#include <array>
#include <span>
#include <vector>

namespace nianbao {

/** What a narrative states: single figures (text.table) and relations (text.combined …). */
struct NarrativeStatements
{
    QList<StatedFigure> figures;
    QList<StatedRelation> relations;
};

/**
 * Finds the figures a report's narrative states about its table cells (rule text.table), e.g.
 * 共收到政府信息公开申请6件 → requests.received.total = 6, or 未收到依申请公开事项 → 0.
 *
 * The phrases are data: template.json "statements" (see StatementRules). A phrase is a cue, a
 * figure written in Arabic, full-width or Chinese numerals, and a unit (件, 条, 个, 项), or a
 * negative phrase that implies 0. Only the narrative of the configured sections (一, 六) is read,
 * never a table line. A figure is tied only when exactly one cell's phrase matches it; anything
 * approximate (62余件), ordinal (第3条) or unmatched (主动公开政府信息608条) is left alone.
 *
 * A phrase with a rule other than text.table states a relation instead: a figure that sums
 * several cells (予以公开及部分公开42件), or, after a phrase marked `share`, the share its
 * figure is of another (，占51.85%).
 *
 * ReportReader runs it once per report, after the tables; the window shows the spans.
 */
class StatedFigureReader final
{
public:
    explicit StatedFigureReader(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    /**
     * The stated figures of one document, in text order. Spans are in the original text. When
     * `original` (the decoded text `text` was made from) is given, StatedFigure::text is the
     * phrase exactly as written there (e.g. with ６); otherwise it is the normalized phrase.
     */
    NarrativeStatements readAll(const NormalizedText &text, const DocumentLayout &layout,
                                QStringView original = {}) const;
    /** The stated figures alone (readAll().figures). */
    QList<StatedFigure> read(const NormalizedText &text, const DocumentLayout &layout,
                             QStringView original = {}) const;

private:
    /** A few UTF-16 units behind a bit filter, so a miss (the common case) costs one shift. */
    class CharSet
    {
    public:
        void add(QStringView chars);
        bool contains(QChar c) const
        {
            const char16_t unit = c.unicode();
            if (((m_filter[(unit >> 6) & 3] >> (unit & 63)) & 1) == 0)
                return false;
            return std::find(m_chars.cbegin(), m_chars.cend(), unit) != m_chars.cend();
        }

    private:
        std::array<quint64, 4> m_filter {}; ///< by the low eight bits of the unit
        std::vector<char16_t> m_chars;
    };

    struct Literal
    {
        QString text;
        bool gapBefore = false; ///< a bounded … gap separates it from what precedes it
    };
    struct Pattern
    {
        int phrase = 0;
        QChar first; ///< first character of the first literal
        std::vector<Literal> before; ///< literals before the figure, in text order
        bool gapBeforeFigure = false;
        std::vector<Literal> after; ///< literals after the unit, in text order
    };
    struct Line;

    void readLine(const QString &normalized, int start, int end, NarrativeStatements &out,
                  Line &scratch) const;
    /** Appends the share printed after a phrase marked `share`, when its whole is clear. */
    void readShare(const QString &normalized, const Line &line, const StatementPhrase &phrase,
                   double value, int phraseStart, int phraseEnd, QList<StatedRelation> &out) const;
    /** The percentage printed at `position` (，占51.85% or （17.46%）) and its span. */
    bool readPercent(const Line &line, int position, double *percent, int *decimals,
                     int *percentStart, int *percentEnd) const;
    bool contextHolds(const Line &line, const QStringList &words, int phraseStart, int phraseEnd,
                      const CharSet &sentenceBreaks) const;
    bool matchBefore(const Line &line, const Pattern &pattern, std::span<const int> cueEnds,
                     int *phraseStart) const;
    bool matchAfter(const Line &line, std::span<const Literal> literals, int position,
                    int *phraseEnd) const;
    bool passesGuards(const Line &line, const StatementPhrase &phrase, int phraseStart,
                      int phraseEnd) const;
    bool isCountAt(const Line &line, int position) const;
    bool endsWithAny(const Line &line, int position, const QStringList &strings) const;
    bool startsWithAny(const Line &line, int position, const QStringList &strings) const;

    StatementRules m_rules;
    std::vector<int> m_sections; ///< template section indices to read
    std::vector<Pattern> m_figurePatterns; ///< patterns with {n}
    std::vector<Pattern> m_impliedPatterns; ///< negative phrases, all literals in `before`
    CharSet m_unitChars; ///< first characters of the units
    CharSet m_impliedFirstChars; ///< first characters of the negative phrases
    CharSet m_breaks; ///< StatementRules::breaks
    CharSet m_sentenceBreaks; ///< StatementRules::sentenceBreaks
    CharSet m_relationSentenceBreaks; ///< StatementRules::relationSentenceBreaks
};

} // namespace nianbao

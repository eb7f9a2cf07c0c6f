// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sourcespan.h"

#include <QString>

#include <vector>

namespace nianbao {

/**
 * The matching form of a document: ICU NFKC per code point (full-width digits and punctuation
 * become ASCII, odd spaces become plain spaces), invisible marks dropped (ICU Default_Ignorable:
 * zero-width characters, direction marks, the soft hyphen), and a report written in traditional
 * characters read in simplified ones (ICU Hant-Hans, one character for one), so its labels match
 * the template. Every unit of the normalized text remembers the span of the original character
 * it came from, so a figure found in the normalized text maps back to exactly the original
 * characters the document view shows.
 */
class NormalizedText
{
public:
    NormalizedText() = default;
    explicit NormalizedText(const QString &original);

    const QString &text() const { return m_text; }
    /** The original span covered by normalized units [start, end). */
    SourceSpan toOriginal(int start, int end) const;
    /**
     * Per normalized unit, the display width of the original character it came from (CJK and
     * full-width count two; the further units of an expanded character count zero), so that
     * space-aligned columns are measured as the reader saw them, not after NFKC narrowed them.
     */
    const std::vector<quint8> &displayWidths() const { return m_displayWidth; }
    /** Display width of one character as a fixed-width text view shows it. */
    static int displayWidth(char32_t character);
    /** Normalizes a short string (labels, tokens) without keeping the mapping. */
    static QString normalizeString(QStringView text);

private:
    QString m_text;
    std::vector<int> m_originalStart; ///< per normalized unit: start of its original character
    std::vector<int> m_originalEnd; ///< per normalized unit: end of its original character
    std::vector<quint8> m_displayWidth;
};

/**
 * Converts UTF-16 offsets of a text into Unicode code point offsets, which the JSON contract
 * uses. Costs nothing for texts without surrogate pairs, the common case.
 */
class CodePointIndex
{
public:
    explicit CodePointIndex(const QString &text);
    int toCodePoint(int utf16Offset) const;

private:
    std::vector<int> m_surrogatesBefore; ///< empty when the text has no surrogate pair
};

} // namespace nianbao

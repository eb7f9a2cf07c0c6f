// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/normalizedtext.h"

#include <QHash>

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

namespace nianbao {

namespace {

const icu::Normalizer2 *nfkc()
{
    static const icu::Normalizer2 *instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2 *normalizer = icu::Normalizer2::getNFKCInstance(status);
        if (U_FAILURE(status))
            qFatal("ICU NFKC normalizer unavailable: %s", u_errorName(status));
        return normalizer;
    }();
    return instance;
}

bool isDropped(char32_t cp)
{
    // Invisible marks carry nothing a reviewer sees, yet glued to a figure (6 + U+200E, common
    // in text copied from web pages) they would make it no number. ICU's Default_Ignorable
    // property names them all: zero-width characters, the soft hyphen, direction marks (LRM,
    // RLM, ALM) and embeddings, the word joiner, variation selectors and the BOM.
    return u_hasBinaryProperty(UChar32(cp), UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool isFastInert(char32_t cp)
{
    // ASCII and the main CJK block are NFKC-inert; skipping ICU for them keeps batch checks fast.
    return (cp < 0x80) || (cp >= 0x4E00 && cp <= 0x9FFF);
}

/**
 * The ASCII a box-drawing character stands for, or 0 for any other character. Text browsers
 * (w3m, lynx) and some converters draw a page's table grid with box-drawing characters: a
 * vertical line or a junction separates cells as '|' does, and a line of them alone is a rule,
 * as in a Markdown table (|---|---|). NFKC leaves them as they are.
 */
char16_t boxDrawingForm(char32_t cp)
{
    if (cp < 0x2500 || cp > 0x257F)
        return 0;
    switch (cp) {
    case 0x2500:
    case 0x2501:
    case 0x2504:
    case 0x2505:
    case 0x2508:
    case 0x2509:
    case 0x254C:
    case 0x254D:
    case 0x2550:
    case 0x2574:
    case 0x2576:
    case 0x2578:
    case 0x257A:
    case 0x257C:
    case 0x257E:
        return u'-'; // horizontal lines
    default:
        return u'|'; // vertical lines, corners and junctions
    }
}

/** Appends the NFKC form of one code point to `out`; returns the number of units appended. */
int appendNormalized(char32_t cp, QString &out)
{
    if (isDropped(cp))
        return 0;
    if (const char16_t box = boxDrawingForm(cp)) {
        out.append(QChar(box));
        return 1;
    }
    if (isFastInert(cp) || nfkc()->isInert(UChar32(cp))) {
        const qsizetype before = out.size();
        if (QChar::requiresSurrogates(cp)) {
            out.append(QChar(QChar::highSurrogate(cp)));
            out.append(QChar(QChar::lowSurrogate(cp)));
        } else {
            out.append(QChar(char16_t(cp)));
        }
        return int(out.size() - before);
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::UnicodeString normalized
        = nfkc()->normalize(icu::UnicodeString(UChar32(cp)), status);
    if (U_FAILURE(status))
        return 0;
    out.append(QStringView(normalized.getBuffer(), normalized.length()));
    return normalized.length();
}

constexpr char16_t kFirstCjk = 0x4E00;
constexpr char16_t kLastCjk = 0x9FFF;

/**
 * The simplified form of every character of the main CJK block, from ICU's Hant-Hans
 * transliterator (a character that has none, or whose form is longer, maps to itself). Built
 * once, on the first report in traditional characters.
 */
const std::vector<char16_t> &simplifiedForms()
{
    static const std::vector<char16_t> forms = [] {
        std::vector<char16_t> result;
        for (char32_t c = kFirstCjk; c <= kLastCjk; ++c)
            result.push_back(char16_t(c));
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> toSimplified(
            icu::Transliterator::createInstance("Hant-Hans", UTRANS_FORWARD, status));
        if (U_FAILURE(status) || !toSimplified)
            return result;
        // One call for the whole block, a line per character: far cheaper than 20,992 calls.
        icu::UnicodeString block;
        for (char16_t c : result)
            block.append(c).append(u'\n');
        toSimplified->transliterate(block);
        int32_t at = 0;
        for (char16_t &c : result) {
            const int32_t end = block.indexOf(u'\n', at);
            if (end < 0)
                break;
            if (end == at + 1)
                c = block[at];
            at = end + 1;
        }
        return result;
    }();
    return forms;
}

/**
 * Whether a document is written in traditional characters: it starts with one of the characters
 * every such report writes (公開, 報告, 申請, 數量, 處理) and a twentieth of its CJK
 * characters have a simplified form. A simplified report naming 乾县 stays as written.
 */
bool isTraditional(const QString &text)
{
    constexpr qsizetype kLookAhead = 2048;
    const auto isMarker = [](QChar c) {
        switch (c.unicode()) {
        case u'開':
        case u'報':
        case u'請':
        case u'數':
        case u'處':
            return true;
        default:
            return false;
        }
    };
    // The title and the first section hold them; a look at the start keeps batch checks fast.
    const QStringView start = QStringView(text).first(std::min<qsizetype>(text.size(), kLookAhead));
    if (std::none_of(start.begin(), start.end(), isMarker))
        return false;
    const std::vector<char16_t> &forms = simplifiedForms();
    qsizetype cjk = 0;
    qsizetype traditional = 0;
    for (QChar c : text) {
        if (c.unicode() < kFirstCjk || c.unicode() > kLastCjk)
            continue;
        ++cjk;
        traditional += forms[c.unicode() - kFirstCjk] != c.unicode();
    }
    return traditional * 20 >= cjk;
}

/** The NFKC form of one code point; characters met often are cached per thread. */
QStringView normalizedForm(char32_t cp, QString &scratch)
{
    thread_local QHash<char32_t, QString> cache;
    const auto cached = cache.constFind(cp);
    if (cached != cache.cend())
        return *cached;
    scratch.clear();
    appendNormalized(cp, scratch);
    if (cache.size() < 4096)
        return *cache.insert(cp, scratch);
    return scratch;
}

} // namespace

NormalizedText::NormalizedText(const QString &original)
{
    const size_t size = size_t(original.size());
    // Most characters map to themselves, one unit each: size everything for that, write by
    // index, and grow only when a character expands (e.g. ㈠ → (一)).
    std::u16string buffer(size, u'\0');
    m_originalStart.resize(size);
    m_originalEnd.resize(size);
    m_displayWidth.resize(size);
    size_t out = 0;
    auto put = [&](char16_t unit, qsizetype from, qsizetype to, quint8 width) {
        if (out == buffer.size()) {
            const size_t grown = buffer.size() * 2 + 16;
            buffer.resize(grown);
            m_originalStart.resize(grown);
            m_originalEnd.resize(grown);
            m_displayWidth.resize(grown);
        }
        buffer[out] = unit;
        m_originalStart[out] = int(from);
        m_originalEnd[out] = int(to);
        m_displayWidth[out] = width;
        ++out;
    };
    bool identical = true;
    QString expanded;
    // Traditional characters are matched in their simplified form, as the template spells.
    const char16_t *simplified = isTraditional(original) ? simplifiedForms().data() : nullptr;
    for (qsizetype i = 0; i < qsizetype(size);) {
        const char16_t unit = original[i].unicode();
        const bool cjk = unit >= kFirstCjk && unit <= kLastCjk;
        if (unit < 0x80 || cjk) { // NFKC-inert: ASCII and the main CJK block
            const char16_t matched = cjk && simplified ? simplified[unit - kFirstCjk] : unit;
            identical = identical && matched == unit;
            put(matched, i, i + 1, cjk ? 2 : 1);
            ++i;
            continue;
        }
        char32_t cp = unit;
        int width = 1;
        if (QChar::isHighSurrogate(cp) && i + 1 < qsizetype(size)
            && original[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(original[i], original[i + 1]);
            width = 2;
        }
        const QStringView units = normalizedForm(cp, expanded);
        identical = identical && units.size() == width && units[0] == original[i]
            && (width == 1 || units[1] == original[i + 1]);
        for (qsizetype k = 0; k < units.size(); ++k)
            put(units[k].unicode(), i, i + width, k == 0 ? quint8(displayWidth(cp)) : 0);
        i += width;
    }
    buffer.resize(out);
    m_originalStart.resize(out);
    m_originalEnd.resize(out);
    m_displayWidth.resize(out);
    // Share the original's storage when nothing changed (the common case for clean text).
    m_text = identical && out == size ? original : QString::fromStdU16String(buffer);
}

SourceSpan NormalizedText::toOriginal(int start, int end) const
{
    if (start < 0 || end <= start || end > int(m_originalStart.size()))
        return {};
    return SourceSpan {m_originalStart[size_t(start)], m_originalEnd[size_t(end - 1)]};
}

int NormalizedText::displayWidth(char32_t c)
{
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF)
        || (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF)
        || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
        || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    return wide ? 2 : 1;
}

QString NormalizedText::normalizeString(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        char32_t cp = text[i].unicode();
        int width = 1;
        if (QChar::isHighSurrogate(cp) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
            width = 2;
        }
        appendNormalized(cp, out);
        i += width;
    }
    return out;
}

CodePointIndex::CodePointIndex(const QString &text)
{
    bool any = false;
    for (QChar c : text) {
        if (c.isLowSurrogate()) {
            any = true;
            break;
        }
    }
    if (!any)
        return;
    m_surrogatesBefore.resize(size_t(text.size()) + 1);
    int count = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        m_surrogatesBefore[size_t(i)] = count;
        if (text[i].isLowSurrogate())
            ++count;
    }
    m_surrogatesBefore[size_t(text.size())] = count;
}

int CodePointIndex::toCodePoint(int utf16Offset) const
{
    if (m_surrogatesBefore.empty() || utf16Offset < 0)
        return utf16Offset;
    const size_t index = std::min(size_t(utf16Offset), m_surrogatesBefore.size() - 1);
    return utf16Offset - m_surrogatesBefore[index];
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlparser.h"

#include <memory>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The named references pages use; the full HTML list is 2,000 names of mostly symbols. */
constexpr std::pair<QStringView, char16_t> kEntities[] = {
    {u"nbsp", 0x00A0},   {u"amp", u'&'},      {u"lt", u'<'},       {u"gt", u'>'},
    {u"quot", u'"'},     {u"apos", u'\''},    {u"ensp", 0x2002},   {u"emsp", 0x2003},
    {u"thinsp", 0x2009}, {u"shy", 0x00AD},    {u"zwj", 0x200D},    {u"zwnj", 0x200C},
    {u"mdash", 0x2014},  {u"ndash", 0x2013},  {u"hellip", 0x2026}, {u"middot", 0x00B7},
    {u"bull", 0x2022},   {u"ldquo", 0x201C},  {u"rdquo", 0x201D},  {u"lsquo", 0x2018},
    {u"rsquo", 0x2019},  {u"laquo", 0x00AB},  {u"raquo", 0x00BB},  {u"times", 0x00D7},
    {u"divide", 0x00F7}, {u"plusmn", 0x00B1}, {u"deg", 0x00B0},    {u"permil", 0x2030},
    {u"copy", 0x00A9},   {u"reg", 0x00AE},    {u"trade", 0x2122},  {u"yen", 0x00A5},
    {u"cent", 0x00A2},   {u"pound", 0x00A3},  {u"euro", 0x20AC},   {u"sect", 0x00A7},
    {u"para", 0x00B6},   {u"rarr", 0x2192},   {u"larr", 0x2190},   {u"uarr", 0x2191},
    {u"darr", 0x2193},   {u"le", 0x2264},     {u"ge", 0x2265},     {u"ne", 0x2260},
    {u"minus", 0x2212},  {u"frac12", 0x00BD}, {u"frac14", 0x00BC}, {u"frac34", 0x00BE},
    {u"sup2", 0x00B2},   {u"sup3", 0x00B3},
};

/** Legacy names browsers accept without the semicolon (&nbsp 2023). */
constexpr QStringView kBareEntities[] = {u"nbsp", u"amp", u"lt", u"gt", u"quot", u"copy", u"reg"};

/** Elements whose content is never shown as page text. */
constexpr QStringView kSkippedElements[]
    = {u"script", u"style",  u"noscript", u"template", u"textarea", u"title", u"iframe",
       u"object", u"select", u"xmp",      u"noembed",  u"noframes", u"svg",   u"math"};

/** Elements that break lines: their start and end close the paragraph before them. */
constexpr QStringView kBlockElements[]
    = {u"address",    u"article", u"aside",   u"blockquote", u"body",    u"center",   u"dd",
       u"details",    u"dialog",  u"dir",     u"div",        u"dl",      u"dt",       u"fieldset",
       u"figcaption", u"figure",  u"footer",  u"form",       u"h1",      u"h2",       u"h3",
       u"h4",         u"h5",      u"h6",      u"header",     u"hgroup",  u"hr",       u"html",
       u"legend",     u"li",      u"main",    u"menu",       u"nav",     u"ol",       u"p",
       u"pre",        u"section", u"summary", u"ul",         u"listing", u"plaintext"};

/** Elements that never have an end tag. */
constexpr QStringView kVoidElements[]
    = {u"area",  u"base", u"br",   u"col",   u"embed",  u"hr",    u"img",
       u"input", u"link", u"meta", u"param", u"source", u"track", u"wbr"};

/** Elements laid out as tables; never skipped, or the cells after them would shift. */
constexpr QStringView kTableElements[]
    = {u"table", u"tbody", u"thead", u"tfoot", u"tr", u"td", u"th", u"caption", u"colgroup"};

/** Class and id words of site navigation: breadcrumbs (当前位置), menus of the site. */
constexpr QStringView kNavigationWords[]
    = {u"breadcrumb", u"crumb", u"position", u"location", u"dqwz", u"nav"};

/** A breadcrumb is short; a longer "navigation" element is more likely the page itself. */
constexpr qsizetype kMaxSkippedNavigation = 4000;

template<size_t N>
bool isOneOf(QStringView name, const QStringView (&names)[N])
{
    for (QStringView candidate : names) {
        if (candidate == name)
            return true;
    }
    return false;
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isNameChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'-' || c == u'_' || c == u':' || c == u'.';
}

void appendCodePoint(QString &out, char32_t cp)
{
    // Invalid references become U+FFFD, as in browsers; C1 controls are windows-1252 there,
    // which we leave as the replacement character as well.
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    if (QChar::requiresSurrogates(cp)) {
        out += QChar(QChar::highSurrogate(cp));
        out += QChar(QChar::lowSurrogate(cp));
    } else {
        out += QChar(char16_t(cp));
    }
}

int digitValue(QChar c, int base)
{
    const char16_t u = c.unicode();
    int value = -1;
    if (u >= u'0' && u <= u'9')
        value = u - u'0';
    else if (u >= u'a' && u <= u'f')
        value = u - u'a' + 10;
    else if (u >= u'A' && u <= u'F')
        value = u - u'A' + 10;
    return value < base ? value : -1;
}

/** Decodes the reference at text[at] == '&'; returns the characters consumed, 0 if none. */
qsizetype decodeReference(QStringView text, qsizetype at, QString &out)
{
    qsizetype i = at + 1;
    if (i < text.size() && text[i] == u'#') {
        ++i;
        int base = 10;
        if (i < text.size() && (text[i] == u'x' || text[i] == u'X')) {
            base = 16;
            ++i;
        }
        const qsizetype digits = i;
        char32_t cp = 0;
        for (int digit; i < text.size() && (digit = digitValue(text[i], base)) >= 0; ++i) {
            if (cp <= 0x10FFFF)
                cp = cp * char32_t(base) + char32_t(digit);
        }
        if (i == digits)
            return 0;
        if (i < text.size() && text[i] == u';')
            ++i;
        appendCodePoint(out, cp);
        return i - at;
    }
    while (i < text.size() && i - at <= 32 && text[i].unicode() < 0x80
           && text[i].isLetterOrNumber())
        ++i;
    const QStringView name = text.sliced(at + 1, i - at - 1);
    const bool semicolon = i < text.size() && text[i] == u';';
    if (!semicolon && !isOneOf(name, kBareEntities))
        return 0;
    for (const auto &[entity, character] : kEntities) {
        if (entity == name) {
            out += QChar(character);
            return i - at + (semicolon ? 1 : 0);
        }
    }
    return 0;
}

struct Tag
{
    QString name; ///< lower case
    bool end = false;
    QList<std::pair<QString, QString>> attributes;

    QString attribute(QStringView key) const
    {
        for (const auto &[name, value] : attributes) {
            if (name == key)
                return value;
        }
        return {};
    }
};

/** Builds the blocks as the tokenizer reports text and tags. */
class TreeBuilder
{
public:
    void text(QStringView raw);
    void tag(const Tag &tag);
    QList<TextBlock> finish();
    bool inPre() const { return m_pre > 0; }

private:
    struct OpenTable
    {
        std::shared_ptr<TextTable> table;
        bool inCell = false;
        bool inCaption = false;
    };

    QList<TextBlock> &container();
    bool inCell() const;
    void flush();
    void startTable();
    void endTable();
    void startRow();
    void startCell(const Tag &tag);
    void endCell();
    void startCaption();

    QList<TextBlock> m_root;
    std::vector<OpenTable> m_tables;
    QString m_inline;
    bool m_pendingSpace = false;
    int m_pre = 0;
};

QList<TextBlock> &TreeBuilder::container()
{
    for (auto it = m_tables.rbegin(); it != m_tables.rend(); ++it) {
        if (it->inCell)
            return it->table->rows.last().last().blocks;
    }
    return m_root;
}

bool TreeBuilder::inCell() const
{
    for (const OpenTable &open : m_tables) {
        if (open.inCell)
            return true;
    }
    return false;
}

void TreeBuilder::text(QStringView raw)
{
    const QString decoded = raw.contains(u'&') ? decodeHtmlEntities(raw) : raw.toString();
    for (QChar c : decoded) {
        if (m_pre > 0) {
            if (c != u'\r')
                m_inline += c;
            continue;
        }
        if (isHtmlSpace(c)) {
            m_pendingSpace = !m_inline.isEmpty();
            continue;
        }
        if (m_pendingSpace)
            m_inline += u' ';
        m_pendingSpace = false;
        m_inline += c;
    }
}

void TreeBuilder::flush()
{
    m_pendingSpace = false;
    if (m_inline.isEmpty())
        return;
    QString paragraph = std::exchange(m_inline, QString());
    paragraph.replace(QChar(0x00A0), u' ');
    if (m_pre == 0)
        paragraph = paragraph.simplified();
    if (paragraph.trimmed().isEmpty())
        return;
    if (!m_tables.empty() && m_tables.back().inCaption) {
        QString &caption = m_tables.back().table->caption;
        caption = QString(caption % u' ' % paragraph).simplified();
        return;
    }
    container().append(TextBlock {paragraph, nullptr});
}

void TreeBuilder::startTable()
{
    flush();
    auto table = std::make_shared<TextTable>();
    container().append(TextBlock {{}, table});
    m_tables.push_back(OpenTable {table, false, false});
}

void TreeBuilder::endTable()
{
    if (m_tables.empty())
        return;
    flush();
    m_tables.pop_back();
}

void TreeBuilder::startRow()
{
    if (m_tables.empty())
        return;
    flush();
    OpenTable &open = m_tables.back();
    open.inCell = false;
    open.inCaption = false;
    open.table->rows.append(QList<TextTableCell>());
}

void TreeBuilder::startCell(const Tag &tag)
{
    if (m_tables.empty()) {
        flush(); // a stray cell outside any table: a block of its own
        return;
    }
    flush();
    OpenTable &open = m_tables.back();
    open.inCaption = false;
    if (open.table->rows.isEmpty())
        open.table->rows.append(QList<TextTableCell>());
    TextTableCell cell;
    bool ok = false;
    const int columnSpan = tag.attribute(u"colspan").trimmed().toInt(&ok);
    cell.columnSpan = ok && columnSpan > 0 ? std::min(columnSpan, 1000) : 1;
    const int rowSpan = tag.attribute(u"rowspan").trimmed().toInt(&ok);
    cell.rowSpan = ok && rowSpan >= 0 ? std::min(rowSpan, 65534) : 1;
    open.table->rows.last().append(std::move(cell));
    open.inCell = true;
}

void TreeBuilder::endCell()
{
    if (m_tables.empty())
        return;
    flush();
    m_tables.back().inCell = false;
}

void TreeBuilder::startCaption()
{
    if (m_tables.empty())
        return;
    flush();
    m_tables.back().inCell = false;
    m_tables.back().inCaption = true;
}

void TreeBuilder::tag(const Tag &tag)
{
    const QString &name = tag.name;
    if (name == u"table") {
        if (tag.end)
            endTable();
        else
            startTable();
    } else if (name == u"tr") {
        if (tag.end)
            endCell();
        else
            startRow();
    } else if (name == u"td" || name == u"th") {
        if (tag.end)
            endCell();
        else
            startCell(tag);
    } else if (name == u"caption") {
        if (tag.end) {
            flush();
            if (!m_tables.empty())
                m_tables.back().inCaption = false;
        } else {
            startCaption();
        }
    } else if (name == u"br") {
        if (inCell())
            m_pendingSpace = !m_inline.isEmpty();
        else
            flush();
    } else if (isOneOf(QStringView(name), kBlockElements)) {
        flush();
        if (name == u"pre" || name == u"listing" || name == u"plaintext")
            m_pre = std::max(0, m_pre + (tag.end ? -1 : 1));
    }
}

QList<TextBlock> TreeBuilder::finish()
{
    flush();
    m_tables.clear();
    return std::move(m_root);
}

/** Reads a tag starting at html[at] == '<'; returns the index after it, or -1 if not a tag. */
qsizetype readTag(QStringView html, qsizetype at, Tag &tag)
{
    qsizetype i = at + 1;
    tag = Tag();
    if (i < html.size() && html[i] == u'/') {
        tag.end = true;
        ++i;
    }
    if (i >= html.size() || !html[i].isLetter())
        return -1;
    const qsizetype nameStart = i;
    while (i < html.size() && isNameChar(html[i]))
        ++i;
    tag.name = html.sliced(nameStart, i - nameStart).toString().toLower();
    while (i < html.size()) {
        while (i < html.size() && (isHtmlSpace(html[i]) || html[i] == u'/'))
            ++i;
        if (i >= html.size())
            break;
        if (html[i] == u'>')
            return i + 1;
        const qsizetype keyStart = i;
        while (i < html.size() && !isHtmlSpace(html[i]) && html[i] != u'>' && html[i] != u'='
               && html[i] != u'/')
            ++i;
        if (i == keyStart) {
            ++i;
            continue;
        }
        QString key = html.sliced(keyStart, i - keyStart).toString().toLower();
        while (i < html.size() && isHtmlSpace(html[i]))
            ++i;
        QString value;
        if (i < html.size() && html[i] == u'=') {
            ++i;
            while (i < html.size() && isHtmlSpace(html[i]))
                ++i;
            if (i < html.size() && (html[i] == u'"' || html[i] == u'\'')) {
                const QChar quote = html[i++];
                const qsizetype valueStart = i;
                while (i < html.size() && html[i] != quote)
                    ++i;
                value = decodeHtmlEntities(html.sliced(valueStart, i - valueStart));
                if (i < html.size())
                    ++i;
            } else {
                const qsizetype valueStart = i;
                while (i < html.size() && !isHtmlSpace(html[i]) && html[i] != u'>')
                    ++i;
                value = decodeHtmlEntities(html.sliced(valueStart, i - valueStart));
            }
        }
        tag.attributes.append({std::move(key), std::move(value)});
    }
    return html.size();
}

bool isNavigation(const Tag &tag)
{
    if (tag.end || isOneOf(QStringView(tag.name), kTableElements)
        || isOneOf(QStringView(tag.name), kVoidElements))
        return false;
    if (tag.name == u"nav")
        return true;
    const QString names = (tag.attribute(u"class") % u' ' % tag.attribute(u"id")).toLower();
    for (QStringView word : kNavigationWords) {
        if (names.contains(word))
            return true;
    }
    return false;
}

/**
 * The index after the end tag that closes the element opened before `from`, counting nested
 * elements of the same name; `from` itself when it is not closed within `limit` characters.
 */
qsizetype skipNested(QStringView html, qsizetype from, const QString &name, qsizetype limit)
{
    int depth = 1;
    for (qsizetype at = html.indexOf(u'<', from); at >= 0 && at - from <= limit;
         at = html.indexOf(u'<', at + 1)) {
        Tag tag;
        const qsizetype after = readTag(html, at, tag);
        if (after < 0 || tag.name != name)
            continue;
        depth += tag.end ? -1 : 1;
        if (depth == 0)
            return after;
    }
    return from;
}

/** The index after the end tag of a skipped element, searched from `from`. */
qsizetype skipElement(QStringView html, qsizetype from, const QString &name)
{
    const QString close = u"</"_s % name;
    for (qsizetype at = html.indexOf(close, from, Qt::CaseInsensitive); at >= 0;
         at = html.indexOf(close, at + 2, Qt::CaseInsensitive)) {
        const qsizetype after = at + close.size();
        if (after < html.size() && isNameChar(html[after]))
            continue; // </scripts> is not </script>
        const qsizetype end = html.indexOf(u'>', after);
        return end < 0 ? html.size() : end + 1;
    }
    return html.size();
}

} // namespace

QString decodeHtmlEntities(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (text[i] == u'&') {
            const qsizetype used = decodeReference(text, i, out);
            if (used > 0) {
                i += used;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

QList<TextBlock> parseHtml(QStringView html)
{
    TreeBuilder builder;
    qsizetype i = 0;
    qsizetype textStart = 0;
    const auto flushText = [&](qsizetype end) {
        if (end > textStart)
            builder.text(html.sliced(textStart, end - textStart));
    };
    while (i < html.size()) {
        const qsizetype lt = html.indexOf(u'<', i);
        if (lt < 0)
            break;
        if (html.sliced(lt).startsWith(u"<!--")) {
            flushText(lt);
            const qsizetype end = html.indexOf(u"-->", lt + 4);
            i = textStart = end < 0 ? html.size() : end + 3;
            continue;
        }
        if (lt + 1 < html.size() && (html[lt + 1] == u'!' || html[lt + 1] == u'?')) {
            flushText(lt);
            const qsizetype end = html.indexOf(u'>', lt);
            i = textStart = end < 0 ? html.size() : end + 1;
            continue;
        }
        Tag tag;
        const qsizetype after = readTag(html, lt, tag);
        if (after < 0) {
            i = lt + 1; // a literal '<', part of the text
            continue;
        }
        flushText(lt);
        i = textStart = after;
        if (!tag.end && isOneOf(QStringView(tag.name), kSkippedElements)) {
            i = textStart = skipElement(html, after, tag.name);
            continue;
        }
        if (isNavigation(tag)) {
            const qsizetype end = skipNested(html, after, tag.name, kMaxSkippedNavigation);
            if (end > after) {
                i = textStart = end;
                continue;
            }
        }
        builder.tag(tag);
    }
    flushText(html.size());
    return builder.finish();
}

} // namespace nianbao

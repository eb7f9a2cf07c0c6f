// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlparser.h"

#include <QCoreApplication>
#include <QHash>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlstring.h>

#include <algorithm>
#include <memory>
#include <mutex>
#include <ranges>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Legacy names browsers accept without the semicolon (&nbsp 2023); libxml2 wants one. */
constexpr QStringView kBareEntities[] = {u"nbsp", u"amp", u"lt", u"gt", u"quot", u"copy", u"reg"};

/** A reference name longer than this is not one of kBareEntities; stop scanning there. */
constexpr qsizetype kMaxBareEntityName = 8;

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
    return std::ranges::any_of(names, [name](QStringView candidate) { return candidate == name; });
}

bool isHtmlSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r' || c == u'\f';
}

bool isPreformatted(QStringView name)
{
    return name == u"pre" || name == u"listing" || name == u"plaintext";
}

QString fromXml(const xmlChar *text)
{
    return text ? QString::fromUtf8(reinterpret_cast<const char *>(text)) : QString();
}

/**
 * Element names as QStrings, made once per name: a page has a few dozen names and a million
 * elements, whose names would otherwise each cost two allocations.
 */
class ElementNames
{
public:
    QString operator()(const xmlNode *node)
    {
        const QByteArrayView key(reinterpret_cast<const char *>(node->name));
        auto found = m_names.constFind(key);
        if (found == m_names.cend())
            found = m_names.insert(key, fromXml(node->name).toLower());
        return *found;
    }

private:
    QHash<QByteArrayView, QString> m_names; ///< keys point into the tree, which outlives this
};

/** An element of libxml2's tree as the builder reads it: a lower-case name and attributes. */
struct Element
{
    Element(const xmlNode *node, QString name)
        : node(node)
        , name(std::move(name))
    { }

    QString attribute(const char *key) const
    {
        for (const xmlAttr *attribute = node->properties; attribute; attribute = attribute->next) {
            if (xmlStrcasecmp(attribute->name, reinterpret_cast<const xmlChar *>(key)) != 0)
                continue;
            const xmlNode *value = attribute->children;
            return value && value->type == XML_TEXT_NODE ? fromXml(value->content) : QString();
        }
        return {};
    }

    const xmlNode *node;
    QString name;
};

/** Builds the blocks as the walk reports text, start and end tags: the table logic that is ours. */
class TreeBuilder
{
public:
    void text(QStringView raw);
    void startTag(const Element &element);
    void endTag(QStringView name);
    QList<TextBlock> finish();

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
    void startCell(const Element &element);
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
    // Innermost first. Iterators, not std::ranges::reverse_view: clang 14 (the sanitized and
    // fuzz builds) cannot compile that view over libstdc++ 12's ranges.
    for (auto open = m_tables.crbegin(); open != m_tables.crend(); ++open) {
        if (open->inCell)
            return open->table->rows.last().last().blocks;
    }
    return m_root;
}

bool TreeBuilder::inCell() const
{
    return std::ranges::any_of(m_tables, [](const OpenTable &open) { return open.inCell; });
}

void TreeBuilder::text(QStringView raw)
{
    for (QChar c : raw) {
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

void TreeBuilder::startCell(const Element &element)
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
    const int columnSpan = element.attribute("colspan").trimmed().toInt(&ok);
    cell.columnSpan = ok && columnSpan > 0 ? std::min(columnSpan, 1000) : 1;
    const int rowSpan = element.attribute("rowspan").trimmed().toInt(&ok);
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

void TreeBuilder::startTag(const Element &element)
{
    const QStringView name = element.name;
    if (name == u"table") {
        startTable();
    } else if (name == u"tr") {
        startRow();
    } else if (name == u"td" || name == u"th") {
        startCell(element);
    } else if (name == u"caption") {
        startCaption();
    } else if (name == u"br") {
        if (inCell())
            m_pendingSpace = !m_inline.isEmpty();
        else
            flush();
    } else if (isOneOf(name, kBlockElements)) {
        flush();
        if (isPreformatted(name))
            ++m_pre;
    }
}

void TreeBuilder::endTag(QStringView name)
{
    if (name == u"table") {
        endTable();
    } else if (name == u"tr" || name == u"td" || name == u"th") {
        endCell();
    } else if (name == u"caption") {
        flush();
        if (!m_tables.empty())
            m_tables.back().inCaption = false;
    } else if (isOneOf(name, kBlockElements)) {
        flush();
        if (isPreformatted(name))
            m_pre = std::max(0, m_pre - 1);
    }
}

QList<TextBlock> TreeBuilder::finish()
{
    flush();
    m_tables.clear();
    return std::move(m_root);
}

/** The next node after `node` in document order, leaving `node`'s subtree; null at `root`. */
template<typename Leave>
const xmlNode *nextOutside(const xmlNode *node, const xmlNode *root, const Leave &leave)
{
    while (node != root && !node->next) {
        node = node->parent;
        if (!node || node == root)
            return nullptr;
        leave(node);
    }
    return node == root ? nullptr : node->next;
}

/**
 * Roughly how many characters `element`'s content spans in the page (text, plus tags and
 * attributes as written), counted only up to just past `limit`.
 */
qsizetype contentLength(const xmlNode *element, qsizetype limit)
{
    qsizetype length = 0;
    const auto ignore = [](const xmlNode *) {
    };
    for (const xmlNode *node = element->children; node && length <= limit;) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            length += xmlUTF8Strlen(node->content);
        } else if (node->type == XML_ELEMENT_NODE) {
            length += 2 * xmlStrlen(node->name) + 5;
            for (const xmlAttr *attribute = node->properties; attribute;
                 attribute = attribute->next) {
                length += xmlStrlen(attribute->name) + 4;
                if (attribute->children)
                    length += xmlUTF8Strlen(attribute->children->content);
            }
            if (node->children) {
                node = node->children;
                continue;
            }
        }
        node = nextOutside(node, element, ignore);
    }
    return length;
}

bool isNavigation(const Element &element)
{
    if (isOneOf(QStringView(element.name), kTableElements)
        || isOneOf(QStringView(element.name), kVoidElements))
        return false;
    if (element.name == u"nav")
        return true;
    const QString names = (element.attribute("class") % u' ' % element.attribute("id")).toLower();
    return std::ranges::any_of(kNavigationWords,
                               [&names](QStringView word) { return names.contains(word); });
}

/** Whether the walk reads `element`: not script, style and the like, nor a short menu. */
bool isRead(const Element &element)
{
    if (isOneOf(QStringView(element.name), kSkippedElements))
        return false;
    return !isNavigation(element)
        || contentLength(element.node, kMaxSkippedNavigation) > kMaxSkippedNavigation;
}

/**
 * Walks libxml2's tree in document order without recursion (parent and sibling links are the
 * stack), reporting text, start and end tags to the builder as the page wrote them.
 */
void walk(const xmlNode *root, TreeBuilder &builder)
{
    ElementNames names;
    const auto leave = [&](const xmlNode *node) {
        builder.endTag(names(node));
    };
    for (const xmlNode *node = root->children; node;) {
        if (node->type == XML_TEXT_NODE) {
            builder.text(fromXml(node->content));
        } else if (node->type == XML_ELEMENT_NODE) {
            const Element element(node, names(node));
            if (isRead(element)) {
                builder.startTag(element);
                if (node->children) {
                    node = node->children;
                    continue;
                }
                builder.endTag(element.name);
            }
        }
        node = nextOutside(node, root, leave);
    }
}

/** The length of the legacy reference at html[at] == '&' that lacks its semicolon, or 0. */
qsizetype bareEntityLength(QStringView html, qsizetype at)
{
    qsizetype end = at + 1;
    while (end < html.size() && end - at <= kMaxBareEntityName && html[end].unicode() < 0x80
           && html[end].isLetterOrNumber())
        ++end;
    if (end < html.size() && html[end] == u';')
        return 0;
    return isOneOf(html.sliced(at + 1, end - at - 1), kBareEntities) ? end - at : 0;
}

/** The length of the end tag `</name>` at html[at] == '<' (any case, attributes too), or 0. */
qsizetype endTagLength(QStringView html, qsizetype at, QStringView name)
{
    const qsizetype after = at + 2 + name.size();
    if (after >= html.size() || html[at + 1] != u'/'
        || html.sliced(at + 2, name.size()).compare(name, Qt::CaseInsensitive) != 0)
        return 0;
    if (html[after] != u'>' && html[after] != u'/' && !isHtmlSpace(html[after]))
        return 0;
    const qsizetype close = html.indexOf(u'>', after);
    return close < 0 ? 0 : close + 1 - at;
}

/**
 * The page as libxml2 reads it: UTF-8, with what browsers do and libxml2 does not. NUL reads as
 * U+FFFD (libxml2 would end the text there); the legacy references browsers accept without a
 * semicolon get one; </br> is a <br>, and a </p> no <p> is open for breaks the line as the
 * empty paragraph browsers make of it (an added <br> does nothing after a </p> that closes).
 */
QByteArray prepareForLibxml(QStringView html)
{
    QString out;
    out.reserve(html.size() + 16);
    qsizetype copied = 0; // html before this is in out already
    const auto replace = [&](qsizetype at, qsizetype length, QStringView by) {
        out += html.sliced(copied, at - copied) % by;
        copied = at + length;
    };
    for (qsizetype i = 0; i < html.size(); ++i) {
        const QChar c = html[i];
        if (c.isNull()) {
            replace(i, 1, QStringView(u"\uFFFD"));
        } else if (c == u'&') {
            if (const qsizetype length = bareEntityLength(html, i)) {
                replace(i + length, 0, u";");
                i += length - 1;
            }
        } else if (c == u'<') {
            if (const qsizetype length = endTagLength(html, i, u"br")) {
                replace(i, length, u"<br>");
                i += length - 1;
            } else if (const qsizetype length = endTagLength(html, i, u"p")) {
                replace(i, length, u"</p><br>");
                i += length - 1;
            }
        }
    }
    out += html.sliced(copied);
    return out.toUtf8();
}

struct DocumentFree
{
    void operator()(xmlDoc *document) const { xmlFreeDoc(document); }
};

struct ContextFree
{
    void operator()(htmlParserCtxt *context) const { htmlFreeParserCtxt(context); }
};

Error tooDeep(const xmlError &error)
{
    return Error {u"html.too_deep"_s,
                  QCoreApplication::translate("nianbao::HtmlLoader",
                                              "The page nests its elements more than %1 deep "
                                              "(line %2); it is damaged or built to break "
                                              "readers, and was not read. Open it in a browser "
                                              "and print it to PDF, then open that file.")
                      .arg(kMaxHtmlDepth)
                      .arg(error.line),
                  {{}, error.line, {}}};
}

} // namespace

Result<QList<TextBlock>> parseHtml(QStringView html)
{
    static std::once_flag initialized;
    // libxml2 must be set up before threads use it; its depth limit is a process global.
    std::call_once(initialized, [] {
        xmlInitParser();
        xmlParserMaxDepth = unsigned(kMaxHtmlDepth);
    });
    const QByteArray utf8 = prepareForLibxml(html);
    if (utf8.isEmpty())
        return QList<TextBlock>();
    const std::unique_ptr<htmlParserCtxt, ContextFree> context(htmlNewParserCtxt());
    if (!context)
        return Error {u"html.parser"_s,
                      QCoreApplication::translate("nianbao::HtmlLoader",
                                                  "The HTML parser could not start (out of "
                                                  "memory?); the page was not read."),
                      {}};
    // Our own charset detection decoded the page already (IGNORE_ENC); no network, no noise.
    // The size fits an int: the reader refuses files over 16 MB (file.too_large) before this.
    constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_NODEFDTD;
    const std::unique_ptr<xmlDoc, DocumentFree> document(htmlCtxtReadMemory(
        context.get(), utf8.constData(), int(utf8.size()), nullptr, "UTF-8", kOptions));
    // In libxml2 2.9's HTML parser the one internal error is nesting beyond its depth limit,
    // which halts the parse: what lies deeper would be lost without a word.
    const xmlError *error = xmlCtxtGetLastError(context.get());
    if (error && error->code == XML_ERR_INTERNAL_ERROR)
        return tooDeep(*error);
    if (!document)
        return QList<TextBlock>();
    TreeBuilder builder;
    walk(reinterpret_cast<const xmlNode *>(document.get()), builder);
    return builder.finish();
}

} // namespace nianbao

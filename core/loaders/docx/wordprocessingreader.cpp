// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "wordprocessingreader.h"

#include "clock.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Elements read inside one another (tables in cells, runs in content controls) beyond this
 *  depth are damage or an attack: real documents stay within a few dozen levels, and each
 *  level is a stack frame of this reader. */
constexpr int kMaxElementDepth = 256;
/** Paragraphs and table cells of one document: a 500-page report holds some 50,000. */
constexpr qsizetype kMaxParts = 200'000;
/** Parts read between two looks at the time budget (a look costs a clock read). */
constexpr qsizetype kPartsPerBudgetCheck = 4096;

constexpr QStringView kWordNamespaces[]
    = {u"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
       u"http://purl.oclc.org/ooxml/wordprocessingml/main"};
constexpr QStringView kCompatibilityNamespace
    = u"http://schemas.openxmlformats.org/markup-compatibility/2006";

/** Word elements whose content is never part of the visible text. */
constexpr QStringView kSkippedInRuns[] = {u"pPr",
                                          u"rPr",
                                          u"del",
                                          u"moveFrom",
                                          u"instrText",
                                          u"delText",
                                          u"delInstrText",
                                          u"fldData",
                                          u"rPrChange",
                                          u"pPrChange",
                                          u"sectPr",
                                          u"footnoteReference",
                                          u"endnoteReference",
                                          u"commentReference",
                                          u"annotationRef",
                                          u"bookmarkStart",
                                          u"bookmarkEnd",
                                          u"proofErr",
                                          u"lastRenderedPageBreak"};

/** Word elements that only wrap content: read what is inside as if they were not there. */
constexpr QStringView kTransparent[]
    = {u"sdt", u"sdtContent", u"customXml", u"ins", u"moveTo", u"smartTag", u"txbxContent"};

template<size_t N>
bool isOneOf(QStringView name, const QStringView (&names)[N])
{
    for (QStringView candidate : names) {
        if (candidate == name)
            return true;
    }
    return false;
}

class Reader
{
public:
    explicit Reader(const QByteArray &xml)
        : m_xml(xml)
    { }

    Result<QList<TextBlock>> read();

private:
    bool isWord() const;
    bool isWord(QStringView name) const { return isWord() && m_xml.name() == name; }
    bool isCompatibility(QStringView name) const
    {
        return m_xml.namespaceUri() == kCompatibilityNamespace && m_xml.name() == name;
    }
    int intAttribute(QStringView name, int fallback) const;
    QString attribute(QStringView name) const;

    void readBlocks(QList<TextBlock> &out, TextTableCell *cell = nullptr,
                    bool *continued = nullptr);
    void readParagraph(QList<TextBlock> &out);
    void readRuns(QString &text, QList<TextBlock> &floating);
    std::shared_ptr<TextTable> readTable();
    void readTableContent(TextTable &table);
    void readRow(QList<TextTableCell> &row);
    void readCellProperties(TextTableCell &cell, bool *continued);

    /** Counts one level of nesting for as long as it lives; false once too deep. */
    class Level
    {
    public:
        explicit Level(Reader &reader, int *depth);
        ~Level() { --*m_depth; }
        Q_DISABLE_COPY_MOVE(Level)
        explicit operator bool() const { return m_ok; }

    private:
        int *m_depth;
        bool m_ok;
    };

    void stop(Error error);
    bool countPart();

    QXmlStreamReader m_xml;
    std::optional<Error> m_limit; ///< the first cap the document broke; reading stopped there
    int m_depth = 0;
    int m_tableDepth = 0;
    qsizetype m_parts = 0;
};

QString translate(const char *text)
{
    return QCoreApplication::translate("nianbao::DocxLoader", text);
}

Reader::Level::Level(Reader &reader, int *depth)
    : m_depth(depth)
    , m_ok(true)
{
    ++*m_depth;
    const bool tables = depth == &reader.m_tableDepth;
    const int limit = tables ? kMaxTableNesting : kMaxElementDepth;
    if (*m_depth <= limit)
        return;
    m_ok = false;
    reader.stop(Error {
        u"docx.too_deep"_s,
        (tables ? translate("Tables are nested more than %1 levels deep (line %2 of the "
                            "document part); no report nests them so: the file is damaged or "
                            "built to break readers, and is not read.")
                : translate("Elements are nested more than %1 levels deep (line %2 of the "
                            "document part); no report nests them so: the file is damaged or "
                            "built to break readers, and is not read."))
            .arg(limit)
            .arg(reader.m_xml.lineNumber()),
        {}});
}

void Reader::stop(Error error)
{
    if (!m_limit)
        m_limit = std::move(error);
    // Makes every readNextStartElement() fail, so each open level returns at once.
    if (!m_xml.hasError())
        m_xml.raiseError(m_limit->message);
}

bool Reader::countPart()
{
    ++m_parts;
    if (m_parts % kPartsPerBudgetCheck == 0 && ReadBudget::current().exhausted()) {
        stop(ReadBudget::current().error(
            translate("line %1 of the Word document").arg(m_xml.lineNumber())));
        return false;
    }
    if (m_parts <= kMaxParts)
        return true;
    stop(Error {u"docx.too_large"_s,
                translate("The document holds more than %1 paragraphs and table cells (line %2 "
                          "of the document part), far more than any report; it is not read.")
                    .arg(kMaxParts)
                    .arg(m_xml.lineNumber()),
                {}});
    return false;
}

bool Reader::isWord() const
{
    const QStringView uri = m_xml.namespaceUri();
    return uri == kWordNamespaces[0] || uri == kWordNamespaces[1];
}

QString Reader::attribute(QStringView name) const
{
    // w:val and friends are in the Word namespace; tolerate writers that leave it out.
    for (const QXmlStreamAttribute &attribute : m_xml.attributes()) {
        if (attribute.name() == name)
            return attribute.value().toString();
    }
    return {};
}

int Reader::intAttribute(QStringView name, int fallback) const
{
    bool ok = false;
    const int value = attribute(name).toInt(&ok);
    return ok ? value : fallback;
}

Result<QList<TextBlock>> Reader::read()
{
    QList<TextBlock> blocks;
    bool body = false;
    if (m_xml.readNextStartElement() && isWord(u"document")) {
        while (m_xml.readNextStartElement()) {
            if (isWord(u"body")) {
                body = true;
                readBlocks(blocks);
            } else {
                m_xml.skipCurrentElement();
            }
        }
    }
    if (m_limit)
        return *m_limit;
    if (m_xml.hasError()) {
        return Error {u"docx.corrupt"_s,
                      u"%1 (line %2, column %3)"_s.arg(m_xml.errorString())
                          .arg(m_xml.lineNumber())
                          .arg(m_xml.columnNumber()),
                      {}};
    }
    if (!body)
        return Error {u"docx.not_word"_s, u"no w:document/w:body"_s, {}};
    return blocks;
}

void Reader::readBlocks(QList<TextBlock> &out, TextTableCell *cell, bool *continued)
{
    const Level level(*this, &m_depth);
    if (!level)
        return;
    while (m_xml.readNextStartElement()) {
        if (isWord(u"p")) {
            readParagraph(out);
        } else if (isWord(u"tbl")) {
            out.append(TextBlock {{}, readTable()});
        } else if (cell && continued && isWord(u"tcPr")) {
            readCellProperties(*cell, continued);
        } else if (isWord() && isOneOf(m_xml.name(), kTransparent)) {
            readBlocks(out);
        } else if (isCompatibility(u"AlternateContent")) {
            bool chosen = false;
            while (m_xml.readNextStartElement()) {
                if (!chosen && isCompatibility(u"Choice")) {
                    chosen = true;
                    readBlocks(out);
                } else {
                    m_xml.skipCurrentElement();
                }
            }
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void Reader::readParagraph(QList<TextBlock> &out)
{
    if (!countPart())
        return;
    QString text;
    QList<TextBlock> floating;
    readRuns(text, floating);
    out.append(TextBlock {text, nullptr});
    out.append(floating);
}

void Reader::readRuns(QString &text, QList<TextBlock> &floating)
{
    const Level level(*this, &m_depth);
    if (!level)
        return;
    while (m_xml.readNextStartElement()) {
        if (isWord()) {
            const QStringView name = m_xml.name();
            if (name == u"t") {
                text += m_xml.readElementText(QXmlStreamReader::IncludeChildElements);
                continue;
            }
            if (name == u"tab" || name == u"ptab") {
                text += u'\t';
            } else if (name == u"br" || name == u"cr") {
                text += u'\n';
            } else if (name == u"noBreakHyphen") {
                text += u'-';
            } else if (name == u"sym") {
                bool ok = false;
                const uint code = attribute(u"char").toUInt(&ok, 16);
                // Symbol-font characters (F0xx) have no Unicode meaning of their own.
                if (ok && code > 0 && code < 0xD800 && (code < 0xF000 || code > 0xF0FF))
                    text += QChar(char16_t(code));
            } else if (name == u"txbxContent") {
                readBlocks(floating);
                continue;
            } else if (name == u"p") {
                readParagraph(floating);
                continue;
            } else if (name == u"tbl") {
                floating.append(TextBlock {{}, readTable()});
                continue;
            } else if (!isOneOf(name, kSkippedInRuns)) {
                readRuns(text, floating); // r, hyperlink, fldSimple, ins, sdt, smartTag, …
                continue;
            }
            m_xml.skipCurrentElement();
            continue;
        }
        if (isCompatibility(u"AlternateContent")) {
            bool chosen = false;
            while (m_xml.readNextStartElement()) {
                if (!chosen && isCompatibility(u"Choice")) {
                    chosen = true;
                    readRuns(text, floating);
                } else {
                    m_xml.skipCurrentElement();
                }
            }
            continue;
        }
        // Drawings, pictures, objects: look inside for text boxes.
        readRuns(text, floating);
    }
}

std::shared_ptr<TextTable> Reader::readTable()
{
    auto table = std::make_shared<TextTable>();
    const Level level(*this, &m_tableDepth);
    if (level)
        readTableContent(*table);
    return table;
}

void Reader::readTableContent(TextTable &table)
{
    const Level level(*this, &m_depth);
    if (!level)
        return;
    while (m_xml.readNextStartElement()) {
        if (isWord(u"tr")) {
            table.rows.append(QList<TextTableCell>());
            readRow(table.rows.last());
        } else if (isWord() && isOneOf(m_xml.name(), kTransparent)) {
            readTableContent(table);
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void Reader::readRow(QList<TextTableCell> &row)
{
    const Level level(*this, &m_depth);
    if (!level)
        return;
    while (m_xml.readNextStartElement()) {
        if (isWord(u"tc")) {
            if (!countPart())
                return;
            TextTableCell cell;
            bool continued = false;
            readBlocks(cell.blocks, &cell, &continued);
            if (continued)
                cell.blocks.clear(); // the merged cell's text stands in its first cell
            row.append(std::move(cell));
        } else if (isWord(u"trPr")) {
            while (m_xml.readNextStartElement()) {
                // Grid columns the row leaves out before its first cell stay empty fields:
                // one empty cell spanning them, whatever their number.
                if (isWord(u"gridBefore")) {
                    const int before = std::clamp(intAttribute(u"val", 0), 0, kMaxGridColumns);
                    if (before > 0)
                        row.append(TextTableCell {{}, before, 1});
                }
                m_xml.skipCurrentElement();
            }
        } else if (isWord() && isOneOf(m_xml.name(), kTransparent)) {
            readRow(row);
        } else {
            m_xml.skipCurrentElement();
        }
    }
}

void Reader::readCellProperties(TextTableCell &cell, bool *continued)
{
    while (m_xml.readNextStartElement()) {
        if (isWord(u"gridSpan")) {
            cell.columnSpan = std::clamp(intAttribute(u"val", 1), 1, kMaxGridColumns);
        } else if (isWord(u"vMerge") || isWord(u"hMerge")) {
            // <w:vMerge/> and val="continue" continue the merged cell above (or to the left):
            // its text stands in the first cell, this one stays empty.
            const QString value = attribute(u"val");
            if (value.isEmpty() || value == u"continue")
                *continued = true;
        }
        m_xml.skipCurrentElement();
    }
}

} // namespace

Result<QList<TextBlock>> readWordprocessingMl(const QByteArray &xml)
{
    return Reader(xml).read();
}

} // namespace nianbao

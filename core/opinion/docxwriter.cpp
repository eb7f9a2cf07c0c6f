// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxwriter.h"

#include <QSaveFile>
#include <QXmlStreamWriter>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr char kContentTypes[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>
)";

constexpr char kPackageRelationships[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>
)";

constexpr char kDocumentRelationships[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
)";

// 宋体 for the Chinese text, 12 pt, as official letters are set; Word substitutes a font it
// lacks. Table Grid rules every table's cells.
constexpr char kStyles[] = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults>
<w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="SimSun" w:cs="Times New Roman"/><w:sz w:val="24"/><w:szCs w:val="24"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault>
</w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:spacing w:before="240" w:after="360"/><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="SimHei"/><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="SimHei"/><w:b/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>
<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblCellMar><w:left w:w="108" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>
)";

/** A4 in twentieths of a point, with 2.5 cm margins (1418 twips). */
constexpr int kPageWidth = 11906;
constexpr int kPageHeight = 16838;
constexpr int kMargin = 1418;
constexpr int kTextWidth = kPageWidth - 2 * kMargin;

/** Drops what XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF). */
QString xmlText(const QString &text)
{
    QString clean;
    clean.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (c.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            clean += c;
            clean += text[++i];
            continue;
        }
        const bool control = c.unicode() < 0x20 && c != u'\t';
        if (control || c.isSurrogate() || c.unicode() >= 0xFFFE)
            continue;
        clean += c;
    }
    return clean;
}

QString alignValue(DocxWriter::Align align)
{
    switch (align) {
    case DocxWriter::Align::Left:
        return u"left"_s;
    case DocxWriter::Align::Center:
        return u"center"_s;
    case DocxWriter::Align::Right:
        return u"right"_s;
    case DocxWriter::Align::Justify:
        break;
    }
    return u"both"_s;
}

void writeValue(QXmlStreamWriter &xml, const QString &element, const QString &value)
{
    xml.writeEmptyElement(element);
    xml.writeAttribute(u"w:val"_s, value);
}

void writeRun(QXmlStreamWriter &xml, const DocxWriter::Run &run)
{
    xml.writeStartElement(u"w:r"_s);
    if (run.bold) {
        xml.writeStartElement(u"w:rPr"_s);
        xml.writeEmptyElement(u"w:b"_s);
        xml.writeEndElement();
    }
    xml.writeStartElement(u"w:t"_s);
    xml.writeAttribute(u"xml:space"_s, u"preserve"_s);
    xml.writeCharacters(xmlText(run.text));
    xml.writeEndElement();
    xml.writeEndElement();
}

struct ParagraphFormat
{
    QString style;
    DocxWriter::Align align = DocxWriter::Align::Justify;
    DocxWriter::ParagraphOptions options;
};

void writeParagraph(QXmlStreamWriter &xml, const QList<DocxWriter::Run> &runs,
                    const ParagraphFormat &format)
{
    xml.writeStartElement(u"w:p"_s);
    xml.writeStartElement(u"w:pPr"_s);
    if (!format.style.isEmpty())
        writeValue(xml, u"w:pStyle"_s, format.style);
    if (format.options.testFlag(DocxWriter::KeepWithNext))
        xml.writeEmptyElement(u"w:keepNext"_s);
    if (format.options.testFlag(DocxWriter::Indent)) {
        // Two characters, as Chinese paragraphs begin.
        xml.writeEmptyElement(u"w:ind"_s);
        xml.writeAttribute(u"w:firstLineChars"_s, u"200"_s);
        xml.writeAttribute(u"w:firstLine"_s, u"480"_s);
    }
    writeValue(xml, u"w:jc"_s, alignValue(format.align));
    xml.writeEndElement();
    for (const DocxWriter::Run &run : runs)
        writeRun(xml, run);
    xml.writeEndElement();
}

/**
 * Appends what `write` writes to `bytes`, as a fragment. A writer on a QByteArray writes from
 * its start, so each fragment gets its own.
 */
template<typename Write>
void appendXml(QByteArray &bytes, Write write)
{
    QByteArray fragment;
    {
        QXmlStreamWriter xml(&fragment);
        write(xml);
    }
    bytes.append(fragment);
}

void writeBorders(QXmlStreamWriter &xml)
{
    xml.writeStartElement(u"w:tblBorders"_s);
    for (const QString &side :
         {u"w:top"_s, u"w:left"_s, u"w:bottom"_s, u"w:right"_s, u"w:insideH"_s, u"w:insideV"_s}) {
        xml.writeEmptyElement(side);
        xml.writeAttribute(u"w:val"_s, u"single"_s);
        xml.writeAttribute(u"w:sz"_s, u"4"_s);
        xml.writeAttribute(u"w:space"_s, u"0"_s);
        xml.writeAttribute(u"w:color"_s, u"000000"_s);
    }
    xml.writeEndElement();
}

void writeTableProperties(QXmlStreamWriter &xml, const QList<int> &twips)
{
    xml.writeStartElement(u"w:tblPr"_s);
    xml.writeEmptyElement(u"w:tblW"_s);
    xml.writeAttribute(u"w:w"_s, QString::number(kTextWidth));
    xml.writeAttribute(u"w:type"_s, u"dxa"_s);
    writeBorders(xml);
    xml.writeEmptyElement(u"w:tblLayout"_s);
    xml.writeAttribute(u"w:type"_s, u"fixed"_s);
    xml.writeEndElement();
    xml.writeStartElement(u"w:tblGrid"_s);
    for (int width : twips) {
        xml.writeEmptyElement(u"w:gridCol"_s);
        xml.writeAttribute(u"w:w"_s, QString::number(width));
    }
    xml.writeEndElement();
}

void writeTableRow(QXmlStreamWriter &xml, const QStringList &cells, const QList<int> &twips,
                   bool header)
{
    xml.writeStartElement(u"w:tr"_s);
    if (header) {
        xml.writeStartElement(u"w:trPr"_s);
        xml.writeEmptyElement(u"w:tblHeader"_s);
        xml.writeEndElement();
    }
    for (qsizetype c = 0; c < twips.size(); ++c) {
        xml.writeStartElement(u"w:tc"_s);
        xml.writeStartElement(u"w:tcPr"_s);
        xml.writeEmptyElement(u"w:tcW"_s);
        xml.writeAttribute(u"w:w"_s, QString::number(twips[c]));
        xml.writeAttribute(u"w:type"_s, u"dxa"_s);
        xml.writeEndElement();
        // Every cell holds a paragraph, even an empty one: Word refuses a cell without.
        writeParagraph(xml, {DocxWriter::Run {cells.value(c), header}},
                       {QString(), DocxWriter::Align::Left, DocxWriter::NoOption});
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeSection(QXmlStreamWriter &xml)
{
    xml.writeStartElement(u"w:sectPr"_s);
    xml.writeEmptyElement(u"w:pgSz"_s);
    xml.writeAttribute(u"w:w"_s, QString::number(kPageWidth));
    xml.writeAttribute(u"w:h"_s, QString::number(kPageHeight));
    xml.writeEmptyElement(u"w:pgMar"_s);
    for (const QString &side : {u"w:top"_s, u"w:right"_s, u"w:bottom"_s, u"w:left"_s})
        xml.writeAttribute(side, QString::number(kMargin));
    for (const QString &edge : {u"w:header"_s, u"w:footer"_s})
        xml.writeAttribute(edge, u"851"_s);
    xml.writeAttribute(u"w:gutter"_s, u"0"_s);
    xml.writeEndElement();
}

Error zipFailure(const QString &what)
{
    return Error {
        u"docx.write"_s, DocxWriter::tr("Cannot write the Word document: %1").arg(what), {}};
}

struct ZipSourceDeleter
{
    void operator()(zip_source_t *source) const { zip_source_free(source); }
};

/** Adds one part, copied into libzip's keeping (the buffer source frees it). */
bool addPart(zip_t *zip, const char *name, const QByteArray &bytes)
{
    void *copy = malloc(size_t(bytes.size()));
    if (!copy)
        return false;
    memcpy(copy, bytes.constData(), size_t(bytes.size()));
    zip_source_t *source = zip_source_buffer(zip, copy, zip_uint64_t(bytes.size()), 1);
    if (!source) {
        free(copy);
        return false;
    }
    if (zip_file_add(zip, name, source, ZIP_FL_ENC_UTF_8) < 0) {
        zip_source_free(source);
        return false;
    }
    return true;
}

/** Reads back the archive libzip wrote into `source`. */
Result<QByteArray> readSource(zip_source_t *source)
{
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_stat(source, &stat) < 0 || !(stat.valid & ZIP_STAT_SIZE)
        || zip_source_open(source) < 0)
        return zipFailure(QString::fromUtf8(zip_error_strerror(zip_source_error(source))));
    QByteArray bytes(qsizetype(stat.size), Qt::Uninitialized);
    const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
    zip_source_close(source);
    if (read != zip_int64_t(stat.size))
        return zipFailure(u"short read"_s);
    return bytes;
}

} // namespace

void DocxWriter::addTitle(const QString &text)
{
    appendXml(m_body, [&](QXmlStreamWriter &xml) {
        writeParagraph(xml, {Run {text, false}}, {u"Title"_s, Align::Center, NoOption});
    });
}

void DocxWriter::addHeading(const QString &text)
{
    appendXml(m_body, [&](QXmlStreamWriter &xml) {
        writeParagraph(xml, {Run {text, false}}, {u"Heading1"_s, Align::Left, NoOption});
    });
}

void DocxWriter::addParagraph(const QString &text, Align align, ParagraphOptions options)
{
    addParagraph(QList<Run> {Run {text, false}}, align, options);
}

void DocxWriter::addParagraph(const QList<Run> &runs, Align align, ParagraphOptions options)
{
    appendXml(m_body, [&](QXmlStreamWriter &xml) {
        writeParagraph(xml, runs, {QString(), align, options});
    });
}

void DocxWriter::addTable(const QList<QStringList> &rows, const QList<int> &widths)
{
    int total = 0;
    for (int width : widths)
        total += width;
    QList<int> twips;
    for (int width : widths)
        twips.append(total > 0 ? kTextWidth * width / total : kTextWidth);
    appendXml(m_body, [&](QXmlStreamWriter &xml) {
        xml.writeStartElement(u"w:tbl"_s);
        writeTableProperties(xml, twips);
        for (qsizetype r = 0; r < rows.size(); ++r)
            writeTableRow(xml, rows[r], twips, r == 0);
        xml.writeEndElement();
        // A table may not end the body or touch the next table: Word wants a paragraph after it.
        writeParagraph(xml, {}, {});
    });
}

QByteArray DocxWriter::documentXml() const
{
    QByteArray bytes = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                       "\n<w:document "
                       R"(xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
                       "<w:body>";
    bytes.append(m_body);
    appendXml(bytes, writeSection);
    bytes.append("</w:body></w:document>\n");
    return bytes;
}

Result<QByteArray> DocxWriter::package() const
{
    zip_error_t error;
    zip_error_init(&error);
    std::unique_ptr<zip_source_t, ZipSourceDeleter> buffer(
        zip_source_buffer_create(nullptr, 0, 0, &error));
    zip_t *zip = buffer ? zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error) : nullptr;
    if (!zip) {
        const QString why = QString::fromUtf8(zip_error_strerror(&error));
        zip_error_fini(&error);
        return zipFailure(why);
    }
    zip_error_fini(&error);
    // zip_close() frees the archive; the buffer must outlive it to be read back.
    zip_source_keep(buffer.get());
    const std::pair<const char *, QByteArray> parts[] = {
        {"[Content_Types].xml", QByteArray(kContentTypes)},
        {"_rels/.rels", QByteArray(kPackageRelationships)},
        {"word/document.xml", documentXml()},
        {"word/_rels/document.xml.rels", QByteArray(kDocumentRelationships)},
        {"word/styles.xml", QByteArray(kStyles)},
    };
    for (const auto &[name, bytes] : parts) {
        if (!addPart(zip, name, bytes)) {
            const QString why = QString::fromUtf8(zip_strerror(zip));
            zip_discard(zip);
            return zipFailure(why);
        }
    }
    if (zip_close(zip) < 0) {
        const QString why = QString::fromUtf8(zip_strerror(zip));
        zip_discard(zip);
        return zipFailure(why);
    }
    return readSource(buffer.get());
}

Result<void> DocxWriter::save(const QString &path) const
{
    Result<QByteArray> bytes = package();
    if (!bytes)
        return bytes.error();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes.value()) != bytes.value().size()
        || !file.commit())
        return Error {u"docx.write"_s,
                      tr("Cannot write %1: %2").arg(path, file.errorString()),
                      {path, 0, {}}};
    return {};
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxloader.h"

#include "loaders/structuredtext.h"
#include "wordprocessingreader.h"
#include "ziparchive.h"

#include <QCoreApplication>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** document.xml compresses about tenfold; more than this is a zip bomb, not a report. */
constexpr qint64 kMaxPartBytes = 256 * 1024 * 1024;
constexpr qint64 kMaxRelationshipBytes = 1024 * 1024;

// For member functions only: lupdate files a tr() made in a free function under "nianbao",
// so free functions spell out QCoreApplication::translate with this context.
QString tr(const char *text)
{
    return QCoreApplication::translate("nianbao::DocxLoader", text);
}

Error corrupt(const QString &detail)
{
    return Error {u"docx.corrupt"_s,
                  QCoreApplication::translate(
                      "nianbao::DocxLoader",
                      "The Word file is damaged or incomplete (%1). Download it again, or open "
                      "it in Word, WPS or LibreOffice and save it as a new .docx file.")
                      .arg(detail),
                  {}};
}

/** The main document part named by the package relationships; word/document.xml if none. */
QString mainPart(const ZipArchive &archive)
{
    const QString fallback = u"word/document.xml"_s;
    Result<QByteArray> relationships = archive.read(u"_rels/.rels"_s, kMaxRelationshipBytes);
    if (!relationships)
        return fallback;
    QXmlStreamReader xml(relationships.value());
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement || xml.name() != u"Relationship")
            continue;
        const QStringView type = xml.attributes().value(u"Type"_s);
        if (!type.endsWith(u"/officeDocument"))
            continue;
        QString target = xml.attributes().value(u"Target"_s).toString();
        while (target.startsWith(u'/'))
            target.remove(0, 1);
        if (!target.isEmpty() && archive.contains(target))
            return target;
    }
    return fallback;
}

Error notWord(const ZipArchive &archive)
{
    if (archive.contains(u"xl/workbook.xml"_s)) {
        return Error {u"docx.not_word"_s,
                      QCoreApplication::translate(
                          "nianbao::DocxLoader",
                          "This is an Excel workbook, not a Word document. Open the report's "
                          "Word, PDF or HTML version instead."),
                      {}};
    }
    if (archive.contains(u"content.xml"_s) && archive.contains(u"mimetype"_s)) {
        return Error {u"docx.not_word"_s,
                      QCoreApplication::translate(
                          "nianbao::DocxLoader",
                          "This is an OpenDocument file (.odt), not a Word .docx document. Open "
                          "it in LibreOffice or WPS and save it as .docx, then open that copy."),
                      {}};
    }
    return Error {u"docx.not_word"_s,
                  QCoreApplication::translate(
                      "nianbao::DocxLoader",
                      "This is a zip archive that holds no Word document. Unpack it and open "
                      "the report inside."),
                  {}};
}

} // namespace

QString DocxLoader::formatName() const
{
    return u"docx"_s;
}

DocumentLoader::Capabilities DocxLoader::capabilities() const
{
    return NoCapability;
}

bool DocxLoader::looksLikeZip(QByteArrayView head)
{
    return head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06");
}

bool DocxLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    if (looksLikeZip(head))
        return true;
    const QString name = fileName.toLower();
    return name.endsWith(u".docx") || name.endsWith(u".docm") || name.endsWith(u".dotx");
}

Result<LoadedDocument> DocxLoader::load(const QByteArray &bytes) const
{
    if (!looksLikeZip(bytes))
        return corrupt(tr("it is not a zip archive, as .docx files are"));
    Result<std::shared_ptr<ZipArchive>> archive = ZipArchive::open(bytes);
    if (!archive)
        return corrupt(archive.error().message);
    const ZipArchive &zip = *archive.value();
    const QString part = mainPart(zip);
    if (!zip.contains(part))
        return notWord(zip);
    Result<QByteArray> xml = zip.read(part, kMaxPartBytes);
    if (!xml)
        return corrupt(xml.error().message);
    Result<QList<TextBlock>> blocks = readWordprocessingMl(xml.value());
    if (!blocks) {
        if (blocks.error().code == u"docx.not_word")
            return notWord(zip);
        return corrupt(part % u": "_s % blocks.error().message);
    }
    const QString text = writeStructuredText(blocks.value());
    if (text.trimmed().isEmpty()) {
        return Error {u"docx.no_text"_s,
                      tr("The Word document holds no text: its pages are probably scanned "
                         "images. Run OCR on it, or open a text version of the report."),
                      {}};
    }
    return LoadedDocument {text, u"UTF-8"_s, {}};
}

} // namespace nianbao

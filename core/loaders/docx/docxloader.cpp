// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "docxloader.h"

#include "loaders/structuredtext.h"
#include "wordprocessingreader.h"
#include "ziparchive.h"

#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The main part unpacked: reports' are under 2 MB; more than this is a zip bomb, not a
 *  report, and would take seconds and hundreds of MB to parse. */
constexpr qint64 kMaxPartBytes = 32 * 1024 * 1024;
constexpr qint64 kMaxRelationshipBytes = 1024 * 1024;

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

} // namespace

Error DocxLoader::corrupt(const QString &detail)
{
    return Error {u"docx.corrupt"_s,
                  tr("The Word file is damaged or incomplete (%1). Download it again, or open "
                     "it in Word, WPS or LibreOffice and save it as a new .docx file.")
                      .arg(detail),
                  {}};
}

Error DocxLoader::encrypted()
{
    return Error {u"docx.encrypted"_s,
                  tr("The Word file is password-protected (its parts are encrypted). Open it "
                     "with its password in Word or WPS and save an unprotected copy, then "
                     "open that file."),
                  {}};
}

Error DocxLoader::duplicate(const QString &name)
{
    return Error {u"docx.duplicate_part"_s,
                  tr("The Word file holds two parts named %1: Word and Nianbao could read "
                     "different ones, so the file is not read. Open it in Word, WPS or "
                     "LibreOffice and save it as a new .docx file.")
                      .arg(name),
                  {}};
}

Error DocxLoader::tooLarge(const QString &part)
{
    return Error {u"docx.too_large"_s,
                  tr("The Word file's %1 unpacks to more than %2 MB, far more than any "
                     "report's text: it is a zip bomb or not a report, and is not read.")
                      .arg(part)
                      .arg(kMaxPartBytes / (1024 * 1024)),
                  {}};
}

/** The error for a part that could not be unpacked. */
Error DocxLoader::unreadablePart(const QString &part, const Error &error)
{
    if (error.code == u"zip.encrypted")
        return encrypted();
    if (error.code == u"zip.too_large")
        return tooLarge(part);
    return corrupt(error.message);
}

Error DocxLoader::notWord(const ZipArchive &archive)
{
    if (archive.contains(u"xl/workbook.xml"_s)) {
        return Error {u"docx.not_word"_s,
                      tr("This is an Excel workbook, not a Word document. Open the report's "
                         "Word, PDF or HTML version instead."),
                      {}};
    }
    if (archive.contains(u"content.xml"_s) && archive.contains(u"mimetype"_s)) {
        return Error {u"docx.not_word"_s,
                      tr("This is an OpenDocument file (.odt), not a Word .docx document. Open "
                         "it in LibreOffice or WPS and save it as .docx, then open that copy."),
                      {}};
    }
    return Error {u"docx.not_word"_s,
                  tr("This is a zip archive that holds no Word document. Unpack it and open "
                     "the report inside."),
                  {}};
}

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
    if (const QString name = zip.duplicateName(); !name.isEmpty())
        return duplicate(name);
    const QString part = mainPart(zip);
    if (!zip.contains(part))
        return notWord(zip);
    Result<QByteArray> xml = zip.read(part, kMaxPartBytes);
    if (!xml)
        return unreadablePart(part, xml.error());
    Result<QList<TextBlock>> blocks = readWordprocessingMl(xml.value());
    if (!blocks) {
        const QString &code = blocks.error().code;
        if (code == u"docx.not_word")
            return notWord(zip);
        if (code != u"docx.corrupt")
            return blocks.error(); // a cap: its message says which
        return corrupt(part % u": "_s % blocks.error().message);
    }
    StructuredText text = layoutStructuredText(blocks.value());
    if (text.text.trimmed().isEmpty()) {
        return Error {u"docx.no_text"_s,
                      tr("The Word document holds no text: its pages are probably scanned "
                         "images. Run OCR on it, or open a text version of the report."),
                      {}};
    }
    return LoadedDocument {std::move(text.text), u"UTF-8"_s, std::move(text.warnings)};
}

} // namespace nianbao

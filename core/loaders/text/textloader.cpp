// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textloader.h"

#include "loaders/docx/docxloader.h"
#include "loaders/docx/legacywordloader.h"
#include "loaders/html/htmlloader.h"
#include "loaders/pdf/pdfloader.h"
#include "textdecoder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace nianbao {

QString TextLoader::formatName() const
{
    return u"text"_s;
}

DocumentLoader::Capabilities TextLoader::capabilities() const
{
    return DetectsEncoding;
}

bool TextLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    Q_UNUSED(head);
    Q_UNUSED(fileName);
    return true;
}

Result<LoadedDocument> TextLoader::load(const QByteArray &bytes) const
{
    Result<DecodedText> decoded = decodeText(bytes);
    if (!decoded)
        return decoded.error();
    LoadedDocument document {std::move(decoded.value().text), decoded.value().encoding, {}};
    if (decoded.value().replacedSequences > 0) {
        const DecodedText &info = decoded.value();
        // A decoder that only counts the replacements knows no offset (-1): say none.
        const QString message = info.firstInvalidByte >= 0
            ? QCoreApplication::translate("nianbao::TextLoader",
                                          "%1 invalid byte sequences in %2 text were replaced "
                                          "by \uFFFD (first at byte %3)")
                  .arg(info.replacedSequences)
                  .arg(info.encoding)
                  .arg(info.firstInvalidByte)
            : QCoreApplication::translate("nianbao::TextLoader",
                                          "%1 invalid byte sequences in %2 text were replaced "
                                          "by \uFFFD")
                  .arg(info.replacedSequences)
                  .arg(info.encoding);
        document.warnings.append(Error {u"encoding.invalid"_s, message, {}});
    }
    return document;
}

const DocumentLoader &loaderFor(const QString &fileName, QByteArrayView head)
{
    static const PdfLoader pdf;
    static const DocxLoader docx;
    static const LegacyWordLoader legacyWord;
    static const HtmlLoader html;
    static const TextLoader text;
    // What the bytes are decides first: reports are often saved under the wrong name (a web
    // page as .doc, a .docx as .doc).
    if (PdfLoader::looksLikePdf(head))
        return pdf;
    if (DocxLoader::looksLikeZip(head))
        return docx;
    if (LegacyWordLoader::looksLikeOle(head) || LegacyWordLoader::looksLikeRtf(head))
        return legacyWord;
    if (HtmlLoader::looksLikeHtml(head))
        return html;
    // Then the name, for what has no signature of its own (HTML fragments) and for damaged
    // files, so that the reviewer hears "damaged PDF" rather than "binary data".
    for (const DocumentLoader *loader :
         {static_cast<const DocumentLoader *>(&pdf), static_cast<const DocumentLoader *>(&docx),
          static_cast<const DocumentLoader *>(&html)}) {
        if (loader->accepts(fileName, head))
            return *loader;
    }
    return text;
}

} // namespace nianbao

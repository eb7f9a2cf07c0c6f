// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlloader.h"

#include "htmlencoding.h"
#include "htmlparser.h"
#include "loaders/structuredtext.h"

using namespace Qt::StringLiterals;

namespace nianbao {

QString HtmlLoader::formatName() const
{
    return u"html"_s;
}

DocumentLoader::Capabilities HtmlLoader::capabilities() const
{
    return DetectsEncoding;
}

bool HtmlLoader::looksLikeHtml(QByteArrayView head)
{
    QByteArray start = head.toByteArray();
    if (start.startsWith("\xEF\xBB\xBF"))
        start.remove(0, 3);
    start = start.trimmed().toLower();
    // Comments and an XML declaration may come before the markup.
    while (start.startsWith("<!--") || start.startsWith("<?xml")) {
        const qsizetype end = start.indexOf(start.startsWith("<!--") ? "-->" : "?>");
        if (end < 0)
            break;
        start = start.sliced(end + (start.startsWith("<!--") ? 3 : 2)).trimmed();
    }
    return start.startsWith("<!doctype html") || start.startsWith("<html")
        || start.startsWith("<head") || start.startsWith("<body") || start.startsWith("<meta")
        || start.startsWith("<title") || start.contains("<meta charset")
        || start.contains("<meta http-equiv");
}

bool HtmlLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    if (looksLikeHtml(head))
        return true;
    const QString name = fileName.toLower();
    return name.endsWith(u".html") || name.endsWith(u".htm") || name.endsWith(u".xhtml")
        || name.endsWith(u".shtml");
}

Result<LoadedDocument> HtmlLoader::load(const QByteArray &bytes) const
{
    QList<Error> warnings;
    Result<DecodedText> decoded = decodeHtml(bytes, &warnings);
    if (!decoded)
        return decoded.error();
    Result<QList<TextBlock>> blocks = parseHtml(decoded.value().text);
    if (!blocks)
        return blocks.error();
    const QString text = writeStructuredText(blocks.value());
    if (text.trimmed().isEmpty()) {
        return Error {u"html.no_text"_s,
                      tr("The page holds no text to read: it may build its content with "
                         "JavaScript or show the report as images. Open the page in a browser "
                         "and save it (\"Save page as…, complete\") or print it to PDF, then "
                         "open that file; or open the report's Word or PDF attachment."),
                      {}};
    }
    return LoadedDocument {text, decoded.value().encoding, warnings};
}

} // namespace nianbao

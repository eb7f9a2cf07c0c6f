// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textloader.h"

#include "loaders/docx/docxloader.h"
#include "loaders/docx/legacywordloader.h"
#include "loaders/html/htmlloader.h"
#include "loaders/html/htmlparser.h"
#include "loaders/ocr/imageloader.h"
#include "loaders/pdf/pdfloader.h"
#include "text/textdecoder.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/**
 * Where the <table> element starting at `open` ends (after its </table>), or -1. One forward
 * pass over the tags after it: a page of unclosed <table> tags costs linear time.
 */
qsizetype tableEnd(const QString &text, qsizetype open)
{
    int depth = 0;
    qsizetype nextOpen = text.indexOf(u"<table", open + 1, Qt::CaseInsensitive);
    qsizetype nextClose = text.indexOf(u"</table", open + 1, Qt::CaseInsensitive);
    while (nextClose >= 0) {
        if (nextOpen >= 0 && nextOpen < nextClose) {
            ++depth;
            nextOpen = text.indexOf(u"<table", nextOpen + 1, Qt::CaseInsensitive);
            continue;
        }
        const qsizetype end = text.indexOf(u'>', nextClose);
        if (end < 0)
            return -1;
        if (depth == 0)
            return end + 1;
        --depth;
        nextClose = text.indexOf(u"</table", end, Qt::CaseInsensitive);
    }
    return -1;
}

/**
 * The text without the inline HTML tags that converters carry over from Word's HTML (pandoc
 * keeps <span style=…>0</span> in a Markdown table cell), which would hide a figure; a line
 * break or paragraph tag ends the line. Tags of tables are left for inlineHtmlTables.
 */
QString withoutInlineTags(const QString &text)
{
    static const QRegularExpression inlineTag(
        uR"(</?(?:span|font|o:p|b|strong|i|em|u|sup|sub|small|big|a)(?:\s[^<>]*)?/?>)"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression breakTag(uR"(</?(?:br|p|div)(?:\s[^<>]*)?/?>)"_s,
                                             QRegularExpression::CaseInsensitiveOption);
    QString out = text;
    out.remove(inlineTag);
    // Inside a table the tags stay: the HTML parser reads a <p> in a cell as part of the cell.
    if (!out.contains(u"<table", Qt::CaseInsensitive))
        out.replace(breakTag, u"\n"_s);
    return out;
}

bool isLonePipe(QStringView line)
{
    return line.trimmed() == u"|";
}

constexpr int kLonePipesAtLeast = 6;

/** Lines that are a lone |, counted up to kLonePipesAtLeast without splitting the text. */
int countLonePipes(const QString &text)
{
    int count = 0;
    for (qsizetype at = text.indexOf(u'|'); at >= 0 && count < kLonePipesAtLeast;
         at = text.indexOf(u'|', at + 1)) {
        const qsizetype start = text.lastIndexOf(u'\n', at) + 1;
        qsizetype end = text.indexOf(u'\n', at);
        end = end < 0 ? text.size() : end;
        count += isLonePipe(QStringView(text).sliced(start, end - start)) ? 1 : 0;
        at = end;
    }
    return count;
}

bool isRuleOnly(QStringView line)
{
    const QStringView trimmed = line.trimmed();
    return trimmed.contains(u'-') && std::all_of(trimmed.begin(), trimmed.end(), [](QChar c) {
               return c == u'-' || c == u'|' || c == u':' || c == u' ';
           });
}

/**
 * Rows that a converter wrote one cell per line with each `|` on a line of its own (Python's
 * html2text on Word's HTML, whose cells hold paragraphs): `一、本年新收…`, `|`, `69`, `|`, `0` …
 * with empty lines between and a line of spaces after the row. Each lone `|` joins the text
 * before it and the text after it into one pipe row (一、本年新收… | 69 | 0 …); two lone `|` in
 * a row keep a blank cell between them. Texts with fewer than kLonePipesAtLeast such lines
 * are left as they are.
 */
QString joinLonePipeCells(const QString &text)
{
    if (countLonePipes(text) < kLonePipesAtLeast)
        return text;
    const QStringList lines = text.split(u'\n');
    QStringList out;
    int row = -1; // the line of out a lone | extends, or -1 after a row's end
    bool joined = false; // that line became a pipe row
    bool joining = false; // and ends with a cell separator
    // A joined row is written as a whole Markdown row, | first cell | … | last cell |, so a
    // blank first or last cell keeps its place.
    const auto closeRow = [&] {
        if (row >= 0 && joined)
            out[row] += u" |"_s;
        row = -1;
        joined = joining = false;
    };
    for (const QString &line : lines) {
        if (isLonePipe(line)) {
            if (row < 0) { // a row whose first cell is empty
                out.append(QString());
                row = int(out.size()) - 1;
            }
            out.resize(row + 1); // the empty lines between its cells
            if (!joined)
                out[row] = u"| "_s + out[row].trimmed();
            out[row] += u" |"_s;
            joined = joining = true;
        } else if (line.isEmpty()) {
            if (!joining)
                out.append(line);
        } else if (joining && !line.trimmed().isEmpty()) {
            out[row] += u' ' + line.trimmed();
            joining = false;
        } else {
            // html2text ends a row with a line of spaces (empty lines stand between its cells),
            // and ---|---|--- under a header row holds no cell: neither starts a row.
            const bool startsRow = !line.trimmed().isEmpty() && !isRuleOnly(line);
            closeRow();
            out.append(line);
            if (startsRow)
                row = int(out.size()) - 1;
        }
    }
    closeRow();
    return out.join(u'\n');
}

} // namespace

/**
 * PDF-to-Markdown converters (MinerU, pandoc) write a table with merged cells as an HTML <table>
 * inside the Markdown: each such table is written as an HTML page's table is (one line per row,
 * tab-separated grid cells), so its blank cells keep their columns. The rest stays as written.
 */
QString inlineHtmlTables(const QString &original)
{
    qsizetype open = original.indexOf(u"<table", 0, Qt::CaseInsensitive);
    if (open < 0 && !original.contains(u"</span>", Qt::CaseInsensitive))
        return original;
    const QString text = withoutInlineTags(original);
    open = text.indexOf(u"<table", 0, Qt::CaseInsensitive);
    QString out;
    out.reserve(text.size());
    qsizetype written = 0;
    while (open >= 0) {
        const qsizetype end = tableEnd(text, open);
        if (end < 0)
            break;
        Result<QList<TextBlock>> blocks = parseHtml(QStringView(text).sliced(open, end - open));
        if (blocks) {
            out.append(QStringView(text).sliced(written, open - written));
            out.append(u'\n');
            out.append(writeStructuredText(blocks.value()));
            out.append(u'\n');
            written = end;
        }
        open = text.indexOf(u"<table", end, Qt::CaseInsensitive);
    }
    out.append(QStringView(text).sliced(written));
    return out;
}

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
    LoadedDocument document {
        joinLonePipeCells(inlineHtmlTables(decoded.value().text)), decoded.value().encoding, {}};
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
    static const ImageLoader image;
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
    if (ImageLoader::looksLikeImage(head))
        return image;
    // Then the name, for what has no signature of its own (HTML fragments) and for damaged
    // files, so that the reviewer hears "damaged PDF" rather than "binary data".
    for (const DocumentLoader *loader :
         {static_cast<const DocumentLoader *>(&pdf), static_cast<const DocumentLoader *>(&docx),
          static_cast<const DocumentLoader *>(&html),
          static_cast<const DocumentLoader *>(&image)}) {
        if (loader->accepts(fileName, head))
            return *loader;
    }
    return text;
}

} // namespace nianbao

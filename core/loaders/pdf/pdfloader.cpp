// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfloader.h"

#include "pdflayout.h"

#include <QCoreApplication>

// Poppler's C++ binding, not its Qt 6 binding: poppler-qt6 links QtGui (it renders pages into
// QImage), and nianbao_core must stay GUI-free so that nianbao-cli links core only (style
// §8.1). poppler-cpp is the same Poppler with a GUI-free API: document::load_from_raw_data,
// page::text_list() giving each word's text and box. Rendering a page region for the window is
// left to the widgets layer, which may use poppler-qt6 with the regions this loader records.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <limits>
#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Pages with fewer visible characters than this have no text layer worth the name. */
constexpr int kMinCharactersPerPage = 5;
/** Text whose share of unmapped characters exceeds this cannot be read. */
constexpr double kMaxUnmappedShare = 0.3;

QString tr(const char *text)
{
    return QCoreApplication::translate("nianbao::PdfLoader", text);
}

void ignorePopplerMessage(const std::string &message, void *closure)
{
    Q_UNUSED(message);
    Q_UNUSED(closure);
}

/** Poppler prints syntax errors of damaged files to stderr; the error values say it all. */
void silencePoppler()
{
    static const bool silenced = [] {
        poppler::set_debug_error_function(ignorePopplerMessage, nullptr);
        return true;
    }();
    Q_UNUSED(silenced);
}

QString toQString(const poppler::ustring &text)
{
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(text.data()),
                              qsizetype(text.size()));
}

bool isUnmapped(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 0xE000 && u <= 0xF8FF) || u == 0xFFFD || (u < 0x20 && u != u'\t');
}

QString pageList(const QList<int> &pages)
{
    QStringList numbers;
    for (int page : pages)
        numbers.append(QString::number(page + 1));
    return numbers.join(u", ");
}

} // namespace

QString PdfLoader::formatName() const
{
    return u"pdf"_s;
}

DocumentLoader::Capabilities PdfLoader::capabilities() const
{
    return HasPages;
}

bool PdfLoader::looksLikePdf(QByteArrayView head)
{
    return head.first(std::min<qsizetype>(head.size(), 1024)).indexOf("%PDF-") >= 0;
}

bool PdfLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    return looksLikePdf(head) || fileName.toLower().endsWith(u".pdf");
}

Result<LoadedDocument> PdfLoader::load(const QByteArray &bytes) const
{
    silencePoppler();
    if (bytes.size() > std::numeric_limits<int>::max())
        return Error {u"pdf.corrupt"_s, tr("The PDF is too large to read."), {}};
    // load_from_raw_data reads `bytes` in place; they outlive the document.
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!document) {
        return Error {u"pdf.corrupt"_s,
                      tr("The file cannot be opened as a PDF: it is damaged, incomplete or not a "
                         "PDF at all (a web page saved under a .pdf name, say). Download it "
                         "again, or open the report's HTML or Word version."),
                      {}};
    }
    if (document->is_locked()) {
        return Error {u"pdf.encrypted"_s,
                      tr("The PDF is password-protected. Open it with its password in a PDF "
                         "reader and print or save it as an unprotected PDF, or ask the "
                         "publisher for an open copy; then open that file."),
                      {}};
    }

    std::vector<PdfPage> pages;
    QList<QSizeF> pageSizes;
    QList<int> pagesWithoutText;
    int characters = 0;
    int unmapped = 0;
    for (int p = 0; p < document->pages(); ++p) {
        PdfPage page;
        std::unique_ptr<poppler::page> source(document->create_page(p));
        if (source) {
            const poppler::rectf rect = source->page_rect();
            page.size = QSizeF(rect.width(), rect.height());
            for (const poppler::text_box &box : source->text_list()) {
                if (box.rotation() != 0)
                    continue; // vertical stamps and watermarks; the tables are upright
                const poppler::rectf bbox = box.bbox();
                page.words.push_back(PdfWord {
                    toQString(box.text()), QRectF(bbox.x(), bbox.y(), bbox.width(), bbox.height()),
                    box.has_space_after()});
            }
        }
        int pageCharacters = 0;
        for (const PdfWord &word : page.words) {
            for (QChar c : word.text) {
                if (c.isSpace())
                    continue;
                ++pageCharacters;
                unmapped += isUnmapped(c) ? 1 : 0;
            }
        }
        characters += pageCharacters;
        if (pageCharacters < kMinCharactersPerPage)
            pagesWithoutText.append(p);
        pageSizes.append(page.size);
        pages.push_back(std::move(page));
    }

    if (pagesWithoutText.size() == int(pages.size())) {
        return Error {u"pdf.no_text_layer"_s,
                      tr("The PDF has no text layer: it is a scan (pictures of pages). Run OCR "
                         "on it (e.g. ocrmypdf, or a PDF editor's text recognition), or open a "
                         "text version of the report (HTML, Word), then open that file."),
                      {}};
    }
    QList<Error> warnings;
    if (!pagesWithoutText.isEmpty()) {
        warnings.append(Error {u"pdf.pages_without_text"_s,
                               tr("Pages %1 of the PDF have no text layer (scanned); figures on "
                                  "them cannot be read. Run OCR on the PDF, or open a text "
                                  "version of the report.")
                                   .arg(pageList(pagesWithoutText)),
                               {}});
    }
    if (characters > 0 && double(unmapped) / characters > kMaxUnmappedShare) {
        warnings.append(Error {u"pdf.unmapped_text"_s,
                               tr("Much of the PDF's text cannot be mapped to characters (its "
                                  "fonts lack a Unicode table), so it reads as garbage. Run OCR "
                                  "on the PDF, or open a text version of the report."),
                               {}});
    }
    PdfText text = layoutPdfText(pages);
    return LoadedDocument {std::move(text.text), u"PDF"_s, std::move(warnings),
                           std::move(text.regions), std::move(pageSizes)};
}

} // namespace nianbao

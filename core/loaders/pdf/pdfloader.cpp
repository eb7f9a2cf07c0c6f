// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfloader.h"

#include "clock.h"
#include "pdflayout.h"
#include "pdfstreams.h"

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
/** What page content and the like may inflate to in all: reports' inflate to some 150 KB.
 *  Poppler inflates without a limit (a 1 MB decompression bomb took 10 GB) and takes some 9 s
 *  and 700 MB for 16 MiB of text operators, so 8 MiB keeps a file within 5 s. */
constexpr qint64 kMaxInflatedContent = 8 * 1024 * 1024;
/** What embedded font files may inflate to in all: reports' 1–2 MB; a full CJK font is some
 *  20 MB, and Poppler reads each font of a page whole. */
constexpr qint64 kMaxInflatedFonts = 128 * 1024 * 1024;
/** Pages read: reports have a few dozen. */
constexpr int kMaxPages = 1000;
/** Words read per page: a dense page holds some 3,000. */
constexpr size_t kMaxWordsPerPage = 20'000;

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

/** The characters of `words` that are not blank. */
int visibleCharacters(const std::vector<PdfWord> &words, int *unmapped)
{
    int count = 0;
    for (const PdfWord &word : words) {
        for (QChar c : word.text) {
            if (c.isSpace())
                continue;
            ++count;
            *unmapped += isUnmapped(c) ? 1 : 0;
        }
    }
    return count;
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
    // Before Poppler parses a byte: it inflates object streams as it opens the file.
    const InflatedBytes inflated
        = inflatedStreamBytes(bytes, kMaxInflatedContent, kMaxInflatedFonts);
    if (inflated.content > kMaxInflatedContent || inflated.fonts > kMaxInflatedFonts) {
        const bool fonts = inflated.fonts > kMaxInflatedFonts;
        return Error {u"pdf.too_large"_s,
                      (fonts ? tr("The PDF's embedded fonts inflate to more than %1 MB, far "
                                  "more than any report's: it is a decompression bomb or not a "
                                  "report, and is not read.")
                             : tr("The PDF's compressed streams inflate to more than %1 MB, "
                                  "far more than any report's (a few MB): it is a "
                                  "decompression bomb or not a report, and is not read."))
                          .arg((fonts ? kMaxInflatedFonts : kMaxInflatedContent) / (1024 * 1024)),
                      {}};
    }

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
    QList<int> pagesOnlySideways; ///< no upright text, but text turned sideways
    QList<int> crowdedPages;
    QList<Error> warnings;
    int characters = 0;
    int unmapped = 0;
    const int pageCount = std::min(document->pages(), kMaxPages);
    for (int p = 0; p < pageCount; ++p) {
        if (ReadBudget::current().exhausted())
            return ReadBudget::current().error(tr("page %1 of the PDF").arg(p + 1));
        PdfPage page;
        std::vector<PdfWord> sideways;
        std::unique_ptr<poppler::page> source(document->create_page(p));
        if (source) {
            const poppler::rectf rect = source->page_rect();
            page.size = QSizeF(rect.width(), rect.height());
            for (const poppler::text_box &box : source->text_list()) {
                const poppler::rectf bbox = box.bbox();
                PdfWord word {toQString(box.text()),
                              QRectF(bbox.x(), bbox.y(), bbox.width(), bbox.height()),
                              box.has_space_after()};
                // Vertical stamps and watermarks are left out; the tables are upright.
                std::vector<PdfWord> &into = box.rotation() == 0 ? page.words : sideways;
                if (into.size() < kMaxWordsPerPage)
                    into.push_back(std::move(word));
                else if (crowdedPages.isEmpty() || crowdedPages.last() != p)
                    crowdedPages.append(p);
            }
        }
        const int pageCharacters = visibleCharacters(page.words, &unmapped);
        characters += pageCharacters;
        if (pageCharacters < kMinCharactersPerPage) {
            int ignored = 0;
            if (visibleCharacters(sideways, &ignored) >= kMinCharactersPerPage)
                pagesOnlySideways.append(p);
            else
                pagesWithoutText.append(p);
        }
        pageSizes.append(page.size);
        pages.push_back(std::move(page));
    }
    if (document->pages() > kMaxPages) {
        warnings.append(Error {u"pdf.too_many_pages"_s,
                               tr("The PDF has %1 pages; only the first %2 are read, far more "
                                  "than any report has.")
                                   .arg(document->pages())
                                   .arg(kMaxPages),
                               {}});
    }
    if (!crowdedPages.isEmpty()) {
        warnings.append(Error {u"pdf.crowded_pages"_s,
                               tr("Pages %1 of the PDF hold more than %2 words each, far more "
                                  "than a page of a report; only the first %2 of each are read.")
                                   .arg(pageList(crowdedPages))
                                   .arg(kMaxWordsPerPage),
                               {}});
    }
    if (!pagesOnlySideways.isEmpty()
        && pagesWithoutText.size() + pagesOnlySideways.size() == int(pages.size())) {
        return Error {u"pdf.sideways_text"_s,
                      tr("The PDF's text runs sideways (its pages are turned, or printed in "
                         "landscape on portrait pages): Nianbao reads upright text only. Rotate "
                         "the pages upright in a PDF editor and save the file, or open a text "
                         "version of the report (HTML, Word)."),
                      {}};
    }
    if (!pagesOnlySideways.isEmpty()) {
        warnings.append(Error {u"pdf.sideways_pages"_s,
                               tr("Pages %1 of the PDF hold only text that runs sideways; "
                                  "figures on them cannot be read. Rotate those pages upright "
                                  "in a PDF editor and save the file.")
                                   .arg(pageList(pagesOnlySideways)),
                               {}});
    }

    if (pagesWithoutText.size() == int(pages.size())) {
        return Error {u"pdf.no_text_layer"_s,
                      tr("The PDF has no text layer: it is a scan (pictures of pages). Run OCR "
                         "on it (e.g. ocrmypdf, or a PDF editor's text recognition), or open a "
                         "text version of the report (HTML, Word), then open that file."),
                      {}};
    }
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
    warnings.append(text.warnings);
    return LoadedDocument {std::move(text.text), u"PDF"_s, std::move(warnings),
                           std::move(text.regions), std::move(pageSizes)};
}

} // namespace nianbao

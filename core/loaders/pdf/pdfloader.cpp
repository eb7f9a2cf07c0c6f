// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfloader.h"

#include "clock.h"
#include "loaders/ocr/ocrengine.h"
#include "loaders/ocr/ocrlimits.h"
#include "loaders/ocr/ocrprogress.h"
#include "pdflayout.h"
#include "pdfstreams.h"
#include "popplerchild.h"
#include "popplerpages.h"

#include <QCoreApplication>

#include <atomic>
#include <limits>
#include <optional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Text whose share of unmapped characters exceeds this cannot be read. */
constexpr double kMaxUnmappedShare = 0.3;
/** What page content and the like may inflate to in all: reports' inflate to some 150 KB.
 *  Poppler inflates without a limit (a 1 MB decompression bomb took 10 GB) and takes some 9 s
 *  and 700 MB for 16 MiB of text operators, so 8 MiB keeps a file within 5 s. */
constexpr qint64 kMaxInflatedContent = 8 * 1024 * 1024;
/** What embedded font files may inflate to in all: reports' 1–2 MB; a full CJK font is some
 *  20 MB, and Poppler reads each font of a page whole. */
constexpr qint64 kMaxInflatedFonts = 128 * 1024 * 1024;
QString pageList(const QList<int> &pages)
{
    QStringList numbers;
    for (int page : pages)
        numbers.append(QString::number(page + 1));
    return numbers.join(u", ");
}

/**
 * A child process by default. Sanitized builds read in process unless told otherwise
 * (tst_pdfisolation does): clang 14's ASan runtime does not hold its allocator lock across
 * fork, so a child forked while another thread allocates could wait on it until the budget
 * ran out (seen in batch checks of the ASan CLI; release builds are unaffected).
 */
/** Appends `part` (laid out from pages starting at `firstPage`) to `document`. */
void appendPart(const PdfText &part, int firstPage, LoadedDocument &document)
{
    if (!document.text.isEmpty() && !document.text.endsWith(u'\n'))
        document.text += u'\n';
    const int offset = int(document.text.size());
    document.text += part.text;
    for (PageRegion region : part.regions) {
        region.start += offset;
        region.end += offset;
        region.page += firstPage;
        document.regions.append(region);
    }
    document.warnings.append(part.warnings);
}

/**
 * The text of a PDF some of whose pages OCR read: each run of pages with a text layer laid out
 * as ever, each OCR'd page as OCR read it, in page order.
 */
LoadedDocument mergedDocument(std::vector<PdfPage> pages, const std::vector<PopplerPage> &read)
{
    LoadedDocument document {{}, u"PDF+OCR"_s, {}};
    std::vector<PdfPage> run;
    int runStart = 0;
    for (size_t p = 0; p <= pages.size(); ++p) {
        const bool ocr = p < pages.size() && read[p].ocrState == PopplerPage::Ocr::Read;
        if ((ocr || p == pages.size()) && !run.empty())
            appendPart(layoutPdfText(run), runStart, document);
        if (p == pages.size())
            break;
        if (!ocr) {
            if (run.empty())
                runStart = int(p);
            run.push_back(std::move(pages[p]));
            continue;
        }
        run.clear();
        if (!document.text.isEmpty() && !document.text.endsWith(u'\n'))
            document.text += u'\n';
        appendOcrPage(read[p].ocr, int(p), document);
        document.pageSizes.removeLast(); // the caller lists every page's size
    }
    return document;
}

std::atomic<PdfLoader::Isolation> s_isolation {
    kAddressSanitizer ? PdfLoader::Isolation::InProcess : PdfLoader::Isolation::ChildProcess};

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

void PdfLoader::setIsolation(Isolation isolation)
{
    s_isolation.store(isolation, std::memory_order_relaxed);
}

/** The pre-scan's refusal of a decompression bomb, before a process starts. */
std::optional<Error> PdfLoader::inflationError(const QByteArray &bytes)
{
    // Before Poppler parses a byte: it inflates object streams as it opens the file.
    const InflatedBytes inflated
        = inflatedStreamBytes(bytes, kMaxInflatedContent, kMaxInflatedFonts);
    if (inflated.content <= kMaxInflatedContent && inflated.fonts <= kMaxInflatedFonts)
        return std::nullopt;
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

/** Why Poppler read no document: it stopped early, or the PDF is damaged or locked. */
std::optional<Error> PdfLoader::readingError(const PopplerPages &read)
{
    switch (read.stop) {
    case PopplerPages::Stop::No:
        break;
    case PopplerPages::Stop::Budget:
        return ReadBudget::current().error(
            tr("page %1 of the PDF")
                .arg(std::max(1, std::min(int(read.pages.size()) + 1, read.pageCount))));
    case PopplerPages::Stop::Memory:
        return Error {
            u"pdf.too_large"_s,
            tr("Reading the PDF needed more than %1 GB of memory, far more than any "
               "report needs (some 30 MB): it is a decompression bomb or not a report, and "
               "is not read. Open the report's HTML or Word version.")
                .arg(kPopplerChildMemory >> 30),
            {}};
    case PopplerPages::Stop::Crash:
        return Error {u"pdf.too_large"_s,
                      tr("Reading the PDF crashed the PDF reader (Poppler), or needed more than "
                         "%1 GB of memory: it is damaged, a decompression bomb or not a report, "
                         "and is not read. Download it again, or open the report's HTML or Word "
                         "version.")
                          .arg(kPopplerChildMemory >> 30),
                      {}};
    case PopplerPages::Stop::Unstarted:
        return Error {u"read.no_process"_s,
                      tr("The PDF could not be read: the system has no process or file handle "
                         "left to read it in. Close other programs and read it again."),
                      {}};
    }
    switch (read.state) {
    case PopplerPages::State::Read:
        return std::nullopt;
    case PopplerPages::State::Damaged:
        return Error {u"pdf.corrupt"_s,
                      tr("The file cannot be opened as a PDF: it is damaged, incomplete or not a "
                         "PDF at all (a web page saved under a .pdf name, say). Download it "
                         "again, or open the report's HTML or Word version."),
                      {}};
    case PopplerPages::State::Locked:
        return Error {u"pdf.encrypted"_s,
                      tr("The PDF is password-protected. Open it with its password in a PDF "
                         "reader and print or save it as an unprotected PDF, or ask the "
                         "publisher for an open copy; then open that file."),
                      {}};
    }
    return std::nullopt;
}

/** The document of the pages Poppler read: their text laid out, and what it lacks. */
Result<LoadedDocument> PdfLoader::documentOf(PopplerPages read)
{
    std::vector<PdfPage> pages;
    QList<QSizeF> pageSizes;
    QList<int> pagesWithoutText;
    QList<int> pagesOnlySideways; ///< no upright text, but text turned sideways
    QList<int> crowdedPages;
    QList<Error> warnings;
    int characters = 0;
    int unmapped = 0;
    QList<int> ocrPages;
    QList<int> pagesPastOcrCap;
    bool ocrFailed = false;
    for (PopplerPage &source : read.pages) {
        const int p = int(pages.size());
        const int pageCharacters = visibleCharacters(source.words, &unmapped);
        characters += pageCharacters;
        if (source.ocrState == PopplerPage::Ocr::Read && hasText(source.ocr)) {
            ocrPages.append(p);
        } else if (pageCharacters < kMinCharactersPerPage) {
            if (source.sidewaysCharacters >= kMinCharactersPerPage)
                pagesOnlySideways.append(p);
            else
                pagesWithoutText.append(p);
            ocrFailed = ocrFailed || source.ocrState == PopplerPage::Ocr::Failed;
            if (source.ocrState == PopplerPage::Ocr::Skipped)
                pagesPastOcrCap.append(p);
        }
        if (source.crowded)
            crowdedPages.append(p);
        pageSizes.append(source.size);
        pages.push_back(PdfPage {source.size, std::move(source.words)});
    }
    if (read.pageCount > kMaxPdfPages) {
        warnings.append(Error {u"pdf.too_many_pages"_s,
                               tr("The PDF has %1 pages; only the first %2 are read, far more "
                                  "than any report has.")
                                   .arg(read.pageCount)
                                   .arg(kMaxPdfPages),
                               {}});
    }
    if (!crowdedPages.isEmpty()) {
        warnings.append(Error {u"pdf.crowded_pages"_s,
                               tr("Pages %1 of the PDF hold more than %2 words each, far more "
                                  "than a page of a report; only the first %2 of each are read.")
                                   .arg(pageList(crowdedPages))
                                   .arg(kMaxWordsPerPdfPage),
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

    if (pagesWithoutText.size() == int(pages.size()))
        return noTextError(ocrFailed);
    if (!pagesWithoutText.isEmpty()) {
        warnings.append(Error {u"pdf.pages_without_text"_s,
                               tr("Pages %1 of the PDF have no text layer, and OCR read no text "
                                  "on them; figures on them cannot be read. Check them against "
                                  "the PDF.")
                                   .arg(pageList(pagesWithoutText)),
                               {}});
    }
    if (!pagesPastOcrCap.isEmpty()) {
        warnings.append(Error {u"ocr.too_many_pages"_s,
                               tr("The PDF has more than %1 scanned pages; only the first %1 are "
                                  "read with OCR, more than any report has.")
                                   .arg(kMaxOcrPages),
                               {}});
    }
    if (characters > 0 && double(unmapped) / characters > kMaxUnmappedShare) {
        warnings.append(Error {u"pdf.unmapped_text"_s,
                               tr("Much of the PDF's text cannot be mapped to characters (its "
                                  "fonts lack a Unicode table), so it reads as garbage. Run OCR "
                                  "on the PDF, or open a text version of the report."),
                               {}});
    }
    if (!ocrPages.isEmpty()) {
        LoadedDocument document = mergedDocument(std::move(pages), read.pages);
        warnings.append(document.warnings);
        document.warnings = std::move(warnings);
        document.pageSizes = std::move(pageSizes);
        return document;
    }
    PdfText text = layoutPdfText(pages);
    warnings.append(text.warnings);
    return LoadedDocument {std::move(text.text), u"PDF"_s, std::move(warnings),
                           std::move(text.regions), std::move(pageSizes)};
}

/** OCR of the pages the reader rendered (Tesseract runs here, not in the child). */
std::optional<Error> PdfLoader::readScans(PopplerPages &read)
{
    const int scans = int(std::count_if(read.pages.begin(), read.pages.end(), [](const auto &page) {
        return page.ocrState == PopplerPage::Ocr::Prepared;
    }));
    int scan = 0;
    for (size_t p = 0; p < read.pages.size(); ++p) {
        PopplerPage &page = read.pages[p];
        if (page.ocrState != PopplerPage::Ocr::Prepared)
            continue;
        OcrProgress::report(++scan, scans);
        Result<OcrPage> ocr = OcrEngine::readPrepared(page.scan);
        page.scan = {};
        if (ReadBudget::current().exhausted())
            return ReadBudget::current().error(tr("page %1 of the PDF (OCR)").arg(p + 1));
        if (!ocr && ocr.error().code == u"ocr.unavailable")
            return ocr.error();
        page.ocrState = ocr ? PopplerPage::Ocr::Read : PopplerPage::Ocr::Failed;
        if (ocr) {
            page.ocr = std::move(ocr.value());
            page.ocr.size = page.size; // the page's own, not one rounded through pixels
        }
    }
    return std::nullopt;
}

/** Why a PDF with no text layer gives no text: OCR could not run, or read nothing. */
Error PdfLoader::noTextError(bool ocrFailed)
{
    if (ocrFailed)
        return Error {u"ocr.unavailable"_s,
                      tr("The PDF has no text layer (it is a scan), and OCR could not run: "
                         "Tesseract or its Chinese language data (chi_sim) is missing. Install "
                         "tesseract-ocr-chi-sim, or open a text version of the report (HTML, "
                         "Word)."),
                      {}};
    return Error {u"ocr.no_text"_s,
                  tr("The PDF has no text layer (it is a scan), and OCR found no text on its "
                     "pages: they are blank or hold only pictures. Open a text version of the "
                     "report (HTML, Word)."),
                  {}};
}

Result<LoadedDocument> PdfLoader::load(const QByteArray &bytes) const
{
    if (bytes.size() > std::numeric_limits<int>::max())
        return Error {u"pdf.corrupt"_s, tr("The PDF is too large to read."), {}};
    if (std::optional<Error> bomb = inflationError(bytes))
        return *bomb;
    if (ReadBudget::current().exhausted())
        return ReadBudget::current().error(tr("page %1 of the PDF").arg(1));
    PopplerPages read = s_isolation.load(std::memory_order_relaxed) == Isolation::InProcess
        ? readPopplerPagesInProcess(bytes)
        : readPopplerPagesInChild(bytes);
    if (std::optional<Error> error = readingError(read))
        return *error;
    if (std::optional<Error> error = readScans(read))
        return *error;
    return documentOf(std::move(read));
}

} // namespace nianbao

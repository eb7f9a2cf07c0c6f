// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "popplerpages.h"

#include "clock.h"
#include "loaders/ocr/ocrlimits.h"
#include "loaders/ocr/pixptr.h"

// Poppler's C++ binding, not its Qt 6 binding: poppler-qt6 links QtGui (it renders pages into
// QImage), and nianbao_core must stay GUI-free so that nianbao-cli links core only (style
// §8.1). poppler-cpp is the same Poppler with a GUI-free API: document::load_from_raw_data,
// page::text_list() giving each word's text and box. Rendering a page region for the window is
// left to the widgets layer, which may use poppler-qt6 with the regions PdfLoader records.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <leptonica/allheaders.h>

#include <cmath>

#include <memory>

namespace nianbao {

namespace {

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

PopplerPage readPage(const poppler::page &source)
{
    PopplerPage page;
    const poppler::rectf rect = source.page_rect();
    page.size = QSizeF(rect.width(), rect.height());
    std::vector<PdfWord> sideways;
    for (const poppler::text_box &box : source.text_list()) {
        const poppler::rectf bbox = box.bbox();
        PdfWord word {toQString(box.text()),
                      QRectF(bbox.x(), bbox.y(), bbox.width(), bbox.height()),
                      box.has_space_after()};
        // Vertical stamps and watermarks are left out; the tables are upright.
        std::vector<PdfWord> &into = box.rotation() == 0 ? page.words : sideways;
        if (into.size() < kMaxWordsPerPdfPage)
            into.push_back(std::move(word));
        else
            page.crowded = true;
    }
    int ignored = 0;
    page.sidewaysCharacters = visibleCharacters(sideways, &ignored);
    return page;
}

/** The resolution a page is rendered at for OCR: kOcrDpi, less for a page too large. */
double renderingDpi(const poppler::page &source)
{
    const poppler::rectf rect = source.page_rect();
    const double width = std::max(1.0, rect.width() / 72.0);
    const double height = std::max(1.0, rect.height() / 72.0);
    double dpi = kOcrDpi;
    dpi = std::min(dpi, kMaxImageSide / std::max(width, height));
    dpi = std::min(dpi, std::sqrt(double(kMaxImagePixels) / (width * height)));
    return std::floor(dpi);
}

/** Poppler's ARGB image as a Leptonica RGB image. */
PixPtr toPix(const poppler::image &image)
{
    PixPtr pix(pixCreate(image.width(), image.height(), 32));
    if (!pix)
        return pix;
    const l_int32 wordsPerLine = pixGetWpl(pix.get());
    for (int y = 0; y < image.height(); ++y) {
        const auto *from = reinterpret_cast<const quint32 *>(
            image.const_data() + qsizetype(y) * image.bytes_per_row());
        l_uint32 *to = pixGetData(pix.get()) + qsizetype(y) * wordsPerLine;
        for (int x = 0; x < image.width(); ++x) {
            const quint32 argb = from[x];
            composeRGBPixel(l_int32((argb >> 16) & 0xFFU), l_int32((argb >> 8) & 0xFFU),
                            l_int32(argb & 0xFFU), to + x);
        }
    }
    return pix;
}

/** Renders a page without a text layer and prepares it for OCR. */
void prepareForOcr(const poppler::page &source, PopplerPage &page)
{
    const double dpi = renderingDpi(source);
    poppler::page_renderer renderer;
    renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
    renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
    renderer.set_image_format(poppler::image::format_argb32);
    const poppler::image image = renderer.render_page(&source, dpi, dpi);
    const PixPtr pix = image.is_valid() ? toPix(image) : PixPtr();
    if (pix)
        page.scan = preparePage(pix.get(), int(dpi));
    page.ocrState = page.scan.binary ? PopplerPage::Ocr::Prepared : PopplerPage::Ocr::Failed;
}

bool lacksTextLayer(const PopplerPage &page)
{
    int ignored = 0;
    return visibleCharacters(page.words, &ignored) < kMinCharactersPerPage
        && page.sidewaysCharacters < kMinCharactersPerPage;
}

/** Keeps what Poppler reads, stopping between pages once the budget is spent. */
class Collector final : public PopplerReceiver
{
public:
    bool opened(PopplerPages::State state, int pageCount) override
    {
        m_pages.state = state;
        m_pages.pageCount = pageCount;
        return proceed();
    }
    bool page(PopplerPage &&page) override
    {
        m_pages.pages.push_back(std::move(page));
        return proceed();
    }
    bool ocrBegins() override
    {
        ReadBudget::current().extend(kOcrTimePerPage);
        return proceed();
    }
    PopplerPages take() { return std::move(m_pages); }

private:
    bool proceed()
    {
        if (ReadBudget::current().exhausted())
            m_pages.stop = PopplerPages::Stop::Budget;
        return m_pages.stop == PopplerPages::Stop::No;
    }

    PopplerPages m_pages;
};

} // namespace

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

void readWithPoppler(const QByteArray &bytes, PopplerReceiver &receiver)
{
    silencePoppler();
    // load_from_raw_data reads `bytes` in place; they outlive the document.
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!document) {
        receiver.opened(PopplerPages::State::Damaged, 0);
        return;
    }
    if (document->is_locked()) {
        receiver.opened(PopplerPages::State::Locked, 0);
        return;
    }
    if (!receiver.opened(PopplerPages::State::Read, document->pages()))
        return;
    const int pageCount = std::min(document->pages(), kMaxPdfPages);
    int ocrPages = 0;
    for (int p = 0; p < pageCount; ++p) {
        std::unique_ptr<poppler::page> source(document->create_page(p));
        PopplerPage page = source ? readPage(*source) : PopplerPage {};
        if (source && lacksTextLayer(page)) {
            if (ocrPages == kMaxOcrPages) {
                page.ocrState = PopplerPage::Ocr::Skipped;
            } else {
                ++ocrPages;
                if (!receiver.ocrBegins())
                    return;
                prepareForOcr(*source, page);
            }
        }
        if (!receiver.page(std::move(page)))
            return;
    }
}

PopplerPages readPopplerPagesInProcess(const QByteArray &bytes)
{
    Collector collector;
    readWithPoppler(bytes, collector);
    return collector.take();
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "imageloader.h"

#include "clock.h"
#include "ocrengine.h"
#include "ocrlimits.h"
#include "ocrprogress.h"
#include "pixptr.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <array>
#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The long side of an A4 page, in inches: the resolution of a scan that states none. */
constexpr double kA4LongSideInches = 11.69;

/** Leptonica prints every failure to stderr; the errors Nianbao gives say what failed. */
void silenceLeptonica()
{
    static const bool silenced = [] {
        setMsgSeverity(L_SEVERITY_NONE);
        return true;
    }();
    Q_UNUSED(silenced);
}

const l_uint8 *dataOf(const QByteArray &bytes)
{
    return reinterpret_cast<const l_uint8 *>(bytes.constData());
}

bool isTiff(l_int32 format)
{
    return format == IFF_TIFF || format == IFF_TIFF_PACKBITS || format == IFF_TIFF_RLE
        || format == IFF_TIFF_G3 || format == IFF_TIFF_G4 || format == IFF_TIFF_LZW
        || format == IFF_TIFF_ZIP || format == IFF_TIFF_JPEG;
}

/** The scan's resolution as stated, or guessed from an A4 page when it states none. */
int resolutionOf(Pix *pix)
{
    const int stated = pixGetXRes(pix);
    if (stated >= kMinScanDpi && stated <= kMaxScanDpi)
        return stated;
    const int longSide = std::max(pixGetWidth(pix), pixGetHeight(pix));
    return std::clamp(int(std::lround(longSide / kA4LongSideInches)), kMinScanDpi, kMaxScanDpi);
}

/** Reads one page after another, OCR'ing each into the document. */
class PageSequence final
{
public:
    explicit PageSequence(const QByteArray &bytes)
        : m_bytes(bytes)
    { }

    /** The header's size of page `n` (zero-based), or false if it has no such page. */
    bool header(int n, l_int32 *width, l_int32 *height) const
    {
        l_int32 format = 0, bps = 0, spp = 0, res = 0, cmap = 0;
        if (m_tiff)
            return readHeaderMemTiff(dataOf(m_bytes), size_t(m_bytes.size()), n, width, height,
                                     &bps, &spp, &res, &cmap, &format)
                == 0;
        return n == 0
            && pixReadHeaderMem(dataOf(m_bytes), size_t(m_bytes.size()), &format, width, height,
                                &bps, &spp, &cmap)
            == 0;
    }

    /** How many pages the file holds, if known before they are read (a TIFF's are not). */
    int knownCount() const { return m_tiff ? 0 : 1; }

    bool start()
    {
        l_int32 format = IFF_UNKNOWN;
        findFileFormatBuffer(dataOf(m_bytes), &format);
        m_tiff = isTiff(format);
        return format != IFF_UNKNOWN;
    }

    /** The next page, decoded; null if it cannot be. */
    PixPtr next()
    {
        m_more = false;
        if (!m_tiff)
            return PixPtr(pixReadMem(dataOf(m_bytes), size_t(m_bytes.size())));
        PixPtr page(
            pixReadMemFromMultipageTiff(dataOf(m_bytes), size_t(m_bytes.size()), &m_offset));
        m_more = page && m_offset != 0;
        return page;
    }

    bool more() const { return m_more; }

private:
    const QByteArray &m_bytes;
    size_t m_offset = 0;
    bool m_tiff = false;
    bool m_more = false;
};

} // namespace

QString ImageLoader::formatName() const
{
    return u"image"_s;
}

DocumentLoader::Capabilities ImageLoader::capabilities() const
{
    return HasPages;
}

bool ImageLoader::looksLikeImage(QByteArrayView head)
{
    return head.startsWith("\x89PNG\r\n\x1a\n") || head.startsWith("\xFF\xD8\xFF")
        || head.startsWith(QByteArrayView("II*\0", 4))
        || head.startsWith(QByteArrayView("MM\0*", 4));
}

bool ImageLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    const QString name = fileName.toLower();
    static constexpr std::array<QStringView, 5> kSuffixes {u".png", u".jpg", u".jpeg", u".tif",
                                                           u".tiff"};
    return looksLikeImage(head)
        || std::any_of(kSuffixes.begin(), kSuffixes.end(),
                       [&](QStringView suffix) { return name.endsWith(suffix); });
}

Error ImageLoader::damagedPageWarning(int page)
{
    return Error {
        u"image.corrupt"_s,
        tr("Page %1 of the image is damaged; the pages before it are read.").arg(page + 1),
        {}};
}

std::optional<Error> ImageLoader::sizeError(qint64 width, qint64 height, int page)
{
    if (width <= kMaxImageSide && height <= kMaxImageSide && width * height <= kMaxImagePixels)
        return std::nullopt;
    return Error {u"ocr.too_large"_s,
                  tr("Page %1 of the image is %2 × %3 pixels; Nianbao reads scans of at most "
                     "%4 pixels a side and %5 million pixels (an A4 page scanned at 600 dpi is "
                     "4,961 × 7,016). Scan the report at 300 dpi.")
                      .arg(page + 1)
                      .arg(width)
                      .arg(height)
                      .arg(kMaxImageSide)
                      .arg(kMaxImagePixels / 1'000'000),
                  {}};
}

Result<LoadedDocument> ImageLoader::load(const QByteArray &bytes) const
{
    silenceLeptonica();
    const Error corrupt {u"image.corrupt"_s,
                         tr("The image cannot be read: it is damaged, incomplete or not a PNG, "
                            "JPEG or TIFF image. Scan or download it again."),
                         {}};
    PageSequence pages(bytes);
    if (!pages.start())
        return corrupt;
    LoadedDocument document {{}, u"OCR"_s, {}};
    int page = 0;
    do {
        if (page == kMaxOcrPages) {
            document.warnings.append(Error {u"ocr.too_many_pages"_s,
                                            tr("The image has more than %1 pages; only the "
                                               "first %1 are read, more than any report has.")
                                                .arg(kMaxOcrPages),
                                            {}});
            break;
        }
        l_int32 width = 0, height = 0;
        if (!pages.header(page, &width, &height)) {
            if (page == 0)
                return corrupt;
            document.warnings.append(damagedPageWarning(page));
            break;
        }
        if (std::optional<Error> tooLarge = sizeError(width, height, page))
            return *tooLarge;
        ReadBudget::current().extend(kOcrTimePerPage);
        if (ReadBudget::current().exhausted())
            return ReadBudget::current().error(tr("page %1 of the image").arg(page + 1));
        const PixPtr image = pages.next();
        if (!image) {
            if (page == 0)
                return corrupt;
            document.warnings.append(damagedPageWarning(page));
            break;
        }
        OcrProgress::report(page + 1, pages.knownCount());
        Result<OcrPage> read = OcrEngine::readPage(image.get(), resolutionOf(image.get()));
        if (!read)
            return read.error();
        if (ReadBudget::current().exhausted())
            return ReadBudget::current().error(tr("page %1 of the image").arg(page + 1));
        appendOcrPage(read.value(), page, document);
        ++page;
    } while (pages.more());
    if (document.text.trimmed().isEmpty())
        return Error {u"ocr.no_text"_s,
                      tr("OCR found no text in the image (%n page(s)): it is blank, or not a "
                         "scan of a report.",
                         nullptr, page),
                      {}};
    return document;
}

} // namespace nianbao

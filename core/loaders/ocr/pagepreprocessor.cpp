// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagepreprocessor.h"

#include "ocrlimits.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <cstring>

namespace nianbao {

namespace {

/** Skews are searched within this many degrees either way: a scan fed crooked. */
constexpr float kMaxSkewDegrees = 5.0F;
/**
 * Grey this light, on a white background, is ink for Tesseract and the grid finder (0 is
 * black). One light level: Otsu's threshold broke the hairline strokes of 宋体 labels and
 * grid lines scanned at 200 dpi (27 silent errors on the real scans, labels read as other
 * rows'), and Sauvola's local threshold read them worse.
 */
constexpr int kTextInkLevel = 210;
/** Only grey this dark is ink in `darkInk`: printing, not a seal stamped over it in grey. */
constexpr int kDarkInkLevel = 100;
/** A resolution this close to kOcrDpi is read as it is, unscaled. */
constexpr double kScaleTolerance = 0.15;

/** Grey in which red ink is paper: the red channel of colour, the grey of the rest. */
PixPtr greyWithoutRed(Pix *source)
{
    PixPtr full;
    if (pixGetColormap(source))
        full.reset(pixRemoveColormap(source, REMOVE_CMAP_TO_FULL_COLOR));
    Pix *colour = full ? full.get() : source;
    if (pixGetDepth(colour) == 32)
        return PixPtr(pixGetRGBComponent(colour, COLOR_RED));
    return PixPtr(pixConvertTo8(colour, 0));
}

PixPtr scaledToOcrDpi(Pix *grey, int dpi)
{
    const double factor = double(kOcrDpi) / dpi;
    if (std::abs(factor - 1.0) <= kScaleTolerance)
        return PixPtr(pixClone(grey));
    return PixPtr(pixScale(grey, float(factor), float(factor)));
}

/** The page's grey with its background made white: a grey or yellowed sheet, or a shadow at the
 * fold, must not turn to ink. */
PixPtr backgroundNormalized(Pix *grey)
{
    PixPtr normalized(pixBackgroundNorm(grey, nullptr, nullptr, 10, 15, 100, 50, 255, 2, 2));
    return normalized ? std::move(normalized) : PixPtr(pixClone(grey));
}

/** Ink at `level` and darker on the normalized page. */
PixPtr inkAt(Pix *normalized, int level)
{
    return PixPtr(pixThresholdToBinary(normalized, level));
}

/** Writes a 1 bpp image's size and bits. */
void writeBits(QDataStream &out, Pix *binary)
{
    const qint32 width = binary ? pixGetWidth(binary) : 0;
    const qint32 height = binary ? pixGetHeight(binary) : 0;
    out << width << height;
    if (!binary)
        return;
    const qsizetype rowBytes = qsizetype(pixGetWpl(binary)) * 4;
    out << QByteArray::fromRawData(reinterpret_cast<const char *>(pixGetData(binary)),
                                   rowBytes * height);
}

PixPtr readBits(QDataStream &in)
{
    qint32 width = 0;
    qint32 height = 0;
    in >> width >> height;
    if (width <= 0 || height <= 0)
        return {};
    if (width > kMaxImageSide || height > kMaxImageSide) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    QByteArray bits;
    in >> bits;
    PixPtr binary(pixCreate(width, height, 1));
    if (!binary || bits.size() != qsizetype(pixGetWpl(binary.get())) * 4 * height) {
        in.setStatus(QDataStream::ReadCorruptData);
        return {};
    }
    std::memcpy(pixGetData(binary.get()), bits.constData(), size_t(bits.size()));
    return binary;
}

} // namespace

PreparedPage preparePage(Pix *source, int dpi)
{
    PreparedPage page;
    page.size = QSizeF(pixGetWidth(source) * 72.0 / dpi, pixGetHeight(source) * 72.0 / dpi);
    const PixPtr grey = greyWithoutRed(source);
    if (!grey)
        return page;
    const PixPtr scaled = scaledToOcrDpi(grey.get(), dpi);
    if (!scaled)
        return page;
    float confidence = 0;
    PixPtr upright(pixDeskewGeneral(scaled.get(), 0, kMaxSkewDegrees, 0.0F, 0, 0, &page.skewDegrees,
                                    &confidence));
    const PixPtr normalized = backgroundNormalized(upright ? upright.get() : scaled.get());
    if (!normalized)
        return page;
    page.binary = inkAt(normalized.get(), kTextInkLevel);
    page.darkInk = inkAt(normalized.get(), kDarkInkLevel);
    page.pointsPerPixel = page.binary ? page.size.width() / pixGetWidth(page.binary.get()) : 0;
    return page;
}

QDataStream &operator<<(QDataStream &out, const PreparedPage &page)
{
    out << page.pointsPerPixel << page.size << page.skewDegrees;
    writeBits(out, page.binary.get());
    writeBits(out, page.darkInk.get());
    return out;
}

QDataStream &operator>>(QDataStream &in, PreparedPage &page)
{
    in >> page.pointsPerPixel >> page.size >> page.skewDegrees;
    page.binary = readBits(in);
    page.darkInk = readBits(in);
    return in;
}

} // namespace nianbao

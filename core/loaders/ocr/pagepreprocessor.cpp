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

PixPtr binarized(Pix *grey)
{
    // Background normalization first: a grey or yellowed sheet, or a shadow at the fold, must
    // not turn to ink; then one Otsu threshold for the normalized page.
    PixPtr binary(
        pixOtsuThreshOnBackgroundNorm(grey, nullptr, 10, 15, 100, 50, 255, 2, 2, 0.1F, nullptr));
    if (!binary)
        binary.reset(pixThresholdToBinary(grey, 128));
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
    page.binary = binarized(upright ? upright.get() : scaled.get());
    page.pointsPerPixel = page.binary ? page.size.width() / pixGetWidth(page.binary.get()) : 0;
    return page;
}

QDataStream &operator<<(QDataStream &out, const PreparedPage &page)
{
    Pix *binary = page.binary.get();
    const qint32 width = binary ? pixGetWidth(binary) : 0;
    const qint32 height = binary ? pixGetHeight(binary) : 0;
    out << page.pointsPerPixel << page.size << page.skewDegrees << width << height;
    if (!binary)
        return out;
    const qsizetype rowBytes = qsizetype(pixGetWpl(binary)) * 4;
    out << QByteArray::fromRawData(reinterpret_cast<const char *>(pixGetData(binary)),
                                   rowBytes * height);
    return out;
}

QDataStream &operator>>(QDataStream &in, PreparedPage &page)
{
    qint32 width = 0;
    qint32 height = 0;
    in >> page.pointsPerPixel >> page.size >> page.skewDegrees >> width >> height;
    page.binary.reset();
    if (width <= 0 || height <= 0)
        return in;
    if (width > kMaxImageSide || height > kMaxImageSide) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    QByteArray bits;
    in >> bits;
    PixPtr binary(pixCreate(width, height, 1));
    if (!binary || bits.size() != qsizetype(pixGetWpl(binary.get())) * 4 * height) {
        in.setStatus(QDataStream::ReadCorruptData);
        return in;
    }
    std::memcpy(pixGetData(binary.get()), bits.constData(), size_t(bits.size()));
    page.binary = std::move(binary);
    return in;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "figureink.h"

#include "ocrlimits.h"

#include <leptonica/allheaders.h>

#include <QList>

#include <algorithm>

namespace nianbao {

namespace {

/** White around the figure: Tesseract reads a line badly when ink touches the image's edge. */
constexpr int kMargin = 12;
/** Ink this much lower than the figure's tallest digit is a smudge, not a digit. */
constexpr double kMinDigitShare = 0.55;
/** A decimal point is at most this share of a digit's height, and sits this near its foot. */
constexpr double kMaxPointShare = 0.35;
constexpr double kPointFootShare = 0.25;
/** Pieces lower than this share of the tallest are specks, for the bounds of writing. */
constexpr double kMinWritingShare = 0.4;
/** Pixels the bounds of writing are widened by, within the box. */
constexpr int kWritingMargin = 6;
/** Ink pieces a figure has at most: more is a smudge or a picture, not a figure. */
constexpr int kMaxPieces = 40;

bool touchesSide(const QRect &piece, const QSize &cell)
{
    return piece.left() <= 0 || piece.top() <= 0 || piece.right() >= cell.width() - 1
        || piece.bottom() >= cell.height() - 1;
}

/** A small piece at the digits' foot with digits on both sides: a decimal point. */
bool isDecimalPoint(const QRect &piece, const QList<QRect> &digits, int height, int foot)
{
    if (std::max(piece.width(), piece.height()) > kMaxPointShare * height
        || piece.bottom() < foot - kPointFootShare * height)
        return false;
    const bool left = std::any_of(digits.begin(), digits.end(),
                                  [&](const QRect &d) { return d.right() < piece.left(); });
    const bool right = std::any_of(digits.begin(), digits.end(),
                                   [&](const QRect &d) { return d.left() > piece.right(); });
    return left && right;
}

/** The pieces that make the figure: its digits, and a decimal point between them. */
QList<QRect> figurePieces(Pix *cell)
{
    const QSize size(pixGetWidth(cell), pixGetHeight(cell));
    QList<QRect> inside = inkPieces(cell);
    inside.removeIf([&](const QRect &piece) { return touchesSide(piece, size); });
    if (inside.isEmpty() || inside.size() > kMaxPieces)
        return {};
    const int height
        = std::max_element(inside.begin(), inside.end(), [](const QRect &a, const QRect &b) {
              return a.height() < b.height();
          })->height();
    QList<QRect> digits;
    for (const QRect &piece : std::as_const(inside)) {
        if (piece.height() >= kMinDigitShare * height)
            digits.append(piece);
    }
    int foot = 0;
    for (const QRect &digit : std::as_const(digits))
        foot = std::max(foot, digit.bottom());
    QList<QRect> figure = digits;
    for (const QRect &piece : std::as_const(inside)) {
        if (piece.height() < kMinDigitShare * height && isDecimalPoint(piece, digits, height, foot))
            figure.append(piece);
    }
    return figure;
}

/** The part of `page` in `box`, cut out. */
PixPtr clipped(Pix *page, const QRect &box)
{
    BOX *area = boxCreate(box.x(), box.y(), box.width(), box.height());
    PixPtr cell(pixClipRectangle(page, area, nullptr));
    boxDestroy(&area);
    return cell;
}

} // namespace

QRect writingIn(Pix *page, const QRect &box)
{
    const PixPtr cell = clipped(page, box);
    if (!cell)
        return {};
    const QSize size(pixGetWidth(cell.get()), pixGetHeight(cell.get()));
    QList<QRect> inside = inkPieces(cell.get());
    inside.removeIf([&](const QRect &piece) { return touchesSide(piece, size); });
    int tallest = 0;
    for (const QRect &piece : std::as_const(inside))
        tallest = std::max(tallest, piece.height());
    QRect bounds;
    for (const QRect &piece : std::as_const(inside)) {
        if (piece.height() >= kMinWritingShare * tallest)
            bounds |= piece;
    }
    if (bounds.isNull())
        return {};
    return bounds.adjusted(-kWritingMargin, -kWritingMargin, kWritingMargin, kWritingMargin)
        .translated(box.topLeft())
        .intersected(box);
}

PixPtr figureInk(Pix *page, const QRect &box)
{
    const PixPtr cell = clipped(page, box);
    if (!cell)
        return {};
    const QList<QRect> figure = figurePieces(cell.get());
    if (figure.isEmpty())
        return {};
    QRect bounds;
    for (const QRect &piece : figure)
        bounds |= piece;
    PixPtr ink(pixCreate(bounds.width() + 2 * kMargin, bounds.height() + 2 * kMargin, 1));
    if (!ink)
        return {};
    pixSetResolution(ink.get(), kOcrDpi, kOcrDpi);
    for (const QRect &piece : figure) {
        pixRasterop(ink.get(), piece.x() - bounds.x() + kMargin, piece.y() - bounds.y() + kMargin,
                    piece.width(), piece.height(), PIX_PAINT, cell.get(), piece.x(), piece.y());
    }
    return ink;
}

} // namespace nianbao

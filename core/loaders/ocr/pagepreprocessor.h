// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pixptr.h"

#include <QDataStream>
#include <QSizeF>

namespace nianbao {

/** A page image made ready for the grid finder and Tesseract. */
struct PreparedPage
{
    PixPtr binary; ///< 1 bpp, ink 1, at kOcrDpi, upright
    PixPtr darkInk; ///< the same, with only the darkest ink: figures under a seal in a grey scan
    double pointsPerPixel = 0; ///< from `binary`'s pixels to the page's points
    QSizeF size; ///< the page, in points
    float skewDegrees = 0; ///< the skew found and taken out
};

/**
 * Turns a scanned or rendered page (any depth Leptonica reads, `dpi` its resolution) into
 * ink and paper. Grey comes from the red channel, so a red or pink seal stamped over a table
 * turns to paper while black and blue ink stay; the page is scaled to kOcrDpi, turned upright
 * (a skew of up to 5°), and binarized against its local background, so a grey or uneven
 * scan still gives clean ink; it is taken down to a light grey, for the hairlines of 宋体 and of
 * a table's rules. `darkInk` keeps only dark grey, where a seal stamped in red and scanned in
 * grey is paper and the printed figures under it are not. Null `binary` if Leptonica could not
 * process the image.
 */
PreparedPage preparePage(Pix *source, int dpi);

/** A prepared page through a pipe: its size and its two inks, one bit a pixel. */
QDataStream &operator<<(QDataStream &out, const PreparedPage &page);
QDataStream &operator>>(QDataStream &in, PreparedPage &page);

} // namespace nianbao

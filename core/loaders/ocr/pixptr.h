// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRect>

#include <memory>

struct Pix;

namespace nianbao {

/** Frees a Leptonica image (pixDestroy), for PixPtr. */
struct PixDeleter
{
    void operator()(Pix *pix) const;
};

/** An owned Leptonica image: Leptonica's calls hand out images the caller must destroy. */
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

/** The bounding boxes of a binary image's pieces of ink (8-connected), in Leptonica's order. */
QList<QRect> inkPieces(Pix *binary);

} // namespace nianbao

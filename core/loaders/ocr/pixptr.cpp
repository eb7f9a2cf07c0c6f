// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixptr.h"

#include <leptonica/allheaders.h>

namespace nianbao {

void PixDeleter::operator()(Pix *pix) const
{
    pixDestroy(&pix);
}

QList<QRect> inkPieces(Pix *binary)
{
    QList<QRect> rects;
    BOXA *boxes = pixConnCompBB(binary, 8);
    if (!boxes)
        return rects;
    for (int i = 0; i < boxaGetCount(boxes); ++i) {
        l_int32 x = 0, y = 0, w = 0, h = 0;
        boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
        rects.append(QRect(x, y, w, h));
    }
    boxaDestroy(&boxes);
    return rects;
}

} // namespace nianbao

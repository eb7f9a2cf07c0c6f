// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pixptr.h"

#include <leptonica/allheaders.h>

namespace nianbao {

void PixDeleter::operator()(Pix *pix) const
{
    pixDestroy(&pix);
}

} // namespace nianbao

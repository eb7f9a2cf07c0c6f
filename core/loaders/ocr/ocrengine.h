// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ocrpage.h"
#include "result.h"

#include <QCoreApplication>

struct Pix;

namespace nianbao {

struct PreparedPage;

/**
 * Reads a page image with OCR: prepares it (preparePage), finds its ruled tables
 * (findTableGrids), reads each grid cell on its own, so that rows and columns come from the
 * grid, and reads the prose outside the tables line by line, top to bottom. The image loader
 * and the PDF reader (for pages without a text layer) use it; it checks
 * ReadBudget::current() between cells and stops early when it is spent.
 */
class OcrEngine final
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::OcrEngine)

public:
    OcrEngine() = delete;

    /** Reads `image`, scanned or rendered at `dpi`; an error if Tesseract cannot run. */
    static Result<OcrPage> readPage(Pix *image, int dpi);
    /** Reads a page preparePage made ready (the PDF reader prepares pages in its child). */
    static Result<OcrPage> readPrepared(const PreparedPage &page);
};

} // namespace nianbao

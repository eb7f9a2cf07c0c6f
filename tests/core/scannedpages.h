// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "publishedfixtures.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>

namespace nianbao::test {

/** How a printed report went through the scanner: what makes a scan more than a clean render. */
struct ScanOptions
{
    int dpi = 300; ///< 150–600; the images carry it as their dots per metre
    double rotationDegrees = 0; ///< the page lay askew on the glass (either sign, e.g. 1–3)
    double gaussianNoise = 0; ///< sensor noise: standard deviation in grey levels (0–255)
    double saltAndPepper = 0; ///< share of pixels hit by dust specks or dropouts (e.g. 0.002)
    bool greyBackground = true; ///< recycled paper's tone (~0xE8), unevenly lit, ink never black
    bool redSeal = true; ///< the agency's round red seal stamped over part of the last table
    bool colour = true; ///< a colour scan (RGB32); false: an 8-bit grey one (the seal turns grey)
    double pageHeight = kA4LandscapeHeight; ///< points; kA3PortraitHeight fits the tables on one
    quint32 seed = 1; ///< the noise, speckle and seal texture are the same for the same seed
};

/**
 * The pages of a fixture document as a scanner delivers them: drawn exactly as writePdfFixture
 * draws them (layoutFixture), then stamped, blurred a little, toned like paper, turned and
 * made noisy as `options` say. Empty (with a message) when the CJK font is missing.
 */
QList<QImage> renderScannedPages(const FixtureDocument &document, const ScanOptions &options,
                                 QString *problem);

/**
 * A clean page image (white paper, black print, at options.dpi) as the scanner delivers it:
 * stamped with the seal centred at `sealCentre` (pixels) when options.redSeal and a centre are
 * given, blurred a little, toned like paper, turned and made noisy. nianbao_makescans turns
 * real reports rendered by pdftoppm into scans with it.
 */
QImage scanImage(const QImage &clean, const ScanOptions &options,
                 std::optional<QPointF> sealCentre);

/** Where the seal goes over `table` (pixels at `dpi`): its lower right part, spilling below. */
QPointF sealCentre(const QRectF &table, int dpi);

/**
 * Keeps what a scan of the statistical tables holds: the title, the section headings and the
 * tables, without the narrative paragraphs (a long page image of the tables, as agencies post).
 */
FixtureDocument tablesOnly(const FixtureDocument &document);

/**
 * One page as a PNG or JPEG file (`format` "png" or "jpeg"). `quality` is Qt's: a JPEG's
 * quality, a PNG's compression (0 the smallest file, 100 the fastest).
 */
QByteArray writeImageFile(const QImage &page, const char *format, int quality);

/**
 * A multi-page baseline TIFF (one IFD per page, 8-bit grey or RGB, Adobe Deflate with the
 * horizontal predictor, the resolution in dots per inch), written by hand: Qt's TIFF plugin
 * writes one page per file. Empty when a page is neither grey nor RGB32.
 */
QByteArray writeMultiPageTiff(const QList<QImage> &pages);

/**
 * A PDF whose pages are only the page images (no text layer, no fonts), each page as large as
 * its image at the image's resolution and the image a JPEG of `jpegQuality` (DCTDecode): what
 * a scanner's "scan to PDF" writes.
 */
QByteArray writeImageOnlyPdf(const QList<QImage> &pages, int jpegQuality = 80);

} // namespace nianbao::test

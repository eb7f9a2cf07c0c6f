// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include <chrono>

namespace nianbao {

/** The resolution pages are rendered at and scans scaled to before OCR: Tesseract reads a
 *  10.5 pt figure best at some 40 pixels high. */
constexpr int kOcrDpi = 300;
/** Scans are read as scanned between these resolutions; outside, their stated resolution is
 *  taken for a mistake and guessed from an A4 page's size. */
constexpr int kMinScanDpi = 100;
constexpr int kMaxScanDpi = 1200;
/** An image side longer than this is refused before it is decoded: A4 at 600 dpi is 7,016. */
constexpr int kMaxImageSide = 16'000;
/** Pixels an image may have, decoded at 4 bytes each (320 MB): A3 at 600 dpi has 70 M. */
constexpr qint64 kMaxImagePixels = 80'000'000;
/** Pages OCR reads in one file: a report's scan has a dozen, its tables within the first ten. */
constexpr int kMaxOcrPages = 40;
/** Time OCR may take per page it reads, on top of the file's budget: some 3–8 s on 2 cores. */
constexpr std::chrono::milliseconds kOcrTimePerPage {20'000};
/**
 * A figure OCR reads with less confidence (0–100, the least of its digits') is not trusted:
 * the reader makes its cell unreadable and offers the reading as a suggestion. Clean synthetic
 * scans read their digits at 85–96; misread digits measured below 60.
 */
constexpr int kMinOcrConfidence = 70;

} // namespace nianbao

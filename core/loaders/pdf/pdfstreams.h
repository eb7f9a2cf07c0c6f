// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace nianbao {

/** What a PDF's zlib (Flate) streams inflate to: page content and the like, and font files. */
struct InflatedBytes
{
    qint64 content = 0;
    qint64 fonts = 0;
};

/**
 * Counts what the Flate streams of a PDF inflate to, stopping once `content` passes
 * `contentCap` or `fonts` passes `fontCap`: PdfLoader refuses a file past either cap before
 * Poppler, which inflates streams without a limit, sees it. Finds the streams by their
 * `stream` keyword rather than by parsing the file, so damaged files are scanned too. Streams
 * of images are skipped (Poppler does not decode them to read text); font files are counted
 * apart, as one embedded CJK font may inflate to 20 MB. Streams that are not zlib data stop at
 * their first bytes. Linear in the file and the bytes inflated, in constant memory.
 */
InflatedBytes inflatedStreamBytes(QByteArrayView pdf, qint64 contentCap, qint64 fontCap);

} // namespace nianbao

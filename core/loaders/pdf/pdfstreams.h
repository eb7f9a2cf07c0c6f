// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>

namespace nianbao {

/**
 * How many bytes the zlib (Flate) streams of a PDF inflate to, stopping once the count passes
 * `cap`: PdfLoader refuses a file whose streams would inflate beyond its cap before Poppler,
 * which inflates streams without a limit, sees it. Finds the streams by their `stream` keyword
 * rather than by parsing the file, so damaged files are scanned too; streams of images are
 * skipped (Poppler does not decode them to read text), and streams that are not zlib data stop
 * at their first bytes. Linear in the file and the bytes inflated, in constant memory.
 */
qint64 inflatedStreamBytes(QByteArrayView pdf, qint64 cap);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QImage>
#include <QSizeF>

#include <optional>

namespace nianbao {

/** One page of a PDF as the render child gives it, with what it learnt of the document. */
struct RenderedPdfPage
{
    int pageCount = 0;
    QSizeF pageSize; ///< in points
    QImage image;
};

/** Time a page may take to render before its child is killed. */
constexpr int kRenderTimeoutMs = 10000;

/**
 * Renders page `page` of a PDF at `dpi` with poppler-qt6 in a forked child process, as core's
 * loader reads text (loaders/pdf/popplerchild.h): Poppler runs only in children, never in the
 * window's process, so no thread of it can hold one of Poppler's locks when another forks;
 * and a damaged or hostile file (a stream that inflates without end, a crash) ends that child
 * only, bounded by kRenderTimeoutMs and 1 GiB more memory than it inherits. Empty when the
 * child failed, ran out of time or memory, or the page does not exist. Sanitized builds render
 * in process, as core reads there.
 */
std::optional<RenderedPdfPage> renderPdfPageInChild(const QByteArray &pdf, int page, int dpi);

} // namespace nianbao

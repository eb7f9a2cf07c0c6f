// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QList>
#include <QSizeF>
#include <QString>

#include <memory>

namespace nianbao {

/**
 * The pages of a report's original file, a PDF or an image (PNG, JPEG, multi-page TIFF), for the
 * page view: the bytes are read once and checked against the hash the library keeps, then each
 * page is rendered when it is shown, at the zoom's resolution, and the last few are kept. The
 * file itself is only read.
 */
class PageSource final
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::PageSource)

public:
    enum class Kind { None, Pdf, Image };

    /** Whether a file has pages to show, by its name (as the loaders choose a format). */
    static Kind kindOf(const QString &file);
    /**
     * Reads the file; refuses it when it is gone, too large, or when `sha256` is given and the
     * bytes no longer match it (a changed file would show pages of another report).
     * `pageSizes` (points), as the report's loader measured them, save a PDF's first look at
     * its pages and give a scan's pixels their size.
     */
    static Result<std::unique_ptr<PageSource>>
    open(const QString &file, const QByteArray &sha256 = {}, const QList<QSizeF> &pageSizes = {});
    ~PageSource();
    Q_DISABLE_COPY_MOVE(PageSource)

    int pageCount() const { return m_pageCount; }
    /** A page's size in points, as the file gives it. */
    QSizeF pageSize(int page) const;
    /**
     * The page rendered at `dpi` (dots per inch of the page's points) or less: never more than
     * kMaxPagePixels pixels. From the cache when it was rendered at that resolution before.
     */
    Result<QImage> render(int page, qreal dpi);

    /** Pixels a rendered page may take at most: 8 million, 32 MB in ARGB32 (A4 at 287 dpi). */
    static constexpr qreal kMaxPagePixels = 8'000'000;
    /** Dots per inch at most, whatever the zoom: finer shows nothing more of a report. */
    static constexpr qreal kMaxDpi = 300;
    /** Files larger than this are not read into memory for the view. */
    static constexpr qint64 kMaxFileBytes = 64 * 1024 * 1024;
    /** Rendered pages kept (the shown one and the last few looked at). */
    static constexpr int kCachedPages = 3;

private:
    PageSource(QString file, QByteArray bytes, Kind kind, QList<QSizeF> pageSizes);
    Result<void> load();
    Result<QImage> renderPdf(int page, int dpi);
    Result<QImage> renderImage(int page, int dpi) const;
    Error renderError(int page) const;

    struct Rendered
    {
        int page = 0;
        int dpi = 0;
        QImage image;
    };

    QString m_file;
    QByteArray m_bytes;
    Kind m_kind;
    QList<QSizeF> m_pageSizes; ///< in points; a scan's pixels count as points unless told
    int m_pageCount = 0;
    QList<Rendered> m_cache; ///< most recently used first
};

} // namespace nianbao

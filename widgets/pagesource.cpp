// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagesource.h"

#include "pdfrenderchild.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr qreal kPointsPerInch = 72;
constexpr qint64 kMebibyte = qint64(1) << 20;

QString shownName(const QString &file)
{
    return QDir::toNativeSeparators(file);
}

/** `dpi` in whole dots, or fewer where the page would take more than kMaxPagePixels pixels. */
int boundedDpi(const QSizeF &points, qreal dpi)
{
    const auto pixels = [&points](int at) {
        return std::ceil(points.width() * at / kPointsPerInch)
            * std::ceil(points.height() * at / kPointsPerInch);
    };
    int bounded = int(std::max(1.0, std::floor(std::min(dpi, PageSource::kMaxDpi))));
    const qreal inches = (points.width() / kPointsPerInch) * (points.height() / kPointsPerInch);
    if (inches > 0)
        bounded = std::min(bounded, int(std::sqrt(PageSource::kMaxPagePixels / inches)));
    // Pages are whole pixels: a dot less when rounding them up crosses the bound.
    while (bounded > 1 && pixels(bounded) > PageSource::kMaxPagePixels)
        --bounded;
    return std::max(bounded, 1);
}

} // namespace

PageSource::PageSource(QString file, QByteArray bytes, Kind kind, QList<QSizeF> pageSizes)
    : m_file(std::move(file))
    , m_bytes(std::move(bytes))
    , m_kind(kind)
    , m_pageSizes(std::move(pageSizes))
{ }

PageSource::~PageSource() = default;

PageSource::Kind PageSource::kindOf(const QString &file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == u"pdf")
        return Kind::Pdf;
    static const QStringList kImages {u"png"_s, u"jpg"_s, u"jpeg"_s, u"tif"_s, u"tiff"_s};
    return kImages.contains(suffix) ? Kind::Image : Kind::None;
}

Result<std::unique_ptr<PageSource>> PageSource::open(const QString &file, const QByteArray &sha256,
                                                     const QList<QSizeF> &pageSizes)
{
    const Kind kind = kindOf(file);
    if (kind == Kind::None)
        return Error {
            u"pages.none"_s,
            tr("%1 is not a PDF or an image: it has no pages to show.").arg(shownName(file)),
            {file, 0, {}}};
    QFile in(file);
    if (!in.exists())
        return Error {u"pages.missing"_s,
                      tr("The file %1 is no longer there, so its pages cannot be shown.")
                          .arg(shownName(file)),
                      {file, 0, {}}};
    if (in.size() > kMaxFileBytes)
        return Error {u"pages.too_large"_s,
                      tr("The file %1 is larger than %2 MB; its pages are not shown.")
                          .arg(shownName(file))
                          .arg(kMaxFileBytes / kMebibyte),
                      {file, 0, {}}};
    if (!in.open(QIODevice::ReadOnly))
        return Error {u"pages.unreadable"_s,
                      tr("The file %1 cannot be read (%2), so its pages cannot be shown.")
                          .arg(shownName(file), in.errorString()),
                      {file, 0, {}}};
    QByteArray bytes = in.readAll();
    if (!sha256.isEmpty() && QCryptographicHash::hash(bytes, QCryptographicHash::Sha256) != sha256)
        return Error {u"pages.changed"_s,
                      tr("The file %1 has changed since it was imported, so its pages would not "
                         "match this report. Open the file again to review it as it is now.")
                          .arg(shownName(file)),
                      {file, 0, {}}};
    std::unique_ptr<PageSource> source(new PageSource(file, std::move(bytes), kind, pageSizes));
    Result<void> loaded = source->load();
    if (!loaded)
        return loaded.error();
    return source;
}

Result<void> PageSource::load()
{
    if (m_kind == Kind::Pdf) {
        m_pageCount = int(m_pageSizes.size());
        if (m_pageCount > 0)
            return {};
        // Pages not measured by the loader (a report from an older library): a first page at
        // the lowest resolution tells how many there are and how large.
        m_pageCount = 1;
        const Result<QImage> probe = renderPdf(0, 1);
        if (!probe)
            m_pageCount = 0;
        return probe ? Result<void>() : probe.error();
    }
    QBuffer buffer(&m_bytes);
    QImageReader reader(&buffer);
    // A TIFF counts its pages; other formats hold one image (or say 0).
    const int images = std::max(reader.imageCount(), 1);
    for (int image = 0; image < images; ++image) {
        if (image > 0 && !reader.jumpToImage(image))
            break;
        const QSize pixels = reader.size();
        if (pixels.isEmpty())
            break;
        // Without the report's page sizes, a pixel counts as a point.
        if (image >= m_pageSizes.size())
            m_pageSizes.append(QSizeF(pixels));
        m_pageCount = image + 1;
    }
    if (m_pageCount == 0)
        return renderError(0);
    return {};
}

QSizeF PageSource::pageSize(int page) const
{
    if (page < 0 || page >= m_pageCount)
        return {};
    return m_pageSizes.value(page);
}

Error PageSource::renderError(int page) const
{
    return Error {u"pages.unreadable"_s,
                  tr("Page %1 of %2 cannot be shown: the file could not be rendered.")
                      .arg(page + 1)
                      .arg(shownName(m_file)),
                  {m_file, 0, {}}};
}

Result<QImage> PageSource::render(int page, qreal dpi)
{
    if (page < 0 || page >= m_pageCount)
        return renderError(page);
    const int wanted = boundedDpi(pageSize(page), dpi);
    for (qsizetype i = 0; i < m_cache.size(); ++i) {
        if (m_cache[i].page == page && m_cache[i].dpi == wanted) {
            m_cache.move(i, 0);
            return m_cache.first().image;
        }
    }
    Result<QImage> rendered
        = m_kind == Kind::Pdf ? renderPdf(page, wanted) : renderImage(page, wanted);
    if (!rendered)
        return rendered;
    m_cache.prepend(Rendered {page, wanted, rendered.value()});
    while (m_cache.size() > kCachedPages)
        m_cache.removeLast();
    return rendered;
}

Result<QImage> PageSource::renderPdf(int page, int dpi)
{
    const std::optional<RenderedPdfPage> rendered = renderPdfPageInChild(m_bytes, page, dpi);
    if (!rendered)
        return renderError(page);
    // What the child saw of the document: the count, and this page's size.
    m_pageCount = rendered->pageCount;
    m_pageSizes.resize(std::max(m_pageSizes.size(), qsizetype(m_pageCount)));
    m_pageSizes[page] = rendered->pageSize;
    return rendered->image;
}

Result<QImage> PageSource::renderImage(int page, int dpi) const
{
    QByteArray bytes = m_bytes;
    QBuffer buffer(&bytes);
    QImageReader reader(&buffer);
    if (page > 0 && !reader.jumpToImage(page))
        return renderError(page);
    const QSizeF points = m_pageSizes.value(page);
    reader.setScaledSize((points * dpi / kPointsPerInch).toSize().expandedTo(QSize(1, 1)));
    QImage image = reader.read();
    if (image.isNull())
        return renderError(page);
    return image;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QCoreApplication>

#include <optional>

namespace nianbao {

/**
 * Scanned reports as images (PNG, JPEG, TIFF, a multi-page TIFF's pages in order), read with
 * Leptonica and OCR'd page by page (OcrEngine). An image's size is checked from its header
 * before it is decoded, at most kMaxOcrPages pages are read, and the read's budget grows by
 * kOcrTimePerPage for each page OCR starts.
 */
class ImageLoader final : public DocumentLoader
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ImageLoader)

public:
    ImageLoader() = default;
    Q_DISABLE_COPY_MOVE(ImageLoader)

    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;

    /** Whether bytes start like a PNG, JPEG or TIFF image. */
    static bool looksLikeImage(QByteArrayView head);
    /** Why an image of this size is not read, before it is decoded; none if it is. */
    static std::optional<Error> sizeError(qint64 width, qint64 height, int page);

private:
    static Error damagedPageWarning(int page);
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QCoreApplication>

namespace nianbao {

class ZipArchive;

/**
 * Word .docx reports: the zip container read with libzip, the main document part with Qt's
 * XML stream reader (readWordprocessingMl); paragraphs become lines and tables tab-separated
 * rows with merged cells expanded (see writeStructuredText). A damaged or truncated file, or a
 * zip that holds no Word document, is an error that says what the reviewer can do.
 */
class DocxLoader final : public DocumentLoader
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::DocxLoader)

public:
    DocxLoader() = default;
    Q_DISABLE_COPY_MOVE(DocxLoader)

    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;

    /** Whether bytes start like a zip archive (PK\3\4, or PK\5\6 for an empty one). */
    static bool looksLikeZip(QByteArrayView head);

private:
    static Error corrupt(const QString &detail);
    static Error encrypted();
    static Error duplicate(const QString &name);
    static Error tooLarge(const QString &part);
    static Error unreadablePart(const QString &part, const Error &error);
    static Error notWord(const ZipArchive &archive);
};

} // namespace nianbao

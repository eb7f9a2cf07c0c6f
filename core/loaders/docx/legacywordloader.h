// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QCoreApplication>

namespace nianbao {

/**
 * Word files Nianbao cannot read, recognized so that the reviewer learns what to do instead of
 * seeing "binary data": legacy .doc and WPS files (OLE compound files), password-protected
 * .docx files (also OLE, holding an EncryptedPackage) and RTF. load() always fails.
 */
class LegacyWordLoader final : public DocumentLoader
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::LegacyWordLoader)

public:
    LegacyWordLoader() = default;
    Q_DISABLE_COPY_MOVE(LegacyWordLoader)

    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;

    /** Whether bytes start with the OLE compound file signature D0 CF 11 E0 A1 B1 1A E1. */
    static bool looksLikeOle(QByteArrayView head);
    static bool looksLikeRtf(QByteArrayView head);
};

} // namespace nianbao

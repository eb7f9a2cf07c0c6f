// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QCoreApplication>

namespace nianbao {

/**
 * HTML pages as government sites publish them: decoded by their own declaration (GB2312 and
 * GBK pages read as GB18030) unless the bytes say otherwise, parsed by libxml2 (parseHtml),
 * tables with rowspan/colspan written as tab-separated rows, layout tables flattened (see
 * writeStructuredText).
 */
class HtmlLoader final : public DocumentLoader
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::HtmlLoader)

public:
    HtmlLoader() = default;
    Q_DISABLE_COPY_MOVE(HtmlLoader)

    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;

    /** Whether bytes start like an HTML page (a doctype, <html>, <head> or <meta charset>). */
    static bool looksLikeHtml(QByteArrayView head);
};

} // namespace nianbao

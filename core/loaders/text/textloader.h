// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

namespace nianbao {

/** The text with each HTML <table> in it written as the HTML loader writes tables. */
QString inlineHtmlTables(const QString &original);

/**
 * Plain text and Markdown reports in any encoding ICU can detect; HTML tables inside them (as
 * PDF-to-Markdown converters write merged cells) are read as tables (inlineHtmlTables).
 */
class TextLoader final : public DocumentLoader
{
public:
    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;
};

} // namespace nianbao

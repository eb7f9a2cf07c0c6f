// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

namespace nianbao {

/** Plain text and Markdown reports in any encoding ICU can detect. */
class TextLoader final : public DocumentLoader
{
public:
    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;
};

} // namespace nianbao

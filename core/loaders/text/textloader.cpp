// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "textloader.h"

#include "textdecoder.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace nianbao {

QString TextLoader::formatName() const
{
    return u"text"_s;
}

DocumentLoader::Capabilities TextLoader::capabilities() const
{
    return DetectsEncoding;
}

bool TextLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    Q_UNUSED(head);
    Q_UNUSED(fileName);
    return true;
}

Result<LoadedDocument> TextLoader::load(const QByteArray &bytes) const
{
    Result<DecodedText> decoded = decodeText(bytes);
    if (!decoded)
        return decoded.error();
    LoadedDocument document {std::move(decoded.value().text), decoded.value().encoding, {}};
    if (decoded.value().replacedSequences > 0) {
        const DecodedText &info = decoded.value();
        document.warnings.append(
            Error {u"encoding.invalid"_s,
                   QCoreApplication::translate("nianbao::TextLoader",
                                               "%1 invalid byte sequences in %2 text were replaced "
                                               "by \uFFFD (first at byte %3)")
                       .arg(info.replacedSequences)
                       .arg(info.encoding)
                       .arg(info.firstInvalidByte),
                   {}});
    }
    return document;
}

const DocumentLoader &loaderFor(const QString &fileName, QByteArrayView head)
{
    static const TextLoader text;
    Q_UNUSED(fileName);
    Q_UNUSED(head);
    return text;
}

} // namespace nianbao

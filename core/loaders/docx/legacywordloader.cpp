// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "legacywordloader.h"

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** A stream name as an OLE directory stores it: UTF-16LE. */
QByteArray oleName(QStringView name)
{
    QByteArray bytes;
    for (QChar c : name) {
        bytes += char(c.unicode() & 0xFF);
        bytes += char(c.unicode() >> 8);
    }
    return bytes;
}

} // namespace

QString LegacyWordLoader::formatName() const
{
    return u"doc"_s;
}

DocumentLoader::Capabilities LegacyWordLoader::capabilities() const
{
    return NoCapability;
}

bool LegacyWordLoader::looksLikeOle(QByteArrayView head)
{
    return head.startsWith("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
}

bool LegacyWordLoader::looksLikeRtf(QByteArrayView head)
{
    return head.startsWith("{\\rtf");
}

bool LegacyWordLoader::accepts(const QString &fileName, QByteArrayView head) const
{
    Q_UNUSED(fileName);
    return looksLikeOle(head) || looksLikeRtf(head);
}

Result<LoadedDocument> LegacyWordLoader::load(const QByteArray &bytes) const
{
    if (looksLikeRtf(bytes)) {
        return Error {u"doc.rtf"_s,
                      tr("This is an RTF file, which Nianbao does not read. Open it in Word, "
                         "WPS or LibreOffice, save it as .docx (or PDF) and open that copy."),
                      {}};
    }
    // Office stores a password-protected .docx as an OLE file holding the encrypted package.
    if (bytes.contains(oleName(u"EncryptedPackage"))) {
        return Error {u"docx.encrypted"_s,
                      tr("The Word document is password-protected. Open it in Word or WPS with "
                         "the password, remove the protection (File › Info › Protect Document) "
                         "and save it, or ask the publisher for an open copy."),
                      {}};
    }
    return Error {u"doc.legacy"_s,
                  tr("This is a legacy Word (.doc) or WPS file, which Nianbao does not read. "
                     "Open it in Word, WPS or LibreOffice and save it as .docx (or PDF), then "
                     "open that copy."),
                  {}};
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

#include <memory>

struct zip;

namespace nianbao {

/**
 * A zip archive held in memory, read through libzip: the container of Word .docx files.
 * Used by DocxLoader; errors come back as values with libzip's reason in the message.
 */
class ZipArchive final
{
public:
    ~ZipArchive();
    Q_DISABLE_COPY_MOVE(ZipArchive)

    /** Opens the archive in `bytes`; fails for damaged or truncated archives. */
    static Result<std::shared_ptr<ZipArchive>> open(const QByteArray &bytes);

    bool contains(const QString &name) const;
    /** The name of an entry that occurs twice (libzip reads the first); empty if none does. */
    QString duplicateName() const;
    /** The uncompressed entry; fails if it is missing, damaged, encrypted (zip.encrypted) or
     *  larger than `maxSize` (zip.too_large). */
    Result<QByteArray> read(const QString &name, qint64 maxSize) const;

private:
    explicit ZipArchive(const QByteArray &bytes);

    QByteArray m_bytes; ///< libzip reads from this buffer; it must outlive the archive
    struct zip *m_zip = nullptr;
};

} // namespace nianbao

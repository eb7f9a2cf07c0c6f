// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ziparchive.h"

#include <QSet>

#include <zip.h>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

Error zipError(const QString &what, zip_error_t *error)
{
    return Error {
        u"zip.error"_s, what % u": "_s % QString::fromUtf8(zip_error_strerror(error)), {}};
}

} // namespace

ZipArchive::ZipArchive(const QByteArray &bytes)
    : m_bytes(bytes)
{ }

ZipArchive::~ZipArchive()
{
    if (m_zip)
        zip_discard(m_zip);
}

Result<std::shared_ptr<ZipArchive>> ZipArchive::open(const QByteArray &bytes)
{
    std::shared_ptr<ZipArchive> archive(new ZipArchive(bytes));
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *source = zip_source_buffer_create(
        archive->m_bytes.constData(), zip_uint64_t(archive->m_bytes.size()), 0, &error);
    if (!source) {
        Error failure = zipError(u"cannot read the archive"_s, &error);
        zip_error_fini(&error);
        return failure;
    }
    archive->m_zip = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (!archive->m_zip) {
        zip_source_free(source);
        Error failure = zipError(u"cannot open the archive"_s, &error);
        zip_error_fini(&error);
        return failure;
    }
    zip_error_fini(&error);
    return archive;
}

QString ZipArchive::duplicateName() const
{
    // libzip finds the first of two entries of one name, a reader may take the other: a
    // package that holds both can show one text to Nianbao and another to Word.
    const zip_int64_t count = zip_get_num_entries(m_zip, 0);
    QSet<QByteArray> names;
    names.reserve(qsizetype(std::min<zip_int64_t>(count, 1 << 16)));
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *name = zip_get_name(m_zip, zip_uint64_t(i), ZIP_FL_ENC_RAW);
        if (!name)
            continue;
        const QByteArray key(name);
        if (names.contains(key))
            return QString::fromUtf8(key);
        names.insert(key);
    }
    return {};
}

bool ZipArchive::contains(const QString &name) const
{
    return zip_name_locate(m_zip, name.toUtf8().constData(), 0) >= 0;
}

Result<QByteArray> ZipArchive::read(const QString &name, qint64 maxSize) const
{
    const QByteArray entry = name.toUtf8();
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(m_zip, entry.constData(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE))
        return Error {u"zip.missing"_s, u"no entry %1 in the archive"_s.arg(name), {}};
    if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE)
        return Error {u"zip.encrypted"_s, u"%1 is encrypted"_s.arg(name), {}};
    if (stat.size > zip_uint64_t(maxSize))
        return Error {
            u"zip.too_large"_s,
            u"%1 unpacks to %2 bytes, more than %3"_s.arg(name).arg(stat.size).arg(maxSize),
            {}};
    zip_file_t *file = zip_fopen(m_zip, entry.constData(), 0);
    if (!file)
        return zipError(u"cannot open "_s % name, zip_get_error(m_zip));
    QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
    qint64 total = 0;
    while (total < qint64(stat.size)) {
        const zip_int64_t got
            = zip_fread(file, data.data() + total, zip_uint64_t(qint64(stat.size) - total));
        if (got < 0) {
            Error failure = zipError(u"cannot unpack "_s % name, zip_file_get_error(file));
            zip_fclose(file);
            return failure;
        }
        if (got == 0)
            break;
        total += got;
    }
    // Reading to the end lets libzip check the entry's CRC.
    char probe = 0;
    const zip_int64_t extra = zip_fread(file, &probe, 1);
    if (extra < 0) {
        Error failure = zipError(u"cannot unpack "_s % name, zip_file_get_error(file));
        zip_fclose(file);
        return failure;
    }
    zip_fclose(file);
    if (total != qint64(stat.size) || extra != 0)
        return Error {u"zip.error"_s, u"%1 is damaged (wrong size)"_s.arg(name), {}};
    return data;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfstreams.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace nianbao {

namespace {

/** How far back from `stream` the stream's dictionary is looked for. */
constexpr qsizetype kDictionaryReach = 1024;

enum class StreamKind { Content, Font, Image };

/** What the dictionary before the stream at `keyword` says the stream holds. */
StreamKind streamKind(QByteArrayView pdf, qsizetype keyword)
{
    const qsizetype from = std::max<qsizetype>(0, keyword - kDictionaryReach);
    QByteArrayView dictionary = pdf.sliced(from, keyword - from);
    const qsizetype object = dictionary.lastIndexOf("obj");
    if (object >= 0)
        dictionary = dictionary.sliced(object);
    if (dictionary.contains("/Image") && !dictionary.contains("/Form"))
        return StreamKind::Image;
    // FontFile streams carry /Length1 (TrueType, Type 1) or a /Subtype of their own.
    for (QByteArrayView mark : {"/Length1", "/Length2", "Type1C", "CIDFontType0C", "OpenType"}) {
        if (dictionary.contains(mark))
            return StreamKind::Font;
    }
    return StreamKind::Content;
}

/** Where the data of the stream whose keyword is at `keyword` begins; -1 if it is no stream. */
qsizetype streamData(QByteArrayView pdf, qsizetype keyword)
{
    if (keyword >= 3 && pdf.sliced(keyword - 3, 3) == "end")
        return -1;
    // The keyword ends its line: CR LF or LF, or a lone CR in sloppy files.
    const QByteArrayView after = pdf.sliced(keyword + 6);
    if (after.startsWith("\r\n"))
        return keyword + 8;
    if (after.startsWith("\n") || after.startsWith("\r"))
        return keyword + 7;
    return -1;
}

/** The bytes the zlib data at the start of `data` inflates to, counting at most to `limit`. */
qint64 inflatedBytes(QByteArrayView data, qint64 limit)
{
    z_stream zs {};
    if (inflateInit(&zs) != Z_OK)
        return 0;
    std::array<Bytef, 64 * 1024> sink;
    qint64 total = 0;
    qsizetype fed = 0;
    int status = Z_OK;
    while (status == Z_OK && total <= limit) {
        if (zs.avail_in == 0) {
            const qsizetype chunk = std::min<qsizetype>(data.size() - fed, 1 << 20);
            if (chunk == 0)
                break;
            zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.data() + fed));
            zs.avail_in = uInt(chunk);
            fed += chunk;
        }
        zs.next_out = sink.data();
        zs.avail_out = uInt(sink.size());
        status = inflate(&zs, Z_NO_FLUSH);
        total += qint64(sink.size() - zs.avail_out);
        if (status == Z_BUF_ERROR && zs.avail_in == 0 && fed < data.size())
            status = Z_OK; // more input to come
    }
    inflateEnd(&zs);
    return total;
}

} // namespace

InflatedBytes inflatedStreamBytes(QByteArrayView pdf, qint64 contentCap, qint64 fontCap)
{
    InflatedBytes total;
    for (qsizetype keyword = pdf.indexOf("stream");
         keyword >= 0 && total.content <= contentCap && total.fonts <= fontCap;
         keyword = pdf.indexOf("stream", keyword + 6)) {
        const qsizetype data = streamData(pdf, keyword);
        if (data < 0)
            continue;
        switch (streamKind(pdf, keyword)) {
        case StreamKind::Image:
            break;
        case StreamKind::Font:
            total.fonts += inflatedBytes(pdf.sliced(data), fontCap - total.fonts);
            break;
        case StreamKind::Content:
            total.content += inflatedBytes(pdf.sliced(data), contentCap - total.content);
            break;
        }
    }
    return total;
}

} // namespace nianbao

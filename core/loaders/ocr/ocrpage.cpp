// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocrpage.h"

namespace nianbao {

namespace {

/** Fields read from a pipe: a page's grid has a few hundred cells. */
constexpr quint32 kMaxStreamedItems = 100'000;

template<typename T>
void writeList(QDataStream &out, const QList<T> &items)
{
    out << quint32(items.size());
    for (const T &item : items)
        out << item;
}

template<typename T>
void readList(QDataStream &in, QList<T> &items)
{
    quint32 count = 0;
    in >> count;
    if (count > kMaxStreamedItems) {
        in.setStatus(QDataStream::ReadCorruptData);
        return;
    }
    items.resize(count);
    for (T &item : items)
        in >> item;
}

} // namespace

// In namespace nianbao, where argument-dependent lookup finds them for writeList and readList.
QDataStream &operator<<(QDataStream &out, const OcrField &field)
{
    return out << field.text << field.box << qint32(field.confidence);
}

QDataStream &operator>>(QDataStream &in, OcrField &field)
{
    qint32 confidence = -1;
    in >> field.text >> field.box >> confidence;
    field.confidence = confidence;
    return in;
}

QDataStream &operator<<(QDataStream &out, const OcrLine &line)
{
    writeList(out, line.fields);
    return out;
}

QDataStream &operator>>(QDataStream &in, OcrLine &line)
{
    readList(in, line.fields);
    return in;
}

QDataStream &operator<<(QDataStream &out, const OcrPage &page)
{
    out << page.size << qint32(page.tables);
    writeList(out, page.lines);
    return out;
}

QDataStream &operator>>(QDataStream &in, OcrPage &page)
{
    qint32 tables = 0;
    in >> page.size >> tables;
    page.tables = tables;
    readList(in, page.lines);
    return in;
}

bool hasText(const OcrPage &page)
{
    for (const OcrLine &line : page.lines) {
        for (const OcrField &field : line.fields) {
            if (!field.text.trimmed().isEmpty())
                return true;
        }
    }
    return false;
}

void appendOcrPage(const OcrPage &page, int pageIndex, LoadedDocument &document)
{
    for (const OcrLine &line : page.lines) {
        for (qsizetype f = 0; f < line.fields.size(); ++f) {
            const OcrField &field = line.fields[f];
            if (f > 0)
                document.text += u'\t';
            if (field.text.isEmpty())
                continue;
            const int start = int(document.text.size());
            document.text += field.text;
            document.regions.append(PageRegion {start, int(document.text.size()), pageIndex,
                                                field.box, field.confidence});
        }
        document.text += u'\n';
    }
    document.pageSizes.append(page.size);
    document.ocrPages.append(pageIndex);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pageregion.h"
#include "result.h"

#include <QByteArray>
#include <QList>
#include <QSizeF>
#include <QString>

#include <memory>

namespace nianbao {

/**
 * A document turned into the text the extractor reads and the document view shows. Every
 * format maps into it the same way: paragraphs become lines, and a table becomes one line per
 * row with one tab-separated field per grid column (a merged cell's text in its first field,
 * the fields it covers left empty), so a blank cell keeps its column.
 */
struct LoadedDocument
{
    QString text;
    QString encoding; ///< the text's source encoding, or the format (e.g. "PDF") for binaries
    QList<Error> warnings; ///< problems that did not stop loading (replaced bytes, …)
    QList<PageRegion> regions = {}; ///< in text order; only for formats with pages
    QList<QSizeF> pageSizes = {}; ///< in points, one per page; only for formats with pages
    QList<int> ocrPages = {}; ///< zero-based pages whose text OCR read (scans), in order
};

/**
 * One document format (text, HTML, Word, PDF), behind one interface so the rest of
 * the engine never asks which format a report came in.
 */
class DocumentLoader
{
public:
    enum Capability {
        NoCapability = 0x0,
        DetectsEncoding = 0x1, ///< decodes bytes whose encoding it has to find out
        HasPages = 0x2, ///< the source has pages a view can show
    };
    Q_DECLARE_FLAGS(Capabilities, Capability)

    virtual ~DocumentLoader() = default;
    virtual QString formatName() const = 0;
    virtual Capabilities capabilities() const = 0;
    /** Whether this loader reads a file of this name starting with these bytes. */
    virtual bool accepts(const QString &fileName, QByteArrayView head) const = 0;
    virtual Result<LoadedDocument> load(const QByteArray &bytes) const = 0;
};

Q_DECLARE_OPERATORS_FOR_FLAGS(DocumentLoader::Capabilities)

/**
 * The loader for a file: the first bytes decide (%PDF, a zip holding a Word document, an old
 * OLE Word file, an HTML page), then the file name's extension; the text loader takes the
 * rest. `head` is the start of the file (ReportReader passes 512 bytes).
 */
const DocumentLoader &loaderFor(const QString &fileName, QByteArrayView head);

} // namespace nianbao

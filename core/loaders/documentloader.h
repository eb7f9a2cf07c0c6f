// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>

namespace nianbao {

/** A document turned into the text the extractor reads and the document view shows. */
struct LoadedDocument
{
    QString text;
    QString encoding;
    QList<Error> warnings; ///< problems that did not stop loading (replaced bytes, …)
};

/**
 * One document format (text, and later HTML, Word, PDF), behind one interface so the rest of
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

/** The loader for a file, chosen by name and first bytes; the text loader takes the rest. */
const DocumentLoader &loaderFor(const QString &fileName, QByteArrayView head);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QDataStream>
#include <QList>
#include <QRectF>
#include <QSizeF>
#include <QString>

namespace nianbao {

/** A piece of text OCR read: a line of prose, or one grid cell of a table. */
struct OcrField
{
    QString text;
    QRectF box; ///< points, origin at the page's top left
    int confidence = -1; ///< 0–100; -1 for a field with no text

    friend bool operator==(const OcrField &, const OcrField &) = default;
};

/** A line of the page: one field for prose, one field per grid column for a table row. */
struct OcrLine
{
    QList<OcrField> fields;

    friend bool operator==(const OcrLine &, const OcrLine &) = default;
};

/** What OCR read of one page, top to bottom. */
struct OcrPage
{
    QSizeF size; ///< points
    QList<OcrLine> lines;
    int tables = 0; ///< ruled tables found on the page

    friend bool operator==(const OcrPage &, const OcrPage &) = default;
};

QDataStream &operator<<(QDataStream &out, const OcrPage &page);
QDataStream &operator>>(QDataStream &in, OcrPage &page);

/**
 * Appends `page` (the document's page `pageIndex`) to `document` the way every loader writes
 * text: one line per OcrLine, fields tab-separated, one PageRegion with OCR's confidence per
 * field that has text. Adds the page's size and marks it OCR'd.
 */
void appendOcrPage(const OcrPage &page, int pageIndex, LoadedDocument &document);

/** Whether OCR read any text on `page`. */
bool hasText(const OcrPage &page);

} // namespace nianbao

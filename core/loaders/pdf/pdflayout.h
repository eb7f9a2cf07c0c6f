// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QRectF>
#include <QSizeF>
#include <QString>

#include <vector>

namespace nianbao {

/** A word of a PDF page's text layer and its box (points, origin at the page's top left). */
struct PdfWord
{
    QString text;
    QRectF box;
    bool spaceAfter = false; ///< the PDF had a space after it
};

/** One page of a PDF's text layer: its words in any order. */
struct PdfPage
{
    QSizeF size;
    std::vector<PdfWord> words;
};

/** The text rebuilt from a PDF's words, and where each piece of it stands on its page. */
struct PdfText
{
    QString text;
    QList<PageRegion> regions;
    QList<Error> warnings = {}; ///< caps the layout had to apply (pdf.table_too_large)
};

/**
 * Rebuilds a PDF's text from the positions of its words, not from the order the PDF draws
 * them in. Words whose boxes share a baseline band form a line; words closer than about half a
 * character form one piece of text (a cell, a phrase). Consecutive lines of several pieces are
 * a table: its columns come from the x extents of the pieces across all its lines (a piece
 * that straddles pieces of two columns in another line is a merged cell and does not define
 * columns), and each line is written with one tab-separated field per column, so a cell
 * missing from the PDF stays an empty field in its own column. Other lines are written as
 * they stand. A table whose grid would exceed kMaxTableGridCells (kMaxDocumentGridCells for
 * all tables) is written line by line as it stands, with a warning. Linear in the words bar
 * sorting. PdfLoader uses it; it knows nothing of Poppler, so tests can feed it words.
 */
PdfText layoutPdfText(const std::vector<PdfPage> &pages);

/**
 * Replaces Kangxi radicals and CJK radical supplements (⼀ U+2F00 …) by the ideographs they
 * look like (一 U+4E00): PDF writers often map the shared glyph back to the radical.
 */
QString unifyCjkRadicals(QString text);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QString>
#include <QStringView>

#include <optional>

class QPainter;

namespace nianbao::test {

/** A cell of a fixture table: its text and the grid cells it covers, as the form merges them. */
struct FixtureCell
{
    QString text;
    int row = 0;
    int column = 0;
    int rowSpan = 1;
    int columnSpan = 1;
};

/** A table as the official form draws it: a grid with merged header and label cells. */
struct FixtureTable
{
    int rows = 0;
    int columns = 0;
    int labelColumns = 0; ///< leading columns that hold row labels, not figures
    QList<bool> headerRows; ///< per row: a header (no figures)
    QList<FixtureCell> cells; ///< in row, then column order of their first grid cell

    /** The cell covering grid cell (row, column); nullptr if none. */
    const FixtureCell *cellAt(int row, int column) const;
};

/** A report cut into what the published formats hold: paragraphs and tables. */
struct FixtureBlock
{
    QString paragraph;
    std::optional<FixtureTable> table;
};

using FixtureDocument = QList<FixtureBlock>;

/**
 * Cuts a report rendered with RenderLayout::Tabs (one field per grid column, a merged cell's
 * text in its first field) into paragraphs and tables, merging cells the way the official
 * form does: a header cell over the empty cells to its right and below it, a row label over
 * the empty label cells to its right, and a group label down the rows it heads.
 */
FixtureDocument fixtureDocument(const QString &tabsText);

/**
 * A government-site HTML page in `encoding` (e.g. "GBK"), declared by <meta charset>: the
 * report inside a layout table (navigation, content, footer), tables with rowspan/colspan,
 * &nbsp; in blank cells and for indents, <br> inside header cells, numeric references.
 */
QByteArray writeHtmlFixture(const FixtureDocument &document, const QByteArray &encoding);

/** A Word .docx written with libzip: paragraphs of several runs, tables with gridSpan and
 *  vMerge. Empty on failure. */
QByteArray writeDocxFixture(const FixtureDocument &document);

/** A line of text a fixture page draws, at its baseline's left end (points). */
struct FixtureText
{
    QPointF baseline;
    QString text;
};

/** What one page of a drawn fixture holds, in points from its top left corner. */
struct FixturePage
{
    QList<QRectF> boxes; ///< table cell borders, merged cells as one box
    QList<FixtureText> texts;
    QList<QRectF> tables; ///< the area of each table (or table part) on the page
};

/** A fixture document laid out on pages of one size (points), as the PDF fixture draws it. */
struct FixtureLayout
{
    QSizeF pageSize;
    QList<FixturePage> pages;
};

/** A4 landscape's height, in points: the PDF fixture's pages. */
inline constexpr double kA4LandscapeHeight = 595;
/** A3 portrait's height, in points: a page as wide as A4 landscape that holds all three tables. */
inline constexpr double kA3PortraitHeight = 1191;

/**
 * Lays a document out in Noto Sans CJK SC on pages `pageHeight` points tall and at least A4
 * landscape wide (as wide as the widest table needs): paragraphs wrapped, tables cell by cell
 * with page breaks inside them.
 * nullopt (with a message) when the CJK font is missing. writePdfFixture and the scans
 * (scannedpages.h) draw this layout, so a scan shows exactly what the PDF fixture holds.
 */
std::optional<FixtureLayout> layoutFixture(const FixtureDocument &document, QString *problem,
                                           double pageHeight = kA4LandscapeHeight);

/** Draws one laid-out page on any paint device; the painter's transform maps points. */
void paintFixturePage(QPainter &painter, const FixturePage &page);

/**
 * A PDF written with Qt's QPdfWriter in Noto Sans CJK SC: paragraphs wrapped to the page, the
 * tables drawn cell by cell at their positions with borders, merged cells centred across and
 * down the cells they cover, page breaks inside tables. Fails (returns false with a message)
 * when the CJK font is missing: the test must not pass without it.
 */
bool writePdfFixture(const FixtureDocument &document, QByteArray *pdf, QString *problem);

/** A one-page PDF with an image and no text at all (a scan). */
QByteArray writeScannedPdf();

/**
 * A one-page PDF with the Latin text `text`, encrypted with the PDF standard security handler
 * (revision 2, RC4): with a user password a reader needs it to open the file; with only an
 * owner password it opens, restricted.
 */
QByteArray writeEncryptedPdf(const QByteArray &text, const QByteArray &userPassword,
                             const QByteArray &ownerPassword);

/** RC4 over `data` with `key`: the cipher of the PDF standard security handler, revision 2. */
QByteArray rc4(const QByteArray &key, const QByteArray &data);
/** PDF 1.7 §7.6.3: a password padded or cut to 32 bytes. */
QByteArray padPdfPassword(const QByteArray &password);

/** A zip archive (written with libzip) holding `files`: name → content. Empty on failure. */
QByteArray writeZip(const QList<std::pair<QString, QByteArray>> &files);

/**
 * An OLE compound file (the old Word format) naming one stream, e.g. "WordDocument", followed
 * by `tail` zero bytes: just enough for the loaders to recognise it by its header and streams.
 */
QByteArray oleFile(QStringView stream, qsizetype tail = 512);

} // namespace nianbao::test

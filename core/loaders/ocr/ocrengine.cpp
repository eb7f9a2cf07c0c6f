// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ocrengine.h"

#include "clock.h"
#include "figureink.h"
#include "ocrlimits.h"
#include "ocrtext.h"
#include "pagepreprocessor.h"
#include "tablegrid.h"
#include "tesseractreader.h"

#include <leptonica/allheaders.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Pixels a cell's box keeps clear of its ruling lines: scraps of a line read as 1 or |. */
constexpr int kCellInset = 3;
/** Ink pixels a cell needs to be read at all: specks of dust are blank. */
constexpr int kMinCellInk = 25;

/** A line of the page and where it stands, for the top-to-bottom order. */
struct PlacedLine
{
    int top = 0;
    OcrLine line;
};

QRectF toPoints(const QRect &box, double pointsPerPixel)
{
    return {box.x() * pointsPerPixel, box.y() * pointsPerPixel, box.width() * pointsPerPixel,
            box.height() * pointsPerPixel};
}

/**
 * Whether a cell's first reading may be a figure, to be read again as one: it has no Chinese
 * ("ee vi" is a small figure under specks), or one character beside digits or alone (了 for
 * 7). Two Chinese characters are a label (法人), and a misread one (CE)总) is no figure either:
 * read as one, it would be blanked.
 */
bool mayBeFigure(const QString &text)
{
    QString compact = text;
    compact.remove(u' ');
    const bool digit
        = std::any_of(compact.begin(), compact.end(), [](QChar c) { return c.isDigit(); });
    const auto chinese = std::count_if(compact.begin(), compact.end(), isHanCharacter);
    return chinese == 0 || (chinese == 1 && (digit || compact.size() <= 2));
}

/** A mark for "none" (—, /, 无): a cell's content, not a figure OCR failed to read. */
bool isBlankMark(const QString &text)
{
    static const QString kMarks = u"-—–―/／\\无一"_s;
    return std::all_of(text.begin(), text.end(), [](QChar c) { return kMarks.contains(c); });
}

/**
 * The figure in an OCR reading, as readFigure would give it: its digits and the decimal
 * points between them (a speck before or after a figure reads as a point too).
 */
QString digitsOf(const QString &text)
{
    QString digits;
    for (QChar c : text) {
        if (c.isDigit() || c == u'.')
            digits += c;
    }
    while (digits.startsWith(u'.'))
        digits.remove(0, 1);
    while (digits.endsWith(u'.'))
        digits.chop(1);
    return digits;
}

int inkIn(Pix *image, const QRect &box)
{
    BOX *area = boxCreate(box.x(), box.y(), box.width(), box.height());
    l_int32 count = 0;
    pixCountPixelsInRect(image, area, &count, nullptr);
    boxDestroy(&area);
    return count;
}

class PageReader final
{
public:
    /** `darkInk`, if not null, is the page's darkest ink, its grid lines taken out. */
    PageReader(TesseractReader &tesseract, const PreparedPage &page, Pix *darkInk)
        : m_tesseract(tesseract)
        , m_page(page)
        , m_darkInk(darkInk)
    { }

    QList<PlacedLine> readTables(const TableGrids &grids, Pix *withoutLines)
    {
        QList<PlacedLine> lines;
        m_tesseract.setPage(withoutLines);
        for (const TableGrid &table : grids.tables) {
            QList<OcrLine> rows(table.rows(), OcrLine {QList<OcrField>(table.columns())});
            for (const GridCell &cell : table.cells) {
                if (ReadBudget::current().exhausted())
                    break;
                rows[cell.row].fields[cell.column] = readCell(cell, withoutLines);
            }
            for (int r = 0; r < table.rows(); ++r)
                lines.append(PlacedLine {table.rowEdges[r], std::move(rows[r])});
        }
        return lines;
    }

    QList<PlacedLine> readProse(const TableGrids &grids, Pix *withoutLines)
    {
        QList<PlacedLine> lines;
        const PixPtr prose(pixCopy(nullptr, withoutLines));
        for (const TableGrid &table : grids.tables) {
            BOX *box
                = boxCreate(table.box.x(), table.box.y(), table.box.width(), table.box.height());
            pixClearInRect(prose.get(), box);
            boxDestroy(&box);
        }
        l_int32 empty = 1;
        pixZero(prose.get(), &empty);
        if (empty || ReadBudget::current().exhausted())
            return lines;
        m_tesseract.setPage(prose.get());
        for (const OcrReading &reading : m_tesseract.readLines()) {
            const OcrField field {tidyOcrLine(reading.text),
                                  toPoints(reading.box, m_page.pointsPerPixel), reading.confidence};
            if (!field.text.isEmpty())
                lines.append(PlacedLine {reading.box.top(), OcrLine {{field}}});
        }
        return lines;
    }

private:
    OcrField readCell(const GridCell &cell, Pix *withoutLines)
    {
        const QRect inside = cell.box.adjusted(kCellInset, kCellInset, -kCellInset, -kCellInset);
        OcrField field {{}, toPoints(cell.box, m_page.pointsPerPixel), -1};
        if (inside.width() <= 0 || inside.height() <= 0
            || inkIn(withoutLines, inside) < kMinCellInk)
            return field;
        const QRect writing = writingIn(withoutLines, inside);
        if (writing.isEmpty())
            return field;
        OcrReading reading = m_tesseract.readBox(writing);
        // Read as a block, a lone word or figure is sometimes not seen at all.
        if (reading.text.isEmpty())
            reading = m_tesseract.readBox(writing, TesseractReader::Layout::Line);
        field.confidence = reading.confidence;
        field.text = cell.columnSpan > 1 ? tidyOcrSpanningCell(reading.text)
                                         : tidyOcrCell(reading.text, &field.confidence);
        if (mayBeFigure(field.text))
            readFigure(inside, withoutLines, field);
        if (field.text.isEmpty())
            field.confidence = -1;
        return field;
    }

    /**
     * Reads a cell that holds no words again as a figure alone. That reading is the cell's;
     * where the first reading's digits differ from it, neither is sure.
     */
    void readFigure(const QRect &inside, Pix *withoutLines, OcrField &field)
    {
        OcrReading figure = readFigureIn(withoutLines, inside);
        if (digitsOf(figure.text).isEmpty() && m_darkInk) {
            // A seal stamped over the cell: its dark ink alone is the printing. Where that
            // holds nothing, the cell is empty under the seal; where it reads, the figure is
            // unsure, and stands only where a rule confirms it.
            const PixPtr printed = figureInk(m_darkInk, inside);
            if (!printed) {
                field = OcrField {{}, field.box, -1};
                return;
            }
            figure = m_tesseract.readFigure(printed.get());
            figure.confidence = std::min(figure.confidence, kMinOcrConfidence - 1);
            if (!digitsOf(figure.text).isEmpty()) {
                field.text = figure.text;
                field.confidence = figure.confidence;
                return;
            }
        }
        if (digitsOf(figure.text).isEmpty()) {
            // Ink no reading makes a figure of stands in the figure's place as unreadable:
            // read as words, it would make the row's figures its label.
            if (!field.text.isEmpty() && !isBlankMark(field.text)) {
                field.text = QChar(QChar::ReplacementCharacter);
                field.confidence = std::min(field.confidence, kMinOcrConfidence - 1);
            }
            return;
        }
        const bool agree = digitsOf(field.text) == figure.text;
        field.text = figure.text;
        // Two readers that agree: the digit reader's own doubt is what is left.
        field.confidence
            = agree ? figure.confidence : std::min(figure.confidence, kMinOcrConfidence - 1);
    }

    OcrReading readFigureIn(Pix *ink, const QRect &inside)
    {
        const PixPtr figure = figureInk(ink, inside);
        return figure ? m_tesseract.readFigure(figure.get()) : OcrReading {{}, {}, -1};
    }

    TesseractReader &m_tesseract;
    const PreparedPage &m_page;
    Pix *m_darkInk = nullptr;
};

PixPtr withoutGridLines(Pix *ink, const TableGrids &grids)
{
    return PixPtr(grids.lines ? pixSubtract(nullptr, ink, grids.lines.get()) : pixClone(ink));
}

} // namespace

Result<OcrPage> OcrEngine::readPage(Pix *image, int dpi)
{
    return readPrepared(preparePage(image, dpi));
}

Result<OcrPage> OcrEngine::readPrepared(const PreparedPage &page)
{
    if (!page.binary)
        return Error {u"ocr.failed"_s,
                      tr("The page image could not be prepared for OCR (Leptonica failed on "
                         "it): it is damaged or in a form Nianbao does not read."),
                      {}};
    TesseractReader *tesseract = TesseractReader::forThisThread();
    if (!tesseract)
        return Error {u"ocr.unavailable"_s,
                      tr("OCR is not available: Tesseract or its Chinese language data "
                         "(chi_sim) is not installed. Install tesseract-ocr-chi-sim, or open a "
                         "text version of the report."),
                      {}};
    const TableGrids grids = findTableGrids(page.binary.get());
    const PixPtr withoutLines(withoutGridLines(page.binary.get(), grids));
    const PixPtr darkWithoutLines(page.darkInk ? withoutGridLines(page.darkInk.get(), grids)
                                               : PixPtr());
    PageReader reader(*tesseract, page, darkWithoutLines.get());
    QList<PlacedLine> lines = reader.readTables(grids, withoutLines.get());
    lines.append(reader.readProse(grids, withoutLines.get()));
    std::stable_sort(lines.begin(), lines.end(),
                     [](const PlacedLine &a, const PlacedLine &b) { return a.top < b.top; });
    OcrPage read {page.size, {}, int(grids.tables.size())};
    for (PlacedLine &line : lines)
        read.lines.append(std::move(line.line));
    return read;
}

} // namespace nianbao

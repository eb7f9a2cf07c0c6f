// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QRect>
#include <QString>

#include <memory>

struct Pix;

namespace tesseract {
class TessBaseAPI;
}

namespace nianbao {

/** What Tesseract read in a box: its text as read and how sure it is (0–100). */
struct OcrReading
{
    QString text;
    QRect box; ///< pixels
    int confidence = -1;
};

/**
 * Tesseract with Chinese (chi_sim) and English, and English alone for figures, one per thread:
 * initializing it takes some 0.3 s, so a thread reading many pages keeps its reader. Reads a page
 * image's boxes (a grid cell) or its lines (the prose around the tables).
 */
class TesseractReader final
{
public:
    TesseractReader();
    ~TesseractReader();
    Q_DISABLE_COPY_MOVE(TesseractReader)

    /** This thread's reader; null if Tesseract or its language data cannot be loaded. */
    static TesseractReader *forThisThread();

    /** The page image later calls read (1 bpp, at kOcrDpi); it must outlive their use. */
    void setPage(Pix *image);
    /** How the text of a box is laid out. */
    enum class Layout { Block, Line };
    /** The text in `box` as a block of lines (or one line); its confidence the least of its
     * digits'. */
    OcrReading readBox(const QRect &box, Layout layout = Layout::Block);
    /**
     * The figure in `figure` (figureInk's cut-out) read as one line of digits and decimal
     * points by an English-only Tesseract: Chinese models read a lone 7 as 了 and a 0 beside a
     * speck as 0: or 01. Its confidence is the least of its digits'. Leaves the page as it was.
     */
    OcrReading readFigure(Pix *figure);
    /** The page's lines of text, top to bottom, each with its box and mean confidence. */
    QList<OcrReading> readLines();

private:
    std::unique_ptr<tesseract::TessBaseAPI> m_api;
    std::unique_ptr<tesseract::TessBaseAPI> m_digits;
    bool m_ready = false;
};

} // namespace nianbao

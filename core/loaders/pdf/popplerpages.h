// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/ocr/ocrpage.h"
#include "loaders/ocr/pagepreprocessor.h"
#include "pdflayout.h"

#include <QByteArray>
#include <QSizeF>

#include <vector>

namespace nianbao {

/** Pages read: reports have a few dozen. */
constexpr int kMaxPdfPages = 1000;
/** Words read per page: a dense page holds some 3,000. */
constexpr size_t kMaxWordsPerPdfPage = 20'000;
/** Pages with fewer visible characters than this have no text layer worth the name: they are
 *  OCR'd. */
constexpr int kMinCharactersPerPage = 5;

/** What Poppler reads of one page of a PDF. */
struct PopplerPage
{
    QSizeF size;
    std::vector<PdfWord> words; ///< its upright words, at most kMaxWordsPerPdfPage
    int sidewaysCharacters = 0; ///< visible characters of its words turned sideways
    bool crowded = false; ///< more than kMaxWordsPerPdfPage words upright or sideways
    enum class Ocr : quint8 {
        None, ///< the page has a text layer, or only sideways text
        Prepared, ///< no text layer: `scan` holds the page rendered and prepared for OCR
        Read, ///< no text layer: `ocr` holds what OCR read of `scan`
        Failed, ///< no text layer, and it could not be rendered or OCR could not run
        Skipped, ///< no text layer, past kMaxOcrPages
    };
    Ocr ocrState = Ocr::None;
    PreparedPage scan;
    OcrPage ocr;
};

/** What Poppler reads of a PDF, and why it stopped before the end, if it did. */
struct PopplerPages
{
    enum class State : quint8 { Read, Damaged, Locked };
    enum class Stop : quint8 {
        No,
        Budget, ///< the time budget ran out or reading was cancelled, before pages.size()
        Memory, ///< Poppler needed more memory than reading a PDF may take
        Crash, ///< Poppler crashed, or its reader died without saying why
        Unstarted, ///< the system refused a process or a pipe to read it in
    };
    State state = State::Read;
    Stop stop = Stop::No;
    int pageCount = 0; ///< the document's, read or not
    std::vector<PopplerPage> pages; ///< at most kMaxPdfPages
};

/** Where readWithPoppler puts what it reads; returning false stops it. */
class PopplerReceiver
{
public:
    virtual ~PopplerReceiver() = default;
    virtual bool opened(PopplerPages::State state, int pageCount) = 0;
    virtual bool page(PopplerPage &&page) = 0;
    /** OCR of a page starts: it takes seconds, so the read's budget grows (kOcrTimePerPage). */
    virtual bool ocrBegins() = 0;
};

/**
 * Opens `bytes` with Poppler and reads its first kMaxPdfPages pages into `receiver`. A page
 * without a text layer is rendered at kOcrDpi and prepared for OCR (preparePage; the first
 * kMaxOcrPages of them); Tesseract reads it later, in the reading process: Tesseract's OpenMP
 * threads do not survive a fork. Poppler
 * cannot be stopped inside a page nor bounded in memory: PdfLoader calls this in a child
 * process (readPopplerPagesInChild) unless told to read in process.
 */
void readWithPoppler(const QByteArray &bytes, PopplerReceiver &receiver);

/** readWithPoppler in this process, checking ReadBudget::current() between pages. */
PopplerPages readPopplerPagesInProcess(const QByteArray &bytes);

/** The characters of `words` that are not blank; adds those without a Unicode mapping to
 *  `*unmapped`. */
int visibleCharacters(const std::vector<PdfWord> &words, int *unmapped);

} // namespace nianbao

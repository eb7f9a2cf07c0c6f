// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pdflayout.h"

#include <QByteArray>
#include <QSizeF>

#include <vector>

namespace nianbao {

/** Pages read: reports have a few dozen. */
constexpr int kMaxPdfPages = 1000;
/** Words read per page: a dense page holds some 3,000. */
constexpr size_t kMaxWordsPerPdfPage = 20'000;

/** What Poppler reads of one page of a PDF. */
struct PopplerPage
{
    QSizeF size;
    std::vector<PdfWord> words; ///< its upright words, at most kMaxWordsPerPdfPage
    int sidewaysCharacters = 0; ///< visible characters of its words turned sideways
    bool crowded = false; ///< more than kMaxWordsPerPdfPage words upright or sideways
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
};

/**
 * Opens `bytes` with Poppler and reads its first kMaxPdfPages pages into `receiver`. Poppler
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

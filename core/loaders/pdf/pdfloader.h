// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/documentloader.h"

#include <QCoreApplication>

#include <optional>

namespace nianbao {

struct PopplerPages;

/**
 * PDF reports with a text layer, read through Poppler's GUI-free C++ binding (poppler-cpp):
 * each page's words with their boxes are rebuilt into lines and tables by layoutPdfText, and
 * each piece of text keeps its page region (LoadedDocument::regions). Pages without a text
 * layer (scans) are rendered and prepared for OCR in the same child process, read with
 * OcrEngine here, and merged with the others in page order. Password-protected PDFs are errors that
 * say what the reviewer can do.
 *
 * Poppler runs in a child process (readPopplerPagesInChild), bounded in memory and time and
 * killed on cancel; the pre-scan of the streams (inflatedStreamBytes) refuses the plain
 * decompression bombs before any process starts.
 */
class PdfLoader final : public DocumentLoader
{
    // tr() in this class's context wherever the messages are made, so lupdate and the running
    // program agree on it (a file-local tr() stand-in once filed them under "nianbao").
    Q_DECLARE_TR_FUNCTIONS(nianbao::PdfLoader)

public:
    PdfLoader() = default;
    Q_DISABLE_COPY_MOVE(PdfLoader)

    QString formatName() const override;
    Capabilities capabilities() const override;
    bool accepts(const QString &fileName, QByteArrayView head) const override;
    Result<LoadedDocument> load(const QByteArray &bytes) const override;

    /** Whether bytes start like a PDF: "%PDF-" within the first kilobyte, as readers allow. */
    static bool looksLikePdf(QByteArrayView head);

    enum class Isolation {
        ChildProcess, ///< Poppler in a forked child: bounded, stoppable (the default, except
                      ///< in sanitized builds: see pdfloader.cpp)
        InProcess, ///< Poppler in the calling thread: for fuzzers, which must see its coverage
    };
    /** Where every PdfLoader runs Poppler from now on. */
    static void setIsolation(Isolation isolation);

private:
    static std::optional<Error> inflationError(const QByteArray &bytes);
    static std::optional<Error> readingError(const PopplerPages &read);
    static Result<LoadedDocument> documentOf(PopplerPages read);
    static std::optional<Error> readScans(PopplerPages &read);
    static Error noTextError(bool ocrFailed);
};

} // namespace nianbao

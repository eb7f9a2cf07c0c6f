// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace nianbao::fuzz {

/** What a fuzz target feeds its bytes to; each target is named fuzz_<name>. */
enum class Target {
    Report, ///< ReportReader::readBytes: the loader the content (or the name) picks
    Html, ///< HtmlLoader
    Docx, ///< DocxLoader; bytes that are no zip become its word/document.xml; OLE and RTF
          ///< go to LegacyWordLoader
    Pdf, ///< PdfLoader
};

/** The target of a fuzzer or seed folder name ("fuzz_html"); nullopt for any other name. */
std::optional<Target> targetNamed(QStringView name);

/** What one input gave, and the promises of the reader it broke. */
struct Outcome
{
    Report report;
    QStringList problems; ///< empty when all is well
};

/**
 * Reads `bytes` as `target` does: through the format's loader, then extraction, stated figures
 * and the rules (ReportReader::analyze). The fuzz targets abort on any problem; the regression
 * test (tests/core/tst_fuzzcrashes.cpp) replays seeds and crashes through the same function.
 * `fileName` only matters to Target::Report.
 */
Outcome readInput(Target target, const QByteArray &bytes,
                  const QString &fileName = QStringLiteral("fuzz.txt"));

} // namespace nianbao::fuzz

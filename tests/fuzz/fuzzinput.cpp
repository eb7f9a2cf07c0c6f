// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzinput.h"

#include "loaders/docx/docxloader.h"
#include "loaders/docx/legacywordloader.h"
#include "loaders/html/htmlloader.h"
#include "loaders/pdf/pdfloader.h"
#include "reportreader.h"

#include <zip.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace nianbao::fuzz {

namespace {

/**
 * A zip holding `content` stored (not deflated) as `name`. Fuzzed bytes inside a real .docx
 * fail its CRC check before the XML reader sees them; wrapped like this, they reach it.
 */
QByteArray zipHolding(const char *name, const QByteArray &content)
{
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_error_fini(&error);
    if (!buffer)
        return {};
    zip_source_keep(buffer); // zip_close would free it; its bytes are read afterwards
    zip_t *zip = zip_open_from_source(buffer, ZIP_TRUNCATE, nullptr);
    QByteArray out;
    if (zip) {
        zip_source_t *entry
            = zip_source_buffer(zip, content.constData(), zip_uint64_t(content.size()), 0);
        const zip_int64_t index = entry ? zip_file_add(zip, name, entry, 0) : -1;
        if (index < 0)
            zip_source_free(entry);
        if (index < 0 || zip_set_file_compression(zip, zip_uint64_t(index), ZIP_CM_STORE, 0) != 0
            || zip_close(zip) != 0) {
            zip_discard(zip);
        } else if (zip_source_open(buffer) == 0) {
            zip_source_seek(buffer, 0, SEEK_END);
            out.resize(qsizetype(zip_source_tell(buffer)));
            zip_source_seek(buffer, 0, SEEK_SET);
            if (zip_source_read(buffer, out.data(), zip_uint64_t(out.size())) != out.size())
                out.clear();
            zip_source_close(buffer);
        }
    }
    zip_source_free(buffer);
    return out;
}

void checkErrors(const Report &report, QStringList &problems)
{
    for (const Error &error : report.errors) {
        if (error.code.isEmpty() || error.message.trimmed().isEmpty())
            problems.append(u"an error without a code or a message: "_s % error.code % u": "_s
                            % error.message);
    }
}

const ReportReader &reader()
{
    static const ReportReader reader;
    return reader;
}

/** Loads with `loader`, then analyzes as ReportReader::readBytes does. */
Outcome readWith(const DocumentLoader &loader, const QByteArray &bytes)
{
    Outcome outcome;
    Report &report = outcome.report;
    report.file = u"fuzz."_s % loader.formatName();
    report.cells.resize(size_t(ReportTemplate::standard().cellCount()));
    Result<LoadedDocument> loaded = loader.load(bytes);
    if (!loaded) {
        report.errors.append(loaded.error());
        return outcome;
    }
    const LoadedDocument &document = loaded.value();
    int previousStart = 0;
    for (const PageRegion &region : document.regions) {
        if (region.start < previousStart || region.end < region.start
            || region.end > document.text.size() || region.page < 0
            || region.page >= document.pageSizes.size())
            outcome.problems.append(u"a page region out of order or out of range: [%1, %2) on "
                                    u"page %3 of %4, text of %5"_s.arg(region.start)
                                        .arg(region.end)
                                        .arg(region.page)
                                        .arg(document.pageSizes.size())
                                        .arg(document.text.size()));
        previousStart = region.start;
    }
    report.loaded = true;
    report.text = document.text;
    report.encoding = document.encoding;
    report.errors = document.warnings;
    reader().analyze(report);
    return outcome;
}

Outcome readAs(Target target, const QByteArray &bytes, const QString &fileName)
{
    static const HtmlLoader html;
    static const DocxLoader docx;
    static const LegacyWordLoader legacyWord;
    // libFuzzer sees the coverage of this process only: Poppler runs here, not in a child.
    static const PdfLoader pdf = [] {
        PdfLoader::setIsolation(PdfLoader::Isolation::InProcess);
        return PdfLoader();
    }();
    switch (target) {
    case Target::Report:
        return Outcome {reader().readBytes(bytes, fileName), {}};
    case Target::Html:
        return readWith(html, bytes);
    case Target::Docx: {
        if (LegacyWordLoader::looksLikeOle(bytes) || LegacyWordLoader::looksLikeRtf(bytes))
            return readWith(legacyWord, bytes);
        if (DocxLoader::looksLikeZip(bytes))
            return readWith(docx, bytes);
        const QByteArray wrapped = zipHolding("word/document.xml", bytes);
        if (wrapped.isEmpty())
            return Outcome {{}, {u"libzip could not wrap the input in a zip"_s}};
        return readWith(docx, wrapped);
    }
    case Target::Pdf:
        return readWith(pdf, bytes);
    }
    return {};
}

} // namespace

std::optional<Target> targetNamed(QStringView name)
{
    constexpr std::pair<QStringView, Target> kTargets[] = {{u"fuzz_report", Target::Report},
                                                           {u"fuzz_html", Target::Html},
                                                           {u"fuzz_docx", Target::Docx},
                                                           {u"fuzz_pdf", Target::Pdf}};
    for (const auto &[targetName, target] : kTargets) {
        if (name == targetName)
            return target;
    }
    return std::nullopt;
}

Outcome readInput(Target target, const QByteArray &bytes, const QString &fileName)
{
    Outcome outcome = readAs(target, bytes, fileName);
    const qsizetype cells = ReportTemplate::standard().cellCount();
    if (qsizetype(outcome.report.cells.size()) != cells)
        outcome.problems.append(
            u"%1 cells instead of the template's %2"_s.arg(qsizetype(outcome.report.cells.size()))
                .arg(cells));
    checkErrors(outcome.report, outcome.problems);
    if (!outcome.report.loaded && outcome.report.errors.isEmpty())
        outcome.problems.append(u"not loaded, and no error says why"_s);
    return outcome;
}

} // namespace nianbao::fuzz

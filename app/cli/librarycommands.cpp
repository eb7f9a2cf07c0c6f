// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "librarycommands.h"

#include "checkcommand.h"
#include "export/exporter.h"
#include "interrupt.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QCommandLineOption libraryOption()
{
    return QCommandLineOption(u"library"_s,
                              QCoreApplication::translate(
                                  "nianbao::LibraryCommands",
                                  "The review library: a SQLite file or postgresql://user@host/db "
                                  "(default: %1).")
                                  .arg(ReviewLibrary::defaultLocation()),
                              QCoreApplication::translate("nianbao::LibraryCommands", "L"),
                              ReviewLibrary::defaultLocation());
}

bool parse(QCommandLineParser &parser, const QStringList &arguments)
{
    parser.addHelpOption();
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return false;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return false;
    }
    return true;
}

/** Names each file as its reading starts, and each page OCR reads, so a slow one is seen. */
void printProgress(QTextStream &err, const ImportProgress &progress)
{
    if (!progress.notice.isEmpty())
        err << printable(progress.notice) << '\n';
    else if (progress.ocrPage > 0)
        err << "    " << printable(progress.file) << ": "
            << (progress.ocrPages > 0
                    ? QCoreApplication::translate("nianbao::LibraryCommands", "OCR, page %1 of %2")
                          .arg(progress.ocrPage)
                          .arg(progress.ocrPages)
                    : QCoreApplication::translate("nianbao::LibraryCommands", "OCR, page %1")
                          .arg(progress.ocrPage))
            << '\n';
    else if (!progress.finished)
        err << '[' << progress.done + 1 << '/' << progress.total << "] " << printable(progress.file)
            << '\n';
    err.flush();
}

void printSummary(QTextStream &err, const ImportSummary &summary, const QString &location)
{
    for (const Error &skipped : summary.skipped)
        err << QCoreApplication::translate("nianbao::LibraryCommands", "skipped: %1")
                   .arg(printable(skipped.message))
            << '\n';
    for (const Error &failure : summary.failures)
        err << QCoreApplication::translate("nianbao::LibraryCommands", "failed: %1: %2")
                   .arg(printable(failure.where.file), printable(failure.message))
            << '\n';
    if (summary.cancelled)
        err << QCoreApplication::translate("nianbao::LibraryCommands",
                                           "nianbao-cli import: interrupted; the reports imported "
                                           "so far are kept")
            << '\n';
    if (summary.stopped)
        err << QCoreApplication::translate("nianbao::LibraryCommands",
                                           "nianbao-cli import: %1 (%2 files not imported)")
                   .arg(printable(summary.stopped->message))
                   .arg(summary.notAttempted)
            << '\n';
    err << QCoreApplication::translate(
               "nianbao::LibraryCommands",
               "%1 imported, %2 already in the library, %3 failed, %4 skipped (%5)")
               .arg(summary.imported)
               .arg(summary.duplicates)
               .arg(summary.failures.size())
               .arg(summary.skipped.size())
               .arg(printable(location))
        << '\n';
}

} // namespace

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nianbao::LibraryCommands", "Import report files and folders into a review library"));
    parser.addOption(libraryOption());
    parser.addPositionalArgument(
        u"import"_s, QCoreApplication::translate("nianbao::LibraryCommands", "The command."));
    parser.addPositionalArgument(
        u"PATH"_s,
        QCoreApplication::translate("nianbao::LibraryCommands", "Report files or folders."),
        QCoreApplication::translate("nianbao::LibraryCommands", "PATH..."));
    if (!parse(parser, arguments))
        return parser.isSet(u"help"_s) ? ExitClean : ExitFailure;
    const QStringList paths = parser.positionalArguments().mid(1);
    QTextStream err(stderr);
    if (paths.isEmpty()) {
        err << QCoreApplication::translate("nianbao::LibraryCommands",
                                           "nianbao-cli import: no PATH given")
            << '\n';
        return ExitFailure;
    }
    const ReportFileScan scan = scanReportFiles(paths);
    const QString location = parser.value(u"library"_s);
    // Ctrl+C stops inside the file being read; what was imported before it is kept.
    const ImportSummary summary = Importer(location).run(
        scan, [&err](const ImportProgress &p) { printProgress(err, p); }, &interruptFlag());
    printSummary(err, summary, ReviewLibrary::displayLocation(location));
    const bool complete = summary.failures.isEmpty() && !summary.stopped && !summary.cancelled;
    return complete ? ExitClean : ExitFailure;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nianbao::LibraryCommands", "Export the cleaned data of a review library"));
    const QCommandLineOption formatOption(
        u"format"_s,
        QCoreApplication::translate("nianbao::LibraryCommands", "csv, csv-wide, xlsx or json."),
        QCoreApplication::translate("nianbao::LibraryCommands", "FORMAT"));
    const QCommandLineOption outOption(
        u"out"_s, QCoreApplication::translate("nianbao::LibraryCommands", "The file to write."),
        QCoreApplication::translate("nianbao::LibraryCommands", "FILE"));
    const QCommandLineOption reviewedOption(
        u"reviewed-only"_s,
        QCoreApplication::translate("nianbao::LibraryCommands",
                                    "Only reports marked reviewed (已审核)."));
    const QCommandLineOption bomOption(
        u"bom"_s,
        QCoreApplication::translate("nianbao::LibraryCommands",
                                    "Start CSV with a UTF-8 byte order mark, so Excel reads the "
                                    "Chinese right (the default)."));
    const QCommandLineOption noBomOption(
        u"no-bom"_s,
        QCoreApplication::translate("nianbao::LibraryCommands",
                                    "Write CSV without the byte order mark, for tools that "
                                    "take it as part of the first column's name."));
    parser.addOptions(
        {formatOption, outOption, reviewedOption, bomOption, noBomOption, libraryOption()});
    parser.addPositionalArgument(
        u"export"_s, QCoreApplication::translate("nianbao::LibraryCommands", "The command."));
    if (!parse(parser, arguments))
        return parser.isSet(u"help"_s) ? ExitClean : ExitFailure;
    QTextStream err(stderr);
    const std::optional<ExportFormat> format = exportFormatFromName(parser.value(formatOption));
    if (!format || !parser.isSet(outOption)) {
        err << QCoreApplication::translate(
            "nianbao::LibraryCommands",
            "nianbao-cli export: give --format csv|csv-wide|xlsx|json and --out FILE")
            << '\n';
        return ExitFailure;
    }
    if (parser.isSet(bomOption) && parser.isSet(noBomOption)) {
        err << QCoreApplication::translate("nianbao::LibraryCommands",
                                           "nianbao-cli export: give --bom or --no-bom, not both")
            << '\n';
        return ExitFailure;
    }
    const QString out = parser.value(outOption);
    const QString location = parser.value(u"library"_s);
    // Before the library is opened: --out naming the library must not even create it.
    const Result<void> target = checkExportTarget(out, location);
    if (!target) {
        err << printable(target.error().message) << '\n';
        return ExitFailure;
    }
    // Reading never creates, migrates or switches a library to WAL (it may be read-only).
    Result<std::unique_ptr<ReviewLibrary>> library
        = ReviewLibrary::open(location, LibraryAccess::ReadOnly);
    if (!library) {
        err << printable(library.error().message) << '\n';
        return ExitFailure;
    }
    const ReportReader reader;
    const ExportOptions options {!parser.isSet(noBomOption), parser.isSet(reviewedOption)};
    Result<int> written
        = Exporter(reader.checker()).exportLibrary(*library.value(), *format, out, options);
    if (!written) {
        err << printable(written.error().message) << '\n';
        return ExitFailure;
    }
    err << QCoreApplication::translate("nianbao::LibraryCommands", "%1 reports written to %2")
               .arg(written.value())
               .arg(printable(out))
        << '\n';
    return ExitClean;
}

} // namespace nianbao

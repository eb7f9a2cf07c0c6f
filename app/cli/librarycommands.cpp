// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "librarycommands.h"

#include "checkcommand.h"
#include "export/exporter.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("nianbao::LibraryCommands", text);
}

QCommandLineOption libraryOption()
{
    return QCommandLineOption(u"library"_s,
                              tr("The review library: a SQLite file or postgresql://user@host/db "
                                 "(default: %1).")
                                  .arg(ReviewLibrary::defaultLocation()),
                              tr("L"), ReviewLibrary::defaultLocation());
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

} // namespace

int runImport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Import report files and folders into a review library"));
    parser.addOption(libraryOption());
    parser.addPositionalArgument(u"import"_s, tr("The command."));
    parser.addPositionalArgument(u"PATH"_s, tr("Report files or folders."), tr("PATH..."));
    if (!parse(parser, arguments))
        return parser.isSet(u"help"_s) ? ExitClean : ExitFailure;
    const QStringList paths = parser.positionalArguments().mid(1);
    QTextStream err(stderr);
    if (paths.isEmpty()) {
        err << tr("nianbao-cli import: no PATH given") << '\n';
        return ExitFailure;
    }
    const QStringList files = Importer::collectFiles(paths);
    const QString location = parser.value(u"library"_s);
    const ImportSummary summary = Importer(location).run(files, [&err](const ImportProgress &p) {
        err << '[' << p.done << '/' << p.total << "] " << p.file << '\n';
        err.flush();
    });
    for (const Error &failure : summary.failures)
        err << tr("failed: %1: %2").arg(failure.where.file, failure.message) << '\n';
    err << tr("%1 imported, %2 already in the library, %3 failed (%4)")
               .arg(summary.imported)
               .arg(summary.duplicates)
               .arg(summary.failures.size())
               .arg(location)
        << '\n';
    return summary.failures.isEmpty() ? ExitClean : ExitFailure;
}

int runExport(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Export the cleaned data of a review library"));
    const QCommandLineOption formatOption(u"format"_s, tr("csv, csv-wide, xlsx or json."),
                                          tr("FORMAT"));
    const QCommandLineOption outOption(u"out"_s, tr("The file to write."), tr("FILE"));
    const QCommandLineOption reviewedOption(u"reviewed-only"_s,
                                            tr("Only reports marked reviewed (已审核)."));
    const QCommandLineOption bomOption(u"bom"_s, tr("Write UTF-8 with a byte order mark (Excel)."));
    parser.addOptions({formatOption, outOption, reviewedOption, bomOption, libraryOption()});
    parser.addPositionalArgument(u"export"_s, tr("The command."));
    if (!parse(parser, arguments))
        return parser.isSet(u"help"_s) ? ExitClean : ExitFailure;
    QTextStream err(stderr);
    const std::optional<ExportFormat> format = exportFormatFromName(parser.value(formatOption));
    if (!format || !parser.isSet(outOption)) {
        err << tr("nianbao-cli export: give --format csv|csv-wide|xlsx|json and --out FILE")
            << '\n';
        return ExitFailure;
    }
    Result<std::unique_ptr<ReviewLibrary>> library
        = ReviewLibrary::open(parser.value(u"library"_s));
    if (!library) {
        err << library.error().message << '\n';
        return ExitFailure;
    }
    const ReportReader reader;
    const ExportOptions options {parser.isSet(bomOption), parser.isSet(reviewedOption)};
    Result<int> written
        = Exporter(reader.checker())
              .exportLibrary(*library.value(), *format, parser.value(outOption), options);
    if (!written) {
        err << written.error().message << '\n';
        return ExitFailure;
    }
    err << tr("%1 reports written to %2").arg(written.value()).arg(parser.value(outOption)) << '\n';
    return ExitClean;
}

} // namespace nianbao

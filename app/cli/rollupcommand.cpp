// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollupcommand.h"

#include "checkcommand.h"
#include "export/exporter.h"
#include "jsonwriter.h"
#include "reportjson.h"
#include "reportreader.h"
#include "rules/rollup.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("nianbao::RollupCommand", text, nullptr, n);
}

/** The reports that could be read; the others' problems go to stderr. */
struct ReadReports
{
    QList<Report> reports;
    bool allRead = true;
};

ReadReports readReports(const QStringList &files)
{
    ReadReports read;
    const ReportReader reader;
    QTextStream err(stderr);
    for (const QString &file : files) {
        Report report = reader.readFile(file);
        if (!report.loaded) {
            read.allRead = false;
            err << printable(file) << '\n';
            for (const Error &error : report.errors)
                err << "  [" << error.code << "] " << printable(error.message) << '\n';
            continue;
        }
        read.reports.append(std::move(report));
    }
    return read;
}

RollupUnit unitOf(const Report &report)
{
    // A unit without a title is still named: by its file, so the reader can find it.
    const QString name
        = report.agency.isEmpty() ? QFileInfo(report.file).fileName() : report.agency;
    return {name, report.cells};
}

QByteArray findingsJson(const Report &summary, const QList<Report> &units,
                        const QList<Finding> &findings)
{
    QByteArray out;
    JsonWriter json(out);
    json.beginObject();
    json.key("findings");
    json.beginArray();
    ReportJsonWriter().appendFindings(out, findings, false);
    if (!findings.isEmpty())
        json.markHasValues();
    json.endArray();
    json.key("summary");
    json.value(summary.file);
    json.key("units");
    json.beginArray();
    for (const Report &unit : units)
        json.value(unit.file);
    json.endArray();
    json.endObject();
    out.append('\n');
    return out;
}

void printFindings(const Report &summary, const QList<Report> &units,
                   const QList<Finding> &findings)
{
    QTextStream out(stdout);
    out << printable(summary.file) << "  " << tr("summary of %n unit(s)", int(units.size()))
        << '\n';
    for (const Finding &finding : findings) {
        out << "  " << severityName(finding.severity) << ' ' << finding.rule << ": "
            << printable(finding.message) << '\n';
    }
    if (findings.isEmpty())
        out << "  " << tr("no findings") << '\n';
}

int checkSummary(const QString &summaryFile, const QStringList &unitFiles, bool json)
{
    ReadReports summary = readReports({summaryFile});
    ReadReports units = readReports(unitFiles);
    if (summary.reports.isEmpty())
        return ExitFailure; // nothing to compare the units with
    QList<RollupUnit> rollupUnits;
    for (const Report &unit : units.reports)
        rollupUnits.append(unitOf(unit));
    const Report &summaryReport = summary.reports.front();
    const QList<Finding> findings = Rollup().check(summaryReport.cells, rollupUnits);
    if (json)
        QTextStream(stdout) << findingsJson(summaryReport, units.reports, findings);
    else
        printFindings(summaryReport, units.reports, findings);
    if (!units.allRead)
        return ExitFailure;
    return findings.isEmpty() ? ExitClean : ExitFindings;
}

/** The consolidated table as a report: the exporter writes it as it writes any report. */
ExportedReview consolidatedReview(const QList<Report> &reports)
{
    QList<std::vector<CellValue>> tables;
    for (const Report &report : reports)
        tables.append(report.cells);
    ExportedReview review;
    review.review.report.file = tr("consolidated");
    review.review.report.loaded = true;
    review.review.report.agency = tr("consolidated (%n reports)", int(reports.size()));
    const int year = reports.front().year;
    const bool oneYear = std::all_of(reports.cbegin(), reports.cend(),
                                     [year](const Report &r) { return r.year == year; });
    review.review.report.year = oneYear ? year : 0;
    review.review.report.cells = Rollup().consolidate(tables);
    return review;
}

int consolidate(const QStringList &files, const QString &out, ExportFormat format)
{
    QTextStream err(stderr);
    const Result<void> target = checkExportTarget(out);
    if (!target) {
        err << printable(target.error().message) << '\n';
        return ExitFailure;
    }
    const ReadReports read = readReports(files);
    if (!read.allRead || read.reports.isEmpty()) {
        // A table missing a unit would pass for the whole: write none.
        err << tr("nianbao-cli rollup: not every file could be read; nothing written") << '\n';
        return ExitFailure;
    }
    const RuleBook rules(ReportTemplate::standard());
    const Checker checker(rules);
    ExportOptions options;
    const Result<int> written
        = Exporter(checker).write({consolidatedReview(read.reports)}, format, out, options);
    if (!written) {
        err << printable(written.error().message) << '\n';
        return ExitFailure;
    }
    return ExitClean;
}

} // namespace

int runRollup(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Check a summary report against its units, or consolidate reports"));
    parser.addHelpOption();
    const QCommandLineOption summaryOption(
        u"summary"_s, tr("The summary report whose figures should be the units' sums."),
        tr("FILE"));
    const QCommandLineOption jsonOption(u"json"_s, tr("Print the findings as JSON."));
    const QCommandLineOption consolidateOption(
        u"consolidate"_s, tr("Write the consolidated table of the reports instead."));
    const QCommandLineOption outOption(u"out"_s, tr("The file to write."), tr("FILE"));
    const QCommandLineOption formatOption(
        u"format"_s, tr("csv (the default), csv-wide, xlsx or json."), tr("FORMAT"), u"csv"_s);
    parser.addOptions({summaryOption, jsonOption, consolidateOption, outOption, formatOption});
    parser.addPositionalArgument(u"rollup"_s, tr("The command."));
    parser.addPositionalArgument(u"UNIT_FILE"_s, tr("The units' report files."),
                                 tr("UNIT_FILE..."));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return ExitClean;
    }
    const QStringList units = parser.positionalArguments().mid(1);
    if (parser.isSet(consolidateOption)) {
        const std::optional<ExportFormat> format = exportFormatFromName(parser.value(formatOption));
        if (!format || !parser.isSet(outOption) || units.isEmpty()) {
            err << tr("usage: nianbao-cli rollup --consolidate --out FILE "
                      "[--format csv|csv-wide|xlsx|json] UNIT_FILE...")
                << '\n';
            return ExitFailure;
        }
        return consolidate(units, parser.value(outOption), *format);
    }
    if (!parser.isSet(summaryOption) || units.isEmpty()) {
        err << tr("usage: nianbao-cli rollup --summary FILE [--json] UNIT_FILE...") << '\n';
        return ExitFailure;
    }
    return checkSummary(parser.value(summaryOption), units, parser.isSet(jsonOption));
}

} // namespace nianbao

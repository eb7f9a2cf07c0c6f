// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkcommand.h"

#include "batchchecker.h"
#include "interrupt.h"
#include "reportjson.h"
#include "reportreader.h"
#include "terminaltext.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QMutex>
#include <QTextStream>

#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QString cellValueText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 12) : u"—"_s;
}

void printReport(QTextStream &out, const Report &report, const ReportTemplate &reportTemplate)
{
    out << printable(report.file) << '\n';
    if (report.loaded) {
        out << "  "
            << (report.agency.isEmpty()
                    ? QCoreApplication::translate("nianbao::CheckCommand", "(agency unknown)")
                    : printable(report.agency))
            << ' '
            << (report.year > 0
                    ? QString::number(report.year)
                    : QCoreApplication::translate("nianbao::CheckCommand", "(year unknown)"))
            << "  [" << printable(report.encoding) << "]\n";
        out << "  "
            << QCoreApplication::translate(
                   "nianbao::CheckCommand",
                   "cells: %1 extracted, %2 missing, %3 unreadable, %4 deduced")
                   .arg(report.countCells(CellState::Extracted))
                   .arg(report.countCells(CellState::Missing))
                   .arg(report.countCells(CellState::Unreadable))
                   .arg(report.countCells(CellState::Deduced))
            << '\n';
    }
    for (const StatedFigure &figure : report.statements) {
        out << "  "
            << QCoreApplication::translate("nianbao::CheckCommand", "stated: %1 = %2 (\"%3\")")
                   .arg(reportTemplate.cells()[figure.cell].key.toString(),
                        cellValueText(figure.value), printable(figure.text))
            << '\n';
    }
    for (const Finding &finding : report.findings) {
        out << "  " << severityName(finding.severity) << ' ' << finding.rule << ": "
            << printable(finding.message);
        if (finding.suggestion) {
            out << "  → " << reportTemplate.cells()[finding.suggestion->cell].key.toString()
                << " = " << cellValueText(finding.suggestion->value);
        }
        out << '\n';
    }
    for (const Error &error : report.errors)
        out << "  " << QCoreApplication::translate("nianbao::CheckCommand", "problem") << " ["
            << error.code << "] " << printable(error.message) << '\n';
    if (report.loaded && report.findings.isEmpty() && report.errors.isEmpty())
        out << "  " << QCoreApplication::translate("nianbao::CheckCommand", "no findings") << '\n';
}

/**
 * Writes {"reports": [...]} one report per line, as each is serialized: a folder of thousands
 * never builds one document of hundreds of megabytes in memory.
 */
void writeJson(const std::vector<Report> &reports, const ReportTemplate &reportTemplate)
{
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return;
    out.write("{\"reports\": [\n");
    for (size_t i = 0; i < reports.size(); ++i) {
        out.write(
            QJsonDocument(reportToJson(reports[i], reportTemplate)).toJson(QJsonDocument::Compact));
        out.write(i + 1 < reports.size() ? ",\n" : "\n");
    }
    out.write("]}\n");
}

/** Names each file as a worker starts reading it, so a slow or stuck file is visible. */
BatchChecker::ReadStarted progressPrinter(const QStringList &files)
{
    auto mutex = std::make_shared<QMutex>();
    auto started = std::make_shared<int>(0);
    return [files, mutex, started](qsizetype index) {
        const QMutexLocker lock(mutex.get());
        QTextStream err(stderr);
        err << '[' << ++*started << '/' << files.size() << "] " << printable(files[index]) << '\n';
    };
}

void printCounts(const std::vector<Report> &reports)
{
    const auto unreadable = std::count_if(reports.begin(), reports.end(),
                                          [](const Report &report) { return !report.loaded; });
    QTextStream(stderr) << QCoreApplication::translate("nianbao::CheckCommand",
                                                       "%1 files checked, %2 could not be read")
                               .arg(reports.size())
                               .arg(unreadable)
                        << '\n';
}

} // namespace

int runText(const QStringList &arguments)
{
    QTextStream err(stderr);
    if (arguments.size() != 3) {
        err << QCoreApplication::translate("nianbao::CheckCommand", "usage: nianbao-cli text FILE")
            << '\n';
        return ExitFailure;
    }
    const Report report = ReportReader().readFile(arguments.at(2));
    if (!report.loaded) {
        for (const Error &error : report.errors)
            err << printable(error.message) << '\n';
        return ExitFailure;
    }
    QTextStream out(stdout);
    out.setEncoding(QStringConverter::Utf8);
    // Piped, the text is exactly what source offsets count in; on a terminal it is made safe.
    out << (stdoutIsTerminal() ? printableLines(report.text) : report.text);
    return ExitClean;
}

int runCheck(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "nianbao::CheckCommand", "Check government information disclosure annual reports"));
    parser.addHelpOption();
    const QCommandLineOption jsonOption(
        u"json"_s,
        QCoreApplication::translate("nianbao::CheckCommand",
                                    "Print one JSON document (spec/cli.md)."));
    const QCommandLineOption jobsOption(
        u"jobs"_s,
        QCoreApplication::translate("nianbao::CheckCommand",
                                    "Number of threads (default: all cores)."),
        QCoreApplication::translate("nianbao::CheckCommand", "N"));
    const QCommandLineOption progressOption(
        u"progress"_s,
        QCoreApplication::translate("nianbao::CheckCommand",
                                    "Name each file on stderr as its reading begins (the default "
                                    "when stderr is a terminal), and count the files at the end."));
    parser.addOption(jsonOption);
    parser.addOption(jobsOption);
    parser.addOption(progressOption);
    parser.addPositionalArgument(
        u"check"_s, QCoreApplication::translate("nianbao::CheckCommand", "The command."));
    parser.addPositionalArgument(
        u"FILE"_s, QCoreApplication::translate("nianbao::CheckCommand", "Report files to check."),
        QCoreApplication::translate("nianbao::CheckCommand", "FILE..."));
    QTextStream err(stderr);
    if (!parser.parse(arguments)) {
        err << parser.errorText() << '\n';
        return ExitFailure;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return ExitClean;
    }
    const QStringList files = parser.positionalArguments().mid(1);
    if (files.isEmpty()) {
        err << QCoreApplication::translate("nianbao::CheckCommand",
                                           "nianbao-cli check: no FILE given")
            << '\n'
            << parser.helpText();
        return ExitFailure;
    }
    const int jobs = parser.isSet(jobsOption) ? parser.value(jobsOption).toInt() : 0;
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const bool progress = parser.isSet(progressOption) || stderrIsTerminal();
    BatchChecker checker(reportTemplate);
    // Each file within ReadBudget::kPerFile; Ctrl+C stops inside a file and still prints.
    checker.setBudget(ReadBudget::kPerFile, &interruptFlag());
    const std::vector<Report> reports = checker.check(
        files, jobs, progress ? progressPrinter(files) : BatchChecker::ReadStarted());
    if (progress)
        printCounts(reports);

    bool unreadable = false;
    bool findings = false;
    for (const Report &report : reports) {
        unreadable = unreadable || !report.loaded;
        findings = findings || report.hasErrorFindings();
    }
    if (parser.isSet(jsonOption)) {
        writeJson(reports, reportTemplate);
    } else {
        QTextStream out(stdout);
        for (const Report &report : reports)
            printReport(out, report, reportTemplate);
    }
    return unreadable ? ExitFailure : findings ? ExitFindings : ExitClean;
}

} // namespace nianbao

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
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QTemporaryFile>
#include <QTextStream>

#include <atomic>
#include <functional>
#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QString cellValueText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 12) : u"—"_s;
}

void printFinding(QTextStream &out, const Finding &finding, const ReportTemplate &reportTemplate)
{
    out << "  " << severityName(finding.severity) << ' ' << finding.rule << ": "
        << printable(finding.message);
    if (finding.suggestion) {
        out << "  → " << reportTemplate.cells()[finding.suggestion->cell].key.toString() << " = "
            << cellValueText(finding.suggestion->value);
    }
    out << '\n';
}

/** The report up to its own last finding; its cross-year findings may follow. */
void printHead(QTextStream &out, const Report &report, const ReportTemplate &reportTemplate)
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
    const auto keys = [&](const QList<int> &cells) {
        QStringList names;
        for (int cell : cells)
            names.append(reportTemplate.cells()[cell].key.toString());
        return names.join(u'+');
    };
    for (const StatedRelation &relation : report.relations) {
        const QString value = relation.percent
            ? QString::number(*relation.percent, 'f', relation.decimals) % u"% / "_s
                % keys(relation.whole)
            : cellValueText(relation.value);
        out << "  "
            << QCoreApplication::translate("nianbao::CheckCommand", "stated: %1 %2 = %3 (\"%4\")")
                   .arg(relation.rule, keys(relation.cells), value, printable(relation.text))
            << '\n';
    }
    for (const Finding &finding : report.findings)
        printFinding(out, finding, reportTemplate);
}

void printErrors(QTextStream &out, const Report &report)
{
    for (const Error &error : report.errors)
        out << "  " << QCoreApplication::translate("nianbao::CheckCommand", "problem") << " ["
            << error.code << "] " << printable(error.message) << '\n';
}

/** One report's output, written on a worker thread, held until the cross-year rules ran. */
struct ReportOutput
{
    QByteArray bytes; ///< the head (to the report's own last finding), then the tail
    qsizetype headSize = 0;
    bool hasFindings = false;
    bool saysNoFindings = false; ///< text: "no findings" closes it unless another year adds some

    QByteArrayView head() const { return QByteArrayView(bytes).first(headSize); }
    QByteArrayView tail() const { return QByteArrayView(bytes).sliced(headSize); }
};

/** Writes each report as `nianbao-cli check` prints it, text or JSON (spec/cli.md). */
class ReportFormat
{
public:
    ReportFormat(const ReportTemplate &reportTemplate, bool json)
        : m_template(reportTemplate)
        , m_json(json)
        , m_writer(reportTemplate)
    { }

    /** On a worker thread. A JSON head is packed (a seventh of the bytes) while it waits. */
    ReportOutput format(const Report &report) const
    {
        ReportOutput output;
        output.hasFindings = !report.findings.isEmpty();
        if (m_json) {
            ReportJsonWriter::Parts parts = m_writer.packedParts(report);
            output.bytes = std::move(parts.head);
            output.headSize = output.bytes.size();
            output.bytes.append(parts.tail);
            return output;
        }
        printTo(output.bytes, [&](QTextStream &out) { printHead(out, report, m_template); });
        output.headSize = output.bytes.size();
        printTo(output.bytes, [&](QTextStream &out) { printErrors(out, report); });
        output.saysNoFindings = report.loaded && !output.hasFindings && report.errors.isEmpty();
        return output;
    }

    /** The head as written out: a JSON head unpacked into `buffer`. */
    QByteArrayView head(const ReportOutput &output, QByteArray &buffer) const
    {
        if (!m_json)
            return output.head();
        buffer.truncate(0); // keeps its capacity for the next report
        m_writer.unpackHead(output.head(), buffer);
        return buffer;
    }

    /** The cross-year findings (year.carry, active.stock_flow), after the report's own. */
    QByteArray carried(const QList<Finding> &findings, bool afterOthers) const
    {
        QByteArray bytes;
        if (m_json) {
            m_writer.appendFindings(bytes, findings, afterOthers);
            return bytes;
        }
        printTo(bytes, [&](QTextStream &out) {
            for (const Finding &finding : findings)
                printFinding(out, finding, m_template);
        });
        return bytes;
    }

    QByteArray noFindings() const
    {
        return "  " + QCoreApplication::translate("nianbao::CheckCommand", "no findings").toUtf8()
            + '\n';
    }

private:
    /** Appends what `print` writes to `bytes`. */
    static void printTo(QByteArray &bytes, const std::function<void(QTextStream &)> &print)
    {
        QTextStream out(&bytes, QIODevice::WriteOnly | QIODevice::Append);
        print(out);
    }

    const ReportTemplate &m_template;
    bool m_json;
    ReportJsonWriter m_writer;
};

/**
 * Holds every report's output until all files are checked, since the cross-year rules may add
 * findings to a report from a file later in the list. Past memoryLimit() bytes the outputs go to a
 * temporary file, so memory stays flat however many files are checked: only offsets are kept.
 */
class OutputSpool
{
public:
    explicit OutputSpool(qsizetype count)
        : m_entries(size_t(count))
        , m_memoryLimit(memoryLimit())
    { }

    /** Thread-safe; each index once. */
    void put(qsizetype index, ReportOutput &&output)
    {
        Entry &entry = m_entries[size_t(index)];
        entry.hasFindings = output.hasFindings;
        entry.saysNoFindings = output.saysNoFindings;
        entry.headSize = output.headSize;
        const QMutexLocker lock(&m_mutex);
        if (m_inMemory + output.bytes.size() <= m_memoryLimit || !spill(entry, output.bytes)) {
            m_inMemory += output.bytes.size();
            output.bytes.squeeze(); // what is counted is what is held
            entry.bytes = std::move(output.bytes);
        }
    }

    /** On the thread that writes the output, after all put()s. */
    ReportOutput take(qsizetype index)
    {
        Entry &entry = m_entries[size_t(index)];
        QByteArray bytes = std::move(entry.bytes);
        if (entry.offset >= 0) {
            m_file.seek(entry.offset);
            bytes = m_file.read(entry.size);
        }
        return ReportOutput {std::move(bytes), entry.headSize, entry.hasFindings,
                             entry.saysNoFindings};
    }

private:
    /**
     * 64 MB, some 24,000 JSON reports. NIANBAO_CHECK_SPOOL_MEMORY (bytes) sets another limit,
     * so that tests reach the temporary file with few reports.
     */
    static qsizetype memoryLimit()
    {
        bool set = false;
        const int bytes = qEnvironmentVariableIntValue("NIANBAO_CHECK_SPOOL_MEMORY", &set);
        return set && bytes >= 0 ? bytes : qsizetype(64) << 20;
    }

    struct Entry
    {
        QByteArray bytes; ///< head and tail, unless spilled
        qint64 offset = -1; ///< in m_file, if spilled
        qsizetype size = 0;
        qsizetype headSize = 0;
        bool hasFindings = false;
        bool saysNoFindings = false;
    };

    /**
     * False if the temporary file cannot take it: the output then stays in memory, and the user
     * is told once, since memory then grows with the number of files checked.
     */
    bool spill(Entry &entry, const QByteArray &bytes)
    {
        if (m_spillFailed)
            return false;
        if (!m_file.isOpen() && !m_file.open())
            return spillFailed();
        const qint64 offset = m_file.size();
        if (!m_file.seek(offset) || m_file.write(bytes) != bytes.size())
            return spillFailed();
        entry.offset = offset;
        entry.size = bytes.size();
        return true;
    }

    bool spillFailed()
    {
        m_spillFailed = true;
        const QString where = m_file.fileName().isEmpty() ? QDir::tempPath() : m_file.fileName();
        QTextStream(stderr) << QCoreApplication::translate(
                                   "nianbao::CheckCommand",
                                   "nianbao-cli: the temporary file in %1 cannot be written (%2); "
                                   "the rest of the output is kept in memory until every file "
                                   "is checked")
                                   .arg(where, m_file.errorString())
                            << '\n';
        return false;
    }

    std::vector<Entry> m_entries;
    const qsizetype m_memoryLimit;
    QMutex m_mutex;
    QTemporaryFile m_file;
    qsizetype m_inMemory = 0;
    bool m_spillFailed = false;
};

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

void printCounts(qsizetype checked, qsizetype unreadable)
{
    QTextStream(stderr) << QCoreApplication::translate("nianbao::CheckCommand",
                                                       "%1 files checked, %2 could not be read")
                               .arg(checked)
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
    const bool json = parser.isSet(jsonOption);
    const ReportFormat format(reportTemplate, json);
    OutputSpool spool(files.size());
    std::atomic<qsizetype> unreadableCount {0};
    std::atomic<bool> findings {false};
    // Reports are formatted on the workers as they are checked, then dropped; written out in
    // file order once the cross-year rules, which compare reports across the list, have run.
    const auto checked = [&](qsizetype index, Report &&report) {
        if (!report.loaded)
            ++unreadableCount;
        if (report.hasErrorFindings())
            findings = true;
        spool.put(index, format.format(report));
    };
    QFile out;
    if (!out.open(stdout, QIODevice::WriteOnly))
        return ExitFailure;
    if (json)
        out.write("{\"reports\": [\n");
    qsizetype written = 0;
    QByteArray head;
    const auto write = [&out](QByteArrayView bytes) {
        out.write(bytes.data(), bytes.size());
    };
    // Writes the reports before `end`, the last of them with its cross-year findings.
    const auto writeUpTo = [&](qsizetype end, const QList<Finding> &carried) {
        for (; written < end; ++written) {
            const ReportOutput output = spool.take(written);
            const bool carries = written + 1 == end && !carried.isEmpty();
            write(format.head(output, head));
            if (carries)
                out.write(format.carried(carried, output.hasFindings));
            write(output.tail());
            if (output.saysNoFindings && !carries)
                out.write(format.noFindings());
            if (json)
                out.write(written + 1 < files.size() ? ",\n" : "\n");
        }
    };
    const auto carriedFound = [&](qsizetype index, QList<Finding> &&carried) {
        findings
            = findings || std::any_of(carried.begin(), carried.end(), [](const Finding &finding) {
                  return finding.severity == Severity::Error;
              });
        writeUpTo(index + 1, carried);
    };
    checker.stream(files, jobs, checked, carriedFound,
                   progress ? progressPrinter(files) : BatchChecker::ReadStarted());
    writeUpTo(files.size(), {});
    if (json)
        out.write("]}\n");
    out.close();
    if (progress)
        printCounts(files.size(), unreadableCount);
    const bool unreadable = unreadableCount > 0;
    return unreadable ? ExitFailure : findings ? ExitFindings : ExitClean;
}

} // namespace nianbao

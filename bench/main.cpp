// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures batch-check throughput against the read-and-decode floor, and edit → re-check
// latency, on a generated corpus of consistent and perturbed reports in every layout.
#include "batchchecker.h"
#include "extract/documentlayout.h"
#include "extract/titleparser.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "rules/checksession.h"
#include "syntheticreports.h"
#include "text/normalizedtext.h"
#include "text/textdecoder.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QProcess>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <limits>
#include <thread>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

struct Corpus
{
    QStringList files;
    std::vector<int> perturbedCell; ///< per file: the changed cell, or -1 if consistent
    qint64 bytes = 0;
};

Corpus generate(const QString &dir, int count, const RuleBook &rules)
{
    SyntheticReports synthetic(rules, 20261123);
    const ReportRenderer renderer(rules.reportTemplate());
    const RenderLayout layouts[]
        = {RenderLayout::Markdown, RenderLayout::Tabs, RenderLayout::Spaces};
    Corpus corpus;
    for (int i = 0; i < count; ++i) {
        std::vector<std::optional<double>> cells = synthetic.consistent();
        double original = 0;
        const bool perturbed = i % 3 == 2;
        corpus.perturbedCell.push_back(perturbed ? synthetic.perturb(cells, &original) : -1);
        RenderOptions options;
        options.layout = layouts[i % 3];
        options.fullWidthDigits = i % 7 == 0;
        const QByteArray bytes
            = renderer.render(u"基准测试局%1"_s.arg(i), 2023, cells, options).toUtf8();
        const QString path = dir % u"/report-"_s % QString::number(i) % u".txt"_s;
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            qFatal("cannot write %s", qPrintable(path));
        corpus.files.append(path);
        corpus.bytes += bytes.size();
    }
    return corpus;
}

double secondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e9;
}

/** The best of `runs` timings: other work on the machine only ever adds time. */
double bestOf(int runs, const std::function<void()> &work)
{
    double best = std::numeric_limits<double>::max();
    for (int r = 0; r < runs; ++r)
        best = std::min(best, secondsOf(work));
    return best;
}

constexpr int kRuns = 3;
/**
 * At most this many files on nianbao-cli's command line: Linux takes a quarter of the stack
 * limit, at most 6 MB, for a command's arguments, some 330,000 of the corpus's relative names.
 */
constexpr qsizetype kCliFiles = 200000;

/** Raises the stack limit nianbao-cli inherits, which bounds its command line (kCliFiles). */
void allowLongCommandLines()
{
    constexpr rlim_t kStack = rlim_t(32) << 20;
    rlimit stack {};
    if (getrlimit(RLIMIT_STACK, &stack) != 0 || stack.rlim_cur == RLIM_INFINITY
        || stack.rlim_cur >= kStack)
        return;
    stack.rlim_cur = stack.rlim_max == RLIM_INFINITY ? kStack : std::min(kStack, stack.rlim_max);
    setrlimit(RLIMIT_STACK, &stack);
}

/** The floor any checker pays: read every file and decode it. */
void readAndDecode(const QStringList &files)
{
    for (const QString &path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read %s", qPrintable(path));
        const Result<DecodedText> decoded = decodeText(file.readAll());
        if (!decoded)
            qFatal("cannot decode %s", qPrintable(path));
    }
}

/** Seconds spent in each stage of ReportReader::analyze over the whole corpus, in memory. */
struct StageTimes
{
    double decode = 0, normalize = 0, layout = 0, title = 0, extract = 0, statements = 0, check = 0;
};

StageTimes stageTimes(const QStringList &files, const ReportTemplate &reportTemplate,
                      const RuleBook &rules)
{
    std::vector<QByteArray> contents;
    for (const QString &path : files)
        contents.push_back(readReportBytes(path).value());
    const TableExtractor extractor(reportTemplate);
    const StatedFigureReader statementReader(reportTemplate);
    const Checker checker(rules);
    StageTimes times;
    QElapsedTimer timer;
    auto lap = [&timer](double &total) {
        total += double(timer.nsecsElapsed()) / 1e9;
        timer.start();
    };
    for (const QByteArray &bytes : contents) {
        timer.start();
        const QString text = decodeText(bytes).value().text;
        lap(times.decode);
        const NormalizedText normalized(text);
        lap(times.normalize);
        const DocumentLayout layout(normalized, reportTemplate);
        lap(times.layout);
        const ReportTitle title = parseTitle(normalized.text(), layout, reportTemplate);
        lap(times.title);
        ExtractedTables tables = extractor.extract(normalized, layout);
        lap(times.extract);
        const auto statements = statementReader.read(normalized, layout, text);
        lap(times.statements);
        const auto findings = CheckSession::checkOnce(checker, tables.cells, statements);
        lap(times.check);
        Q_UNUSED(title);
        Q_UNUSED(findings);
    }
    return times;
}

struct Accuracy
{
    int cleanWithError = 0;
    int perturbedFound = 0;
    int perturbed = 0;
};

/** Counts one report's findings against what the corpus perturbed in it. */
void tally(Accuracy &result, const Report &report, int perturbedCell)
{
    if (perturbedCell < 0) {
        result.cleanWithError += report.hasErrorFindings();
        return;
    }
    ++result.perturbed;
    result.perturbedFound += std::any_of(
        report.findings.begin(), report.findings.end(),
        [perturbedCell](const Finding &f) { return f.cells.contains(perturbedCell); });
}

/**
 * A batch check that keeps what the benchmark needs, as nianbao-cli keeps no report: the
 * findings tallied per report, and the first report for the edit latency.
 */
struct BatchRun
{
    Accuracy found;
    Report first;
};

BatchRun checkCorpus(const Corpus &corpus, int threads)
{
    BatchRun run;
    QMutex mutex;
    BatchChecker().stream(
        corpus.files, threads,
        [&](qsizetype index, Report &&report) {
            const QMutexLocker lock(&mutex);
            tally(run.found, report, corpus.perturbedCell[size_t(index)]);
            if (index == 0)
                run.first = std::move(report);
        },
        [](qsizetype, QList<Finding> &&) {
            // Every generated agency reports one year: year.carry never fires.
        });
    return run;
}

/** Wall seconds and peak memory of one nianbao-cli run over the corpus, output discarded. */
struct CliRun
{
    double seconds = 0;
    long peakMegabytes = 0;
};

CliRun runCli(const QString &dir, const QStringList &names, const QStringList &options)
{
    QProcess cli;
    cli.setWorkingDirectory(dir);
    cli.setStandardOutputFile(QProcess::nullDevice());
    cli.setStandardErrorFile(QProcess::nullDevice());
    CliRun run;
    run.seconds = secondsOf([&] {
        cli.start(QStringLiteral(NIANBAO_CLI_PATH), QStringList {u"check"_s} + options + names);
        if (!cli.waitForFinished(-1) || cli.exitStatus() != QProcess::NormalExit)
            qFatal("nianbao-cli did not finish");
    });
    // Each child's peak is known once it is reaped; the largest so far is reported.
    rusage usage {};
    getrusage(RUSAGE_CHILDREN, &usage);
    run.peakMegabytes = usage.ru_maxrss / 1024;
    return run;
}

struct Latency
{
    double median = 0;
    double p99 = 0;
};

Latency editLatency(const Report &report, const Checker &checker, int edits)
{
    CheckSession session(checker, report.cells, report.statements);
    QRandomGenerator random(7);
    std::vector<double> micros;
    const int cellCount = int(report.cells.size());
    // A reviewer's edit: a figure typed wrong (rules break), then put right (they agree again).
    auto timed = [&](int cell, std::optional<double> value) {
        const auto start = std::chrono::steady_clock::now();
        session.setCell(cell, value);
        const auto end = std::chrono::steady_clock::now();
        micros.push_back(std::chrono::duration<double, std::micro>(end - start).count());
    };
    for (int e = 0; e < edits / 2; ++e) {
        const int cell = int(random.bounded(cellCount));
        const std::optional<double> before = session.cells()[size_t(cell)].value;
        timed(cell, double(random.bounded(20)));
        timed(cell, before);
    }
    std::sort(micros.begin(), micros.end());
    return Latency {micros[micros.size() / 2], micros[size_t(double(micros.size()) * 0.99)]};
}

/** Pages OCR read across the scans, and how long it took on `threads` threads. */
struct OcrRun
{
    qsizetype pages = 0;
    double seconds = 0;
};

/** Reads every scan in `files` (each file once, any thread) as the importer does. */
OcrRun readScans(const QStringList &files, int threads)
{
    const ReportReader reader;
    std::atomic<qsizetype> next {0};
    std::atomic<qsizetype> pages {0};
    OcrRun run;
    run.seconds = secondsOf([&] {
        std::vector<std::thread> workers;
        workers.reserve(size_t(threads));
        for (int t = 0; t < threads; ++t) {
            workers.emplace_back([&] {
                for (qsizetype i = next++; i < files.size(); i = next++)
                    pages += reader.readFile(files[i]).ocrPages.size();
            });
        }
        for (std::thread &worker : workers)
            worker.join();
    });
    run.pages = pages;
    return run;
}

/** `nianbao-bench --scans DIR`: OCR's pages per second on one thread and on every core. */
int benchmarkScans(const QString &dir)
{
    QStringList files;
    for (const QFileInfo &file : QDir(dir).entryInfoList(
             {u"*.png"_s, u"*.jpg"_s, u"*.jpeg"_s, u"*.tif"_s, u"*.tiff"_s, u"*.pdf"_s},
             QDir::Files, QDir::Name))
        files.append(file.filePath());
    QTextStream out(stdout);
    if (files.isEmpty()) {
        out << "no scans (png, jpg, tif, tiff, pdf) in " << dir << "\n";
        return 1;
    }
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    for (const int threads : {1, cores}) {
        const OcrRun run = readScans(files, threads);
        out << "OCR, " << threads << " thread(s): " << run.pages << " pages of " << files.size()
            << " files in " << QString::number(run.seconds, 'f', 2)
            << " s = " << QString::number(double(run.pages) / run.seconds, 'f', 2) << " pages/s\n";
        out.flush();
    }
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Nianbao batch-check and re-check benchmark"_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(u"reports"_s, u"Corpus size (default 10000)."_s, u"N"_s,
                                         u"10000"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"Edits to time (default 20000)."_s, u"N"_s,
                                         u"20000"_s);
    const QCommandLineOption corpusOption(
        u"corpus"_s, u"Write the corpus into DIR and keep it (default: a temporary folder)."_s,
        u"DIR"_s);
    const QCommandLineOption scansOption(
        u"scans"_s,
        u"Instead: OCR every scan in DIR (png, jpg, tif, pdf) on 1 thread and on all cores."_s,
        u"DIR"_s);
    parser.addOption(corpusOption);
    parser.addOption(scansOption);
    parser.addOption(countOption);
    parser.addOption(editsOption);
    parser.process(app);
    if (parser.isSet(scansOption))
        return benchmarkScans(parser.value(scansOption));
    const int count = std::max(3, parser.value(countOption).toInt());

    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const RuleBook rules(reportTemplate);
    QTemporaryDir temporary;
    const QString corpusDir
        = parser.isSet(corpusOption) ? parser.value(corpusOption) : temporary.path();
    if (!QDir().mkpath(corpusDir))
        qFatal("cannot create %s", qPrintable(corpusDir));
    QTextStream out(stdout);
    out << "generating " << count << " reports (markdown, tabs, spaces; 1/3 perturbed) ...\n";
    out.flush();
    const Corpus corpus = generate(corpusDir, count, rules);
    const double megabytes = double(corpus.bytes) / 1e6;
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));

    readAndDecode(corpus.files); // warm the page cache for every measurement alike
    const double floorSeconds = bestOf(kRuns, [&] { readAndDecode(corpus.files); });
    // The first run also pays for faulting in fresh memory, as a new nianbao-cli process does;
    // it keeps no report, so that is only the working set of one report per thread.
    BatchRun run;
    const double firstSeconds = secondsOf([&] { run = checkCorpus(corpus, 1); });
    auto batch = [&](int threads) {
        return bestOf(kRuns, [&] { run = checkCorpus(corpus, threads); });
    };
    const double oneSeconds = batch(1);
    const double allSeconds = batch(0);
    const Accuracy found = run.found;
    // End to end as a user runs it, on all cores: the text report against the JSON one. The
    // names are relative, so that the command line holds a large corpus.
    QStringList names;
    for (const QString &file : corpus.files)
        names.append(QFileInfo(file).fileName());
    names = names.mid(0, kCliFiles);
    allowLongCommandLines();
    CliRun text {std::numeric_limits<double>::max(), 0};
    CliRun json {std::numeric_limits<double>::max(), 0};
    for (int r = 0; r < kRuns; ++r) {
        const CliRun textRun = runCli(corpusDir, names, {});
        if (r == 0) // the first child: its peak is the peak of all children so far
            text.peakMegabytes = textRun.peakMegabytes;
        const CliRun jsonRun = runCli(corpusDir, names, {u"--json"_s});
        text.seconds = std::min(text.seconds, textRun.seconds);
        json.seconds = std::min(json.seconds, jsonRun.seconds);
        // Of all runs so far: JSON's, unless text's is larger.
        json.peakMegabytes = jsonRun.peakMegabytes;
    }
    const ReportReader reader;
    const Latency latency
        = editLatency(run.first, reader.checker(), parser.value(editsOption).toInt());
    const StageTimes stages = stageTimes(corpus.files, reportTemplate, rules);
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);

    auto row = [&](const QString &what, double seconds) {
        out << qSetFieldWidth(34) << Qt::left << what << qSetFieldWidth(12) << Qt::right
            << QString::number(count / seconds, 'f', 0)
            << QString::number(megabytes / seconds, 'f', 1) << QString::number(seconds, 'f', 3)
            << qSetFieldWidth(0) << '\n';
    };
    out << "\ncorpus: " << count << " reports, " << QString::number(megabytes, 'f', 1) << " MB\n\n";
    out << qSetFieldWidth(34) << Qt::left << "measurement" << qSetFieldWidth(12) << Qt::right
        << "reports/s"
        << "MB/s"
        << "seconds" << qSetFieldWidth(0) << '\n';
    row(u"read + UTF-8 decode only (1 thread)"_s, floorSeconds);
    row(u"batch check, 1 thread, first run"_s, firstSeconds);
    row(u"batch check, 1 thread"_s, oneSeconds);
    row(u"batch check, %1 threads"_s.arg(cores), allSeconds);
    const auto cliRow = [&](const QString &what, double seconds) {
        out << qSetFieldWidth(34) << Qt::left << what << qSetFieldWidth(12) << Qt::right
            << QString::number(double(names.size()) / seconds, 'f', 0) << u""_s
            << QString::number(seconds, 'f', 3) << qSetFieldWidth(0) << '\n';
    };
    cliRow(u"nianbao-cli check (text)"_s, text.seconds);
    cliRow(u"nianbao-cli check --json"_s, json.seconds);
    out << "(best of " << kRuns << " runs except the first run; nianbao-cli over " << names.size()
        << " files, all cores, output discarded)\n";
    out << "\ncheck --json / check (end to end): "
        << QString::number(json.seconds / text.seconds, 'f', 2) << "x\n";
    out << "\ncheck / floor (1 thread): " << QString::number(oneSeconds / floorSeconds, 'f', 1)
        << "x\n";
    out << "\nstage (1 thread, in memory)        us/report\n";
    const std::pair<const char *, double> stageRows[]
        = {{"decode", stages.decode},           {"normalize", stages.normalize},
           {"layout", stages.layout},           {"title", stages.title},
           {"extract tables", stages.extract},  {"stated figures", stages.statements},
           {"rules and findings", stages.check}};
    for (const auto &[name, seconds] : stageRows)
        out << qSetFieldWidth(34) << Qt::left << name << qSetFieldWidth(12) << Qt::right
            << QString::number(seconds * 1e6 / count, 'f', 1) << qSetFieldWidth(0) << '\n';
    out << "\nedit -> re-check: median " << QString::number(latency.median, 'f', 1) << " us, p99 "
        << QString::number(latency.p99, 'f', 1) << " us\n";
    out << "peak memory (max RSS): benchmark " << usage.ru_maxrss / 1024
        << " MB, nianbao-cli check " << text.peakMegabytes << " MB, check --json "
        << json.peakMegabytes << " MB\n";
    out << "findings: perturbed reports found " << found.perturbedFound << "/" << found.perturbed
        << ", clean reports with an error finding " << found.cleanWithError << "\n";
    return 0;
}

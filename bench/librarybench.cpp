// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures what a reviewer waits for in a large review library: opening it to a usable report
// list (one summary query), and loading one report when it is selected. Fills the library
// with generated reports first, or reuses one kept by an earlier run (--keep). With --import N,
// first times importing N generated report files into a new library, as nianbao-cli import does.
// Then times the overview of the whole library (its queries and tallies, libraryoverview.h);
// nianbao-bench-overview times drawing it.
#include "library/importer.h"
#include "library/libraryoverview.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "rules/checksession.h"
#include "syntheticreports.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTextStream>

#include <sys/resource.h>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

/** Resident memory now, in MB (VmRSS), rather than the peak, which filling the library sets. */
double residentMegabytes()
{
    FILE *status = std::fopen("/proc/self/status", "r");
    if (!status)
        return 0;
    char line[256];
    long kilobytes = 0;
    while (std::fgets(line, sizeof line, status)) {
        if (std::sscanf(line, "VmRSS: %ld kB", &kilobytes) == 1)
            break;
    }
    std::fclose(status);
    return double(kilobytes) / 1024.0;
}

double millisecondsOf(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    work();
    return double(timer.nsecsElapsed()) / 1e6;
}

/**
 * Adds reports until the library holds `count`: a few hundred distinct generated reports,
 * each stored under many agency names, so a large library fills in minutes rather than hours.
 */
void fill(ReviewLibrary &library, int count, QTextStream &out)
{
    const int present = int(library.documents().value().size());
    if (present >= count)
        return;
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const RuleBook rules(reportTemplate);
    SyntheticReports synthetic(rules, 20261202);
    const ReportRenderer renderer(reportTemplate);
    const ReportReader reader;
    std::vector<Report> variants;
    for (int v = 0; v < 200; ++v) {
        std::vector<std::optional<double>> cells = synthetic.consistent();
        double original = 0;
        if (v % 3 == 2)
            synthetic.perturb(cells, &original);
        const QString text = renderer.render(u"基准局"_s, 2023, cells, {});
        variants.push_back(reader.readBytes(text.toUtf8(), u"variant.txt"_s));
    }
    out << "filling the library with " << count - present << " reports ...\n";
    out.flush();
    QElapsedTimer timer;
    timer.start();
    for (int i = present; i < count; ++i) {
        Report report = variants[size_t(i) % variants.size()];
        // Five years of each agency, so that the overview pairs them as it pairs real ones.
        report.agency = u"基准测试局%1"_s.arg(i / 5);
        report.year = 2020 + i % 5;
        report.file = u"/reports/report-%1.txt"_s.arg(i);
        const CheckSession checks(reader.checker(), report.cells, report.statements,
                                  report.splitChoices);
        const QByteArray hash
            = QCryptographicHash::hash(report.file.toUtf8(), QCryptographicHash::Sha256);
        if (!library.addReport(report, hash, checks.counts()))
            qFatal("cannot store report %d", i);
    }
    out << "filled in " << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1) << " s ("
        << QString::number((count - present) / std::max(0.001, double(timer.elapsed()) / 1000.0),
                           'f', 0)
        << " reports/s)\n";
}

/** Writes `count` generated reports into `folder` and times their import into a new library. */
void timeImport(const QString &folder, int count, QTextStream &out)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const RuleBook rules(reportTemplate);
    SyntheticReports synthetic(rules, 20261203);
    const ReportRenderer renderer(reportTemplate);
    const RenderLayout layouts[]
        = {RenderLayout::Markdown, RenderLayout::Tabs, RenderLayout::Spaces};
    QStringList files;
    for (int i = 0; i < count; ++i) {
        std::vector<std::optional<double>> cells = synthetic.consistent();
        double original = 0;
        if (i % 3 == 2)
            synthetic.perturb(cells, &original);
        RenderOptions options;
        options.layout = layouts[i % 3];
        const QByteArray bytes
            = renderer.render(u"导入基准局%1"_s.arg(i), 2023, cells, options).toUtf8();
        files.append(folder % u"/report-"_s % QString::number(i) % u".txt"_s);
        QSaveFile file(files.last());
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
            qFatal("cannot write %s", qPrintable(files.last()));
    }
    QElapsedTimer timer;
    timer.start();
    const ImportSummary summary = Importer(folder % u"/import.sqlite"_s).run(files);
    const double seconds = double(timer.elapsed()) / 1000.0;
    if (summary.imported != count)
        qFatal("imported %d of %d files", summary.imported, count);
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "import " << count << " files into a new library: " << QString::number(seconds, 'f', 1)
        << " s (" << QString::number(count / std::max(0.001, seconds), 'f', 0)
        << " reports/s), peak " << usage.ru_maxrss / 1024 << " MB\n";
    out.flush();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Nianbao review-library benchmark"_s);
    parser.addHelpOption();
    const QCommandLineOption countOption(
        u"reports"_s, u"Reports in the library (default 100000)."_s, u"N"_s, u"100000"_s);
    const QCommandLineOption keepOption(
        u"keep"_s, u"Use and keep the library at LOCATION (a file or a PostgreSQL URL)."_s,
        u"LOCATION"_s);
    const QCommandLineOption importOption(
        u"import"_s, u"First time importing N generated report files (default 0: none)."_s, u"N"_s,
        u"0"_s);
    parser.addOption(countOption);
    parser.addOption(keepOption);
    parser.addOption(importOption);
    parser.process(app);
    const int count = std::max(1, parser.value(countOption).toInt());
    QTemporaryDir temporary;
    QTextStream out(stdout);
    if (parser.value(importOption).toInt() > 0) {
        QTemporaryDir imports;
        timeImport(imports.path(), parser.value(importOption).toInt(), out);
    }
    const QString location = parser.isSet(keepOption) ? parser.value(keepOption)
                                                      : temporary.filePath(u"library.sqlite"_s);
    {
        std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(location).value();
        fill(*library, count, out);
    }

    // What the window does first: open the library and list every report.
    const double before = residentMegabytes();
    std::unique_ptr<ReviewLibrary> library;
    QList<DocumentSummary> summaries;
    const double openMs = millisecondsOf([&] {
        library = ReviewLibrary::open(location, LibraryAccess::ReadOnly).value();
        summaries = library->documents().value();
    });
    const double listMegabytes = residentMegabytes() - before;

    // Then the reviewer selects reports: each is loaded from the library.
    QRandomGenerator random(7);
    std::vector<double> loads;
    for (int i = 0; i < 200; ++i) {
        const qint64 id = summaries[random.bounded(int(summaries.size()))].id;
        loads.push_back(millisecondsOf([&] {
            if (!library->load(id))
                qFatal("cannot load report %lld", id);
        }));
    }
    std::sort(loads.begin(), loads.end());

    // The overview, as the window opens it: whole library, then one agency's trend.
    LibraryOverview overview;
    const double overviewMs = millisecondsOf([&] { overview = computeOverview(*library).value(); });
    const QString agency = overview.byAgency.value(0).identity;
    const double trendMs = millisecondsOf([&] {
        if (!agencyTrend(*library, overview, agency))
            qFatal("cannot read the trend of %s", qPrintable(agency));
    });

    out << "\nlibrary: " << summaries.size() << " reports, "
        << ReviewLibrary::displayLocation(location) << "\n";
    out << "open + list every report: " << QString::number(openMs, 'f', 0) << " ms, "
        << QString::number(listMegabytes, 'f', 1) << " MB for the list (resident now "
        << QString::number(residentMegabytes(), 'f', 0) << " MB)\n";
    out << "load one report: median " << QString::number(loads[loads.size() / 2], 'f', 1)
        << " ms, p99 " << QString::number(loads[loads.size() * 99 / 100], 'f', 1) << " ms\n";
    out << "overview (queries + tallies): " << QString::number(overviewMs, 'f', 0) << " ms ("
        << overview.covered << " reports covered, " << overview.byRule.size() << " rules, "
        << overview.byAgency.size() << " agencies), one agency's trend "
        << QString::number(trendMs, 'f', 0) << " ms\n";
    return 0;
}

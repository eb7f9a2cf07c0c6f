// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Measures what a reviewer waits for in a large review library: opening it to a usable report
// list (one summary query), and loading one report when it is selected. Fills the library
// with generated reports first, or reuses one kept by an earlier run (--keep).
#include "checksession.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "syntheticreports.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

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
        report.agency = u"基准测试局%1"_s.arg(i);
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
    parser.addOption(countOption);
    parser.addOption(keepOption);
    parser.process(app);
    const int count = std::max(1, parser.value(countOption).toInt());
    QTemporaryDir temporary;
    const QString location = parser.isSet(keepOption) ? parser.value(keepOption)
                                                      : temporary.filePath(u"library.sqlite"_s);
    QTextStream out(stdout);
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

    out << "\nlibrary: " << summaries.size() << " reports, "
        << ReviewLibrary::displayLocation(location) << "\n";
    out << "open + list every report: " << QString::number(openMs, 'f', 0) << " ms, "
        << QString::number(listMegabytes, 'f', 1) << " MB for the list (resident now "
        << QString::number(residentMegabytes(), 'f', 0) << " MB)\n";
    out << "load one report: median " << QString::number(loads[loads.size() / 2], 'f', 1)
        << " ms, p99 " << QString::number(loads[loads.size() * 99 / 100], 'f', 1) << " ms\n";
    return 0;
}

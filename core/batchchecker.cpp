// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"

#include "reportreader.h"

#include <QHash>

#include <atomic>
#include <thread>

namespace nianbao {

void addYearCarryFindings(std::vector<Report> &reports, const Checker &checker)
{
    // Index by agency and year; a report of year Y is compared with the same agency's Y-1.
    QHash<QPair<QString, int>, const Report *> byAgencyYear;
    for (const Report &report : reports) {
        if (report.loaded && !report.agency.isEmpty() && report.year > 0)
            byAgencyYear.insert({report.agency, report.year}, &report);
    }
    for (Report &report : reports) {
        const Report *previous = byAgencyYear.value({report.agency, report.year - 1});
        if (!previous || report.agency.isEmpty())
            continue;
        report.findings.append(
            checker.yearCarryFindings(previous->cells, previous->year, report.cells));
    }
}

BatchChecker::BatchChecker(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
{ }

void BatchChecker::setBudget(std::chrono::milliseconds time, const std::atomic<bool> *cancel)
{
    m_time = time;
    m_cancel = cancel;
}

std::vector<Report> BatchChecker::check(const QStringList &files, int threads,
                                        const ReadStarted &started) const
{
    std::vector<Report> reports(size_t(files.size()));
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, int(files.size()));
    ReportReader reader(m_template);
    reader.setBudget(m_time, m_cancel);
    std::atomic<qsizetype> next {0};
    auto work = [&] {
        for (qsizetype i = next++; i < files.size(); i = next++) {
            if (started)
                started(i);
            reports[size_t(i)] = reader.readFile(files[i]);
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    addYearCarryFindings(reports, reader.checker());
    return reports;
}

} // namespace nianbao

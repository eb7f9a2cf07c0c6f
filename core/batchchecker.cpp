// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"

#include "reportreader.h"

#include <atomic>
#include <thread>

namespace nianbao {

BatchChecker::BatchChecker(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
{
}

std::vector<Report> BatchChecker::check(const QStringList &files, int threads) const
{
    std::vector<Report> reports(size_t(files.size()));
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, int(files.size()));
    const ReportReader reader(m_template);
    std::atomic<qsizetype> next{0};
    auto work = [&] {
        for (qsizetype i = next++; i < files.size(); i = next++)
            reports[size_t(i)] = reader.readFile(files[i]);
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    return reports;
}

} // namespace nianbao

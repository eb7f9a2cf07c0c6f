// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"

#include "reportreader.h"

#include <QHash>
#include <QSet>

#include <atomic>
#include <thread>

namespace nianbao {

CrossYearLedger::CrossYearLedger(const Checker &checker, qsizetype count,
                                 const AgencyAliases &aliases)
    : m_checker(checker)
    , m_aliases(aliases)
    , m_cells(checker.crossYearCells())
    , m_entries(size_t(count))
{ }

void CrossYearLedger::record(qsizetype index, const Report &report)
{
    Entry &entry = m_entries[size_t(index)];
    entry.agency = agencyIdentity(report.agency, m_aliases);
    entry.year = report.year;
    entry.loaded = report.loaded;
    if (entry.agency.isEmpty() || report.cells.empty())
        return; // no rule across years reads its figures
    entry.values.reserve(m_cells.size());
    for (const int cell : m_cells)
        entry.values.push_back(report.cells[size_t(cell)].value);
}

std::vector<CellValue> CrossYearLedger::expand(const Entry &entry) const
{
    std::vector<CellValue> cells(size_t(m_checker.rules().reportTemplate().cellCount()));
    for (size_t i = 0; i < entry.values.size(); ++i)
        cells[size_t(m_cells[i])].value = entry.values[i];
    return cells;
}

std::vector<QString> CrossYearLedger::pairingAgencies() const
{
    // 洪泽区政府 is 淮安市洪泽区政府 when that is the only agency of the batch it can be.
    QHash<QString, QSet<QString>> qualifiedByLocal;
    std::vector<QString> locals;
    locals.reserve(m_entries.size());
    for (const Entry &entry : m_entries) {
        locals.push_back(localAgencyIdentity(entry.agency));
        if (locals.back() != entry.agency)
            qualifiedByLocal[locals.back()].insert(entry.agency);
    }
    std::vector<QString> agencies;
    agencies.reserve(m_entries.size());
    for (const Entry &entry : m_entries) {
        const QSet<QString> qualified = qualifiedByLocal.value(entry.agency);
        agencies.push_back(qualified.size() == 1 ? *qualified.cbegin() : entry.agency);
    }
    return agencies;
}

void CrossYearLedger::forEachFinding(
    const std::function<void(qsizetype, QList<Finding> &&)> &found) const
{
    // Index by agency and year; a report of year Y is compared with the same agency's Y-1 (the
    // last such in the list, as a later insert replaces an earlier one).
    const std::vector<QString> agencies = pairingAgencies();
    QHash<QPair<QString, int>, const Entry *> byAgencyYear;
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        if (entry.loaded && !entry.agency.isEmpty() && entry.year > 0)
            byAgencyYear.insert({agencies[i], entry.year}, &entry);
    }
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        const Entry *previous = byAgencyYear.value({agencies[i], entry.year - 1});
        if (!previous || entry.agency.isEmpty())
            continue;
        QList<Finding> findings
            = m_checker.crossYearFindings(expand(*previous), previous->year, expand(entry));
        if (!findings.isEmpty())
            found(qsizetype(i), std::move(findings));
    }
}

void addCrossYearFindings(std::vector<Report> &reports, const Checker &checker,
                          const AgencyAliases &aliases)
{
    CrossYearLedger ledger(checker, qsizetype(reports.size()), aliases);
    for (size_t i = 0; i < reports.size(); ++i)
        ledger.record(qsizetype(i), reports[i]);
    ledger.forEachFinding([&reports](qsizetype index, QList<Finding> &&findings) {
        reports[size_t(index)].findings.append(std::move(findings));
    });
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
    stream(
        files, threads,
        [&reports](qsizetype index, Report &&report) {
            reports[size_t(index)] = std::move(report);
        },
        [&reports](qsizetype index, QList<Finding> &&findings) {
            reports[size_t(index)].findings.append(std::move(findings));
        },
        started);
    return reports;
}

void BatchChecker::setAgencyAliases(const AgencyAliases &aliases)
{
    m_aliases = aliases;
}

void BatchChecker::stream(const QStringList &files, int threads, const ReportChecked &checked,
                          const CrossYearFound &crossYear, const ReadStarted &started) const
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, int(files.size()));
    ReportReader reader(m_template);
    reader.setBudget(m_time, m_cancel);
    CrossYearLedger ledger(reader.checker(), files.size(), m_aliases);
    std::atomic<qsizetype> next {0};
    auto work = [&] {
        for (qsizetype i = next++; i < files.size(); i = next++) {
            if (started)
                started(i);
            Report report = reader.readFile(files[i]);
            ledger.record(i, report);
            checked(i, std::move(report));
        }
    };
    std::vector<std::thread> workers;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(work);
    work();
    for (std::thread &worker : workers)
        worker.join();
    ledger.forEachFinding(crossYear);
}

} // namespace nianbao

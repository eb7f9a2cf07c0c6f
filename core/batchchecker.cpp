// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"

#include "reportreader.h"

#include <QHash>

#include <atomic>
#include <thread>

namespace nianbao {

namespace {

/** The cells Checker::yearCarryFindings reads: its rule's current and previous rows. */
std::vector<int> yearCarryCells(const Checker &checker)
{
    const ReportTemplate &reportTemplate = checker.rules().reportTemplate();
    const RuleDefinition *rule = checker.rules().rule(u"year.carry");
    const int table = rule ? reportTemplate.tableIndex(rule->table) : -1;
    std::vector<int> cells;
    if (table < 0)
        return cells;
    const int rows[] = {reportTemplate.rowIndex(table, rule->current),
                        reportTemplate.rowIndex(table, rule->previous)};
    for (const int row : rows) {
        if (row < 0)
            continue;
        for (int column = 0; column < int(reportTemplate.tables()[table].columns.size()); ++column)
            cells.push_back(reportTemplate.cellIndex(table, row, column));
    }
    return cells;
}

} // namespace

CarryLedger::CarryLedger(const Checker &checker, qsizetype count)
    : m_checker(checker)
    , m_cells(yearCarryCells(checker))
    , m_entries(size_t(count))
{ }

void CarryLedger::record(qsizetype index, const Report &report)
{
    Entry &entry = m_entries[size_t(index)];
    entry.agency = report.agency;
    entry.year = report.year;
    entry.loaded = report.loaded;
    if (report.agency.isEmpty() || report.cells.empty())
        return; // year.carry never reads its figures
    entry.values.reserve(m_cells.size());
    for (const int cell : m_cells)
        entry.values.push_back(report.cells[size_t(cell)].value);
}

std::vector<CellValue> CarryLedger::expand(const Entry &entry) const
{
    std::vector<CellValue> cells(size_t(m_checker.rules().reportTemplate().cellCount()));
    for (size_t i = 0; i < entry.values.size(); ++i)
        cells[size_t(m_cells[i])].value = entry.values[i];
    return cells;
}

void CarryLedger::forEachFinding(
    const std::function<void(qsizetype, QList<Finding> &&)> &found) const
{
    // Index by agency and year; a report of year Y is compared with the same agency's Y-1 (the
    // last such in the list, as a later insert replaces an earlier one).
    QHash<QPair<QString, int>, const Entry *> byAgencyYear;
    for (const Entry &entry : m_entries) {
        if (entry.loaded && !entry.agency.isEmpty() && entry.year > 0)
            byAgencyYear.insert({entry.agency, entry.year}, &entry);
    }
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const Entry &entry = m_entries[i];
        const Entry *previous = byAgencyYear.value({entry.agency, entry.year - 1});
        if (!previous || entry.agency.isEmpty())
            continue;
        QList<Finding> findings
            = m_checker.yearCarryFindings(expand(*previous), previous->year, expand(entry));
        if (!findings.isEmpty())
            found(qsizetype(i), std::move(findings));
    }
}

void addYearCarryFindings(std::vector<Report> &reports, const Checker &checker)
{
    CarryLedger ledger(checker, qsizetype(reports.size()));
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

void BatchChecker::stream(const QStringList &files, int threads, const ReportChecked &checked,
                          const CarryFound &carried, const ReadStarted &started) const
{
    if (threads <= 0)
        threads = int(std::max(1u, std::thread::hardware_concurrency()));
    threads = std::min<int>(threads, int(files.size()));
    ReportReader reader(m_template);
    reader.setBudget(m_time, m_cancel);
    CarryLedger ledger(reader.checker(), files.size());
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
    ledger.forEachFinding(carried);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"
#include "report.h"
#include "reporttemplate.h"

#include <QStringList>

#include <functional>

#include <vector>

namespace nianbao {

/**
 * Reads and checks many reports on all cores, returning them in the order given. Used by
 * `nianbao-cli check`, the folder import and the benchmark.
 */
class Checker;

/** Adds year.carry findings between reports of one agency for consecutive years. */
void addYearCarryFindings(std::vector<Report> &reports, const Checker &checker);

/**
 * What year.carry needs of each report of a batch, kept while the reports themselves are not:
 * agency, year and the two rows the rule compares. record() may run on many threads at once
 * for different indexes.
 */
class CarryLedger
{
public:
    CarryLedger(const Checker &checker, qsizetype count);

    void record(qsizetype index, const Report &report);
    /** The findings addYearCarryFindings would add, for each report that gets any, in order. */
    void forEachFinding(const std::function<void(qsizetype, QList<Finding> &&)> &found) const;

private:
    struct Entry
    {
        QString agency;
        int year = 0;
        bool loaded = false;
        std::vector<std::optional<double>> values; ///< at m_cells, in that order
    };
    std::vector<CellValue> expand(const Entry &entry) const;

    const Checker &m_checker;
    std::vector<int> m_cells; ///< the cells year.carry reads
    std::vector<Entry> m_entries;
};

class BatchChecker
{
public:
    explicit BatchChecker(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    /** Called on a worker thread as the reading of files[index] begins. */
    using ReadStarted = std::function<void(qsizetype index)>;

    /**
     * Each file's reading stops within `time` and as soon as `*cancel` turns true (see
     * ReportReader::setBudget); the files not yet read then end as read.cancelled.
     */
    void setBudget(std::chrono::milliseconds time, const std::atomic<bool> *cancel = nullptr);

    /** Checks `files` with `threads` workers (0: one per core). */
    std::vector<Report> check(const QStringList &files, int threads = 0,
                              const ReadStarted &started = {}) const;

    /**
     * Called on a worker thread with each report as soon as it is checked, in no set order;
     * the report is the callee's to keep or drop. Its year.carry findings come later.
     */
    using ReportChecked = std::function<void(qsizetype index, Report &&report)>;
    /** Called in file order, once all files are checked, for each report year.carry adds to. */
    using CarryFound = std::function<void(qsizetype index, QList<Finding> &&findings)>;

    /**
     * Checks `files` as check() does, but keeps no report: only the few figures year.carry
     * compares (a report may carry from a file later in the list), so memory stays flat in the
     * number of files.
     */
    void stream(const QStringList &files, int threads, const ReportChecked &checked,
                const CarryFound &carried, const ReadStarted &started = {}) const;

private:
    const ReportTemplate &m_template;
    std::chrono::milliseconds m_time = ReadBudget::kPerFile;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace nianbao

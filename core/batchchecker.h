// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencyidentity.h"
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

/**
 * Adds the cross-year findings (Checker::crossYearFindings) between reports of one agency
 * (agencyIdentity, through `aliases`) for consecutive years, to the later report.
 */
void addCrossYearFindings(std::vector<Report> &reports, const Checker &checker,
                          const AgencyAliases &aliases = {});

/**
 * What the cross-year rules need of each report of a batch, kept while the reports themselves
 * are not: agency identity, year and the few cells the rules compare. record() may run on many
 * threads at once for different indexes.
 */
class CrossYearLedger
{
public:
    CrossYearLedger(const Checker &checker, qsizetype count, const AgencyAliases &aliases = {});

    void record(qsizetype index, const Report &report);
    /** The findings addCrossYearFindings would add, for each report that gets any, in order. */
    void forEachFinding(const std::function<void(qsizetype, QList<Finding> &&)> &found) const;

private:
    struct Entry
    {
        QString agency; ///< agencyIdentity() of the report's agency
        int year = 0;
        bool loaded = false;
        std::vector<std::optional<double>> values; ///< at m_cells, in that order
    };
    std::vector<CellValue> expand(const Entry &entry) const;
    /**
     * Each entry's agency as paired: a name written without its higher regions (洪泽区政府,
     * see localAgencyIdentity) is the one name of the batch written with them, if only one is.
     */
    std::vector<QString> pairingAgencies() const;

    const Checker &m_checker;
    const AgencyAliases m_aliases;
    std::vector<int> m_cells; ///< Checker::crossYearCells()
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
    /** Agencies the reviewer says are one, for pairing the years (agencyIdentity). */
    void setAgencyAliases(const AgencyAliases &aliases);

    /** Checks `files` with `threads` workers (0: one per core). */
    std::vector<Report> check(const QStringList &files, int threads = 0,
                              const ReadStarted &started = {}) const;

    /**
     * Called on a worker thread with each report as soon as it is checked, in no set order;
     * the report is the callee's to keep or drop. Its cross-year findings come later.
     */
    using ReportChecked = std::function<void(qsizetype index, Report &&report)>;
    /**
     * Called in file order, once all files are checked, for each report the cross-year rules
     * (year.carry, active.stock_flow) add findings to.
     */
    using CrossYearFound = std::function<void(qsizetype index, QList<Finding> &&findings)>;

    /**
     * Checks `files` as check() does, but keeps no report: only the few figures the cross-year
     * rules compare (a report may follow a file later in the list), so memory stays flat in the
     * number of files.
     */
    void stream(const QStringList &files, int threads, const ReportChecked &checked,
                const CrossYearFound &crossYear, const ReadStarted &started = {}) const;

private:
    const ReportTemplate &m_template;
    std::chrono::milliseconds m_time = ReadBudget::kPerFile;
    const std::atomic<bool> *m_cancel = nullptr;
    AgencyAliases m_aliases;
};

} // namespace nianbao

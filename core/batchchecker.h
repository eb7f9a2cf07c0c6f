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

private:
    const ReportTemplate &m_template;
    std::chrono::milliseconds m_time = ReadBudget::kPerFile;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace nianbao

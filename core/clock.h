// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QDateTime>
#include <QDeadlineTimer>

#include <atomic>
#include <chrono>

namespace nianbao {

/**
 * Where the audit trail gets its time. The system clock in the application; tests install
 * a fixed or stepping clock so recorded corrections are reproducible.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    /** The real clock, in UTC. */
    static const Clock &system();
};

/**
 * What reading one file may spend: a deadline on the monotonic clock and the caller's cancel
 * flag. ReportReader installs one for the thread reading a file (ReadBudget::Scope); loaders
 * call ReadBudget::current().exhausted() between pages, parts and rows, so a hostile file
 * stops within its budget and a cancel (the importer's, the CLI's Ctrl+C) acts inside a file,
 * not only between files.
 */
class ReadBudget final
{
public:
    /** Time one file may take: reports read in well under a second on 2 slow cores. */
    static constexpr std::chrono::milliseconds kPerFile {10'000};

    explicit ReadBudget(std::chrono::milliseconds time = kPerFile,
                        const std::atomic<bool> *cancel = nullptr);
    Q_DISABLE_COPY_MOVE(ReadBudget)

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }
    bool expired() const { return m_deadline.hasExpired(); }
    bool exhausted() const { return cancelled() || expired(); }
    /**
     * Gives the read `more` time: a loader that starts work known to be slow (OCR of a page,
     * seconds each) extends the budget of the thread reading the file, by a bounded amount.
     */
    void extend(std::chrono::milliseconds more) const;
    /** Why reading stopped (read.cancelled, read.too_slow), naming `where` it stopped. */
    Error error(const QString &where) const;

    /** The budget installed for this thread; without one, an unlimited budget. */
    static const ReadBudget &current();

    /** Installs a budget for this thread while it lives. */
    class Scope final
    {
    public:
        explicit Scope(const ReadBudget &budget);
        ~Scope();
        Q_DISABLE_COPY_MOVE(Scope)

    private:
        const ReadBudget *m_previous;
    };

private:
    // Mutable for extend(): the budget is installed and read as const, by one thread.
    mutable QDeadlineTimer m_deadline;
    mutable std::chrono::milliseconds m_time;
    const std::atomic<bool> *m_cancel;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportreader.h"

#include <QList>
#include <QObject>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace nianbao {

/**
 * Reads and checks reports off the GUI thread (BatchChecker on a worker thread) and hands them
 * back on the GUI thread, in the order asked, failures included.
 */
class ReportLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportLoader)

public:
    explicit ReportLoader(QObject *parent = nullptr);
    ~ReportLoader() override;

    /** Reads `files`, each within ReadBudget::kPerFile (read.too_slow past it). */
    void load(const QStringList &files);
    /**
     * Stops the loads under way, inside the file being read: the files not read end as
     * read.cancelled and are still handed back. The destructor cancels too, so closing the
     * window never waits for a slow file.
     */
    void cancel();
    bool isBusy() const { return !m_threads.isEmpty(); }
    /** The checker the reports' review sessions use. */
    const Checker &checker() const { return m_reader.checker(); }

signals:
    void loaded(const std::vector<nianbao::Report> &reports);
    /** Every load asked for is done. */
    void idle();

private:
    ReportReader m_reader;
    QList<QThread *> m_threads;
    /** Shared with the reading threads, which may outlive a cancel, not the loader. */
    std::shared_ptr<std::atomic<bool>> m_cancel = std::make_shared<std::atomic<bool>>(false);
};

} // namespace nianbao

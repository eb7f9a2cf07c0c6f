// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportreader.h"

#include <QList>
#include <QObject>
#include <QStringList>

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

    void load(const QStringList &files);
    bool isBusy() const { return !m_threads.isEmpty(); }
    /** The checker the reports' review sessions use. */
    const Checker &checker() const { return m_reader.checker(); }

    /** The files a folder holds that look like reports, sorted. */
    static QStringList reportsInFolder(const QString &folder);

signals:
    void loaded(const std::vector<nianbao::Report> &reports);
    /** Every load asked for is done. */
    void idle();

private:
    ReportReader m_reader;
    QList<QThread *> m_threads;
};

} // namespace nianbao

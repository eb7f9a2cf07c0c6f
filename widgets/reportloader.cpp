// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportloader.h"

#include "batchchecker.h"

#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

ReportLoader::ReportLoader(QObject *parent)
    : QObject(parent)
{ }

ReportLoader::~ReportLoader()
{
    cancel();
    // The finished handler that deletes a thread dies with this loader: delete them here.
    for (QThread *thread : std::as_const(m_threads)) {
        thread->wait();
        delete thread;
    }
}

void ReportLoader::load(const QStringList &files)
{
    if (files.isEmpty())
        return;
    if (*m_cancel) // a cancel stops the loads under way, not the ones asked for after it
        m_cancel = std::make_shared<std::atomic<bool>>(false);
    auto reports = std::make_shared<std::vector<Report>>();
    QThread *thread = QThread::create([files, reports, cancel = m_cancel] {
        BatchChecker checker;
        checker.setBudget(ReadBudget::kPerFile, cancel.get());
        *reports = checker.check(files);
    });
    m_threads.append(thread);
    connect(thread, &QThread::finished, this, [this, thread, reports] {
        m_threads.removeOne(thread);
        thread->deleteLater();
        emit loaded(*reports);
        if (m_threads.isEmpty())
            emit idle();
    });
    thread->start();
}

void ReportLoader::cancel()
{
    *m_cancel = true;
}

} // namespace nianbao

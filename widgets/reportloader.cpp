// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportloader.h"

#include "batchchecker.h"

#include <QDir>
#include <QThread>

#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao {

ReportLoader::ReportLoader(QObject *parent)
    : QObject(parent)
{ }

ReportLoader::~ReportLoader()
{
    for (QThread *thread : std::as_const(m_threads))
        thread->wait();
}

void ReportLoader::load(const QStringList &files)
{
    if (files.isEmpty())
        return;
    auto reports = std::make_shared<std::vector<Report>>();
    QThread *thread = QThread::create([files, reports] { *reports = BatchChecker().check(files); });
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

QStringList ReportLoader::reportsInFolder(const QString &folder)
{
    QStringList files;
    const QDir dir(folder);
    const QStringList names = dir.entryList({u"*.txt"_s, u"*.md"_s, u"*.text"_s},
                                            QDir::Files | QDir::Readable, QDir::Name);
    for (const QString &name : names)
        files.append(dir.filePath(name));
    return files;
}

} // namespace nianbao

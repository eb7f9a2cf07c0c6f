// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace nianbao {

/** How far an import has come; passed to the progress callback after each file. */
struct ImportProgress
{
    int done = 0;
    int total = 0;
    QString file;
};

/** What an import did: counts, and every file that failed with its reason. */
struct ImportSummary
{
    int imported = 0;
    int duplicates = 0;
    QList<Error> failures;
    bool cancelled = false;
};

/**
 * Imports report files and whole folders (recursively) into a review library. Runs on the
 * calling thread with its own library connection, so the window runs it on a worker thread and
 * the CLI on its main thread. Each report is committed on its own: an interrupted import keeps
 * everything before the interruption, and a file that fails does not stop the others.
 */
class Importer
{
public:
    using ProgressCallback = std::function<void(const ImportProgress &)>;

    explicit Importer(QString libraryLocation);

    /** Report files named by `paths`, folders searched recursively, in a stable order. */
    static QStringList collectFiles(const QStringList &paths);

    ImportSummary run(const QStringList &files, const ProgressCallback &progress = {},
                      const std::atomic<bool> *cancel = nullptr) const;

private:
    QString m_location;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportfiles.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <optional>

namespace nianbao {

class ReviewLibrary;

/**
 * How far an import has come; passed to the progress callback before each file is read
 * (`finished` false, so a slow file is named while it is read) and after it.
 */
struct ImportProgress
{
    int done = 0;
    int total = 0;
    QString file;
    bool finished = true;
    QString notice = {}; ///< what happened meanwhile, e.g. the connection was lost
};

/** What an import did: counts, every file that failed or was skipped, each with its reason. */
struct ImportSummary
{
    int imported = 0;
    int duplicates = 0;
    /** The library ids of the reports imported and of those already there, in file order. */
    QList<qint64> ids;
    QList<Error> failures; ///< Error::where.file names the file
    QList<Error> skipped; ///< files a folder held that are not reports (ReportFileScan)
    bool cancelled = false;
    /** Why the import stopped before the end (the library could not be opened or went away). */
    std::optional<Error> stopped;
    int notAttempted = 0; ///< files left when it stopped
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

    /** How long a lost connection is tried again before the import stops. */
    static constexpr int kDefaultReconnectWindowMs = 60000;
    /** The first wait before trying again; each next wait doubles, up to kMaxReconnectDelayMs. */
    static constexpr int kFirstReconnectDelayMs = 250;
    static constexpr int kMaxReconnectDelayMs = 8000;

    explicit Importer(QString libraryLocation);

    /** Report files named by `paths`, folders searched recursively, in a stable order. */
    static QStringList collectFiles(const QStringList &paths);

    ImportSummary run(const QStringList &files, const ProgressCallback &progress = {},
                      const std::atomic<bool> *cancel = nullptr) const;
    /** Imports the scan's files; its skipped files are counted in the summary. */
    ImportSummary run(const ReportFileScan &scan, const ProgressCallback &progress = {},
                      const std::atomic<bool> *cancel = nullptr) const;

    /** For tests: how long to try a lost connection again (default kDefaultReconnectWindowMs). */
    void setReconnectWindow(int milliseconds) { m_reconnectWindowMs = milliseconds; }

private:
    QString lostConnectionNotice(const Error &cause) const;
    Result<bool> waitForConnection(ReviewLibrary &library, const Error &cause,
                                   const std::atomic<bool> *cancel) const;

    QString m_location;
    int m_reconnectWindowMs = kDefaultReconnectWindowMs;
};

} // namespace nianbao

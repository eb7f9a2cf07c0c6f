// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reportfiles.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <atomic>
#include <functional>
#include <optional>

namespace nianbao {

class ReviewLibrary;

/**
 * How far an import has come; passed to the progress callback as each file's reading begins
 * (`finished` false, so a slow file is named while it is read), as each page of a scan is
 * OCR'd (seconds a page), and once the file is done with:
 * its report committed to the library, or its failure counted (`finished` true).
 */
struct ImportProgress
{
    int done = 0; ///< the files finished so far: committed, found present, or failed
    int total = 0;
    QString file;
    bool finished = true;
    QString notice = {}; ///< what happened meanwhile, e.g. the connection was lost
    /** While `file` is OCR'd: the page being read (from 1), and of how many (0: not known). */
    int ocrPage = 0;
    int ocrPages = 0;
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
 * Imports report files and whole folders (recursively) into a review library. Writes on the
 * calling thread with its own library connection, so the window runs it on a worker thread and
 * the CLI on its main thread; files are read and checked on worker threads meanwhile, a few
 * ahead. Reports are committed in batches (kBatchReports, or what kBatchMs gathers): an
 * interrupted import keeps every batch committed before the interruption (a cancelled one
 * commits what it has read, too), and a file that fails does not stop the others.
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
    /** At most this many reports are committed together. */
    static constexpr int kBatchReports = 100;
    /** A batch is committed once its first report has waited this long. */
    static constexpr int kBatchMs = 250;
    /** A batch is committed once its reports' texts hold this many characters. */
    static constexpr qsizetype kBatchChars = 16 * 1024 * 1024;
    /**
     * How many files are read ahead of the one being stored, at most: more than a batch, so
     * the reading threads go on while a batch is committed.
     */
    static constexpr int kReadAhead = 2 * kBatchReports;

    explicit Importer(QString libraryLocation);

    /** Report files named by `paths`, folders searched recursively, in a stable order. */
    static QStringList collectFiles(const QStringList &paths);

    /**
     * Imports `files`. `progress` is called on this thread and on the reading threads, never
     * two calls at once, and each file's `finished` call comes after its `finished == false`
     * one; the `finished` calls come in file order, and `done` never goes down.
     */
    ImportSummary run(const QStringList &files, const ProgressCallback &progress = {},
                      const std::atomic<bool> *cancel = nullptr) const;
    /** Imports the scan's files; its skipped files are counted in the summary. */
    ImportSummary run(const ReportFileScan &scan, const ProgressCallback &progress = {},
                      const std::atomic<bool> *cancel = nullptr) const;

    /** For tests: how long to try a lost connection again (default kDefaultReconnectWindowMs). */
    void setReconnectWindow(int milliseconds) { m_reconnectWindowMs = milliseconds; }
    /** For tests: at most this many reports a commit (default kBatchReports; 1: one each). */
    void setBatchReports(int reports) { m_batchReports = std::max(1, reports); }

private:
    class Run;
    QString lostConnectionNotice(const Error &cause) const;
    Result<void> waitForConnection(ReviewLibrary &library, const Error &cause,
                                   const std::atomic<bool> *cancel) const;

    QString m_location;
    int m_reconnectWindowMs = kDefaultReconnectWindowMs;
    int m_batchReports = kBatchReports;
};

} // namespace nianbao

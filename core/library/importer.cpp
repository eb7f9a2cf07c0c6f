// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "checksession.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

Result<ImportResult> importFile(ReviewLibrary &library, const ReportReader &reader,
                                const QString &file)
{
    Result<QByteArray> bytes = readReportBytes(file);
    if (!bytes)
        return bytes.error();
    const QByteArray hash = QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256);
    Result<qint64> present = library.idOf(hash);
    if (!present)
        return present.error();
    if (present.value() != 0)
        return ImportResult {present.value(), true}; // the same bytes: nothing to import twice
    const Report report = reader.readBytes(bytes.value(), file);
    if (!report.loaded)
        return report.errors.value(0);
    // The reader has checked it: counted from its findings, as the window counts them, so the
    // report list shows them without a load (tst_library compares the two).
    Result<ImportResult> added
        = library.addReport(report, hash, countReview(report.findings, report.cells));
    if (!added && library.isConnected()) {
        // Another importer that does not take the writers' lock (an older Nianbao) may have
        // stored the same bytes meanwhile; that is "already in the library", not a failure.
        Result<qint64> stored = library.idOf(hash);
        if (stored && stored.value() != 0)
            return ImportResult {stored.value(), true};
    }
    return added;
}

/** The reader stopped inside the file because the import was cancelled: not a failed file. */
bool stoppedByCancel(const Result<ImportResult> &added)
{
    return !added && added.error().code == u"read.cancelled";
}

void count(ImportSummary &summary, const QString &file, const Result<ImportResult> &added)
{
    if (!added) {
        Error error = added.error();
        error.where.file = file;
        summary.failures.append(error);
    } else if (added.value().alreadyPresent) {
        ++summary.duplicates;
        summary.ids.append(added.value().id);
    } else {
        ++summary.imported;
        summary.ids.append(added.value().id);
    }
}

/** Sleeps in short steps, so that cancelling the import is not kept waiting. */
void sleepUnlessCancelled(qint64 milliseconds, const std::atomic<bool> *cancel)
{
    constexpr qint64 kStepMs = 50;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < milliseconds && !(cancel && cancel->load()))
        QThread::msleep(std::min(kStepMs, milliseconds - timer.elapsed()));
}

} // namespace

QString Importer::lostConnectionNotice(const Error &cause) const
{
    return QCoreApplication::translate("nianbao::Importer",
                                       "The connection to the review library %1 was lost (%2); "
                                       "trying again for up to %3 s")
        .arg(ReviewLibrary::displayLocation(m_location), cause.message)
        .arg(m_reconnectWindowMs / 1000.0, 0, 'f', 1);
}

Importer::Importer(QString libraryLocation)
    : m_location(std::move(libraryLocation))
{ }

QStringList Importer::collectFiles(const QStringList &paths)
{
    return scanReportFiles(paths).files;
}

ImportSummary Importer::run(const ReportFileScan &scan, const ProgressCallback &progress,
                            const std::atomic<bool> *cancel) const
{
    ImportSummary summary = run(scan.files, progress, cancel);
    summary.skipped = scan.skipped;
    return summary;
}

ImportSummary Importer::run(const QStringList &files, const ProgressCallback &progress,
                            const std::atomic<bool> *cancel) const
{
    ImportSummary summary;
    const int total = int(files.size());
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(m_location);
    if (!library) {
        summary.stopped = library.error();
        summary.notAttempted = total;
        return summary;
    }
    ReportReader reader;
    // The cancel reaches inside a file, so Cancel does not wait for a slow one to finish.
    reader.setBudget(ReadBudget::kPerFile, cancel);
    const auto notify = [&progress](const ImportProgress &state) {
        if (progress)
            progress(state);
    };
    for (int i = 0; i < total; ++i) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const QString &file = files[i];
        notify(ImportProgress {i, total, file, false});
        Result<ImportResult> added = importFile(*library.value(), reader, file);
        if (!added && !library.value()->isConnected()) {
            notify(ImportProgress {i, total, file, false, lostConnectionNotice(added.error())});
            Result<bool> back = waitForConnection(*library.value(), added.error(), cancel);
            if (!back && cancel && cancel->load()) {
                summary.cancelled = true; // cancelled while waiting: not a failure to report
                break;
            }
            if (!back) {
                summary.stopped = back.error();
                summary.notAttempted = total - i;
                break;
            }
            added = importFile(*library.value(), reader, file); // the file the loss interrupted
        }
        if (stoppedByCancel(added)) {
            summary.cancelled = true;
            break;
        }
        count(summary, file, added);
        notify(ImportProgress {i + 1, total, file, true});
    }
    return summary;
}

Result<bool> Importer::waitForConnection(ReviewLibrary &library, const Error &cause,
                                         const std::atomic<bool> *cancel) const
{
    QElapsedTimer timer;
    timer.start();
    int delay = kFirstReconnectDelayMs;
    QString reason = cause.message;
    while (timer.elapsed() < m_reconnectWindowMs && !(cancel && cancel->load())) {
        sleepUnlessCancelled(std::min<qint64>(delay, m_reconnectWindowMs - timer.elapsed()),
                             cancel);
        const Result<bool> back = library.reconnect();
        if (back && library.isConnected())
            return true;
        if (!back)
            reason = back.error().message;
        delay = std::min(delay * 2, kMaxReconnectDelayMs);
    }
    return Error {u"library.unreachable"_s,
                  QCoreApplication::translate("nianbao::Importer",
                                              "The connection to the review library %1 was lost "
                                              "and did not come back within %2 s, so the import "
                                              "stopped; run it again to import the rest. Last "
                                              "error: %3")
                      .arg(ReviewLibrary::displayLocation(m_location))
                      .arg(m_reconnectWindowMs / 1000.0, 0, 'f', 1)
                      .arg(reason),
                  {}};
}

} // namespace nianbao

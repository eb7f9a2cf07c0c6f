// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "loaders/ocr/ocrprogress.h"

#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "rules/checksession.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QThread>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** What a reading thread made of one file. */
struct ReadFile
{
    QByteArray sha256;
    /** Absent when the library seemed to hold these bytes already (its short hash did). */
    std::optional<Report> report;
    ReviewCounts counts;
    QByteArray bytes; ///< kept only while the report is absent, in case it must be read after all
};

Result<ReadFile> analyze(const ReportReader &reader, ReadFile read, const QString &file)
{
    Report report = reader.readBytes(read.bytes, file);
    if (!report.loaded)
        return report.errors.value(0);
    // The reader has checked it: counted from its findings, as the window counts them, so the
    // report list shows them without a load (tst_library compares the two).
    read.counts = countReview(report.findings, report.cells);
    read.report = std::move(report);
    read.bytes.clear();
    return read;
}

Result<ReadFile> readFile(const ReportReader &reader, const QSet<quint64> &stored,
                          const QString &file)
{
    Result<QByteArray> bytes = readReportBytes(file);
    if (!bytes)
        return bytes.error();
    ReadFile read;
    read.sha256 = QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256);
    read.bytes = std::move(bytes.value());
    if (stored.contains(ReviewLibrary::shortHash(read.sha256)))
        return read; // most likely the same bytes: nothing to read, if the library confirms
    return analyze(reader, std::move(read), file);
}

/** The reader stopped inside the file because the import was cancelled: not a failed file. */
bool stoppedByCancel(const Error &error)
{
    return error.code == u"read.cancelled";
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

/**
 * Reads files on worker threads, at most Importer::kReadAhead ahead of the file the import
 * stores next, and hands them over in file order.
 */
class ReadAhead final
{
public:
    using Started = std::function<void(qsizetype index)>;
    using PageRead = std::function<void(qsizetype index, int page, int pages)>;

    ReadAhead(const QStringList &files, const ReportReader &reader, const QSet<quint64> &stored,
              Started started, PageRead pageRead)
        : m_files(files)
        , m_reader(reader)
        , m_stored(stored)
        , m_started(std::move(started))
        , m_pageRead(std::move(pageRead))
        , m_slots(size_t(Importer::kReadAhead))
    {
        const int threads
            = std::clamp(QThread::idealThreadCount(), 1, int(std::max<qsizetype>(1, files.size())));
        for (int t = 0; t < threads; ++t)
            m_workers.emplace_back([this] { work(); });
    }
    ~ReadAhead()
    {
        {
            const std::lock_guard lock(m_mutex);
            m_stop = true;
        }
        m_space.notify_all();
        for (std::thread &worker : m_workers)
            worker.join();
    }
    Q_DISABLE_COPY_MOVE(ReadAhead)

    /** File `index` read, the next after the last taken, if it is within `wait`. */
    std::optional<Result<ReadFile>> take(qsizetype index, std::chrono::milliseconds wait)
    {
        std::unique_lock lock(m_mutex);
        std::optional<Result<ReadFile>> &slot = m_slots[size_t(index % Importer::kReadAhead)];
        if (!m_ready.wait_for(lock, wait, [&slot] { return slot.has_value(); }))
            return std::nullopt;
        std::optional<Result<ReadFile>> read = std::move(slot);
        slot.reset();
        m_taken = index + 1;
        lock.unlock();
        m_space.notify_all();
        return read;
    }

private:
    void work()
    {
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_space.wait(lock, [this] {
                return m_stop || m_next >= m_files.size()
                    || m_next < m_taken + Importer::kReadAhead;
            });
            if (m_stop || m_next >= m_files.size())
                return;
            const qsizetype index = m_next++;
            lock.unlock();
            m_started(index);
            const OcrProgress::Scope pages(
                [this, index](int page, int pages) { m_pageRead(index, page, pages); });
            Result<ReadFile> read = readFile(m_reader, m_stored, m_files[index]);
            lock.lock();
            m_slots[size_t(index % Importer::kReadAhead)] = std::move(read);
            m_ready.notify_all();
        }
    }

    const QStringList &m_files;
    const ReportReader &m_reader;
    const QSet<quint64> &m_stored;
    const Started m_started;
    const PageRead m_pageRead;
    std::mutex m_mutex;
    std::condition_variable m_ready; ///< a file was read
    std::condition_variable m_space; ///< a file was taken: the workers may read further
    std::vector<std::optional<Result<ReadFile>>> m_slots; ///< file i at i % kReadAhead
    qsizetype m_next = 0; ///< the next file a worker reads
    qsizetype m_taken = 0; ///< the files taken so far
    bool m_stop = false;
    std::vector<std::thread> m_workers;
};

} // namespace

/**
 * One run of an import: the reports read but not yet committed (the batch), the summary, and
 * the progress calls, which the reading threads make too.
 */
class Importer::Run final
{
public:
    Run(const Importer &importer, const QStringList &files, const ProgressCallback &progress,
        const std::atomic<bool> *cancel)
        : m_importer(importer)
        , m_files(files)
        , m_progress(progress)
        , m_cancel(cancel)
    { }
    Q_DISABLE_COPY_MOVE(Run)

    ImportSummary run();

private:
    /** A file read, waiting in the batch for its outcome to be counted. */
    struct Pending
    {
        qsizetype index = 0;
        std::optional<Result<ImportResult>> outcome; ///< absent until its report is stored
        qsizetype report = -1; ///< in m_reports while it waits to be stored
    };

    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void started(qsizetype index);
    void finished(qsizetype index);
    void notice(qsizetype index, const QString &text);
    /** Page `page` of `pages` (0: not known) of the file is being OCR'd. */
    void pageRead(qsizetype index, int page, int pages);
    /** Tells the listener the file is being read: begun, a notice, or a page OCR reads. */
    void reading(qsizetype index, const QString &notice = {}, int page = 0, int pages = 0);
    /** Puts a file read into the batch; false if the import was cancelled inside it. */
    bool add(qsizetype index, Result<ReadFile> read);
    bool batchIsFull() const;
    /** Commits the batch and counts it; false if the import must stop. */
    bool commit();
    /** Stores the batch's reports one at a time (the library refused one of them). */
    bool commitEach();
    /** Waits for a lost connection to come back; false (stopped or cancelled) if it does not. */
    bool reconnect(qsizetype index, const Error &cause);
    /** Counts the batch's files whose outcome is known, in order, and empties the batch. */
    void count();

    const Importer &m_importer;
    const QStringList &m_files;
    const ProgressCallback &m_progress;
    const std::atomic<bool> *m_cancel;
    std::unique_ptr<ReviewLibrary> m_library;
    ReportReader m_reader;
    ImportSummary m_summary;
    std::mutex m_progressMutex; ///< one progress call at a time, and `done` with it
    int m_done = 0;
    std::vector<Pending> m_batch;
    std::vector<NewReport> m_reports;
    qsizetype m_batchChars = 0;
    QElapsedTimer m_batchAge;
};

void Importer::Run::reading(qsizetype index, const QString &notice, int page, int pages)
{
    if (!m_progress)
        return;
    const std::lock_guard lock(m_progressMutex);
    m_progress(
        ImportProgress {m_done, int(m_files.size()), m_files[index], false, notice, page, pages});
}

void Importer::Run::started(qsizetype index)
{
    reading(index);
}

void Importer::Run::finished(qsizetype index)
{
    const std::lock_guard lock(m_progressMutex);
    ++m_done;
    if (m_progress)
        m_progress(ImportProgress {m_done, int(m_files.size()), m_files[index], true});
}

void Importer::Run::pageRead(qsizetype index, int page, int pages)
{
    reading(index, {}, page, pages);
}

void Importer::Run::notice(qsizetype index, const QString &text)
{
    reading(index, text);
}

bool Importer::Run::add(qsizetype index, Result<ReadFile> read)
{
    if (!read && stoppedByCancel(read.error()))
        return false;
    if (read && !read.value().report) {
        // The short hash says the library holds these bytes: confirmed by their whole hash.
        Result<qint64> present = m_library->idOf(read.value().sha256);
        if (present && present.value() != 0) {
            m_batch.push_back(Pending {index, ImportResult {present.value(), true}});
            return true;
        }
        read = analyze(m_reader, std::move(read.value()), m_files[index]);
        if (!read && stoppedByCancel(read.error()))
            return false;
    }
    if (!read) {
        m_batch.push_back(Pending {index, read.error()});
        return true;
    }
    m_batchChars += read.value().report->text.size();
    m_batch.push_back(Pending {index, std::nullopt, qsizetype(m_reports.size())});
    m_reports.push_back(
        NewReport {std::move(*read.value().report), read.value().sha256, read.value().counts});
    return true;
}

bool Importer::Run::batchIsFull() const
{
    return !m_batch.empty()
        && (int(m_reports.size()) >= m_importer.m_batchReports || m_batchChars >= kBatchChars
            || m_batchAge.elapsed() >= kBatchMs);
}

bool Importer::Run::reconnect(qsizetype index, const Error &cause)
{
    notice(index, m_importer.lostConnectionNotice(cause));
    const Result<void> back = m_importer.waitForConnection(*m_library, cause, m_cancel);
    if (back)
        return true;
    if (cancelled())
        m_summary.cancelled = true; // cancelled while waiting: not a failure to report
    else
        m_summary.stopped = back.error();
    return false;
}

bool Importer::Run::commit()
{
    if (m_reports.empty()) {
        count();
        return true;
    }
    for (;;) {
        Result<QList<ImportResult>> stored = m_library->addReports(m_reports);
        if (stored) {
            for (Pending &pending : m_batch) {
                if (pending.report >= 0)
                    pending.outcome = stored.value()[pending.report];
            }
            count();
            return true;
        }
        if (m_library->isConnected())
            return commitEach();
        if (!reconnect(m_batch.front().index, stored.error())) {
            count();
            return false;
        }
    }
}

bool Importer::Run::commitEach()
{
    for (Pending &pending : m_batch) {
        if (pending.report < 0)
            continue;
        const NewReport &report = m_reports[size_t(pending.report)];
        for (;;) {
            Result<ImportResult> added
                = m_library->addReport(report.report, report.sha256, report.counts);
            if (!added && m_library->isConnected()) {
                // Another importer that does not take the writers' lock (an older Nianbao) may
                // have stored the same bytes meanwhile; that is "already in the library".
                Result<qint64> stored = m_library->idOf(report.sha256);
                if (stored && stored.value() != 0)
                    added = ImportResult {stored.value(), true};
            }
            if (added || m_library->isConnected()) {
                pending.outcome = added;
                break;
            }
            if (!reconnect(pending.index, added.error())) {
                count();
                return false;
            }
        }
    }
    count();
    return true;
}

void Importer::Run::count()
{
    for (const Pending &pending : m_batch) {
        if (!pending.outcome)
            continue; // not stored: the import stopped first
        const QString &file = m_files[pending.index];
        const Result<ImportResult> &added = *pending.outcome;
        if (!added) {
            Error error = added.error();
            error.where.file = file;
            m_summary.failures.append(error);
        } else if (added.value().alreadyPresent) {
            ++m_summary.duplicates;
            m_summary.ids.append(added.value().id);
        } else {
            ++m_summary.imported;
            m_summary.ids.append(added.value().id);
        }
        finished(pending.index);
    }
    m_batch.clear();
    m_reports.clear();
    m_batchChars = 0;
}

ImportSummary Importer::Run::run()
{
    const qsizetype total = m_files.size();
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(m_importer.m_location);
    if (!library) {
        m_summary.stopped = library.error();
        m_summary.notAttempted = int(total);
        return m_summary;
    }
    m_library = std::move(library.value());
    // The cancel reaches inside a file, so Cancel does not wait for a slow one to finish.
    m_reader.setBudget(ReadBudget::kPerFile, m_cancel);
    // Without them every file is read; the library still stores each bytes once.
    const Result<QSet<quint64>> hashes = m_library->shortHashes();
    const QSet<quint64> stored = hashes ? hashes.value() : QSet<quint64>();
    bool goOn = true;
    {
        ReadAhead ahead(
            m_files, m_reader, stored,
            [this](qsizetype index) {
                if (!cancelled())
                    started(index);
            },
            [this](qsizetype index, int page, int pages) {
                if (!cancelled())
                    pageRead(index, page, pages);
            });
        // Short waits, so that Cancel and a batch's age are seen while a slow file is read.
        constexpr std::chrono::milliseconds kPoll {50};
        for (qsizetype i = 0; i < total && goOn;) {
            if (cancelled()) {
                m_summary.cancelled = true;
                break;
            }
            std::optional<Result<ReadFile>> read = ahead.take(i, kPoll);
            if (read) {
                if (m_batch.empty())
                    m_batchAge.start();
                if (!add(i, std::move(*read))) {
                    m_summary.cancelled = true;
                    break;
                }
                ++i;
            }
            if (batchIsFull())
                goOn = commit();
        }
    }
    // What was read before a Cancel is kept.
    if (goOn)
        commit();
    if (m_summary.stopped)
        m_summary.notAttempted = int(total) - m_summary.imported - m_summary.duplicates
            - int(m_summary.failures.size());
    return m_summary;
}

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
    Run run(*this, files, progress, cancel);
    return run.run();
}

Result<void> Importer::waitForConnection(ReviewLibrary &library, const Error &cause,
                                         const std::atomic<bool> *cancel) const
{
    QElapsedTimer timer;
    timer.start();
    int delay = kFirstReconnectDelayMs;
    QString reason = cause.message;
    while (timer.elapsed() < m_reconnectWindowMs && !(cancel && cancel->load())) {
        sleepUnlessCancelled(std::min<qint64>(delay, m_reconnectWindowMs - timer.elapsed()),
                             cancel);
        const Result<void> back = library.reconnect();
        if (back && library.isConnected())
            return {};
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

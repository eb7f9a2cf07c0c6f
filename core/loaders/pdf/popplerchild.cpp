// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "popplerchild.h"

#include "childprocess.h"
#include "clock.h"
#include "loaders/ocr/ocrlimits.h"

#include <QDataStream>
#include <QIODevice>
#include <QtEndian>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <new>

namespace nianbao {

namespace {

/** How long the parent waits for the child's data before it checks the budget again. */
constexpr int kSliceMs = 50;
/** The child's exit status when it ran out of memory (std::bad_alloc). */
constexpr int kExitOutOfMemory = 3;
/** The child's exit status when something else was thrown. */
constexpr int kExitThrown = 4;

enum class Record : quint8 { Opened, Page, End, OcrBegins };

qint64 residentBytes(pid_t pid)
{
    char name[32];
    std::snprintf(name, sizeof name, "%d", int(pid));
    return statmBytes(name, 1);
}

QDataStream &operator<<(QDataStream &out, const PdfWord &word)
{
    return out << word.text << word.box << word.spaceAfter;
}

QDataStream &operator>>(QDataStream &in, PdfWord &word)
{
    return in >> word.text >> word.box >> word.spaceAfter;
}

/** The child's end: each record, length first, to the pipe as soon as it is read. */
class PipeWriter final : public PopplerReceiver
{
public:
    explicit PipeWriter(int fd)
        : m_fd(fd)
    { }

    bool opened(PopplerPages::State state, int pageCount) override
    {
        return send(Record::Opened, [&](QDataStream &out) { out << quint8(state) << pageCount; });
    }
    bool page(PopplerPage &&page) override
    {
        return send(Record::Page, [&](QDataStream &out) {
            out << page.size << qint32(page.sidewaysCharacters) << page.crowded
                << quint32(page.words.size());
            for (const PdfWord &word : page.words)
                out << word;
            out << quint8(page.ocrState) << page.scan;
        });
    }
    bool ocrBegins() override
    {
        return send(Record::OcrBegins, [](QDataStream &) {});
    }
    bool end()
    {
        return send(Record::End, [](QDataStream &) {});
    }

private:
    template<typename Fields>
    bool send(Record kind, const Fields &fields)
    {
        QByteArray record(4, '\0');
        {
            QDataStream out(&record, QIODevice::WriteOnly | QIODevice::Append);
            out.setVersion(QDataStream::Qt_6_4);
            out << quint8(kind);
            fields(out);
        }
        qToBigEndian(quint32(record.size() - 4), record.data());
        return writeAll(m_fd, record.constData(), record.size());
    }

    int m_fd;
};

/** Runs in the forked child: Poppler, the records to `fd`, and _exit, never a return. */
[[noreturn]] void runChild(const QByteArray &bytes, int fd)
{
    closeFilesExcept(fd);
    limitChildMemory();
    if constexpr (!kAddressSanitizer) {
        // Poppler prints "Out of memory" before it aborts; the parent's error says it all.
        const int null = open("/dev/null", O_WRONLY);
        if (null >= 0)
            dup2(null, STDERR_FILENO);
    }
    // The parent keeps the budget and kills the child when it is spent; the child must not
    // stop at the deadline the parent has since extended.
    const ReadBudget unlimited(std::chrono::milliseconds::max());
    const ReadBudget::Scope scope(unlimited);
    try {
        PipeWriter writer(fd);
        readWithPoppler(bytes, writer);
        writer.end();
    } catch (const std::bad_alloc &) {
        _exit(kExitOutOfMemory);
    } catch (...) {
        _exit(kExitThrown);
    }
    // No atexit handlers, no Qt teardown, no leak check: the process is a copy of the parent.
    _exit(0);
}

/** The parent's end: the child's records as they come, the budget, the child's memory. */
class ChildReader
{
public:
    ChildReader(pid_t child, int fd, qint64 inherited)
        : m_child(child)
        , m_fd(fd)
        , m_inherited(inherited)
    { }
    Q_DISABLE_COPY_MOVE(ChildReader)

    PopplerPages read()
    {
        while (m_pages.stop == PopplerPages::Stop::No && !m_ended && !m_gone) {
            if (ReadBudget::current().exhausted()) {
                stopChild(PopplerPages::Stop::Budget);
            } else if (residentBytes(m_child) > m_inherited + kPopplerChildMemory) {
                stopChild(PopplerPages::Stop::Memory);
            } else {
                pollfd ready {m_fd, POLLIN, 0};
                if (poll(&ready, 1, kSliceMs) < 0 && errno != EINTR)
                    stopChild(PopplerPages::Stop::Crash);
                else
                    readAvailable();
            }
        }
        reap();
        if (!m_ended && m_pages.stop == PopplerPages::Stop::No)
            m_pages.stop = whyItDied();
        return std::move(m_pages);
    }

private:
    /** Reads what the pipe holds; at its end, or once the child is gone, what is left. */
    void readAvailable()
    {
        m_gone = drain() || exited();
        if (m_gone)
            drain(); // another process forked meanwhile may hold the pipe open: no end seen
        if (!takeRecords())
            stopChild(PopplerPages::Stop::Crash);
    }

    /** Appends what the pipe holds to m_buffer; true at the pipe's end. */
    bool drain()
    {
        char chunk[64 * 1024];
        while (true) {
            const ssize_t size = ::read(m_fd, chunk, sizeof chunk);
            if (size > 0)
                m_buffer.append(chunk, size);
            else if (size == 0)
                return true;
            else if (errno != EINTR)
                return false; // EAGAIN: nothing more for now
        }
    }

    /** Moves the complete records of m_buffer into m_pages; false if one is malformed. */
    bool takeRecords()
    {
        qsizetype at = 0;
        while (!m_ended && m_buffer.size() - at >= 4) {
            const quint32 size = qFromBigEndian<quint32>(m_buffer.constData() + at);
            if (m_buffer.size() - at - 4 < qsizetype(size))
                break;
            if (!takeRecord(QByteArray::fromRawData(m_buffer.constData() + at + 4, size)))
                return false;
            at += 4 + qsizetype(size);
        }
        m_buffer.remove(0, at);
        return true;
    }

    bool takeRecord(const QByteArray &record)
    {
        QDataStream in(record);
        in.setVersion(QDataStream::Qt_6_4);
        quint8 kind = 0;
        in >> kind;
        switch (Record(kind)) {
        case Record::Opened: {
            quint8 state = 0;
            in >> state >> m_pages.pageCount;
            m_pages.state = PopplerPages::State(state);
            break;
        }
        case Record::Page:
            takePage(in);
            break;
        case Record::End:
            m_ended = true;
            break;
        case Record::OcrBegins:
            ReadBudget::current().extend(kOcrTimePerPage);
            break;
        default:
            return false;
        }
        return in.status() == QDataStream::Ok;
    }

    void takePage(QDataStream &in)
    {
        PopplerPage page;
        qint32 sideways = 0;
        quint32 words = 0;
        in >> page.size >> sideways >> page.crowded >> words;
        page.sidewaysCharacters = sideways;
        if (words > kMaxWordsPerPdfPage || m_pages.pages.size() >= size_t(kMaxPdfPages)) {
            in.setStatus(QDataStream::ReadCorruptData);
            return;
        }
        page.words.resize(words);
        for (PdfWord &word : page.words)
            in >> word;
        quint8 ocrState = 0;
        in >> ocrState >> page.scan;
        page.ocrState = PopplerPage::Ocr(ocrState);
        m_pages.pages.push_back(std::move(page));
    }

    bool exited()
    {
        pid_t reaped = 0;
        do
            reaped = wait4(m_child, &m_status, WNOHANG, &m_usage);
        while (reaped < 0 && errno == EINTR);
        m_reaped = reaped != 0; // the child, or -1: nothing left to wait for
        return m_reaped;
    }

    void stopChild(PopplerPages::Stop why)
    {
        if (!m_reaped)
            kill(m_child, SIGKILL); // once reaped, its id may be another process's
        m_pages.stop = why;
    }

    void reap()
    {
        while (!m_reaped) {
            const pid_t reaped = wait4(m_child, &m_status, 0, &m_usage);
            m_reaped = reaped >= 0 || errno != EINTR;
        }
    }

    PopplerPages::Stop whyItDied() const
    {
        if (WIFEXITED(m_status) && WEXITSTATUS(m_status) == kExitOutOfMemory)
            return PopplerPages::Stop::Memory;
        // Poppler aborts when an allocation fails, and the kernel may kill a child that grows:
        // a child that died after taking half its memory ran out of it.
        const qint64 peak = qint64(m_usage.ru_maxrss) * 1024;
        if (peak > m_inherited + kPopplerChildMemory / 2)
            return PopplerPages::Stop::Memory;
        return PopplerPages::Stop::Crash;
    }

    pid_t m_child;
    int m_fd;
    qint64 m_inherited; ///< the resident memory the child started with, ours
    rusage m_usage {};
    PopplerPages m_pages;
    QByteArray m_buffer;
    int m_status = 0;
    bool m_ended = false; ///< the child sent all it read
    bool m_gone = false; ///< the pipe ended or the child exited
    bool m_reaped = false;
};

PopplerPages unstarted()
{
    PopplerPages pages;
    pages.stop = PopplerPages::Stop::Unstarted;
    return pages;
}

} // namespace

PopplerPages readPopplerPagesInChild(const QByteArray &bytes)
{
    int fds[2];
    // Close-on-exec: a program another thread starts meanwhile must not hold the pipe open.
    if (pipe2(fds, O_CLOEXEC) != 0)
        return unstarted();
    // The child inherits this process's pages: its resident memory starts at ours.
    const qint64 inherited = std::max<qint64>(residentBytes(getpid()), 0);
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        runChild(bytes, fds[1]);
    }
    close(fds[1]);
    if (child < 0) {
        close(fds[0]);
        return unstarted();
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    ChildReader reader(child, fds[0], inherited);
    PopplerPages pages = reader.read();
    close(fds[0]);
    return pages;
}

} // namespace nianbao

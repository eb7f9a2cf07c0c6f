// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pdfrenderchild.h"

#include "loaders/pdf/childprocess.h"
#include "loaders/pdf/popplerchild.h"

#include <QDeadlineTimer>

#include <poppler-qt6.h>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

namespace nianbao {

namespace {

/** What the child writes before the pixels: all in the parent's own byte order. */
struct Header
{
    qint32 pageCount = -1; ///< -1: the document or the page could not be rendered
    double width = 0; ///< the page in points
    double height = 0;
    qint32 imageWidth = 0;
    qint32 imageHeight = 0;
    qint32 bytesPerLine = 0;
};

/** The most a rendered page sends: 8 million pixels of 4 bytes, with room to spare. */
constexpr qsizetype kMaxPixelBytes = qsizetype(64) << 20;

/** The page as Poppler renders it; empty if the document or the page cannot be. */
std::optional<RenderedPdfPage> renderWithPoppler(const QByteArray &pdf, int page, int dpi)
{
    const std::unique_ptr<Poppler::Document> document = Poppler::Document::loadFromData(pdf);
    if (!document || document->isLocked())
        return std::nullopt;
    document->setRenderHint(Poppler::Document::Antialiasing);
    document->setRenderHint(Poppler::Document::TextAntialiasing);
    const std::unique_ptr<Poppler::Page> pdfPage = document->page(page);
    if (!pdfPage)
        return std::nullopt;
    const QImage image = pdfPage->renderToImage(dpi, dpi).convertToFormat(QImage::Format_RGB32);
    if (image.isNull())
        return std::nullopt;
    return RenderedPdfPage {document->numPages(), pdfPage->pageSizeF(), image};
}

/** Runs in the forked child: Poppler, the header and pixels to `fd`, and _exit. */
[[noreturn]] void runChild(const QByteArray &pdf, int page, int dpi, int fd)
{
    closeFilesExcept(fd);
    limitChildMemory();
    const std::optional<RenderedPdfPage> rendered = renderWithPoppler(pdf, page, dpi);
    Header header;
    if (rendered) {
        header.pageCount = rendered->pageCount;
        header.width = rendered->pageSize.width();
        header.height = rendered->pageSize.height();
        header.imageWidth = rendered->image.width();
        header.imageHeight = rendered->image.height();
        header.bytesPerLine = qint32(rendered->image.bytesPerLine());
    }
    const bool sent = writeAll(fd, reinterpret_cast<const char *>(&header), sizeof header)
        && (!rendered
            || writeAll(fd, reinterpret_cast<const char *>(rendered->image.constBits()),
                        rendered->image.sizeInBytes()));
    _exit(sent && rendered ? 0 : 1);
}

/** Reads what the child sends until it closes the pipe, the deadline passes or it sends too
 *  much; false unless it ended by itself. */
bool readFromChild(int fd, QByteArray &received)
{
    const QDeadlineTimer deadline(kRenderTimeoutMs);
    char buffer[1 << 16];
    while (true) {
        pollfd watched {fd, POLLIN, 0};
        const int ready = poll(&watched, 1, int(std::max<qint64>(deadline.remainingTime(), 0)));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready <= 0)
            return false;
        const ssize_t count = read(fd, buffer, sizeof buffer);
        if (count < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (count <= 0)
            return count == 0;
        received.append(buffer, count);
        if (received.size() > qsizetype(sizeof(Header)) + kMaxPixelBytes)
            return false;
    }
}

std::optional<RenderedPdfPage> parse(const QByteArray &received)
{
    Header header;
    if (received.size() < qsizetype(sizeof header))
        return std::nullopt;
    std::memcpy(&header, received.constData(), sizeof header);
    const qsizetype pixels = qsizetype(header.bytesPerLine) * header.imageHeight;
    if (header.pageCount < 0 || header.imageWidth <= 0 || header.imageHeight <= 0
        || header.bytesPerLine < header.imageWidth * 4
        || received.size() != qsizetype(sizeof header) + pixels)
        return std::nullopt;
    QImage image(header.imageWidth, header.imageHeight, QImage::Format_RGB32);
    for (int line = 0; line < header.imageHeight; ++line)
        std::memcpy(image.scanLine(line),
                    received.constData() + sizeof header + qsizetype(line) * header.bytesPerLine,
                    size_t(header.imageWidth) * 4);
    return RenderedPdfPage {header.pageCount, QSizeF(header.width, header.height), image};
}

} // namespace

std::optional<RenderedPdfPage> renderPdfPageInChild(const QByteArray &pdf, int page, int dpi)
{
    // As core reads PDFs under AddressSanitizer (loaders/pdf/pdfloader.cpp): clang 14's runtime
    // does not hold its allocator lock across fork, so a child could wait on it for ever.
    if constexpr (kAddressSanitizer)
        return renderWithPoppler(pdf, page, dpi);
    int fds[2];
    // Close-on-exec: a program another thread starts meanwhile must not hold the pipe open.
    if (pipe2(fds, O_CLOEXEC) != 0)
        return std::nullopt;
    const pid_t child = fork();
    if (child == 0) {
        close(fds[0]);
        runChild(pdf, page, dpi, fds[1]);
    }
    close(fds[1]);
    if (child < 0) {
        close(fds[0]);
        return std::nullopt;
    }
    QByteArray received;
    const bool ended = readFromChild(fds[0], received);
    close(fds[0]);
    if (!ended)
        kill(child, SIGKILL);
    int status = 0;
    while (waitpid(child, &status, 0) < 0 && errno == EINTR) { }
    if (!ended || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return parse(received);
}

} // namespace nianbao

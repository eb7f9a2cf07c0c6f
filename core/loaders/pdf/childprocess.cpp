// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "childprocess.h"

#include "popplerchild.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace nianbao {

qint64 statmBytes(const char *pid, int field)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%s/statm", pid);
    const int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char text[256] = {};
    const ssize_t size = read(fd, text, sizeof text - 1);
    close(fd);
    if (size <= 0)
        return -1;
    char *at = text;
    long long pages = std::strtoll(at, &at, 10);
    for (int i = 0; i < field; ++i)
        pages = std::strtoll(at, &at, 10);
    return qint64(pages) * sysconf(_SC_PAGESIZE);
}

bool writeAll(int fd, const char *data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = write(fd, data, size_t(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

void closeFilesExcept(int keep)
{
    if (keep > 3)
        close_range(3, unsigned(keep - 1), 0);
    close_range(unsigned(keep + 1), ~0U, 0);
}

void limitChildMemory()
{
    if constexpr (kAddressSanitizer)
        return;
    const qint64 size = statmBytes("self", 0);
    if (size < 0)
        return;
    const rlimit limit {rlim_t(size + kPopplerChildMemory), rlim_t(size + kPopplerChildMemory)};
    setrlimit(RLIMIT_AS, &limit);
}

} // namespace nianbao

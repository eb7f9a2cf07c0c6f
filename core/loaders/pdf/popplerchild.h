// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "popplerpages.h"

namespace nianbao {

/** Whether this build runs under AddressSanitizer, which reserves terabytes of address space
 *  and, in clang 14's runtime, does not hold its allocator lock across fork. */
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

/** Memory the child reading a PDF may take beyond what it inherits: a report's
 *  takes some 30 MB. */
constexpr qint64 kPopplerChildMemory = qint64(1) << 30;

/**
 * readWithPoppler in a forked child process, bounded: Poppler inflates streams without a
 * limit (through filter chains and encryption the pre-scan cannot see), cannot be stopped
 * inside a page, and crashes on some damaged files. The child may take kPopplerChildMemory
 * more address space (under AddressSanitizer, which reserves terabytes, the parent watches its
 * resident memory instead) and streams each page to the parent through a pipe. The parent
 * reads it in slices, checking ReadBudget::current() between them: when the budget is spent or
 * reading is cancelled it kills the child. It always reaps the child. The result's `stop` says
 * why it ended early: Budget, Memory (the child ran out of its memory), Crash (it died
 * otherwise, or its data ended early).
 *
 * Poppler is called only in children, never in this process, so no other thread can hold one
 * of its locks when a thread forks.
 */
PopplerPages readPopplerPagesInChild(const QByteArray &bytes);

} // namespace nianbao

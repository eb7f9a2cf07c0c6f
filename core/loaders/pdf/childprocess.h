// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

namespace nianbao {

/**
 * What a forked child running Poppler does for itself (reading a PDF in core, rendering a page
 * in the window): the same bounds for both, so neither child can outgrow the other's.
 */

/** Field `field` (0: size, 1: resident) of /proc/<pid>/statm, in bytes; -1 if unreadable. */
qint64 statmBytes(const char *pid, int field);

/** Writes all of `data` to `fd`, through interrupted and partial writes; false if it fails. */
bool writeAll(int fd, const char *data, qsizetype size);

/** In the child: closes every inherited file but the standard streams and `keep` (its pipe),
 *  so no other pipe of the parent's is held open by it. */
void closeFilesExcept(int keep);

/** In the child: limits what it may map to kPopplerChildMemory beyond what it inherited, so a
 *  decompression bomb ends in bad_alloc (not under AddressSanitizer, whose shadow memory
 *  takes terabytes; the parent's watch or timeout bounds the child there). */
void limitChildMemory();

} // namespace nianbao

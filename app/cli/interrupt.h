// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

namespace nianbao {

/**
 * A flag that Ctrl+C (SIGINT) turns true, for the readers' budget: the first Ctrl+C stops the
 * file being read and the files after it (read.cancelled), so the command still prints what it
 * has; a second one ends the program at once.
 */
const std::atomic<bool> &interruptFlag();

} // namespace nianbao

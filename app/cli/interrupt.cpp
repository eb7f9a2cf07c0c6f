// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "interrupt.h"

#include <QtGlobal>

#include <csignal>

namespace nianbao {

namespace {

std::atomic<bool> interrupted {false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void onInterrupt(int)
{
    interrupted.store(true, std::memory_order_relaxed);
    std::signal(SIGINT, SIG_DFL); // a second Ctrl+C ends the program the usual way
}

} // namespace

const std::atomic<bool> &interruptFlag()
{
    static const bool installed = [] {
        std::signal(SIGINT, onInterrupt);
        return true;
    }();
    Q_UNUSED(installed);
    return interrupted;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>

namespace nianbao {

/**
 * Where the audit trail gets its time. The system clock in the application; tests install
 * a fixed or stepping clock so recorded corrections are reproducible.
 */
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;

    /** The real clock, in UTC. */
    static const Clock &system();
};

} // namespace nianbao

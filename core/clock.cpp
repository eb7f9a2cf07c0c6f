// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"

#include <QCoreApplication>

namespace nianbao {

namespace {
class SystemClock final : public Clock
{
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

thread_local const ReadBudget *installedBudget = nullptr;
} // namespace

const Clock &Clock::system()
{
    static const SystemClock instance;
    return instance;
}

ReadBudget::ReadBudget(std::chrono::milliseconds time, const std::atomic<bool> *cancel)
    : m_deadline(time == std::chrono::milliseconds::max() ? QDeadlineTimer(QDeadlineTimer::Forever)
                                                          : QDeadlineTimer(time))
    , m_time(time)
    , m_cancel(cancel)
{ }

void ReadBudget::extend(std::chrono::milliseconds more) const
{
    if (m_deadline.isForever())
        return;
    m_deadline += more.count();
    m_time += more;
}

Error ReadBudget::error(const QString &where) const
{
    using namespace Qt::StringLiterals;
    if (cancelled()) {
        return Error {
            u"read.cancelled"_s,
            QCoreApplication::translate("nianbao::ReadBudget", "Reading was cancelled (at %1).")
                .arg(where),
            {}};
    }
    return Error {u"read.too_slow"_s,
                  QCoreApplication::translate(
                      "nianbao::ReadBudget",
                      "Reading stopped at %1: the file took more than the %2 s one file may "
                      "take, far longer than any report; it is larger or more complex than a "
                      "report can be.")
                      .arg(where)
                      .arg(m_time.count() / 1000.0),
                  {}};
}

const ReadBudget &ReadBudget::current()
{
    static const ReadBudget unlimited(std::chrono::milliseconds::max());
    return installedBudget ? *installedBudget : unlimited;
}

ReadBudget::Scope::Scope(const ReadBudget &budget)
    : m_previous(installedBudget)
{
    installedBudget = &budget;
}

ReadBudget::Scope::~Scope()
{
    installedBudget = m_previous;
}

} // namespace nianbao

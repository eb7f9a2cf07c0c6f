// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellvalue.h"

#include <array>
#include <utility>

namespace nianbao {

namespace {
constexpr std::array<std::pair<CellState, const char16_t *>, 5> kStateNames {{
    {CellState::Missing, u"missing"},
    {CellState::Extracted, u"extracted"},
    {CellState::Unreadable, u"unreadable"},
    {CellState::Corrected, u"corrected"},
    {CellState::Deduced, u"deduced"},
}};
} // namespace

QString cellStateName(CellState state)
{
    for (const auto &[candidate, name] : kStateNames) {
        if (candidate == state)
            return QString::fromUtf16(name);
    }
    return {};
}

std::optional<CellState> cellStateFromName(QStringView name)
{
    for (const auto &[state, candidate] : kStateNames) {
        if (name == QStringView(candidate))
            return state;
    }
    return std::nullopt;
}

QString describe(const CellValue &cell)
{
    const QString value = cell.value ? QString::number(*cell.value) : QStringLiteral("null");
    return value % u' ' % cellStateName(cell.state) % u' ' % describe(cell.span);
}

QDebug operator<<(QDebug debug, const CellValue &cell)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "CellValue(" << describe(cell) << ")";
    return debug;
}

} // namespace nianbao

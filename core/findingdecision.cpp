// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingdecision.h"

#include <array>

namespace nianbao {

namespace {
constexpr std::array<const char *, 3> kDecisionKeys = {"open", "confirmed", "dismissed"};
} // namespace

QString decisionStateKey(DecisionState state)
{
    return QLatin1StringView(kDecisionKeys[size_t(state)]);
}

std::optional<DecisionState> decisionStateFromKey(QStringView key)
{
    for (size_t i = 0; i < kDecisionKeys.size(); ++i) {
        if (key == QLatin1StringView(kDecisionKeys[i]))
            return DecisionState(i);
    }
    return std::nullopt;
}

} // namespace nianbao

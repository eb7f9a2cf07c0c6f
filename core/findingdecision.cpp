// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingdecision.h"

#include "finding.h"
#include "reporttemplate.h"

#include <QStringList>

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

QString findingSignature(const Finding &finding, const ReportTemplate &reportTemplate)
{
    QStringList keys;
    keys.reserve(finding.cells.size());
    for (int cell : finding.cells) {
        if (cell >= 0 && cell < reportTemplate.cellCount())
            keys.append(reportTemplate.cells()[cell].key.toString());
    }
    keys.sort();
    return finding.rule + u':' + keys.join(u',');
}

FindingDecision decisionOn(const Finding &finding, const QHash<QString, FindingDecision> &decisions,
                           const ReportTemplate &reportTemplate)
{
    return decisions.value(findingSignature(finding, reportTemplate));
}

} // namespace nianbao

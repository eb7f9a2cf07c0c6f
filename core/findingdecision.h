// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

#include <optional>

namespace nianbao {

struct Finding;
class ReportTemplate;

/** What a reviewer decided about one finding. */
enum class DecisionState : quint8 {
    Open, ///< not decided yet (every finding starts so; reopening returns here)
    Confirmed, ///< the reviewer agrees: the agency must correct it
    Dismissed, ///< the reviewer set it aside, with a reason ("agency confirmed the figure")
};

/** "open", "confirmed", "dismissed", for storage and JSON. */
QString decisionStateKey(DecisionState state);
std::optional<DecisionState> decisionStateFromKey(QStringView key);

/**
 * A reviewer's decision on a finding, kept in the library by the finding's signature (its rule
 * and the keys of its cells) so that it survives re-import and re-checking. A dismissed finding
 * stays visible (greyed) and is left out of the review opinion.
 */
struct FindingDecision
{
    DecisionState state = DecisionState::Open;
    QString reason; ///< why it was dismissed (or a note on a confirmation)
    QString reviewer;
    QDateTime when;

    bool isOpen() const { return state == DecisionState::Open; }
    friend bool operator==(const FindingDecision &, const FindingDecision &) = default;
};

/**
 * What identifies a finding across re-checks and re-imports: its rule and the keys of its cells
 * ("requests.balance:requests.received.natural,…"), not its position in the list.
 */
QString findingSignature(const Finding &finding, const ReportTemplate &reportTemplate);

/** The decision on `finding` in `decisions` (by signature), Open when there is none. */
FindingDecision decisionOn(const Finding &finding, const QHash<QString, FindingDecision> &decisions,
                           const ReportTemplate &reportTemplate);

} // namespace nianbao

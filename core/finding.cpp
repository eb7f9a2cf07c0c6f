// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

#include <algorithm>
#include <array>

namespace nianbao {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString faultName(Fault fault)
{
    return fault == Fault::Reading ? QStringLiteral("reading") : QStringLiteral("source");
}

QString FindingKey::toString() const
{
    // In FindingKind's order.
    static constexpr std::array<const char *, 11> kNames
        = {"missing", "domain",    "check", "statement", "relation", "zeros",
           "split",   "splittext", "carry", "stockflow", "rollup"};
    return QLatin1StringView(kNames[size_t(kind)]) + u':' + QString::number(index);
}

const Finding *findByKey(const QList<Finding> &findings, FindingKey key)
{
    const auto at = std::lower_bound(
        findings.cbegin(), findings.cend(), key,
        [](const Finding &finding, const FindingKey &wanted) { return finding.key < wanted; });
    return at != findings.cend() && at->key == key ? &*at : nullptr;
}

QString describe(const Finding &finding)
{
    QStringList cells;
    for (int cell : finding.cells)
        cells.append(QString::number(cell));
    QString text = finding.rule % u' ' % severityName(finding.severity) % u" cells ["
        % cells.join(u',') % u']';
    if (finding.suggestion) {
        text += QStringLiteral(" suggest %1=%2")
                    .arg(finding.suggestion->cell)
                    .arg(finding.suggestion->value);
    }
    return text;
}

QDebug operator<<(QDebug debug, const Finding &finding)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "Finding(" << describe(finding) << ")";
    return debug;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "finding.h"

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

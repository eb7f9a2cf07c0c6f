// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QString>

namespace nianbao {

/**
 * A half-open range [start, end) in UTF-16 units of a document's decoded text.
 * The document view and the extractor count in these units; JSON output converts them to code
 * points (see CodePointIndex).
 */
struct SourceSpan
{
    int start = -1;
    int end = -1;

    bool isValid() const { return start >= 0 && end >= start; }
    int length() const { return end - start; }
    bool contains(int position) const { return position >= start && position < end; }

    friend bool operator==(const SourceSpan &, const SourceSpan &) = default;
};

inline QString describe(const SourceSpan &span)
{
    return span.isValid() ? QStringLiteral("[%1, %2)").arg(span.start).arg(span.end)
                          : QStringLiteral("(none)");
}

inline QDebug operator<<(QDebug debug, const SourceSpan &span)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "SourceSpan" << describe(span);
    return debug;
}

} // namespace nianbao

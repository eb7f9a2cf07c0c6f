// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QTranslator>

namespace nianbao::test {

/**
 * Translates every string of Nianbao's contexts to itself behind kMark, so a test sees which
 * texts went through translation: in the Chinese window, one without the mark would be English.
 */
class MarkingTranslator final : public QTranslator
{
public:
    static constexpr char16_t kMark = u'译';

    QString translate(const char *context, const char *sourceText, const char * = nullptr,
                      int = -1) const override
    {
        if (!QByteArrayView(context).startsWith("nianbao"))
            return {};
        return kMark + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace nianbao::test

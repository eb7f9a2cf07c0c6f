// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "labelmatcher.h"

#include <algorithm>

namespace nianbao {

namespace {
constexpr double kFuzzyThreshold = 0.6;
}

double containedScore(QStringView lineLabel, const QStringList &variants)
{
    qsizetype longest = 1;
    for (const QString &variant : variants)
        longest = std::max(longest, variant.size());
    qsizetype best = 0;
    for (const QString &variant : variants) {
        if (variant.size() > best && lineLabel.contains(variant))
            best = variant.size();
    }
    if (best == 0)
        return 0;
    return kContainedScore + (1.0 - kContainedScore) * double(best) / double(longest);
}

double bigramCoverage(QStringView variant, QStringView label)
{
    if (variant.size() < 2 || label.size() < 2)
        return variant == label ? 1.0 : 0.0;
    int found = 0;
    for (qsizetype i = 0; i + 1 < variant.size(); ++i) {
        if (label.contains(variant.sliced(i, 2)))
            ++found;
    }
    return double(found) / double(variant.size() - 1);
}

double labelScore(QStringView lineLabel, const QStringList &variants)
{
    if (lineLabel.isEmpty())
        return 0;
    const double contained = containedScore(lineLabel, variants);
    if (contained > 0)
        return contained;
    double best = 0;
    for (const QString &variant : variants) {
        if (variant.size() >= 3)
            best = std::max(best, bigramCoverage(variant, lineLabel));
    }
    return best >= kFuzzyThreshold ? kContainedScore * best : 0.0;
}

} // namespace nianbao

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
    // Labels and spellings are a few dozen characters: a plain scan beats a substring search.
    auto containsPair = [label](QChar a, QChar b) {
        for (qsizetype j = 0; j + 1 < label.size(); ++j) {
            if (label[j] == a && label[j + 1] == b)
                return true;
        }
        return false;
    };
    int found = 0;
    for (qsizetype i = 0; i + 1 < variant.size(); ++i) {
        if (containsPair(variant[i], variant[i + 1]))
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

namespace {
quint32 bigramKey(QChar a, QChar b)
{
    return (quint32(a.unicode()) << 16) | b.unicode();
}
} // namespace

LabelIndex::LabelIndex(const QList<QStringList> &variantsPerRow)
{
    for (int row = 0; row < int(variantsPerRow.size()); ++row) {
        qsizetype longest = 1;
        for (const QString &variant : variantsPerRow[row]) {
            longest = std::max(longest, variant.size());
            if (variant.size() == 1)
                m_single.push_back({row, variant});
            else if (variant.size() > 1)
                m_byBigram[bigramKey(variant[0], variant[1])].push_back({row, variant});
        }
        m_longest.push_back(longest);
    }
}

void LabelIndex::containedScores(QStringView label, std::vector<double> &scores) const
{
    std::vector<qsizetype> best(m_longest.size(), 0);
    for (qsizetype i = 0; i + 1 < label.size(); ++i) {
        const auto entries = m_byBigram.constFind(bigramKey(label[i], label[i + 1]));
        if (entries == m_byBigram.cend())
            continue;
        for (const Entry &entry : *entries) {
            if (entry.variant.size() > best[size_t(entry.row)]
                && label.sliced(i).startsWith(entry.variant))
                best[size_t(entry.row)] = entry.variant.size();
        }
    }
    for (const Entry &entry : m_single) {
        if (best[size_t(entry.row)] == 0 && label.contains(entry.variant))
            best[size_t(entry.row)] = 1;
    }
    scores.assign(m_longest.size(), 0.0);
    for (size_t row = 0; row < best.size(); ++row) {
        if (best[row] > 0)
            scores[row] = kContainedScore
                + (1.0 - kContainedScore) * double(best[row]) / double(m_longest[row]);
    }
}

} // namespace nianbao

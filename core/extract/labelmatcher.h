// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <vector>

namespace nianbao {

/** Score of a label that contains a template spelling outright; fuzzy matches score below. */
inline constexpr double kContainedScore = 0.7;

/**
 * How well a line's label (reduced by labelKey) names a template label, from 0 to 1.
 * Containing one of the spellings scores at least kContainedScore, more for longer spellings;
 * otherwise the share of a spelling's character pairs found in the label (OCR typos such as
 * 总记 for 总计) scores up to kContainedScore when at least 60% of them are there.
 */
double labelScore(QStringView lineLabel, const QStringList &variants);

/** Only the containment part of labelScore: 0 when no spelling is contained. */
double containedScore(QStringView lineLabel, const QStringList &variants);

/** Share of `variant`'s character pairs that occur in `label`, 0 … 1. */
double bigramCoverage(QStringView variant, QStringView label);

/**
 * The label spellings of a table's rows, indexed by their first two characters, so that the
 * containment scores of one line against every row cost one pass over the line.
 */
class LabelIndex
{
public:
    LabelIndex() = default;
    explicit LabelIndex(const QList<QStringList> &variantsPerRow);

    /** containedScore() of `label` for every row, into `scores` (resized to the row count). */
    void containedScores(QStringView label, std::vector<double> &scores) const;

private:
    struct Entry
    {
        int row;
        QString variant;
    };
    QHash<quint32, std::vector<Entry>> m_byBigram;
    std::vector<Entry> m_single; ///< one-character spellings
    std::vector<qsizetype> m_longest; ///< per row: its longest spelling's length
};

} // namespace nianbao

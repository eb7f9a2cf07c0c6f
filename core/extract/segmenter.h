// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <cstdint>
#include <vector>

namespace nianbao {

/**
 * The figures of one table row as a run of digits whose separators were lost (a crawler's
 * text of a web page: 一、本年新收政府信息公开申请数量801000081 is 80 | 1 | 0 | 0 | 0 | 0 | 81).
 * A space that survived is a certain boundary; elsewhere every split point is possible.
 */
struct DigitRun
{
    QString digits; ///< the digits only, in order
    std::vector<int> positions; ///< per digit: its offset in the normalized text
    std::vector<bool> breakBefore; ///< per digit: a separator stands before it
    std::vector<int> cells; ///< template cell per column of the row, in order
};

/** One way to cut a run into its row's cells. */
struct Split
{
    std::vector<int> lengths; ///< digits per cell
    std::vector<double> values;

    friend bool operator==(const Split &, const Split &) = default;
};

/** A linear rule instance over template cells: sum(sign * cell) = 0. */
struct SegmentRule
{
    std::vector<std::pair<int, int>> terms; ///< (cell, sign)
};

/**
 * A soft preference between solutions that the rules leave tied. The narrative's figures
 * outweigh plausibility: a stated figure is evidence, plausibility only a likelihood.
 */
struct SegmentPreference
{
    enum Kind {
        Equals, ///< cell == value (a figure the narrative states)
        AtLeast, ///< sum(sign * cell) >= 0 over cells of one run (a plausible relation)
    } kind
        = Equals;
    int cell = -1; ///< Equals
    double value = 0; ///< Equals
    std::vector<std::pair<int, int>> terms; ///< AtLeast: (cell, sign)
};

/** What the segmenter decided for every run. */
struct Segmentation
{
    /** Per run: the splits of the best solutions; one when the run is decided, none when the
     *  run cannot be cut into its cells at all. */
    std::vector<std::vector<Split>> splits;
    int brokenRules = 0; ///< rule instances the best solutions break
    bool exhausted = false; ///< a work limit was reached: undecided runs stay undecided
    /** Per run decided only by agreeing with the narrative's figures: the splits the rules
     *  alone leave tied (else empty). Such a run is read, and the reviewer is told. */
    std::vector<std::vector<Split>> tiedByRules;
};

/**
 * Cuts digit runs into cells exactly: every split of every run is enumerated (no cell longer
 * than kMaxDigits, no leading zero), then a dynamic programme over the runs keeps, per vector of
 * partial rule sums, the cheapest cost; a rule's sum is settled as soon as its last run is
 * placed, which keeps the state space small. The cost is the number of broken rule instances,
 * then the preferences broken. A forward and a backward pass give, per run, every split that
 * belongs to some cheapest solution, so the caller can leave a run undecided instead of
 * guessing. Work is bounded (kMaxSplitsPerRun, kMaxStates, kMaxTransitions); past a limit only
 * runs that can be cut one way are decided.
 */
class Segmenter
{
public:
    static constexpr int kMaxDigits = 9; ///< a count of a billion or more is not a cell
    static constexpr int kMaxSplitsPerRun = 2000;
    static constexpr int kMaxStates = 20000; ///< keys per row boundary
    static constexpr long long kMaxTransitions = 4000000; ///< work of one table, all passes

    static Segmentation solve(const std::vector<DigitRun> &runs,
                              const std::vector<SegmentRule> &rules,
                              const std::vector<SegmentPreference> &preferences);

    /** Every split of one run into `cells` counts, capped; `exhausted` set when capped. */
    static std::vector<Split> splitsOf(const DigitRun &run, bool *exhausted);
};

} // namespace nianbao

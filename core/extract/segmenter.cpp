// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmenter.h"

#include "clock.h"

#include <algorithm>
#include <limits>
#include <map>
#include <optional>

namespace nianbao {

namespace {

constexpr std::int64_t kRuleCost = std::int64_t(1) << 32; ///< outweighs every preference
constexpr std::int64_t kStatedFigureCost = std::int64_t(1) << 16; ///< outweighs plausibility
constexpr int kMaxSearchNodes = 200000; ///< per run: bounds a long run's enumeration

/**
 * Whether the file's time budget has run out (or reading was cancelled), asked every 4,096
 * units of work: the work limits bound the search, but on a slow machine or a sanitized build
 * even bounded work must stop when the budget does (a fuzzed table took 24 s at -O0).
 */
bool outOfTime(long long work)
{
    return (work & 4095) == 0 && ReadBudget::current().exhausted();
}

class SplitEnumerator
{
public:
    SplitEnumerator(const DigitRun &run, std::vector<Split> &out)
        : m_run(run)
        , m_out(out)
        , m_width(int(run.cells.size()))
        , m_length(int(run.digits.size()))
    { }

    bool enumerate() // false when a limit was reached
    {
        m_lengths.clear();
        visit(0);
        return !m_stopped;
    }

private:
    void visit(int position)
    {
        if (m_stopped)
            return;
        if (++m_nodes > kMaxSearchNodes || int(m_out.size()) >= Segmenter::kMaxSplitsPerRun
            || outOfTime(m_nodes)) {
            m_stopped = true;
            return;
        }
        const int placed = int(m_lengths.size());
        const int cellsLeft = m_width - placed;
        const int digitsLeft = m_length - position;
        if (cellsLeft == 0) {
            if (digitsLeft == 0)
                record();
            return;
        }
        if (digitsLeft < cellsLeft || digitsLeft > cellsLeft * Segmenter::kMaxDigits)
            return;
        const int longest = m_run.digits[position] == u'0' ? 1 : Segmenter::kMaxDigits;
        for (int length = 1; length <= longest && length <= digitsLeft; ++length) {
            if (length > 1 && m_run.breakBefore[size_t(position + length - 1)])
                break; // a cell never spans a separator that survived
            m_lengths.push_back(length);
            visit(position + length);
            m_lengths.pop_back();
        }
    }

    void record()
    {
        Split split;
        split.lengths = m_lengths;
        int position = 0;
        for (int length : m_lengths) {
            split.values.push_back(m_run.digits.sliced(position, length).toDouble());
            position += length;
        }
        m_out.push_back(std::move(split));
    }

    const DigitRun &m_run;
    std::vector<Split> &m_out;
    const int m_width;
    const int m_length;
    std::vector<int> m_lengths;
    int m_nodes = 0;
    bool m_stopped = false;
};

/** Where each template cell stands among the runs. */
struct CellPlace
{
    int run = -1;
    int column = -1;
};

using Key = std::vector<std::int64_t>; ///< the partial sums of the rules still open
using Layer = std::map<Key, std::int64_t>; ///< each reachable key and its cheapest cost

/** The splits of each run that belong to some cheapest solution, and that cost. */
struct Optimum
{
    std::vector<std::vector<int>> splits;
    std::int64_t cost = 0;
};

class Programme
{
public:
    Programme(const std::vector<DigitRun> &runs, const std::vector<SegmentRule> &rules,
              const std::vector<SegmentPreference> &preferences, Segmentation &out)
        : m_runs(runs)
        , m_rules(rules)
        , m_preferences(preferences)
        , m_out(out)
    { }

    void run();

private:
    bool enumerateSplits();
    void classifyRules();
    int localRulesBroken(int run, const Split &split) const;
    std::int64_t preferenceCost(int run, const Split &split) const;
    double valueOf(int cell, int run, const Split &split) const;
    std::int64_t step(const Key &from, int run, int split, Key &to) const;
    std::optional<Optimum> solve(const std::vector<std::vector<bool>> &allowed, bool preferences);
    void decideUniqueOnly();
    void publish(const Optimum &optimum, const std::optional<Optimum> &byRulesAlone);

    const std::vector<DigitRun> &m_runs;
    const std::vector<SegmentRule> &m_rules;
    const std::vector<SegmentPreference> &m_preferences;
    Segmentation &m_out;
    std::vector<std::vector<Split>> m_splits;
    std::vector<std::vector<int>> m_localBroken; ///< per run and split
    std::vector<std::vector<std::int64_t>> m_preferenceCost; ///< per run and split
    std::vector<CellPlace> m_place; ///< indexed by template cell
    std::vector<int> m_localRules; ///< rules within one run
    std::vector<int> m_crossRules; ///< rules over several runs: the state
    std::vector<int> m_lastRunOf; ///< per cross rule (by position in m_crossRules)
    long long m_transitions = 0; ///< against kMaxTransitions, over every pass

    /** One more transition: false past the work limit or the file's time budget. */
    bool overWork()
    {
        return ++m_transitions > Segmenter::kMaxTransitions || outOfTime(m_transitions);
    }
};

bool Programme::enumerateSplits()
{
    m_splits.resize(m_runs.size());
    int maxCell = 0;
    for (const DigitRun &run : m_runs) {
        for (int cell : run.cells)
            maxCell = std::max(maxCell, cell);
    }
    m_place.assign(size_t(maxCell + 1), {});
    bool complete = true;
    for (int r = 0; r < int(m_runs.size()); ++r) {
        SplitEnumerator enumerator(m_runs[size_t(r)], m_splits[size_t(r)]);
        if (!enumerator.enumerate())
            complete = false; // too many ways: only what is certain may be read
        if (m_splits[size_t(r)].empty())
            continue;
        const auto &cells = m_runs[size_t(r)].cells;
        for (int c = 0; c < int(cells.size()); ++c)
            m_place[size_t(cells[size_t(c)])] = {r, c};
    }
    return complete;
}

void Programme::classifyRules()
{
    for (int i = 0; i < int(m_rules.size()); ++i) {
        int first = -1;
        int last = -1;
        bool placed = true;
        for (const auto &[cell, sign] : m_rules[size_t(i)].terms) {
            const int run = cell < int(m_place.size()) ? m_place[size_t(cell)].run : -1;
            if (run < 0) {
                placed = false; // a cell outside the runs: the rule cannot be judged here
                break;
            }
            first = first < 0 ? run : std::min(first, run);
            last = std::max(last, run);
        }
        if (!placed)
            continue;
        if (first == last) {
            m_localRules.push_back(i);
        } else {
            m_crossRules.push_back(i);
            m_lastRunOf.push_back(last);
        }
    }
}

double Programme::valueOf(int cell, int run, const Split &split) const
{
    const CellPlace place = cell < int(m_place.size()) ? m_place[size_t(cell)] : CellPlace {};
    return place.run == run ? split.values[size_t(place.column)] : -1;
}

std::int64_t Programme::preferenceCost(int run, const Split &split) const
{
    std::int64_t cost = 0;
    for (const SegmentPreference &preference : m_preferences) {
        if (preference.kind == SegmentPreference::Equals) {
            const double value = valueOf(preference.cell, run, split);
            cost += value >= 0 && value != preference.value ? kStatedFigureCost : 0;
            continue;
        }
        double sum = 0;
        bool inRun = !preference.terms.empty();
        for (const auto &[cell, sign] : preference.terms) {
            const double value = valueOf(cell, run, split);
            inRun = inRun && value >= 0;
            sum += sign * value;
        }
        cost += inRun && sum < 0 ? 1 : 0;
    }
    return cost;
}

int Programme::localRulesBroken(int run, const Split &split) const
{
    int broken = 0;
    for (int i : m_localRules) {
        const SegmentRule &rule = m_rules[size_t(i)];
        if (m_place[size_t(rule.terms.front().first)].run != run)
            continue;
        double sum = 0;
        for (const auto &[cell, sign] : rule.terms)
            sum += sign * split.values[size_t(m_place[size_t(cell)].column)];
        broken += sum != 0 ? 1 : 0;
    }
    return broken;
}

/** The key after placing `split` of `run`; returns the rule cost of the rules it settles. */
std::int64_t Programme::step(const Key &from, int run, int split, Key &to) const
{
    to = from;
    std::int64_t cost = 0;
    const Split &chosen = m_splits[size_t(run)][size_t(split)];
    for (size_t x = 0; x < m_crossRules.size(); ++x) {
        for (const auto &[cell, sign] : m_rules[size_t(m_crossRules[x])].terms) {
            const double value = valueOf(cell, run, chosen);
            if (value >= 0)
                to[x] += sign * std::int64_t(value);
        }
        if (m_lastRunOf[x] == run) { // the rule is complete: settle it
            cost += to[x] != 0 ? kRuleCost : 0;
            to[x] = 0;
        }
    }
    return cost;
}

/**
 * The cheapest total cost and, per run, every split that is part of some cheapest solution:
 * a forward pass gives each key's cheapest cost so far, a backward pass its cheapest cost to
 * the end, and a split lies on an optimum when the two and its own cost add up to the best.
 * Exact, with no list of solutions to cut short. None when a work limit is reached.
 */
std::optional<Optimum> Programme::solve(const std::vector<std::vector<bool>> &allowed,
                                        bool preferences)
{
    const size_t n = m_runs.size();
    const auto ownCost = [&](size_t r, size_t s) {
        return std::int64_t(m_localBroken[r][s]) * kRuleCost
            + (preferences ? m_preferenceCost[r][s] : 0);
    };
    std::vector<Layer> forward(n + 1);
    forward[0][Key(m_crossRules.size(), 0)] = 0;
    Key next;
    for (size_t r = 0; r < n; ++r) {
        if (m_splits[r].empty()) {
            forward[r + 1] = forward[r];
            continue;
        }
        for (const auto &[key, cost] : forward[r]) {
            for (size_t s = 0; s < m_splits[r].size(); ++s) {
                if (!allowed[r][s])
                    continue;
                if (overWork())
                    return std::nullopt;
                const std::int64_t total = cost + ownCost(r, s) + step(key, int(r), int(s), next);
                const auto [at, fresh] = forward[r + 1].try_emplace(next, total);
                if (!fresh)
                    at->second = std::min(at->second, total);
            }
        }
        if (forward[r + 1].size() > size_t(Segmenter::kMaxStates))
            return std::nullopt;
    }
    if (forward[n].empty())
        return std::nullopt;
    Optimum optimum;
    optimum.cost = forward[n].begin()->second;
    for (const auto &[key, cost] : forward[n])
        optimum.cost = std::min(optimum.cost, cost);
    optimum.splits.assign(n, {});
    Layer after;
    for (const auto &[key, cost] : forward[n])
        after[key] = 0;
    for (size_t r = n; r-- > 0;) {
        if (m_splits[r].empty())
            continue;
        Layer before;
        std::vector<bool> optimal(m_splits[r].size(), false);
        for (const auto &[key, cost] : forward[r]) {
            std::int64_t toEnd = std::numeric_limits<std::int64_t>::max();
            for (size_t s = 0; s < m_splits[r].size(); ++s) {
                if (!allowed[r][s])
                    continue;
                if (overWork())
                    return std::nullopt;
                const std::int64_t own = ownCost(r, s) + step(key, int(r), int(s), next);
                const auto rest = after.find(next);
                if (rest == after.end())
                    continue;
                toEnd = std::min(toEnd, own + rest->second);
                if (cost + own + rest->second == optimum.cost)
                    optimal[s] = true;
            }
            if (toEnd != std::numeric_limits<std::int64_t>::max())
                before[key] = toEnd;
        }
        after = std::move(before);
        for (size_t s = 0; s < optimal.size(); ++s) {
            if (optimal[s])
                optimum.splits[r].push_back(int(s));
        }
    }
    return optimum;
}

/** After a limit: only runs that can be cut one way are read; the rest stay undecided. */
void Programme::decideUniqueOnly()
{
    m_out.exhausted = true;
    for (size_t r = 0; r < m_runs.size(); ++r)
        m_out.splits[r] = m_splits[r].size() == 1 ? m_splits[r] : std::vector<Split> {};
}

void Programme::publish(const Optimum &optimum, const std::optional<Optimum> &byRulesAlone)
{
    m_out.brokenRules = int(optimum.cost / kRuleCost);
    m_out.tiedByRules.assign(m_runs.size(), {});
    for (size_t r = 0; r < m_runs.size(); ++r) {
        for (int s : optimum.splits[r])
            m_out.splits[r].push_back(m_splits[r][size_t(s)]);
        // Decided only by agreeing with the narrative: the rules alone leave several ways.
        const std::vector<int> *tied = byRulesAlone ? &byRulesAlone->splits[r] : nullptr;
        if (optimum.splits[r].size() == 1 && (!tied || tied->size() > 1)) {
            if (!tied) {
                m_out.tiedByRules[r] = m_splits[r];
            } else {
                for (int s : *tied)
                    m_out.tiedByRules[r].push_back(m_splits[r][size_t(s)]);
            }
            if (m_out.tiedByRules[r].size() < 2)
                m_out.tiedByRules[r].clear();
        }
    }
}

void Programme::run()
{
    m_out.splits.assign(m_runs.size(), {});
    m_out.tiedByRules.assign(m_runs.size(), {});
    if (!enumerateSplits()) {
        decideUniqueOnly(); // a run too long to enumerate leaves its rules unjudged
        return;
    }
    classifyRules();
    std::vector<std::vector<bool>> filtered(m_runs.size());
    std::vector<std::vector<bool>> every(m_runs.size());
    m_localBroken.assign(m_runs.size(), {});
    m_preferenceCost.assign(m_runs.size(), {});
    for (size_t r = 0; r < m_runs.size(); ++r) {
        int fewest = std::numeric_limits<int>::max();
        for (const Split &split : m_splits[r]) {
            m_localBroken[r].push_back(localRulesBroken(int(r), split));
            m_preferenceCost[r].push_back(preferenceCost(int(r), split));
            fewest = std::min(fewest, m_localBroken[r].back());
        }
        for (int broken : m_localBroken[r]) {
            filtered[r].push_back(broken == fewest);
            every[r].push_back(true);
        }
    }
    // First among the splits that keep each row's own rules as well as it can be kept (small);
    // when that breaks a rule, among every split, for the fewest broken rules overall.
    std::optional<Optimum> optimum = solve(filtered, true);
    std::vector<std::vector<bool>> *used = &filtered;
    if (!optimum || optimum->cost >= kRuleCost) {
        std::optional<Optimum> exact = solve(every, true);
        if (exact) {
            optimum = exact;
            used = &every;
        }
    }
    if (!optimum) {
        decideUniqueOnly();
        return;
    }
    publish(*optimum, solve(*used, false));
}

} // namespace

std::vector<Split> Segmenter::splitsOf(const DigitRun &run, bool *exhausted)
{
    std::vector<Split> out;
    SplitEnumerator enumerator(run, out);
    const bool complete = enumerator.enumerate();
    if (exhausted)
        *exhausted = !complete;
    return out;
}

Segmentation Segmenter::solve(const std::vector<DigitRun> &runs,
                              const std::vector<SegmentRule> &rules,
                              const std::vector<SegmentPreference> &preferences)
{
    Segmentation out;
    Programme programme(runs, rules, preferences, out);
    programme.run();
    return out;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "segmenter.h"

#include <algorithm>
#include <map>
#include <memory>

namespace nianbao {

namespace {

constexpr std::int64_t kRuleCost = 1000; ///< one broken rule outweighs every preference
constexpr int kMaxSearchNodes = 200000; ///< per run: bounds a long run's enumeration

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
        if (++m_nodes > kMaxSearchNodes || int(m_out.size()) >= Segmenter::kMaxSplitsPerRun) {
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

/** A chain of split choices, shared between the dynamic programme's states. */
struct PathNode
{
    int run = 0;
    int split = 0;
    std::shared_ptr<const PathNode> parent;
};

struct StateEntry
{
    std::int64_t cost = 0;
    std::vector<std::shared_ptr<const PathNode>> paths;
    bool truncated = false; ///< more tied paths existed than were kept
};

using StateMap = std::map<std::vector<std::int64_t>, StateEntry>;

/** Where each template cell stands among the runs. */
struct CellPlace
{
    int run = -1;
    int column = -1;
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
    void enumerateSplits();
    void classifyRules();
    std::int64_t localCost(int run, const Split &split) const;
    std::int64_t preferenceCost(int run, const Split &split) const;
    bool advance(StateMap &states, int run, const std::vector<std::int64_t> &localCosts) const;
    void collect(const StateMap &states);
    double valueOf(int cell, int run, const Split &split) const;

    const std::vector<DigitRun> &m_runs;
    const std::vector<SegmentRule> &m_rules;
    const std::vector<SegmentPreference> &m_preferences;
    Segmentation &m_out;
    std::vector<std::vector<Split>> m_splits;
    std::vector<CellPlace> m_place; ///< indexed by template cell
    std::vector<int> m_localRules; ///< rules within one run
    std::vector<int> m_crossRules; ///< rules over several runs: the state
    std::vector<int> m_lastRunOf; ///< per cross rule (by position in m_crossRules)
    mutable int m_pathNodes = 0; ///< made so far, against kMaxPathNodes
};

void Programme::enumerateSplits()
{
    m_splits.resize(m_runs.size());
    int maxCell = 0;
    for (const DigitRun &run : m_runs) {
        for (int cell : run.cells)
            maxCell = std::max(maxCell, cell);
    }
    m_place.assign(size_t(maxCell + 1), {});
    for (int r = 0; r < int(m_runs.size()); ++r) {
        SplitEnumerator enumerator(m_runs[size_t(r)], m_splits[size_t(r)]);
        if (!enumerator.enumerate()) {
            m_splits[size_t(r)].clear(); // too many ways: the run stays undecided
            m_out.exhausted = true;
        }
        if (m_splits[size_t(r)].empty())
            continue;
        const auto &cells = m_runs[size_t(r)].cells;
        for (int c = 0; c < int(cells.size()); ++c)
            m_place[size_t(cells[size_t(c)])] = {r, c};
    }
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
        const double value = valueOf(preference.cell, run, split);
        if (value < 0)
            continue;
        if (preference.kind == SegmentPreference::Equals) {
            cost += value != preference.value ? 1 : 0;
        } else {
            const double other = valueOf(preference.otherCell, run, split);
            cost += other >= 0 && value < other ? 1 : 0;
        }
    }
    return cost;
}

std::int64_t Programme::localCost(int run, const Split &split) const
{
    std::int64_t cost = preferenceCost(run, split);
    for (int i : m_localRules) {
        const SegmentRule &rule = m_rules[size_t(i)];
        if (m_place[size_t(rule.terms.front().first)].run != run)
            continue;
        double sum = 0;
        for (const auto &[cell, sign] : rule.terms)
            sum += sign * split.values[size_t(m_place[size_t(cell)].column)];
        cost += sum != 0 ? kRuleCost : 0;
    }
    return cost;
}

bool Programme::advance(StateMap &states, int run,
                        const std::vector<std::int64_t> &localCosts) const
{
    StateMap next;
    const auto &splits = m_splits[size_t(run)];
    for (const auto &[residuals, entry] : states) {
        for (int s = 0; s < int(splits.size()); ++s) {
            if (localCosts[size_t(s)] < 0)
                continue; // filtered out
            std::vector<std::int64_t> key = residuals;
            std::int64_t cost = entry.cost + localCosts[size_t(s)];
            for (size_t x = 0; x < m_crossRules.size(); ++x) {
                for (const auto &[cell, sign] : m_rules[size_t(m_crossRules[x])].terms) {
                    const double value = valueOf(cell, run, splits[size_t(s)]);
                    if (value >= 0)
                        key[x] += sign * std::int64_t(value);
                }
                if (m_lastRunOf[x] == run) { // the rule is complete: settle it
                    cost += key[x] != 0 ? kRuleCost : 0;
                    key[x] = 0;
                }
            }
            StateEntry &target = next[key];
            const bool fresh = target.paths.empty();
            if (!fresh && cost > target.cost)
                continue;
            if (fresh || cost < target.cost) {
                target.cost = cost;
                target.paths.clear();
                target.truncated = false;
            }
            target.truncated = target.truncated || entry.truncated;
            for (const auto &path : entry.paths) {
                if (int(target.paths.size()) >= Segmenter::kMaxSolutions) {
                    target.truncated = true;
                    break;
                }
                target.paths.push_back(std::make_shared<const PathNode>(PathNode {run, s, path}));
                if (++m_pathNodes > Segmenter::kMaxPathNodes)
                    return false;
            }
        }
        if (int(next.size()) > Segmenter::kMaxStates)
            return false;
    }
    states = std::move(next);
    return true;
}

void Programme::collect(const StateMap &states)
{
    std::int64_t best = -1;
    for (const auto &[key, entry] : states)
        best = best < 0 ? entry.cost : std::min(best, entry.cost);
    m_out.brokenRules = int(best / kRuleCost);
    std::vector<std::vector<int>> chosen(m_runs.size());
    bool truncated = false;
    for (const auto &[key, entry] : states) {
        if (entry.cost != best)
            continue;
        truncated = truncated || entry.truncated;
        for (const auto &path : entry.paths) {
            for (const PathNode *node = path.get(); node; node = node->parent.get()) {
                if (node->split < 0)
                    continue;
                auto &list = chosen[size_t(node->run)];
                if (std::find(list.begin(), list.end(), node->split) == list.end())
                    list.push_back(node->split);
            }
        }
    }
    m_out.exhausted = m_out.exhausted || truncated;
    for (size_t r = 0; r < m_runs.size(); ++r) {
        std::sort(chosen[r].begin(), chosen[r].end());
        for (int s : chosen[r])
            m_out.splits[r].push_back(m_splits[r][size_t(s)]);
    }
}

void Programme::run()
{
    m_out.splits.assign(m_runs.size(), {});
    enumerateSplits();
    classifyRules();
    StateMap states;
    StateEntry start;
    start.paths.push_back(std::make_shared<const PathNode>(PathNode {-1, -1, nullptr}));
    states[std::vector<std::int64_t>(m_crossRules.size(), 0)] = std::move(start);
    for (int r = 0; r < int(m_runs.size()); ++r) {
        const auto &splits = m_splits[size_t(r)];
        if (splits.empty())
            continue;
        // Of a run's splits, only those that break the fewest of its own rules go on: the
        // rules between runs then choose among them.
        std::vector<std::int64_t> costs;
        std::int64_t fewest = -1;
        for (const Split &split : splits) {
            costs.push_back(localCost(r, split));
            const std::int64_t broken = costs.back() / kRuleCost;
            fewest = fewest < 0 ? broken : std::min(fewest, broken);
        }
        for (std::int64_t &cost : costs) {
            if (cost / kRuleCost > fewest)
                cost = -1;
        }
        if (!advance(states, r, costs)) {
            m_out.exhausted = true;
            for (size_t u = 0; u < m_runs.size(); ++u)
                m_out.splits[u] = m_splits[u].size() == 1 ? m_splits[u] : std::vector<Split> {};
            return;
        }
    }
    collect(states);
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

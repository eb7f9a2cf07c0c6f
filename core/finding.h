// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QHashFunctions>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>
#include <utility>

namespace nianbao {

enum class Severity { Error, Warning, Info };

QString severityName(Severity severity);

/**
 * What a finding is about, in the order a report's findings are listed: a cell's own findings
 * (missing, out of its domain) by cell, then the template's rules, the stated figures, the
 * stated relations, the per-table folds of blank zeros, the rows of fused figures, and the
 * rules across years (the carried-over requests, then the documents in force), and last a
 * summary report's sums over its units (rollup.sum, only when the reports are rolled up).
 */
enum class FindingKind : quint8 {
    Missing, ///< index: the cell
    Domain, ///< index: the cell
    Check, ///< index: the RuleBook check
    Statement, ///< index: the stated figure
    Relation, ///< index: the stated relation (text.combined, text.share …)
    Zeros, ///< index: the table
    Split, ///< index: the split choice
    SplitText, ///< index: the stated figure no split of its row gives
    Carry, ///< index: the cell year.carry compares
    StockFlow, ///< index: the 现行有效件数 cell active.stock_flow compares
    Rollup, ///< index: the cell rollup.sum compares
};

/**
 * Identifies a finding within one report, stable across edits: the same rule on the same cells
 * keeps its key while its message or figures change, so views update a row instead of
 * replacing it. Ordered as findings are listed.
 */
struct FindingKey
{
    FindingKind kind = FindingKind::Check;
    int index = -1;

    friend bool operator==(const FindingKey &, const FindingKey &) = default;
    friend bool operator<(const FindingKey &a, const FindingKey &b)
    {
        return a.order() < b.order();
    }
    /** "check:12", for logs, tooltips and tests. */
    QString toString() const;

private:
    std::pair<int, int> order() const
    {
        // A cell's findings stay together: missing:5, domain:5, missing:6 …
        if (kind == FindingKind::Missing || kind == FindingKind::Domain)
            return {0, index * 2 + int(kind)};
        return {int(kind), index};
    }
};

inline size_t qHash(const FindingKey &key, size_t seed = 0)
{
    return qHashMulti(seed, int(key.kind), key.index);
}

/**
 * Where a finding's fault lies: in the published report (its own figures break the rule) or in
 * our reading of it (a figure was split from a run of digits, deduced, or OCR'd, and another
 * reading would satisfy the rule). A review opinion asks the agency only about the first.
 */
enum class Fault : quint8 {
    Source, ///< the published report is inconsistent
    Reading, ///< the reading is uncertain
};

/** "source" or "reading", for JSON and storage. */
QString faultName(Fault fault);

/** A value the rules determine for one cell. */
struct Suggestion
{
    int cell = -1;
    double value = 0;

    friend bool operator==(const Suggestion &, const Suggestion &) = default;
};

/**
 * Something a reviewer should look at: a broken rule, a stated figure the table contradicts,
 * a missing cell. `cells` lists the cells on both sides of the rule; lhs/rhs give the sides'
 * values (the actual and the expected figure).
 */
struct Finding
{
    FindingKey key;
    QString rule; ///< rule id from the template, or value.missing
    Severity severity = Severity::Error;
    QList<int> cells; ///< template cell indices involved
    int leftCount = 0; ///< how many of `cells` form the left side of the rule (0: no sides)
    std::optional<double> expected;
    std::optional<double> actual;
    QString message;
    std::optional<Suggestion> suggestion;
    int alternatives = 0; ///< other single-cell fixes that would fit equally well
    int statement = -1; ///< index of the stated figure, for text.table
    /** segment.ambiguous: each way the run splits into `cells`, for the reviewer to choose. */
    QList<QList<Suggestion>> choices;
    Fault fault = Fault::Source;

    friend bool operator==(const Finding &, const Finding &) = default;
};

QString describe(const Finding &finding);

/** The finding of `key` in `findings` (in key order), or null. */
const Finding *findByKey(const QList<Finding> &findings, FindingKey key);
QDebug operator<<(QDebug debug, const Finding &finding);

} // namespace nianbao

Q_DECLARE_METATYPE(nianbao::FindingKey)

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QList>
#include <QString>

#include <optional>

namespace nianbao {

enum class Severity { Error, Warning, Info };

QString severityName(Severity severity);

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
    QString id; ///< stable within a report: "check:12", "cell:40", "statement:0"
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

    friend bool operator==(const Finding &, const Finding &) = default;
};

QString describe(const Finding &finding);
QDebug operator<<(QDebug debug, const Finding &finding);

} // namespace nianbao

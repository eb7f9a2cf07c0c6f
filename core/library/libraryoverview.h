// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace nianbao {

class Checker;
class ReviewLibrary;

/** How often one rule is broken across the reports the overview covers. */
struct RuleTally
{
    QString rule; ///< the template's rule id (requests.balance, value.missing …)
    int errors = 0;
    int warnings = 0;
    QList<qint64> reports; ///< the reports that break it, in import order

    friend bool operator==(const RuleTally &, const RuleTally &) = default;
};

/** The reports of one agency or one year, and their counts summed. */
struct GroupTally
{
    QString name; ///< the agency's name in its latest report, or the year as digits
    QString identity; ///< agencyIdentity() with the aliases; the year as digits
    int year = 0; ///< the latest year of the agency; the year itself
    int errors = 0;
    int warnings = 0;
    int unread = 0;
    QList<qint64> reports; ///< in import order

    friend bool operator==(const GroupTally &, const GroupTally &) = default;
};

/** How many reports have an open finding on one cell of the form. */
struct CellTally
{
    int errors = 0; ///< reports with an error on the cell
    int warnings = 0; ///< reports with a warning on it
    QList<qint64> reports; ///< the reports with either, in import order

    friend bool operator==(const CellTally &, const CellTally &) = default;
};

/** One report in a list of the worst. */
struct ReportTally
{
    qint64 id = 0;
    QString path;
    QString agency;
    int year = 0;
    int errors = 0;
    int warnings = 0;
    int unread = 0;
    int missing = 0;

    friend bool operator==(const ReportTally &, const ReportTally &) = default;
};

/**
 * The state of a whole library (or of some of its reports) at a glance: findings by rule, by
 * agency and by year, by cell of the form, and the reports with the most errors, unread and
 * missing cells. Dismissed findings are left out, as the report list's counts leave them.
 * Computed from a few queries, never by loading a report.
 */
struct LibraryOverview
{
    int reports = 0; ///< the reports looked at
    /** Of those, the reports whose findings are stored (see
     * ReviewLibrary::reportsWithoutFindings()): the tallies by rule and cell cover only these. */
    int covered = 0;
    int errors = 0; ///< summed over the reports' counts
    int warnings = 0;
    QList<RuleTally> byRule; ///< most errors first, then most warnings, then by id
    QList<GroupTally> byAgency; ///< most errors first, then by name
    QList<GroupTally> byYear; ///< latest first
    QList<CellTally> cells; ///< by template cell index (ReportTemplate::standard())
    QList<ReportTally> mostErrors; ///< at most `top` reports with errors, most first
    QList<ReportTally> mostUnread;
    QList<ReportTally> mostMissing;

    /** The cell most reports break (then: most with errors, the first); -1 when none is. */
    int hottestCell() const;
    const GroupTally *agency(const QString &identity) const;
    friend bool operator==(const LibraryOverview &, const LibraryOverview &) = default;
};

/** The reports an overview looks at: all of them, or those the report list shows. */
struct OverviewScope
{
    std::optional<QList<qint64>> ids; ///< nullopt: the whole library
    int top = 10; ///< how many reports each list of the worst holds
};

/** Computes the overview of `library` (or of `scope.ids`). */
Result<LibraryOverview> computeOverview(const ReviewLibrary &library,
                                        const OverviewScope &scope = {});

/** One year of an agency: its report's counts and a few figures of its tables. */
struct TrendPoint
{
    int year = 0;
    qint64 report = 0; ///< the most recently imported report of that year
    int errors = 0;
    int warnings = 0;
    int unread = 0;
    std::optional<double> received; ///< 一、本年新收政府信息公开申请数量 · 总计
    std::optional<double> processed; ///< (七) 总计 · 总计: the requests handled
    std::optional<double> reconsideration; ///< 行政复议 · 总计
    std::optional<double> litigation; ///< 行政诉讼, both kinds · 总计

    friend bool operator==(const TrendPoint &, const TrendPoint &) = default;
};

/** The cell keys the trend reads, in TrendPoint's order (litigation: its two cells). */
QStringList trendCellKeys();

/** The years of one agency of `overview` (by its identity), oldest first; one query. */
Result<QList<TrendPoint>> agencyTrend(const ReviewLibrary &library, const LibraryOverview &overview,
                                      const QString &identity);

/**
 * Stores the findings of every report the library holds none for (imported before schema 7):
 * loads and checks each, with the reviewer's decisions, and saves its counts. `progress` is
 * told (done, total) after each. Returns how many were filled.
 */
Result<int> fillStoredFindings(ReviewLibrary &library, const Checker &checker,
                               const std::function<void(int, int)> &progress = {});

} // namespace nianbao

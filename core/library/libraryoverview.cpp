// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "libraryoverview.h"

#include "agencyidentity.h"
#include "reporttemplate.h"
#include "reviewlibrary.h"
#include "reviewsession.h"

#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

int LibraryOverview::hottestCell() const
{
    int hottest = -1;
    for (int cell = 0; cell < cells.size(); ++cell) {
        const CellTally &tally = cells[cell];
        if (tally.reports.isEmpty())
            continue;
        if (hottest < 0 || tally.reports.size() > cells[hottest].reports.size()
            || (tally.reports.size() == cells[hottest].reports.size()
                && tally.errors > cells[hottest].errors))
            hottest = cell;
    }
    return hottest;
}

const GroupTally *LibraryOverview::agency(const QString &identity) const
{
    for (const GroupTally &group : byAgency) {
        if (group.identity == identity)
            return &group;
    }
    return nullptr;
}

namespace {

ReportTally reportTally(const OverviewDocument &document)
{
    const ReviewCounts counts = document.counts.value_or(ReviewCounts {});
    return ReportTally {
        document.id,   document.path,   document.agency, document.year,
        counts.errors, counts.warnings, counts.unread,   document.missing.value_or(0)};
}

/** The `top` reports with the most of `figure` (ties: the earlier import first), none at 0. */
QList<ReportTally> worst(const QList<ReportTally> &reports, int ReportTally::*figure, int top)
{
    QList<ReportTally> ranked;
    for (const ReportTally &report : reports) {
        if (report.*figure > 0)
            ranked.append(report);
    }
    const qsizetype kept = std::min<qsizetype>(std::max(top, 0), ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + kept, ranked.end(),
                      [figure](const ReportTally &a, const ReportTally &b) {
                          return a.*figure != b.*figure ? a.*figure > b.*figure : a.id < b.id;
                      });
    ranked.resize(kept);
    return ranked;
}

/** Where `key`'s entry is in a list, `next` (the list's size) when it has none yet. */
template<typename Key>
qsizetype &positionOf(QHash<Key, qsizetype> &positions, const Key &key, qsizetype next)
{
    auto found = positions.find(key);
    if (found == positions.end())
        found = positions.insert(key, next);
    return found.value();
}

void addCounts(GroupTally &group, const ReportTally &report)
{
    group.errors += report.errors;
    group.warnings += report.warnings;
    group.unread += report.unread;
    group.reports.append(report.id);
}

/** The library's aliases as agencyIdentity() follows them. */
Result<AgencyAliases> aliasesOf(const ReviewLibrary &library)
{
    const Result<QHash<QString, QString>> written = library.agencyAliases();
    if (!written)
        return written.error();
    AgencyAliases aliases;
    for (auto alias = written.value().cbegin(); alias != written.value().cend(); ++alias)
        addAgencyAlias(aliases, alias.key(), alias.value());
    return aliases;
}

/** Groups by agency identity (the name of the latest report) and by year. */
void groupReports(LibraryOverview &overview, const QList<ReportTally> &reports,
                  const AgencyAliases &aliases)
{
    QHash<QString, QString> identities; // a name as written → its identity: names repeat
    QHash<QString, qsizetype> agencyAt;
    QHash<int, qsizetype> yearAt;
    for (const ReportTally &report : reports) {
        auto known = identities.constFind(report.agency);
        if (known == identities.cend())
            known = identities.insert(report.agency, agencyIdentity(report.agency, aliases));
        const QString &identity = known.value();
        qsizetype &at = positionOf(agencyAt, identity, overview.byAgency.size());
        if (at == overview.byAgency.size())
            overview.byAgency.append(
                GroupTally {report.agency, identity, report.year, 0, 0, 0, {}});
        GroupTally &agency = overview.byAgency[at];
        if (report.year >= agency.year) {
            agency.name = report.agency; // in import order: the latest import of the latest year
            agency.year = report.year;
        }
        addCounts(agency, report);
        qsizetype &y = positionOf(yearAt, report.year, overview.byYear.size());
        if (y == overview.byYear.size())
            overview.byYear.append(GroupTally {QString::number(report.year),
                                               QString::number(report.year),
                                               report.year,
                                               0,
                                               0,
                                               0,
                                               {}});
        addCounts(overview.byYear[y], report);
    }
    std::sort(overview.byAgency.begin(), overview.byAgency.end(),
              [](const GroupTally &a, const GroupTally &b) {
                  return a.errors != b.errors ? a.errors > b.errors : a.name < b.name;
              });
    std::sort(overview.byYear.begin(), overview.byYear.end(),
              [](const GroupTally &a, const GroupTally &b) { return a.year > b.year; });
}

/** Tallies the open stored findings of the reports in `scope` by rule and by cell. */
void tallyFindings(LibraryOverview &overview, const QList<StoredFinding> &findings,
                   const QHash<qint64, QSet<QString>> &dismissed, const QSet<qint64> &scope)
{
    QHash<QString, qsizetype> ruleAt;
    QHash<QString, qint64> ruleLastReport;
    const int cellCount = ReportTemplate::standard().cellCount();
    overview.cells.resize(cellCount);
    // Findings come by report: the last report counted on each cell, for counting reports once.
    QList<qint64> lastError(cellCount, 0);
    QList<qint64> lastWarning(cellCount, 0);
    for (const StoredFinding &stored : findings) {
        if (!scope.contains(stored.document))
            continue;
        const CountedFinding &finding = stored.finding;
        const auto decided = dismissed.constFind(stored.document);
        if (decided != dismissed.cend() && decided->contains(finding.signature))
            continue;
        const bool error = finding.severity == Severity::Error;
        qsizetype &at = positionOf(ruleAt, finding.rule, overview.byRule.size());
        if (at == overview.byRule.size())
            overview.byRule.append(RuleTally {finding.rule, 0, 0, {}});
        RuleTally &rule = overview.byRule[at];
        ++(error ? rule.errors : rule.warnings);
        if (rule.reports.isEmpty() || rule.reports.last() != stored.document)
            rule.reports.append(stored.document);
        for (int cell : finding.cells) {
            if (cell < 0 || cell >= cellCount)
                continue;
            CellTally &tally = overview.cells[cell];
            qint64 &last = error ? lastError[cell] : lastWarning[cell];
            if (last != stored.document) {
                last = stored.document;
                ++(error ? tally.errors : tally.warnings);
            }
            if (tally.reports.isEmpty() || tally.reports.last() != stored.document)
                tally.reports.append(stored.document);
        }
    }
    std::sort(overview.byRule.begin(), overview.byRule.end(),
              [](const RuleTally &a, const RuleTally &b) {
                  if (a.errors != b.errors)
                      return a.errors > b.errors;
                  if (a.warnings != b.warnings)
                      return a.warnings > b.warnings;
                  return a.rule < b.rule;
              });
}

} // namespace

Result<LibraryOverview> computeOverview(const ReviewLibrary &library, const OverviewScope &scope)
{
    const Result<QList<OverviewDocument>> documents = library.overviewDocuments();
    if (!documents)
        return documents.error();
    const Result<AgencyAliases> aliases = aliasesOf(library);
    if (!aliases)
        return aliases.error();
    QSet<qint64> wanted;
    if (scope.ids)
        wanted = QSet<qint64>(scope.ids->cbegin(), scope.ids->cend());
    LibraryOverview overview;
    QList<ReportTally> reports;
    QSet<qint64> covered;
    for (const OverviewDocument &document : documents.value()) {
        if (scope.ids && !wanted.contains(document.id))
            continue;
        reports.append(reportTally(document));
        overview.errors += reports.last().errors;
        overview.warnings += reports.last().warnings;
        if (document.missing)
            covered.insert(document.id);
    }
    overview.reports = int(reports.size());
    overview.covered = int(covered.size());
    groupReports(overview, reports, aliases.value());
    overview.mostErrors = worst(reports, &ReportTally::errors, scope.top);
    overview.mostUnread = worst(reports, &ReportTally::unread, scope.top);
    overview.mostMissing = worst(reports, &ReportTally::missing, scope.top);

    const Result<QList<StoredFinding>> findings = library.storedFindings();
    if (!findings)
        return findings.error();
    const Result<QHash<qint64, QSet<QString>>> dismissed = library.dismissedSignatures();
    if (!dismissed)
        return dismissed.error();
    tallyFindings(overview, findings.value(), dismissed.value(), covered);
    return overview;
}

QStringList trendCellKeys()
{
    return {u"requests.received.total"_s, u"requests.total_processed.total"_s,
            u"appeals.reconsideration.total"_s, u"appeals.litigation_direct.total"_s,
            u"appeals.litigation_after.total"_s};
}

namespace {

std::optional<double> sum(std::optional<double> a, std::optional<double> b)
{
    if (!a && !b)
        return std::nullopt;
    return a.value_or(0) + b.value_or(0);
}

} // namespace

Result<QList<TrendPoint>> agencyTrend(const ReviewLibrary &library, const LibraryOverview &overview,
                                      const QString &identity)
{
    const GroupTally *agency = overview.agency(identity);
    if (!agency)
        return QList<TrendPoint> {};
    const Result<QList<OverviewDocument>> documents = library.overviewDocuments();
    if (!documents)
        return documents.error();
    const QSet<qint64> ids(agency->reports.cbegin(), agency->reports.cend());
    QMap<int, const OverviewDocument *> byYear; // in import order: the latest import wins
    for (const OverviewDocument &document : documents.value()) {
        if (ids.contains(document.id))
            byYear.insert(document.year, &document);
    }
    QList<qint64> chosen;
    for (const OverviewDocument *document : std::as_const(byYear))
        chosen.append(document->id);
    const QStringList keys = trendCellKeys();
    const auto values = library.cellValues(chosen, keys);
    if (!values)
        return values.error();
    QList<TrendPoint> trend;
    for (const OverviewDocument *document : std::as_const(byYear)) {
        const QHash<QString, std::optional<double>> cells = values.value().value(document->id);
        const ReviewCounts counts = document->counts.value_or(ReviewCounts {});
        trend.append(TrendPoint {document->year, document->id, counts.errors, counts.warnings,
                                 counts.unread, cells.value(keys[0]), cells.value(keys[1]),
                                 cells.value(keys[2]),
                                 sum(cells.value(keys[3]), cells.value(keys[4]))});
    }
    return trend;
}

Result<int> fillStoredFindings(ReviewLibrary &library, const Checker &checker,
                               const std::function<void(int, int)> &progress)
{
    const Result<QList<qint64>> missing = library.reportsWithoutFindings();
    if (!missing)
        return missing.error();
    int filled = 0;
    for (qint64 id : missing.value()) {
        const Result<StoredReview> stored = library.load(id);
        if (!stored)
            return stored.error();
        Report report = stored.value().report;
        report.loaded = true; // its cells are stored: check them as the window does
        ReviewSession session(std::move(report), checker, {});
        session.restoreDecisions(stored.value().decisions);
        const Result<void> saved = library.saveCounts(id, session.counts());
        if (!saved)
            return saved.error();
        ++filled;
        if (progress)
            progress(filled, int(missing.value().size()));
    }
    return filled;
}

} // namespace nianbao

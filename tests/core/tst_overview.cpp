// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencyidentity.h"
#include "library/importer.h"
#include "library/libraryoverview.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "reviewsession.h"
#include "testutils.h"

#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

/** What checking the reports directly gives, tallied as the overview must tally it. */
struct DirectTally
{
    std::map<QString, std::pair<int, int>> byRule; ///< rule → errors, warnings
    std::map<QString, std::set<qint64>> ruleReports;
    std::map<int, std::set<qint64>> cellErrors;
    std::map<int, std::set<qint64>> cellWarnings;
    std::map<qint64, ReviewCounts> counts;

    void add(qint64 id, const ReviewCounts &reportCounts)
    {
        counts[id] = reportCounts;
        for (const CountedFinding &finding : reportCounts.detail->findings) {
            const bool error = finding.severity == Severity::Error;
            auto &[errors, warnings] = byRule[finding.rule];
            ++(error ? errors : warnings);
            ruleReports[finding.rule].insert(id);
            for (int cell : finding.cells)
                (error ? cellErrors : cellWarnings)[cell].insert(id);
        }
    }
    /** The cell most reports have a finding on (ties: most with errors, then the first). */
    int hottestCell() const
    {
        int hottest = -1;
        qsizetype most = 0;
        int mostErrors = 0;
        for (int cell = 0; cell < ReportTemplate::standard().cellCount(); ++cell) {
            std::set<qint64> reports;
            if (cellErrors.count(cell))
                reports = cellErrors.at(cell);
            if (cellWarnings.count(cell))
                reports.insert(cellWarnings.at(cell).begin(), cellWarnings.at(cell).end());
            const int errors = cellErrors.count(cell) ? int(cellErrors.at(cell).size()) : 0;
            if (qsizetype(reports.size()) > most
                || (qsizetype(reports.size()) == most && most > 0 && errors > mostErrors)) {
                hottest = cell;
                most = qsizetype(reports.size());
                mostErrors = errors;
            }
        }
        return hottest;
    }
};

void compareWithDirect(const LibraryOverview &overview, const DirectTally &direct)
{
    QCOMPARE(overview.byRule.size(), qsizetype(direct.byRule.size()));
    for (const RuleTally &rule : overview.byRule) {
        QVERIFY2(direct.byRule.count(rule.rule), qPrintable(rule.rule));
        QCOMPARE(rule.errors, direct.byRule.at(rule.rule).first);
        QCOMPARE(rule.warnings, direct.byRule.at(rule.rule).second);
        const std::set<qint64> reports(rule.reports.cbegin(), rule.reports.cend());
        QCOMPARE(reports, direct.ruleReports.at(rule.rule));
    }
    for (int cell = 0; cell < overview.cells.size(); ++cell) {
        const auto sizeIn = [cell](const std::map<int, std::set<qint64>> &sets) {
            return sets.count(cell) ? int(sets.at(cell).size()) : 0;
        };
        QCOMPARE(overview.cells[cell].errors, sizeIn(direct.cellErrors));
        QCOMPARE(overview.cells[cell].warnings, sizeIn(direct.cellWarnings));
    }
    QCOMPARE(overview.hottestCell(), direct.hottestCell());
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void talliesWhatCheckingGives();
    void scopeLimitsTheTallies();
    void worstReportsAndGroups();
    void dismissedFindingLeavesTheTallies();
    void trendReadsTheAgencysCells();
    void migrationFromSixIsFilled();

private:
    std::unique_ptr<ReviewLibrary> openLibrary() const;

    QTemporaryDir m_dir;
    QString m_location;
    QList<qint64> m_ids;
    DirectTally m_direct;
    ReportReader m_reader;
};

std::unique_ptr<ReviewLibrary> TestOverview::openLibrary() const
{
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(m_location);
    if (!library)
        qWarning() << library.error().message;
    return library ? std::move(library.value()) : nullptr;
}

void TestOverview::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_location = m_dir.filePath(u"library.sqlite"_s);
    const QStringList files = test::realReportFiles();
    QVERIFY(files.size() >= 40);
    const ImportSummary summary = Importer(m_location).run(files);
    QVERIFY(summary.failures.isEmpty());
    QCOMPARE(summary.ids.size(), files.size());
    m_ids = summary.ids;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const Report report = m_reader.readFile(files[i]);
        m_direct.add(m_ids[i], countReview(report.findings, report.cells));
    }
    // The real reports break rules: an overview of nothing would prove nothing.
    QVERIFY(m_direct.byRule.size() >= 3);
}

void TestOverview::talliesWhatCheckingGives()
{
    const std::unique_ptr<ReviewLibrary> library = openLibrary();
    QVERIFY(library);
    const Result<LibraryOverview> overview = computeOverview(*library);
    QVERIFY2(overview, qPrintable(overview ? QString() : overview.error().message));
    QCOMPARE(overview.value().reports, int(m_ids.size()));
    QCOMPARE(overview.value().covered, int(m_ids.size()));
    QCOMPARE(overview.value().cells.size(), ReportTemplate::standard().cellCount());
    compareWithDirect(overview.value(), m_direct);
    int errors = 0;
    for (const auto &[id, counts] : m_direct.counts)
        errors += counts.errors;
    QCOMPARE(overview.value().errors, errors);
    // By rule, most errors first.
    const QList<RuleTally> &rules = overview.value().byRule;
    for (qsizetype i = 1; i < rules.size(); ++i)
        QVERIFY(rules[i - 1].errors >= rules[i].errors);
}

void TestOverview::scopeLimitsTheTallies()
{
    const std::unique_ptr<ReviewLibrary> library = openLibrary();
    QVERIFY(library);
    // The pingtan reports of 2022, as a filter of the report list would give them.
    QList<qint64> ids;
    DirectTally direct;
    const QStringList files = test::realReportFiles();
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (files[i].contains(u"-2022."_s)) {
            ids.append(m_ids[i]);
            direct.add(m_ids[i], m_direct.counts.at(m_ids[i]));
        }
    }
    QVERIFY(ids.size() >= 3);
    const Result<LibraryOverview> overview = computeOverview(*library, OverviewScope {ids, 5});
    QVERIFY(overview);
    QCOMPARE(overview.value().reports, int(ids.size()));
    QCOMPARE(overview.value().byYear.size(), 1);
    QCOMPARE(overview.value().byYear.front().year, 2022);
    compareWithDirect(overview.value(), direct);
}

void TestOverview::worstReportsAndGroups()
{
    const std::unique_ptr<ReviewLibrary> library = openLibrary();
    QVERIFY(library);
    const int top = 3;
    const Result<LibraryOverview> overview = computeOverview(*library, OverviewScope {{}, top});
    QVERIFY(overview);
    int mostErrors = 0;
    int mostUnread = 0;
    int mostMissing = 0;
    for (const auto &[id, counts] : m_direct.counts) {
        mostErrors = std::max(mostErrors, counts.errors);
        mostUnread = std::max(mostUnread, counts.unread);
        mostMissing = std::max(mostMissing, counts.detail->missing);
    }
    QVERIFY(mostErrors > 0);
    QVERIFY(overview.value().mostErrors.size() <= top);
    QCOMPARE(overview.value().mostErrors.front().errors, mostErrors);
    QCOMPARE(overview.value().mostUnread.front().unread, mostUnread);
    QCOMPARE(overview.value().mostMissing.front().missing, mostMissing);
    for (const QList<ReportTally> *list :
         {&overview.value().mostErrors, &overview.value().mostUnread,
          &overview.value().mostMissing}) {
        for (const ReportTally &report : *list)
            QVERIFY(m_ids.contains(report.id));
    }
    // Every report in one agency group and one year group, its counts summed once.
    qsizetype grouped = 0;
    int agencyErrors = 0;
    for (const GroupTally &agency : overview.value().byAgency) {
        grouped += agency.reports.size();
        agencyErrors += agency.errors;
    }
    QCOMPARE(grouped, m_ids.size());
    QCOMPARE(agencyErrors, overview.value().errors);
    qsizetype byYear = 0;
    for (const GroupTally &year : overview.value().byYear)
        byYear += year.reports.size();
    QCOMPARE(byYear, m_ids.size());
    // 平潭综合实验区环通片区 reported for 2021, 2023, 2024, 2025: one agency, named as in 2025.
    const Result<StoredReview> htpq2025 = library->load(m_ids[test::realReportFiles().indexOf(
        test::dataPath(u"real/p33-pingtan-htpq-2025.txt"_s))]);
    QVERIFY(htpq2025);
    const GroupTally *htpq
        = overview.value().agency(agencyIdentity(htpq2025.value().report.agency));
    QVERIFY(htpq);
    QCOMPARE(htpq->name, htpq2025.value().report.agency);
    QCOMPARE(htpq->year, 2025);
    QVERIFY(htpq->reports.size() >= 3);
}

void TestOverview::dismissedFindingLeavesTheTallies()
{
    // A library of its own: the decision must not change what the other tests see.
    QTemporaryDir dir;
    const QString location = dir.filePath(u"dismiss.sqlite"_s);
    const ImportSummary summary = Importer(location).run(test::realReportFiles());
    QCOMPARE(summary.ids.size(), m_ids.size());
    Result<std::unique_ptr<ReviewLibrary>> opened = ReviewLibrary::open(location);
    QVERIFY(opened);
    ReviewLibrary &library = *opened.value();
    const Result<LibraryOverview> before = computeOverview(library);
    QVERIFY(before);
    // The first error of the report with the most errors.
    const qint64 id = before.value().mostErrors.front().id;
    const Result<StoredReview> stored = library.load(id);
    QVERIFY(stored);
    Report report = stored.value().report;
    report.loaded = true;
    ReviewSession session(report, m_reader.checker(), u"张审核"_s);
    const auto error = std::find_if(session.findings().cbegin(), session.findings().cend(),
                                    [](const Finding &f) { return f.severity == Severity::Error; });
    QVERIFY(error != session.findings().cend());
    const Finding dismissed = *error;
    QVERIFY(session.decide(dismissed, DecisionState::Dismissed, u"核实无误"_s));
    const QString signature = findingSignature(dismissed, ReportTemplate::standard());
    const Result<qint64> saved
        = library.saveDecision(id, stored.value().version, signature,
                               session.decisions().value(signature), session.counts());
    QVERIFY2(saved, qPrintable(saved ? QString() : saved.error().message));
    const Result<LibraryOverview> after = computeOverview(library);
    QVERIFY(after);
    QCOMPARE(after.value().errors, before.value().errors - 1);
    const auto ruleErrors = [&](const LibraryOverview &overview) {
        for (const RuleTally &rule : overview.byRule) {
            if (rule.rule == dismissed.rule)
                return rule.errors;
        }
        return 0;
    };
    QCOMPARE(ruleErrors(after.value()), ruleErrors(before.value()) - 1);
    // Stored without the counts (the findings kept as imported): the decision still leaves them.
    QVERIFY(library.saveCounts(id, countReview(session.findings(), session.cells())));
    const Result<LibraryOverview> again = computeOverview(library);
    QVERIFY(again);
    QCOMPARE(ruleErrors(again.value()), ruleErrors(after.value()));
}

void TestOverview::trendReadsTheAgencysCells()
{
    const std::unique_ptr<ReviewLibrary> library = openLibrary();
    QVERIFY(library);
    const Result<LibraryOverview> overview = computeOverview(*library);
    QVERIFY(overview);
    const QString file = test::dataPath(u"real/p33-pingtan-htpq-2025.txt"_s);
    const qint64 id = m_ids[test::realReportFiles().indexOf(file)];
    const Result<StoredReview> stored = library->load(id);
    QVERIFY(stored);
    const QString identity = agencyIdentity(stored.value().report.agency);
    const Result<QList<TrendPoint>> trend = agencyTrend(*library, overview.value(), identity);
    QVERIFY2(trend, qPrintable(trend ? QString() : trend.error().message));
    QCOMPARE(trend.value().size(), overview.value().agency(identity)->reports.size());
    QVERIFY(trend.value().size() >= 3);
    const ReportTemplate &form = ReportTemplate::standard();
    for (qsizetype i = 0; i < trend.value().size(); ++i) {
        const TrendPoint &point = trend.value()[i];
        if (i > 0)
            QVERIFY(point.year > trend.value()[i - 1].year);
        const Result<StoredReview> report = library->load(point.report);
        QVERIFY(report);
        QCOMPARE(report.value().report.year, point.year);
        const auto value = [&](const QString &key) {
            return report.value().report.cells[size_t(form.cellIndex(CellKey(key)))].value;
        };
        QCOMPARE(point.received, value(u"requests.received.total"_s));
        QCOMPARE(point.processed, value(u"requests.total_processed.total"_s));
        QCOMPARE(point.reconsideration, value(u"appeals.reconsideration.total"_s));
        QCOMPARE(point.errors, m_direct.counts.at(point.report).errors);
    }
}

void TestOverview::migrationFromSixIsFilled()
{
    // A library as schema 6 left it: the reports' counts, but no findings.
    QTemporaryDir dir;
    const QString location = dir.filePath(u"v6.sqlite"_s);
    QVERIFY(Importer(location).run(test::realReportFiles()).failures.isEmpty());
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"v6"_s);
        database.setDatabaseName(location);
        QVERIFY(database.open());
        QSqlQuery query(database);
        for (const QString &sql : {u"DROP TABLE rollup_units"_s, u"DROP TABLE document_findings"_s,
                                   u"DROP INDEX documents_overview"_s,
                                   u"ALTER TABLE documents DROP COLUMN missing_count"_s,
                                   u"UPDATE meta SET value = '6' WHERE key = 'schema_version'"_s})
            QVERIFY2(query.exec(sql), qPrintable(sql));
        database.close();
    }
    QSqlDatabase::removeDatabase(u"v6"_s);
    Result<std::unique_ptr<ReviewLibrary>> opened = ReviewLibrary::open(location);
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    ReviewLibrary &library = *opened.value();
    QCOMPARE(library.schemaVersion(), ReviewLibrary::kSchemaVersion);
    const Result<QList<qint64>> uncovered = library.reportsWithoutFindings();
    QVERIFY(uncovered);
    QCOMPARE(uncovered.value().size(), m_ids.size());
    const Result<LibraryOverview> empty = computeOverview(library);
    QVERIFY(empty);
    QCOMPARE(empty.value().reports, int(m_ids.size()));
    QCOMPARE(empty.value().covered, 0);
    QVERIFY(empty.value().byRule.isEmpty());

    int lastDone = 0;
    const Result<int> filled
        = fillStoredFindings(library, m_reader.checker(), [&](int done, int) { lastDone = done; });
    QVERIFY2(filled, qPrintable(filled ? QString() : filled.error().message));
    QCOMPARE(filled.value(), int(m_ids.size()));
    QCOMPARE(lastDone, filled.value());
    QVERIFY(library.reportsWithoutFindings().value().isEmpty());
    const Result<LibraryOverview> full = computeOverview(library);
    QVERIFY(full);
    QCOMPARE(full.value().covered, int(m_ids.size()));
    // Re-checked from the stored cells: the same findings as the import's check.
    const Result<std::unique_ptr<ReviewLibrary>> reference = ReviewLibrary::open(m_location);
    QVERIFY(reference);
    const Result<LibraryOverview> imported = computeOverview(*reference.value());
    QVERIFY(imported);
    QCOMPARE(full.value().byRule, imported.value().byRule);
    QCOMPARE(full.value().cells, imported.value().cells);
}

QTEST_GUILESS_MAIN(TestOverview)
#include "tst_overview.moc"

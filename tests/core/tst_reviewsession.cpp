// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"
#include "reporttemplate.h"
#include "reviewsession.h"
#include "rules/checker.h"
#include "rules/rulebook.h"
#include "testutils.h"

#include <QDir>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

const ReportTemplate &tmpl()
{
    return ReportTemplate::standard();
}

using test::cellOf;

const Checker &checker()
{
    static const RuleBook rules(tmpl());
    static const Checker instance(rules);
    return instance;
}

/** Seed 004 as the reader reads it, under review by "alice". */
std::unique_ptr<ReviewSession> seedSession()
{
    Report report = ReportReader().readFile(test::seedReportPath(u"004_1a8c02130c595433"_s));
    return std::make_unique<ReviewSession>(std::move(report), checker(), u"alice"_s);
}

/** Every report the corpus holds a reading of: the seeds and the real reports. */
QStringList corpusFiles()
{
    QStringList files;
    for (const QString &seed : test::seedNames())
        files.append(test::seedReportPath(seed));
    const QDir real(test::dataPath(u"real"_s));
    for (const QString &name : real.entryList(QDir::Files, QDir::Name)) {
        if (!name.endsWith(u".json"_s))
            files.append(real.filePath(name));
    }
    return files;
}

} // namespace

class TestReviewSession : public QObject
{
    Q_OBJECT

private slots:
    void inputIsReadLikeAReviewerWritesIt_data();
    void inputIsReadLikeAReviewerWritesIt();
    void inputTheCellCannotHoldIsRefused_data();
    void inputTheCellCannotHoldIsRefused();
    void aValueTheCellCannotHoldChangesNothing();
    void cellChangedCarriesTheCorrection();
    void cellsAreNamedByTheirKeys();
    void openingAReportKeepsTheReadersFindings();
    void eachFindingSaysWhereItsFaultLies_data();
    void eachFindingSaysWhereItsFaultLies();
    void aDismissalNeedsItsReasonAndLeavesTheCounts();
    void thePreviousYearIsCheckedAsTheReviewerEdits();
};

void TestReviewSession::inputIsReadLikeAReviewerWritesIt_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("cell");
    QTest::addColumn<QVariant>("value");
    const QString count = u"requests.received.total"_s;
    const QString amount = u"active.fee.amount"_s;
    QTest::newRow("full-width digits are digits") << u"１２"_s << count << QVariant(12.0);
    QTest::newRow("spaces around are ignored") << u" 7 "_s << count << QVariant(7.0);
    QTest::newRow("an empty cell is cleared") << QString() << count << QVariant();
    QTest::newRow("an amount may be decimal") << u"0.35"_s << amount << QVariant(0.35);
    QTest::newRow("1,000 is a thousand") << u"1,000"_s << count << QVariant(1000.0);
    QTest::newRow("10万 is a hundred thousand") << u"10万"_s << count << QVariant(100000.0);
    QTest::newRow("6件 is six") << u"6件"_s << count << QVariant(6.0);
    QTest::newRow("25000元 is 2.5 in the fee column") << u"25000元"_s << amount << QVariant(2.5);
    QTest::newRow("a C number") << u"1e3"_s << count << QVariant(1000.0);
}

void TestReviewSession::inputIsReadLikeAReviewerWritesIt()
{
    QFETCH(QString, input);
    QFETCH(QString, cell);
    QFETCH(QVariant, value);
    const auto session = seedSession();
    const int index = tmpl().cellIndex(CellKey(cell));
    QVERIFY(index >= 0);
    const Result<std::optional<double>> read = session->readInput(index, input);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read.value().has_value(), value.isValid());
    if (value.isValid())
        QCOMPARE(*read.value(), value.toDouble());
}

void TestReviewSession::inputTheCellCannotHoldIsRefused_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("why");
    QTest::newRow("letters are not a number")
        << u"abc"_s << u"input.not_a_number"_s << u"not a number"_s;
    QTest::newRow("a count cannot be negative") << u"-2"_s << u"input.negative"_s << u"negative"_s;
    QTest::newRow("a count is a whole number")
        << u"1.5"_s << u"input.fraction"_s << u"whole number"_s;
    QTest::newRow("infinity is no figure")
        << u"1e400"_s << u"input.not_a_number"_s << u"not a number"_s;
}

void TestReviewSession::inputTheCellCannotHoldIsRefused()
{
    QFETCH(QString, input);
    QFETCH(QString, code);
    QFETCH(QString, why);
    const auto session = seedSession();
    const Result<std::optional<double>> read
        = session->readInput(cellOf("requests.received.total"), input);
    QVERIFY(!read.ok());
    QCOMPARE(read.error().code, code);
    QVERIFY2(read.error().message.contains(why), qPrintable(read.error().message));
    QCOMPARE(read.error().where.cell, u"requests.received.total"_s);
}

void TestReviewSession::aValueTheCellCannotHoldChangesNothing()
{
    // What the window refuses, the session refuses too: a script or another view may call it.
    const auto session = seedSession();
    const int count = cellOf("requests.received.natural");
    const CellValue before = session->cell(count);
    const QList<Finding> findings = session->findings();
    QSignalSpy changed(session.get(), &ReviewSession::cellChanged);
    for (double refused : {-1.0, 2.5, std::nan(""), HUGE_VAL}) {
        const Result<CellValue> result = session->setCellValue(count, refused);
        QVERIFY(!result.ok());
        QVERIFY(!result.error().code.isEmpty());
    }
    QCOMPARE(session->cell(count), before);
    QCOMPARE(session->findings(), findings);
    QVERIFY(session->corrections().isEmpty());
    QCOMPARE(changed.count(), 0);
    // A fraction is what the 万元 amount holds.
    QVERIFY(session->setCellValue(cellOf("active.fee.amount"), 0.35).ok());
    QCOMPARE(session->cell(cellOf("active.fee.amount")).value, std::optional<double>(0.35));
}

void TestReviewSession::cellChangedCarriesTheCorrection()
{
    const auto session = seedSession();
    const int cell = cellOf("requests.received.commercial");
    const CellValue before = session->cell(cell);
    QSignalSpy changed(session.get(), &ReviewSession::cellChanged);
    const Result<CellValue> previous = session->setCellValue(cell, 5);
    QVERIFY(previous.ok());
    QCOMPARE(previous.value(), before);
    QCOMPARE(changed.count(), 1);
    const auto correction = changed.first().first().value<Correction>();
    QCOMPARE(correction, session->corrections().constLast());
    QCOMPARE(correction.cell, cell);
    QCOMPARE(correction.previous, before);
    QCOMPARE(correction.current.value, std::optional<double>(5));
    QCOMPARE(correction.current.state, CellState::Corrected);
    QCOMPARE(correction.reviewer, u"alice"_s);
}

void TestReviewSession::cellsAreNamedByTheirKeys()
{
    // What a script does without a window: name a cell by its key, as the exports do.
    const auto session = seedSession();
    const CellKey key(u"requests.received.commercial"_s);
    const int index = cellOf("requests.received.commercial");
    QCOMPARE(session->cell(key).value(), session->cell(index));
    QCOMPARE(session->readInput(key, u"６件"_s).value(), std::optional<double>(6));
    QVERIFY(session->setCellValue(key, 6).ok());
    QCOMPARE(session->cell(index).value, std::optional<double>(6));
    QCOMPARE(session->corrections().constLast().cell, index);
    QVERIFY(session->setCellNote(key, u"原表为6"_s).ok());
    QCOMPARE(session->cellNote(index), u"原表为6"_s);

    // A key or an index the form does not have is refused by name, and nothing changes.
    const std::vector<CellValue> before = session->cells();
    const QList<Correction> corrections = session->corrections();
    const CellKey unknown(u"requests.received.martians"_s);
    for (const Error &error :
         {session->cell(unknown).error(), session->readInput(unknown, u"1"_s).error(),
          session->setCellValue(unknown, 1).error(), session->setCellNote(unknown, u"x"_s).error(),
          session->setCellValue(-1, 1).error(),
          session->setCellValue(int(tmpl().cells().size()), 1).error()}) {
        QCOMPARE(error.code, u"input.unknown_cell"_s);
    }
    QCOMPARE(session->setCellValue(unknown, 1).error().where.cell, unknown.toString());
    QCOMPARE(session->cells(), before);
    QCOMPARE(session->corrections(), corrections);
}

void TestReviewSession::openingAReportKeepsTheReadersFindings()
{
    // One engine: the findings a reader gives (CLI, library) are the ones the window shows.
    const QStringList files = corpusFiles();
    QVERIFY(files.size() > 40);
    ReportReader reader;
    int withFindings = 0;
    for (const QString &file : files) {
        Report report = reader.readFile(file);
        const QList<Finding> read = report.findings;
        const std::vector<CellValue> cells = report.cells;
        withFindings += !read.isEmpty();
        const ReviewSession session(std::move(report), checker(), u"alice"_s);
        QVERIFY2(session.findings() == read, qPrintable(file));
        QVERIFY2(session.cells() == cells, qPrintable(file));
        QVERIFY2(std::is_sorted(read.cbegin(), read.cend(), findingBefore), qPrintable(file));
    }
    QVERIFY(withFindings > 10);
}

void TestReviewSession::eachFindingSaysWhereItsFaultLies_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("reading"); // Fault::Reading, else Fault::Source
    // The published tables break the form's own rule (1 + 0 in, 2 out), read one way only.
    QTest::newRow("r14: its balance does not hold")
        << u"real/r14-pingtan-gaj-2021.txt"_s << u"requests.balance"_s << false;
    // The narrative says 424 and the table 34089 read by plausibility as 3 | 4 | 0 | 89: the
    // digits split other ways too, one of them giving 424.
    QTest::newRow("q79: a split chosen by plausibility")
        << u"real/q79-pingtan-gwhbgs-2022.txt"_s << u"text.table"_s << true;
    // Text stands where the figures should and cannot be read as them.
    QTest::newRow("r07: figures that cannot be read")
        << u"real/r07-shanghai-govoffice-2025.txt"_s << u"value.missing"_s << true;
    // The agency left the cells blank (the rules fill them in): the report's doing.
    QTest::newRow("seed 004: blank cells")
        << u"seeds/004_1a8c02130c595433/report.txt"_s << u"value.missing"_s << false;
}

void TestReviewSession::eachFindingSaysWhereItsFaultLies()
{
    QFETCH(QString, file);
    QFETCH(QString, rule);
    QFETCH(bool, reading);
    const Fault fault = reading ? Fault::Reading : Fault::Source;
    const Report report = ReportReader().readFile(test::dataPath(file));
    int found = 0;
    for (const Finding &finding : report.findings) {
        if (finding.rule != rule)
            continue;
        if (rule == u"value.missing") {
            // A cell left blank is the report's doing, one we could not read ours.
            const bool unreadable = report.cells[size_t(finding.cells.value(0))].extractedState
                == CellState::Unreadable;
            QVERIFY2(finding.fault == (unreadable ? Fault::Reading : Fault::Source),
                     qPrintable(finding.message));
            if (unreadable != reading)
                continue;
        }
        ++found;
        QVERIFY2(finding.fault == fault, qPrintable(finding.message));
    }
    QVERIFY(found > 0);
}

void TestReviewSession::aDismissalNeedsItsReasonAndLeavesTheCounts()
{
    const std::unique_ptr<ReviewSession> session = seedSession();
    const QList<Finding> findings = session->findings();
    QVERIFY(!findings.isEmpty());
    const ReviewCounts before = session->counts();
    QSignalSpy decided(session.get(), &ReviewSession::decisionChanged);
    QCOMPARE(session->decide(findings[0], DecisionState::Dismissed, u"  "_s).error().code,
             u"decision.no_reason"_s);
    QCOMPARE(decided.size(), 0);
    QVERIFY(session->decide(findings[0], DecisionState::Dismissed, u"单位已核实"_s));
    QCOMPARE(decided.size(), 1);
    QCOMPARE(session->decision(findings[0]).reviewer, u"alice"_s);
    QCOMPARE(session->counts().errors + session->counts().warnings,
             before.errors + before.warnings - 1);
    QCOMPARE(session->counts().unread, before.unread); // blank cells stay unread
    // The same decision again changes nothing and says nothing.
    QVERIFY(session->decide(findings[0], DecisionState::Dismissed, u"单位已核实"_s));
    QCOMPARE(decided.size(), 1);
    // Re-checking (a language switch rebuilds every finding) keeps the decision.
    session->retranslate();
    QCOMPARE(session->decision(session->findings()[0]).state, DecisionState::Dismissed);
}

void TestReviewSession::thePreviousYearIsCheckedAsTheReviewerEdits()
{
    // 平潭综合实验区行政审批局: 2023 has 16 行政规范性文件 in force; 2024 issues 15, repeals 6 and
    // prints 21 in force, where 16 + 15 − 6 = 25.
    const ReportReader reader;
    const Report before = reader.readFile(test::dataPath(u"real/r10-pingtan-xzspj-2023.html"_s));
    ReviewSession session(reader.readFile(test::dataPath(u"real/r11-pingtan-xzspj-2024.html"_s)),
                          checker(), u"alice"_s);
    const auto stockFlow = [&session] {
        QList<Finding> found;
        for (const Finding &finding : session.findings()) {
            if (finding.rule == u"active.stock_flow")
                found.append(finding);
        }
        return found;
    };
    QVERIFY(stockFlow().isEmpty());
    QSignalSpy changed(&session, &ReviewSession::findingsChanged);
    session.setPreviousYear(before.cells, 2023);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(session.previousYear(), 2023);
    QCOMPARE(stockFlow().size(), 1);
    QCOMPARE(*stockFlow().front().actual, 21.0);
    QCOMPARE(*stockFlow().front().expected, 25.0);

    // The reviewer's correction re-checks it at once; clearing the other year drops it.
    const int inForce = tmpl().cellIndex(CellKey(u"active.normative.in_force"_s));
    QVERIFY(session.setCellValue(inForce, 25));
    QVERIFY(stockFlow().isEmpty());
    QVERIFY(session.setCellValue(inForce, 21));
    QCOMPARE(stockFlow().size(), 1);
    session.setPreviousYear({}, 0);
    QVERIFY(stockFlow().isEmpty());
    QCOMPARE(session.previousYear(), 0);
}

QTEST_GUILESS_MAIN(TestReviewSession)
#include "tst_reviewsession.moc"

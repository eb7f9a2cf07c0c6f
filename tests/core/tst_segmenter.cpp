// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"
#include "extract/segmenter.h"
#include "reportreader.h"
#include "reporttemplate.h"
#include "rules/checker.h"
#include "rules/rulebook.h"
#include "testutils.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;

namespace {

/** A run as a crawler writes it: digits, with a space where a separator survived. */
DigitRun runOf(const QString &written, const std::vector<int> &cells)
{
    DigitRun run;
    bool gap = false;
    for (int i = 0; i < written.size(); ++i) {
        if (written[i] == u' ') {
            gap = true;
            continue;
        }
        run.digits.append(written[i]);
        run.positions.push_back(i);
        run.breakBefore.push_back(gap);
        gap = false;
    }
    run.cells = cells;
    return run;
}

std::vector<int> range(int first, int count)
{
    std::vector<int> cells;
    for (int c = first; c < first + count; ++c)
        cells.push_back(c);
    return cells;
}

/** total = sum of the parts, over cells [first, first + parts]. */
SegmentRule rowTotal(int first, int parts)
{
    SegmentRule rule;
    rule.terms.emplace_back(first + parts, 1);
    for (int c = first; c < first + parts; ++c)
        rule.terms.emplace_back(c, -1);
    return rule;
}

std::vector<double> values(const Split &split)
{
    return split.values;
}

} // namespace

class TestSegmenter : public QObject
{
    Q_OBJECT

private slots:
    void rowSumDecidesAFusedRow();
    void survivingSpacesAreBoundaries();
    void leadingZerosAreNotCounts();
    void columnRulesDecideRowsTheirOwnSumLeavesOpen();
    void tiedSplitsAreAllReturned();
    void statedFigurePrefersOneSplit();
    void plausibilityBreaksTiesTheRulesLeave();
    void plausibilityDecidesARealRowAndSaysSo();
    void figuresThatFitNoCellsAreQuotedNotDropped();
    void aRowTheAgencyLeftOutIsSuggestedZero();
    void brokenRowsAreReadWithTheFewestBrokenRules();
    void longRunsEndQuickly();
    void manyUndecidedRowsStayWithinTheStateLimit();
    void aLabelInASentenceAboveTheTableIsNotItsRow();
    void separatedFiguresOnOneLineAreNeverCut_data();
    void separatedFiguresOnOneLineAreNeverCut();
    void aSpentBudgetStopsTheSearch();
    void realCrawledReportsAreReadAsAnswered_data();
    void realCrawledReportsAreReadAsAnswered();
};

void TestSegmenter::rowSumDecidesAFusedRow()
{
    // 一、本年新收政府信息公开申请数量801000081 is 80 | 1 | 0 | 0 | 0 | 0 | 81.
    const Segmentation s
        = Segmenter::solve({runOf(u"801000081"_s, range(0, 7))}, {rowTotal(0, 6)}, {});
    QCOMPARE(s.splits.size(), size_t(1));
    QCOMPARE(s.splits[0].size(), size_t(1));
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {80, 1, 0, 0, 0, 0, 81}));
    QCOMPARE(s.brokenRules, 0);
}

void TestSegmenter::survivingSpacesAreBoundaries()
{
    // '20 0 0 0 02': 2 | 0 | 0 | 0 | 0 | 0 | 2, never 20 | … across the space.
    const Segmentation s
        = Segmenter::solve({runOf(u"20 0 0 0 02"_s, range(0, 7))}, {rowTotal(0, 6)}, {});
    QCOMPARE(s.splits[0].size(), size_t(1));
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {2, 0, 0, 0, 0, 0, 2}));
    // A space inside what would be one figure makes that split impossible.
    bool exhausted = true;
    const std::vector<Split> splits = Segmenter::splitsOf(runOf(u"1 2"_s, range(0, 1)), &exhausted);
    QVERIFY(splits.empty());
    QVERIFY(!exhausted);
}

void TestSegmenter::leadingZerosAreNotCounts()
{
    // 1105 into three cells: 1|10|5 and 11|0|5; 1|1|05 is not a count.
    const std::vector<Split> splits = Segmenter::splitsOf(runOf(u"1105"_s, range(0, 3)), nullptr);
    QCOMPARE(splits.size(), size_t(2));
    QCOMPARE(values(splits[0]), (std::vector<double> {1, 10, 5}));
    QCOMPARE(values(splits[1]), (std::vector<double> {11, 0, 5}));
}

void TestSegmenter::columnRulesDecideRowsTheirOwnSumLeavesOpen()
{
    // Row 0 '11011' adds up as 1|10|11 and as 11|0|11; row 1 is printed with its spaces. A rule
    // between the rows (each column of row 0 equals row 1's, as 一+二 = 七+四 ties rows of
    // table 三) leaves one.
    const std::vector<DigitRun> runs
        = {runOf(u"11011"_s, {0, 1, 2}), runOf(u"1 10 11"_s, {3, 4, 5})};
    std::vector<SegmentRule> rules = {rowTotal(0, 2), rowTotal(3, 2)};
    for (int c = 0; c < 3; ++c)
        rules.push_back(SegmentRule {{{c, 1}, {c + 3, -1}}});
    const Segmentation alone = Segmenter::solve({runs[0]}, {rowTotal(0, 2)}, {});
    QCOMPARE(alone.splits[0].size(), size_t(2));
    const Segmentation s = Segmenter::solve(runs, rules, {});
    QCOMPARE(s.splits[0].size(), size_t(1));
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {1, 10, 11}));
    QCOMPARE(s.brokenRules, 0);
}

void TestSegmenter::tiedSplitsAreAllReturned()
{
    // 行政规范性文件1129 (本年制发, 本年废止, 现行有效): no rule inside table 二, so every
    // split stays a candidate: 1|1|29, 1|12|9, 11|2|9.
    const Segmentation s = Segmenter::solve({runOf(u"1129"_s, range(0, 3))}, {}, {});
    QCOMPARE(s.splits[0].size(), size_t(3));
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {1, 1, 29}));
    QCOMPARE(values(s.splits[0][1]), (std::vector<double> {1, 12, 9}));
    QCOMPARE(values(s.splits[0][2]), (std::vector<double> {11, 2, 9}));
}

void TestSegmenter::statedFigurePrefersOneSplit()
{
    // The narrative's 现行有效…规范性文件698件 picks 88 | 55 | 698 out of 8855698's splits.
    const Segmentation s = Segmenter::solve({runOf(u"8855698"_s, range(0, 3))}, {},
                                            {{SegmentPreference::Equals, 2, 698, {}}});
    QCOMPARE(s.splits[0].size(), size_t(3)); // 8|855|698, 88|55|698, 885|5|698
    const Segmentation both = Segmenter::solve(
        {runOf(u"8855698"_s, range(0, 3))}, {},
        {{SegmentPreference::Equals, 2, 698, {}}, {SegmentPreference::Equals, 0, 88, {}}});
    QCOMPARE(both.splits[0].size(), size_t(1));
    QCOMPARE(values(both.splits[0][0]), (std::vector<double> {88, 55, 698}));
    // The rules alone leave every split: the caller is told that the text chose.
    QVERIFY(both.tiedByRules[0].size() > 1);
    // The same in a real crawled report (r03: 8855698, the narrative states 698 and 88): read,
    // and a segment.by_text finding says so and offers the other ways.
    const Report report = ReportReader().readFile(
        QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/r03-pingtan-2022.txt"));
    const int inForce
        = ReportTemplate::standard().cellIndex(CellKey(u"active.normative.in_force"_s));
    QCOMPARE(report.cells[size_t(inForce)].value, std::optional<double>(698));
    const auto byText
        = std::find_if(report.findings.begin(), report.findings.end(), [&](const Finding &f) {
              return f.rule == u"segment.by_text" && f.cells.contains(inForce);
          });
    QVERIFY(byText != report.findings.end());
    QVERIFY(byText->choices.size() > 1);
}

namespace {

/** 现行有效 + 本年废止 >= 本年制发 over cells (issued, repealed, in force) = (0, 1, 2). */
SegmentPreference stockFloor()
{
    return {SegmentPreference::AtLeast, -1, 0, {{2, 1}, {1, 1}, {0, -1}}};
}

const Finding *findingOf(const Report &report, QStringView rule, int cell)
{
    for (const Finding &finding : report.findings) {
        if (finding.rule == rule && finding.cells.contains(cell))
            return &finding;
    }
    return nullptr;
}

} // namespace

void TestSegmenter::plausibilityBreaksTiesTheRulesLeave()
{
    // 3021: 3 | 0 | 21 or 30 | 2 | 1; thirty documents issued this year and one in force with
    // two repealed cannot be: the plausible split is read, and the caller learns it was tied.
    const Segmentation s = Segmenter::solve({runOf(u"3021"_s, range(0, 3))}, {}, {stockFloor()});
    QCOMPARE(s.splits[0].size(), size_t(1));
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {3, 0, 21}));
    QCOMPARE(s.tiedByRules[0].size(), size_t(2));
    // Where every split is plausible (1129: r19's 11 | 2 | 9 breaks 现行有效 >= 本年制发, so
    // that weaker relation is not used), all stay candidates.
    const Segmentation open = Segmenter::solve({runOf(u"1129"_s, range(0, 3))}, {}, {stockFloor()});
    QCOMPARE(open.splits[0].size(), size_t(3));
    // A figure the narrative states outweighs plausibility.
    const Segmentation stated
        = Segmenter::solve({runOf(u"3021"_s, range(0, 3))}, {},
                           {stockFloor(), {SegmentPreference::Equals, 0, 30, {}}});
    QCOMPARE(stated.splits[0].size(), size_t(1));
    QCOMPARE(values(stated.splits[0][0]), (std::vector<double> {30, 2, 1}));
}

void TestSegmenter::plausibilityDecidesARealRowAndSaysSo()
{
    // q81 (crawled, 2022): 行政规范性文件3023 is 3 | 0 | 23 or 30 | 2 | 3; the second leaves
    // 3 in force of 30 issued with 2 repealed. Read as 3 | 0 | 23, with a warning on the row
    // that lists both ways so the reviewer can take the other with one click.
    const Report report = ReportReader().readFile(
        QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/q81-pingtan-gzj-2022.txt"));
    const ReportTemplate &tmpl = ReportTemplate::standard();
    const int issued = tmpl.cellIndex(CellKey(u"active.normative.issued"_s));
    const int inForce = tmpl.cellIndex(CellKey(u"active.normative.in_force"_s));
    QCOMPARE(report.cells[size_t(issued)].value, std::optional<double>(3));
    QCOMPARE(report.cells[size_t(inForce)].value, std::optional<double>(23));
    const Finding *finding = findingOf(report, u"segment.by_plausibility", inForce);
    QVERIFY(finding);
    QCOMPARE(finding->severity, Severity::Warning);
    QCOMPARE(finding->choices.size(), 2);
    QVERIFY(finding->message.contains(u"3023"_s));
}

void TestSegmenter::figuresThatFitNoCellsAreQuotedNotDropped()
{
    // q78 keeps its separators: 行政规范性文件 20 155 is two figures for three cells, and which
    // cell is blank (or which figure is two fused) nothing says. The cells are unreadable and
    // quote what stands there; they are never "blank in the source" with 0 suggested.
    const Report report = ReportReader().readFile(
        QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/q78-pingtan-gwhbgs-2021.txt"));
    const int issued = ReportTemplate::standard().cellIndex(CellKey(u"active.normative.issued"_s));
    const CellValue &cell = report.cells[size_t(issued)];
    QCOMPARE(cell.state, CellState::Unreadable);
    QCOMPARE(cell.sourceText, u"20 155"_s);
    const Finding *finding = findingOf(report, u"value.missing", issued);
    QVERIFY(finding);
    QVERIFY(!finding->suggestion);
    QVERIFY(finding->message.contains(u"20 155"_s));
}

void TestSegmenter::aRowTheAgencyLeftOutIsSuggestedZero()
{
    // p32 prints no 规章 row (a department makes no 规章): its three cells stay missing, each
    // with a warning that suggests 0; a row that is printed is never given that suggestion.
    const Report report = ReportReader().readFile(
        QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/p32-pingtan-htpq-2024.txt"));
    const ReportTemplate &tmpl = ReportTemplate::standard();
    for (const QString &key : {u"active.regulation.issued"_s, u"active.regulation.repealed"_s,
                               u"active.regulation.in_force"_s}) {
        const int cell = tmpl.cellIndex(CellKey(key));
        QCOMPARE(report.cells[size_t(cell)].state, CellState::Missing);
        const Finding *finding = findingOf(report, u"value.missing", cell);
        QVERIFY2(finding && finding->suggestion, qPrintable(key));
        QCOMPARE(finding->suggestion->value, 0.0);
    }
    for (const Finding &finding : report.findings) {
        const bool guessed = finding.suggestion && finding.rule == u"value.missing"
            && report.cells[size_t(finding.cells.front())].state == CellState::Missing;
        if (!guessed)
            continue; // a deduced cell's suggestion is the rules' value
        QCOMPARE(tmpl.cells()[finding.cells.front()].table, 0);
        QCOMPARE(tmpl.cells()[finding.cells.front()].row, 0); // the 规章 row only
    }
}

void TestSegmenter::brokenRowsAreReadWithTheFewestBrokenRules()
{
    // '124' into a, b and their total: its one split breaks the row, and is read so that the
    // rule then fires on it (a report whose own figures do not add up).
    const Segmentation s = Segmenter::solve({runOf(u"124"_s, range(0, 3))}, {rowTotal(0, 2)}, {});
    QCOMPARE(s.brokenRules, 1);
    QCOMPARE(s.splits[0].size(), size_t(1)); // three digits, three cells: one split
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {1, 2, 4}));
}

void TestSegmenter::aSpentBudgetStopsTheSearch()
{
    // Bounded work must still stop when the file's time budget does, or reading is cancelled:
    // on a sanitized build a fuzzed table took 24 s inside the work limits.
    SegmentRule across; // the six cells of one run add up to the six of the other
    for (int c = 0; c < 6; ++c) {
        across.terms.emplace_back(c, 1);
        across.terms.emplace_back(c + 6, -1);
    }
    const std::vector<DigitRun> runs {runOf(QString(13, u'1'), range(0, 6)),
                                      runOf(QString(13, u'1'), range(6, 6))};
    const Segmentation free = Segmenter::solve(runs, {across}, {});
    QVERIFY(!free.exhausted);
    const std::atomic<bool> cancel {true};
    const ReadBudget budget(ReadBudget::kPerFile, &cancel);
    const ReadBudget::Scope scope(budget);
    const Segmentation stopped = Segmenter::solve(runs, {across}, {});
    QVERIFY(stopped.exhausted);
    QVERIFY(stopped.splits[0].empty() && stopped.splits[1].empty());
}

void TestSegmenter::longRunsEndQuickly()
{
    // A 5,000-digit run cannot be seven counts (a count has at most nine digits): refused at
    // once, with nothing guessed; and a run at the limit of what a row can hold still ends.
    QElapsedTimer timer;
    timer.start();
    const Segmentation s
        = Segmenter::solve({runOf(QString(5000, u'7'), range(0, 7))}, {rowTotal(0, 6)}, {});
    QVERIFY(s.splits[0].empty());
    const Segmentation wide
        = Segmenter::solve({runOf(QString(63, u'1'), range(0, 7))}, {rowTotal(0, 6)}, {});
    QVERIFY(wide.splits[0].size() <= size_t(Segmenter::kMaxSplitsPerRun));
    const Segmentation many = Segmenter::solve({runOf(QString(40, u'1'), range(0, 15))}, {}, {});
    QVERIFY(many.exhausted); // C(39, 14) ways: the limit stops it, and it says so
    QVERIFY(many.splits[0].empty());
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, "the work limits do not bound the segmenter");
}

void TestSegmenter::manyUndecidedRowsStayWithinTheStateLimit()
{
    // Twelve rows of nine digits into three cells (28 splits each, all different sums) under
    // one rule over every cell: the partial sums outgrow kMaxStates. The programme stops and
    // leaves the rows undecided rather than guess or grow without bound.
    std::vector<DigitRun> runs;
    SegmentRule all;
    for (int r = 0; r < 12; ++r) {
        runs.push_back(runOf(u"123456789"_s, range(r * 3, 3)));
        for (int c = r * 3; c < r * 3 + 3; ++c)
            all.terms.emplace_back(c, 1);
    }
    runs.push_back(runOf(u"7"_s, {36}));
    all.terms.emplace_back(36, -1);
    const Segmentation s = Segmenter::solve(runs, {all}, {});
    QVERIFY(s.exhausted);
    for (int r = 0; r < 12; ++r)
        QVERIFY(s.splits[size_t(r)].empty());
    QCOMPARE(s.splits[12].size(), size_t(1)); // a run with one split is still read
}

void TestSegmenter::aLabelInASentenceAboveTheTableIsNotItsRow()
{
    // A sentence that names a row's short label (本年新收) between the heading and the table.
    QFile file(QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/r02-pingtan-2021.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    const QString heading = u"三、收到和处理政府信息公开申请情况"_s;
    const qsizetype at = text.indexOf(heading, text.indexOf(u"二、主动公开政府信息情况"_s));
    QVERIFY(at > 0);
    text.insert(at + heading.size(), u"2021年本年新收申请70件。"_s);
    const Report report = ReportReader().readBytes(text.toUtf8(), u"sentence.txt"_s);
    const ReportTemplate &tmpl = ReportTemplate::standard();
    const std::vector<double> received = {64, 0, 0, 2, 0, 4, 70};
    for (int c = 0; c < 7; ++c) {
        const CellValue &cell = report.cells[size_t(tmpl.cellIndex(1, 0, c))];
        QCOMPARE(cell.value, std::optional<double>(received[size_t(c)]));
        QCOMPARE(cell.state, CellState::Extracted); // read from its row, not deduced
    }
}

void TestSegmenter::separatedFiguresOnOneLineAreNeverCut_data()
{
    QTest::addColumn<QString>("seed");
    const QDir seeds(QStringLiteral(NIANBAO_TEST_DATA_DIR "/seeds"));
    for (const QString &seed : seeds.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        QTest::newRow(qPrintable(seed)) << seed;
}

void TestSegmenter::separatedFiguresOnOneLineAreNeverCut()
{
    // A page whose line breaks were lost but whose cells kept their spaces: the whole report
    // on one line. Seed 004 leaves cells blank; a row of six figures for seven cells has a
    // blank, and is not cut into seven (8 9 10 27 is never 8 | 9 | 1 | 0 | 27).
    QFETCH(QString, seed);
    const QString folder = QStringLiteral(NIANBAO_TEST_DATA_DIR "/seeds/") + seed;
    QFile file(folder + u"/report.txt"_s);
    QFile answerFile(folder + u"/expected.json"_s);
    QVERIFY(file.open(QIODevice::ReadOnly) && answerFile.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(file.readAll());
    text.replace(QRegularExpression(u"[|\\t\\n]+"_s), u" "_s);
    text.remove(QRegularExpression(u"-{3,}"_s));
    const QJsonObject expected
        = QJsonDocument::fromJson(answerFile.readAll()).object().value(u"cells"_s).toObject();
    const Report report = ReportReader().readBytes(text.toUtf8(), u"oneline.txt"_s);
    const ReportTemplate &tmpl = ReportTemplate::standard();
    int extracted = 0;
    for (int cell = 0; cell < tmpl.cellCount(); ++cell) {
        const CellValue &value = report.cells[size_t(cell)];
        if (value.extractedState != CellState::Extracted)
            continue;
        ++extracted;
        const QString key = tmpl.cells()[cell].key.toString();
        QVERIFY2(value.extractedValue == expected.value(key).toDouble(), qPrintable(key));
    }
    QVERIFY(extracted > 150);
}

void TestSegmenter::realCrawledReportsAreReadAsAnswered_data()
{
    QTest::addColumn<QString>("name");
    // Crawled page text of the Pingtan portal: each table on one line, figures fused.
    QTest::newRow("r02 2021") << u"r02-pingtan-2021"_s;
    QTest::newRow("r14 公安局 2021 (own balance broken)") << u"r14-pingtan-gaj-2021"_s;
    QTest::newRow("r19 经济发展局 2024 (own rules broken)") << u"r19-pingtan-jjfzj-2024"_s;
    QTest::newRow("p36 2024") << u"p36-pingtan-2024"_s;
}

void TestSegmenter::realCrawledReportsAreReadAsAnswered()
{
    QFETCH(QString, name);
    const QString folder = QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/");
    QFile answerFile(folder + name + u".json"_s);
    QVERIFY(answerFile.open(QIODevice::ReadOnly));
    const QJsonObject answer = QJsonDocument::fromJson(answerFile.readAll()).object();
    const QJsonObject expected = answer.value(u"cells"_s).toObject();
    const Report report = ReportReader().readFile(folder + name + u".txt"_s);
    const ReportTemplate &tmpl = ReportTemplate::standard();
    int right = 0;
    for (int cell = 0; cell < tmpl.cellCount(); ++cell) {
        const CellValue &value = report.cells[size_t(cell)];
        const double want = expected.value(tmpl.cells()[cell].key.toString()).toDouble();
        if (tmpl.cells()[cell].table == 0) {
            // Table 二 has no rule: a fused 规范性文件 row may stay undecided, never wrong.
            QVERIFY2(!value.value || *value.value == want || value.state != CellState::Extracted,
                     qPrintable(tmpl.cells()[cell].key.toString()));
            continue;
        }
        QVERIFY2(value.value && *value.value == want,
                 qPrintable(tmpl.cells()[cell].key.toString()));
        ++right;
    }
    QCOMPARE(right, 190); // every cell of tables 三 and 四
}

QTEST_GUILESS_MAIN(TestSegmenter)
#include "tst_segmenter.moc"

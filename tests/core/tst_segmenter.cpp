// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "checker.h"
#include "extract/segmenter.h"
#include "reportreader.h"
#include "reporttemplate.h"
#include "rulebook.h"

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
    void brokenRowsAreReadWithTheFewestBrokenRules();
    void longRunsEndQuickly();
    void manyUndecidedRowsStayWithinTheStateLimit();
    void aLabelInASentenceAboveTheTableIsNotItsRow();
    void separatedFiguresOnOneLineAreNeverCut_data();
    void separatedFiguresOnOneLineAreNeverCut();
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
                                            {{SegmentPreference::Equals, 2, -1, 698}});
    QCOMPARE(s.splits[0].size(), size_t(3)); // 8|855|698, 88|55|698, 885|5|698
    const Segmentation both = Segmenter::solve(
        {runOf(u"8855698"_s, range(0, 3))}, {},
        {{SegmentPreference::Equals, 2, -1, 698}, {SegmentPreference::Equals, 0, -1, 88}});
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

void TestSegmenter::brokenRowsAreReadWithTheFewestBrokenRules()
{
    // '124' into a, b and their total: its one split breaks the row, and is read so that the
    // rule then fires on it (a report whose own figures do not add up).
    const Segmentation s = Segmenter::solve({runOf(u"124"_s, range(0, 3))}, {rowTotal(0, 2)}, {});
    QCOMPARE(s.brokenRules, 1);
    QCOMPARE(s.splits[0].size(), size_t(1)); // three digits, three cells: one split
    QCOMPARE(values(s.splits[0][0]), (std::vector<double> {1, 2, 4}));
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
    QVERIFY2(timer.elapsed() < 5000, "the work limits do not bound the segmenter");
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

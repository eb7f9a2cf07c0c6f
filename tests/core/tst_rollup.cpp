// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"
#include "reporttemplate.h"
#include "rules/rollup.h"
#include "testutils.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/**
 * Three 平潭 units of 2021 that Nianbao reads to their answers; 综合执法应急局 leaves 21 cells
 * blank in its source, which the rules deduce, so deduced figures are summed too.
 */
const QStringList kUnits
    = {u"r14-pingtan-gaj-2021"_s, u"q70-pingtan-jtj-2021"_s, u"q74-pingtan-zhzfyjj-2021"_s};

/** A unit's answers (tests/data/real/NAME.json): the true figure of each of the 200 cells. */
struct Answers
{
    QHash<QString, double> cells;
};

bool loadAnswers(const QString &name, Answers *answers)
{
    QFile file(dataPath(u"real/"_s % name % u".json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    const QJsonObject cells = root["cells"_L1].toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it)
        answers->cells.insert(it.key(), it.value().toDouble());
    return answers->cells.size() == ReportTemplate::standard().cellCount();
}

QString unitPath(const QString &name)
{
    return dataPath(u"real/"_s % name % u".txt"_s);
}

QString figure(double value)
{
    return QString::number(value, 'g', 12);
}

} // namespace

class TestRollup : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void consolidatedTableIsTheSumOfTheUnitsAnswers();
    void summaryEqualToTheSumGivesNoFinding();
    void oneChangedSummaryCellGivesOneFindingNamingIt();
    void feesAgreeToHalfAHundredthOfTenThousandYuan();
    void unitMissingACellGivesNoFindingOnIt();
    void manyUnitsAreNamedUpToTenThenCounted();
    void cliExitsCleanWhenTheSummaryIsTheSum();
    void cliExitsOneWithFindingsAndPrintsThemAsJson();
    void cliExitsTwoOnAnUnreadableFileAndStillCompares();
    void cliConsolidatesThroughTheExporter();

private:
    std::vector<CellValue> consolidated() const;

    QList<RollupUnit> m_units;
    QList<Answers> m_answers;
};

void TestRollup::initTestCase()
{
    const ReportReader reader;
    for (const QString &name : kUnits) {
        const Report report = reader.readFile(unitPath(name));
        QVERIFY2(report.loaded, qPrintable(name));
        QVERIFY(!report.agency.isEmpty());
        m_units.append({report.agency, report.cells});
        Answers answers;
        QVERIFY2(loadAnswers(name, &answers), qPrintable(name));
        m_answers.append(answers);
    }
}

std::vector<CellValue> TestRollup::consolidated() const
{
    QList<std::vector<CellValue>> tables;
    for (const RollupUnit &unit : m_units)
        tables.append(unit.cells);
    return Rollup().consolidate(tables);
}

void TestRollup::consolidatedTableIsTheSumOfTheUnitsAnswers()
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const std::vector<CellValue> table = consolidated();
    QCOMPARE(int(table.size()), reportTemplate.cellCount());
    for (int cell = 0; cell < reportTemplate.cellCount(); ++cell) {
        const QString key = reportTemplate.cells()[cell].key.toString();
        double sum = 0;
        for (const Answers &answers : m_answers)
            sum += answers.cells.value(key);
        const CellValue &value = table[size_t(cell)];
        QVERIFY2(value.hasValue(), qPrintable(key));
        QVERIFY2(qAbs(*value.value - sum) < 1e-9,
                 qPrintable(key % u": "_s % figure(*value.value) % u" ≠ "_s % figure(sum)));
    }
    // Not all zeros: the sum of 公安局's 141 penalty decisions and the others' is there.
    QVERIFY(*table[size_t(cellOf("active.penalty.decisions"))].value >= 141);
}

void TestRollup::summaryEqualToTheSumGivesNoFinding()
{
    const QList<Finding> findings = Rollup().check(consolidated(), m_units);
    QVERIFY2(findings.isEmpty(), qPrintable(findings.value(0).message));
}

void TestRollup::oneChangedSummaryCellGivesOneFindingNamingIt()
{
    const int cell = cellOf("active.penalty.decisions");
    std::vector<CellValue> summary = consolidated();
    const double sum = *summary[size_t(cell)].value;
    summary[size_t(cell)].value = sum + 7;
    const QList<Finding> findings = Rollup().check(summary, m_units);
    QCOMPARE(findings.size(), 1);
    const Finding &finding = findings.front();
    QCOMPARE(finding.key, (FindingKey {FindingKind::Rollup, cell}));
    QCOMPARE(finding.key.toString(), u"rollup:"_s + QString::number(cell));
    QCOMPARE(finding.rule, u"rollup.sum"_s);
    QCOMPARE(finding.severity, Severity::Warning);
    QCOMPARE(finding.cells, QList<int> {cell});
    QCOMPARE(finding.actual, sum + 7);
    QCOMPARE(finding.expected, sum);
    QVERIFY2(finding.message.contains(ReportTemplate::standard().cellLabel(cell)),
             qPrintable(finding.message));
    QVERIFY(finding.message.contains(figure(sum + 7)));
    QVERIFY(finding.message.contains(figure(sum)));
    for (int u = 0; u < m_units.size(); ++u) {
        const QString named = m_units[u].agency % u' '
            % figure(m_answers[u].cells.value(u"active.penalty.decisions"_s));
        QVERIFY2(finding.message.contains(named), qPrintable(named % u" in "_s % finding.message));
    }
}

void TestRollup::feesAgreeToHalfAHundredthOfTenThousandYuan()
{
    const QList<RollupUnit> units = m_units.first(2);
    const int fee = cellOf("active.fee.amount");
    const double sum = m_answers[0].cells.value(u"active.fee.amount"_s)
        + m_answers[1].cells.value(u"active.fee.amount"_s);
    std::vector<CellValue> summary = Rollup().consolidate({units[0].cells, units[1].cells});
    summary[size_t(fee)].value = sum + 0.004;
    QVERIFY(Rollup().check(summary, units).isEmpty());
    summary[size_t(fee)].value = sum + 0.01;
    const QList<Finding> findings = Rollup().check(summary, units);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings.front().cells, QList<int> {fee});
}

void TestRollup::unitMissingACellGivesNoFindingOnIt()
{
    const int cell = cellOf("requests.received.natural");
    std::vector<CellValue> summary = consolidated();
    *summary[size_t(cell)].value += 3;
    QList<RollupUnit> units = m_units;
    QCOMPARE(Rollup().check(summary, units).size(), 1); // the change is seen while all have it
    units[1].cells[size_t(cell)] = CellValue {};
    QVERIFY(Rollup().check(summary, units).isEmpty());
    const std::vector<CellValue> table
        = Rollup().consolidate({units[0].cells, units[1].cells, units[2].cells});
    QVERIFY(!table[size_t(cell)].hasValue());
    QCOMPARE(table[size_t(cell)].state, CellState::Missing);
}

void TestRollup::manyUnitsAreNamedUpToTenThenCounted()
{
    QList<RollupUnit> units;
    for (int copy = 0; copy < 12; ++copy)
        units.append({u"单位%1"_s.arg(copy + 1), m_units[0].cells});
    const int cell = cellOf("requests.received.total");
    std::vector<CellValue> summary = m_units[0].cells;
    summary[size_t(cell)].value = -1;
    const QList<Finding> findings = Rollup().check(summary, units);
    QVERIFY(!findings.isEmpty());
    const Finding *finding = findByKey(findings, {FindingKind::Rollup, cell});
    QVERIFY(finding);
    QVERIFY2(finding->message.contains(u"单位10 "_s), qPrintable(finding->message));
    QVERIFY(!finding->message.contains(u"单位11 "_s));
    QVERIFY(finding->message.contains(u"and 2 more"_s));
}

void TestRollup::cliExitsCleanWhenTheSummaryIsTheSum()
{
    // A summary of one unit that is that unit is its own sum.
    CliRun run;
    QVERIFY(runCli({u"rollup"_s, u"--summary"_s, unitPath(kUnits[0]), unitPath(kUnits[0])}, &run));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.out.contains("rollup.sum"), run.out.constData());
}

void TestRollup::cliExitsOneWithFindingsAndPrintsThemAsJson()
{
    CliRun run;
    QVERIFY(
        runCli({u"rollup"_s, u"--json"_s, u"--summary"_s, unitPath(kUnits[1]), unitPath(kUnits[0])},
               &run));
    QCOMPARE(run.exitCode, 1);
    QJsonParseError error;
    const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
    QVERIFY2(error.error == QJsonParseError::NoError, run.out.constData());
    QCOMPARE(root["summary"_L1].toString(), unitPath(kUnits[1]));
    QCOMPARE(root["units"_L1].toArray().size(), 1);
    // 公安局 counts 141 penalty decisions, 交通局 another number: at least that cell differs.
    bool penalty = false;
    for (const QJsonValue &value : root["findings"_L1].toArray()) {
        const QJsonObject finding = value.toObject();
        QCOMPARE(finding["rule"_L1].toString(), u"rollup.sum"_s);
        QCOMPARE(finding["severity"_L1].toString(), u"warning"_s);
        QVERIFY(!finding["message"_L1].toString().isEmpty());
        if (finding["cells"_L1].toArray().first().toString() == u"active.penalty.decisions") {
            penalty = true;
            QCOMPARE(finding["expected"_L1].toDouble(), 141.0);
            QCOMPARE(finding["actual"_L1].toDouble(),
                     m_answers[1].cells.value(u"active.penalty.decisions"_s));
        }
    }
    QVERIFY(penalty);
}

void TestRollup::cliExitsTwoOnAnUnreadableFileAndStillCompares()
{
    CliRun run;
    QVERIFY(runCli({u"rollup"_s, u"--summary"_s, unitPath(kUnits[1]), unitPath(kUnits[0]),
                    dataPath(u"real/no-such-report.txt"_s)},
                   &run));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.out.contains("rollup.sum"), run.out.constData());
}

void TestRollup::cliConsolidatesThroughTheExporter()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(u"consolidated.csv"_s);
    QStringList arguments {u"rollup"_s, u"--consolidate"_s, u"--out"_s, out};
    for (const QString &name : kUnits)
        arguments.append(unitPath(name));
    CliRun run;
    QVERIFY(runCli(arguments, &run));
    QCOMPARE(run.exitCode, 0);
    QFile csv(out);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(csv.readAll());
    double sum = 0;
    for (const Answers &answers : m_answers)
        sum += answers.cells.value(u"active.penalty.decisions"_s);
    bool found = false;
    for (const QString &line : text.split(u'\n')) {
        if (!line.contains(u",active.penalty.decisions,"_s))
            continue;
        found = true;
        QVERIFY2(line.contains(u',' % figure(sum) % u','), qPrintable(line));
    }
    QVERIFY2(found, qPrintable(text.left(400)));

    CliRun failed;
    QVERIFY(runCli({u"rollup"_s, u"--consolidate"_s, u"--out"_s, dir.filePath(u"none.csv"_s),
                    unitPath(kUnits[0]), dataPath(u"real/no-such-report.txt"_s)},
                   &failed));
    QCOMPARE(failed.exitCode, 2);
    QVERIFY(!QFile::exists(dir.filePath(u"none.csv"_s)));
}

QTEST_GUILESS_MAIN(TestRollup)
#include "tst_rollup.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/rollupinference.h"
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

/**
 * The real 平潭 reports as the library lists them, in `folder` (under /lib/), with the agency
 * and year their answers give: the real names the inference must read.
 */
QList<DocumentSummary> pingtanReports(const QStringList &names, const QString &folder)
{
    QList<DocumentSummary> reports;
    for (const QString &name : names) {
        QFile file(dataPath(u"real/"_s % name % u".json"_s));
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
        DocumentSummary report;
        report.id = qint64(reports.size() + 1);
        report.path = u"/lib/"_s % folder % u'/' % name % u".txt"_s;
        report.agency = root["agency"_L1].toString();
        report.year = root["year"_L1].toInt();
        reports.append(report);
    }
    return reports;
}

/** The ids of `reports` whose file name begins with one of `prefixes`, ascending. */
QList<qint64> idsOf(const QList<DocumentSummary> &reports, const QStringList &prefixes)
{
    QList<qint64> ids;
    for (const DocumentSummary &report : reports) {
        const QString file = report.path.section(u'/', -1);
        for (const QString &prefix : prefixes) {
            if (file.startsWith(prefix))
                ids.append(report.id);
        }
    }
    return ids;
}

const QStringList kPingtan2021
    = {u"r02-pingtan-2021"_s,        u"r14-pingtan-gaj-2021"_s,     u"q70-pingtan-jtj-2021"_s,
       u"q72-pingtan-nyncj-2021"_s,  u"q74-pingtan-zhzfyjj-2021"_s, u"q76-pingtan-lywtj-2021"_s,
       u"q78-pingtan-gwhbgs-2021"_s, u"q80-pingtan-gzj-2021"_s,     u"q82-pingtan-htpq-2021"_s,
       u"q83-pingtan-jjpq-2021"_s,   u"q84-pingtan-jspq-2021"_s,    u"q85-pingtan-sppq-2021"_s};
const QStringList kPingtan2022 = {u"r03-pingtan-2022"_s, u"p38-pingtan-gaj-2022"_s,
                                  u"q71-pingtan-jtj-2022"_s, u"q79-pingtan-gwhbgs-2022"_s};

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
    void governmentsAreToldFromDepartments();
    void aFolderProposesItsGovernmentAsTheSummaryOfEachYear();
    void subfoldersAreUnitsOfTheirParentsGovernment();
    void aFolderWithoutOneGovernmentProposesNothingForUnnamedUnits();

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
void TestRollup::governmentsAreToldFromDepartments()
{
    QVERIFY(isGovernmentAgency(u"平潭综合实验区"_s));
    QVERIFY(isGovernmentAgency(u"沭阳县人民政府"_s));
    QVERIFY(isGovernmentAgency(u"平潭综合实验区管理委员会"_s));
    QVERIFY(!isGovernmentAgency(u"平潭综合实验区管委会办公室"_s));
    QVERIFY(!isGovernmentAgency(u"平潭综合实验区海坛片区管理局"_s));
    QVERIFY(!isGovernmentAgency(u"上海市人民政府办公厅"_s));
    QVERIFY(!isGovernmentAgency(u"沭阳县发展和改革局"_s));
}

void TestRollup::aFolderProposesItsGovernmentAsTheSummaryOfEachYear()
{
    // Both years in one folder, as a reviewer downloads them: one set per year.
    const QList<DocumentSummary> reports = pingtanReports(kPingtan2021 + kPingtan2022, u"平潭"_s);
    QCOMPARE(reports.size(), kPingtan2021.size() + kPingtan2022.size());
    const QList<ProposedRollup> proposed = inferRollupSets(reports);
    QCOMPARE(proposed.size(), 2);
    QCOMPARE(proposed[0].summaryId, idsOf(reports, {u"r02-"_s}).value(0));
    QCOMPARE(proposed[0].year, 2021);
    // The 11 departments and 片区 of 2021, 管委会办公室 among them; none of 2022.
    QCOMPARE(proposed[0].unitIds, idsOf(reports, kPingtan2021.mid(1)));
    QCOMPARE(proposed[1].summaryId, idsOf(reports, {u"r03-"_s}).value(0));
    QCOMPARE(proposed[1].year, 2022);
    QCOMPARE(proposed[1].unitIds, idsOf(reports, kPingtan2022.mid(1)));
}

void TestRollup::subfoldersAreUnitsOfTheirParentsGovernment()
{
    // 平潭/ holds the summary; 平潭/公安局/ and 平潭/海坛片区/ hold one unit each.
    QList<DocumentSummary> reports = pingtanReports({u"r02-pingtan-2021"_s}, u"平潭"_s);
    for (const auto &[name, folder] :
         {std::pair {u"r14-pingtan-gaj-2021"_s, u"平潭/公安局"_s},
          std::pair {u"q82-pingtan-htpq-2021"_s, u"平潭/海坛片区"_s}}) {
        DocumentSummary unit = pingtanReports({name}, folder).value(0);
        unit.id = qint64(reports.size() + 1);
        reports.append(unit);
    }
    const QList<ProposedRollup> proposed = inferRollupSets(reports);
    QCOMPARE(proposed, (QList<ProposedRollup> {{1, {2, 3}, 2021}}));
}

void TestRollup::aFolderWithoutOneGovernmentProposesNothingForUnnamedUnits()
{
    // Departments alone: no summary among them.
    QVERIFY(inferRollupSets(pingtanReports(kPingtan2021.mid(1), u"平潭"_s)).isEmpty());
    // 沭阳县人民政府 and a department of 2025 named with its county: a set. Another year's
    // department (2023) is left out of it.
    QList<DocumentSummary> reports
        = pingtanReports({u"r09-shuyang-county-2025"_s, u"r01-shuyang-fgj-2023"_s}, u"沭阳"_s);
    QVERIFY(inferRollupSets(reports).isEmpty());
    reports[1].year = 2025;
    QCOMPARE(inferRollupSets(reports), (QList<ProposedRollup> {{1, {2}, 2025}}));
    // Two governments of one level in one folder: only units named with a place are given.
    DocumentSummary unnamed;
    unnamed.id = 3;
    unnamed.path = u"/lib/沭阳/x.txt"_s;
    unnamed.agency = u"公安局"_s;
    unnamed.year = 2025;
    DocumentSummary other = reports[0];
    other.id = 4;
    other.agency = u"洪泽区人民政府"_s;
    reports << unnamed << other;
    QCOMPARE(inferRollupSets(reports), (QList<ProposedRollup> {{1, {2}, 2025}}));
}

#include "tst_rollup.moc"

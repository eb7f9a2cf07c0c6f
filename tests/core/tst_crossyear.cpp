// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencyidentity.h"
#include "batchchecker.h"
#include "reportreader.h"
#include "reporttemplate.h"
#include "rules/checker.h"
#include "rules/rulebook.h"
#include "testutils.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QTest>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

using test::cellOf;
using test::dataPath;

const ReportTemplate &tmpl()
{
    return ReportTemplate::standard();
}

/** Cells with the given figures and every other cell missing. */
std::vector<CellValue> cellsWith(const QHash<QString, double> &figures)
{
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    for (auto it = figures.cbegin(); it != figures.cend(); ++it) {
        CellValue &cell = cells[size_t(cellOf(it.key().toUtf8().constData()))];
        cell.value = it.value();
        cell.state = CellState::Extracted;
    }
    return cells;
}

/** "active.stock_flow active.normative.in_force 21 ≠ 25", to compare findings as text. */
QString summary(const Finding &finding)
{
    return finding.rule % u' ' % tmpl().cells()[finding.cells.front()].key.toString() % u' '
        % QString::number(*finding.actual) % u" ≠ "_s % QString::number(*finding.expected);
}

/** A real report's expected answers (tests/data/real/NAME.json): agency, year and cells. */
struct Answers
{
    QString name;
    QString agency;
    int year = 0;
    std::vector<CellValue> cells;
};

QList<Answers> realAnswers()
{
    QList<Answers> answers;
    const QDir dir(dataPath(u"real"_s));
    for (const QString &file : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        QFile json(dir.filePath(file));
        if (!json.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject root = QJsonDocument::fromJson(json.readAll()).object();
        QHash<QString, double> figures;
        const QJsonObject cells = root["cells"_L1].toObject();
        for (auto it = cells.begin(); it != cells.end(); ++it)
            figures.insert(it.key(), it.value().toDouble());
        answers.append({file.chopped(5), root["agency"_L1].toString(), root["year"_L1].toInt(),
                        cellsWith(figures)});
    }
    return answers;
}

} // namespace

/**
 * The rules across two years of one agency (year.carry, active.stock_flow) and the agency
 * identity that pairs its reports.
 */
class TestCrossYear : public QObject
{
    Q_OBJECT

private slots:
    void identityOverlooksSmallDifferences_data();
    void identityOverlooksSmallDifferences();
    void aliasesJoinARenamedAgency();
    void localIdentityDropsTheHigherRegions_data();
    void localIdentityDropsTheHigherRegions();
    void stockFlowSaysBothYearsInTheFormsLabels();
    void stockFlowNeedsAllFourFigures();
    void crossYearFindingsHaveDistinctKeysInOrder();
    void crossYearCellsAreWhatTheRulesRead();
    void realAnswersAcrossYears();
    void realReportsAsReadAcrossYears_data();
    void realNamesPairAsTheAgencies();
    void realReportsAsReadAcrossYears();

private:
    const RuleBook m_rules {tmpl()};
    const Checker m_checker {m_rules};
};

void TestCrossYear::identityOverlooksSmallDifferences_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    QTest::addColumn<bool>("same");
    QTest::newRow("spaces, ideographic ones too, are no difference")
        << u"平潭综合实验区行政审批局"_s << u" 平潭综合实验区　行政 审批局\u200b"_s << true;
    QTest::newRow("full-width letters and brackets are their half-width forms")
        << u"ＸＸ县发展和改革局（粮食和物资储备局）"_s << u"xx县发展和改革局(粮食和物资储备局)"_s
        << true;
    QTest::newRow("【】 and 〔〕 are brackets as () are")
        << u"沭阳县发展和改革局【沭阳县粮食和物资储备局】"_s
        << u"沭阳县发展和改革局〔沭阳县粮食和物资储备局〕"_s << true;
    QTest::newRow("人民政府 is 政府") << u"洪泽区人民政府"_s << u"洪泽区政府"_s << true;
    QTest::newRow("办公室 is 办") << u"淮安市人民政府办公室"_s << u"淮安市政府办"_s << true;
    QTest::newRow("管理委员会 is 管委会")
        << u"平潭综合实验区管理委员会办公室"_s << u"平潭综合实验区管委会办公室"_s << true;
    QTest::newRow("发展和改革 is 发展改革")
        << u"沭阳县发展和改革局"_s << u"沭阳县发展改革局"_s << true;
    QTest::newRow("a ministry with or without 中华人民共和国")
        << u"中华人民共和国教育部"_s << u"教育部"_s << true;
    QTest::newRow("a department is not the zone it belongs to")
        << u"平潭综合实验区行政审批局"_s << u"平潭综合实验区"_s << false;
    QTest::newRow("a government is not its office")
        << u"沭阳县人民政府"_s << u"沭阳县人民政府办公室"_s << false;
    QTest::newRow("a government's office is not its 办公厅")
        << u"上海市人民政府办公室"_s << u"上海市人民政府办公厅"_s << false;
    QTest::newRow("two departments of one zone")
        << u"平潭综合实验区公安局"_s << u"平潭综合实验区财政金融局"_s << false;
    QTest::newRow("two districts of the zone")
        << u"平潭综合实验区海坛片区管理局"_s << u"平潭综合实验区金井片区管理局"_s << false;
}

void TestCrossYear::identityOverlooksSmallDifferences()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    QFETCH(bool, same);
    QVERIFY(!agencyIdentity(first).isEmpty());
    QCOMPARE(agencyIdentity(first) == agencyIdentity(second), same);
}

void TestCrossYear::aliasesJoinARenamedAgency()
{
    // 旅游与文化体育局 renamed twice: the reviewer lists each old name with the next one.
    AgencyAliases aliases;
    addAgencyAlias(aliases, u"平潭综合实验区旅游与文化体育局"_s, u"平潭综合实验区文化旅游局"_s);
    addAgencyAlias(aliases, u"平潭综合实验区文化旅游局"_s, u"平潭综合实验区文化和旅游局"_s);
    const QString canonical = agencyIdentity(u"平潭综合实验区文化和旅游局"_s);
    QCOMPARE(agencyIdentity(u"平潭综合实验区 旅游与文化体育局"_s, aliases), canonical);
    QCOMPARE(agencyIdentity(u"平潭综合实验区文化旅游局"_s, aliases), canonical);
    QCOMPARE(agencyIdentity(u"平潭综合实验区公安局"_s, aliases),
             agencyIdentity(u"平潭综合实验区公安局"_s));
    // A list that names each for the other still ends.
    addAgencyAlias(aliases, u"平潭综合实验区文化和旅游局"_s, u"平潭综合实验区旅游与文化体育局"_s);
    QVERIFY(!agencyIdentity(u"平潭综合实验区文化旅游局"_s, aliases).isEmpty());
}

void TestCrossYear::localIdentityDropsTheHigherRegions_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("local");
    QTest::newRow("a district of a city") << u"淮安市洪泽区人民政府"_s << u"洪泽区政府"_s;
    QTest::newRow("a county of a city of a province")
        << u"江苏省宿迁市沭阳县发展和改革局"_s << u"沭阳县发展改革局"_s;
    QTest::newRow("a county of one character") << u"徐州市沛县人民政府"_s << u"沛县政府"_s;
    QTest::newRow("a city of a province") << u"浙江省杭州市西湖区人民政府"_s << u"西湖区政府"_s;
    QTest::newRow("the city's own government keeps its city")
        << u"淮安市人民政府"_s << u"淮安市政府"_s;
    QTest::newRow("a city's department keeps its city")
        << u"上海市市场监督管理局"_s << u"上海市市场监督管理局"_s;
    QTest::newRow("a county's department: 市 of 市场 is no region")
        << u"沭阳县市场监督管理局"_s << u"沭阳县市场监督管理局"_s;
    QTest::newRow("a zone names no higher region")
        << u"平潭综合实验区行政审批局"_s << u"平潭综合实验区行政审批局"_s;
    QTest::newRow("州 inside a city's name is no region") << u"杭州市公安局"_s << u"杭州市公安局"_s;
}

void TestCrossYear::localIdentityDropsTheHigherRegions()
{
    QFETCH(QString, name);
    QFETCH(QString, local);
    QCOMPARE(localAgencyIdentity(agencyIdentity(name)), local);
}

void TestCrossYear::stockFlowSaysBothYearsInTheFormsLabels()
{
    // 平潭综合实验区 2023 and 2024 as published: 470 in force, then 62 issued and 33 repealed,
    // yet 440 in force.
    const auto previous = cellsWith({{u"active.normative.in_force"_s, 470}});
    const auto current = cellsWith({{u"active.normative.issued"_s, 62},
                                    {u"active.normative.repealed"_s, 33},
                                    {u"active.normative.in_force"_s, 440}});
    const QList<Finding> findings = m_checker.crossYearFindings(previous, 2023, current);
    QCOMPARE(findings.size(), 1);
    const Finding &finding = findings.front();
    QCOMPARE(finding.rule, u"active.stock_flow"_s);
    QCOMPARE(finding.severity, Severity::Warning);
    QCOMPARE(finding.key,
             (FindingKey {FindingKind::StockFlow, cellOf("active.normative.in_force")}));
    QCOMPARE(finding.cells,
             (QList<int> {cellOf("active.normative.in_force"), cellOf("active.normative.issued"),
                          cellOf("active.normative.repealed")}));
    QCOMPARE(*finding.actual, 440.0);
    QCOMPARE(*finding.expected, 499.0);
    QVERIFY(!finding.suggestion); // any of the four figures may be the wrong one
    for (const QString &part :
         {u"行政规范性文件"_s, u"现行有效件数"_s, u"本年制发件数"_s, u"本年废止件数"_s, u"440"_s,
          u"470"_s, u"62"_s, u"33"_s, u"499"_s, u"2023"_s, u"2024"_s})
        QVERIFY2(finding.message.contains(part), qPrintable(part + u" in "_s + finding.message));
    QVERIFY2(!finding.message.contains(u"active."_s), qPrintable(finding.message));
}

void TestCrossYear::stockFlowNeedsAllFourFigures()
{
    const QHash<QString, double> current {{u"active.regulation.issued"_s, 1},
                                          {u"active.regulation.repealed"_s, 0},
                                          {u"active.regulation.in_force"_s, 5}};
    QCOMPARE(m_checker
                 .stockFlowFindings(cellsWith({{u"active.regulation.in_force"_s, 3}}), 2022,
                                    cellsWith(current))
                 .size(),
             1);
    QVERIFY(m_checker.stockFlowFindings(cellsWith({}), 2022, cellsWith(current)).isEmpty());
    for (const QString &blank : current.keys()) {
        QHash<QString, double> partial = current;
        partial.remove(blank);
        QVERIFY2(m_checker
                     .stockFlowFindings(cellsWith({{u"active.regulation.in_force"_s, 3}}), 2022,
                                        cellsWith(partial))
                     .isEmpty(),
                 qPrintable(blank));
    }
}

void TestCrossYear::crossYearFindingsHaveDistinctKeysInOrder()
{
    // Every cross-year rule broken at once: 7 columns of year.carry, 2 rows of stock_flow.
    QHash<QString, double> before;
    QHash<QString, double> now;
    for (const QString &column : {u"natural"_s, u"commercial"_s, u"research"_s, u"nonprofit"_s,
                                  u"legal"_s, u"other_org"_s, u"total"_s}) {
        before.insert(u"requests.carried_forward."_s + column, 1);
        now.insert(u"requests.carried_over."_s + column, 2);
    }
    for (const QString &row : {u"regulation"_s, u"normative"_s}) {
        before.insert(u"active."_s + row + u".in_force"_s, 10);
        now.insert(u"active."_s + row + u".issued"_s, 1);
        now.insert(u"active."_s + row + u".repealed"_s, 1);
        now.insert(u"active."_s + row + u".in_force"_s, 9);
    }
    const QList<Finding> findings
        = m_checker.crossYearFindings(cellsWith(before), 2021, cellsWith(now));
    QCOMPARE(findings.size(), 9);
    QSet<FindingKey> keys;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        keys.insert(findings[i].key);
        if (i > 0)
            QVERIFY(findings[i - 1].key < findings[i].key);
    }
    QCOMPARE(keys.size(), 9);
    QCOMPARE(findings.front().rule, u"year.carry"_s);
    QCOMPARE(findings.back().rule, u"active.stock_flow"_s);
    QCOMPARE(findings.back().key.toString(),
             u"stockflow:"_s + QString::number(cellOf("active.normative.in_force")));
    // Years that follow on give nothing.
    for (auto it = now.begin(); it != now.end(); ++it) {
        if (it.key().startsWith(u"requests."_s))
            it.value() = 1;
        else if (it.key().endsWith(u".in_force"_s))
            it.value() = 10;
    }
    QVERIFY(m_checker.crossYearFindings(cellsWith(before), 2021, cellsWith(now)).isEmpty());
}

void TestCrossYear::crossYearCellsAreWhatTheRulesRead()
{
    const std::vector<int> cells = m_checker.crossYearCells();
    QCOMPARE(cells.size(), size_t(14 + 6)); // two request rows × 7, two active rows × 3
    QVERIFY(std::is_sorted(cells.begin(), cells.end()));
    for (const char *key : {"requests.carried_over.total", "requests.carried_forward.natural",
                            "active.regulation.issued", "active.normative.in_force"})
        QVERIFY2(std::find(cells.begin(), cells.end(), cellOf(key)) != cells.end(), key);
}

void TestCrossYear::realAnswersAcrossYears()
{
    // The expected answers of tests/data/real, checked by hand: where an agency's years are
    // consecutive, year.carry always holds, and stock_flow breaks where the published figures
    // do not follow (平潭综合实验区 2023: 698 + 77 − 132 = 643, not 470).
    const QList<Answers> answers = realAnswers();
    QVERIFY(answers.size() >= 51);
    QMap<std::pair<QString, int>, const Answers *> byAgencyYear;
    for (const Answers &report : answers)
        byAgencyYear.insert({agencyIdentity(report.agency), report.year}, &report);
    QStringList found;
    int pairs = 0;
    for (const Answers &report : answers) {
        const Answers *previous
            = byAgencyYear.value({agencyIdentity(report.agency), report.year - 1});
        if (!previous)
            continue;
        ++pairs;
        for (const Finding &finding :
             m_checker.crossYearFindings(previous->cells, previous->year, report.cells))
            found.append(report.name % u": "_s % summary(finding));
    }
    QCOMPARE(pairs, 22);
    const QStringList expected {
        u"p31-pingtan-zrstj-2023: active.stock_flow active.normative.in_force 35 ≠ 33"_s,
        u"p34-pingtan-scjgj-2024: active.stock_flow active.normative.in_force 56 ≠ 11"_s,
        u"p35-pingtan-2023: active.stock_flow active.normative.in_force 470 ≠ 643"_s,
        u"p36-pingtan-2024: active.stock_flow active.normative.in_force 440 ≠ 499"_s,
        u"p37-pingtan-2025: active.stock_flow active.normative.in_force 546 ≠ 453"_s,
        u"p38-pingtan-gaj-2022: active.stock_flow active.normative.in_force 7 ≠ 5"_s,
        u"p41-pingtan-jjpq-2024: active.stock_flow active.normative.in_force 1 ≠ 7"_s,
        u"p51-pingtan-shsyj-2024: active.stock_flow active.normative.in_force 0 ≠ 5"_s,
        u"p54-pingtan-shsyj-2025: active.stock_flow active.normative.in_force 0 ≠ 7"_s,
        u"q77-pingtan-lywtj-2022: active.stock_flow active.normative.in_force 34 ≠ 10"_s,
        u"q81-pingtan-gzj-2022: active.stock_flow active.regulation.in_force 0 ≠ 1"_s,
        u"q81-pingtan-gzj-2022: active.stock_flow active.normative.in_force 23 ≠ 3"_s,
        u"r11-pingtan-xzspj-2024: active.stock_flow active.normative.in_force 21 ≠ 25"_s,
        u"r19-pingtan-jjfzj-2024: active.stock_flow active.normative.in_force 9 ≠ 15"_s,
    };
    QCOMPARE(found, expected);
}

void TestCrossYear::realReportsAsReadAcrossYears_data()
{
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QStringList>("expected");
    // 2021 carries 1 request forward (自然人, 总计) and 2022 takes it over; 2021's 规范性文件
    // row '693665' is ambiguous as read, so stock_flow cannot judge (the truth, 665 + 88 − 55 =
    // 698, holds).
    QTest::newRow("平潭综合实验区 2021 → 2022: nothing breaks")
        << u"r02-pingtan-2021.txt"_s << u"r03-pingtan-2022.txt"_s << QStringList();
    QTest::newRow("行政审批局 2023 → 2024: 16 + 15 − 6 = 25 in force, not 21")
        << u"r10-pingtan-xzspj-2023.html"_s << u"r11-pingtan-xzspj-2024.html"_s
        << QStringList {u"active.stock_flow active.normative.in_force 21 ≠ 25"_s};
    QTest::newRow("公安局 2021 → 2022: the request carried over; 2 + 4 − 1 = 5, not 7")
        << u"r14-pingtan-gaj-2021.txt"_s << u"p38-pingtan-gaj-2022.txt"_s
        << QStringList {u"active.stock_flow active.normative.in_force 7 ≠ 5"_s};
    QTest::newRow("洪泽区 2023 → 2024 (titled 淮安市洪泽区 in 2024): 5 + 3 − 0 = 8 holds")
        << u"r21-hongze-2023.pdf"_s << u"r22-hongze-2024.pdf"_s << QStringList();
}

void TestCrossYear::realReportsAsReadAcrossYears()
{
    QFETCH(QString, previous);
    QFETCH(QString, current);
    QFETCH(QStringList, expected);
    const ReportReader reader;
    const Report before = reader.readFile(dataPath(u"real/"_s + previous));
    const Report after = reader.readFile(dataPath(u"real/"_s + current));
    QVERIFY(before.loaded && after.loaded);
    QCOMPARE(after.year, before.year + 1);
    QStringList found;
    for (const Finding &finding :
         reader.checker().crossYearFindings(before.cells, before.year, after.cells))
        found.append(summary(finding));
    QCOMPARE(found, expected);
}

void TestCrossYear::realNamesPairAsTheAgencies()
{
    // 洪泽区人民政府 (2023) titles itself 淮安市洪泽区人民政府 in 2024: one agency. 平潭综合实验区
    // 行政审批局 (2023) is not 平潭综合实验区 (2024). Their figures follow on as published, so
    // each earlier report is given a figure that breaks the rules were the pair made.
    const ReportReader reader;
    std::vector<Report> reports;
    for (const char *name : {"r21-hongze-2023.pdf", "r22-hongze-2024.pdf",
                             "r10-pingtan-xzspj-2023.html", "p36-pingtan-2024.txt"})
        reports.push_back(reader.readFile(dataPath(u"real/"_s + QString::fromLatin1(name))));
    QCOMPARE(reports[0].agency, u"洪泽区人民政府"_s);
    QCOMPARE(reports[1].agency, u"淮安市洪泽区人民政府"_s);
    QCOMPARE(reports[2].agency, u"平潭综合实验区行政审批局"_s);
    QCOMPARE(reports[3].agency, u"平潭综合实验区"_s);
    reports[0].cells[size_t(cellOf("requests.carried_forward.total"))].value = 2;
    reports[0].cells[size_t(cellOf("active.normative.in_force"))].value = 4;
    reports[2].cells[size_t(cellOf("requests.carried_forward.total"))].value = 5;
    std::vector<QList<Finding>> own;
    for (const Report &report : reports)
        own.push_back(report.findings);
    addCrossYearFindings(reports, reader.checker());
    QStringList added;
    for (const Finding &finding : reports[1].findings.mid(own[1].size()))
        added.append(summary(finding));
    QCOMPARE(added,
             (QStringList {u"year.carry requests.carried_over.total 0 ≠ 2"_s,
                           u"active.stock_flow active.normative.in_force 8 ≠ 7"_s}));
    for (const size_t unpaired : {size_t(0), size_t(2), size_t(3)})
        QCOMPARE(reports[unpaired].findings, own[unpaired]);
}

QTEST_GUILESS_MAIN(TestCrossYear)
#include "tst_crossyear.moc"

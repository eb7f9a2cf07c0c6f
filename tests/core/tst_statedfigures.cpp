// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/documentlayout.h"
#include "extract/statedfigures.h"
#include "reporttemplate.h"
#include "text/normalizedtext.h"
#include "text/textdecoder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;

namespace {

/** A report reduced to what the reader looks at: section 一's narrative, a table, section 六. */
QString reportWith(const QString &overview, const QString &other = u"无。"_s)
{
    return u"XX局2023年政府信息公开工作年度报告\n"
           u"一、总体情况\n"_s
        % overview
        % u"\n二、主动公开政府信息情况\n"
          u"| 行政许可 | 12 |\n"
          u"三、收到和处理政府信息公开申请情况\n"
          u"一、本年新收政府信息公开申请数量\t6\t0\t0\t0\t0\t0\t6\n"
          u"四、政府信息公开行政复议、行政诉讼情况\n"
          u"五、存在的主要问题及改进情况\n"
          u"存在的问题共3个。\n"
          u"六、其他需要报告的事项\n"_s
        % other % u'\n';
}

QList<StatedFigure> readFigures(const QString &original)
{
    const NormalizedText text(original);
    const DocumentLayout layout(text.text(), ReportTemplate::standard());
    return StatedFigureReader().read(text, layout, original);
}

QString keyOf(const StatedFigure &figure)
{
    return ReportTemplate::standard().cells()[figure.cell].key.toString();
}

/** "key=value" lines, sorted, so a failing comparison prints both sets readably. */
QStringList pairs(const QList<StatedFigure> &figures)
{
    QStringList list;
    for (const StatedFigure &figure : figures)
        list.append(keyOf(figure) % u'=' % QString::number(figure.value));
    list.sort();
    list.removeDuplicates();
    return list;
}

/** "rule:key+key=value" lines (or "…=51.85%/key" for a share), sorted. */
QStringList relationPairs(const QString &original)
{
    const NormalizedText text(original);
    const DocumentLayout layout(text.text(), ReportTemplate::standard());
    QStringList list;
    for (const StatedRelation &relation :
         StatedFigureReader().readAll(text, layout, original).relations) {
        QStringList keys;
        for (int cell : relation.cells)
            keys.append(ReportTemplate::standard().cells()[cell].key.toString());
        QString pair = relation.rule % u':' % keys.join(u'+') % u'=';
        if (relation.percent) {
            QStringList whole;
            for (int cell : relation.whole)
                whole.append(ReportTemplate::standard().cells()[cell].key.toString());
            pair += QString::number(*relation.percent, 'f', relation.decimals) % u"%/"
                % whole.join(u'+');
        } else {
            pair += QString::number(relation.value);
        }
        list.append(pair);
    }
    list.sort();
    return list;
}

QString seedsDir()
{
    return QStringLiteral(NIANBAO_TEST_DATA_DIR "/seeds");
}

} // namespace

/** Tests StatedFigureReader: the phrases, numeral styles, guards, spans and the seeds. */
class TestStatedFigures : public QObject
{
    Q_OBJECT

private slots:
    void templateHasStatements();
    void figures_data();
    void figures();
    void nonTies_data();
    void nonTies();
    void spans_data();
    void spans();
    void relations_data();
    void relations();
    void sharesKeepTheirDigits();
    void seeds_data();
    void seeds();
};

void TestStatedFigures::templateHasStatements()
{
    const StatementRules &rules = ReportTemplate::standard().statements();
    QVERIFY(!rules.phrases.isEmpty());
    QVERIFY(rules.units.contains(u"件"_s));
    for (const StatementPhrase &phrase : rules.phrases)
        QVERIFY2(phrase.cell >= 0, qPrintable(phrase.cellKey));

    const QByteArray badPattern = R"({"statements": {"phrases": [
        {"cell": "requests.received.total", "patterns": ["共收到申请"]}]}})";
    const Result<ReportTemplate> parsed = ReportTemplate::fromJson(badPattern);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error().code, u"template.statement"_s);
    QVERIFY2(parsed.error().message.contains(u"共收到申请"_s), qPrintable(parsed.error().message));

    // A relation's phrase names its cells and its rule; the template knows every rule it names.
    bool combined = false;
    for (const StatementPhrase &phrase : rules.phrases) {
        QCOMPARE(phrase.cells.size(), phrase.cellKeys.size());
        QVERIFY2(phrase.cells.size() == 1 || phrase.rule != u"text.table",
                 qPrintable(phrase.cellKeys.join(u'+')));
        QVERIFY2(std::any_of(ReportTemplate::standard().rules().cbegin(),
                             ReportTemplate::standard().rules().cend(),
                             [&](const RuleDefinition &rule) { return rule.id == phrase.rule; }),
                 qPrintable(phrase.rule));
        combined = combined || phrase.rule == u"text.combined";
    }
    QVERIFY(combined);
    QCOMPARE(rules.shares.whole.size(), 1);
    // The bundled template with one more phrase whose second cell does not exist.
    QFile bundled(u":/template/template.json"_s);
    QVERIFY(bundled.open(QIODevice::ReadOnly));
    QJsonObject root = QJsonDocument::fromJson(bundled.readAll()).object();
    QJsonObject statements = root[u"statements"_s].toObject();
    QJsonArray phrases = statements[u"phrases"_s].toArray();
    phrases.append(QJsonObject {
        {u"rule"_s, u"text.combined"_s},
        {u"cells"_s, QJsonArray {u"requests.disclosed.total"_s, u"requests.nothing.total"_s}},
        {u"patterns"_s, QJsonArray {u"予以公开及部分公开{n}"_s}}});
    statements[u"phrases"_s] = phrases;
    root[u"statements"_s] = statements;
    const Result<ReportTemplate> unknown = ReportTemplate::fromJson(QJsonDocument(root).toJson());
    QVERIFY(!unknown);
    QVERIFY2(unknown.error().message.contains(u"requests.nothing.total"_s),
             qPrintable(unknown.error().message));
}

void TestStatedFigures::figures_data()
{
    QTest::addColumn<QString>("overview");
    QTest::addColumn<QString>("other");
    QTest::addColumn<QStringList>("expected");

    const auto row = [&](const char *name, const QString &overview, const QStringList &expected,
                         const QString &other = u"无。"_s) {
        QTest::newRow(name) << overview << other << expected;
    };
    const QStringList six {u"requests.received.total=6"_s};

    row("Arabic digits after the cue are the received total",
        u"2023年共收到政府信息公开申请6件，全部按时办结。"_s, six);
    row("full-width digits read like ASCII ones", u"2023年共收到政府信息公开申请６件。"_s, six);
    row("Chinese numerals read through ICU", u"2023年共收到政府信息公开申请六件。"_s, six);
    row("两 reads as two", u"共收到政府信息公开申请两件。"_s, {u"requests.received.total=2"_s});
    row("十二 reads as twelve", u"共收到政府信息公开申请十二件。"_s,
        {u"requests.received.total=12"_s});
    row("一百零五 reads as a hundred and five", u"共收到政府信息公开申请一百零五件。"_s,
        {u"requests.received.total=105"_s});
    row("spaces around the figure and a figure before the noun",
        u"2024 年我街道共收到并办理 1 条政府信息公开申请，已按要求答复完毕。"_s,
        {u"requests.received.total=1"_s});
    row("新收 with a gap before 申请", u"本年度新收政府信息公开申请共计6件。"_s, six);
    row("the outcomes of the applications, one clause each",
        u"共收到政府信息公开申请6件。其中，予以公开3件，部分公开1件，本机关不掌握相关信息1件，"
        u"结转下年度继续办理1件。"_s,
        {u"requests.carried_forward.total=1"_s, u"requests.disclosed.total=3"_s,
         u"requests.partially_disclosed.total=1"_s, u"requests.received.total=6"_s,
         u"requests.unavailable_not_held.total=1"_s});
    row("a count inside the gap ends it, so 网上申请2件 is not the received total",
        u"共收到政府信息公开申请3件(其中网上申请2件，信函申请1件)。"_s,
        {u"requests.received.total=3"_s});
    row("上年结转 states the carried-over total",
        u"本年度共收到政府信息公开申请6件，上年结转2件。"_s,
        {u"requests.carried_over.total=2"_s, u"requests.received.total=6"_s});
    row("上年结转 inside the received clause leaves only the carried-over figure",
        u"共收到政府信息公开申请6件(含上年结转1件)。"_s, {u"requests.carried_over.total=1"_s});
    row("未收到…申请 states zero received", u"2023 年未收到群众提交的政府信息公开申请。"_s,
        {u"requests.received.total=0"_s});
    row("没有受理过依申请公开的事项 states zero received",
        u"2023 年度，我单位没有受理过依申请公开的事项。"_s, {u"requests.received.total=0"_s});
    row("未收到依申请公开事项 states zero received", u"2024 年我局未收到依申请公开事项。"_s,
        {u"requests.received.total=0"_s});
    row("未收到上年转结数量 states zero carried over",
        u"2023 年未收到群众提交的政府信息公开申请。未收到上年转结数量。"_s,
        {u"requests.carried_over.total=0"_s, u"requests.received.total=0"_s});
    row("行政复议 and 行政处罚 tie to their cells",
        u"本年度发生政府信息公开行政复议2件；全年作出行政处罚决定15件。"_s,
        {u"active.penalty.decisions=15"_s, u"appeals.reconsideration.total=2"_s});
    row("行政诉讼 said to be direct ties to the direct litigation",
        u"未经复议直接起诉的行政诉讼1件。"_s, {u"appeals.litigation_direct.total=1"_s});
    row("section 六 is read too", u"本年度工作平稳。"_s, {u"active.license.decisions=4"_s},
        u"本年度共作出行政许可4件。"_s);
}

void TestStatedFigures::figures()
{
    QFETCH(QString, overview);
    QFETCH(QString, other);
    QFETCH(QStringList, expected);
    QCOMPARE(pairs(readFigures(reportWith(overview, other))), expected);
}

void TestStatedFigures::relations_data()
{
    QTest::addColumn<QString>("overview");
    QTest::addColumn<QStringList>("figures");
    QTest::addColumn<QStringList>("relations");

    const QString disclosed = u"requests.disclosed.total"_s;
    const QString partially = u"requests.partially_disclosed.total"_s;
    const QString processed = u"requests.total_processed.total"_s;
    const QString withheld
        = u"requests.withheld_state_secret.total+requests.withheld_law_prohibited.total+"
          u"requests.withheld_security_stability.total+requests.withheld_third_party.total+"
          u"requests.withheld_internal_affairs.total+requests.withheld_process_info.total+"
          u"requests.withheld_enforcement_file.total+requests.withheld_query_matter.total"_s;
    const QString unavailable
        = u"requests.unavailable_not_held.total+requests.unavailable_needs_creation.total+"
          u"requests.unavailable_unclear.total"_s;
    const QString declined
        = u"requests.declined_complaint.total+requests.declined_duplicate.total+"
          u"requests.declined_publication.total+requests.declined_excessive.total+"
          u"requests.declined_confirmation.total"_s;
    const QString other = u"requests.other_no_correction.total+requests.other_unpaid_fee.total+"
                          u"requests.other_misc.total"_s;
    const QString litigation
        = u"text.appeals:appeals.litigation_direct.total+appeals.litigation_after.total="_s;
    const auto combined = [](const QString &cells, const char *value) -> QString {
        return u"text.combined:"_s % cells % u'=' % QLatin1StringView(value);
    };
    const auto share = [&](const QString &cells, const char *percent) -> QString {
        return u"text.share:"_s % cells % u'=' % QLatin1StringView(percent) % u"%/" % processed;
    };

    // tests/data/real/p35-pingtan-2023.txt: every outcome group with its share of 办结 81.
    QTest::newRow("p35: the outcome groups, each with its share of the requests handled")
        << u"办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；"
           u"无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；"
           u"因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。"_s
        << QStringList {}
        << QStringList {combined(disclosed % u'+' % partially, "42"),
                        combined(declined, "1"),
                        combined(other, "2"),
                        combined(unavailable, "31"),
                        combined(withheld, "5"),
                        share(declined, "1.23"),
                        share(disclosed % u'+' % partially, "51.85"),
                        share(other, "2.47"),
                        share(unavailable, "38.27"),
                        share(withheld, "6.17"),
                        litigation % u'7',
                        u"text.appeals:appeals.reconsideration.total=2"_s};
    // tests/data/real/r07-shanghai-govoffice-2025.txt: 办结 with a 含 clause, shares in
    // parentheses; 重复申请等不予处理 names a reason, so it is not read as the whole group.
    QTest::newRow("r07: 办结 1191 件（含上年结转 189 件） and shares in parentheses")
        << u"市政府共受理政府信息公开申请 1295 件，办结 1191 件（含\n上年结转 189 "
           u"件），均在法定期限"
           u"内答复。其中，予以公开及部\n分公开 208 件（17.46%），不予公开 20 "
           u"件（1.68%），因本机关\n"
           u"不掌握等原因无法提供 564 件（47.36%），属信访、重复申请等\n不予处理 80 件（6.72%），"
           u"其他处理 319 件（26.78%，含申请人\n主动撤回 157 件）。"_s
        << QStringList {u"requests.carried_over.total=189"_s, u"requests.received.total=1295"_s}
        << QStringList {combined(disclosed % u'+' % partially, "208"),
                        combined(other, "319"),
                        combined(unavailable, "564"),
                        combined(withheld, "20"),
                        u"text.contains:"_s % processed % u"=1191"_s,
                        share(disclosed % u'+' % partially, "17.46"),
                        share(other, "26.78"),
                        share(unavailable, "47.36"),
                        share(withheld, "1.68")};
    // tests/data/real/r23-huaian-2024.pdf (page 1): 答复 with a 含 clause; 行政诉讼 46 件.
    QTest::newRow("r23: 答复 3050 件（含上年度结转申请 34 件…） and 行政诉讼 46 件")
        << u"2024 年，全市共受理政府信息公开申请 3119 件，答\n复 3050 件（含上年度结转申请 34 件，"
           u"另有 103 件顺延到下年度\n答复），均在法定期限内予以答复。政府信息公开行政复议 351\n"
           u"件，其中结果维持 72 件，结果纠正 64 件，其他结果 178 件，尚\n未审结 37 件；"
           u"政府信息公开行政诉讼 46 件，其中结果维持 25\n件，结果纠正 5 件，其他结果 9 件，"
           u"尚未审结 7 件。"_s
        << QStringList {u"appeals.reconsideration.total=351"_s, u"requests.carried_over.total=34"_s,
                        u"requests.received.total=3119"_s}
        << QStringList {litigation % u"46", u"text.contains:"_s % processed % u"=3050"_s};
    QTest::newRow("收到…申请N件（含上年结转M件） sums the received and the carried over")
        << u"共收到政府信息公开申请6件(含上年结转1件)。"_s
        << QStringList {u"requests.carried_over.total=1"_s}
        << QStringList {u"text.contains:requests.received.total+requests.carried_over.total=6"_s};
    // tests/data/real/r03-pingtan-2022.txt
    QTest::newRow("r03: 行政诉讼案件1件、行政复议案件2件")
        << u"2022年，全区政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件，均已结案。"_s
        << QStringList {}
        << QStringList {litigation % u'1', u"text.appeals:appeals.reconsideration.total=2"_s};
    // tests/data/real/p37-pingtan-2025.txt
    QTest::newRow("p37: 行政复议36起，行政诉讼9起")
        << u"全年办理因政府信息公开申请引发的行政复议36起，行政诉讼9起。"_s
        << QStringList {u"appeals.reconsideration.total=36"_s} << QStringList {litigation % u'9'};
    // tests/data/real/p32-pingtan-htpq-2024.txt: 被纠错 stands in another clause.
    QTest::newRow("p32: 行政诉讼0件 after a clause about corrections")
        << u"办理因政府信息公开引起的行政复议1件，当事人后续主动撤诉，未出现被纠错的情况，"
           u"行政诉讼0件。"_s
        << QStringList {u"appeals.reconsideration.total=1"_s} << QStringList {litigation % u'0'};
    QTest::newRow("行政诉讼 said to be direct is that cell's own figure, no sum")
        << u"未经复议直接起诉的行政诉讼1件。"_s
        << QStringList {u"appeals.litigation_direct.total=1"_s} << QStringList {};
    // tests/data/real/p30-pingtan-jjfzj-2023.txt: 条 counts items of information.
    QTest::newRow("p30: 不予公开55条 counts information, not requests")
        << u"其中，主动公开政府信息128条、依申请公开130条、不予公开55条。"_s << QStringList {}
        << QStringList {};
    // tests/data/real/r10-pingtan-xzspj-2023.html: a share of the ways of applying, no cell.
    QTest::newRow("r10: a share of 网络申请 is of no cell")
        << u"从申请方式看，网络申请3件，占43%；信函申请4件，占57%。"_s << QStringList {}
        << QStringList {};
    QTest::newRow("a share without 办结 nearby has no clear whole")
        << u"共收到政府信息公开申请10件，其中予以公开及部分公开4件，占40%。"_s
        << QStringList {u"requests.received.total=10"_s}
        << QStringList {combined(disclosed % u'+' % partially, "4")};
}

void TestStatedFigures::relations()
{
    QFETCH(QString, overview);
    QFETCH(QStringList, figures);
    QFETCH(QStringList, relations);
    const QString report = reportWith(overview);
    figures.sort();
    relations.sort();
    QCOMPARE(pairs(readFigures(report)), figures);
    // Joined, so that a failure prints both lists.
    QCOMPARE(relationPairs(report).join(u'\n'), relations.join(u'\n'));
}

void TestStatedFigures::sharesKeepTheirDigits()
{
    // tests/data/real/p35-pingtan-2023.txt: the span of a share is the phrase and its
    // percentage, and the printed digits fix the rounding the checker allows.
    const QString report
        = reportWith(u"办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；"
                     u"不予公开5件，占6.17%。"_s);
    const NormalizedText text(report);
    const DocumentLayout layout(text.text(), ReportTemplate::standard());
    const QList<StatedRelation> relations
        = StatedFigureReader().readAll(text, layout, report).relations;
    QCOMPARE(relations.size(), 4);
    const StatedRelation &share = relations[1];
    QCOMPARE(share.rule, u"text.share"_s);
    QCOMPARE(share.text, u"予以公开及部分公开42件，占51.85%"_s);
    QCOMPARE(*share.percent, 51.85);
    QCOMPARE(share.decimals, 2);
    QCOMPARE(report.sliced(share.figureSpan.start, share.figureSpan.length()), u"51.85%"_s);
}

void TestStatedFigures::nonTies_data()
{
    QTest::addColumn<QString>("overview");

    QTest::newRow("主动公开政府信息608条 is no table cell")
        << u"通过政务网公开各类政府信息 608条。其中政务动态信息 344条。"_s;
    QTest::newRow("62余件 is approximate") << u"回复政府信箱 62余件，主要涉及社会保障。"_s;
    QTest::newRow("约6件 is approximate") << u"共收到政府信息公开申请约6件。"_s;
    QTest::newRow("a year is no figure") << u"2023年共收到政府信息公开申请。"_s;
    QTest::newRow("a percentage is no figure")
        << u"全年共受理各类政务服务事项 30 万余件，网办率 95.37%。"_s;
    QTest::newRow("a decimal is no count") << u"共收到政府信息公开申请6.5件。"_s;
    QTest::newRow("行政诉讼 alone does not say which litigation cell")
        << u"本年度发生政府信息公开行政诉讼1件。"_s;
    QTest::newRow("不予以公开 is not 予以公开") << u"收到申请后，不予以公开3件。"_s;
    QTest::newRow("予以公开 outside talk of applications is not the disclosed total")
        << u"对重点领域信息予以公开5件。"_s;
    QTest::newRow("予以公开…条 counts items of information, not applications")
        << u"收到申请后，对相关信息予以公开12条。"_s;
    QTest::newRow("an outcome figure in a sentence about applications plus another cue is skipped")
        << u"向有权机关申请2件。"_s;
    QTest::newRow("未收到 about appeals is not zero applications")
        << u"未收到因政府信息公开申请引发的行政复议。"_s;
    QTest::newRow("第二十条 is an ordinal") << u"依据条例第二十条第六项。"_s;
    QTest::newRow("a table line in section 一 is never read")
        << u"共收到政府信息公开申请\t6件\t0件"_s;
}

void TestStatedFigures::nonTies()
{
    QFETCH(QString, overview);
    const QList<StatedFigure> figures = readFigures(reportWith(overview));
    QVERIFY2(figures.isEmpty(), qPrintable(pairs(figures).join(u", ")));
}

void TestStatedFigures::spans_data()
{
    QTest::addColumn<QString>("overview");
    QTest::addColumn<QString>("phrase");
    QTest::addColumn<QString>("figure");

    QTest::newRow("an ASCII figure") << u"2023年共收到政府信息公开申请6件，全部按时办结。"_s
                                     << u"共收到政府信息公开申请6件"_s << u"6"_s;
    QTest::newRow("full-width digits map back to the original ones")
        << u"2023年共收到政府信息公开申请１２件。"_s << u"共收到政府信息公开申请１２件"_s
        << u"１２"_s;
    QTest::newRow("a Chinese numeral")
        << u"其中，申请人申请的信息予以公开三件。"_s << u"予以公开三件"_s << u"三"_s;
    QTest::newRow("spaces inside the phrase stay in the original")
        << u"共收到并办理 1 条政府信息公开申请。"_s << u"共收到并办理 1 条政府信息公开申请"_s
        << u"1"_s;
    QTest::newRow("a negative phrase covers itself")
        << u"2024 年我局未收到依申请公开事项。"_s << u"未收到依申请公开"_s << u"未收到依申请公开"_s;
}

void TestStatedFigures::spans()
{
    QFETCH(QString, overview);
    QFETCH(QString, phrase);
    QFETCH(QString, figure);
    const QString original = reportWith(overview);
    const QList<StatedFigure> figures = readFigures(original);
    QCOMPARE(figures.size(), 1);
    const StatedFigure &stated = figures.front();
    QVERIFY(stated.span.isValid());
    QCOMPARE(original.mid(stated.span.start, stated.span.length()), phrase);
    QCOMPARE(stated.text, phrase);
    QCOMPARE(original.mid(stated.figureSpan.start, stated.figureSpan.length()), figure);

    // Without the original, the text is the normalized phrase and the spans are the same.
    const NormalizedText text(original);
    const DocumentLayout layout(text.text(), ReportTemplate::standard());
    const QList<StatedFigure> normalized = StatedFigureReader().read(text, layout);
    QCOMPARE(normalized.size(), 1);
    QCOMPARE(normalized.front().span, stated.span);
    QCOMPARE(normalized.front().text, NormalizedText::normalizeString(phrase));
}

void TestStatedFigures::seeds_data()
{
    QTest::addColumn<QString>("seed");
    const QStringList seeds
        = QDir(seedsDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    QVERIFY2(!seeds.isEmpty(), qPrintable(seedsDir()));
    for (const QString &seed : seeds)
        QTest::newRow(qPrintable(u"seed %1 states what its expected.json says"_s.arg(seed)))
            << seed;
}

void TestStatedFigures::seeds()
{
    QFETCH(QString, seed);
    QFile report(seedsDir() % u'/' % seed % u"/report.txt");
    QFile expectedFile(seedsDir() % u'/' % seed % u"/expected.json");
    QVERIFY(report.open(QIODevice::ReadOnly));
    QVERIFY(expectedFile.open(QIODevice::ReadOnly));
    const Result<DecodedText> decoded = decodeText(report.readAll());
    QVERIFY(decoded.ok());

    QStringList expected;
    const QJsonObject root = QJsonDocument::fromJson(expectedFile.readAll()).object();
    for (const QJsonValue &statement : root["statements"_L1].toArray()) {
        const QJsonObject object = statement.toObject();
        expected.append(object["key"_L1].toString() % u'='
                        % QString::number(object["value"_L1].toDouble()));
    }
    expected.sort();

    const QString &original = decoded.value().text;
    const QList<StatedFigure> figures = readFigures(original);
    QCOMPARE(pairs(figures), expected);
    for (const StatedFigure &figure : figures) {
        QCOMPARE(original.mid(figure.span.start, figure.span.length()), figure.text);
        QVERIFY(figure.span.contains(figure.figureSpan.start));
    }
}

QTEST_GUILESS_MAIN(TestStatedFigures)
#include "tst_statedfigures.moc"

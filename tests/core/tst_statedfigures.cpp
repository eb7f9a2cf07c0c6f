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

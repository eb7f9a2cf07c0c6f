// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"
#include "jsonwriter.h"
#include "reportjson.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "rules/checker.h"
#include "rules/rulebook.h"
#include "syntheticreports.h"
#include "testutils.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

QByteArray qtJson(const Report &report)
{
    return QJsonDocument(reportToJson(report)).toJson(QJsonDocument::Compact);
}

/** Every report the tests hold: the seeds and the real reports agencies published. */
QStringList corpusFiles()
{
    QStringList files;
    for (const QString &seed : seedNames())
        files.append(seedReportPath(seed));
    const QDir real(dataPath(u"real"_s));
    for (const QString &name : real.entryList(QDir::Files, QDir::Name)) {
        if (!name.endsWith(u".json"_s))
            files.append(real.filePath(name));
    }
    return files;
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

/**
 * The streaming JSON writer against QJsonDocument, which wrote `check --json` before: the same
 * bytes for every report we have, and year.carry found across a batch that is never kept whole.
 */
class TestReportJson : public QObject
{
    Q_OBJECT

private slots:
    void stringsAsQtWritesThem_data();
    void stringsAsQtWritesThem();
    void numbersAsQtWritesThem_data();
    void numbersAsQtWritesThem();
    void reportsAsQtWritesThem_data();
    void reportsAsQtWritesThem();
    void partsJoinToTheWholeReport();
    void packedPartsUnpackByteForByte();
    void carryFromALaterFileIsFound();
};

void TestReportJson::stringsAsQtWritesThem_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("chinese") << u"国家统计局 2023 年"_s;
    QTest::newRow("escapes") << u"a\"b\\c\nd\re\tf\bg\fh/"_s;
    QTest::newRow("control") << QString::fromUtf16(u"\x01\x1f\x7f end");
    QTest::newRow("astral") << QString::fromUtf16(u"\U0001F600\U00020000");
    QTest::newRow("lone high") << QString::fromUtf16(u"x\xd800y");
    QTest::newRow("lone low") << QString::fromUtf16(u"x\xdc00");
    QTest::newRow("high at end") << QString::fromUtf16(u"x\xdbff");
    QTest::newRow("two highs") << QString::fromUtf16(u"\xd800\xd800\xdc00");
    QTest::newRow("bom and nbsp") << QString::fromUtf16(u"\xfeff\x00a0\x3000");
}

void TestReportJson::stringsAsQtWritesThem()
{
    QFETCH(QString, text);
    QByteArray ours = "[";
    appendJsonString(ours, text);
    ours += ']';
    QCOMPARE(ours, QJsonDocument(QJsonArray {text}).toJson(QJsonDocument::Compact));
}

void TestReportJson::numbersAsQtWritesThem_data()
{
    QTest::addColumn<double>("number");
    const double values[] = {0,
                             -0.0,
                             1,
                             -3,
                             0.5,
                             0.1,
                             1.0 / 3,
                             12.75,
                             100000,
                             -100000,
                             1e6,
                             123456789,
                             1e15,
                             9007199254740991.0,
                             9007199254740992.0,
                             9007199254740994.0,
                             1e16,
                             12345678901234567.0,
                             1e21,
                             1.25e-5,
                             1e-7,
                             1e300,
                             std::numeric_limits<double>::denorm_min(),
                             std::numeric_limits<double>::quiet_NaN(),
                             std::numeric_limits<double>::infinity(),
                             -std::numeric_limits<double>::infinity()};
    for (const double value : values)
        QTest::newRow(qPrintable(QString::number(value, 'g', 17))) << value;
}

void TestReportJson::numbersAsQtWritesThem()
{
    QFETCH(double, number);
    QByteArray ours = "[";
    appendJsonNumber(ours, number);
    ours += ']';
    QCOMPARE(ours, QJsonDocument(QJsonArray {number}).toJson(QJsonDocument::Compact));
}

void TestReportJson::reportsAsQtWritesThem_data()
{
    QTest::addColumn<QString>("file");
    const QStringList files = corpusFiles();
    QVERIFY(files.size() > 50);
    for (const QString &file : files)
        QTest::newRow(qPrintable(QFileInfo(file).fileName())) << file;
}

void TestReportJson::reportsAsQtWritesThem()
{
    QFETCH(QString, file);
    const Report report = ReportReader().readFile(file);
    const QByteArray ours = ReportJsonWriter().write(report);
    const QByteArray qt = qtJson(report);
    QCOMPARE(QJsonDocument::fromJson(ours), QJsonDocument::fromJson(qt));
    QCOMPARE(ours, qt); // the keys in QJsonObject's order, so byte for byte too
}

void TestReportJson::partsJoinToTheWholeReport()
{
    // A report with findings and one without: year.carry findings go between head and tail.
    const ReportJsonWriter writer;
    int withFindings = 0;
    for (const QString &file : corpusFiles()) {
        Report report = ReportReader().readFile(file);
        if (report.findings.isEmpty())
            continue;
        ++withFindings;
        const QList<Finding> own = report.findings.mid(0, 1);
        const QList<Finding> carried = report.findings.mid(1);
        report.findings = own;
        ReportJsonWriter::Parts parts = writer.parts(report);
        QVERIFY(parts.hasFindings);
        writer.appendFindings(parts.head, carried, parts.hasFindings);
        report.findings.append(carried);
        QCOMPARE(parts.head + parts.tail, qtJson(report));

        report.findings.clear();
        parts = writer.parts(report);
        QVERIFY(!parts.hasFindings);
        writer.appendFindings(parts.head, carried, parts.hasFindings);
        report.findings = carried;
        QCOMPARE(parts.head + parts.tail, qtJson(report));
    }
    QVERIFY(withFindings > 5);
}

void TestReportJson::packedPartsUnpackByteForByte()
{
    // nianbao-cli holds each report packed until year.carry is known, then writes it unpacked.
    const ReportJsonWriter writer;
    qsizetype packedBytes = 0;
    qsizetype bytes = 0;
    for (const QString &file : corpusFiles()) {
        const Report report = ReportReader().readFile(file);
        const ReportJsonWriter::Parts parts = writer.parts(report);
        const ReportJsonWriter::Parts packed = writer.packedParts(report);
        QCOMPARE(packed.tail, parts.tail);
        QCOMPARE(packed.hasFindings, parts.hasFindings);
        QByteArray head = "before";
        writer.unpackHead(packed.head, head);
        QCOMPARE(head, "before" + parts.head);
        packedBytes += packed.head.size();
        bytes += parts.head.size();
    }
    QVERIFY2(packedBytes * 4 < bytes, qPrintable(u"%1 of %2"_s.arg(packedBytes).arg(bytes)));
}

void TestReportJson::carryFromALaterFileIsFound()
{
    // One agency's 2023 report listed before its 2022 report, and before a second 2022 report
    // of the same agency that is the one compared (the last in the list, as before).
    const RuleBook rules(ReportTemplate::standard());
    SyntheticReports synthetic(rules, 14);
    const ReportRenderer renderer(rules.reportTemplate());
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const struct
    {
        const char *name;
        QString agency;
        int year;
    } reports[] = {{"a-2023.txt", u"甲市统计局"_s, 2023},
                   {"b-2023.txt", u"乙市统计局"_s, 2023},
                   {"a-2022-first.txt", u"甲市统计局"_s, 2022},
                   {"a-2022.txt", u"甲市统计局"_s, 2022}};
    QStringList files;
    for (const auto &report : reports) {
        const QString path = dir.filePath(QString::fromLatin1(report.name));
        const QString text = renderer.render(report.agency, report.year, synthetic.consistent(),
                                             RenderLayout::Markdown);
        QVERIFY(writeFile(path, text.toUtf8()));
        files.append(path);
    }

    const BatchChecker checker;
    const std::vector<Report> kept = checker.check(files, 2);
    // What the cross-year rules compare: the last 2022 report in the list, not the first.
    const ReportReader reader;
    std::vector<Report> read;
    for (const QString &file : files)
        read.push_back(reader.readFile(file));
    const QList<Finding> fromLast
        = reader.checker().crossYearFindings(read[3].cells, 2022, read[0].cells);
    QVERIFY(!fromLast.isEmpty());
    QVERIFY(fromLast != reader.checker().crossYearFindings(read[2].cells, 2022, read[0].cells));
    QCOMPARE(kept[0].findings, read[0].findings + fromLast);
    for (size_t i = 1; i < kept.size(); ++i)
        QCOMPARE(kept[i].findings, read[i].findings);

    std::vector<QList<Finding>> streamed(size_t(files.size()));
    std::vector<qsizetype> carriedTo;
    checker.stream(
        files, 2,
        [&](qsizetype index, Report &&report) {
            streamed[size_t(index)] = std::move(report.findings);
        },
        [&](qsizetype index, QList<Finding> &&findings) {
            carriedTo.push_back(index);
            streamed[size_t(index)].append(std::move(findings));
        });
    QCOMPARE(carriedTo, std::vector<qsizetype> {0});
    for (size_t i = 0; i < kept.size(); ++i)
        QCOMPARE(streamed[i], kept[i].findings);
}

QTEST_GUILESS_MAIN(TestReportJson)
#include "tst_reportjson.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Real reports as they get mangled on their way to a reviewer: page breaks inside a table,
// markup around headings, odd spaces, headings lost altogether.
#include "reportreader.h"
#include "testutils.h"

#include <QRegularExpression>
#include <QTest>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

using Mangle = QString (*)(const QString &);

QString pageBreakInsideTable(const QString &text)
{
    QStringList lines = text.split(u'\n');
    const auto at = std::find_if(lines.begin(), lines.end(),
                                 [](const QString &l) { return l.contains(u"属于行政执法案卷"); });
    if (at == lines.end())
        return {};
    lines.insert(at - lines.begin(), u"\n- 3 -\n\n某某单位 2023 年政府信息公开工作年度报告\n"_s);
    return lines.join(u'\n');
}

QString boldHeadings(const QString &text)
{
    QString out = text;
    static const QRegularExpression heading(u"^#*\\s*([二三四]、[^\\n]*情况)$"_s,
                                            QRegularExpression::MultilineOption);
    return out.replace(heading, u"**\\1**"_s);
}

QString ideographicSpacesAndCrlf(const QString &text)
{
    QString out = text;
    return out.replace(u' ', QChar(0x3000)).replace(u"\n"_s, u"\r\n"_s);
}

QString headingsLost(const QString &text)
{
    static const QRegularExpression heading(
        u"^#*\\s*[一二三四五六]、(总体|主动|收到和|政府信息公开行政|存在|其他需要)[^\\n]*\\n"_s,
        QRegularExpression::MultilineOption);
    QString out = text;
    return out.remove(heading);
}

} // namespace

class TestRobustness : public QObject
{
    Q_OBJECT

private slots:
    void mangledSeedsKeepTheirCells_data();
    void mangledSeedsKeepTheirCells();
};

void TestRobustness::mangledSeedsKeepTheirCells_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<void *>("mangle");
    const std::pair<const char *, Mangle> mangles[] = {
        {"a page number and running header inside table 三", pageBreakInsideTable},
        {"headings in bold markup", boldHeadings},
        {"ideographic spaces and CRLF line ends", ideographicSpacesAndCrlf},
        {"every section heading lost", headingsLost},
    };
    for (const QString &seed : test::seedNames()) {
        for (const auto &[name, mangle] : mangles)
            QTest::addRow("%s: %s", qPrintable(seed), name)
                << seed << reinterpret_cast<void *>(mangle);
    }
}

void TestRobustness::mangledSeedsKeepTheirCells()
{
    QFETCH(QString, seed);
    QFETCH(void *, mangle);
    QByteArray bytes;
    QVERIFY(test::readFileBytes(test::seedReportPath(seed), &bytes));
    const QString mangled = reinterpret_cast<Mangle>(mangle)(QString::fromUtf8(bytes));
    QVERIFY(!mangled.isEmpty());
    test::Expected expected;
    QVERIFY(test::loadExpected(seed, &expected));
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const Report report = ReportReader().readBytes(mangled.toUtf8(), u"mangled.txt"_s);
    const QStringList differences = test::cellDifferences(
        report, test::expectedValues(expected, reportTemplate),
        test::cellIndices(expected.missingInSource, reportTemplate), reportTemplate);
    QVERIFY2(differences.isEmpty(), test::differencesMessage(differences).constData());
    QCOMPARE(report.agency, expected.agency);
    QVERIFY(!report.hasErrorFindings());
}

QTEST_GUILESS_MAIN(TestRobustness)
#include "tst_robustness.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/chinesenumerals.h"

#include <QTest>

#include <optional>

using namespace Qt::StringLiterals;
using namespace nianbao;

/** Tests text/chinesenumerals: the character classes, counts, years and heading numerals. */
class TestChineseNumerals : public QObject
{
    Q_OBJECT

private slots:
    void characterClasses_data();
    void characterClasses();
    void counts_data();
    void counts();
    void years_data();
    void years();
};

void TestChineseNumerals::characterClasses_data()
{
    QTest::addColumn<QChar>("c");
    QTest::addColumn<bool>("asciiDigit");
    QTest::addColumn<bool>("chineseNumeral");
    QTest::addColumn<bool>("headingNumeral");

    QTest::newRow("6 is an ASCII digit") << QChar(u'6') << true << false << false;
    QTest::newRow("0 is an ASCII digit") << QChar(u'0') << true << false << false;
    QTest::newRow("full-width ６ is no ASCII digit") << QChar(u'６') << false << false << false;
    QTest::newRow("Arabic-Indic ٦ is no ASCII digit") << QChar(u'٦') << false << false << false;
    QTest::newRow("the letter O is no digit") << QChar(u'O') << false << false << false;
    QTest::newRow("六 is a numeral and numbers headings") << QChar(u'六') << false << true << true;
    QTest::newRow("十 is a numeral and numbers headings") << QChar(u'十') << false << true << true;
    QTest::newRow("〇 is a numeral, no heading number") << QChar(u'〇') << false << true << false;
    QTest::newRow("零 is a numeral, no heading number") << QChar(u'零') << false << true << false;
    QTest::newRow("两 is a numeral, no heading number") << QChar(u'两') << false << true << false;
    QTest::newRow("traditional 兩 is a numeral") << QChar(u'兩') << false << true << false;
    QTest::newRow("百 is a numeral, no heading number") << QChar(u'百') << false << true << false;
    QTest::newRow("亿 is a numeral") << QChar(u'亿') << false << true << false;
    QTest::newRow("financial 壹 is a numeral") << QChar(u'壹') << false << true << false;
    QTest::newRow("financial 仟 is a numeral") << QChar(u'仟') << false << true << false;
    QTest::newRow("件 is no numeral") << QChar(u'件') << false << false << false;
    QTest::newRow("、 is no numeral") << QChar(u'、') << false << false << false;
}

void TestChineseNumerals::characterClasses()
{
    QFETCH(QChar, c);
    QFETCH(bool, asciiDigit);
    QFETCH(bool, chineseNumeral);
    QFETCH(bool, headingNumeral);
    QCOMPARE(isAsciiDigit(c), asciiDigit);
    QCOMPARE(isChineseNumeral(c), chineseNumeral);
    QCOMPARE(isHeadingNumeral(c), headingNumeral);
}

void TestChineseNumerals::counts_data()
{
    QTest::addColumn<QString>("numeral");
    QTest::addColumn<double>("value"); // -1: no figure

    QTest::newRow("六 is six") << u"六"_s << 6.0;
    QTest::newRow("两 is two") << u"两"_s << 2.0;
    QTest::newRow("十二 is twelve") << u"十二"_s << 12.0;
    QTest::newRow("一十二 is twelve") << u"一十二"_s << 12.0;
    QTest::newRow("一百零五 is a hundred and five") << u"一百零五"_s << 105.0;
    QTest::newRow("一百〇五 reads 〇 as the zero") << u"一百〇五"_s << 105.0;
    QTest::newRow("两百零两 reads every 两") << u"两百零两"_s << 202.0;
    QTest::newRow("traditional 兩百零兩 reads as 两百零两") << u"兩百零兩"_s << 202.0;
    QTest::newRow("两千零二十三 is 2023") << u"两千零二十三"_s << 2023.0;
    QTest::newRow("零 alone is zero") << u"零"_s << 0.0;
    QTest::newRow("〇 alone is zero") << u"〇"_s << 0.0;
    QTest::newRow("financial 壹拾贰 is twelve") << u"壹拾贰"_s << 12.0;
    QTest::newRow("financial 壹佰贰拾 is a hundred and twenty") << u"壹佰贰拾"_s << 120.0;
    QTest::newRow("sixteen numerals are still read")
        << u"一亿二千三百四十五万六千七百八十"_s << 123456780.0;
    QTest::newRow("十万万 (a hundred thousand ten-thousands) is no count") << u"十万万"_s << -1.0;
    QTest::newRow("一百五 is ambiguous (150 or 105)") << u"一百五"_s << -1.0;
    QTest::newRow("一千二 is ambiguous (1200 or 1002)") << u"一千二"_s << -1.0;
    QTest::newRow("一二 read digit by digit is no count") << u"一二"_s << -1.0;
    QTest::newRow("二〇二三 is a year, not a count") << u"二〇二三"_s << -1.0;
    QTest::newRow("百 alone is no number") << u"百"_s << -1.0;
    QTest::newRow("件 is no numeral") << u"件"_s << -1.0;
    QTest::newRow("六件 is no numeral: the unit is not part of it") << u"六件"_s << -1.0;
    QTest::newRow("6 in Arabic digits is no Chinese numeral") << u"6"_s << -1.0;
    QTest::newRow("empty is no figure") << QString() << -1.0;
    QTest::newRow("seventeen numerals are too long to read")
        << u"一亿二千三百四十五万六千七百八十九"_s << -1.0;
}

void TestChineseNumerals::counts()
{
    QFETCH(QString, numeral);
    QFETCH(double, value);
    const std::optional<double> parsed = parseChineseCount(numeral);
    if (value < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(-1))));
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, value);
    }
    // The second reading comes from the thread's cache and must agree.
    QCOMPARE(parseChineseCount(numeral), parsed);
}

void TestChineseNumerals::years_data()
{
    QTest::addColumn<QString>("numeral");
    QTest::addColumn<int>("year"); // -1: no year

    QTest::newRow("二〇二三 is 2023") << u"二〇二三"_s << 2023;
    QTest::newRow("二零二三 reads 零 as 〇") << u"二零二三"_s << 2023;
    QTest::newRow("二O二三 reads the letter O as 〇") << u"二O二三"_s << 2023;
    QTest::newRow("二o二三 reads the letter o as 〇") << u"二o二三"_s << 2023;
    QTest::newRow("2023 in Arabic digits") << u"2023"_s << 2023;
    QTest::newRow("full-width ２０２３") << u"２０２３"_s << 2023;
    QTest::newRow("digits may mix: 20二三") << u"20二三"_s << 2023;
    QTest::newRow("〇 alone is 0") << u"〇"_s << 0;
    QTest::newRow("两千零二十三 has multipliers: no year") << u"两千零二十三"_s << -1;
    QTest::newRow("二〇二三年 holds 年: no year") << u"二〇二三年"_s << -1;
    QTest::newRow("financial 贰 is no year digit") << u"贰〇贰叁"_s << -1;
    QTest::newRow("empty is no year") << QString() << -1;
    QTest::newRow("ten digits are too long") << u"一二三四五六七八九〇"_s << -1;
}

void TestChineseNumerals::years()
{
    QFETCH(QString, numeral);
    QFETCH(int, year);
    const std::optional<int> parsed = parseYearNumeral(numeral);
    if (year < 0) {
        QVERIFY2(!parsed, qPrintable(QString::number(parsed.value_or(-1))));
    } else {
        QVERIFY(parsed.has_value());
        QCOMPARE(*parsed, year);
    }
}

QTEST_APPLESS_MAIN(TestChineseNumerals)

#include "tst_chinesenumerals.moc"

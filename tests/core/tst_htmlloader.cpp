// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loaders/html/htmlloader.h"
#include "loaders/html/htmlparser.h"

#include "testutils.h"

#include <QTest>

#include <ctime>

using namespace Qt::StringLiterals;
using namespace nianbao;

namespace {

/**
 * A hostile page must be read, or refused, within this much processor time (not wall time,
 * which a busy CI machine stretches); the old reader took minutes.
 */
constexpr qint64 kBudgetMs = 1000 * nianbao::test::kSanitizedShrink;
/** The generated pages' size: 100,000 rows or items (fewer in sanitized builds). */
constexpr int kItems = 100000 / nianbao::test::kSanitizedShrink;

/** The page's text, or the error's code and message after "ERROR ". */
QString readPage(const QByteArray &bytes, qint64 *elapsedMs = nullptr)
{
    const std::clock_t start = std::clock();
    const Result<LoadedDocument> loaded = HtmlLoader().load(bytes);
    if (elapsedMs)
        *elapsedMs = qint64(std::clock() - start) * 1000 / CLOCKS_PER_SEC;
    if (!loaded)
        return u"ERROR "_s % loaded.error().code % u' ' % loaded.error().message;
    return loaded.value().text;
}

QByteArray utf8Page(const QString &body)
{
    return (u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"_s % body
            % u"</body></html>"_s)
        .toUtf8();
}

} // namespace

/** HTML pages read through libxml2: references, charsets, and pages built to break readers. */
class TestHtmlLoader : public QObject
{
    Q_OBJECT

private slots:
    void namedReferencesBeyondTheCommonOnesAreRead_data();
    void namedReferencesBeyondTheCommonOnesAreRead();
    void linesBreakAsBrowsersShowThem_data();
    void linesBreakAsBrowsersShowThem();
    void aUtf8PageDeclaringGbkIsReadAsUtf8();
    void aPageNested22000DeepIsAClearErrorNotACrash();
    void anUnclosedTableOf100000RowsIsReadQuickly();
    void hundredsOfUnclosedFontTagsAreRead();
    void unclosedTablesInsideEachOtherAreAClearError();
    void unclosedNavigationIsReadQuickly();
    void anUnclosedNavBeforeTheReportKeepsTheReport();
};

void TestHtmlLoader::namedReferencesBeyondTheCommonOnesAreRead_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("punctuation pages use")
        << u"<p>甲&middot;乙&hellip;丙&times;丁&ensp;戊</p>"_s << u"甲·乙…丙×丁 戊\n"_s;
    QTest::newRow("HTML 4 names the old reader did not know")
        << u"<p>&radic;&infin;&alpha;&Omega;&micro;&ordm;&rsaquo;&lceil;&loz;&spades;</p>"_s
        << u"√∞αΩµº›⌈◊♠\n"_s;
    QTest::newRow("legacy names without a semicolon, and numeric references")
        << u"<p>A&nbsp B&nbsp;&nbsp;C &amp D &#20013;&#x6587;&#26085</p>"_s
        << u"A B C & D 中文日\n"_s;
    QTest::newRow("an escaped reference stays as written")
        << u"<p>&amp;lt;td&amp;gt; &amp;nbsp;</p>"_s << u"&lt;td&gt; &nbsp;\n"_s;
    QTest::newRow("an unknown name stays as written")
        << u"<p>&notaname; &</p>"_s << u"&notaname; &\n"_s;
}

void TestHtmlLoader::namedReferencesBeyondTheCommonOnesAreRead()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(readPage(utf8Page(html)), text);
}

void TestHtmlLoader::linesBreakAsBrowsersShowThem_data()
{
    QTest::addColumn<QString>("html");
    QTest::addColumn<QString>("text");
    QTest::newRow("</br> is a <br>") << u"<div>甲</br>乙</BR >丙</div>"_s << u"甲\n乙\n丙\n"_s;
    QTest::newRow("a </p> without a <p> ends a paragraph")
        << u"<div>甲</p>乙<p>丙</p>丁</div>"_s << u"甲\n乙\n丙\n丁\n"_s;
    QTest::newRow("a </p> in a cell is a space, like a <br>")
        << u"<table><tr><td>申请人</p>情况<td>2</table>"_s << u"申请人 情况\t2\n"_s;
    QTest::newRow("a stray </div> does not break the line")
        << u"<span>甲</div>乙</span>"_s << u"甲乙\n"_s;
    QTest::newRow("a NUL is a replacement character") << u"<p>甲\0乙</p>"_s << u"甲\uFFFD乙\n"_s;
}

void TestHtmlLoader::linesBreakAsBrowsersShowThem()
{
    QFETCH(QString, html);
    QFETCH(QString, text);
    QCOMPARE(readPage(utf8Page(html)), text);
}

void TestHtmlLoader::aUtf8PageDeclaringGbkIsReadAsUtf8()
{
    const QByteArray bytes = u"<html><head><meta http-equiv=\"Content-Type\" "
                             u"content=\"text/html; charset=gbk\"></head><body>"
                             u"<p>政府信息公开工作年度报告</p></body></html>"_s.toUtf8();
    const Result<LoadedDocument> loaded = HtmlLoader().load(bytes);
    QVERIFY(loaded.ok());
    QCOMPARE(loaded.value().text, u"政府信息公开工作年度报告\n"_s);
    QCOMPARE(loaded.value().encoding, u"UTF-8"_s);
    QCOMPARE(loaded.value().warnings.size(), 1);
    QCOMPARE(loaded.value().warnings.first().code, u"html.charset_mismatch"_s);
    QVERIFY2(loaded.value().warnings.first().message.contains(u"\"gbk\""),
             qPrintable(loaded.value().warnings.first().message));
}

void TestHtmlLoader::aPageNested22000DeepIsAClearErrorNotACrash()
{
    QString body = u"<p>第一段</p>\n"_s;
    for (int i = 0; i < 22000; ++i)
        body += u"<table><tr><td>"_s;
    body += u"深处的数字 7"_s;
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(text.startsWith(u"ERROR html.too_deep "), qPrintable(text.left(200)));
    QVERIFY2(text.contains(QString::number(kMaxHtmlDepth)), qPrintable(text));
    QVERIFY2(text.contains(u"(line 2)"), qPrintable(text)); // where the depth ran out
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
}

void TestHtmlLoader::anUnclosedTableOf100000RowsIsReadQuickly()
{
    QString body = u"<table>"_s;
    for (int row = 0; row < kItems; ++row)
        body += u"<tr><td>行"_s % QString::number(row) % u"<td>"_s % QString::number(row * 3);
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
    const QStringList lines = text.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), kItems);
    QCOMPARE(lines.first(), u"行0\t0"_s);
    QCOMPARE(lines.last(),
             u"行"_s % QString::number(kItems - 1) % u"\t"_s % QString::number((kItems - 1) * 3));
}

void TestHtmlLoader::hundredsOfUnclosedFontTagsAreRead()
{
    // Sloppy CMS pages leave <font> open in every paragraph; libxml2 nests them, so 300 of them
    // stand 300 deep: read, not refused.
    QString body;
    for (int i = 0; i < 300; ++i)
        body += u"<p><font face=\"宋体\">第"_s % QString::number(i) % u"段"_s;
    body += u"<p>收到申请6件"_s;
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(!text.startsWith(u"ERROR"), qPrintable(text.left(200)));
    QVERIFY(text.contains(u"第299段"_s));
    QVERIFY(text.contains(u"收到申请6件"_s));
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
}

void TestHtmlLoader::unclosedTablesInsideEachOtherAreAClearError()
{
    QString body;
    for (int i = 0; i < kItems; ++i)
        body += u"<table>表"_s % QString::number(i);
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
    QVERIFY2(text.startsWith(u"ERROR html.too_deep "), qPrintable(text.left(200)));
}

void TestHtmlLoader::unclosedNavigationIsReadQuickly()
{
    // Each menu item is closed by the next <p>, as browsers close it: short, so skipped.
    QString body;
    for (int i = 0; i < kItems; ++i)
        body += u"<p class=\"nav\">栏目"_s % QString::number(i);
    body += u"<div>正文 12</div>"_s;
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
    QCOMPARE(text, u"正文 12\n"_s);
}

void TestHtmlLoader::anUnclosedNavBeforeTheReportKeepsTheReport()
{
    // A <nav> that never closes runs to the end of the page: far too long for a menu.
    QString body = u"<nav><a href=\"/\">首页</a>"_s;
    for (int i = 0; i < 20000; ++i)
        body += u"<p>第"_s % QString::number(i) % u"段</p>"_s;
    qint64 elapsed = 0;
    const QString text = readPage(utf8Page(body), &elapsed);
    QVERIFY2(elapsed < kBudgetMs, qPrintable(QString::number(elapsed)));
    QVERIFY2(text.startsWith(u"首页\n第0段\n"), qPrintable(text.left(200)));
    QVERIFY(text.endsWith(u"第19999段\n"));
}

QTEST_GUILESS_MAIN(TestHtmlLoader)
#include "tst_htmlloader.moc"

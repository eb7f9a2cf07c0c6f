// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pagemap.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;

namespace {

// Two pages: a table row on the first, a line of narrative and a run of fused digits on the
// second. Positions: 本年新收 [0,4), 12 [5,7), 共收到申请6件 [8,15), 801000081 [16,25).
const QString kText = u"本年新收\t12\n共收到申请6件\n801000081\n"_s;

QList<PageRegion> regions()
{
    return {
        PageRegion {0, 4, 0, QRectF(10, 10, 80, 12)},
        PageRegion {5, 7, 0, QRectF(100, 10, 10, 12)},
        // 5 wide characters, a digit and a wide one: 13 units of 10 points.
        PageRegion {8, 15, 1, QRectF(20, 50, 130, 12)},
        PageRegion {16, 25, 1, QRectF(20, 70, 90, 12)},
    };
}

QStringList described(const QList<PageBox> &boxes)
{
    QStringList lines;
    for (const PageBox &box : boxes)
        lines.append(describe(box));
    return lines;
}

} // namespace

/** Tests pagemap: a text span's boxes on the pages, the box under a point, page ranges. */
class TestPageMap : public QObject
{
    Q_OBJECT

private slots:
    void boxes_data();
    void boxes();
    void regionsInAnyOrder();
    void noRegions();
    void indexAt_data();
    void indexAt();
    void pageRanges_data();
    void pageRanges();
};

void TestPageMap::boxes_data()
{
    QTest::addColumn<SourceSpan>("span");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("a figure standing alone gets its region's box")
        << SourceSpan {5, 7} << QStringList {u"page 1 (100, 10, 10×12)"_s};
    QTest::newRow("a figure in a line of narrative gets its share, CJK counted double")
        << SourceSpan {13, 14} << QStringList {u"page 2 (120, 50, 10×12)"_s};
    QTest::newRow("one figure of a run of fused digits gets its digits' width")
        << SourceSpan {17, 19} << QStringList {u"page 2 (30, 70, 20×12)"_s};
    QTest::newRow("a span over two regions of a page gets their union")
        << SourceSpan {0, 7} << QStringList {u"page 1 (10, 10, 100×12)"_s};
    QTest::newRow("a span across pages gets a box on each, in page order")
        << SourceSpan {5, 15}
        << QStringList {u"page 1 (100, 10, 10×12)"_s, u"page 2 (20, 50, 130×12)"_s};
    QTest::newRow("an empty span stands at the character it starts at")
        << SourceSpan {5, 5} << QStringList {u"page 1 (100, 10, 5×12)"_s};
    QTest::newRow("a span between regions (a line break) has no box")
        << SourceSpan {7, 8} << QStringList {};
    QTest::newRow("a span past the last region has no box")
        << SourceSpan {26, 30} << QStringList {};
    QTest::newRow("an invalid span has no box") << SourceSpan {} << QStringList {};
}

void TestPageMap::boxes()
{
    QFETCH(SourceSpan, span);
    QFETCH(QStringList, expected);
    QCOMPARE(described(PageMap(regions()).boxes(span, kText)), expected);
}

void TestPageMap::regionsInAnyOrder()
{
    QList<PageRegion> shuffled = regions();
    std::reverse(shuffled.begin(), shuffled.end());
    const PageMap map(shuffled);
    QCOMPARE(described(map.boxes(SourceSpan {0, 7}, kText)),
             QStringList {u"page 1 (10, 10, 100×12)"_s});
    QCOMPARE(described(map.boxes(SourceSpan {17, 19}, kText)),
             QStringList {u"page 2 (30, 70, 20×12)"_s});
}

void TestPageMap::noRegions()
{
    const PageMap map;
    QVERIFY(map.isEmpty());
    QVERIFY(map.boxes(SourceSpan {0, 4}, kText).isEmpty());
    QVERIFY(!PageMap(regions()).isEmpty());
}

void TestPageMap::indexAt_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<int>("expected");

    QTest::newRow("a point in the small box inside the big one finds the small one")
        << 0 << QPointF(15, 15) << 1;
    QTest::newRow("a point in the big box only finds the big one") << 0 << QPointF(50, 50) << 0;
    QTest::newRow("the same point on another page finds that page's box")
        << 1 << QPointF(15, 15) << 2;
    QTest::newRow("a point outside every box finds none") << 0 << QPointF(200, 200) << -1;
    QTest::newRow("a page without boxes finds none") << 5 << QPointF(15, 15) << -1;
}

void TestPageMap::indexAt()
{
    QFETCH(int, page);
    QFETCH(QPointF, point);
    QFETCH(int, expected);
    const QList<QList<PageBox>> boxes {
        {PageBox {0, QRectF(0, 0, 100, 100)}},
        {PageBox {0, QRectF(10, 10, 10, 10)}},
        {PageBox {1, QRectF(10, 10, 10, 10)}},
        {},
    };
    QCOMPARE(PageMap::indexAt(boxes, page, point), expected);
}

void TestPageMap::pageRanges_data()
{
    QTest::addColumn<QList<int>>("pages");
    QTest::addColumn<QString>("expected");

    QTest::newRow("no pages say nothing") << QList<int> {} << QString();
    QTest::newRow("one page is its number, from 1") << QList<int> {0} << u"1"_s;
    QTest::newRow("a run of pages is a range") << QList<int> {2, 3, 4} << u"3–5"_s;
    QTest::newRow("runs and single pages are listed apart")
        << QList<int> {2, 3, 4, 7} << u"3–5, 8"_s;
    QTest::newRow("pages in any order and twice read as a run")
        << QList<int> {4, 2, 3, 3} << u"3–5"_s;
}

void TestPageMap::pageRanges()
{
    QFETCH(QList<int>, pages);
    QFETCH(QString, expected);
    QCOMPARE(pageRangesText(pages, u", "_s), expected);
}

QTEST_APPLESS_MAIN(TestPageMap)
#include "tst_pagemap.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellheatmap.h"
#include "displaytexts.h"
#include "library/importer.h"
#include "library/libraryoverview.h"
#include "library/reviewlibrary.h"
#include "overviewview.h"
#include "testutils.h"

#include <QChart>
#include <QChartView>
#include <QDir>
#include <QLineSeries>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

/** Clicks the middle of `item`'s first column. */
void clickItem(QTreeWidget *table, QTreeWidgetItem *item)
{
    QVERIFY(item);
    table->scrollToItem(item);
    const QRect box = table->visualItemRect(item);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, box.center());
}

} // namespace

class TestOverviewView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hottestCellIsTheDatas();
    void clickingACellFiltersItsReports();
    void clickingARuleFiltersItsReports();
    void clickingAWorstReportOpensIt();
    void selectingAnAgencyDrawsItsTrend();
    void screenshot();

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ReviewLibrary> m_library;
    LibraryOverview m_overview;
    std::unique_ptr<OverviewView> m_view;
};

void TestOverviewView::initTestCase()
{
    const QString location = m_dir.filePath(u"library.sqlite"_s);
    const ImportSummary summary = Importer(location).run(test::realReportFiles());
    QVERIFY(summary.failures.isEmpty());
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(location);
    QVERIFY(library);
    m_library = std::move(library.value());
    const Result<LibraryOverview> overview = computeOverview(*m_library);
    QVERIFY(overview);
    m_overview = overview.value();
    QVERIFY(!m_overview.byRule.isEmpty());
    m_view = std::make_unique<OverviewView>();
    m_view->setTrendSource(
        [this](const QString &identity) { return agencyTrend(*m_library, m_overview, identity); });
    m_view->resize(1366, 768);
    m_view->setOverview(m_overview);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestOverviewView::hottestCellIsTheDatas()
{
    // The hottest cell, counted here from the tallies, is drawn in the deepest colour.
    int hottest = -1;
    qsizetype most = 0;
    for (int cell = 0; cell < m_overview.cells.size(); ++cell) {
        if (m_overview.cells[cell].reports.size() > most) {
            most = m_overview.cells[cell].reports.size();
            hottest = cell;
        }
    }
    QVERIFY(hottest >= 0);
    QCOMPARE(m_overview.cells[m_overview.hottestCell()].reports.size(), most);
    CellHeatMap *map = m_view->heatMap();
    const QImage image = map->grab().toImage();
    const auto colourOf = [&](int cell) {
        const QRect box = map->cellRect(cell);
        return image.pixelColor(box.left() + 3, box.top() + 3);
    };
    const QColor hottestColour = colourOf(m_overview.hottestCell());
    for (int cell = 0; cell < m_overview.cells.size(); ++cell) {
        if (map->cellRect(cell).isEmpty())
            continue;
        // Deeper red: more saturated. No cell is deeper than the hottest.
        QVERIFY2(colourOf(cell).hsvSaturationF() <= hottestColour.hsvSaturationF() + 0.01,
                 qPrintable(shortCellLabel(cell)));
    }
    QVERIFY(hottestColour.hsvSaturationF() > 0.9);
    QCOMPARE(map->cellAt(map->cellRect(hottest).center()), hottest);
}

void TestOverviewView::clickingACellFiltersItsReports()
{
    CellHeatMap *map = m_view->heatMap();
    const int cell = m_overview.hottestCell();
    QSignalSpy filtered(m_view.get(), &OverviewView::filterReports);
    QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(cell).center());
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.front().at(0).value<QList<qint64>>(), m_overview.cells[cell].reports);
    QCOMPARE(filtered.front().at(1).toInt(), cell);
}

void TestOverviewView::clickingARuleFiltersItsReports()
{
    QTreeWidget *rules = m_view->ruleTable();
    QCOMPARE(rules->topLevelItemCount(), int(m_overview.byRule.size()));
    const int row = rules->topLevelItemCount() - 1;
    QTreeWidgetItem *item = rules->topLevelItem(row);
    QCOMPARE(item->text(0), ruleName(m_overview.byRule[row].rule));
    QVERIFY(item->toolTip(0).contains(m_overview.byRule[row].rule));
    QSignalSpy filtered(m_view.get(), &OverviewView::filterReports);
    clickItem(rules, item);
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.front().at(0).value<QList<qint64>>(), m_overview.byRule[row].reports);
    QCOMPARE(filtered.front().at(1).toInt(), -1);
}

void TestOverviewView::clickingAWorstReportOpensIt()
{
    QTreeWidget *worst = m_view->worstTable(0);
    QVERIFY(worst->topLevelItemCount() >= 2);
    QSignalSpy opened(m_view.get(), &OverviewView::openReport);
    worst->parentWidget()->parentWidget()->show();
    clickItem(worst, worst->topLevelItem(1));
    QCOMPARE(opened.size(), 1);
    QCOMPARE(opened.front().at(0).toLongLong(), m_overview.mostErrors[1].id);
    QCOMPARE(opened.front().at(1).toInt(), -1);
}

void TestOverviewView::selectingAnAgencyDrawsItsTrend()
{
    // The agency with the most reports: its years are the chart's points.
    int row = 0;
    for (int i = 0; i < m_overview.byAgency.size(); ++i) {
        if (m_overview.byAgency[i].reports.size() > m_overview.byAgency[row].reports.size())
            row = i;
    }
    QVERIFY(m_overview.byAgency[row].reports.size() >= 3);
    m_view->agencyTable()->setCurrentItem(m_view->agencyTable()->topLevelItem(row));
    const QList<QAbstractSeries *> series = m_view->trendChart()->chart()->series();
    QVERIFY(!series.isEmpty());
    const auto *received = qobject_cast<QLineSeries *>(series.front());
    QVERIFY(received);
    const Result<QList<TrendPoint>> trend
        = agencyTrend(*m_library, m_overview, m_overview.byAgency[row].identity);
    QVERIFY(trend);
    qsizetype withFigure = 0;
    for (const TrendPoint &point : trend.value())
        withFigure += point.received ? 1 : 0;
    QCOMPARE(received->count(), withFigure);
    QVERIFY(m_view->trendChart()->chart()->title().contains(m_overview.byAgency[row].name));
}

void TestOverviewView::screenshot()
{
    const QString out = qEnvironmentVariable("NIANBAO_OVERVIEW_PNG");
    if (out.isEmpty())
        QSKIP("set NIANBAO_OVERVIEW_PNG=FILE to save a picture of the overview");
    QVERIFY(m_view->grab().save(out));
}

QTEST_MAIN(TestOverviewView)
#include "tst_overviewview.moc"

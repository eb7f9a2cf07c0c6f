// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "overviewview.h"

#include "cellheatmap.h"
#include "displaytexts.h"

#include <QChart>
#include <QChartView>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Item data: the row's index in the overview's list it shows. */
constexpr int kIndexRole = Qt::UserRole;

constexpr int kTablesWidth = 300;
constexpr int kListsWidth = 400;
constexpr int kScrollBarRoom = 24;

enum WorstList { MostErrors, MostUnread, MostMissing, WorstLists };

QTreeWidgetItem *numberedItem(const QStringList &texts)
{
    auto *item = new QTreeWidgetItem(texts);
    for (int column = 1; column < texts.size(); ++column)
        item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

/** A report as the lists name it: agency and year, or its file when it has no agency. */
QString reportName(const ReportTally &report)
{
    const QString agency
        = report.agency.isEmpty() ? QFileInfo(report.path).fileName() : report.agency;
    return report.year > 0 ? agency % u" · "_s % QString::number(report.year) : agency;
}

} // namespace

OverviewView::OverviewView(QWidget *parent)
    : QWidget(parent)
{
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    m_heatMap = new CellHeatMap;
    auto *heatScroll = new QScrollArea;
    heatScroll->setWidget(m_heatMap);
    heatScroll->setWidgetResizable(false);
    m_trend = new QChartView;
    m_trend->setRenderHint(QPainter::Antialiasing);
    m_trend->setMinimumHeight(260);

    auto *right = new QSplitter(Qt::Vertical);
    right->addWidget(buildWorstLists());
    right->addWidget(m_trend);
    // The worst lists scroll; the chart needs its height to be read on a 768-pixel screen.
    right->setStretchFactor(0, 1);
    right->setStretchFactor(1, 1);
    auto *columns = new QSplitter(Qt::Horizontal);
    columns->addWidget(buildTables());
    columns->addWidget(heatScroll);
    columns->addWidget(right);
    columns->setStretchFactor(1, 2);
    // The rule names and the form's labels need room; the lists and the chart take the rest.
    columns->setSizes({kTablesWidth, m_heatMap->sizeHint().width() + kScrollBarRoom, kListsWidth});

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(columns, 1);

    connect(m_heatMap, &CellHeatMap::cellClicked, this,
            [this](int cell, const QList<qint64> &reports) { emit filterReports(reports, cell); });
}

QTreeWidget *OverviewView::newTable(const QStringList &headers)
{
    auto *table = new QTreeWidget;
    table->setRootIsDecorated(false);
    table->setUniformRowHeights(true);
    table->setHeaderLabels(headers);
    table->header()->setStretchLastSection(false);
    table->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    for (int column = 1; column < headers.size(); ++column)
        table->header()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    return table;
}

QWidget *OverviewView::buildTables()
{
    auto *tabs = new QTabWidget;
    m_rules = newTable({tr("Rule"), tr("Errors"), tr("Warnings"), tr("Reports")});
    m_agencies = newTable({tr("Agency"), tr("Reports"), tr("Errors"), tr("Warnings")});
    m_years = newTable({tr("Year"), tr("Reports"), tr("Errors"), tr("Warnings")});
    tabs->addTab(m_rules, tr("By rule"));
    tabs->addTab(m_agencies, tr("By agency"));
    tabs->addTab(m_years, tr("By year"));
    for (QTreeWidget *table : {m_rules, m_agencies, m_years})
        connect(table, &QTreeWidget::itemClicked, this,
                [this](QTreeWidgetItem *item) { emitFilter(item); });
    connect(m_agencies, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item)
            showTrend(m_overview.byAgency.value(item->data(0, kIndexRole).toInt()).identity);
    });
    return tabs;
}

QWidget *OverviewView::buildWorstLists()
{
    auto *tabs = new QTabWidget;
    const QStringList titles {tr("Most errors"), tr("Most unread cells"), tr("Most missing cells")};
    for (int list = 0; list < WorstLists; ++list) {
        QTreeWidget *table = newTable({tr("Report"), tr("Errors"), tr("Unread"), tr("Missing")});
        connect(table, &QTreeWidget::itemClicked, this,
                [this](QTreeWidgetItem *item) { openWorst(item); });
        m_worst.append(table);
        tabs->addTab(table, titles[list]);
    }
    return tabs;
}

void OverviewView::setOverview(const LibraryOverview &overview)
{
    m_overview = overview;
    m_heatMap->setOverview(overview);
    m_heatMap->resize(m_heatMap->sizeHint());
    fillRules();
    fillGroups(m_agencies, m_overview.byAgency);
    fillGroups(m_years, m_overview.byYear);
    fillWorst();
    updateSummary();
    if (!m_overview.byAgency.isEmpty())
        m_agencies->setCurrentItem(m_agencies->topLevelItem(0));
}

void OverviewView::fillRules()
{
    m_rules->clear();
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < m_overview.byRule.size(); ++i) {
        const RuleTally &rule = m_overview.byRule[i];
        QTreeWidgetItem *item
            = numberedItem({ruleName(rule.rule), QString::number(rule.errors),
                            QString::number(rule.warnings), QString::number(rule.reports.size())});
        item->setToolTip(0, ruleToolTip(rule.rule));
        item->setData(0, kIndexRole, i);
        items.append(item);
    }
    m_rules->addTopLevelItems(items);
}

void OverviewView::fillGroups(QTreeWidget *table, const QList<GroupTally> &groups)
{
    table->clear();
    QList<QTreeWidgetItem *> items;
    for (int i = 0; i < groups.size(); ++i) {
        const GroupTally &group = groups[i];
        QTreeWidgetItem *item
            = numberedItem({group.name, QString::number(group.reports.size()),
                            QString::number(group.errors), QString::number(group.warnings)});
        item->setData(0, kIndexRole, i);
        if (table == m_agencies)
            item->setToolTip(0, tr("Latest report: %1").arg(group.year));
        items.append(item);
    }
    table->addTopLevelItems(items);
}

void OverviewView::fillWorst()
{
    const QList<ReportTally> *lists[WorstLists]
        = {&m_overview.mostErrors, &m_overview.mostUnread, &m_overview.mostMissing};
    for (int list = 0; list < WorstLists; ++list) {
        QTreeWidget *table = m_worst[list];
        table->clear();
        QList<QTreeWidgetItem *> items;
        for (int i = 0; i < lists[list]->size(); ++i) {
            const ReportTally &report = lists[list]->at(i);
            QTreeWidgetItem *item
                = numberedItem({reportName(report), QString::number(report.errors),
                                QString::number(report.unread), QString::number(report.missing)});
            item->setToolTip(0, report.path);
            item->setData(0, kIndexRole, i);
            items.append(item);
        }
        table->addTopLevelItems(items);
    }
}

void OverviewView::updateSummary()
{
    QString text = tr("%n report(s)", nullptr, m_overview.reports) % u" · "_s
        % tr("%n error(s)", nullptr, m_overview.errors) % u" · "_s
        % tr("%n warning(s)", nullptr, m_overview.warnings);
    const int uncovered = m_overview.reports - m_overview.covered;
    if (uncovered > 0)
        text += u"  "_s
            % tr("The rules, cells and trend do not cover %n report(s) imported by an older "
                 "version: open or re-check them.",
                 nullptr, uncovered);
    m_summary->setText(text);
}

void OverviewView::emitFilter(QTreeWidgetItem *item)
{
    const int index = item->data(0, kIndexRole).toInt();
    if (item->treeWidget() == m_rules)
        emit filterReports(m_overview.byRule.value(index).reports, -1);
    else if (item->treeWidget() == m_agencies)
        emit filterReports(m_overview.byAgency.value(index).reports, -1);
    else
        emit filterReports(m_overview.byYear.value(index).reports, -1);
}

void OverviewView::openWorst(QTreeWidgetItem *item)
{
    const QList<ReportTally> *lists[WorstLists]
        = {&m_overview.mostErrors, &m_overview.mostUnread, &m_overview.mostMissing};
    const int list = int(m_worst.indexOf(item->treeWidget()));
    if (list < 0)
        return;
    const int index = item->data(0, kIndexRole).toInt();
    if (index >= 0 && index < lists[list]->size())
        emit openReport(lists[list]->at(index).id, -1);
}

void OverviewView::setTrendSource(TrendSource source)
{
    m_trendSource = std::move(source);
}

void OverviewView::showTrend(const QString &identity)
{
    auto *chart = new QChart;
    const GroupTally *agency = m_overview.agency(identity);
    chart->setTitle(agency ? tr("%1 over the years").arg(agency->name) : QString());
    chart->legend()->setAlignment(Qt::AlignBottom); // beside the title, the names are cut
    Result<QList<TrendPoint>> trend
        = m_trendSource ? m_trendSource(identity) : Result<QList<TrendPoint>>(QList<TrendPoint> {});
    const QList<TrendPoint> points = trend ? trend.value() : QList<TrendPoint> {};
    struct Figure
    {
        QString name;
        std::function<std::optional<double>(const TrendPoint &)> value;
    };
    const QList<Figure> figures {{tr("New requests"),
                                  [](const TrendPoint &p) {
                                      return p.received;
                                  }},
                                 {tr("Requests handled"),
                                  [](const TrendPoint &p) {
                                      return p.processed;
                                  }},
                                 {tr("Reconsiderations"),
                                  [](const TrendPoint &p) {
                                      return p.reconsideration;
                                  }},
                                 {tr("Lawsuits"),
                                  [](const TrendPoint &p) {
                                      return p.litigation;
                                  }},
                                 {tr("Errors"), [](const TrendPoint &p) {
                                      return std::optional<double>(p.errors);
                                  }}};
    auto *years = new QValueAxis;
    years->setLabelFormat(u"%d"_s);
    auto *counts = new QValueAxis;
    counts->setLabelFormat(u"%d"_s);
    chart->addAxis(years, Qt::AlignBottom);
    chart->addAxis(counts, Qt::AlignLeft);
    double highest = 1;
    for (const Figure &figure : figures) {
        auto *series = new QLineSeries;
        series->setName(figure.name);
        series->setPointsVisible(true);
        for (const TrendPoint &point : points) {
            if (const std::optional<double> value = figure.value(point)) {
                series->append(point.year, *value);
                highest = std::max(highest, *value);
            }
        }
        chart->addSeries(series);
        series->attachAxis(years);
        series->attachAxis(counts);
        connect(series, &QLineSeries::clicked, this, [this, points](const QPointF &at) {
            for (const TrendPoint &point : points) {
                if (std::lround(at.x()) == point.year)
                    emit openReport(point.report, -1);
            }
        });
    }
    if (!points.isEmpty()) {
        // A tick on each year: one year alone still gets an axis around it.
        const int first = points.first().year - (points.size() == 1 ? 1 : 0);
        const int last = points.last().year + (points.size() == 1 ? 1 : 0);
        years->setRange(first, last);
        years->setTickCount(last - first + 1);
    }
    counts->setRange(0, highest * 1.1);
    counts->applyNiceNumbers(); // ticks on round counts, as the whole-number labels claim
    QChart *previous = m_trend->chart();
    m_trend->setChart(chart);
    delete previous;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/libraryoverview.h"

#include <QList>
#include <QWidget>

#include <functional>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;
class QChartView;

namespace nianbao {

class CellHeatMap;

/**
 * The overview of a library, where a reviewer starts the day: findings by rule, by agency and
 * by year; the heat map of the form; the reports with the most errors, unread and missing
 * cells; and the selected agency's trend over the years. Every mark clicks through:
 * filterReports() asks the report list to show some reports, openReport() to open one.
 */
class OverviewView final : public QWidget
{
    Q_OBJECT

public:
    /** Gives an agency's years (by its identity) when it is selected; may fail. */
    using TrendSource = std::function<Result<QList<TrendPoint>>(const QString &identity)>;

    explicit OverviewView(QWidget *parent = nullptr);

    void setOverview(const LibraryOverview &overview);
    const LibraryOverview &overview() const { return m_overview; }
    void setTrendSource(TrendSource source);
    /** Shows the trend of the agency `identity` (as selecting its row does). */
    void showTrend(const QString &identity);

    CellHeatMap *heatMap() const { return m_heatMap; }
    QTreeWidget *ruleTable() const { return m_rules; }
    QTreeWidget *agencyTable() const { return m_agencies; }
    QTreeWidget *yearTable() const { return m_years; }
    /** The lists of the worst reports: by errors, by unread cells, by missing cells. */
    QTreeWidget *worstTable(int list) const { return m_worst.value(list); }
    QChartView *trendChart() const { return m_trend; }

signals:
    /** Open the report `documentId`, at `cell` (-1: none in particular). */
    void openReport(qint64 documentId, int cell);
    /** Show these reports in the list; `cell`: the form cell they break (-1: none). */
    void filterReports(const QList<qint64> &ids, int cell);

private:
    QTreeWidget *newTable(const QStringList &headers);
    QWidget *buildTables();
    QWidget *buildWorstLists();
    void fillRules();
    void fillGroups(QTreeWidget *table, const QList<GroupTally> &groups);
    void fillWorst();
    void updateSummary();
    void emitFilter(QTreeWidgetItem *item);
    void openWorst(QTreeWidgetItem *item);

    LibraryOverview m_overview;
    TrendSource m_trendSource;
    QLabel *m_summary = nullptr;
    QTreeWidget *m_rules = nullptr;
    QTreeWidget *m_agencies = nullptr;
    QTreeWidget *m_years = nullptr;
    QList<QTreeWidget *> m_worst;
    CellHeatMap *m_heatMap = nullptr;
    QChartView *m_trend = nullptr;
};

} // namespace nianbao

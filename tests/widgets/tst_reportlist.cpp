// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportlistmodel.h"
#include "reportlistproxy.h"
#include "reviewdocument.h"
#include "widgettestutils.h"

#include <QAbstractItemModelTester>
#include <QTest>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestReportList : public QObject
{
    Q_OBJECT

private:
    static ReviewDocument *document(const QString &agency, int year)
    {
        Report report;
        report.file = agency + u".txt"_s;
        report.loaded = true;
        report.agency = agency;
        report.year = year;
        report.cells.resize(size_t(ReportTemplate::standard().cellCount()));
        return new ReviewDocument(report, reader().checker(), u"tester"_s);
    }

    static QStringList column(const QAbstractItemModel &model, int column)
    {
        QStringList texts;
        for (int row = 0; row < model.rowCount(); ++row)
            texts.append(model.index(row, column).data().toString());
        return texts;
    }

private slots:
    void chineseNamesSortInPinyinOrder()
    {
        ReportListModel model;
        ReportListProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy);
        // 北 (bei) precedes 安 (an) in code points; pinyin puts 安 first.
        for (const QString &agency : {u"洛阳市"_s, u"北京市"_s, u"安阳市"_s, u"郑州市"_s})
            model.addDocument(document(agency, 2023));
        proxy.sort(ReportListModel::AgencyColumn);
        QCOMPARE(column(proxy, ReportListModel::AgencyColumn),
                 (QStringList {u"安阳市"_s, u"北京市"_s, u"洛阳市"_s, u"郑州市"_s}));
    }

    void yearsSortAsNumbersAndTheFilterMatchesAnyColumn()
    {
        ReportListModel model;
        ReportListProxy proxy;
        proxy.setSourceModel(&model);
        model.addDocument(document(u"甲"_s, 2024));
        model.addDocument(document(u"乙"_s, 2021));
        model.addDocument(document(u"丙"_s, 2023));
        proxy.sort(ReportListModel::YearColumn, Qt::DescendingOrder);
        QCOMPARE(column(proxy, ReportListModel::YearColumn),
                 (QStringList {u"2024"_s, u"2023"_s, u"2021"_s}));
        proxy.setFilterFixedString(u"2021"_s);
        QCOMPARE(column(proxy, ReportListModel::AgencyColumn), QStringList {u"乙"_s});
    }

    void aReportThatFailedSaysWhy()
    {
        ReportListModel model;
        QAbstractItemModelTester tester(&model);
        model.addDocument(new ReviewDocument(reader().readFile(u"/nonexistent/report.txt"_s),
                                             reader().checker(), u"tester"_s));
        const QModelIndex status = model.index(0, ReportListModel::StatusColumn);
        QVERIFY(model.index(0, 0).data(ReportListModel::FailedRole).toBool());
        QCOMPARE(model.index(0, ReportListModel::AgencyColumn).data().toString(), u"report.txt"_s);
        QVERIFY2(status.data().toString().contains(u"/nonexistent/report.txt"_s),
                 qPrintable(status.data().toString()));
    }

    void theSeedShowsAgencyYearAndErrors()
    {
        ReportListModel model;
        model.addDocument(openDocument(seed004Path()).release());
        QCOMPARE(model.index(0, ReportListModel::AgencyColumn).data().toString(),
                 u"川汇区政府办公室"_s);
        QCOMPARE(model.index(0, ReportListModel::YearColumn).data().toInt(), 2023);
        QCOMPARE(model.index(0, ReportListModel::StatusColumn).data().toString(), u"Unreviewed"_s);
        QCOMPARE(model.index(0, ReportListModel::ErrorsColumn).data().toInt(), 0);
    }
};

QTEST_GUILESS_MAIN(TestReportList)
#include "tst_reportlist.moc"

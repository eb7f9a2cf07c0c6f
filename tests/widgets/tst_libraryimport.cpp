// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencyaliasdialog.h"
#include "cellheatmap.h"
#include "displaytexts.h"
#include "formtablemodel.h"
#include "formtableview.h"
#include "library/reviewlibrary.h"
#include "markingtranslator.h"
#include "otheryearpane.h"
#include "overviewview.h"
#include "reportlistmodel.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "scannedpages.h"
#include "widgettestutils.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

/** Answers like FakeDialogs, and notes whether a progress dialog was still in sight. */
class WatchingDialogs final : public Dialogs
{
public:
    QStringList messages;
    bool progressInSight = false;

    QStringList openFiles(QWidget *, const QString &, const QString &) override { return {}; }
    QString openFolder(QWidget *, const QString &) override { return {}; }
    void information(QWidget *, const QString &, const QString &text) override
    {
        messages.append(text);
        for (QWidget *widget : QApplication::allWidgets()) {
            if (qobject_cast<QProgressDialog *>(widget) && widget->isVisible())
                progressInSight = true;
        }
    }
    bool question(QWidget *, const QString &, const QString &, const QString &) override
    {
        return true;
    }
};

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestLibraryImport : public QObject
{
    Q_OBJECT

private:
    MarkingTranslator m_translator;
    WatchingDialogs m_dialogs;
    std::unique_ptr<ReviewWindow> m_window;
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    /** Imports through the window as a slow import would: its progress dialog in sight. */
    bool importAndWait(const QStringList &files)
    {
        m_window->openPaths(files);
        auto *progress = m_window->findChild<QProgressDialog *>(u"importProgressDialog"_s);
        if (!progress)
            return false;
        progress->show();
        return QTest::qWaitFor([this] { return !m_window->isLoading(); }, 20000);
    }

    int rowOf(const QString &file) const
    {
        const ReportListModel *list = m_window->reportList();
        return list->rowOf(list->documentForFile(file));
    }

private:
    /** Opens a listed file's report as a reviewer does, by choosing it in the report list. */
    ReviewDocument *showFile(const QString &file)
    {
        ReportListModel *list = m_window->reportList();
        const int row = list->rowOfFile(file);
        auto *view = m_window->findChild<QTreeView *>(u"reportListView"_s);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        if (row < 0 || !proxy)
            return nullptr;
        view->setCurrentIndex(proxy->mapFromSource(list->index(row, 0)));
        return m_window->currentDocument();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QCoreApplication::installTranslator(&m_translator);
    }

    void init()
    {
        m_dialogs.messages.clear();
        m_dialogs.progressInSight = false;
        m_window = std::make_unique<ReviewWindow>();
        m_window->setDialogs(&m_dialogs);
        m_window->setLibrary(ReviewLibrary::open(path(u"library.sqlite"_s)).value());
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void failedFilesStayInTheListWithTheirReasonInTheWindowsLanguage()
    {
        const QString empty = path(u"empty.txt"_s);
        const QString binary = path(u"binary.txt"_s);
        QVERIFY(writeFile(empty, {}));
        QVERIFY(writeFile(binary, QByteArray("report\0\1\2\3 data", 15).repeated(20)));
        QVERIFY(importAndWait({empty, binary, seed004Path()}));

        // The message came after the progress dialog went, so the window does not look frozen.
        QCOMPARE(m_dialogs.messages.size(), 1);
        QVERIFY(!m_dialogs.progressInSight);
        const QStringList lines = m_dialogs.messages.first().split(u'\n');
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines[0].contains(u"empty.txt"_s), qPrintable(lines[0]));
        QVERIFY2(lines[1].contains(u"binary.txt"_s), qPrintable(lines[1]));

        // Each failed file stays in the list and says why, translated like everything else.
        ReportListModel *list = m_window->reportList();
        QCOMPARE(list->rowCount(), 3);
        const QString mark(MarkingTranslator::kMark);
        for (const QString &file : {empty, binary}) {
            const int row = rowOf(file);
            QVERIFY2(row >= 0, qPrintable(file));
            QVERIFY(list->index(row, 0).data(ReportListModel::FailedRole).toBool());
            const QString status
                = list->index(row, ReportListModel::StatusColumn).data().toString();
            QVERIFY2(status.contains(mark + u"The file is"_s), qPrintable(status));
            QVERIFY(list->index(row, 0).data(Qt::ToolTipRole).toString().contains(file));
        }
        QVERIFY(list->document(rowOf(seed004Path()))->isLoaded());
    }

    void aFailedFileOpenedAgainIsReadAnew()
    {
        const QString repaired = path(u"repaired.txt"_s);
        QVERIFY(writeFile(repaired, {}));
        QVERIFY(importAndWait({repaired}));
        QVERIFY(!m_window->reportList()->document(rowOf(repaired))->isLoaded());

        QVERIFY(writeFile(repaired, readFile(seedPath(u"003_26cd6f5c3c427896"_s))));
        QVERIFY(importAndWait({repaired}));
        QCOMPARE(m_window->reportList()->rowCount(), 1);
        QVERIFY(m_window->reportList()->document(rowOf(repaired))->isLoaded());
    }

    void aReportOpensBesideTheSameAgencysPreviousYear()
    {
        // 平潭综合实验区行政审批局 2023 and 2024: the library pairs them, and the 2024 report
        // shows active.stock_flow (2023's 16 in force + 15 − 6 is not the 21 printed).
        const QString real = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/real/"_s;
        QVERIFY(importAndWait({real + u"r10-pingtan-xzspj-2023.html"_s}));
        QVERIFY(importAndWait({real + u"r11-pingtan-xzspj-2024.html"_s}));
        // Opened from the list, as a reviewer opens it.
        ReportListModel *list = m_window->reportList();
        const int row = list->rowOfFile(real + u"r11-pingtan-xzspj-2024.html"_s);
        QVERIFY(row >= 0);
        auto *view = m_window->findChild<QTreeView *>(u"reportListView"_s);
        auto *proxy = qobject_cast<QSortFilterProxyModel *>(view->model());
        QVERIFY(proxy);
        view->setCurrentIndex(proxy->mapFromSource(list->index(row, 0)));
        ReviewDocument *later = m_window->currentDocument();
        QVERIFY(later && later->isLoaded());
        QCOMPARE(later->session()->report().year, 2024);
        QCOMPARE(later->session()->previousYear(), 2023);
        QStringList rules;
        for (const Finding &finding : later->findings())
            rules.append(finding.rule);
        QVERIFY2(rules.contains(u"active.stock_flow"_s), qPrintable(rules.join(u", ")));
        QVERIFY(!rules.contains(u"year.carry"_s)); // the requests carried over do agree
    }

    void theOtherYearIsShownBesideTheTables()
    {
        // 2023 and 2024 of one agency: each shows the other beside its tables, read-only, with
        // the library's figures, and follows the cell the reviewer selects.
        const QString real = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/real/"_s;
        QVERIFY(importAndWait({real + u"r10-pingtan-xzspj-2023.html"_s}));
        QVERIFY(importAndWait({real + u"r11-pingtan-xzspj-2024.html"_s}));
        m_window->show();
        ReviewDocument *later = showFile(real + u"r11-pingtan-xzspj-2024.html"_s);
        QVERIFY(later && later->session());
        auto *pane = m_window->findChild<OtherYearPane *>(u"otherYearPane"_s);
        QVERIFY(pane && pane->isVisible());
        QCOMPARE(pane->year(), FormTableModel::Year::Previous);
        // The same cell of each table, as 2023's report stands in the library.
        const std::vector<CellValue> &earlier = later->session()->previousYearCells();
        QCOMPARE(earlier.size(), later->session()->report().cells.size());
        const ReportTemplate &form = ReportTemplate::standard();
        const int inForce = form.cellIndex(CellKey(u"active.normative.in_force"_s));
        QVERIFY(inForce >= 0 && earlier[size_t(inForce)].value);
        FormTableView *view = pane->view(form.cells()[inForce].table);
        const QModelIndex shown = view->formModel()->indexOfCell(inForce);
        QCOMPARE(shown.data().toString(), formatValue(earlier[size_t(inForce)].value));
        QVERIFY(!(shown.flags() & Qt::ItemIsEditable));
        QVERIFY(!view->formModel()->setData(shown, u"99"_s));
        // Selecting the cell in the reviewed report selects it beside, too.
        m_window->findChild<ReviewCursor *>()->selectCell(inForce);
        QCOMPARE(view->currentIndex(), shown);
        // Opening 2023: no 2022 in the library, so 2024 is shown as the next year.
        ReviewDocument *earlierDocument = showFile(real + u"r10-pingtan-xzspj-2023.html"_s);
        QVERIFY(earlierDocument && earlierDocument != later);
        QCOMPARE(earlierDocument->session()->previousYear(), 0);
        QCOMPARE(earlierDocument->session()->nextYear(), 2024);
        QVERIFY(pane->isVisible());
        QCOMPARE(view->formModel()->year(), FormTableModel::Year::Next);
        QCOMPARE(view->formModel()->yearNumber(), 2024);
        // The reviewer can turn it off.
        m_window->findChild<QAction *>(u"actionCompareYears"_s)->trigger();
        QVERIFY(!pane->isVisible());
        m_window->findChild<QAction *>(u"actionCompareYears"_s)->trigger();
        QVERIFY(pane->isVisible());
    }

    void theOverviewLeadsToTheReportsAndCells()
    {
        // Five real reports: the overview shows them all; a click on its hottest cell lists
        // the reports breaking it and selects that cell; a worst report opens at a click.
        const QString real = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/real/"_s;
        const QStringList files {
            real + u"r10-pingtan-xzspj-2023.html"_s, real + u"r11-pingtan-xzspj-2024.html"_s,
            real + u"r14-pingtan-gaj-2021.txt"_s, real + u"r19-pingtan-jjfzj-2024.txt"_s,
            real + u"r03-pingtan-2022.txt"_s};
        QVERIFY(importAndWait(files));
        m_window->show();
        m_window->findChild<QAction *>(u"actionShowOverview"_s)->trigger();
        QVERIFY(m_window->isShowingOverview());
        OverviewView *overview = m_window->overviewView();
        QVERIFY(overview->isVisible());
        // The library may hold this suite's earlier imports as well.
        const int held = int(m_window->library()->documents().value().size());
        QVERIFY(held >= files.size());
        QCOMPARE(overview->overview().reports, held);
        QCOMPARE(overview->overview().covered, held);
        const int cell = overview->overview().hottestCell();
        QVERIFY(cell >= 0);
        const QList<qint64> breaking = overview->overview().cells[cell].reports;
        CellHeatMap *map = overview->heatMap();
        QTest::mouseClick(map, Qt::LeftButton, {}, map->cellRect(cell).center());
        QVERIFY(!m_window->isShowingOverview());
        auto *list = m_window->findChild<QTreeView *>(u"reportListView"_s);
        QCOMPARE(list->model()->rowCount(), int(breaking.size()));
        QVERIFY(m_window->findChild<QWidget *>(u"overviewFilterBar"_s)->isVisible());
        QCOMPARE(m_window->reviewCursor()->cell(), cell);
        QVERIFY(breaking.contains(m_window->currentDocument()->libraryId()));
        // Show All brings every report back.
        m_window->findChild<QPushButton *>(u"overviewFilterClearButton"_s)->click();
        QCOMPARE(list->model()->rowCount(), m_window->reportList()->rowCount());
        // A report of the worst list opens where the reviewer is.
        m_window->showOverview(true);
        const ReportTally worst = overview->overview().mostErrors.value(0);
        QVERIFY(worst.id != 0);
        QTreeWidget *worstList = overview->worstTable(0);
        QTreeWidgetItem *first = worstList->topLevelItem(0);
        QVERIFY(first);
        worstList->scrollToItem(first);
        QTest::mouseClick(worstList->viewport(), Qt::LeftButton, {},
                          worstList->visualItemRect(first).center());
        QVERIFY(!m_window->isShowingOverview());
        QCOMPARE(m_window->currentDocument()->libraryId(), worst.id);
    }

    void anEditOfThePreviousYearChecksTheNextAgain()
    {
        // 2024's 现行有效 does not follow from 2023's; correcting 2023's figure (both open)
        // to what 2024's flow implies takes active.stock_flow away from 2024 at once.
        const QString real = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/real/"_s;
        QVERIFY(importAndWait({real + u"r10-pingtan-xzspj-2023.html"_s}));
        QVERIFY(importAndWait({real + u"r11-pingtan-xzspj-2024.html"_s}));
        ReviewDocument *later = showFile(real + u"r11-pingtan-xzspj-2024.html"_s);
        QVERIFY(later && later->session());
        const auto stockFlow = [&] {
            QList<Finding> found;
            for (const Finding &finding : later->findings()) {
                if (finding.rule == u"active.stock_flow"_s)
                    found.append(finding);
            }
            return found;
        };
        const QList<Finding> before = stockFlow();
        QVERIFY(!before.isEmpty());
        const QList<int> cells = before.first().cells; // 现行有效, 制发, 废止 of 2024
        const auto figure = [&](int cell) {
            return later->session()->cells()[size_t(cell)].value.value_or(0);
        };
        const double implied = figure(cells[0]) - figure(cells[1]) + figure(cells[2]);
        ReviewDocument *earlier = showFile(real + u"r10-pingtan-xzspj-2023.html"_s);
        QVERIFY(earlier && earlier->session());
        QVERIFY(earlier->session()->setCellValue(cells[0], implied));
        QCOMPARE(later->session()->previousYearCells()[size_t(cells[0])].value,
                 std::optional<double>(implied));
        QCOMPARE(stockFlow().size(), before.size() - 1);
    }

    void aNewAliasPairsTheOpenReportsAgain()
    {
        // 2023's report filed under the department's former name: 2024 opens alone; the alias
        // the reviewer adds pairs them at once, without reopening.
        const QString real = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/real/"_s;
        QVERIFY(importAndWait({real + u"r10-pingtan-xzspj-2023.html"_s}));
        QVERIFY(importAndWait({real + u"r11-pingtan-xzspj-2024.html"_s}));
        ReviewLibrary *library = m_window->library();
        const QString formerName = u"平潭综合实验区行政服务中心"_s;
        const Result<QList<DocumentSummary>> documents = library->documents();
        QVERIFY(documents);
        for (const DocumentSummary &summary : documents.value()) {
            if (summary.year == 2023)
                QVERIFY(library->saveIdentity(summary.id, summary.version, formerName, 2023,
                                              u"tester"_s, QDateTime::currentDateTimeUtc()));
        }
        ReviewDocument *later = showFile(real + u"r11-pingtan-xzspj-2024.html"_s);
        QVERIFY(later && later->session());
        QCOMPARE(later->session()->previousYear(), 0);
        m_window->findChild<QAction *>(u"actionAgencyAliases"_s)->trigger();
        auto *dialog = m_window->findChild<AgencyAliasDialog *>(u"agencyAliasDialog"_s);
        QVERIFY(dialog);
        dialog->findChild<QPushButton *>(u"addAliasButton"_s)->click();
        QTableWidget *table = dialog->table();
        table->item(table->rowCount() - 1, 0)->setText(formerName);
        table->item(table->rowCount() - 1, 1)->setText(later->session()->report().agency);
        dialog->accept();
        QCOMPARE(later->session()->previousYear(), 2023);
        QVERIFY(!later->session()->previousYearCells().empty());
    }

    void agencyAliasesAreEditedInTheWindow()
    {
        QVERIFY(m_window->library()->saveAgencyAliases({{u"某县信息中心"_s, u"某县大数据局"_s}}));
        m_window->findChild<QAction *>(u"actionAgencyAliases"_s)->trigger();
        auto *dialog = m_window->findChild<AgencyAliasDialog *>(u"agencyAliasDialog"_s);
        QVERIFY(dialog && dialog->isVisible());
        QTableWidget *table = dialog->table();
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 0)->text(), u"某县信息中心"_s);
        dialog->findChild<QPushButton *>(u"addAliasButton"_s)->click();
        QCOMPARE(table->rowCount(), 2);
        table->item(1, 0)->setText(u"平潭综合实验区行政服务中心"_s);
        table->item(1, 1)->setText(u"平潭综合实验区行政审批局"_s);
        table->selectRow(0);
        dialog->findChild<QPushButton *>(u"removeAliasButton"_s)->click();
        dialog->accept();
        const QHash<QString, QString> saved = m_window->library()->agencyAliases().value();
        QCOMPARE(saved,
                 (QHash<QString, QString> {
                     {u"平潭综合实验区行政服务中心"_s, u"平潭综合实验区行政审批局"_s}}));
    }

    void theProgressNamesThePageOcrReads()
    {
        // A scan of seed 004's tables on one A3 page: OCR takes seconds, the dialog says so.
        QFile seed(seed004Path());
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const FixtureDocument tables
            = tablesOnly(fixtureDocument(QString::fromUtf8(seed.readAll())));
        ScanOptions options;
        options.pageHeight = kA3PortraitHeight;
        QString problem;
        const QList<QImage> pages = renderScannedPages(tables, options, &problem);
        QVERIFY2(pages.size() == 1, qPrintable(problem));
        const QString scan = path(u"scan.png"_s);
        QFile out(scan);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(writeImageFile(pages.front(), "png", 0));
        out.close();

        m_window->openPaths({scan});
        auto *progress = m_window->findChild<QProgressDialog *>(u"importProgressDialog"_s);
        QVERIFY(progress);
        QStringList labels;
        QVERIFY(QTest::qWaitFor(
            [&] {
                if (!m_window->isLoading())
                    return true;
                if (labels.isEmpty() || labels.back() != progress->labelText())
                    labels.append(progress->labelText());
                return false;
            },
            60000));
        const QString expected = MarkingTranslator::kMark + u"scan.png (OCR, page 1 of 1)"_s;
        QVERIFY2(std::any_of(labels.begin(), labels.end(),
                             [&](const QString &label) { return label.contains(expected); }),
                 qPrintable(labels.join(u" | "_s)));
    }
};

QTEST_MAIN(TestLibraryImport)
#include "tst_libraryimport.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentmanager.h"
#include "formtableview.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reportreader.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "testutils.h"
#include "widgettestutils.h"

#include <QAction>
#include <QFile>
#include <QInputMethodEvent>
#include <QLineEdit>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestReportListWindow : public QObject
{
    Q_OBJECT

private:
    FakeDialogs m_dialogs;
    std::unique_ptr<ReviewWindow> m_window;
    std::unique_ptr<QTemporaryDir> m_dir;

    template<typename T>
    T *child(const QString &name) const
    {
        return m_window->findChild<T *>(name);
    }
    QString libraryPath() const { return m_dir->filePath(u"library.sqlite"_s); }
    ReportListModel *list() const { return m_window->reportList(); }

    bool openAndWait(const QStringList &paths)
    {
        m_window->openPaths(paths);
        return QTest::qWaitFor(
            [this] { return !m_window->isLoading() && m_window->currentDocument(); }, 20000);
    }

    QVariant shown(const QString &file, int column) const
    {
        return list()->index(list()->rowOfFile(file), column).data();
    }

    /** The report as the library holds it, read through a connection of its own. */
    DocumentSummary stored() const
    {
        const auto documents = ReviewLibrary::open(libraryPath()).value()->documents().value();
        return documents.value(0);
    }

    static void typeAndConfirm(QWidget *editor, const QString &text)
    {
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        // Chinese comes from an input method, as a committed string.
        QInputMethodEvent input;
        input.setCommitString(text);
        QCoreApplication::sendEvent(editor->focusProxy() ? editor->focusProxy() : editor, &input);
        QTest::keyClick(editor, Qt::Key_Return);
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_dialogs.questions.clear();
        m_dialogs.answer = true;
        m_window = std::make_unique<ReviewWindow>();
        m_window->setDialogs(&m_dialogs);
        m_window->setLibrary(ReviewLibrary::open(libraryPath()).value());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup() { m_window.reset(); }

    void aReportWithoutTablesIsNotShownAsClean()
    {
        const QString noTables = m_dir->filePath(u"notables.txt"_s);
        QFile file(noTables);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(
            u"某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年度我县认真做好政"
            "府信息公开工作。\n"_s.toUtf8());
        file.close();
        QVERIFY(openAndWait({noTables, seed004Path()}));
        const int cells = ReportTemplate::standard().cellCount();
        QCOMPARE(shown(noTables, ReportListModel::UnreadColumn).toInt(), cells);
        QCOMPARE(shown(seed004Path(), ReportListModel::UnreadColumn).toInt(), 0);
        // Seed 004's three blank cells are deduced, with a warning each.
        QCOMPARE(shown(seed004Path(), ReportListModel::WarningsColumn).toInt(), 3);
        QCOMPARE(list()
                     ->headerData(ReportListModel::UnreadColumn, Qt::Horizontal, Qt::ToolTipRole)
                     .toString(),
                 u"Cells blank or unreadable"_s);
    }

    void agencyAndYearAreEditedStoredAuditedAndUndoable()
    {
        QVERIFY(openAndWait({seed004Path()}));
        typeAndConfirm(child<QLineEdit>(u"agencyLineEdit"_s), u"周口市川汇区人民政府办公室"_s);
        typeAndConfirm(child<QSpinBox>(u"yearSpinBox"_s), u"2022"_s);

        QCOMPARE(shown(seed004Path(), ReportListModel::AgencyColumn).toString(),
                 u"周口市川汇区人民政府办公室"_s);
        QCOMPARE(shown(seed004Path(), ReportListModel::YearColumn).toInt(), 2022);
        QCOMPARE(stored().agency, u"周口市川汇区人民政府办公室"_s);
        QCOMPARE(stored().year, 2022);
        const QList<ReportChange> changes
            = ReviewLibrary::open(libraryPath()).value()->reportChanges(stored().id).value();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes[0].field, u"agency"_s);
        QCOMPARE(changes[0].previous, u"川汇区政府办公室"_s);
        QCOMPARE(changes[1].field, u"year"_s);
        QCOMPARE(changes[1].previous, u"2023"_s);
        QVERIFY(!changes[1].reviewer.isEmpty());

        // Undone with the keys, in the window and in the library.
        child<QTreeView>(u"reportListView"_s)->setFocus();
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(shown(seed004Path(), ReportListModel::AgencyColumn).toString(),
                 u"川汇区政府办公室"_s);
        QCOMPARE(child<QSpinBox>(u"yearSpinBox"_s)->value(), 2023);
        QCOMPARE(stored().agency, u"川汇区政府办公室"_s);
        QCOMPARE(stored().year, 2023);
    }

    void aReportIsDeletedFromTheLibraryOnlyWhenConfirmed()
    {
        QVERIFY(openAndWait({seed004Path()}));
        // In the tables, Delete still clears the cell and deletes no report.
        const int cell = cellOf("requests.received.commercial");
        clickCell(*m_window, cell);
        QTest::keyClick(viewOfCell(*m_window, cell), Qt::Key_Delete);
        QVERIFY(m_dialogs.questions.isEmpty());
        const QList<Correction> &corrections
            = m_window->currentDocument()->session()->corrections();
        QCOMPARE(corrections.size(), 1);
        QCOMPARE(corrections.first().cell, cell);

        auto *view = child<QTreeView>(u"reportListView"_s);
        view->setFocus();
        m_dialogs.answer = false;
        QTest::keyClick(view, Qt::Key_Delete);
        QCOMPARE(m_dialogs.questions.size(), 1);
        QCOMPARE(list()->rowCount(), 1);
        QCOMPARE(stored().agency, u"川汇区政府办公室"_s);

        m_dialogs.answer = true;
        child<QAction>(u"actionDeleteReport"_s)->trigger();
        QCOMPARE(m_dialogs.questions.size(), 2);
        QVERIFY(m_dialogs.questions.last().contains(u"川汇区政府办公室"_s));
        QCOMPARE(list()->rowCount(), 0);
        QVERIFY(ReviewLibrary::open(libraryPath()).value()->documents().value().isEmpty());
        QVERIFY(!m_window->currentDocument());
    }

    void aLibraryIsListedAtOnceAndOnlyWhatIsShownIsLoaded()
    {
        // Issue 14: the list is one summary query; a report is loaded when selected, and only
        // the last few shown stay loaded, besides one with changes to undo.
        constexpr int kReports = 3 * DocumentManager::kLoadedReports;
        QByteArray bytes;
        QVERIFY(nianbao::test::readFileBytes(seed004Path(), &bytes));
        const ReportReader reader;
        const Report seed = reader.readBytes(bytes, seed004Path());
        {
            std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(libraryPath()).value();
            for (int i = 0; i < kReports; ++i) {
                Report report = seed;
                report.agency = u"测试局%1"_s.arg(i);
                report.file = m_dir->filePath(u"report-%1.txt"_s.arg(i));
                // Counts as the library would not hold them, to see they are shown as stored.
                QVERIFY(library->addReport(report, QByteArray::number(i), ReviewCounts {i, 1, 2}));
            }
        }
        m_window->openLibraryDocuments();
        QCOMPARE(list()->rowCount(), kReports);
        QCOMPARE(list()->documents().size(), 1); // the current report only
        // Sorted in pinyin order with numbers by value: 测试局0, 测试局1, 测试局2, … 测试局10.
        auto *view = child<QTreeView>(u"reportListView"_s);
        QCOMPARE(view->model()->index(2, 0).data().toString(), u"测试局2"_s);
        QCOMPARE(view->model()->index(10, 0).data().toString(), u"测试局10"_s);
        const int last = list()->rowOfFile(m_dir->filePath(u"report-%1.txt"_s.arg(kReports - 1)));
        QCOMPARE(list()->index(last, ReportListModel::ErrorsColumn).data().toInt(), kReports - 1);
        QVERIFY(!list()->document(last));

        // An edit in the first report: it stays loaded however far the reviewer goes.
        ReviewDocument *edited = m_window->currentDocument();
        QVERIFY(edited && edited->session());
        clickCell(*m_window, cellOf("requests.received.commercial"));
        QTest::keyClick(viewOfCell(*m_window, cellOf("requests.received.commercial")),
                        Qt::Key_Delete);
        QCOMPARE(edited->undoStack()->count(), 1);
        for (int step = 1; step < kReports; ++step) {
            view->setCurrentIndex(view->model()->index(step, 0));
            QVERIFY(m_window->currentDocument());
            QVERIFY2(list()->documents().size() <= DocumentManager::kLoadedReports,
                     qPrintable(QString::number(list()->documents().size())));
        }
        QVERIFY(list()->documents().contains(edited));
        // The list says who changed a report last: this session's correction, or the library's.
        const QString editor = edited->session()->corrections().constLast().reviewer;
        const QString tip
            = list()->index(list()->rowOf(edited), 0).data(Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(u"Last changed by "_s + editor), qPrintable(tip));
        QCOMPARE(list()->documents().size(), DocumentManager::kLoadedReports);
        // A report shown again is loaded again, as saved: the counts are the real ones now.
        view->setCurrentIndex(view->model()->index(kReports - 1, 0));
        view->setCurrentIndex(view->model()->index(1, 0));
        const ReviewCounts real = m_window->currentDocument()->counts();
        QCOMPARE(
            list()
                ->index(list()->rowOf(m_window->currentDocument()), ReportListModel::ErrorsColumn)
                .data()
                .toInt(),
            real.errors);
        const qint64 id = m_window->currentDocument()->libraryId();
        const auto stored = ReviewLibrary::open(libraryPath()).value()->documents({id}).value();
        QCOMPARE(stored.value(0).counts, std::optional<ReviewCounts>(real));
    }
};

QTEST_MAIN(TestReportListWindow)
#include "tst_reportlistwindow.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellroles.h"
#include "dialogs.h"
#include "documentview.h"
#include "findingsmodel.h"
#include "findingsview.h"
#include "formtablemodel.h"
#include "formtableview.h"
#include "languagemanager.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reportrenderer.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewsession.h"
#include "reviewwindow.h"
#include "rules/rulebook.h"
#include "syntheticreports.h"
#include "widgettestutils.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>
#include <QUndoView>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestReviewWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ReviewWindow> m_window;
    FakeDialogs m_dialogs;

    template<typename T>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    QAction *action(const char *name) const { return child<QAction>(name); }
    FormTableView *requestsView() const { return child<FormTableView>("requestsTableView"); }
    ReviewDocument *document() const { return m_window->currentDocument(); }

    bool openAndWait(const QStringList &paths)
    {
        m_window->openPaths(paths);
        return QTest::qWaitFor([this] { return !m_window->isLoading() && document(); }, 20000);
    }

    void clickCell(int cell) { test::clickCell(*m_window, cell); }
    bool typeIntoCell(int cell, const QString &text)
    {
        return test::typeIntoCell(*m_window, cell, text);
    }

    int findingRow(const QString &rule, int cell) const
    {
        const QList<Finding> findings = document()->findings();
        for (int row = 0; row < findings.size(); ++row) {
            if (findings[row].rule == rule && findings[row].cells.contains(cell))
                return row;
        }
        return -1;
    }

    int historyCount() const { return document()->undoStack()->count(); }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"NianbaoTest"_s);
        QCoreApplication::setApplicationName(u"tst_reviewwindow"_s);
        QSettings().clear();
    }

    void init()
    {
        m_languages = std::make_unique<LanguageManager>();
        m_languages->setLanguage(u"en"_s);
        m_window = std::make_unique<ReviewWindow>(m_languages.get());
        m_window->setDialogs(&m_dialogs);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_languages.reset();
    }

    void editsInTheWindowAreCommittedToTheLibraryAndAConflictOffersAReload()
    {
        QTemporaryDir dir;
        const QString location = dir.filePath(u"library.sqlite"_s);
        m_window->setLibrary(ReviewLibrary::open(location).value());
        QVERIFY(openAndWait({seed004Path()}));
        QCOMPARE(m_window->reportList()->rowCount(), 1);
        const int cell = cellOf("requests.received.commercial");

        // A confirmed edit is in the library at once, seen through another connection.
        QVERIFY(typeIntoCell(cell, u"5"_s));
        std::unique_ptr<ReviewLibrary> other = ReviewLibrary::open(location).value();
        const qint64 id = other->documents().value().front().id;
        StoredReview stored = other->load(id).value();
        QCOMPARE(stored.report.cells[size_t(cell)].value, std::optional<double>(5));
        QCOMPARE(stored.corrections.size(), 1);

        // Another reviewer saves first; the window's next edit is refused and a reload offered.
        Correction theirs {cell,
                           stored.report.cells[size_t(cell)],
                           {},
                           u"other"_s,
                           QDateTime::currentDateTimeUtc()};
        theirs.current.value = 2;
        theirs.current.state = CellState::Corrected;
        QVERIFY(other->saveCell(id, stored.version, theirs));
        m_dialogs.questions.clear();
        QVERIFY(typeIntoCell(cell, u"7"_s));
        QVERIFY(QTest::qWaitFor([this] { return !m_dialogs.questions.isEmpty(); }));
        QVERIFY(m_dialogs.questions.front().contains(u"Another reviewer"_s));
        QCOMPARE(other->load(id).value().report.cells[size_t(cell)].value,
                 std::optional<double>(2)); // not overwritten
        QVERIFY(QTest::qWaitFor(
            [&] { return document() && document()->session()->cell(cell).value == 2.0; }));

        // After the reload the reviewer's edits are saved again.
        QVERIFY(typeIntoCell(cell, u"9"_s));
        QCOMPARE(other->load(id).value().report.cells[size_t(cell)].value,
                 std::optional<double>(9));

        // Refresh shows another reviewer's change without any conflict.
        stored = other->load(id).value();
        theirs.previous = stored.report.cells[size_t(cell)];
        theirs.current.value = 4;
        QVERIFY(other->saveCell(id, stored.version, theirs));
        action("actionRefresh")->trigger();
        QCOMPARE(document()->session()->cell(cell).value, std::optional<double>(4));
        QVERIFY(typeIntoCell(cell, u"3"_s));
        QCOMPARE(other->load(id).value().report.cells[size_t(cell)].value,
                 std::optional<double>(3));
        document()->session()->setStatus(ReviewStatus::Doubtful);

        // Closed and started again on the same library: the same report in the same state.
        const std::vector<CellValue> before = document()->session()->cells();
        m_window = std::make_unique<ReviewWindow>(m_languages.get());
        m_window->setDialogs(&m_dialogs);
        m_window->setLibrary(ReviewLibrary::open(location).value());
        m_window->openLibraryDocuments();
        QVERIFY(document());
        QCOMPARE(m_window->reportList()->rowCount(), 1);
        QCOMPARE(document()->session()->status(), ReviewStatus::Doubtful);
        for (size_t c = 0; c < before.size(); ++c)
            QCOMPARE(document()->session()->cells()[c].value, before[c].value);
    }

    void aFolderImportShowsProgressAndCanBeCancelled()
    {
        QTemporaryDir dir;
        const RuleBook rules(ReportTemplate::standard());
        SyntheticReports synthetic(rules, 5);
        const ReportRenderer renderer;
        constexpr int kReports = 400;
        for (int i = 0; i < kReports; ++i) {
            QFile file(dir.filePath(u"reports/r%1.txt"_s.arg(i, 3, 10, QChar(u'0'))));
            QVERIFY(QDir().mkpath(dir.filePath(u"reports"_s)));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                renderer
                    .render(u"测试局%1"_s.arg(i), 2023, synthetic.consistent(), RenderLayout::Tabs)
                    .toUtf8());
        }
        const QString location = dir.filePath(u"library.sqlite"_s);
        m_window->setLibrary(ReviewLibrary::open(location).value());
        m_dialogs.messages.clear();
        m_window->openPaths({dir.filePath(u"reports"_s)});
        QVERIFY(m_window->isLoading());
        QProgressDialog *progress = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            progress = child<QProgressDialog>("importProgressDialog");
            return progress && progress->isVisible() && progress->value() > 0;
        }));
        QCOMPARE(progress->maximum(), kReports);
        const QString shots = qEnvironmentVariable("NIANBAO_SCREENSHOT_DIR");
        if (!shots.isEmpty())
            progress->grab().save(shots + u"/import-progress.png"_s);
        // The GUI thread stays responsive: the cancel button is handled while files import.
        QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([this] { return !m_window->isLoading(); }, 20000));
        const int imported = int(ReviewLibrary::open(location).value()->documents().value().size());
        QVERIFY2(imported > 0 && imported < kReports, qPrintable(QString::number(imported)));
        QCOMPARE(m_window->reportList()->rowCount(), imported);
        QVERIFY(m_dialogs.messages.join(u' ').contains(u"cancelled"_s));
    }

    void opensSeed004()
    {
        QVERIFY(openAndWait({seed004Path()}));
        QCOMPARE(m_window->reportList()->rowCount(), 1);
        auto *list = child<QTreeView>("reportListView");
        QCOMPARE(list->model()->index(0, ReportListModel::AgencyColumn).data().toString(),
                 u"川汇区政府办公室"_s);
        QVERIFY(child<DocumentView>("documentView")
                    ->toPlainText()
                    .contains(u"共收到政府信息公开申请6件"_s));
        QCOMPARE(child<FindingsView>("findingsView")->model()->rowCount(), 3);
    }

    void applyingTheSuggestionCorrectsTheMissingCellAndUndoBringsItBack()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.received.natural");
        clickCell(cell);
        QCOMPARE(m_window->reviewCursor()->cell(), cell);
        QCOMPARE(document()->session()->cell(cell).state, CellState::Deduced);
        QCOMPARE(rulesOn(*document(), cell), QStringList {u"value.missing"_s});
        QVERIFY(action("actionApplySuggestion")->isEnabled());

        QTest::keyClick(requestsView(), Qt::Key_Return, Qt::AltModifier);
        QCOMPARE(document()->session()->cell(cell).state, CellState::Corrected);
        QCOMPARE(document()->session()->cell(cell).value, std::optional<double>(6));
        QCOMPARE(rulesOn(*document(), cell), QStringList());
        QCOMPARE(child<FindingsView>("findingsView")->model()->rowCount(), 2);
        const QModelIndex index = requestsView()->formModel()->indexOfCell(cell);
        QCOMPARE(CellState(index.data(StateRole).toInt()), CellState::Corrected);
        QCOMPARE(child<QUndoView>("historyView")->model()->rowCount(), 2);

        QTest::keyClick(requestsView(), Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(document()->session()->cell(cell).state, CellState::Deduced);
        QCOMPARE(rulesOn(*document(), cell), QStringList {u"value.missing"_s});
        QCOMPARE(child<FindingsView>("findingsView")->model()->rowCount(), 3);
        QTest::keyClick(requestsView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(document()->session()->cell(cell).state, CellState::Corrected);
    }

    void editingACellBreaksTheBalanceAndHighlightsItsCells()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.received.commercial");
        QVERIFY(typeIntoCell(cell, u"5"_s));
        QCOMPARE(document()->session()->cell(cell).value, std::optional<double>(5));
        QCOMPARE(historyCount(), 1);
        const int row = findingRow(u"requests.balance"_s, cell);
        QVERIFY(row >= 0);
        const Finding balance = document()->findings()[row];
        QCOMPARE(balance.severity, Severity::Error);
        FormTableModel *model = requestsView()->formModel();
        for (int involved : balance.cells)
            QVERIFY(model->indexOfCell(involved).data(IssueRole).toInt() & BrokenRule);
        const QModelIndex edited = model->indexOfCell(cell);
        QVERIFY(edited.data(Qt::ToolTipRole).toString().contains(u"requests.balance"_s));
        QCOMPARE(edited.data(OriginalValueRole).toDouble(), 0.0);
        QVERIFY(model->indexOfCell(cellOf("requests.received.research")).data(IssueRole).toInt()
                == NoIssue);
        QCOMPARE(m_window->reportList()->index(0, ReportListModel::ErrorsColumn).data().toInt(),
                 document()->errorCount());
    }

    void invalidInputIsRefusedWithAMessage()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.received.total");
        QVERIFY(typeIntoCell(cell, u"six"_s));
        QCOMPARE(document()->session()->cell(cell).value, std::optional<double>(6));
        QCOMPARE(historyCount(), 0);
        QVERIFY2(m_window->statusBar()->currentMessage().contains(u"not a number"_s),
                 qPrintable(m_window->statusBar()->currentMessage()));
    }

    void clickingAFindingSelectsItsCellsAndSourceSpans()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.received.total");
        QVERIFY(typeIntoCell(cell, u"7"_s));
        const int row = findingRow(u"text.table"_s, cell);
        QVERIFY(row >= 0);
        const Finding finding = document()->findings()[row];

        auto *findings = child<FindingsView>("findingsView");
        const QModelIndex index = findings->model()->index(row, FindingsModel::MessageColumn);
        QTest::mouseClick(findings->viewport(), Qt::LeftButton, {},
                          findings->visualRect(index).center());
        QCOMPARE(m_window->reviewCursor()->findingKey(), finding.key);
        QCOMPARE(requestsView()->selectedCells(), finding.cells);

        const StatedFigure statement
            = document()->session()->report().statements[finding.statement];
        const SourceSpan cellSpan = document()->session()->cell(cell).span;
        auto *text = child<DocumentView>("documentView");
        QVERIFY(text->highlightedSpans().contains(statement.span));
        QVERIFY(text->highlightedSpans().contains(cellSpan));
        QCOMPARE(text->highlightedSpans().first(), cellSpan);
        QVERIFY(cellSpan.contains(text->textCursor().position()));
    }

    void clickingAFigureInTheTextSelectsItsCell()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.unavailable_not_held.total");
        const SourceSpan span = document()->session()->cell(cell).span;
        QVERIFY(span.isValid());
        auto *text = child<DocumentView>("documentView");
        QTextCursor at(text->document());
        at.setPosition(span.start);
        text->setTextCursor(at);
        text->centerCursor();
        const QRect rect = text->cursorRect(at);
        QTest::mouseClick(text->viewport(), Qt::LeftButton, {}, rect.center() + QPoint(2, 0));
        QCOMPARE(m_window->reviewCursor()->cell(), cell);
        QCOMPARE(requestsView()->selectedCells(), QList<int> {cell});
        QCOMPARE(requestsView()->currentIndex(), requestsView()->formModel()->indexOfCell(cell));
    }

    void f8StepsThroughTheFindings()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const QList<Finding> findings = document()->findings();
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QCOMPARE(m_window->reviewCursor()->findingKey(), findings[0].key);
        QTest::keyClick(m_window.get(), Qt::Key_F8);
        QCOMPARE(m_window->reviewCursor()->findingKey(), findings[1].key);
        QTest::keyClick(m_window.get(), Qt::Key_F8, Qt::ShiftModifier);
        QTest::keyClick(m_window.get(), Qt::Key_F8, Qt::ShiftModifier);
        QCOMPARE(m_window->reviewCursor()->findingKey(), findings.last().key);
        QCOMPARE(m_window->reviewCursor()->cell(), findings.last().cells.first());
    }

    void reviewStatusAndNotesAreKeptAndUndoable()
    {
        QVERIFY(openAndWait({seed004Path()}));
        QTest::keyClick(m_window.get(), Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(document()->session()->status(), ReviewStatus::Doubtful);
        QCOMPARE(m_window->reportList()->index(0, ReportListModel::StatusColumn).data().toString(),
                 u"Doubtful"_s);
        auto *note = child<QPlainTextEdit>("reportNoteEdit");
        QTest::keyClick(m_window.get(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(QApplication::focusWidget(), note);
        QTest::keyClicks(note, u"check p.3"_s);
        QCOMPARE(document()->session()->note(), u"check p.3"_s);
        const int cell = cellOf("requests.disclosed.natural");
        clickCell(cell);
        auto *cellNote = child<QPlainTextEdit>("cellNoteEdit");
        cellNote->setFocus();
        QTest::keyClicks(cellNote, u"ask"_s);
        QCOMPARE(document()->session()->cellNote(cell), u"ask"_s);
        QCOMPARE(historyCount(), 3);
        document()->undoStack()->undo();
        QCOMPARE(document()->session()->cellNote(cell), QString());
        QCOMPARE(cellNote->toPlainText(), QString());
    }

    void aReportThatFailsShowsWhyAndTheOthersOpen()
    {
        m_dialogs.files = {u"/nonexistent/report.txt"_s, seed004Path()};
        action("actionOpenFiles")->trigger();
        QVERIFY(QTest::qWaitFor([this] { return m_window->reportList()->rowCount() == 2; }, 20000));
        QTRY_VERIFY(!m_window->isLoading());
        ReportListModel *list = m_window->reportList();
        int failed = -1;
        for (int row = 0; row < 2; ++row) {
            if (list->index(row, 0).data(ReportListModel::FailedRole).toBool())
                failed = row;
        }
        QVERIFY(failed >= 0);
        QVERIFY(list->index(failed, ReportListModel::StatusColumn)
                    .data()
                    .toString()
                    .contains(u"Could not open"_s));
        QVERIFY(list->document(1 - failed)->isLoaded());
        const QStringList recent = QSettings().value(u"recentFiles"_s).toStringList();
        QVERIFY(recent.contains(QFileInfo(seed004Path()).absoluteFilePath()));
        QVERIFY(!recent.contains(u"/nonexistent/report.txt"_s));
    }

    void aFileHoldingTwoReportsSaysSoBesideTheReport()
    {
        QFile first(seed004Path());
        QFile second(seedPath(u"003_26cd6f5c3c427896"_s));
        QVERIFY(first.open(QIODevice::ReadOnly) && second.open(QIODevice::ReadOnly));
        QTemporaryDir dir;
        QFile both(dir.filePath(u"both.txt"_s));
        QVERIFY(both.open(QIODevice::WriteOnly));
        both.write(first.readAll() + "\n\n" + second.readAll());
        both.close();
        auto *problems = child<QLabel>("readingProblemsLabel");
        QVERIFY(problems);
        QVERIFY(openAndWait({seed004Path()}));
        QVERIFY(problems->isHidden());
        QVERIFY(openAndWait({both.fileName()}));
        QTRY_COMPARE(m_window->reportList()->rowCount(), 2);
        m_window->setCurrentDocument(m_window->reportList()->documentForFile(both.fileName()));
        QTRY_VERIFY(problems->isVisible());
        QVERIFY2(problems->text().contains(u"begins a second report"_s),
                 qPrintable(problems->text()));
        QVERIFY(problems->text().contains(u"洛龙区定鼎门街道办事处"_s)); // the second one's title
        // The first report's figures are the file's, with no finding from the second's narrative.
        const auto alone = openDocument(seed004Path());
        QCOMPARE(document()->findings().size(), alone->findings().size());
        m_window->setCurrentDocument(m_window->reportList()->documentForFile(seed004Path()));
        QTRY_VERIFY(problems->isHidden());
    }

    void aFusedRowOffersItsSplitsAndOneClickAppliesOne()
    {
        // A crawled page: 行政规范性文件693665 splits in ten ways; three leave fewer documents in
        // force and repealed than issued (693 | 6 | 65 …), and seven stay for the reviewer.
        const QString path = QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/r02-pingtan-2021.txt");
        QVERIFY(openAndWait({path}));
        const int issued = cellOf("active.normative.issued");
        const int repealed = cellOf("active.normative.repealed");
        const int inForce = cellOf("active.normative.in_force");
        QCOMPARE(document()->session()->cell(issued).state, CellState::Unreadable);
        QVERIFY(findingRow(u"segment.ambiguous"_s, issued) >= 0);
        clickCell(issued);
        auto *choices = child<QWidget>("splitChoices");
        QVERIFY(choices);
        QTRY_VERIFY(choices->isVisible());
        QPushButton *chosen = nullptr;
        const auto visibleButtons = [&] {
            int buttons = 0;
            for (QPushButton *button :
                 choices->findChildren<QPushButton *>(u"splitChoiceButton"_s)) {
                if (!button->isVisible())
                    continue;
                ++buttons;
                if (button->text() == u"69 | 3 | 665"_s)
                    chosen = button;
            }
            return buttons;
        };
        QTRY_COMPARE(visibleButtons(), 7);
        QVERIFY(chosen);
        // On a 1366×768 screen the buttons keep their height (the panel scrolls instead).
        m_window->resize(1366, 740);
        QTRY_VERIFY(chosen->height() >= chosen->sizeHint().height());
        const int before = historyCount();
        QTest::mouseClick(chosen, Qt::LeftButton);
        QCOMPARE(document()->session()->cell(issued).value, std::optional<double>(69));
        QCOMPARE(document()->session()->cell(repealed).value, std::optional<double>(3));
        QCOMPARE(document()->session()->cell(inForce).value, std::optional<double>(665));
        QCOMPARE(document()->session()->cell(inForce).state, CellState::Corrected);
        QCOMPARE(historyCount(), before + 1); // the row is one step
        QCOMPARE(findingRow(u"segment.ambiguous"_s, issued), -1);
        QTRY_VERIFY(!choices->isVisible());
        // Undo puts the run back, undecided, with its choices.
        document()->undoStack()->undo();
        QCOMPARE(document()->session()->cell(issued).state, CellState::Unreadable);
        QVERIFY(findingRow(u"segment.ambiguous"_s, issued) >= 0);
        QTRY_VERIFY(choices->isVisible());
    }

    void aFolderOpensEveryReportInIt()
    {
        m_dialogs.folder = QStringLiteral(NIANBAO_TEST_DATA_DIR) + u"/seeds/004_1a8c02130c595433"_s;
        QTest::keyClick(m_window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_window->reportList()->rowCount(), 1);
    }

    void theLayoutIsRememberedBetweenRuns()
    {
        auto *splitter = child<QSplitter>("mainSplitter");
        splitter->setSizes({200, 500, 600, 300});
        const QList<int> sizes = splitter->sizes();
        m_window->close();
        m_window = std::make_unique<ReviewWindow>(m_languages.get());
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QCOMPARE(child<QSplitter>("mainSplitter")->sizes(), sizes);
    }

    void theWindowSpeaksChineseAndEnglish()
    {
        QVERIFY(openAndWait({seed004Path()}));
        auto *findings = child<FindingsView>("findingsView");
        QCOMPARE(child<QMenu>("fileMenu")->title(), u"&File"_s);
        QVERIFY(findings->model()
                    ->index(0, FindingsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(u"is blank in the source"_s));

        action("actionLanguageChinese")->trigger();
        QTRY_COMPARE(child<QMenu>("fileMenu")->title(), u"文件(&F)"_s);
        QCOMPARE(action("actionApplySuggestion")->text(), u"采纳建议(&A)"_s);
        QCOMPARE(
            findings->model()->headerData(FindingsModel::SeverityColumn, Qt::Horizontal).toString(),
            u"级别"_s);
        QCOMPARE(m_window->reportList()->index(0, ReportListModel::StatusColumn).data().toString(),
                 u"未审核"_s);
        QVERIFY(findings->model()
                    ->index(0, FindingsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(u"在原文中为空"_s));
        QCOMPARE(findings->model()->index(0, FindingsModel::SeverityColumn).data().toString(),
                 u"警告"_s);

        action("actionLanguageEnglish")->trigger();
        QTRY_COMPARE(child<QMenu>("fileMenu")->title(), u"&File"_s);
        QVERIFY(findings->model()
                    ->index(0, FindingsModel::MessageColumn)
                    .data()
                    .toString()
                    .contains(u"is blank in the source"_s));
        QCOMPARE(QSettings().value(u"language"_s).toString(), u"en"_s);
    }

    void everyActionAndWidgetIsNamed()
    {
        for (const QAction *action : m_window->findChildren<QAction *>()) {
            const QString name = action->objectName();
            if (action->isSeparator() || action->menu() || name.isEmpty()
                || name.startsWith(u"_q_"_s))
                continue;
            QVERIFY2(action->objectName().startsWith(u"action"_s),
                     qPrintable(action->objectName()));
        }
        for (const char *name :
             {"reportListView", "reportFilterLineEdit", "documentView", "tablesTabWidget",
              "findingsView", "historyView", "reviewPanel", "legendWidget", "statusComboBox"})
            QVERIFY2(m_window->findChild<QWidget *>(QString::fromLatin1(name)), name);
    }
};

QTEST_MAIN(TestReviewWindow)
#include "tst_reviewwindow.moc"

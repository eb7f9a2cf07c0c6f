// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The window's tools around the review (issue 13): figures that fit their cells, tables that fit
// a small screen, export, print, find, table and zoom keys, and Open Recent with a library.
#include "cellstyle.h"
#include "documentview.h"
#include "exportdialog.h"
#include "formtablemodel.h"
#include "formtableswidget.h"
#include "formtableview.h"
#include "languagemanager.h"
#include "library/reviewlibrary.h"
#include "loaders/documentloader.h"
#include "reportlistmodel.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "widgettestutils.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
#include <QProcess>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray fileBytes(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

/** CSV rows as Python's csv module reads them (BOM dropped): a real reader, not ours. */
QList<QStringList> csvRows(const QString &path)
{
    QProcess python;
    python.start(u"python3"_s,
                 {u"-c"_s,
                  u"import csv, sys\n"
                  "for row in csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')):\n"
                  "    print('\\x1f'.join(row))"_s,
                  path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {};
    QList<QStringList> rows;
    const QStringList lines
        = QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines)
        rows.append(line.split(QChar(0x1f)));
    return rows;
}

} // namespace

class TestWindowTools : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ReviewWindow> m_window;
    FakeDialogs m_dialogs;
    QTemporaryDir m_dir;

    template<typename T>
    T *child(const char *name) const
    {
        return m_window->findChild<T *>(QString::fromLatin1(name));
    }
    FormTablesWidget *tables() const { return child<FormTablesWidget>("tablesTabWidget"); }
    FormTableView *requestsView() const { return child<FormTableView>("requestsTableView"); }

    bool openAndWait(const QStringList &paths)
    {
        m_window->openPaths(paths);
        return QTest::qWaitFor(
            [this] { return !m_window->isLoading() && m_window->currentDocument(); }, 20000);
    }

    /** Accepts the export dialog the window opened with `format`; false if none opened. */
    bool acceptExportDialog(ExportFormat format, bool byteOrderMark = true)
    {
        ExportDialog *dialog = nullptr;
        // A dialog answered before is closed, and deleted later.
        for (ExportDialog *open : m_window->findChildren<ExportDialog *>()) {
            if (open->isVisible())
                dialog = open;
        }
        if (!dialog)
            return false;
        auto *formats = dialog->findChild<QComboBox *>(u"exportFormatComboBox"_s);
        formats->setCurrentIndex(formats->findData(int(format)));
        dialog->findChild<QCheckBox *>(u"exportByteOrderMarkCheckBox"_s)->setChecked(byteOrderMark);
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>(u"exportButtonBox"_s)
                              ->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        return true;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"NianbaoTest"_s);
        QCoreApplication::setApplicationName(u"tst_windowtools"_s);
        QVERIFY(m_dir.isValid());
    }

    void init()
    {
        QSettings().clear();
        m_dialogs = FakeDialogs();
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

    void aLongFigureWidensItsColumnAndNeverLosesLeadingDigits()
    {
        QVERIFY(openAndWait({seed004Path()}));
        const int cell = cellOf("requests.received.natural");
        QVERIFY(typeIntoCell(*m_window, cell, u"12345678901"_s));
        FormTableView *view = requestsView();
        const QModelIndex index = view->formModel()->indexOfCell(cell);
        QCOMPARE(index.data().toString(), u"12345678901"_s);
        QFont bold = view->font();
        bold.setBold(true);
        QVERIFY2(view->columnWidth(index.column())
                     >= QFontMetrics(bold).horizontalAdvance(u"12345678901"_s),
                 qPrintable(QString::number(view->columnWidth(index.column()))));
        // Where a figure cannot fit, it shows its first digits and "…", never "2345".
        const QFontMetrics metrics(view->font());
        const QString fitted
            = CellStyle::fittedText(u"12345"_s, metrics, metrics.horizontalAdvance(u"123"_s));
        QVERIFY2(fitted.startsWith(u'1') && fitted.endsWith(u'…'), qPrintable(fitted));
        QCOMPARE(CellStyle::fittedText(u"12345"_s, metrics, 1000), u"12345"_s);
    }

    void everyColumnOfTableThreeShowsOnA1366By768Screen()
    {
        // As the window first opens on a 1366×768 laptop (its title bar and a panel take 40).
        m_window = std::make_unique<ReviewWindow>(m_languages.get());
        m_window->setDialogs(&m_dialogs);
        m_window->resize(1366, 728);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QVERIFY(openAndWait({seed004Path()}));
        tables()->setCurrentWidget(requestsView());
        FormTableView *view = requestsView();
        QTRY_VERIFY(view->isVisible());
        QCoreApplication::processEvents();
        int total = 0;
        for (int c = 0; c < view->model()->columnCount(); ++c)
            total += view->columnWidth(c);
        QVERIFY2(total <= view->viewport()->width(),
                 qPrintable(u"columns %1 px in %2 px"_s.arg(total).arg(view->viewport()->width())));
        QCOMPARE(view->horizontalScrollBar()->maximum(), 0);
    }

    void ctrlFFindsInTheReportTextWithNextAndPrevious()
    {
        QVERIFY(openAndWait({seed004Path()}));
        auto *documentView = child<DocumentView>("documentView");
        const QString text = documentView->toPlainText();
        const int occurrences = int(text.count(u"申请"_s));
        QVERIFY(occurrences > 2);
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        auto *find = child<QLineEdit>("findLineEdit");
        QTRY_VERIFY(find->isVisible() && find->hasFocus());
        auto *status = child<QLabel>("findStatusLabel");
        documentView->moveCursor(QTextCursor::Start);
        // The input method types Chinese: the text arrives in one go.
        find->setText(u"申请"_s);
        emit find->textEdited(find->text());
        QCOMPARE(status->text(), u"1 of %1"_s.arg(occurrences));
        QCOMPARE(documentView->textCursor().selectedText(), u"申请"_s);
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(status->text(), u"2 of %1"_s.arg(occurrences));
        QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), u"1 of %1"_s.arg(occurrences));
        QTest::keyClick(find, Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(status->text(), u"%1 of %1"_s.arg(occurrences)); // round the start
        QTest::keyClick(m_window.get(), Qt::Key_F3);
        QCOMPARE(status->text(), u"1 of %1"_s.arg(occurrences)); // round the end
        find->setText(u"没有这句话"_s);
        emit find->textEdited(find->text());
        QCOMPARE(status->text(), u"Not found"_s);
        QTest::keyClick(find, Qt::Key_Escape);
        QTRY_VERIFY(!find->isVisible());

        // The report filter has a key of its own.
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(child<QLineEdit>("reportFilterLineEdit")->hasFocus());
    }

    void ctrlPageDownAndUpSwitchTheTables()
    {
        QVERIFY(openAndWait({seed004Path()}));
        FormTablesWidget *widget = tables();
        widget->setCurrentIndex(0);
        widget->currentWidget()->setFocus();
        QTest::keyClick(widget->currentWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(widget->currentIndex(), 1);
        QTest::keyClick(widget->currentWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(widget->currentIndex(), 2);
        QTest::keyClick(widget->currentWidget(), Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(widget->currentIndex(), 0);
        QTest::keyClick(m_window.get(), Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(widget->currentIndex(), 2);
    }

    void zoomKeysScaleTheTextAndTheTables()
    {
        QVERIFY(openAndWait({seed004Path()}));
        auto *documentView = child<DocumentView>("documentView");
        const qreal textSize = documentView->font().pointSizeF();
        const qreal tableSize = requestsView()->font().pointSizeF();
        const int labelWidth = requestsView()->columnWidth(0);
        QTest::keyClick(m_window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QTest::keyClick(m_window.get(), Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(documentView->font().pointSizeF(), textSize + 2);
        QCOMPARE(requestsView()->font().pointSizeF(), tableSize + 2);
        QVERIFY(requestsView()->columnWidth(0) > labelWidth);
        QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(requestsView()->font().pointSizeF(), tableSize + 1);
        QTest::keyClick(m_window.get(), Qt::Key_0, Qt::ControlModifier);
        QCOMPARE(documentView->font().pointSizeF(), textSize);
        QCOMPARE(requestsView()->font().pointSizeF(), tableSize);
        for (int i = 0; i < 20; ++i)
            QTest::keyClick(m_window.get(), Qt::Key_Minus, Qt::ControlModifier);
        QVERIFY(requestsView()->font().pointSizeF() >= 5); // a floor that stays legible
    }

    void exportWritesTheReportsTheFilterShows()
    {
        QVERIFY(openAndWait({seed004Path(), seedPath(u"000_8fe8cf681abe4667"_s)}));
        QTRY_COMPARE(m_window->reportList()->rowCount(), 2);
        const QString agency = m_window->currentDocument()->session()->report().agency;
        // As the input method types Chinese: the whole name in one go.
        child<QLineEdit>("reportFilterLineEdit")->setText(agency);

        m_dialogs.savePath = m_dir.filePath(u"filtered.csv"_s);
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(acceptExportDialog(ExportFormat::WideCsv));
        QTRY_VERIFY(QFile::exists(m_dialogs.savePath));
        QVERIFY(fileBytes(m_dialogs.savePath).startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> rows = csvRows(m_dialogs.savePath);
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0].mid(0, 2), (QStringList {u"File"_s, u"Agency"_s}));
        QCOMPARE(rows[1][1], agency);
        QVERIFY(rows[0].contains(u"Cells not read"_s));

        // Without the mark, as a tool that reads plain UTF-8 wants it; and as a workbook.
        m_dialogs.savePath = m_dir.filePath(u"plain.csv"_s);
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(acceptExportDialog(ExportFormat::LongCsv, false));
        QTRY_VERIFY(QFile::exists(m_dialogs.savePath));
        QVERIFY(fileBytes(m_dialogs.savePath).startsWith("File,"));
        m_dialogs.savePath = m_dir.filePath(u"filtered.xlsx"_s);
        QTest::keyClick(m_window.get(), Qt::Key_E, Qt::ControlModifier);
        QVERIFY(acceptExportDialog(ExportFormat::Xlsx));
        QTRY_VERIFY(fileBytes(m_dialogs.savePath).startsWith("PK"));
        QVERIFY(m_dialogs.messages.isEmpty());
    }

    void exportRefusesToWriteOverTheLibrary()
    {
        const QString location = m_dir.filePath(u"window-export.sqlite"_s);
        m_window->setLibrary(ReviewLibrary::open(location).value());
        QVERIFY(openAndWait({seed004Path()}));
        const QByteArray before = fileBytes(location);
        m_dialogs.savePath = location;
        m_window->findChild<QAction *>(u"actionExport"_s)->trigger();
        QVERIFY(acceptExportDialog(ExportFormat::LongCsv));
        QTRY_COMPARE(m_dialogs.messages.size(), 1);
        QVERIFY2(m_dialogs.messages.first().contains(location), qPrintable(m_dialogs.messages[0]));
        QCOMPARE(fileBytes(location), before);
    }

    void printWritesTheTablesAndFindingsToPaper()
    {
        QVERIFY(openAndWait({seed004Path()}));
        m_dialogs.printPath = m_dir.filePath(u"report.pdf"_s);
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier);
        const QByteArray pdf = fileBytes(m_dialogs.printPath);
        QVERIFY(pdf.startsWith("%PDF"));
        // Read back through the engine's own PDF reader: the tables, their groups, the findings.
        const Result<LoadedDocument> printed
            = loaderFor(m_dialogs.printPath, pdf.left(512)).load(pdf);
        QVERIFY(printed);
        const QString &text = printed.value().text;
        QVERIFY(printed.value().pageSizes.size() >= 2);
        QVERIFY(text.contains(u"三、收到和处理政府信息公开申请情况"_s));
        QVERIFY(text.contains(u"四、政府信息公开行政复议、行政诉讼情况"_s));
        QVERIFY2(text.contains(u"(三) 不予公开 1.属于国家秘密"_s), qPrintable(text.left(2000)));
        QVERIFY(text.contains(u"6 ∴"_s)); // the deduced 自然人 count, with its mark
        QVERIFY(text.contains(u"Findings"_s));
    }

    void printPreviewShowsThePages()
    {
        QVERIFY(openAndWait({seed004Path()}));
        QTest::keyClick(m_window.get(), Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        auto *preview = m_window->findChild<QPrintPreviewDialog *>(u"printPreviewDialog"_s);
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        auto *pages = preview->findChild<QPrintPreviewWidget *>();
        QVERIFY(pages);
        QTRY_VERIFY(pages->pageCount() >= 2);
        preview->close();
    }

    void openRecentFillsWhenALibraryIsUsed()
    {
        m_window->setLibrary(ReviewLibrary::open(m_dir.filePath(u"recent.sqlite"_s)).value());
        QVERIFY(openAndWait({seed004Path()}));
        const QStringList recent = QSettings().value(u"recentFiles"_s).toStringList();
        QVERIFY2(recent.contains(QFileInfo(seed004Path()).absoluteFilePath()),
                 qPrintable(recent.join(u", "_s)));
    }
};

QTEST_MAIN(TestWindowTools)
#include "tst_windowtools.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "library/reviewlibrary.h"
#include "publishedfixtures.h"
#include "reportfiles.h"
#include "reportlistmodel.h"
#include "reportloader.h"
#include "reportrenderer.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "rules/rulebook.h"
#include "syntheticreports.h"
#include "widgettestutils.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/** A consistent synthetic report, as the tab-separated text the fixtures publish. */
QString reportText(const QString &agency)
{
    const RuleBook rules(ReportTemplate::standard());
    SyntheticReports synthetic(rules, 7);
    return ReportRenderer().render(agency, 2023, synthetic.consistent(), RenderLayout::Tabs);
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

enum class OpenBy { FolderDialog, Drop };

} // namespace

/**
 * Issue 14 item 2: the window opens folders through the walk the CLI import uses — recursive,
 * every format the loaders read — and names every file it leaves out.
 */
class TestOpenFolder : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeDialogs m_dialogs;
    QString m_folder;
    QStringList m_reports;
    QString m_unsupported;

    void open(ReviewWindow &window, OpenBy by, const QString &folder)
    {
        if (by == OpenBy::FolderDialog) {
            m_dialogs.folder = folder;
            window.findChild<QAction *>(u"actionOpenFolder"_s)->trigger();
            return;
        }
        QMimeData data;
        data.setUrls({QUrl::fromLocalFile(folder)});
        // As a drag from a file manager arrives: it enters the window, then drops.
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &data, Qt::LeftButton,
                              Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        m_folder = m_dir.filePath(u"reports"_s);
        QVERIFY(QDir().mkpath(m_folder + u"/2023/web"_s));
        QList<std::pair<QString, QByteArray>> files {
            {u"/top.txt"_s, reportText(u"甲局"_s).toUtf8()},
            {u"/2023/word.docx"_s, writeDocxFixture(fixtureDocument(reportText(u"乙局"_s)))},
            {u"/2023/web/page.html"_s,
             writeHtmlFixture(fixtureDocument(reportText(u"丙局"_s)), "UTF-8")},
        };
        QByteArray pdf;
        QString problem;
        QVERIFY2(writePdfFixture(fixtureDocument(reportText(u"丁局"_s)), &pdf, &problem),
                 qPrintable(problem));
        files.append({u"/2023/web/scan/printed.pdf"_s, pdf});
        QVERIFY(QDir().mkpath(m_folder + u"/2023/web/scan"_s));
        for (const auto &[name, bytes] : files) {
            QVERIFY(!bytes.isEmpty());
            QVERIFY(writeFile(m_folder + name, bytes));
            m_reports.append(m_folder + name);
        }
        m_unsupported = m_folder + u"/2023/budget.xlsx"_s;
        QVERIFY(writeFile(m_unsupported, "PK\3\4 not a report"));
    }

    void aFolderOpensEveryReportAndNamesWhatItSkips_data()
    {
        QTest::addColumn<int>("by");
        QTest::addColumn<bool>("library");
        QTest::newRow("File > Open Folder") << int(OpenBy::FolderDialog) << false;
        QTest::newRow("a folder dropped") << int(OpenBy::Drop) << false;
        QTest::newRow("File > Open Folder into a library") << int(OpenBy::FolderDialog) << true;
        QTest::newRow("a folder dropped into a library") << int(OpenBy::Drop) << true;
    }

    void aFolderOpensEveryReportAndNamesWhatItSkips()
    {
        QFETCH(int, by);
        QFETCH(bool, library);
        m_dialogs.messages.clear();
        ReviewWindow window;
        window.setDialogs(&m_dialogs);
        if (library) {
            const QString location = m_dir.filePath(u"library%1.sqlite"_s.arg(by));
            window.setLibrary(ReviewLibrary::open(location).value());
        }
        QSignalSpy finished(&window, &ReviewWindow::loadingFinished);
        open(window, OpenBy(by), m_folder);
        QVERIFY(finished.wait(10000));

        const ReportListModel *list = window.reportList();
        QCOMPARE(list->rowCount(), m_reports.size() + 1);
        // Each listed and read; from a library, loaded only when selected.
        for (const QString &file : std::as_const(m_reports)) {
            const int listed = list->rowOfFile(file);
            QVERIFY2(listed >= 0, qPrintable(file));
            QVERIFY2(!list->rowFailed(listed), qPrintable(file));
            QVERIFY2(library || list->document(listed)->isLoaded(), qPrintable(file));
        }
        // The file it does not read stays in the list, like a failed file, saying why.
        const int row = list->rowOfFile(m_unsupported);
        QVERIFY(row >= 0);
        QVERIFY(list->index(row, 0).data(ReportListModel::FailedRole).toBool());
        const QString status = list->index(row, ReportListModel::StatusColumn).data().toString();
        QVERIFY2(status.contains(u".xlsx"_s), qPrintable(status));
        if (library) { // and the end-of-import message names it
            QCOMPARE(m_dialogs.messages.size(), 1);
            QVERIFY2(m_dialogs.messages.first().contains(u"budget.xlsx"_s),
                     qPrintable(m_dialogs.messages.first()));
        }

        // Opened again, nothing is listed twice.
        open(window, OpenBy(by), m_folder);
        QTest::qWait(50);
        QVERIFY(QTest::qWaitFor([&] { return !window.isLoading(); }, 10000));
        QCOMPARE(list->rowCount(), m_reports.size() + 1);
    }

    void theFileDialogOffersEveryFormatTheLoadersRead()
    {
        ReviewWindow window;
        window.setDialogs(&m_dialogs);
        m_dialogs.files.clear();
        window.findChild<QAction *>(u"actionOpenFiles"_s)->trigger();
        for (const QString &pattern : reportFilePatterns())
            QVERIFY2(m_dialogs.filter.contains(pattern), qPrintable(m_dialogs.filter));
        for (const char *format : {"*.txt", "*.html", "*.docx", "*.pdf"})
            QVERIFY2(m_dialogs.filter.contains(QLatin1StringView(format)),
                     qPrintable(m_dialogs.filter));
    }

    void cancelInTheStatusBarStopsTheOpening()
    {
        const QString folder = m_dir.filePath(u"many"_s);
        QVERIFY(QDir().mkpath(folder));
        constexpr int kFiles = 100; // far more than can be read before the click
        for (int i = 0; i < kFiles; ++i)
            QVERIFY(QFile::copy(m_reports.first(), folder + u"/r%1.txt"_s.arg(i)));
        ReviewWindow window;
        window.setDialogs(&m_dialogs);
        window.show();
        QSignalSpy finished(&window, &ReviewWindow::loadingFinished);
        window.openPaths({folder});
        auto *cancel = window.findChild<QPushButton *>(u"cancelLoadingButton"_s);
        QVERIFY(cancel && cancel->isVisible());
        cancel->click();
        QVERIFY(finished.wait(10000));
        QVERIFY(!cancel->isVisible());

        const ReportListModel *list = window.reportList();
        QCOMPARE(list->rowCount(), kFiles); // every file listed, read or cancelled
        int cancelled = 0;
        for (int row = 0; row < kFiles; ++row) {
            const QString status
                = list->index(row, ReportListModel::StatusColumn).data().toString();
            const bool failed = list->index(row, 0).data(ReportListModel::FailedRole).toBool();
            QVERIFY2(!failed || status.contains(u"cancelled"_s), qPrintable(status));
            cancelled += failed;
        }
        QVERIFY2(cancelled > 0, "the files after the click were read all the same");
    }

    void cancellingTheLoaderStopsInsideItsFiles()
    {
        ReportLoader loader;
        std::vector<Report> reports;
        connect(&loader, &ReportLoader::loaded, this,
                [&reports](const std::vector<Report> &read) { reports = read; });
        QSignalSpy idle(&loader, &ReportLoader::idle);
        constexpr int kFiles = 40; // far more than can be read before cancel() returns
        loader.load(QStringList(kFiles, m_reports.first()));
        loader.cancel();
        QVERIFY(idle.wait(10000));
        QCOMPARE(int(reports.size()), kFiles); // every file handed back, read or not
        const auto cancelled = std::count_if(reports.begin(), reports.end(), [](const Report &r) {
            return !r.loaded && r.errors.value(0).code == u"read.cancelled";
        });
        QVERIFY2(cancelled > kFiles / 2, qPrintable(QString::number(cancelled)));

        // A cancel stops the loads under way, not the next one.
        loader.load({m_reports.first()});
        QVERIFY(idle.wait(10000));
        QCOMPARE(int(reports.size()), 1);
        QVERIFY(reports.front().loaded);
    }
};

QTEST_MAIN(TestOpenFolder)
#include "tst_openfolder.moc"

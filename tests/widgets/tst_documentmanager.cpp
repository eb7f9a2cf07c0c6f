// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// The library flow without a window (issue 14 item 1): list, load when shown, save, a refused
// save, reload, import; the seam to the window is the manager's signals.
#include "documentmanager.h"
#include "library/librarybinding.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reportreader.h"
#include "reviewdocument.h"
#include "testutils.h"
#include "widgettestutils.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::StringLiterals;

class TestDocumentManager : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString libraryPath() const { return m_dir.filePath(u"library.sqlite"_s); }

    /** A library holding the seed report `count` times, under other names and hashes. */
    bool fill(int count) const
    {
        QByteArray bytes;
        if (!test::readFileBytes(test::seed004Path(), &bytes))
            return false;
        const Report seed = ReportReader().readBytes(bytes, test::seed004Path());
        std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(libraryPath()).value();
        for (int i = 0; i < count; ++i) {
            Report report = seed;
            report.agency = u"测试局%1"_s.arg(i);
            report.file = m_dir.filePath(u"r%1.txt"_s.arg(i));
            if (!library->addReport(report, QByteArray::number(i)))
                return false;
        }
        return true;
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        QVERIFY(fill(3));
    }

    void listsWithoutLoadingAndLoadsWhatIsShown()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(ReviewLibrary::open(libraryPath()).value());
        const Result<int> listed = manager.listLibraryReports();
        QVERIFY(listed);
        QCOMPARE(listed.value(), 3);
        QVERIFY(manager.reports()->documents().isEmpty());
        const Result<ReviewDocument *> shown = manager.loadRow(1);
        QVERIFY(shown && shown.value());
        QCOMPARE(shown.value()->session()->report().agency, u"测试局1"_s);
        QVERIFY(shown.value()->libraryId() != 0);
        QCOMPARE(manager.reports()->documents(), QList<ReviewDocument *> {shown.value()});
        // Loaded once: showing it again gives the same document, its undo history with it.
        QCOMPARE(manager.loadRow(1).value(), shown.value());
    }

    void aRefusedSaveIsSignalledAndAReloadReplacesTheDocument()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(ReviewLibrary::open(libraryPath()).value());
        QVERIFY(manager.listLibraryReports());
        ReviewDocument *mine = manager.loadRow(0).value();
        // Another reviewer, through a connection of their own, saves the same report first.
        {
            std::unique_ptr<ReviewLibrary> other = ReviewLibrary::open(libraryPath()).value();
            const StoredReview theirs = other->load(mine->libraryId()).value();
            QVERIFY(other->saveStatus(theirs.id, theirs.version, ReviewStatus::Doubtful,
                                      u"见附件"_s, u"乙"_s));
        }
        QSignalSpy refused(&manager, &DocumentManager::saveRefused);
        mine->session()->setStatus(ReviewStatus::Reviewed);
        QVERIFY(refused.wait(5000));
        QCOMPARE(refused.first().at(0).value<ReviewDocument *>(), mine);
        QCOMPARE(refused.first().at(1).value<Error>().code, u"library.conflict"_s);

        QSignalSpy replaced(&manager, &DocumentManager::documentReplaced);
        const Result<ReviewDocument *> reloaded = manager.reload(mine);
        QVERIFY(reloaded);
        QCOMPARE(replaced.count(), 1);
        QCOMPARE(replaced.first().at(0).value<ReviewDocument *>(), mine);
        QCOMPARE(replaced.first().at(1).value<ReviewDocument *>(), reloaded.value());
        QCOMPARE(reloaded.value()->session()->status(), ReviewStatus::Doubtful);
        QCOMPARE(reloaded.value()->session()->note(), u"见附件"_s);
        QCOMPARE(manager.reports()->rowOf(reloaded.value()), 0); // the row stays where it was
    }

    void anImportListsExactlyTheReportsItStored()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(ReviewLibrary::open(libraryPath()).value());
        QSignalSpy finished(&manager, &DocumentManager::importFinished);
        manager.import(ReportFileScan {{test::seed004Path()}, {}});
        QVERIFY(manager.isBusy());
        QVERIFY(finished.wait(20000));
        QVERIFY(!manager.isBusy());
        const auto summary = finished.first().at(1).value<ImportSummary>();
        QCOMPARE(summary.imported, 1);
        QCOMPARE(summary.ids.size(), 1);
        QCOMPARE(manager.listLibraryReports(summary.ids).value(), 1);
        QCOMPARE(manager.reports()->rowCount(), 1);
        QCOMPARE(manager.reports()->libraryId(0), summary.ids.first());
    }
};

QTEST_MAIN(TestDocumentManager)
#include "tst_documentmanager.moc"

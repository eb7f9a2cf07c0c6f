// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16 item 4: the review opinion from the window — its print preview, its PDF, and a folder
// of opinions (.pdf and .docx) for the reports the list shows.
#include "documentmanager.h"
#include "exportdialog.h"
#include "languagemanager.h"
#include "loaders/documentloader.h"
#include "opinionprinter.h"
#include "reportlistmodel.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "widgettestutils.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPixmap>
#include <QPrintPreviewDialog>
#include <QPrintPreviewWidget>
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

QString realReport()
{
    return dataPath(u"real/p30-pingtan-jjfzj-2023.txt"_s);
}

/** A PDF's text as the engine's own PDF reader reads it back. */
QString pdfText(const QString &path)
{
    const QByteArray pdf = fileBytes(path);
    const Result<LoadedDocument> read = loaderFor(path, pdf.left(512)).load(pdf);
    return read ? read.value().text : QString();
}

} // namespace

class TestOpinionWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<LanguageManager> m_languages;
    std::unique_ptr<ReviewWindow> m_window;
    FakeDialogs m_dialogs;
    QTemporaryDir m_dir;

    QAction *action(const char *name) const
    {
        return m_window->findChild<QAction *>(QString::fromLatin1(name));
    }

    bool openAndWait(const QStringList &paths)
    {
        m_window->openPaths(paths);
        return QTest::qWaitFor(
            [this] { return !m_window->isLoading() && m_window->currentDocument(); }, 20000);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"NianbaoTest"_s);
        QCoreApplication::setApplicationName(u"tst_opinionwindow"_s);
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
        m_window->resize(1400, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        m_window.reset();
        m_languages.reset();
    }

    void theFileMenuOffersTheOpinionAfterPrintPreview()
    {
        auto *file = m_window->findChild<QMenu *>(u"fileMenu"_s);
        const QList<QAction *> actions = file->actions();
        const qsizetype preview = actions.indexOf(action("actionPrintPreview"));
        QCOMPARE(actions.indexOf(action("actionOpinionPreview")), preview + 1);
        QCOMPARE(actions.indexOf(action("actionExportOpinions")), preview + 2);
        QCOMPARE(action("actionOpinionPreview")->text(), u"Review &Opinion…"_s);
        QVERIFY(!action("actionOpinionPreview")->isEnabled()); // no report yet
        QVERIFY(openAndWait({seed004Path()}));
        QVERIFY(action("actionOpinionPreview")->isEnabled());
    }

    void opinionPreviewShowsTheOpinionsPages()
    {
        QVERIFY(openAndWait({seed004Path()}));
        action("actionOpinionPreview")->trigger();
        auto *preview = m_window->findChild<QPrintPreviewDialog *>(u"opinionPreviewDialog"_s);
        QVERIFY(preview);
        QTRY_VERIFY(preview->isVisible());
        auto *pages = preview->findChild<QPrintPreviewWidget *>();
        QVERIFY(pages);
        QTRY_VERIFY(pages->pageCount() >= 1);
        QCOMPARE(preview->printer()->pageLayout().orientation(), QPageLayout::Portrait);
        if (const QString out = qEnvironmentVariable("NIANBAO_OPINION_OUT"); !out.isEmpty()) {
            preview->resize(900, 1000);
            QDir().mkpath(out);
            QVERIFY(preview->grab().save(QDir(out).filePath(u"preview.png"_s)));
        }
        preview->close();
    }

    void opinionPdfReadsAsTheOpinion()
    {
        QVERIFY(openAndWait({seed004Path()}));
        OpinionOptions options;
        options.reviewer = u"王审核"_s;
        options.date = QDate(2026, 12, 3);
        const ReviewOpinion opinion
            = buildReviewOpinion(exportedReviewOf(*m_window->currentDocument()), {}, options);
        const QString path = m_dir.filePath(u"seed004.pdf"_s);
        QVERIFY(writeOpinionPdf(opinion, path));
        QVERIFY(fileBytes(path).startsWith("%PDF"));
        const QString text = pdfText(path).remove(u' ').remove(u'\n');
        QVERIFY2(text.contains(u"关于川汇区政府办公室2023年政府信息公开工作年度报告的审核意见"_s),
                 qPrintable(text.left(2000)));
        QVERIFY2(text.contains(u"表三第1行「一、本年新收政府信息公开申请数量」第1列「自然人」"_s),
                 qPrintable(text.left(2000)));
        QVERIFY(text.contains(u"按勾稽关系，该格应为6。"_s));
    }

    void exportWritesAPdfAndADocxForEachReportTheListShows()
    {
        QVERIFY(openAndWait({seed004Path(), realReport()}));
        QTRY_COMPARE(m_window->documents()->reports()->rowCount(), 2);
        // NIANBAO_OPINION_OUT keeps the opinions to look at (docs/opinion-page.png is one).
        m_dialogs.folder = qEnvironmentVariable("NIANBAO_OPINION_OUT", m_dir.filePath(u"all"_s));
        action("actionExportOpinions")->trigger();
        QVERIFY2(m_dialogs.messages.isEmpty(), qPrintable(m_dialogs.messages.join(u'\n')));
        QCOMPARE(QDir(m_dialogs.folder).entryList(QDir::Files, QDir::Name),
                 QStringList({u"川汇区政府办公室-2023-审核意见.docx"_s,
                              u"川汇区政府办公室-2023-审核意见.pdf"_s,
                              u"平潭综合实验区经济发展局-2023-审核意见.docx"_s,
                              u"平潭综合实验区经济发展局-2023-审核意见.pdf"_s}));
        const QString pdf
            = QDir(m_dialogs.folder).filePath(u"平潭综合实验区经济发展局-2023-审核意见.pdf"_s);
        QVERIFY(pdfText(pdf).remove(u' ').contains(u"第一项加第二项之和"_s));

        // Filtered to one report: only its opinion is written.
        m_window->findChild<QLineEdit *>(u"reportFilterLineEdit"_s)->setText(u"川汇"_s);
        m_dialogs.folder = m_dir.filePath(u"filtered"_s);
        action("actionExportOpinions")->trigger();
        QCOMPARE(QDir(m_dialogs.folder).entryList(QDir::Files).size(), 2);
    }

    void exportToAFileInsteadOfAFolderSaysSo()
    {
        QVERIFY(openAndWait({seed004Path()}));
        m_dialogs.folder = seed004Path();
        action("actionExportOpinions")->trigger();
        QCOMPARE(m_dialogs.messages.size(), 1);
        QVERIFY2(m_dialogs.messages[0].contains(u"Cannot write to the folder"_s),
                 qPrintable(m_dialogs.messages[0]));
    }
};

QTEST_MAIN(TestOpinionWindow)
#include "tst_opinionwindow.moc"

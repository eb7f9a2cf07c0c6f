// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Roll-up in the window (issue 16, item 2), on the real 平潭 reports of 2021: a summary opened
// from the library is checked against its units (rollup.sum) and re-checked on each edit; the
// folders propose sets; any selection consolidates into a table of its own.
#include "documentmanager.h"
#include "export/exporter.h"
#include "exportdialog.h"
#include "languagemanager.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewsession.h"
#include "reviewwindow.h"
#include "rollupdialog.h"
#include "testutils.h"
#include "widgettestutils.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <algorithm>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

const QString kSummary = u"r02-pingtan-2021"_s;
/** Units Nianbao reads to their answers (tst_rollup): their sums are known exactly. */
const QStringList kUnits
    = {u"r14-pingtan-gaj-2021"_s, u"q70-pingtan-jtj-2021"_s, u"q74-pingtan-zhzfyjj-2021"_s};
/** The other departments and 片区 of 2021, in the folder for the inference. */
const QStringList kOthers
    = {u"q72-pingtan-nyncj-2021"_s, u"q76-pingtan-lywtj-2021"_s, u"q78-pingtan-gwhbgs-2021"_s,
       u"q80-pingtan-gzj-2021"_s,   u"q82-pingtan-htpq-2021"_s,  u"q83-pingtan-jjpq-2021"_s,
       u"q84-pingtan-jspq-2021"_s,  u"q85-pingtan-sppq-2021"_s};

/** The true figures of a report (tests/data/real/NAME.json), by cell index. */
QHash<int, double> answersOf(const QString &name)
{
    QFile file(test::dataPath(u"real/"_s % name % u".json"_s));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject cells
        = QJsonDocument::fromJson(file.readAll()).object()["cells"_L1].toObject();
    QHash<int, double> answers;
    for (auto it = cells.begin(); it != cells.end(); ++it) {
        const int cell = ReportTemplate::standard().cellIndex(CellKey(it.key()));
        if (cell >= 0)
            answers.insert(cell, it.value().toDouble());
    }
    return answers;
}

QList<Finding> rollupFindings(const ReviewSession &session)
{
    QList<Finding> found;
    for (const Finding &finding : session.findings()) {
        if (finding.rule == u"rollup.sum"_s)
            found.append(finding);
    }
    return found;
}

} // namespace

class TestRollupWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QHash<QString, qint64> m_ids; ///< library ids by report name
    QHash<int, double> m_unitSums; ///< the units' answers summed, by cell

    QString libraryPath() const { return m_dir.filePath(u"library.sqlite"_s); }
    QList<qint64> unitIds() const
    {
        QList<qint64> ids;
        for (const QString &unit : kUnits)
            ids.append(m_ids.value(unit));
        std::sort(ids.begin(), ids.end());
        return ids;
    }
    std::unique_ptr<ReviewLibrary> library() const
    {
        return ReviewLibrary::open(libraryPath()).value();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"NianbaoTest"_s);
        QCoreApplication::setApplicationName(u"tst_rollupwindow"_s);
        QVERIFY(m_dir.isValid());
        // One folder, as a reviewer downloads a region's reports of a year.
        const QString folder = m_dir.filePath(u"平潭2021"_s);
        QVERIFY(QDir().mkpath(folder));
        QStringList files;
        for (const QString &name : QStringList {kSummary} + kUnits + kOthers) {
            const QString copy = folder % u'/' % name % u".txt"_s;
            QVERIFY(QFile::copy(test::dataPath(u"real/"_s % name % u".txt"_s), copy));
            files.append(copy);
        }
        QVERIFY(ReviewLibrary::open(libraryPath()));
        const ImportSummary imported = Importer(libraryPath()).run(files);
        QVERIFY(imported.failures.isEmpty());
        const QList<DocumentSummary> documents = library()->documents().value();
        for (const DocumentSummary &document : documents)
            m_ids.insert(QFileInfo(document.path).completeBaseName(), document.id);
        QCOMPARE(m_ids.size(), files.size());
        for (const QString &unit : kUnits) {
            const QHash<int, double> answers = answersOf(unit);
            QCOMPARE(answers.size(), ReportTemplate::standard().cellCount());
            for (auto it = answers.cbegin(); it != answers.cend(); ++it)
                m_unitSums[it.key()] += it.value();
        }
    }

    void init() { QVERIFY(library()->removeRollupSet(m_ids.value(kSummary))); }

    void aSummaryIsCheckedAgainstTheSumOfItsUnits()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(library());
        QVERIFY(manager.listLibraryReports());
        const qint64 summaryId = m_ids.value(kSummary);
        QVERIFY(manager.setRollupUnits(summaryId, unitIds()));
        ReviewDocument *summary
            = manager.loadRow(manager.reports()->rowOfLibraryId(summaryId)).value();
        const ReviewSession &session = *summary->session();
        const QList<Finding> findings = rollupFindings(session);
        QVERIFY(!findings.isEmpty());
        // Each finding: the summary's figure against the units' true figures summed; every
        // cell without one agrees with the sum (to the hundredth of 万元 for fees).
        QSet<int> flagged;
        for (const Finding &finding : findings) {
            const int cell = finding.cells.value(0);
            flagged.insert(cell);
            QCOMPARE(*finding.expected, m_unitSums.value(cell));
            QCOMPARE(*finding.actual, *session.cells()[size_t(cell)].value);
            for (const QString &unit : kUnits)
                QVERIFY2(finding.message.contains(
                             library()->load(m_ids.value(unit)).value().report.agency),
                         qPrintable(finding.message));
        }
        for (int cell = 0; cell < ReportTemplate::standard().cellCount(); ++cell) {
            const CellValue &value = session.cells()[size_t(cell)];
            if (!flagged.contains(cell) && value.hasValue())
                QVERIFY2(qAbs(*value.value - m_unitSums.value(cell)) <= 0.005,
                         qPrintable(ReportTemplate::standard().cellLabel(cell)));
        }
        qInfo("平潭综合实验区 2021 against 3 units: %lld rollup.sum finding(s)",
              qint64(findings.size()));
    }

    void anEditOfTheSummaryIsCheckedAgain()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(library());
        QVERIFY(library()->saveRollupSet(m_ids.value(kSummary), unitIds()));
        // Kept in the library: a new listing knows the set and marks the summary.
        QVERIFY(manager.listLibraryReports());
        const int row = manager.reports()->rowOfLibraryId(m_ids.value(kSummary));
        QCOMPARE(manager.reports()->index(row, 0).data(ReportListModel::RollupUnitsRole).toInt(),
                 3);
        QVERIFY(manager.reports()
                    ->index(row, 0)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(library()->load(m_ids.value(kUnits[0])).value().report.agency));
        ReviewDocument *summary = manager.loadRow(row).value();
        ReviewSession &session = *summary->session();
        const Finding first = rollupFindings(session).value(0);
        const int cell = first.cells.value(0);
        QSignalSpy changed(&session, &ReviewSession::findingsChanged);
        // The reviewer writes the units' sum: the finding goes; another figure brings it back.
        QVERIFY(session.setCellValue(cell, *first.expected));
        QVERIFY(changed.size() > 0);
        for (const Finding &finding : rollupFindings(session))
            QVERIFY(finding.cells.value(0) != cell);
        QVERIFY(session.setCellValue(cell, *first.expected + 1));
        const QList<Finding> again = rollupFindings(session);
        QVERIFY(std::any_of(again.cbegin(), again.cend(),
                            [cell](const Finding &f) { return f.cells.value(0) == cell; }));
        // Removing the set drops every rollup.sum finding at once.
        QVERIFY(manager.setRollupUnits(m_ids.value(kSummary), {}));
        QVERIFY(rollupFindings(session).isEmpty());
    }

    void anEditOfAUnitChecksItsSummaryAgain()
    {
        // Both open: a unit corrected so that the sum meets the summary's figure takes the
        // summary's finding on that cell away at once.
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(library());
        QVERIFY(library()->saveRollupSet(m_ids.value(kSummary), unitIds()));
        QVERIFY(manager.listLibraryReports());
        ReviewDocument *summary
            = manager.loadRow(manager.reports()->rowOfLibraryId(m_ids.value(kSummary))).value();
        const QList<Finding> findings = rollupFindings(*summary->session());
        const auto over = std::find_if(findings.cbegin(), findings.cend(),
                                       [](const Finding &f) { return *f.actual > *f.expected; });
        QVERIFY(over != findings.cend());
        const int cell = over->cells.value(0);
        ReviewDocument *unit
            = manager.loadRow(manager.reports()->rowOfLibraryId(m_ids.value(kUnits[0]))).value();
        const double figure = unit->session()->cells()[size_t(cell)].value.value_or(0);
        QVERIFY(unit->session()->setCellValue(cell, figure + *over->actual - *over->expected));
        for (const Finding &finding : rollupFindings(*summary->session()))
            QVERIFY(finding.cells.value(0) != cell);
        QCOMPARE(rollupFindings(*summary->session()).size(), findings.size() - 1);
        // The library keeps the unit's figure for the tests after this one: put it back.
        QVERIFY(unit->session()->setCellValue(cell, figure));
        QCOMPARE(rollupFindings(*summary->session()).size(), findings.size());
    }

    void theFolderProposesTheGovernmentAsTheSummaryOfTheOthers()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(library());
        QVERIFY(manager.listLibraryReports());
        const QList<ProposedRollup> proposed = manager.proposedRollupSets().value();
        QCOMPARE(proposed.size(), 1);
        QCOMPARE(proposed[0].summaryId, m_ids.value(kSummary));
        QCOMPARE(proposed[0].unitIds.size(), kUnits.size() + kOthers.size());
        QVERIFY(proposed[0].unitIds.contains(m_ids.value(u"q78-pingtan-gwhbgs-2021"_s)));
        // Accepted, it is proposed no more.
        QVERIFY(manager.setRollupUnits(proposed[0].summaryId, proposed[0].unitIds));
        QVERIFY(manager.proposedRollupSets().value().isEmpty());
    }

    void aSelectionConsolidatesIntoATableOfItsOwn()
    {
        DocumentManager manager(u"甲"_s);
        manager.setLibrary(library());
        QVERIFY(manager.listLibraryReports());
        QList<int> rows;
        for (const QString &unit : kUnits)
            rows.append(manager.reports()->rowOfLibraryId(m_ids.value(unit)));
        const Result<Report> consolidated = manager.consolidate(rows);
        QVERIFY(consolidated);
        QCOMPARE(consolidated.value().year, 2021);
        QVERIFY(consolidated.value().agency.contains(
            library()->load(m_ids.value(kUnits[0])).value().report.agency));
        for (int cell = 0; cell < ReportTemplate::standard().cellCount(); ++cell)
            QVERIFY2(qAbs(*consolidated.value().cells[size_t(cell)].value - m_unitSums.value(cell))
                         < 1e-6,
                     qPrintable(ReportTemplate::standard().cellLabel(cell)));
        QCOMPARE(manager.consolidate({}).error().code, u"rollup.nothing"_s);
        // Opened, it exports as any report does: the sums, under the consolidated name.
        ReviewDocument *opened = manager.addDocument(consolidated.value());
        QVERIFY(opened && opened->session());
        const QString path = m_dir.filePath(u"consolidated.json"_s);
        QVERIFY(Exporter(manager.checker())
                    .write({exportedReviewOf(*opened)}, ExportFormat::Json, path, {}));
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QJsonObject report = QJsonDocument::fromJson(written.readAll())
                                       .object()[u"reports"_s]
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(report[u"agency"_s].toString(), consolidated.value().agency);
        const QJsonArray cells = report[u"cells"_s].toArray();
        QCOMPARE(cells.size(), ReportTemplate::standard().cellCount());
        for (int cell = 0; cell < cells.size(); ++cell)
            QCOMPARE(cells[cell].toObject()[u"value"_s].toDouble(), m_unitSums.value(cell));
    }

    void theWindowMarksProposesAndConsolidates()
    {
        test::FakeDialogs dialogs;
        // Screenshots (docs/rollup.png) show the window as a Chinese reviewer sees it.
        const QString screenshots = qEnvironmentVariable("NIANBAO_ROLLUP_SCREENSHOTS");
        LanguageManager languages;
        if (!screenshots.isEmpty())
            languages.setLanguage(u"zh_CN"_s);
        ReviewWindow window(&languages);
        window.setDialogs(&dialogs);
        window.setLibrary(library());
        window.openLibraryDocuments();
        window.resize(1366, 768);
        window.show();
        auto *view = window.findChild<QTreeView *>(u"reportListView"_s);
        QVERIFY(view);
        // Every roll-up action is in the list's context menu too.
        for (const char *name : {"actionMarkRollupSummary", "actionRemoveRollup",
                                 "actionProposeRollups", "actionConsolidate"})
            QVERIFY(view->actions().contains(window.findChild<QAction *>(QLatin1String(name))));

        // Select the units, then the summary last: it is the current report.
        const auto proxyIndex = [&](const QString &name) {
            for (int r = 0; r < view->model()->rowCount(); ++r) {
                const QModelIndex index = view->model()->index(r, 0);
                if (index.data(ReportListModel::FilePathRole).toString().contains(name))
                    return index;
            }
            return QModelIndex();
        };
        const auto select = [&](const QStringList &names, const QString &current) {
            view->selectionModel()->clearSelection();
            for (const QString &name : names)
                view->selectionModel()->select(
                    proxyIndex(name), QItemSelectionModel::Select | QItemSelectionModel::Rows);
            view->selectionModel()->setCurrentIndex(
                proxyIndex(current), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        };
        select(kUnits, kSummary);
        QTRY_VERIFY(window.currentDocument()
                    && window.currentDocument()->libraryId() == m_ids.value(kSummary));
        auto *mark = window.findChild<QAction *>(u"actionMarkRollupSummary"_s);
        QVERIFY(mark->isEnabled());
        mark->trigger();
        QCOMPARE(library()->rollupUnits(m_ids.value(kSummary)).value(), unitIds());
        QVERIFY(!rollupFindings(*window.currentDocument()->session()).isEmpty());
        QVERIFY(proxyIndex(kSummary).data().toString().contains(u"3"_s));
        // The summary's findings pane shows rollup.sum in the form's words.
        window.reviewCursor()->selectNextFinding(1);
        if (!screenshots.isEmpty()) {
            const Finding shown = rollupFindings(*window.currentDocument()->session()).value(0);
            window.reviewCursor()->selectFinding(shown.key);
            QTest::qWait(300);
            QVERIFY(window.grab().save(screenshots + u"/summary.png"_s));
        }

        // Infer from folders: the dialog proposes 平潭综合实验区 over all 11; accepting keeps it.
        window.findChild<QAction *>(u"actionProposeRollups"_s)->trigger();
        auto *dialog = window.findChild<RollupDialog *>(u"rollupDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->tree()->topLevelItemCount(), 1);
        QCOMPARE(dialog->tree()->topLevelItem(0)->childCount(), kUnits.size() + kOthers.size());
        dialog->accept();
        QCOMPARE(library()->rollupUnits(m_ids.value(kSummary)).value().size(),
                 kUnits.size() + kOthers.size());

        // Consolidate three units: a new row, shown, with the sum of their tables.
        const int rowsBefore = window.reportList()->rowCount();
        select(kUnits, kUnits[0]);
        auto *consolidate = window.findChild<QAction *>(u"actionConsolidate"_s);
        QVERIFY(consolidate->isEnabled());
        consolidate->trigger();
        QCOMPARE(window.reportList()->rowCount(), rowsBefore + 1);
        const ReviewSession *table = window.currentDocument()->session();
        QVERIFY(table);
        QVERIFY(window.currentDocument()->libraryId() == 0); // not in the library
        const int penalties = test::cellOf("active.penalty.decisions");
        QCOMPARE(*table->cells()[size_t(penalties)].value, m_unitSums.value(penalties));
        if (!screenshots.isEmpty()) {
            QTest::qWait(300);
            QVERIFY(window.grab().save(screenshots + u"/consolidated.png"_s));
        }
    }
};

QTEST_MAIN(TestRollupWindow)
#include "tst_rollupwindow.moc"

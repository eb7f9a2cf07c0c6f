// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsmodel.h"
#include "findingsview.h"
#include "formtableview.h"
#include "markingtranslator.h"
#include "reviewdocument.h"
#include "reviewwindow.h"
#include "undocommands.h"
#include "widgettestutils.h"

#include <QAction>
#include <QFont>
#include <QLabel>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestFindingsView : public QObject
{
    Q_OBJECT

private:
    MarkingTranslator m_translator;
    FakeDialogs m_dialogs;
    std::unique_ptr<ReviewWindow> m_window;

    /** An internal id as the engine spells it: requests.received.natural, value.missing. */
    static bool showsAnInternalKey(const QString &text)
    {
        static const QRegularExpression key(u"\\b[a-z_]+\\.[a-z_]+(\\.[a-z_]+)?\\b"_s);
        return key.match(text).hasMatch();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::installTranslator(&m_translator);
        m_window = std::make_unique<ReviewWindow>();
        m_window->setDialogs(&m_dialogs);
        m_window->resize(1600, 1000);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_window->openPaths({seed004Path()});
        QVERIFY(QTest::qWaitFor(
            [this] { return !m_window->isLoading() && m_window->currentDocument(); }, 20000));
    }

    void cleanupTestCase() { m_window.reset(); }

    void findingsNameTheRuleAndTheCellsAsTheReviewerReadsThem()
    {
        auto *view = m_window->findChild<FindingsView *>(u"findingsView"_s);
        const QAbstractItemModel *model = view->model();
        QCOMPARE(model->rowCount(), 3);
        const QString mark(MarkingTranslator::kMark);
        for (int row = 0; row < model->rowCount(); ++row) {
            for (int column = 0; column < FindingsModel::ColumnCount; ++column) {
                const QString text = model->index(row, column).data().toString();
                QVERIFY2(!showsAnInternalKey(text), qPrintable(text));
            }
            QCOMPARE(model->index(row, FindingsModel::RuleColumn).data().toString(),
                     mark + u"Blank cell"_s);
        }
        QCOMPARE(model->index(0, FindingsModel::CellsColumn).data().toString(),
                 u"一、本年新收… · 自然人"_s);
        QCOMPARE(model->index(0, FindingsModel::SuggestionColumn).data().toString(),
                 u"一、本年新收… · 自然人 = 6"_s);
        // The internal names stay at hand, in the tooltips.
        QVERIFY(model->index(0, FindingsModel::CellsColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"requests.received.natural"_s));
        QVERIFY(model->index(0, FindingsModel::RuleColumn)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(u"value.missing"_s));
    }

    void theCellPanelShowsLabelsAndRuleNames()
    {
        auto *view = m_window->findChild<FindingsView *>(u"findingsView"_s);
        const QModelIndex first = view->model()->index(0, FindingsModel::MessageColumn);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
        auto *details = m_window->findChild<QLabel *>(u"cellDetailsLabel"_s);
        QTRY_VERIFY(details->text().contains(u"一、本年新收政府信息公开申请数量 · 自然人"_s));
        QVERIFY2(!showsAnInternalKey(details->text()), qPrintable(details->text()));
        QVERIFY(details->text().contains(MarkingTranslator::kMark + u"Blank cell"_s));
        QCOMPARE(details->toolTip(), u"requests.received.natural"_s);
    }

    void anEditChangesOnlyTheRowsOfTheFindingsItChanged()
    {
        // Issue 14 item 3: the delta of an edit reaches the findings list row by row, so the
        // reviewer's selection stays where it was, and the list always equals the document's.
        auto *view = m_window->findChild<FindingsView *>(u"findingsView"_s);
        FindingsModel *model = view->findingsModel();
        ReviewDocument *document = m_window->currentDocument();
        auto ids = [](const QList<Finding> &findings) {
            QList<FindingKey> list;
            for (const Finding &finding : findings)
                list.append(finding.key);
            return list;
        };
        auto shownIds = [model] {
            QList<FindingKey> list;
            for (int row = 0; row < model->rowCount(); ++row)
                list.append(
                    model->index(row, 0).data(FindingsModel::FindingKeyRole).value<FindingKey>());
            return list;
        };
        const QList<FindingKey> before = shownIds();
        QCOMPARE(before, ids(document->findings()));
        view->setCurrentIndex(view->model()->index(before.size() - 1, 0));
        const FindingKey selected = before.last();
        QSignalSpy resets(model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

        const int total = cellOf("requests.received.total");
        ReviewSession *session = document->session();
        document->undoStack()->push(
            new ChangeCellValue(session, total, session->cell(total).value.value_or(0) + 7));
        QVERIFY(inserted.count() > 0); // the totals no longer add up
        QCOMPARE(resets.count(), 0);
        QCOMPARE(shownIds(), ids(document->findings()));
        QCOMPARE(view->currentIndex().data(FindingsModel::FindingKeyRole).value<FindingKey>(),
                 selected);

        document->undoStack()->undo();
        QCOMPARE(resets.count(), 0);
        QCOMPARE(shownIds(), before);
        QCOMPARE(view->currentIndex().data(FindingsModel::FindingKeyRole).value<FindingKey>(),
                 selected);
    }

    void aDismissedFindingStaysGreyedAndLeavesTheCounts()
    {
        auto *view = m_window->findChild<FindingsView *>(u"findingsView"_s);
        ReviewDocument *document = m_window->currentDocument();
        const QAbstractItemModel *model = view->model();
        auto *label = m_window->findChild<QLabel *>(u"findingsLabel"_s);
        QVERIFY(label);
        const int errorsBefore = document->errorCount() + document->warningCount();
        view->setCurrentIndex(model->index(0, 0));
        QVERIFY(view->dismissAction()->isEnabled());
        QVERIFY(!view->reopenAction()->isEnabled());
        const QModelIndex decision = model->index(0, FindingsModel::DecisionColumn);
        QVERIFY(!decision.data(Qt::ForegroundRole).isValid());

        // Cancelling the reason dialog records nothing.
        m_dialogs.textAccepted = false;
        view->dismissAction()->trigger();
        QVERIFY(document->session()->decisions().isEmpty());

        m_dialogs.textAccepted = true;
        m_dialogs.text = u"单位已核实该项确为空白"_s;
        view->dismissAction()->trigger();
        QVERIFY(decision.data().toString().contains(u"单位已核实该项确为空白"_s));
        QVERIFY(decision.data(Qt::ForegroundRole).isValid()); // greyed
        QVERIFY(model->index(0, FindingsModel::MessageColumn)
                    .data(Qt::FontRole)
                    .value<QFont>()
                    .italic());
        QCOMPARE(model->rowCount(), 3); // still listed
        QCOMPARE(document->errorCount() + document->warningCount(), errorsBefore - 1);
        QCOMPARE(document->decisionCounts().open, 2);
        QCOMPARE(document->decisionCounts().dismissed, 1);
        QVERIFY2(label->text().contains(u'2') && label->text().contains(u'1'),
                 qPrintable(label->text()));
        QVERIFY(!view->dismissAction()->isEnabled());

        view->setCurrentIndex(model->index(1, 0));
        view->confirmAction()->trigger();
        QCOMPARE(document->decisionCounts().confirmed, 1);
        QVERIFY(!model->index(1, 0).data(Qt::ForegroundRole).isValid()); // confirmed: not grey

        // Reopening puts both back as they were.
        view->reopenAction()->trigger();
        view->setCurrentIndex(model->index(0, 0));
        QVERIFY(view->reopenAction()->isEnabled());
        view->reopenAction()->trigger();
        QVERIFY(!decision.data(Qt::ForegroundRole).isValid());
        QCOMPARE(document->decisionCounts().open, 3);
        QCOMPARE(document->errorCount() + document->warningCount(), errorsBefore);
    }

    void eachFindingSaysWhereItsFaultLies()
    {
        // Seed 004's blank cells are the report's own: the agency left them out.
        auto *view = m_window->findChild<FindingsView *>(u"findingsView"_s);
        const QAbstractItemModel *model = view->model();
        const QString mark(MarkingTranslator::kMark);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->index(row, FindingsModel::FaultColumn).data().toString(),
                     mark + u"Report inconsistent"_s);
    }
};

QTEST_MAIN(TestFindingsView)
#include "tst_findingsview.moc"

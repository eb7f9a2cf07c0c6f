// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewdocument.h"
#include "undocommands.h"
#include "widgettestutils.h"

#include <QTest>
#include <QUndoStack>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestUndoCommands : public QObject
{
    Q_OBJECT

private slots:
    void typingInOneCellMergesIntoOneStep()
    {
        const auto document = openDocument(seed004Path());
        ReviewSession *session = document->session();
        QUndoStack stack;
        const int cell = cellOf("requests.received.commercial");
        stack.push(new ChangeCellValue(session, cell, 1));
        stack.push(new ChangeCellValue(session, cell, 12));
        QCOMPARE(stack.count(), 1);
        QCOMPARE(session->cell(cell).value, std::optional<double>(12));
        stack.undo();
        QCOMPARE(session->cell(cell).value, std::optional<double>(0));
        QCOMPARE(session->cell(cell).state, CellState::Extracted);
        stack.redo();
        QCOMPARE(session->cell(cell).value, std::optional<double>(12));
        QCOMPARE(session->cell(cell).state, CellState::Corrected);
    }

    void changesOfTwoCellsStayTwoSteps()
    {
        const auto document = openDocument(seed004Path());
        QUndoStack stack;
        stack.push(
            new ChangeCellValue(document->session(), cellOf("requests.received.commercial"), 1));
        stack.push(
            new ChangeCellValue(document->session(), cellOf("requests.received.research"), 1));
        QCOMPARE(stack.count(), 2);
        QVERIFY(stack.text(0).startsWith(u"Change "_s));
    }

    void applyingASuggestionIsAStepOfItsOwn()
    {
        const auto document = openDocument(seed004Path());
        ReviewSession *session = document->session();
        const int cell = cellOf("requests.received.natural");
        const std::optional<Finding> finding = document->suggestionFor(cell);
        QVERIFY(finding);
        QCOMPARE(finding->rule, u"value.missing"_s);
        QUndoStack stack;
        stack.push(new ChangeCellValue(session, cell, finding->suggestion->value,
                                       ChangeCellValue::Kind::ApplySuggestion));
        stack.push(new ChangeCellValue(session, cell, 7));
        QCOMPARE(stack.count(), 2);
        stack.undo();
        QCOMPARE(session->cell(cell).state, CellState::Corrected);
        QCOMPARE(rulesOn(*document, cell), QStringList());
        stack.undo();
        QCOMPARE(session->cell(cell).state, CellState::Deduced);
        QCOMPARE(session->cell(cell).value, std::optional<double>(6));
        QCOMPARE(rulesOn(*document, cell), QStringList {u"value.missing"_s});
    }

    void statusAndNotesAreUndoneLikeValues()
    {
        const auto document = openDocument(seed004Path());
        ReviewSession *session = document->session();
        QUndoStack stack;
        stack.push(changeStatusCommand(session, ReviewStatus::Doubtful));
        QCOMPARE(session->status(), ReviewStatus::Doubtful);
        stack.push(changeReportNoteCommand(session, u"核"_s));
        stack.push(changeReportNoteCommand(session, u"核对"_s));
        stack.push(changeCellNoteCommand(session, 3, u"问"_s));
        QCOMPARE(stack.count(), 3);
        stack.undo();
        QCOMPARE(session->cellNote(3), QString());
        stack.undo();
        QCOMPARE(session->note(), QString());
        stack.undo();
        QCOMPARE(session->status(), ReviewStatus::Unreviewed);
    }

    void aNoteTypedAndErasedLeavesNoStep()
    {
        const auto document = openDocument(seed004Path());
        QUndoStack stack;
        stack.push(changeReportNoteCommand(document->session(), u"x"_s));
        stack.push(changeReportNoteCommand(document->session(), QString()));
        QCOMPARE(stack.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestUndoCommands)
#include "tst_undocommands.moc"

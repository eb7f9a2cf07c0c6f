// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgettestutils.h"

#include "formtablemodel.h"
#include "formtableswidget.h"
#include "formtableview.h"
#include "reviewdocument.h"
#include "reviewwindow.h"

#include <QApplication>
#include <QLineEdit>
#include <QPrinter>
#include <QTest>

using namespace Qt::StringLiterals;

namespace nianbao::test {

QString seedPath(const QString &seed)
{
    return QStringLiteral(NIANBAO_TEST_DATA_DIR) % u"/seeds/" % seed % u"/report.txt";
}

QString seed004Path()
{
    return seedPath(u"004_1a8c02130c595433"_s);
}

const ReportReader &reader()
{
    static const ReportReader instance;
    return instance;
}

std::unique_ptr<ReviewDocument> openDocument(const QString &path)
{
    return std::make_unique<ReviewDocument>(reader().readFile(path), reader().checker(),
                                            u"tester"_s);
}

QStringList rulesOn(const ReviewDocument &document, int cell)
{
    QStringList rules;
    for (const Finding &finding : document.findingsOf(cell))
        rules.append(finding.rule);
    rules.sort();
    return rules;
}

QString renderForm(const FormTableModel &model)
{
    QStringList lines;
    for (int row = 0; row < model.rowCount(); ++row) {
        QStringList cells;
        for (int column = 0; column < model.columnCount(); ++column) {
            const FormItem *item = model.layout().itemAt(row, column);
            if (!item)
                cells.append(u"."_s);
            else if (item->row != row || item->column != column)
                cells.append(u"~"_s);
            else
                cells.append(model.index(row, column).data().toString());
        }
        lines.append(cells.join(u" | "_s));
    }
    return lines.join(u'\n');
}

bool FakeDialogs::choosePrinter(QWidget *, QPrinter *printer)
{
    if (printPath.isEmpty())
        return false;
    printer->setOutputFormat(QPrinter::PdfFormat);
    printer->setOutputFileName(printPath);
    return true;
}

FormTableView *viewOfCell(const ReviewWindow &window, int cell)
{
    return window.findChild<FormTablesWidget *>(u"tablesTabWidget"_s)->viewOfCell(cell);
}

void clickCell(ReviewWindow &window, int cell)
{
    FormTableView *view = viewOfCell(window, cell);
    window.findChild<FormTablesWidget *>(u"tablesTabWidget"_s)->setCurrentWidget(view);
    const QModelIndex index = view->formModel()->indexOfCell(cell);
    view->scrollTo(index);
    // A tab shown for the first time lays its view out on a posted event.
    QCoreApplication::processEvents();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
}

bool typeIntoCellUnconfirmed(ReviewWindow &window, int cell, const QString &text)
{
    clickCell(window, cell);
    // The first key opens the editor; the others go to the editor, as they do for a reviewer.
    QTest::keyClicks(viewOfCell(window, cell), text.left(1));
    auto *editor = qobject_cast<QLineEdit *>(QApplication::focusWidget());
    if (!editor)
        return false;
    QTest::keyClicks(editor, text.mid(1));
    return true;
}

bool typeIntoCell(ReviewWindow &window, int cell, const QString &text)
{
    if (!typeIntoCellUnconfirmed(window, cell, text))
        return false;
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
    // The delegate commits on a queued call, then closes the editor.
    FormTableView *view = viewOfCell(window, cell);
    return QTest::qWaitFor([view] { return QApplication::focusWidget() == view; });
}

} // namespace nianbao::test

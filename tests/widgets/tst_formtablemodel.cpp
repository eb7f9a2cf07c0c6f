// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "cellroles.h"
#include "formtablemodel.h"
#include "reviewdocument.h"
#include "widgettestutils.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

class TestFormTableModel : public QObject
{
    Q_OBJECT

private:
    static int tableOf(QStringView key) { return ReportTemplate::standard().tableIndex(key); }

private slots:
    void appealsLookLikeTheFormWithGroupsSideBySide()
    {
        FormTableModel model(ReportTemplate::standard(), tableOf(u"appeals"));
        QAbstractItemModelTester tester(&model);
        const auto document = openDocument(seed004Path());
        model.setDocument(document.get());
        const QString expected
            = uR"(行政复议 | ~ | ~ | ~ | ~ | 行政诉讼 | ~ | ~ | ~ | ~ | ~ | ~ | ~ | ~ | ~
~ | ~ | ~ | ~ | ~ | 未经复议直接起诉 | ~ | ~ | ~ | ~ | 复议后起诉 | ~ | ~ | ~ | ~
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0)"_s;
        QCOMPARE(renderForm(model), expected);
    }

    void activeHasAHeadingAndCaptionsPerArticle()
    {
        FormTableModel model(ReportTemplate::standard(), tableOf(u"active"));
        QAbstractItemModelTester tester(&model);
        const QString expected = uR"(第二十条第（一）项 | ~ | ~ | ~
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 |  |  | 
行政规范性文件 |  |  | 
第二十条第（五）项 | ~ | ~ | ~
信息内容 | 本年处理决定数量 | ~ | ~
行政许可 |  | ~ | ~
第二十条第（六）项 | ~ | ~ | ~
信息内容 | 本年处理决定数量 | ~ | ~
行政处罚 |  | ~ | ~
行政强制 |  | ~ | ~
第二十条第（八）项 | ~ | ~ | ~
信息内容 | 本年收费金额（单位：万元） | ~ | ~
行政事业性收费 |  | ~ | ~)"_s;
        QCOMPARE(renderForm(model), expected);
    }

    void requestsNumberRowsAndGroupTheOrganisations()
    {
        FormTableModel model(ReportTemplate::standard(), tableOf(u"requests"));
        QAbstractItemModelTester tester(&model);
        const auto document = openDocument(seed004Path());
        model.setDocument(document.get());
        const QStringList lines = renderForm(model).split(u'\n');
        QCOMPARE(lines.size(), 27);
        QCOMPARE(lines[0], u" | ~ | ~ | 自然人 | 法人或其他组织 | ~ | ~ | ~ | ~ | 总计"_s);
        QCOMPARE(lines[1],
                 u"~ | ~ | ~ | ~ | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | ~"_s);
        QCOMPARE(lines[2],
                 u"一、本年新收政府信息公开申请数量 | ~ | ~ | 6 | 0 | 0 | 0 | 0 | 0 | 6"_s);
        QCOMPARE(lines[4], u"三、本年度办理结果 | (一) 予以公开 | ~ | 3 | 0 | 0 | 0 | 0 | 0 | 3"_s);
        QCOMPARE(lines[6], u"~ | (三) 不予公开 | 1.属于国家秘密 | 0 | 0 | 0 | 0 | 0 | 0 | 0"_s);
        QCOMPARE(lines[7], u"~ | ~ | 2.其他法律行政法规禁止公开 | 0 | 0 | 0 | 0 | 0 | 0 | 0"_s);
        QCOMPARE(lines[25].section(u" | "_s, 0, 2), u"~ | (七) 总计 | ~"_s);
        QCOMPARE(lines[26].section(u" | "_s, 0, 2), u"四、结转下年度继续办理 | ~ | ~"_s);
    }

    void cellRolesTellStateOriginalAndFindings()
    {
        FormTableModel model(ReportTemplate::standard(), tableOf(u"requests"));
        const auto document = openDocument(seed004Path());
        model.setDocument(document.get());
        const QModelIndex deduced = model.indexOfCell(cellOf("requests.received.natural"));
        QCOMPARE(deduced.data(KindRole).toInt(), int(FormItemKind::Value));
        QCOMPARE(deduced.data().toString(), u"6"_s);
        QCOMPARE(CellState(deduced.data(StateRole).toInt()), CellState::Deduced);
        QVERIFY(!deduced.data(OriginalValueRole).isValid());
        QCOMPARE(deduced.data(RulesRole).toStringList(), QStringList {u"value.missing"_s});
        QCOMPARE(deduced.data(IssueRole).toInt(), int(Warning));
        QCOMPARE(deduced.data(SuggestionRole).toDouble(), 6.0);
        QVERIFY(deduced.data(Qt::ToolTipRole).toString().contains(u"value.missing"_s));
        QVERIFY(model.flags(deduced) & Qt::ItemIsEditable);
        const QModelIndex label = model.index(2, 0);
        QCOMPARE(label.data(KindRole).toInt(), int(FormItemKind::RowLabel));
        QVERIFY(!(model.flags(label) & Qt::ItemIsSelectable));
        QCOMPARE(model.span(label), QSize(3, 1));
    }

    void aMarkShowsAsWrittenAndIsMissingNotZero()
    {
        QByteArray bytes;
        QFile seed(seed004Path());
        QVERIFY(seed.open(QIODevice::ReadOnly));
        bytes = seed.readAll();
        // Write two zeros of the seed as agencies often do: no rule ties the fee to another
        // cell, while the rules determine 商业企业 of 本年新收.
        const QByteArray received = "\t\t\t\t0\t0\t0\t0\t0\t6";
        const QByteArray fee = u"行政事业性收费\t0"_s.toUtf8();
        QVERIFY(bytes.contains(received) && bytes.contains(fee));
        bytes.replace(received, u"\t\t\t\t—\t0\t0\t0\t0\t6"_s.toUtf8());
        bytes.replace(fee, QByteArray(fee.chopped(1) + "/"));
        QTemporaryDir dir;
        QFile marked(dir.filePath(u"marked.txt"_s));
        QVERIFY(marked.open(QIODevice::WriteOnly) && marked.write(bytes) == bytes.size());
        marked.close();
        const auto document = openDocument(marked.fileName());

        FormTableModel active(ReportTemplate::standard(), tableOf(u"active"));
        QAbstractItemModelTester activeTester(&active);
        active.setDocument(document.get());
        const QModelIndex feeIndex = active.indexOfCell(cellOf("active.fee.amount"));
        QCOMPARE(feeIndex.data(Qt::DisplayRole).toString(), u"/"_s);
        QCOMPARE(feeIndex.data(Qt::EditRole).toString(), QString());
        QCOMPARE(CellState(feeIndex.data(StateRole).toInt()), CellState::Missing);
        QVERIFY2(
            feeIndex.data(Qt::ToolTipRole).toString().contains(u"“/”, read as missing, not 0"_s),
            qPrintable(feeIndex.data(Qt::ToolTipRole).toString()));
        // Corrected, the cell shows the reviewer's figure instead of the mark.
        QVERIFY(active.setData(feeIndex, u"0"_s));
        QCOMPARE(feeIndex.data(Qt::DisplayRole).toString(), u"0"_s);

        FormTableModel requests(ReportTemplate::standard(), tableOf(u"requests"));
        QAbstractItemModelTester requestsTester(&requests);
        requests.setDocument(document.get());
        const QModelIndex deduced = requests.indexOfCell(cellOf("requests.received.commercial"));
        QCOMPARE(CellState(deduced.data(StateRole).toInt()), CellState::Deduced);
        QCOMPARE(deduced.data(Qt::DisplayRole).toString(), u"0"_s);
        QCOMPARE(deduced.data(SourceTextRole).toString(), u"—"_s);
        QVERIFY(
            deduced.data(Qt::ToolTipRole).toString().contains(u"“—”, read as missing, not 0"_s));
    }

    void setDataPushesAnUndoableCommand()
    {
        FormTableModel model(ReportTemplate::standard(), tableOf(u"requests"));
        QAbstractItemModelTester tester(&model);
        const auto document = openDocument(seed004Path());
        model.setDocument(document.get());
        const int cell = cellOf("requests.received.commercial");
        const QModelIndex index = model.indexOfCell(cell);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setData(index, u"5"_s));
        QCOMPARE(document->undoStack()->count(), 1);
        QCOMPARE(document->session()->cell(cell).value, std::optional<double>(5));
        QCOMPARE(CellState(index.data(StateRole).toInt()), CellState::Corrected);
        QCOMPARE(index.data(OriginalValueRole).toDouble(), 0.0);
        QVERIFY(index.data(RulesRole).toStringList().contains(u"requests.balance"_s));
        QVERIFY(index.data(IssueRole).toInt() & BrokenRule);
        QVERIFY(!changed.isEmpty());
        document->undoStack()->undo();
        QCOMPARE(document->session()->cell(cell).value, std::optional<double>(0));
        QCOMPARE(CellState(index.data(StateRole).toInt()), CellState::Extracted);
        QCOMPARE(index.data(IssueRole).toInt(), int(NoIssue));
    }

    void invalidInputIsRefused_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("why");
        QTest::newRow("letters are not a number") << u"abc"_s << u"not a number"_s;
        QTest::newRow("a count cannot be negative") << u"-2"_s << u"negative"_s;
        QTest::newRow("a count is a whole number") << u"1.5"_s << u"whole number"_s;
    }

    void invalidInputIsRefused()
    {
        QFETCH(QString, input);
        QFETCH(QString, why);
        FormTableModel model(ReportTemplate::standard(), tableOf(u"requests"));
        const auto document = openDocument(seed004Path());
        model.setDocument(document.get());
        QSignalSpy rejected(&model, &FormTableModel::inputRejected);
        QVERIFY(!model.setData(model.indexOfCell(cellOf("requests.received.total")), input));
        QCOMPARE(rejected.count(), 1);
        QVERIFY2(rejected.first().first().toString().contains(why),
                 qPrintable(rejected.first().first().toString()));
        QCOMPARE(document->undoStack()->count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFormTableModel)
#include "tst_formtablemodel.moc"

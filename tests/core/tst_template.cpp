// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporttemplate.h"
#include "testutils.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/** One `## Table` section of template.md as its prose and tables describe it. */
struct MarkdownTable
{
    QString key;
    int statedCells = -1; ///< "10 cells" of the heading
    QStringList rows; ///< row or group keys, in order
    QStringList rowLabels; ///< the label column of the row table, if any
    QStringList columns; ///< shared columns; empty if each row names its own
    QList<QStringList> rowColumns; ///< per row, when the row table has a columns column
};

/** The cells of a Markdown table row, trimmed, without the outer pipes. */
QStringList pipeCells(const QString &line)
{
    QString inner = line.trimmed();
    if (inner.startsWith(u'|'))
        inner.remove(0, 1);
    if (inner.endsWith(u'|'))
        inner.chop(1);
    QStringList cells = inner.split(u'|');
    for (QString &cell : cells)
        cell = cell.trimmed();
    return cells;
}

bool isRuleLine(const QString &line)
{
    static const QRegularExpression rule(u"^\\|[\\s:|-]+\\|$"_s);
    return rule.match(line.trimmed()).hasMatch();
}

/** Identifiers written in backticks in a piece of prose: `natural` 自然人 → natural. */
QStringList backtickKeys(const QString &prose)
{
    static const QRegularExpression key(u"`([a-z_]+)`"_s);
    QStringList keys;
    for (const QRegularExpressionMatch &match : key.globalMatch(prose))
        keys.append(match.captured(1));
    return keys;
}

/**
 * The column keys a row names in its "columns" cell: "issued 本年制发件数, repealed …" or
 * "decisions". An item is a key alone or a key followed by its Chinese label; other prose
 * ("a decimal") is not a key.
 */
QStringList rowColumnKeys(const QString &cell)
{
    static const QRegularExpression item(u"^([a-z_]+)(?:\\s+(.*))?$"_s);
    QStringList keys;
    for (const QString &part : cell.split(u", "_s)) {
        const QRegularExpressionMatch match = item.match(part.trimmed());
        if (!match.hasMatch())
            continue;
        const QString label = match.captured(2);
        const bool chinese = std::any_of(label.begin(), label.end(),
                                         [](QChar c) { return c.unicode() >= 0x2E80; });
        if (label.isEmpty() || chinese)
            keys.append(match.captured(1));
    }
    return keys;
}

/** Reads the `## Table` sections of template.md. Returns false if the file is unreadable. */
bool parseTemplateMarkdown(QList<MarkdownTable> *tables)
{
    QByteArray bytes;
    if (!readFileBytes(dataPath(u"spec/template.md"_s), &bytes))
        return false;
    static const QRegularExpression heading(u"^## Table `([a-z_]+)`.*?(\\d+) cells"_s);
    // Paragraphs: headings, tables and prose are separated by blank lines; prose wraps.
    QList<QStringList> paragraphs {{}};
    for (const QString &line : QString::fromUtf8(bytes).split(u'\n')) {
        if (line.trimmed().isEmpty() || line.startsWith(u"## ")) {
            if (!paragraphs.last().isEmpty())
                paragraphs.append(QStringList());
            if (line.startsWith(u"## ")) {
                paragraphs.last().append(line);
                paragraphs.append(QStringList());
            }
            continue;
        }
        paragraphs.last().append(line);
    }
    MarkdownTable *current = nullptr;
    for (const QStringList &paragraph : std::as_const(paragraphs)) {
        const QString first = paragraph.value(0);
        if (first.startsWith(u"## ")) {
            current = nullptr;
            const QRegularExpressionMatch match = heading.match(first);
            if (match.hasMatch()) {
                tables->append({match.captured(1), match.captured(2).toInt(), {}, {}, {}, {}});
                current = &tables->last();
            }
            continue;
        }
        if (!current || first.isEmpty())
            continue;
        if (!first.startsWith(u'|')) {
            // "Groups: `reconsideration` …. Columns: `upheld` …" names rows, then columns.
            const QString prose = paragraph.join(u' ');
            const qsizetype columnsAt = prose.indexOf(u"Columns:");
            if (prose.startsWith(u"Groups:"))
                current->rows = backtickKeys(prose.left(columnsAt));
            if (columnsAt >= 0)
                current->columns = backtickKeys(prose.mid(columnsAt));
            continue;
        }
        const QStringList header = pipeCells(first);
        if (header.value(0) != u"row key")
            continue;
        const int columnsColumn = int(header.indexOf(u"columns"_s));
        const int labelColumn = int(header.indexOf(u"label"_s));
        for (const QString &line : paragraph.mid(1)) {
            if (isRuleLine(line))
                continue;
            const QStringList cells = pipeCells(line);
            current->rows.append(cells.value(0));
            current->rowLabels.append(labelColumn >= 0 ? cells.value(labelColumn) : QString());
            if (columnsColumn >= 0)
                current->rowColumns.append(rowColumnKeys(cells.value(columnsColumn)));
        }
    }
    return true;
}

/** The cell keys template.md defines, in its order: table by table, row by row. */
QStringList markdownCellKeys(const MarkdownTable &table)
{
    QStringList keys;
    QStringList previousColumns;
    for (int r = 0; r < int(table.rows.size()); ++r) {
        QStringList columns = table.columns;
        if (columns.isEmpty()) {
            // "issued, repealed, in_force" and "decisions" are spelled out on each row.
            columns = table.rowColumns.value(r);
            if (columns.isEmpty())
                columns = previousColumns;
        }
        previousColumns = columns;
        for (const QString &column : std::as_const(columns))
            keys.append(table.key % u'.' % table.rows[r] % u'.' % column);
    }
    return keys;
}

} // namespace

/** The bundled JSON template must say what the public data dictionary (template.md) says. */
class TestTemplate : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cellKeysFollowTheDataDictionary();
    void tableCellKeysFollowTheDataDictionary_data();
    void tableCellKeysFollowTheDataDictionary();
    void rowLabelsFollowTheDataDictionary_data();
    void rowLabelsFollowTheDataDictionary();
    void sectionsFollowTheDataDictionary();
    void cellIndexFindsEveryKey();

private:
    const ReportTemplate &m_template = ReportTemplate::standard();
    QList<MarkdownTable> m_markdown;
};

void TestTemplate::initTestCase()
{
    QVERIFY(parseTemplateMarkdown(&m_markdown));
    QCOMPARE(m_markdown.size(), 3);
}

void TestTemplate::cellKeysFollowTheDataDictionary()
{
    QStringList expected;
    for (const MarkdownTable &table : std::as_const(m_markdown))
        expected.append(markdownCellKeys(table));
    QStringList actual;
    for (const TemplateCell &cell : m_template.cells())
        actual.append(cell.key.toString());
    QCOMPARE(expected.size(), 200);
    QCOMPARE(actual, expected);
}

void TestTemplate::tableCellKeysFollowTheDataDictionary_data()
{
    QTest::addColumn<int>("table");
    for (int t = 0; t < int(m_markdown.size()); ++t) {
        QTest::addRow("table %s has the cells its section of template.md states",
                      qPrintable(m_markdown[t].key))
            << t;
    }
}

void TestTemplate::tableCellKeysFollowTheDataDictionary()
{
    QFETCH(int, table);
    const MarkdownTable &markdown = m_markdown[table];
    const QStringList keys = markdownCellKeys(markdown);
    QCOMPARE(int(keys.size()), markdown.statedCells);
    const int index = m_template.tableIndex(markdown.key);
    QVERIFY(index >= 0);
    QStringList actual;
    for (const TemplateCell &cell : m_template.cells()) {
        if (cell.table == index)
            actual.append(cell.key.toString());
    }
    QCOMPARE(actual, keys);
}

void TestTemplate::rowLabelsFollowTheDataDictionary_data()
{
    QTest::addColumn<QString>("table");
    QTest::addColumn<QString>("row");
    QTest::addColumn<QString>("label");
    for (const MarkdownTable &table : std::as_const(m_markdown)) {
        for (int r = 0; r < int(table.rows.size()); ++r) {
            if (table.rowLabels.value(r).isEmpty())
                continue;
            QTest::addRow("row %s.%s carries the label template.md gives it", qPrintable(table.key),
                          qPrintable(table.rows[r]))
                << table.key << table.rows[r] << table.rowLabels[r];
        }
    }
}

void TestTemplate::rowLabelsFollowTheDataDictionary()
{
    QFETCH(QString, table);
    QFETCH(QString, row);
    QFETCH(QString, label);
    const int t = m_template.tableIndex(table);
    QVERIFY(t >= 0);
    const int r = m_template.rowIndex(t, row);
    QVERIFY(r >= 0);
    // template.md writes the row's place in the form too: "(三) 不予公开 1.属于国家秘密".
    const QString templateLabel = labelKey(m_template.tables()[t].rows[r].label);
    QVERIFY2(labelKey(label).contains(templateLabel),
             qPrintable(u"%1 does not contain %2"_s.arg(label, templateLabel)));
}

void TestTemplate::sectionsFollowTheDataDictionary()
{
    QByteArray bytes;
    QVERIFY(readFileBytes(dataPath(u"spec/template.md"_s), &bytes));
    const QString markdown = QString::fromUtf8(bytes);
    static const QRegularExpression sectionRow(u"^\\| ([一二三四五六]) \\| ([^|]+) \\|"_s,
                                               QRegularExpression::MultilineOption);
    QStringList expected;
    for (const QRegularExpressionMatch &match : sectionRow.globalMatch(markdown))
        expected.append(match.captured(1) % u'、' % match.captured(2).trimmed());
    QStringList actual;
    for (const TemplateSection &section : m_template.sections())
        actual.append(section.number % u'、' % section.heading);
    QCOMPARE(actual, expected);
}

void TestTemplate::cellIndexFindsEveryKey()
{
    for (int c = 0; c < m_template.cellCount(); ++c) {
        const TemplateCell &cell = m_template.cells()[c];
        QCOMPARE(m_template.cellIndex(cell.key), c);
        QCOMPARE(m_template.cellIndex(cell.table, cell.row, cell.column), c);
    }
    QCOMPARE(m_template.cellIndex(CellKey(u"requests.received.nobody"_s)), -1);
}

QTEST_GUILESS_MAIN(TestTemplate)
#include "tst_template.moc"

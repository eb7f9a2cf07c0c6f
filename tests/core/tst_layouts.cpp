// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"
#include "reportrenderer.h"
#include "testutils.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

constexpr RenderLayout kLayouts[]
    = {RenderLayout::Markdown, RenderLayout::Tabs, RenderLayout::Spaces};

/**
 * Figures that obey every reconciliation rule yet differ from cell to cell, so a figure read
 * into its neighbour's column shows, and a deduced blank would come out as the true figure.
 */
std::vector<std::optional<double>> consistentFigures(const ReportTemplate &reportTemplate)
{
    std::vector<std::optional<double>> values(size_t(reportTemplate.cellCount()));
    const auto set = [&](const QString &key, double value) {
        const int cell = reportTemplate.cellIndex(CellKey(key));
        if (cell >= 0)
            values[size_t(cell)] = value;
    };
    const int requests = reportTemplate.tableIndex(u"requests");
    const TemplateTable &table = reportTemplate.tables()[requests];
    const int first = reportTemplate.rowIndex(requests, u"disclosed");
    const int last = reportTemplate.rowIndex(requests, u"other_misc");
    const QStringList applicants = {u"natural"_s,   u"commercial"_s, u"research"_s,
                                    u"nonprofit"_s, u"legal"_s,      u"other_org"_s};
    const auto cell = [](const QString &row, const QString &column) -> QString {
        return u"requests."_s % row % u'.' % column;
    };
    std::vector<double> rowTotals(size_t(table.rows.size()), 0);
    for (int c = 0; c < int(applicants.size()); ++c) {
        double processed = 0;
        for (int r = first; r <= last; ++r) {
            const double value = 1 + (r - first) * 6 + c;
            set(cell(table.rows[r].key, applicants[c]), value);
            rowTotals[size_t(r)] += value;
            processed += value;
        }
        const double carriedOver = 300 + c;
        const double carriedForward = 200 + 2 * c;
        const double received = processed + carriedForward - carriedOver;
        const std::pair<QString, double> sums[] = {{u"received"_s, received},
                                                   {u"carried_over"_s, carriedOver},
                                                   {u"total_processed"_s, processed},
                                                   {u"carried_forward"_s, carriedForward}};
        for (const auto &[row, value] : sums) {
            set(cell(row, applicants[c]), value);
            rowTotals[size_t(reportTemplate.rowIndex(requests, row))] += value;
        }
    }
    for (int r = 0; r < int(table.rows.size()); ++r)
        set(cell(table.rows[r].key, u"total"_s), rowTotals[size_t(r)]);

    const int appeals = reportTemplate.tableIndex(u"appeals");
    double figure = 1;
    for (const TemplateRow &row : reportTemplate.tables()[appeals].rows) {
        double total = 0;
        for (const QString &column : {u"upheld"_s, u"corrected"_s, u"other"_s, u"pending"_s}) {
            set(u"appeals."_s % row.key % u'.' % column, figure);
            total += figure++;
        }
        set(u"appeals."_s % row.key % u".total"_s, total);
    }
    const std::pair<QString, double> active[]
        = {{u"active.regulation.issued"_s, 3},    {u"active.regulation.repealed"_s, 1},
           {u"active.regulation.in_force"_s, 12}, {u"active.normative.issued"_s, 7},
           {u"active.normative.repealed"_s, 2},   {u"active.normative.in_force"_s, 45},
           {u"active.license.decisions"_s, 1520}, {u"active.penalty.decisions"_s, 86},
           {u"active.coercion.decisions"_s, 4},   {u"active.fee.amount"_s, 1.25}};
    for (const auto &[key, value] : active)
        set(key, value);
    return values;
}

/** The cells of two readings of the same report that differ in value or state. */
QStringList readingDifferences(const Report &baseline, const Report &other,
                               const ReportTemplate &reportTemplate)
{
    QStringList differences;
    for (int c = 0; c < reportTemplate.cellCount() && c < int(other.cells.size()); ++c) {
        const CellValue &a = baseline.cells[size_t(c)];
        const CellValue &b = other.cells[size_t(c)];
        if (a.value != b.value || a.state != b.state) {
            differences.append(u"%1: original %2 (%3), transformed %4 (%5)"_s.arg(
                reportTemplate.cells()[c].key.toString(), numberText(a.value),
                cellStateName(a.state), numberText(b.value), cellStateName(b.state)));
        }
    }
    return differences;
}

QString errorCodes(const Report &report)
{
    QStringList codes;
    for (const Error &error : report.errors)
        codes.append(error.code);
    return codes.join(u", ");
}

/** How a converter redraws a Markdown report's pipe tables. */
enum class Redraw {
    BoxDrawing, ///< w3m and lynx: │ between cells, ├──┼──┤ between rows
    HtmlTables, ///< MinerU and pandoc: each table an HTML <table> inside the Markdown
    LonePipes, ///< Python's html2text on Word's HTML: each cell on its lines, each | alone
};

bool isPipeRow(const QString &line)
{
    return line.startsWith(u'|');
}

bool isPipeRule(const QString &line)
{
    static const QRegularExpression rule(u"^\\|[-:| ]+\\|$"_s);
    return rule.match(line).hasMatch();
}

QString htmlRow(const QString &line)
{
    QStringList cells = line.split(u'|');
    cells = cells.mid(1, cells.size() - 2); // the text before the first | and after the last
    QString row = u"<tr>"_s;
    for (const QString &cell : std::as_const(cells))
        row += u"<td><p><span>"_s % cell.trimmed().toHtmlEscaped() % u"</span></p></td>"_s;
    return row % u"</tr>"_s;
}

/** A Markdown rendering with its pipe tables redrawn as `redraw` says; the prose unchanged. */
QString redrawn(const QString &markdown, Redraw redraw)
{
    QStringList out;
    QString table;
    for (const QString &line : markdown.split(u'\n')) {
        if (redraw == Redraw::BoxDrawing) {
            QString drawn = line;
            if (isPipeRule(line))
                drawn.replace(u'-', u'─').replace(u'|', u'┼');
            else if (isPipeRow(line))
                drawn.replace(u'|', u'│');
            out.append(drawn);
            continue;
        }
        if (redraw == Redraw::LonePipes) {
            if (isPipeRule(line)) {
                out.append(u"---|---|---  \n  "_s);
            } else if (isPipeRow(line)) {
                QStringList cells = line.split(u'|');
                cells = cells.mid(1, cells.size() - 2);
                for (QString &cell : cells)
                    cell = cell.trimmed();
                out.append(cells.join(u"\n\n| \n\n"_s) % u"  \n  "_s);
            } else {
                out.append(line);
            }
            continue;
        }
        if (isPipeRow(line)) {
            if (!isPipeRule(line))
                table += htmlRow(line);
            continue;
        }
        if (!table.isEmpty()) {
            out.append(u"<table border=\"1\">"_s % table % u"</table>"_s);
            table.clear();
        }
        out.append(line);
    }
    if (!table.isEmpty())
        out.append(u"<table>"_s % table % u"</table>"_s);
    return out.join(u'\n');
}

} // namespace

/**
 * The extractor must read the same figures whatever shape a report arrives in: the real seeds
 * re-encoded and re-punctuated, and their expected answers re-typeset in every layout.
 */
class TestLayouts : public QObject
{
    Q_OBJECT

private slots:
    void transformedSeeds_data();
    void transformedSeeds();
    void renderedReports_data();
    void renderedReports();
    void blankCells_data();
    void blankCells();
    void blankCellsOnOneLine_data() { blankCells_data(); }
    void blankCellsOnOneLine();
    void blankCellsInRedrawnTables_data();
    void blankCellsInRedrawnTables();
    void rendererIsDeterministic();
    void rendererWritesBlankCellsInTheirColumn_data();
    void rendererWritesBlankCellsInTheirColumn();

private:
    /** The figures of `source`: a seed's expected answers, or consistentFigures(). */
    bool loadTruth(const QString &source, Expected *expected,
                   std::vector<std::optional<double>> *truth) const
    {
        if (source == u"consistent-figures") {
            *truth = consistentFigures(m_template);
            return true;
        }
        if (!loadExpected(source, expected))
            return false;
        *truth = expectedValues(*expected, m_template);
        return true;
    }

    const ReportTemplate &m_template = ReportTemplate::standard();
    ReportReader m_reader;
};

void TestLayouts::transformedSeeds_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QByteArray>("bytes");
    for (const QString &seed : seedNames()) {
        QByteArray original;
        QVERIFY(readFileBytes(seedReportPath(seed), &original));
        const QString text = QString::fromUtf8(original);
        QString crlf = text;
        crlf.replace(u'\n', u"\r\n"_s);
        QString cr = text;
        cr.replace(u'\n', u'\r');
        const QByteArray seedName = seed.toUtf8();
        QTest::addRow("%s read with full-width digits", seedName.constData())
            << seed << toFullWidthDigits(text).toUtf8();
        QTest::addRow("%s read with CRLF line ends", seedName.constData()) << seed << crlf.toUtf8();
        QTest::addRow("%s read with CR line ends", seedName.constData()) << seed << cr.toUtf8();
        QTest::addRow("%s read with a UTF-8 byte order mark", seedName.constData())
            << seed << QByteArray("\xEF\xBB\xBF") + original;
        QTest::addRow("%s read as GB18030 bytes", seedName.constData())
            << seed << encodeWithIcu(text, "GB18030");
        QTest::addRow("%s read as UTF-16LE with a byte order mark", seedName.constData())
            << seed << encodeUtf16WithBom(text, true);
        QTest::addRow("%s read as GB18030 with full-width digits and CRLF", seedName.constData())
            << seed << encodeWithIcu(toFullWidthDigits(crlf), "GB18030");
    }
}

void TestLayouts::transformedSeeds()
{
    QFETCH(QString, seed);
    QFETCH(QByteArray, bytes);
    QVERIFY(!bytes.isEmpty());
    const Report baseline = m_reader.readFile(seedReportPath(seed));
    const Report report = m_reader.readBytes(bytes, seed % u"-transformed.txt"_s);
    QVERIFY2(report.loaded, qPrintable(errorCodes(report)));
    QCOMPARE(report.cells.size(), size_t(m_template.cellCount()));
    for (const Error &error : report.errors)
        QVERIFY2(!error.code.startsWith(u"encoding."), qPrintable(error.message));
    QCOMPARE(report.agency, baseline.agency);
    QCOMPARE(report.year, baseline.year);
    const QStringList differences = readingDifferences(baseline, report, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestLayouts::renderedReports_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("layout");
    QTest::addColumn<bool>("fullWidth");
    QTest::addColumn<QByteArray>("encoding");
    QStringList sources = seedNames();
    sources.append(u"consistent-figures"_s);
    for (const QString &source : std::as_const(sources)) {
        const QByteArray name = source.toUtf8();
        for (RenderLayout layout : kLayouts) {
            const QByteArray layoutName = renderLayoutName(layout).toUtf8();
            QTest::addRow("%s rendered in %s reads back", name.constData(), layoutName.constData())
                << source << int(layout) << false << QByteArray("UTF-8");
            QTest::addRow("%s rendered in %s with full-width digits reads back", name.constData(),
                          layoutName.constData())
                << source << int(layout) << true << QByteArray("UTF-8");
            QTest::addRow("%s rendered in %s as GB18030 reads back", name.constData(),
                          layoutName.constData())
                << source << int(layout) << false << QByteArray("GB18030");
            QTest::addRow("%s rendered in %s with full-width digits as GB18030 reads back",
                          name.constData(), layoutName.constData())
                << source << int(layout) << true << QByteArray("GB18030");
        }
    }
}

void TestLayouts::renderedReports()
{
    QFETCH(QString, source);
    QFETCH(int, layout);
    QFETCH(bool, fullWidth);
    QFETCH(QByteArray, encoding);
    Expected expected {u"洛阳市示例区人民政府办公室"_s, 2024, {}, {}};
    std::vector<std::optional<double>> truth;
    if (source == u"consistent-figures") {
        truth = consistentFigures(m_template);
    } else {
        QVERIFY(loadExpected(source, &expected));
        truth = expectedValues(expected, m_template);
    }
    const RenderOptions options {RenderLayout(layout), fullWidth};
    const QString text = ReportRenderer().render(expected.agency, expected.year, truth, options);
    const QByteArray bytes
        = encoding == "UTF-8" ? text.toUtf8() : encodeWithIcu(text, encoding.constData());
    QVERIFY(!bytes.isEmpty());
    const Report report = m_reader.readBytes(bytes, source % u".txt"_s);
    QVERIFY2(report.loaded, qPrintable(errorCodes(report)));
    QCOMPARE(report.agency, expected.agency);
    QCOMPARE(report.year, expected.year);
    const QStringList differences = cellDifferences(report, truth, {}, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestLayouts::blankCells_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("layout");
    QTest::addColumn<bool>("fullWidth");
    QTest::addColumn<QStringList>("blank");
    struct BlankCase
    {
        const char *name;
        QStringList keys;
    };
    QStringList naturalColumn;
    const int requests = m_template.tableIndex(u"requests");
    for (const TemplateRow &row : m_template.tables()[requests].rows)
        naturalColumn.append(u"requests."_s % row.key % u".natural"_s);
    const BlankCase cases[] = {
        {"自然人 of received and disclosed blank",
         {u"requests.received.natural"_s, u"requests.disclosed.natural"_s}},
        {"自然人 of received, disclosed and partially disclosed blank",
         {u"requests.received.natural"_s, u"requests.disclosed.natural"_s,
          u"requests.partially_disclosed.natural"_s}},
        {"商业企业 of partially disclosed blank", {u"requests.partially_disclosed.commercial"_s}},
        {"科研机构 of carried over blank", {u"requests.carried_over.research"_s}},
        {"总计 of withheld third party blank", {u"requests.withheld_third_party.total"_s}},
        {"自然人 blank in every row", naturalColumn},
        {"repealed normative documents blank", {u"active.normative.repealed"_s}},
        {"other results of direct litigation blank", {u"appeals.litigation_direct.other"_s}},
    };
    for (RenderLayout layout : kLayouts) {
        for (bool fullWidth : {false, true}) {
            const QByteArray layoutName
                = renderLayoutName(layout).toUtf8() + (fullWidth ? " with full-width digits" : "");
            for (const BlankCase &blankCase : cases) {
                QTest::addRow("%s in %s leaves exactly those cells missing", blankCase.name,
                              layoutName.constData())
                    << u"consistent-figures"_s << int(layout) << fullWidth << blankCase.keys;
            }
            for (const QString &seed : seedNames()) {
                Expected expected;
                QVERIFY(loadExpected(seed, &expected));
                if (expected.missingInSource.isEmpty())
                    continue;
                QStringList keys = expected.missingInSource.values();
                keys.sort();
                QTest::addRow("%s with its blank cells in %s leaves exactly those cells missing",
                              qPrintable(seed), layoutName.constData())
                    << seed << int(layout) << fullWidth << keys;
            }
        }
    }
}

void TestLayouts::blankCells()
{
    QFETCH(QString, source);
    QFETCH(int, layout);
    QFETCH(bool, fullWidth);
    QFETCH(QStringList, blank);
    Expected expected {u"示例县交通运输局"_s, 2023, {}, {}};
    std::vector<std::optional<double>> truth;
    QVERIFY(loadTruth(source, &expected, &truth));
    const QSet<int> blankCells = cellIndices(QSet<QString>(blank.begin(), blank.end()), m_template);
    QVERIFY(!blankCells.contains(-1));
    std::vector<std::optional<double>> rendered = truth;
    for (int cell : blankCells)
        rendered[size_t(cell)].reset();
    const QString text = ReportRenderer().render(expected.agency, expected.year, rendered,
                                                 RenderOptions {RenderLayout(layout), fullWidth});
    const Report report = m_reader.readBytes(text.toUtf8(), source % u".txt"_s);
    QVERIFY2(report.loaded, qPrintable(errorCodes(report)));
    const QStringList differences = cellDifferences(report, truth, blankCells, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestLayouts::blankCellsOnOneLine()
{
    // The same reports with their line breaks and cell separators turned into single spaces, as
    // a page copied without its table: the fused reader reads them, and a row with a blank is
    // never cut into more figures than were written (8 9 10 27 is not 8 | 9 | 1 | 0 | 27).
    QFETCH(QString, source);
    QFETCH(int, layout);
    QFETCH(bool, fullWidth);
    QFETCH(QStringList, blank);
    Expected expected {u"示例县交通运输局"_s, 2023, {}, {}};
    std::vector<std::optional<double>> truth;
    QVERIFY(loadTruth(source, &expected, &truth));
    const QSet<int> blankCells = cellIndices(QSet<QString>(blank.begin(), blank.end()), m_template);
    std::vector<std::optional<double>> rendered = truth;
    for (int cell : blankCells)
        rendered[size_t(cell)].reset();
    QString text = ReportRenderer().render(expected.agency, expected.year, rendered,
                                           RenderOptions {RenderLayout(layout), fullWidth});
    text.replace(QRegularExpression(u"[|\\t\\n]+"_s), u" "_s);
    text.remove(QRegularExpression(u"-{3,}"_s));
    const Report report = m_reader.readBytes(text.toUtf8(), source % u".txt"_s);
    for (int cell = 0; cell < m_template.cellCount(); ++cell) {
        const CellValue &value = report.cells[size_t(cell)];
        if (value.extractedState == CellState::Extracted)
            QVERIFY2(value.extractedValue == truth[size_t(cell)],
                     qPrintable(m_template.cells()[cell].key.toString()));
    }
}

void TestLayouts::blankCellsInRedrawnTables_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("redraw");
    QTest::addColumn<QStringList>("blank");
    const std::pair<Redraw, const char *> redraws[]
        = {{Redraw::BoxDrawing, "a box-drawn grid (w3m)"},
           {Redraw::HtmlTables, "HTML tables inside Markdown (MinerU, pandoc)"},
           {Redraw::LonePipes, "cells on their own lines between lone pipes (html2text)"}};
    QStringList naturalColumn;
    const int requests = m_template.tableIndex(u"requests");
    for (const TemplateRow &row : m_template.tables()[requests].rows)
        naturalColumn.append(u"requests."_s % row.key % u".natural"_s);
    for (const auto &[redraw, name] : redraws) {
        QTest::addRow("consistent figures in %s", name)
            << u"consistent-figures"_s << int(redraw) << QStringList();
        QTest::addRow("自然人 blank in every row, in %s", name)
            << u"consistent-figures"_s << int(redraw) << naturalColumn;
        for (const QString &seed : seedNames()) {
            Expected expected;
            QVERIFY(loadExpected(seed, &expected));
            QStringList keys = expected.missingInSource.values();
            keys.sort();
            QTest::addRow("%s with its blank cells in %s", qPrintable(seed), name)
                << seed << int(redraw) << keys;
        }
    }
}

void TestLayouts::blankCellsInRedrawnTables()
{
    // A converter's table keeps each blank cell as an empty cell between separators, so the
    // row's own cells place its figures even where the header is drawn over several lines or
    // the cells stand on lines of their own.
    QFETCH(QString, source);
    QFETCH(int, redraw);
    QFETCH(QStringList, blank);
    Expected expected {u"示例县交通运输局"_s, 2023, {}, {}};
    std::vector<std::optional<double>> truth;
    QVERIFY(loadTruth(source, &expected, &truth));
    const QSet<int> blankCells = cellIndices(QSet<QString>(blank.begin(), blank.end()), m_template);
    std::vector<std::optional<double>> rendered = truth;
    for (int cell : blankCells)
        rendered[size_t(cell)].reset();
    const QString markdown = ReportRenderer().render(expected.agency, expected.year, rendered,
                                                     RenderOptions {RenderLayout::Markdown});
    const QString text = redrawn(markdown, Redraw(redraw));
    QVERIFY(text != markdown);
    const Report report = m_reader.readBytes(text.toUtf8(), source % u".md"_s);
    QVERIFY2(report.loaded, qPrintable(errorCodes(report)));
    const QStringList differences = cellDifferences(report, truth, blankCells, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestLayouts::rendererIsDeterministic()
{
    const std::vector<std::optional<double>> figures = consistentFigures(m_template);
    for (RenderLayout layout : kLayouts) {
        const QString first = ReportRenderer().render(u"某局"_s, 2023, figures, layout);
        const QString second = ReportRenderer().render(u"某局"_s, 2023, figures, layout);
        QCOMPARE(first, second);
        QVERIFY(first.startsWith(u"某局 2023 年政府信息公开工作年度报告\n"));
        for (const TemplateSection &section : m_template.sections())
            QVERIFY(first.contains(section.number % u'、' % section.heading));
    }
}

void TestLayouts::rendererWritesBlankCellsInTheirColumn_data()
{
    QTest::addColumn<int>("layout");
    QTest::addColumn<QString>("line");
    QTest::newRow("a blank first figure is an empty pipe cell")
        << int(RenderLayout::Markdown) << u"| 一、本年新收政府信息公开申请数量 | | | |"_s;
    QTest::newRow("a blank first figure is an empty tab field")
        << int(RenderLayout::Tabs) << u"一、本年新收政府信息公开申请数量\t\t\t\t"_s;
}

void TestLayouts::rendererWritesBlankCellsInTheirColumn()
{
    QFETCH(int, layout);
    QFETCH(QString, line);
    std::vector<std::optional<double>> figures = consistentFigures(m_template);
    figures[size_t(m_template.cellIndex(CellKey(u"requests.received.natural"_s)))].reset();
    const QString text = ReportRenderer().renderTable(m_template.tableIndex(u"requests"), figures,
                                                      {RenderLayout(layout), false});
    QVERIFY2(text.contains(line), qPrintable(text));
}

QTEST_GUILESS_MAIN(TestLayouts)
#include "tst_layouts.moc"

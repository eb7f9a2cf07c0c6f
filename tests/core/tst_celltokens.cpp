// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/tableline.h"
#include "reportreader.h"
#include "testutils.h"
#include "text/normalizedtext.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

// Seed 003 lays its tables out with tabs; seed 000 with pipes. Both are real reports.
const QString kTabsSeed = u"003_26cd6f5c3c427896"_s;
const QString kPipesSeed = u"000_8fe8cf681abe4667"_s;
const QString kReceivedRow = u"一、本年新收政府信息公开申请数量"_s;
const QString kReceivedPrefix = u"requests.received."_s;
const QString kNaturalKey = u"requests.received.natural"_s;
constexpr int kNaturalField = 2; ///< the 自然人 cell of the received row, in both layouts

QString seedText(const QString &seed)
{
    QByteArray bytes;
    if (!readFileBytes(seedReportPath(seed), &bytes))
        return {};
    return QString::fromUtf8(bytes);
}

/**
 * The report with one table cell rewritten: the field `field` of the first line that starts
 * with `row` (after a pipe, for pipe tables). Empty if there is no such line.
 */
QString withCell(const QString &text, const QString &row, int field, const QString &written)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines) {
        const bool pipes = line.startsWith(u'|');
        const QString body = pipes ? line.mid(1) : line;
        if (!body.trimmed().startsWith(row))
            continue;
        QStringList fields = body.split(pipes ? u'|' : u'\t');
        if (field >= fields.size())
            return {};
        fields[field] = pipes ? u' ' + written + u' ' : written;
        line = (pipes ? u"|"_s : QString()) + fields.join(pipes ? u'|' : u'\t');
        return lines.join(u'\n');
    }
    return {};
}

/** A tab-separated report laid out with spaces, as text copied from a PDF is. */
QString withSpaces(QString text)
{
    return text.replace(u'\t', u"   "_s);
}

Report readText(const QString &text)
{
    return ReportReader().readBytes(text.toUtf8(), u"tokens.txt"_s);
}

int cellIndex(const QString &key)
{
    return ReportTemplate::standard().cellIndex(CellKey(key));
}

/** The cells of the received row other than `except`, by template index. */
QList<int> otherReceivedCells(const QString &except)
{
    QList<int> cells;
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const QString key = reportTemplate.cells()[c].key.toString();
        if (key.startsWith(kReceivedPrefix) && key != except)
            cells.append(c);
    }
    return cells;
}

} // namespace

/**
 * What a table cell holds when it is no figure the engine reads (6x, 1e3, ½, 十万万, too many
 * digits), and invisible marks glued to a figure: docs/hostile-input.md, "What a table cell may
 * hold". Each report is a real seed with one cell rewritten.
 */
class TestCellTokens : public QObject
{
    Q_OBJECT

private slots:
    void aTokenThatIsNoFigureIsUnreadableInItsOwnCell_data();
    void aTokenThatIsNoFigureIsUnreadableInItsOwnCell();
    void aUnitApartFromItsFigureStaysInItsCell_data();
    void aUnitApartFromItsFigureStaysInItsCell();
    void invisibleMarksAroundAFigureAreIgnored_data();
    void invisibleMarksAroundAFigureAreIgnored();
    void aRunOfFusedFiguresIsLeftToTheRunReader();
    void aNumeralBetweenLabelWordsStaysInTheLabel();
    void figuresBeyondTwoToThe53AreRefusedNotRounded_data();
    void figuresBeyondTwoToThe53AreRefusedNotRounded();
    void pageNumbersAndRulesAreNoCells_data();
    void pageNumbersAndRulesAreNoCells();
};

void TestCellTokens::pageNumbersAndRulesAreNoCells_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<bool>("noCell");
    QTest::newRow("- 2 - (a WPS page footer)") << u"- 2 -"_s << true;
    QTest::newRow("—12— (em dashes)") << u"—12—"_s << true;
    QTest::newRow("－ 3 － (full-width hyphens)") << u"－ 3 －"_s << true;
    QTest::newRow("第2页") << u"第2页"_s << true;
    QTest::newRow("第 2 页 共 6 页") << u"第 2 页 共 6 页"_s << true;
    QTest::newRow("2/6") << u"2/6"_s << true;
    QTest::newRow("--- (a Markdown rule)") << u"---"_s << true;
    QTest::newRow("*** (a Markdown rule)") << u"***"_s << true;
    QTest::newRow("a bare 2 may be a cell") << u"2"_s << false;
    QTest::newRow("a dash for a blank cell") << u"-"_s << false;
    QTest::newRow("a figure with dashes around it in a row") << u"行政许可 - 2 -"_s << false;
}

void TestCellTokens::pageNumbersAndRulesAreNoCells()
{
    // A PDF's page footer between a row's label and its figures (pdfminer, pdftotext) read as
    // the row's figure was a silent wrong 行政许可 of 2 instead of 9487.
    QFETCH(QString, line);
    QFETCH(bool, noCell);
    const QString text = NormalizedText(line).text();
    const TableLine parsed = parseLine(text, 0, int(text.size()), 0);
    QCOMPARE(parsed.isBlank(), noCell);
    const QString document = u"行政许可\n"_s % text % u"\n9487\n"_s;
    const bool blanked = withoutPageNumbers(document).contains(text);
    const bool pageNumber = noCell && !text.contains(u"-"_s.repeated(3)) && text != u"***";
    QCOMPARE(blanked, !pageNumber);
}

void TestCellTokens::aTokenThatIsNoFigureIsUnreadableInItsOwnCell_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<bool>("spaces");
    QTest::addColumn<QString>("written");
    const QList<std::pair<const char *, QString>> tokens {
        {"a figure with a letter (6x)", u"6x"_s},
        {"scientific notation (1e3)", u"1e3"_s},
        {"hexadecimal (0x10)", u"0x10"_s},
        {"a percentage (10%)", u"10%"_s},
        {"a figure and a letter apart (6 x)", u"6 x"_s},
        {"a vulgar fraction (½)", u"½"_s},
        {"an Arabic-Indic digit (٦)", u"٦"_s},
        {"Chinese numerals (十万万)", u"十万万"_s},
        {"19 digits", u"1234567890123456789"_s},
        {"20 digits", u"12345678901234567890"_s},
        {"18 nines, beyond 2^53", u"999999999999999999"_s},
        {"2^53 + 1", u"9007199254740993"_s},
    };
    for (const auto &[name, written] : tokens) {
        QTest::addRow("%s in a tab cell", name) << kTabsSeed << false << written;
        QTest::addRow("%s in a pipe cell", name) << kPipesSeed << false << written;
        QTest::addRow("%s in a space-aligned row", name) << kTabsSeed << true << written;
    }
}

void TestCellTokens::aTokenThatIsNoFigureIsUnreadableInItsOwnCell()
{
    QFETCH(QString, seed);
    QFETCH(bool, spaces);
    QFETCH(QString, written);
    const QString text = withCell(seedText(seed), kReceivedRow, kNaturalField, written);
    QVERIFY(!text.isEmpty());
    const Report report = readText(spaces ? withSpaces(text) : text);
    const Report plain = readText(spaces ? withSpaces(seedText(seed)) : seedText(seed));
    QVERIFY(report.loaded);

    const int index = cellIndex(kNaturalKey);
    const CellValue &cell = report.cells[size_t(index)];
    QCOMPARE(cell.extractedState, CellState::Unreadable);
    QCOMPARE(cell.extractedValue, std::nullopt);
    QCOMPARE(cell.sourceText, NormalizedText::normalizeString(written));
    QCOMPARE(report.text.sliced(cell.span.start, cell.span.length()), written);

    // The row's other cells keep what is written, zeros too: nothing of the row is blanked.
    for (int other : otherReceivedCells(kNaturalKey)) {
        const CellValue &kept = report.cells[size_t(other)];
        QVERIFY2(kept.extractedState == CellState::Extracted, qPrintable(describe(kept)));
        QCOMPARE(kept.extractedValue, plain.cells[size_t(other)].extractedValue);
    }

    const auto finding = std::find_if(report.findings.begin(), report.findings.end(),
                                      [&](const Finding &f) { return f.cells == QList {index}; });
    QVERIFY(finding != report.findings.end());
    QCOMPARE(finding->severity, Severity::Error);
    const QString quoted = u'"' + cell.sourceText + u'"';
    QVERIFY2(finding->message.contains(quoted), qPrintable(finding->message));
    QVERIFY(report.hasErrorFindings());
}

void TestCellTokens::aUnitApartFromItsFigureStaysInItsCell_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<bool>("spaces");
    QTest::addColumn<QString>("unit");
    for (const QString &unit : {u"件"_s, u"个"_s}) {
        QTest::addRow("a figure, a space and %s in a tab cell", qPrintable(unit))
            << kTabsSeed << false << unit;
        QTest::addRow("a figure, a space and %s in a pipe cell", qPrintable(unit))
            << kPipesSeed << false << unit;
        QTest::addRow("a figure, a space and %s in a space-aligned row", qPrintable(unit))
            << kTabsSeed << true << unit;
    }
}

void TestCellTokens::aUnitApartFromItsFigureStaysInItsCell()
{
    QFETCH(QString, seed);
    QFETCH(bool, spaces);
    QFETCH(QString, unit);
    const Report plain = readText(spaces ? withSpaces(seedText(seed)) : seedText(seed));
    const int index = cellIndex(kNaturalKey);
    const std::optional<double> figure = plain.cells[size_t(index)].extractedValue;
    QVERIFY(figure);
    const QString written = QString::number(*figure) + u' ' + unit;
    const QString text = withCell(seedText(seed), kReceivedRow, kNaturalField, written);
    const Report report = readText(spaces ? withSpaces(text) : text);

    const CellValue &cell = report.cells[size_t(index)];
    QCOMPARE(cell.extractedState, CellState::Extracted);
    QCOMPARE(cell.extractedValue, figure);
    QCOMPARE(report.text.sliced(cell.span.start, cell.span.length()), written);
    for (int other : otherReceivedCells(kNaturalKey))
        QCOMPARE(report.cells[size_t(other)].extractedValue,
                 plain.cells[size_t(other)].extractedValue);
}

void TestCellTokens::invisibleMarksAroundAFigureAreIgnored_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    const QList<std::pair<const char *, QString>> marks {
        {"a left-to-right mark (U+200E)", u"\u200E"_s},
        {"a right-to-left mark (U+200F)", u"\u200F"_s},
        {"a zero-width space (U+200B)", u"\u200B"_s},
        {"a soft hyphen (U+00AD)", u"\u00AD"_s},
        {"a word joiner (U+2060)", u"\u2060"_s},
        {"a zero-width no-break space (U+FEFF)", u"\uFEFF"_s},
    };
    for (const auto &[name, mark] : marks) {
        QTest::addRow("%s after the figure, tab cell", name) << kTabsSeed << QString() << mark;
        QTest::addRow("%s before the figure, pipe cell", name) << kPipesSeed << mark << QString();
    }
}

void TestCellTokens::invisibleMarksAroundAFigureAreIgnored()
{
    QFETCH(QString, seed);
    QFETCH(QString, before);
    QFETCH(QString, after);
    const Report plain = readText(seedText(seed));
    const int index = cellIndex(kNaturalKey);
    const std::optional<double> figure = plain.cells[size_t(index)].extractedValue;
    QVERIFY(figure);
    const QString written = QString::number(*figure);
    const Report report
        = readText(withCell(seedText(seed), kReceivedRow, kNaturalField, before + written + after));

    const CellValue &cell = report.cells[size_t(index)];
    QCOMPARE(cell.extractedState, CellState::Extracted);
    QCOMPARE(cell.extractedValue, figure);
    QCOMPARE(report.text.sliced(cell.span.start, cell.span.length()), written);
    for (int other : otherReceivedCells(kNaturalKey))
        QCOMPARE(report.cells[size_t(other)].extractedValue,
                 plain.cells[size_t(other)].extractedValue);
    QCOMPARE(report.hasErrorFindings(), plain.hasErrorFindings());
}

void TestCellTokens::aRunOfFusedFiguresIsLeftToTheRunReader()
{
    // The row's seven figures ran together after its label: 19 digits, too long for one figure,
    // yet not one unreadable cell either: the run reader cuts it for the whole row.
    const QString run = u"1234523456000035801"_s;
    QStringList lines = seedText(kTabsSeed).split(u'\n');
    const auto row = std::find_if(lines.begin(), lines.end(), [](const QString &line) {
        return line.startsWith(kReceivedRow);
    });
    QVERIFY(row != lines.end());
    *row = kReceivedRow + u' ' + run;
    const Report report = readText(lines.join(u'\n'));
    QList<int> cells = otherReceivedCells(kNaturalKey);
    cells.append(cellIndex(kNaturalKey));
    for (int cell : cells) {
        const SourceSpan span = report.cells[size_t(cell)].span;
        QVERIFY(span.isValid());
        QCOMPARE(report.text.sliced(span.start, span.length()), run);
    }
}

void TestCellTokens::aNumeralBetweenLabelWordsStaysInTheLabel()
{
    // A PDF's text may space out a label: its numeral is a word of the label, not a cell.
    const QString spaced = u"5.属于 三 类内部事务信息 0 0 0 0 0 0 0"_s;
    const QString joined = u"5.属于三类内部事务信息 0 0 0 0 0 0 0"_s;
    const TableLine line = parseLine(spaced, 0, int(spaced.size()), 0);
    QCOMPARE(line.label, parseLine(joined, 0, int(joined.size()), 0).label);
    QCOMPARE(line.values().size(), size_t(7));
}

void TestCellTokens::figuresBeyondTwoToThe53AreRefusedNotRounded_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<bool>("read");
    QTest::addColumn<double>("value");
    QTest::addRow("2^53 is read exactly") << u"9007199254740992"_s << true << 9007199254740992.0;
    QTest::addRow("2^53 with thousands separators is read exactly")
        << u"9,007,199,254,740,992"_s << true << 9007199254740992.0;
    QTest::addRow("2^53 + 1 is refused") << u"9007199254740993"_s << false << 0.0;
    QTest::addRow("18 nines are refused, not read as 10^18")
        << u"999999999999999999"_s << false << 0.0;
    QTest::addRow("17 digits with leading zeros are refused")
        << u"00000000000000001"_s << false << 0.0;
    QTest::addRow("a decimal of 17 digits is refused") << u"1.2345678901234567"_s << false << 0.0;
    QTest::addRow("10^12 万 is refused: 10^16 is beyond 2^53")
        << u"1000000000000万"_s << false << 0.0;
    QTest::addRow("10^11 万 is read") << u"100000000000万"_s << true << 1e15;
}

void TestCellTokens::figuresBeyondTwoToThe53AreRefusedNotRounded()
{
    QFETCH(QString, written);
    QFETCH(bool, read);
    QFETCH(double, value);
    double parsed = -1;
    QCOMPARE(parseFigure(written, &parsed), read);
    if (read)
        QCOMPARE(parsed, value);
}

QTEST_GUILESS_MAIN(TestCellTokens)
#include "tst_celltokens.moc"

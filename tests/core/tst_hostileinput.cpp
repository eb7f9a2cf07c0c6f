// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "loaders/pdf/pdflayout.h"
#include "loaders/structuredtext.h"
#include "loaders/text/textloader.h"
#include "reportreader.h"
#include "testutils.h"

#include <QElapsedTimer>
#include <QTest>

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <memory>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

// Seed 003 lays its tables out with tabs; seed 000 with pipes. Both are real reports.
const QString kTabsSeed = u"003_26cd6f5c3c427896"_s;
const QString kPipesSeed = u"000_8fe8cf681abe4667"_s;
const QString kReceivedRow = u"一、本年新收政府信息公开申请数量"_s;
const QString kFeeRow = u"行政事业性收费"_s;
constexpr int kNaturalField = 2; ///< the 自然人 cell of the received row, in both layouts
constexpr int kFeeField = 1;

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

Report readText(const QString &text, const QString &name = u"hostile.txt"_s)
{
    return ReportReader().readBytes(text.toUtf8(), name);
}

const CellValue &cellOf(const Report &report, const QString &key)
{
    return report.cells[size_t(ReportTemplate::standard().cellIndex(CellKey(key)))];
}

QString transliterate(const QString &text, const char *transform)
{
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> transliterator(
        icu::Transliterator::createInstance(transform, UTRANS_FORWARD, status));
    if (U_FAILURE(status) || !transliterator)
        return {};
    icu::UnicodeString converted(reinterpret_cast<const UChar *>(text.utf16()),
                                 int32_t(text.size()));
    transliterator->transliterate(converted);
    return QString(reinterpret_cast<const QChar *>(converted.getBuffer()), converted.length());
}

const Error *errorOf(const Report &report, const QString &code)
{
    const auto found = std::find_if(report.errors.begin(), report.errors.end(),
                                    [&](const Error &e) { return e.code == code; });
    return found == report.errors.end() ? nullptr : &*found;
}

/** Whether every cell holds the same value as in `expected`, at the same place of its text. */
bool sameCellsShifted(const Report &report, const Report &expected, int shift)
{
    for (size_t c = 0; c < expected.cells.size(); ++c) {
        const CellValue &got = report.cells[c];
        const CellValue &want = expected.cells[c];
        if (got.value != want.value || got.state != want.state)
            return false;
        if (want.span.isValid() && got.span.start != want.span.start + shift)
            return false;
    }
    return true;
}

bool hasFinding(const Report &report, const QString &rule, const QString &key)
{
    const int cell = ReportTemplate::standard().cellIndex(CellKey(key));
    return std::any_of(report.findings.begin(), report.findings.end(),
                       [&](const Finding &f) { return f.rule == rule && f.cells.contains(cell); });
}

} // namespace

/**
 * What agencies write in a table cell besides a plain figure, and reports that are not one
 * clean report: each is read as docs/hostile-input.md says, and the reviewer is told.
 */
class TestHostileInput : public QObject
{
    Q_OBJECT

private slots:
    void cellsAsWritten_data();
    void cellsAsWritten();
    void aMarkIsReadAsMissingAndTheFindingQuotesIt_data();
    void aMarkIsReadAsMissingAndTheFindingQuotesIt();
    void negativeAndDecimalCountsBreakTheDomainRule_data();
    void negativeAndDecimalCountsBreakTheDomainRule();
    void traditionalCharactersReadLikeSimplified_data();
    void traditionalCharactersReadLikeSimplified();
    void aSimplifiedReportKeepsItsNamesAsWritten();
    void theSameTableTwiceIsReadFromTheFirstCopy_data();
    void theSameTableTwiceIsReadFromTheFirstCopy();
    void twoReportsInOneFileAreReadAsTheFirst_data();
    void twoReportsInOneFileAreReadAsTheFirst();
    void aTableOfContentsIsNotASecondReport();
    void tablesNestedDeepAreWrittenWithoutRecursion();
    void aWideSpanPadsNoRow();
    void aFigureGridOver5000PagesLaysOutInLinearTime();
    void replacedBytesWithoutAnOffsetNameNoByte();
    void linesPastTheCapAreNotReadAndSaidSo();
    void aReportOfExactlyTheCapIsReadWhole();
    void aLineLongerThanTheCapIsBlankedInPlace();
    void anExhaustedBudgetStopsLayoutAndExtraction();
    void aTableReadsAtMostItsCandidateCap();
    void convertersMarkupInATextFileLoadsInLinearTime_data();
    void convertersMarkupInATextFileLoadsInLinearTime();
};

void TestHostileInput::cellsAsWritten_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("row");
    QTest::addColumn<int>("field");
    QTest::addColumn<QString>("written");
    QTest::addColumn<QString>("key");
    QTest::addColumn<double>("value");
    const QString natural = u"requests.received.natural"_s;
    const QString fee = u"active.fee.amount"_s;
    QTest::addRow("1,000 in a tab cell is one thousand")
        << kTabsSeed << kReceivedRow << kNaturalField << u"1,000"_s << natural << 1000.0;
    QTest::addRow("1 000 in a tab cell is one thousand")
        << kTabsSeed << kReceivedRow << kNaturalField << u"1 000"_s << natural << 1000.0;
    QTest::addRow("12 345 件 in a pipe cell is 12345")
        << kPipesSeed << kReceivedRow << kNaturalField << u"12 345件"_s << natural << 12345.0;
    QTest::addRow("1,000 in a pipe cell is one thousand")
        << kPipesSeed << kReceivedRow << kNaturalField << u"1,000"_s << natural << 1000.0;
    QTest::addRow("10万 in a count is a hundred thousand")
        << kTabsSeed << kReceivedRow << kNaturalField << u"10万"_s << natural << 100000.0;
    QTest::addRow("1.5万件 in a count is fifteen thousand")
        << kTabsSeed << kReceivedRow << kNaturalField << u"1.5万件"_s << natural << 15000.0;
    QTest::addRow("full-width ６件 is six")
        << kTabsSeed << kReceivedRow << kNaturalField << u"６件"_s << natural << 6.0;
    QTest::addRow("10万 in the fee column (万元) is 10")
        << kTabsSeed << kFeeRow << kFeeField << u"10万"_s << fee << 10.0;
    QTest::addRow("3.5万元 in the fee column is 3.5")
        << kTabsSeed << kFeeRow << kFeeField << u"3.5万元"_s << fee << 3.5;
    QTest::addRow("25000元 in the fee column is 2.5 (万元)")
        << kTabsSeed << kFeeRow << kFeeField << u"25000元"_s << fee << 2.5;
}

void TestHostileInput::cellsAsWritten()
{
    QFETCH(QString, seed);
    QFETCH(QString, row);
    QFETCH(int, field);
    QFETCH(QString, written);
    QFETCH(QString, key);
    QFETCH(double, value);
    const QString text = withCell(seedText(seed), row, field, written);
    QVERIFY(!text.isEmpty());
    const Report report = readText(text);
    QVERIFY(report.errors.isEmpty());
    const CellValue &cell = cellOf(report, key);
    QCOMPARE(cell.state, CellState::Extracted);
    QCOMPARE(cell.value, std::optional<double>(value));
    // The span covers what was written, all of it, so the document view shows it whole.
    QCOMPARE(report.text.sliced(cell.span.start, cell.span.length()), written);
}

void TestHostileInput::aMarkIsReadAsMissingAndTheFindingQuotesIt_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<QString>("mark");
    for (const QString &mark : {u"—"_s, u"-"_s, u"/"_s, u"无"_s, u"－"_s, u"——"_s}) {
        QTest::addRow("%s in a tab cell", qPrintable(mark)) << kTabsSeed << mark;
        QTest::addRow("%s in a pipe cell", qPrintable(mark)) << kPipesSeed << mark;
    }
}

void TestHostileInput::aMarkIsReadAsMissingAndTheFindingQuotesIt()
{
    QFETCH(QString, seed);
    QFETCH(QString, mark);
    const QString text = withCell(seedText(seed), kReceivedRow, kNaturalField, mark);
    QVERIFY(!text.isEmpty());
    const Report report = readText(text);
    const Report plain = readText(seedText(seed));
    const QString key = u"requests.received.natural"_s;
    const CellValue &cell = cellOf(report, key);
    // Missing, not 0: the row total determines it, so it is deduced to the figure the seed has.
    QCOMPARE(cell.extractedState, CellState::Missing);
    QCOMPARE(cell.extractedValue, std::nullopt);
    QCOMPARE(cell.state, CellState::Deduced);
    QCOMPARE(cell.value, cellOf(plain, key).value);
    QCOMPARE(cell.sourceText, NormalizedText::normalizeString(mark));
    QCOMPARE(report.text.sliced(cell.span.start, cell.span.length()), mark);
    const int index = ReportTemplate::standard().cellIndex(CellKey(key));
    const auto finding = std::find_if(report.findings.begin(), report.findings.end(),
                                      [&](const Finding &f) { return f.cells == QList {index}; });
    QVERIFY(finding != report.findings.end());
    QCOMPARE(finding->rule, u"value.missing"_s);
    QVERIFY2(finding->message.contains(u"read as missing, not 0"_s), qPrintable(finding->message));
    QVERIFY2(finding->message.contains(cell.sourceText), qPrintable(finding->message));
}

void TestHostileInput::negativeAndDecimalCountsBreakTheDomainRule_data()
{
    QTest::addColumn<QString>("written");
    QTest::addColumn<double>("value");
    QTest::addRow("a negative count") << u"-3"_s << -3.0;
    QTest::addRow("a full-width negative count") << u"－3"_s << -3.0;
    QTest::addRow("a decimal count") << u"2.5"_s << 2.5;
}

void TestHostileInput::negativeAndDecimalCountsBreakTheDomainRule()
{
    QFETCH(QString, written);
    QFETCH(double, value);
    const QString key = u"requests.received.commercial"_s;
    const QString text = withCell(seedText(kTabsSeed), kReceivedRow, kNaturalField + 1, written);
    const Report report = readText(text);
    QCOMPARE(cellOf(report, key).value, std::optional<double>(value));
    QCOMPARE(cellOf(report, key).state, CellState::Extracted);
    QVERIFY(hasFinding(report, u"value.domain"_s, key));
    QVERIFY(report.hasErrorFindings());
}

void TestHostileInput::traditionalCharactersReadLikeSimplified_data()
{
    QTest::addColumn<QString>("seed");
    for (const QString &seed : seedNames())
        QTest::addRow("seed %s in traditional characters", qPrintable(seed)) << seed;
}

void TestHostileInput::traditionalCharactersReadLikeSimplified()
{
    QFETCH(QString, seed);
    const QString simplified = seedText(seed);
    const QString traditional = transliterate(simplified, "Hans-Hant");
    QVERIFY(!traditional.isEmpty());
    QVERIFY(traditional != simplified);
    QVERIFY(traditional.contains(u"申請"_s));
    const Report expected = readText(simplified);
    const Report report = readText(traditional);
    QCOMPARE(report.text, traditional); // the document view shows what the agency wrote
    QCOMPARE(report.countCells(CellState::Extracted), expected.countCells(CellState::Extracted));
    for (size_t c = 0; c < expected.cells.size(); ++c) {
        QCOMPARE(report.cells[c].value, expected.cells[c].value);
        QCOMPARE(report.cells[c].span, expected.cells[c].span);
    }
    QCOMPARE(report.statements.size(), expected.statements.size());
    for (qsizetype s = 0; s < expected.statements.size(); ++s)
        QCOMPARE(report.statements[s].value, expected.statements[s].value);
    QCOMPARE(report.year, expected.year);
    QCOMPARE(report.findings.size(), expected.findings.size());
}

void TestHostileInput::aSimplifiedReportKeepsItsNamesAsWritten()
{
    // 乾 is also a traditional form of 干; a simplified report naming 乾县 must not become 干县.
    QString text = seedText(kTabsSeed);
    const qsizetype title = text.indexOf(u"2024"_s);
    QVERIFY(title > 0);
    const qsizetype lineStart = text.lastIndexOf(u'\n', title) + 1;
    text.replace(lineStart, title - lineStart, u"乾县人民政府办公室 "_s);
    const Report report = readText(text);
    QCOMPARE(report.agency, u"乾县人民政府办公室"_s);
    QCOMPARE(report.countCells(CellState::Extracted),
             readText(seedText(kTabsSeed)).countCells(CellState::Extracted));
}

void TestHostileInput::theSameTableTwiceIsReadFromTheFirstCopy_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<bool>("changed");
    QTest::addRow("an identical second copy of table 三, tabs") << kTabsSeed << false;
    QTest::addRow("a second copy of table 三 with other figures, tabs") << kTabsSeed << true;
    QTest::addRow("a second copy of table 三 with other figures, pipes") << kPipesSeed << true;
}

void TestHostileInput::theSameTableTwiceIsReadFromTheFirstCopy()
{
    QFETCH(QString, seed);
    QFETCH(bool, changed);
    const QString text = seedText(seed);
    const qsizetype begin = text.indexOf(u"三、收到和处理政府信息公开申请情况"_s);
    const qsizetype end = text.indexOf(u"四、"_s, begin);
    QVERIFY(begin > 0 && end > begin);
    QString copy = text.mid(begin, end - begin);
    if (changed)
        copy = withCell(copy, kReceivedRow, kNaturalField, u"7"_s);
    QVERIFY(!copy.isEmpty());
    const Report plain = readText(text);
    const Report report = readText(text.left(end) + copy + text.mid(end));
    for (size_t c = 0; c < plain.cells.size(); ++c)
        QCOMPARE(report.cells[c].value, plain.cells[c].value);
    QCOMPARE(report.errors.size(), 1);
    const Error &error = report.errors.first();
    QCOMPARE(error.code, u"table.repeated"_s);
    const int secondHeading = int(text.left(end).count(u'\n')) + 1;
    QVERIFY2(error.where.line > secondHeading, qPrintable(error.message));
    QVERIFY2(error.message.contains(u"Line %1"_s.arg(error.where.line)), qPrintable(error.message));
    QCOMPARE(error.message.contains(u"differ"_s), changed);
}

void TestHostileInput::twoReportsInOneFileAreReadAsTheFirst_data()
{
    QTest::addColumn<QString>("first");
    QTest::addColumn<QString>("second");
    const QStringList seeds = seedNames();
    for (qsizetype s = 0; s < seeds.size(); ++s) {
        const QString &second = seeds[(s + 1) % seeds.size()];
        QTest::addRow("seed %s, then seed %s", qPrintable(seeds[s]), qPrintable(second))
            << seeds[s] << second;
    }
}

void TestHostileInput::twoReportsInOneFileAreReadAsTheFirst()
{
    QFETCH(QString, first);
    QFETCH(QString, second);
    const QString firstText = seedText(first);
    const Report alone = readText(firstText);
    const Report report = readText(firstText + u"\n\n"_s + seedText(second));
    QCOMPARE(report.agency, alone.agency);
    QCOMPARE(report.year, alone.year);
    for (size_t c = 0; c < alone.cells.size(); ++c) {
        QCOMPARE(report.cells[c].value, alone.cells[c].value);
        QCOMPARE(report.cells[c].state, alone.cells[c].state);
    }
    QCOMPARE(report.statements.size(), alone.statements.size());
    QCOMPARE(report.findings.size(), alone.findings.size());
    QCOMPARE(report.errors.size(), alone.errors.size() + 1);
    const Error &error = report.errors.last();
    QCOMPARE(error.code, u"document.second_report"_s);
    // The line named is the second report's title, as the document view numbers lines.
    const QStringList lines = report.text.split(u'\n');
    QVERIFY(error.where.line >= 1 && error.where.line <= lines.size());
    QVERIFY2(lines[error.where.line - 1].contains(u"年度报"_s), qPrintable(error.message));
    QVERIFY2(error.where.line > int(firstText.count(u'\n')), qPrintable(error.message));
}

void TestHostileInput::aTableOfContentsIsNotASecondReport()
{
    const QString text = seedText(kTabsSeed);
    const qsizetype overview = text.indexOf(u"一、总体情况"_s);
    QVERIFY(overview > 0);
    const QString contents
        = u"目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n"
          "四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n"
          "六、其他需要报告的事项\n\n"_s;
    const Report report = readText(text.left(overview) + contents + text.mid(overview));
    const Report plain = readText(text);
    QVERIFY(report.errors.isEmpty());
    for (size_t c = 0; c < plain.cells.size(); ++c)
        QCOMPARE(report.cells[c].value, plain.cells[c].value);
}

void TestHostileInput::tablesNestedDeepAreWrittenWithoutRecursion()
{
    // 50,000 layout tables, one in the cell of the next: the recursive writer overflowed the
    // stack at some 20,000. The test frees the tree from the inside, as a parser must.
    constexpr int kDepth = 50'000;
    std::vector<std::shared_ptr<TextTable>> tables;
    QList<TextBlock> inner {TextBlock {u"深处的段落"_s, nullptr}};
    for (int level = 0; level < kDepth; ++level) {
        auto table = std::make_shared<TextTable>();
        table->rows.append(QList<TextTableCell> {TextTableCell {inner, 1, 1}});
        tables.push_back(table);
        inner = {TextBlock {{}, table}};
    }
    const StructuredText written = layoutStructuredText(inner);
    QCOMPARE(written.text, u"深处的段落\n"_s);
    QVERIFY(written.warnings.isEmpty());
    inner.clear();
    for (auto table = tables.rbegin(); table != tables.rend(); ++table)
        (*table)->rows.clear();
}

void TestHostileInput::aWideSpanPadsNoRow()
{
    // One cell spanning 1,000 columns, then 5,000 one-cell rows: expanded, five million empty
    // fields (7 GB from a 16 MB page); written as the cells stand, with a warning.
    auto table = std::make_shared<TextTable>();
    table->rows.append({TextTableCell {{TextBlock {u"标题"_s, nullptr}}, 1000, 1}});
    for (int r = 0; r < 5000; ++r)
        table->rows.append({TextTableCell {{TextBlock {QString::number(r), nullptr}}, 1, 1}});
    QElapsedTimer timer;
    timer.start();
    const StructuredText written = layoutStructuredText({TextBlock {{}, table}});
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(written.text.size() < 40'000, qPrintable(QString::number(written.text.size())));
    QVERIFY(written.text.endsWith(u"\n4999\n"_s));
    QCOMPARE(written.warnings.size(), 1);
    QCOMPARE(written.warnings.front().code, u"structure.table_too_large"_s);
    QVERIFY2(written.warnings.front().message.contains(u"200000"_s),
             qPrintable(written.warnings.front().message));
}

void TestHostileInput::aFigureGridOver5000PagesLaysOutInLinearTime()
{
    // One table of four columns running across 5,000 pages: the layout compared every piece
    // with every line and recomputed the row pitch per line, and hung.
    constexpr int kPages = 5000 / test::kSanitizedShrink;
    constexpr int kRows = 12;
    std::vector<PdfPage> pages(kPages);
    for (int p = 0; p < kPages; ++p) {
        pages[size_t(p)].size = QSizeF(595, 842);
        for (int r = 0; r < kRows; ++r) {
            for (int c = 0; c < 4; ++c) {
                const QString figure = QString::number((p * kRows + r) * 4 + c);
                pages[size_t(p)].words.push_back(
                    PdfWord {figure, QRectF(60 + c * 100, 60 + r * 20, 30, 10), false});
            }
        }
    }
    QElapsedTimer timer;
    timer.start();
    const PdfText text = layoutPdfText(pages);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(text.text.endsWith(QString::number(kPages * kRows * 4 - 1) % u'\n'));
    if (test::kSanitizedShrink == 1) { // the shrunk grid stays under the table cap
        QCOMPARE(text.warnings.size(), 1);
        QCOMPARE(text.warnings.front().code, u"pdf.table_too_large"_s);
    }
}

void TestHostileInput::replacedBytesWithoutAnOffsetNameNoByte()
{
    // UTF-16LE with a byte order mark and a lone surrogate: the converter counts the
    // replacement but knows no offset, and the message said "(first at byte -1)".
    QByteArray bytes("\xFF\xFE", 2);
    for (char16_t unit : u"年度报告\xD800第二行") {
        if (unit == 0)
            break;
        bytes += char(unit & 0xFF);
        bytes += char(unit >> 8);
    }
    const Report report = ReportReader().readBytes(bytes, u"utf16.txt"_s);
    QVERIFY(report.loaded);
    const auto warning = std::find_if(report.errors.begin(), report.errors.end(),
                                      [](const Error &e) { return e.code == u"encoding.invalid"; });
    QVERIFY2(warning != report.errors.end(), qPrintable(report.text));
    QVERIFY2(!warning->message.contains(u"byte -1"_s), qPrintable(warning->message));
    QVERIFY2(warning->message.contains(u"UTF-16LE"_s), qPrintable(warning->message));
}

void TestHostileInput::linesPastTheCapAreNotReadAndSaidSo()
{
    // 2 million short lines (8 MB) took 16 s and 1.8 GB in layout and extraction.
    const QString seed = seedText(kTabsSeed);
    QVERIFY(!seed.isEmpty());
    const Report expected = readText(seed);
    const int seedLines = int(seed.count(u'\n'));
    QString text = seed + QString(kMaxReadLines - seedLines, u'\n') + u"规章 1 2 3\n"_s;
    QElapsedTimer timer;
    timer.start();
    const Report report = readText(text);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(QString::number(timer.elapsed())));
    const Error *capped = errorOf(report, u"text.too_many_lines"_s);
    QVERIFY(capped);
    QCOMPARE(capped->where.line, kMaxReadLines + 1);
    QVERIFY2(capped->message.contains(u"100,000"_s), qPrintable(capped->message));
    QCOMPARE(report.text, text); // the document view still shows all of it
    QVERIFY(sameCellsShifted(report, expected, 0));
}

void TestHostileInput::aReportOfExactlyTheCapIsReadWhole()
{
    const QString seed = seedText(kTabsSeed);
    const int seedLines = int(seed.count(u'\n'));
    // kMaxReadLines lines, the last one without a line break: nothing is left out.
    const QString text = seed + QString(kMaxReadLines - seedLines - 1, u'\n') + u"末行"_s;
    const Report report = readText(text);
    QVERIFY(!errorOf(report, u"text.too_many_lines"_s));
    QVERIFY(sameCellsShifted(report, readText(seed), 0));
}

void TestHostileInput::aLineLongerThanTheCapIsBlankedInPlace()
{
    // One 14 MB line of figures took 0.9 GB; its rest is blanked, not cut, so every figure
    // after it keeps its place in the text.
    const QString seed = seedText(kTabsSeed);
    // A surrogate pair straddles the cap: it goes whole, never half of it.
    QString longLine = QString(kMaxLineCharacters - 1, u'x') + u"\U0001F600"_s;
    for (int i = 0; i < 50'000; ++i)
        longLine += u" 1"_s;
    const QString text = u"前言\n"_s + longLine + u'\n' + seed;
    const Report report = readText(text);
    const Error *capped = errorOf(report, u"text.line_too_long"_s);
    QVERIFY(capped);
    QCOMPARE(capped->where.line, 2);
    QVERIFY(sameCellsShifted(report, readText(seed), int(text.size() - seed.size())));
}

void TestHostileInput::anExhaustedBudgetStopsLayoutAndExtraction()
{
    // A budget spent in loading may run out in layout: the read stops with read.too_slow
    // instead of running on, and no half-read table is kept.
    Report report;
    report.file = u"slow.txt"_s;
    report.text = seedText(kTabsSeed);
    const ReadBudget spent(std::chrono::milliseconds(0));
    const ReadBudget::Scope scope(spent);
    ReportReader().analyze(report);
    const Error *stopped = errorOf(report, u"read.too_slow"_s);
    QVERIFY(stopped);
    QCOMPARE(stopped->where.file, u"slow.txt"_s);
    QVERIFY(std::none_of(report.cells.begin(), report.cells.end(),
                         [](const CellValue &cell) { return cell.hasValue(); }));
    // The walks stop too: layout parses the first lines and no more.
    const QString lines = QString(10 * 4096, u'\n');
    QVERIFY(parseLines(lines).size() < 10 * 4096);
}

void TestHostileInput::aTableReadsAtMostItsCandidateCap()
{
    // Rows are matched over candidates × template rows: 6,000 figure lines under one heading
    // are read as far as the cap, and the reviewer is told where reading the table stopped.
    QString text = u"二、主动公开政府信息情况\n"_s;
    for (int i = 0; i < 6000; ++i)
        text += u"规章\t1\t2\n"_s;
    QElapsedTimer timer;
    timer.start();
    const Report report = readText(text);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(QString::number(timer.elapsed())));
    const Error *capped = errorOf(report, u"table.too_many_lines"_s);
    QVERIFY(capped);
    QCOMPARE(capped->where.line, 5002); // the heading, then 5,000 candidates
    QVERIFY2(capped->message.contains(u"table 二"_s), qPrintable(capped->message));
}

QTEST_GUILESS_MAIN(TestHostileInput)
void TestHostileInput::convertersMarkupInATextFileLoadsInLinearTime_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const int count = 400'000 / test::kSanitizedShrink;
    QTest::newRow("unclosed <table> tags, one </table> at the end")
        << QByteArray("<table>").repeated(count) + QByteArray("</table>");
    QTest::newRow("one <table>, then only </table> tags")
        << QByteArray("<table>x") + QByteArray("</table>").repeated(count);
    QTest::newRow("one label and then only lone pipes")
        << QByteArray("label\n") + QByteArray("|\n").repeated(count);
    QTest::newRow("inline tags only") << QByteArray("<span>1</span>").repeated(count);
}

void TestHostileInput::convertersMarkupInATextFileLoadsInLinearTime()
{
    // The text loader reads HTML tables and lone-pipe rows that converters write; searching
    // each <table>'s end from scratch was quadratic in the tags, and so was growing one row
    // by a copy per cell.
    QFETCH(QByteArray, bytes);
    QElapsedTimer timer;
    timer.start();
    const Result<LoadedDocument> loaded = TextLoader().load(bytes);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(loaded);
    const Report report = ReportReader().readBytes(bytes, u"converted.md"_s);
    QVERIFY(!report.errors.isEmpty()); // no tables in it, and it says so
}

#include "tst_hostileinput.moc"

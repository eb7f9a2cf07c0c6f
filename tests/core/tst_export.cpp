// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exporter.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <zip.h>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

/** Rows of a CSV file as Python's csv module reads them: a real CSV reader, not ours. */
QList<QStringList> readCsvWithPython(const QString &path)
{
    QProcess python;
    python.start(u"python3"_s,
                 {u"-c"_s,
                  u"import csv, json, sys\n"
                  "rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))\n"
                  "sys.stdout.write(json.dumps(rows))"_s,
                  path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0)
        return {};
    QList<QStringList> rows;
    for (const QJsonValue &row : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList fields;
        for (const QJsonValue &field : row.toArray())
            fields.append(field.toString());
        rows.append(fields);
    }
    return rows;
}

/** A stored review of `read` extracted cells (value 7) and the rest blank, with no findings. */
ExportedReview reviewReading(const QString &file, int read)
{
    ExportedReview exported;
    Report &report = exported.review.report;
    report.file = file;
    report.loaded = true;
    report.agency = u"测试局"_s;
    report.year = 2024;
    report.cells.resize(size_t(ReportTemplate::standard().cellCount()));
    for (int c = 0; c < read; ++c) {
        report.cells[size_t(c)].value = 7;
        report.cells[size_t(c)].state = CellState::Extracted;
    }
    return exported;
}

/** One member of a zip archive (.xlsx), read with libzip. */
QByteArray zipMember(const QString &archive, const char *member)
{
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(archive).constData(), ZIP_RDONLY, &error);
    if (!zip)
        return {};
    QByteArray bytes;
    zip_stat_t stat;
    if (zip_stat(zip, member, 0, &stat) == 0) {
        zip_file_t *file = zip_fopen(zip, member, 0);
        bytes.resize(qsizetype(stat.size));
        if (file && zip_fread(file, bytes.data(), stat.size) != zip_int64_t(stat.size))
            bytes.clear();
        if (file)
            zip_fclose(file);
    }
    zip_close(zip);
    return bytes;
}

/** Values of an XML attribute or element text over the whole document. */
QStringList xmlValues(const QByteArray &xml, QStringView element, const QString &attribute = {})
{
    QStringList values;
    QXmlStreamReader reader(xml);
    while (!reader.atEnd()) {
        if (reader.readNext() != QXmlStreamReader::StartElement || reader.name() != element)
            continue;
        values.append(attribute.isEmpty()
                          ? reader.readElementText(QXmlStreamReader::IncludeChildElements)
                          : reader.attributes().value(attribute).toString());
    }
    return values;
}

/** The SHA-256 of a file's bytes; empty if it cannot be read. */
QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return hash.result();
}

} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void longCsvHasOneRowPerCell();
    void wideCsvHasOneRowPerReport();
    void jsonFollowsTheCheckContract();
    void xlsxHasTheTablesAndTheData();
    void reviewedOnlyLeavesOthersOut();
    void aFailedExportLeavesNoFile();
    void exportOverStoredDataIsRefused_data();
    void exportOverStoredDataIsRefused();
    void anEarlierExportIsReplaced();
    void wideCsvSaysHowMuchWasRead();
    void readableCsvNamesCellsAsTheFormDoes();
    void theByteOrderMarkIsOnByDefaultAndCanBeLeftOut();
    void xlsxCarriesTheReportAndCellNotes();

private:
    QTemporaryDir m_dir;
    QString m_library;
    QString m_otherLibrary;
    int m_reports = 0;
    qint64 m_corrected = 0;
    int m_cell = -1;
};

void TestExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_library = m_dir.filePath(u"export.sqlite"_s);
    const ImportSummary summary
        = Importer(m_library).run(Importer::collectFiles({test::dataPath(u"seeds"_s)}));
    QVERIFY(summary.failures.isEmpty());
    m_reports = summary.imported;
    QCOMPARE(m_reports, int(test::seedNames().size()));
    // One reviewed report with a correction by a named reviewer.
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const DocumentSummary first = library->documents().value().first();
    const StoredReview review = library->load(first.id).value();
    m_cell = ReportTemplate::standard().cellIndex(CellKey(u"active.penalty.decisions"_s));
    Correction correction {m_cell,
                           review.report.cells[size_t(m_cell)],
                           {},
                           u"王五"_s,
                           QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC)};
    correction.current.value = 4;
    correction.current.state = CellState::Corrected;
    const qint64 version = library->saveCell(first.id, review.version, correction).value();
    QVERIFY(library->saveStatus(first.id, version, ReviewStatus::Reviewed, u"ok"_s));
    m_corrected = first.id;
    // Files an export must never replace: another library, and links to this one.
    m_otherLibrary = m_dir.filePath(u"other.sqlite"_s);
    QVERIFY(ReviewLibrary::open(m_otherLibrary));
    QVERIFY(QFile::link(m_library, m_dir.filePath(u"library-link.sqlite"_s)));
#ifdef Q_OS_UNIX
    QCOMPARE(::link(QFile::encodeName(m_library).constData(),
                    QFile::encodeName(m_dir.filePath(u"library-hardlink.sqlite"_s)).constData()),
             0);
#endif
}

void TestExport::longCsvHasOneRowPerCell()
{
    const QString path = m_dir.filePath(u"long.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    const Result<int> written
        = Exporter(reader.checker())
              .exportLibrary(*library, ExportFormat::LongCsv, path, {true, false});
    QVERIFY(written);
    QCOMPARE(written.value(), m_reports);
    QByteArray bytes;
    QVERIFY(test::readFileBytes(path, &bytes));
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // the BOM option, for Excel
    const QList<QStringList> rows = readCsvWithPython(path);
    QCOMPARE(rows.size(), 1 + m_reports * ReportTemplate::standard().cellCount());
    const QStringList header = rows.first();
    QCOMPARE(header.value(4), u"key"_s);
    int corrected = 0;
    for (const QStringList &row : rows.mid(1)) {
        QCOMPARE(row.size(), header.size());
        if (row[4] == u"active.penalty.decisions" && row[7] == u"corrected") {
            ++corrected;
            QCOMPARE(row[6], u"4"_s);
            QCOMPARE(row[10], u"王五"_s);
            QVERIFY(row[11].startsWith(u"2026-11-20T08:00"));
            QCOMPARE(row[5], ReportTemplate::standard().cellLabel(m_cell));
        }
    }
    QCOMPARE(corrected, 1);
}

void TestExport::wideCsvHasOneRowPerReport()
{
    const QString path = m_dir.filePath(u"wide.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).exportLibrary(*library, ExportFormat::WideCsv, path, {}));
    const QList<QStringList> rows = readCsvWithPython(path);
    QCOMPARE(rows.size(), 1 + m_reports);
    QCOMPARE(rows.first().size(), 8 + ReportTemplate::standard().cellCount());
    QCOMPARE(rows.first().mid(4, 4),
             (QStringList {u"errors"_s, u"warnings"_s, u"unread_cells"_s, u"reading"_s}));
    const qsizetype total = rows.first().indexOf(u"requests.received.total"_s);
    QVERIFY(total > 0);
    for (const QString &seed : test::seedNames()) {
        test::Expected expected;
        QVERIFY(test::loadExpected(seed, &expected));
        const auto row = std::find_if(rows.begin(), rows.end(),
                                      [&](const QStringList &r) { return r[0].contains(seed); });
        QVERIFY(row != rows.end());
        QCOMPARE((*row)[1], expected.agency);
        QCOMPARE((*row)[total].toDouble(), expected.cells.value(u"requests.received.total"_s));
    }
}

void TestExport::jsonFollowsTheCheckContract()
{
    const QString path = m_dir.filePath(u"export.json"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).exportLibrary(*library, ExportFormat::Json, path, {}));
    QByteArray bytes;
    QVERIFY(test::readFileBytes(path, &bytes));
    const QJsonArray reports = QJsonDocument::fromJson(bytes).object()[u"reports"_s].toArray();
    QCOMPARE(reports.size(), m_reports);
    for (const QJsonValue &value : reports) {
        const QJsonObject report = value.toObject();
        QCOMPARE(report[u"cells"_s].toArray().size(), ReportTemplate::standard().cellCount());
        QVERIFY(report.contains(u"findings"_s));
        QVERIFY(report.contains(u"status"_s));
        if (report[u"status"_s] == u"reviewed"_s)
            QCOMPARE(report[u"corrections"_s].toArray().size(), 1);
    }
}

void TestExport::xlsxHasTheTablesAndTheData()
{
    const QString path = m_dir.filePath(u"export.xlsx"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).exportLibrary(*library, ExportFormat::Xlsx, path, {}));
    const QStringList sheets = xmlValues(zipMember(path, "xl/workbook.xml"), u"sheet", u"name"_s);
    QCOMPARE(sheets,
             (QStringList {u"二、主动公开政府信息情况"_s, u"三、收到和处理政府信息公开申请情况"_s,
                           u"四、政府信息公开行政复议、行政诉讼情况"_s, u"数据"_s}));
    const QStringList strings = xmlValues(zipMember(path, "xl/sharedStrings.xml"), u"t");
    QVERIFY(strings.contains(u"法人或其他组织"_s)); // the grouped header of table 三
    QVERIFY(strings.contains(u"川汇区政府办公室"_s));
    QVERIFY(strings.contains(u"requests.received.natural"_s));
    // The data sheet holds one row per cell plus the header.
    const QStringList dataRows
        = xmlValues(zipMember(path, "xl/worksheets/sheet4.xml"), u"row", u"r"_s);
    QCOMPARE(dataRows.size(), 1 + m_reports * ReportTemplate::standard().cellCount());
}

void TestExport::reviewedOnlyLeavesOthersOut()
{
    const QString path = m_dir.filePath(u"reviewed.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    const Result<int> written
        = Exporter(reader.checker())
              .exportLibrary(*library, ExportFormat::WideCsv, path, {false, true});
    QVERIFY(written);
    QCOMPARE(written.value(), 1);
    QCOMPARE(readCsvWithPython(path).size(), 2);
}

void TestExport::aFailedExportLeavesNoFile()
{
    const QString path = m_dir.filePath(u"no/such/folder/out.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    for (ExportFormat format : {ExportFormat::LongCsv, ExportFormat::Xlsx}) {
        const Result<int> written
            = Exporter(reader.checker()).exportLibrary(*library, format, path, {});
        QVERIFY(!written);
        QCOMPARE(written.error().code, u"export.write"_s);
        QVERIFY(written.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }
}

void TestExport::exportOverStoredDataIsRefused_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("code");
    const QString library = u"export.target_is_library"_s;
    QTest::newRow("the library itself") << m_library << library;
    QTest::newRow("the library spelled another way")
        << m_dir.path() + u"/./export.sqlite"_s << library;
    QTest::newRow("a symbolic link to the library")
        << m_dir.filePath(u"library-link.sqlite"_s) << library;
#ifdef Q_OS_UNIX
    QTest::newRow("a hard link to the library")
        << m_dir.filePath(u"library-hardlink.sqlite"_s) << library;
#endif
    QTest::newRow("the library's write-ahead log while it is open")
        << m_library + u"-wal"_s << library;
    QTest::newRow("another review library") << m_otherLibrary << u"export.target_is_database"_s;
}

void TestExport::exportOverStoredDataIsRefused()
{
    QFETCH(QString, target);
    QFETCH(QString, code);
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(m_library);
    QVERIFY(library);
    QVERIFY(QFile::exists(target));
    const QByteArray libraryBefore = fileHash(m_library);
    const QByteArray targetBefore = fileHash(target);
    // As a user would type it: exit 2, naming the path.
    for (const QString &format : {u"csv"_s, u"xlsx"_s}) {
        CliRun run;
        QVERIFY(runCli(
            {u"export"_s, u"--format"_s, format, u"--out"_s, target, u"--library"_s, m_library},
            &run));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(target), run.err.constData());
    }
    // In core too, so that the window cannot do it either.
    const ReportReader reader;
    for (ExportFormat format : {ExportFormat::LongCsv, ExportFormat::Xlsx}) {
        const Result<int> written
            = Exporter(reader.checker()).exportLibrary(*library.value(), format, target, {});
        QVERIFY(!written);
        QCOMPARE(written.error().code, code);
        QVERIFY(written.error().message.contains(target));
    }
    QCOMPARE(fileHash(target), targetBefore);
    library.value().reset();
    QCOMPARE(fileHash(m_library), libraryBefore);
    Result<std::unique_ptr<ReviewLibrary>> reopened = ReviewLibrary::open(m_library);
    QVERIFY(reopened);
    const Result<StoredReview> review = reopened.value()->load(m_corrected);
    QVERIFY(review);
    QCOMPARE(review.value().corrections.size(), 1);
    QCOMPARE(*review.value().report.cells[size_t(m_cell)].value, 4.0);
}

void TestExport::anEarlierExportIsReplaced()
{
    const QString path = m_dir.filePath(u"again.csv"_s);
    for (int i = 0; i < 2; ++i) {
        CliRun run;
        QVERIFY(runCli({u"export"_s, u"--format"_s, u"csv-wide"_s, u"--out"_s, path, u"--library"_s,
                        m_library},
                       &run));
        QVERIFY2(run.exitCode == 0, run.err.constData());
    }
    QCOMPARE(readCsvWithPython(path).size(), 1 + m_reports);
}

void TestExport::wideCsvSaysHowMuchWasRead()
{
    const int cells = ReportTemplate::standard().cellCount();
    ExportedReview partial = reviewReading(u"partial.txt"_s, cells - 125);
    Finding warning;
    warning.severity = Severity::Warning;
    partial.findings = {warning, warning};
    const QList<ExportedReview> reviews
        = {reviewReading(u"clean.txt"_s, cells), partial, reviewReading(u"no-tables.txt"_s, 0)};
    const QString path = m_dir.filePath(u"reading.csv"_s);
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).write(reviews, ExportFormat::WideCsv, path, {}));
    const QList<QStringList> rows = readCsvWithPython(path);
    QCOMPARE(rows.size(), 4);
    const auto status = [&](int row) {
        return rows[row].mid(4, 4).join(u' ');
    };
    QCOMPARE(status(1), u"0 0 0 complete"_s);
    QCOMPARE(status(2), u"0 2 125 partial"_s);
    QCOMPARE(status(3), u"0 0 %1 no_tables"_s.arg(cells));
}

void TestExport::readableCsvNamesCellsAsTheFormDoes()
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    ExportedReview review = reviewReading(u"readable.txt"_s, reportTemplate.cellCount());
    const int cell = reportTemplate.cellIndex(CellKey(u"requests.received.commercial"_s));
    review.review.cellNotes.insert(cell, u"核对原件"_s);
    const QString path = m_dir.filePath(u"readable.csv"_s);
    ExportOptions options;
    options.labels = ExportLabels::Readable;
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).write({review}, ExportFormat::LongCsv, path, options));
    const QList<QStringList> rows = readCsvWithPython(path);
    QCOMPARE(rows.size(), 1 + reportTemplate.cellCount());
    // No translator is loaded here: the interface language is the source's English.
    QCOMPARE(rows[0].mid(0, 8),
             (QStringList {u"File"_s, u"Agency"_s, u"Year"_s, u"Review status"_s, u"Key"_s,
                           u"Table"_s, u"Row"_s, u"Column"_s}));
    const QStringList row = rows[1 + cell];
    QCOMPARE(row[3], u"unreviewed"_s);
    QCOMPARE(row[5], u"三、收到和处理政府信息公开申请情况"_s);
    QVERIFY2(row[6].contains(u"本年新收政府信息公开申请数量"_s), qPrintable(row[6]));
    QCOMPARE(row[7], u"法人或其他组织 · 商业企业"_s);
    QCOMPARE(row[8], u"7"_s);
    QCOMPARE(row[9], u"read"_s);
    QCOMPARE(row.last(), u"核对原件"_s);

    const QString wide = m_dir.filePath(u"readable-wide.csv"_s);
    QVERIFY(Exporter(reader.checker()).write({review}, ExportFormat::WideCsv, wide, options));
    const QStringList header = readCsvWithPython(wide).value(0);
    QCOMPARE(header.mid(4, 4),
             (QStringList {u"Errors"_s, u"Warnings"_s, u"Cells not read"_s, u"Reading"_s}));
    QVERIFY2(header[8 + cell].startsWith(u"三、"_s), qPrintable(header[8 + cell]));
    QVERIFY(header[8 + cell].endsWith(u"商业企业"_s));
}

void TestExport::theByteOrderMarkIsOnByDefaultAndCanBeLeftOut()
{
    const QList<ExportedReview> reviews = {reviewReading(u"bom.txt"_s, 3)};
    const ReportReader reader;
    const Exporter exporter(reader.checker());
    for (ExportFormat format : {ExportFormat::LongCsv, ExportFormat::WideCsv}) {
        const QString path = m_dir.filePath(u"bom.csv"_s);
        QVERIFY(exporter.write(reviews, format, path, {}));
        QByteArray bytes;
        QVERIFY(test::readFileBytes(path, &bytes));
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        ExportOptions plain;
        plain.byteOrderMark = false;
        QVERIFY(exporter.write(reviews, format, path, plain));
        QVERIFY(test::readFileBytes(path, &bytes));
        QVERIFY(bytes.startsWith("file,"));
    }
}

void TestExport::xlsxCarriesTheReportAndCellNotes()
{
    ExportedReview review = reviewReading(u"notes.txt"_s, 10);
    review.review.note = u"表三合计待核"_s;
    review.review.cellNotes.insert(0, u"原文字迹不清"_s);
    const QString path = m_dir.filePath(u"notes.xlsx"_s);
    const ReportReader reader;
    QVERIFY(Exporter(reader.checker()).write({review}, ExportFormat::Xlsx, path, {}));
    const QStringList strings = xmlValues(zipMember(path, "xl/sharedStrings.xml"), u"t");
    QVERIFY(strings.contains(u"Note: 表三合计待核"_s));
    const QString comments = QString::fromUtf8(zipMember(path, "xl/comments1.xml"));
    QVERIFY2(comments.contains(u"Note: 原文字迹不清"_s), qPrintable(comments.left(400)));

    // For people (the window), the data sheet speaks the interface language.
    ExportOptions readable;
    readable.labels = ExportLabels::Readable;
    QVERIFY(Exporter(reader.checker()).write({review}, ExportFormat::Xlsx, path, readable));
    const QStringList words = xmlValues(zipMember(path, "xl/sharedStrings.xml"), u"t");
    QVERIFY(words.contains(u"Review status"_s));
    QVERIFY(words.contains(u"Value as read"_s));
    QVERIFY(words.contains(u"read"_s)); // the state of an extracted cell, for people
    QVERIFY(!words.contains(u"extracted"_s));
    QVERIFY(!words.contains(u"extracted_value"_s));
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exporter.h"
#include "library/importer.h"
#include "library/reviewlibrary.h"
#include "reportreader.h"
#include "testutils.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <zip.h>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

/** Rows of a CSV file as Python's csv module reads them: a real CSV reader, not ours. */
QList<QStringList> readCsvWithPython(const QString &path)
{
    QProcess python;
    python.start(u"python3"_s,
                 {u"-c"_s, u"import csv, json, sys\n"
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
        values.append(attribute.isEmpty() ? reader.readElementText(QXmlStreamReader::IncludeChildElements)
                                          : reader.attributes().value(attribute).toString());
    }
    return values;
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

private:
    QTemporaryDir m_dir;
    QString m_library;
    int m_reports = 0;
    qint64 m_corrected = 0;
    int m_cell = -1;
};

void TestExport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    m_library = m_dir.filePath(u"export.sqlite"_s);
    const ImportSummary summary = Importer(m_library).run(Importer::collectFiles({test::dataPath(u"seeds"_s)}));
    QVERIFY(summary.failures.isEmpty());
    m_reports = summary.imported;
    QCOMPARE(m_reports, int(test::seedNames().size()));
    // One reviewed report with a correction by a named reviewer.
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const DocumentSummary first = library->documents().value().first();
    const StoredReview review = library->load(first.id).value();
    m_cell = ReportTemplate::standard().cellIndex(CellKey(u"active.penalty.decisions"_s));
    Correction correction{m_cell, review.report.cells[size_t(m_cell)], {}, u"王五"_s,
                          QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC)};
    correction.current.value = 4;
    correction.current.state = CellState::Corrected;
    const qint64 version = library->saveCell(first.id, review.version, correction).value();
    QVERIFY(library->saveStatus(first.id, version, ReviewStatus::Reviewed, u"ok"_s));
    m_corrected = first.id;
}

void TestExport::longCsvHasOneRowPerCell()
{
    const QString path = m_dir.filePath(u"long.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    const Result<int> written = Exporter(reader.checker()).exportLibrary(*library, ExportFormat::LongCsv, path, {true, false});
    QVERIFY(written);
    QCOMPARE(written.value(), m_reports);
    QByteArray bytes;
    QVERIFY(test::readFileBytes(path, &bytes));
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));  // the BOM option, for Excel
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
    QCOMPARE(rows.first().size(), 5 + ReportTemplate::standard().cellCount());
    const qsizetype total = rows.first().indexOf(u"requests.received.total"_s);
    QVERIFY(total > 0);
    for (const QString &seed : test::seedNames()) {
        test::Expected expected;
        QVERIFY(test::loadExpected(seed, &expected));
        const auto row = std::find_if(rows.begin(), rows.end(), [&](const QStringList &r) { return r[0].contains(seed); });
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
    QCOMPARE(sheets, (QStringList{u"二 active"_s, u"三 requests"_s, u"四 appeals"_s, u"data"_s}));
    const QStringList strings = xmlValues(zipMember(path, "xl/sharedStrings.xml"), u"t");
    QVERIFY(strings.contains(u"法人或其他组织"_s));       // the grouped header of table 三
    QVERIFY(strings.contains(u"川汇区政府办公室"_s));
    QVERIFY(strings.contains(u"requests.received.natural"_s));
    // The data sheet holds one row per cell plus the header.
    const QStringList dataRows = xmlValues(zipMember(path, "xl/worksheets/sheet4.xml"), u"row", u"r"_s);
    QCOMPARE(dataRows.size(), 1 + m_reports * ReportTemplate::standard().cellCount());
}

void TestExport::reviewedOnlyLeavesOthersOut()
{
    const QString path = m_dir.filePath(u"reviewed.csv"_s);
    std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(m_library).value();
    const ReportReader reader;
    const Result<int> written = Exporter(reader.checker()).exportLibrary(*library, ExportFormat::WideCsv, path, {false, true});
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
        const Result<int> written = Exporter(reader.checker()).exportLibrary(*library, format, path, {});
        QVERIFY(!written);
        QCOMPARE(written.error().code, u"export.write"_s);
        QVERIFY(written.error().message.contains(path));
        QVERIFY(!QFile::exists(path));
    }
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

constexpr qint64 kHugeBytes = 50 * 1024 * 1024;
constexpr qint64 k200MegaBytes = 200 * 1024 * 1024;

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

/** A file of `size` bytes of report text: the first seed over and over. */
bool writeHugeFile(const QString &path, qint64 size)
{
    QByteArray chunk;
    if (!readFileBytes(seedReportPath(seedNames().value(0)), &chunk) || chunk.isEmpty())
        return false;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    for (qint64 written = 0; written < size; written += chunk.size()) {
        if (file.write(chunk) != chunk.size())
            return false;
    }
    return true;
}

} // namespace

/**
 * Files that are not reports must come back as a Report with a clear entry in errors (a code,
 * and a message naming the file or the problem), never as a crash; the CLI lists them all.
 */
class TestBadInput : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportsTheProblem_data();
    void reportsTheProblem();
    void cliListsEveryFileInArgumentOrder();
    void aHugeLineOrAThousandColumnRowLeavesTheTablesRead_data();
    void aHugeLineOrAThousandColumnRowLeavesTheTablesRead();
    void aTableRowOfThousandsOfFiguresIsReadAndReported_data();
    void aTableRowOfThousandsOfFiguresIsReadAndReported();

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    QTemporaryDir m_dir;
};

void TestBadInput::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY(writeFile(path(u"empty.txt"_s), {}));
    // A program, not a picture: a PNG is read as an image now, whatever its name.
    QByteArray binary("\x7F"
                      "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
                      16);
    for (int i = 0; i < 8192; ++i)
        binary.append(char((i * 131 + 7) % 256));
    QVERIFY(writeFile(path(u"picture.txt"_s), binary));
    QVERIFY(writeFile(path(u"no-tables.txt"_s),
                      u"某县教育局 2023 年政府信息公开工作年度报告\n\n"
                      "本年度，我局认真贯彻落实《中华人民共和国政府信息公开条例》。\n"
                      "全年工作平稳有序，各项制度得到落实。\n"_s.toUtf8()));
    QVERIFY(writeHugeFile(path(u"huge.txt"_s), kHugeBytes));
    QVERIFY(QFileInfo(path(u"huge.txt"_s)).size() >= kHugeBytes);
    // 200 MB without writing them: a sparse file is refused by its size before any byte is read.
    QFile sparse(path(u"200mb.txt"_s));
    QVERIFY(sparse.open(QIODevice::WriteOnly) && sparse.resize(k200MegaBytes));
    QVERIFY(QDir(m_dir.path()).mkdir(u"folder.txt"_s));
}

void TestBadInput::reportsTheProblem_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("problem"); ///< what the message names when it does not name the file
    QTest::addColumn<bool>("loaded");
    QTest::addRow("an empty file is file.empty")
        << path(u"empty.txt"_s) << u"file.empty"_s << u"empty"_s << false;
    QTest::addRow("a binary file is file.binary")
        << path(u"picture.txt"_s) << u"file.binary"_s << u"binary"_s << false;
    QTest::addRow("a text without tables is tables.none")
        << path(u"no-tables.txt"_s) << u"tables.none"_s << u"tables"_s << true;
    QTest::addRow("a missing path is file.missing")
        << path(u"nowhere/absent.txt"_s) << u"file.missing"_s << u"No such file"_s << false;
    QTest::addRow("a 50 MB file is file.too_large")
        << path(u"huge.txt"_s) << u"file.too_large"_s << u"MB"_s << false;
    QTest::addRow("a 200 MB text is file.too_large and says its size")
        << path(u"200mb.txt"_s) << u"file.too_large"_s << u"200.0 MB"_s << false;
    QTest::addRow("a folder is file.not_a_file")
        << path(u"folder.txt"_s) << u"file.not_a_file"_s << u"Not a file"_s << false;
}

void TestBadInput::reportsTheProblem()
{
    QFETCH(QString, file);
    QFETCH(QString, code);
    QFETCH(QString, problem);
    QFETCH(bool, loaded);
    const Report report = ReportReader().readFile(file);
    QCOMPARE(report.file, file);
    QCOMPARE(report.loaded, loaded);
    QCOMPARE(int(report.cells.size()), ReportTemplate::standard().cellCount());
    QCOMPARE(report.countCells(CellState::Extracted), 0);
    QVERIFY(!report.errors.isEmpty());
    const Error &error = report.errors.first();
    QCOMPARE(error.code, code);
    QCOMPARE(error.where.file, file);
    QVERIFY2(error.message.contains(file) || error.message.contains(problem, Qt::CaseInsensitive),
             qPrintable(error.message));
}

void TestBadInput::cliListsEveryFileInArgumentOrder()
{
    const QStringList seeds = seedNames();
    QVERIFY(seeds.size() >= 2);
    const QStringList files
        = {seedReportPath(seeds[0]), path(u"empty.txt"_s),     path(u"nowhere/absent.txt"_s),
           path(u"picture.txt"_s),   path(u"no-tables.txt"_s), path(u"huge.txt"_s),
           seedReportPath(seeds[1])};
    const QStringList codes
        = {QString(),        u"file.empty"_s,     u"file.missing"_s, u"file.binary"_s,
           u"tables.none"_s, u"file.too_large"_s, QString()};
    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI_PATH), QStringList {u"check"_s, u"--json"_s} + files);
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QCOMPARE(cli.exitCode(), 2);
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(cli.readAllStandardOutput(), &parseError);
    QVERIFY2(!document.isNull(), qPrintable(parseError.errorString()));
    const QJsonArray reports = document.object()["reports"_L1].toArray();
    QCOMPARE(reports.size(), files.size());
    for (int i = 0; i < int(files.size()); ++i) {
        const QJsonObject report = reports[i].toObject();
        QCOMPARE(report["file"_L1].toString(), files[i]);
        QCOMPARE(report["cells"_L1].toArray().size(), ReportTemplate::standard().cellCount());
        const QJsonArray errors = report["errors"_L1].toArray();
        if (codes[i].isEmpty()) {
            QVERIFY(report["agency"_L1].isString());
            continue;
        }
        QVERIFY2(!errors.isEmpty(), qPrintable(files[i]));
        QCOMPARE(errors[0].toObject()["code"_L1].toString(), codes[i]);
        QVERIFY(!errors[0].toObject()["message"_L1].toString().isEmpty());
    }
}

void TestBadInput::aHugeLineOrAThousandColumnRowLeavesTheTablesRead_data()
{
    QTest::addColumn<QString>("hostile");
    QTest::addRow("a 1 MB line") << QString(1 << 20, u'字');
    QString columns = u"合计"_s;
    for (int i = 0; i < 5000; ++i)
        columns += u'\t' + QString::number(i);
    QTest::addRow("a row of 5000 columns") << columns;
}

void TestBadInput::aHugeLineOrAThousandColumnRowLeavesTheTablesRead()
{
    QFETCH(QString, hostile);
    QByteArray bytes;
    QVERIFY(readFileBytes(seedReportPath(seedNames().value(4)), &bytes));
    const Report plain = ReportReader().readBytes(bytes, u"plain.txt"_s);
    // After the tables, where a reviewer's report ends with an appendix.
    const Report report
        = ReportReader().readBytes(bytes + "\n" + hostile.toUtf8() + "\n", u"hostile.txt"_s);
    QVERIFY(report.loaded);
    QCOMPARE(report.countCells(CellState::Extracted), plain.countCells(CellState::Extracted));
    for (size_t c = 0; c < plain.cells.size(); ++c)
        QCOMPARE(report.cells[c].value, plain.cells[c].value);
}

void TestBadInput::aTableRowOfThousandsOfFiguresIsReadAndReported_data()
{
    QTest::addColumn<QString>("separator");
    QTest::addRow("tab-separated") << u"\t"_s;
    QTest::addRow("space-aligned") << u"  "_s;
}

void TestBadInput::aTableRowOfThousandsOfFiguresIsReadAndReported()
{
    QFETCH(QString, separator);
    QByteArray bytes;
    QVERIFY(readFileBytes(seedReportPath(seedNames().value(3)), &bytes));
    QString text = QString::fromUtf8(bytes);
    const QString row = u"一、本年新收政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\t"_s;
    QVERIFY(text.contains(row));
    QStringList figures(3000, u"1"_s);
    text.replace(row, u"一、本年新收政府信息公开申请数量"_s + separator + figures.join(separator));
    const Report report = ReportReader().readBytes(text.toUtf8(), u"wide.txt"_s);
    QVERIFY(report.loaded);
    const auto problem = std::find_if(report.errors.begin(), report.errors.end(),
                                      [](const Error &e) { return e.code == u"row.columns"; });
    QVERIFY(problem != report.errors.end());
    QVERIFY2(problem->message.contains(u"3000"_s), qPrintable(problem->message));
    QCOMPARE(problem->where.line, int(text.left(text.indexOf(u"一、本年新收"_s)).count(u'\n')) + 1);
}

QTEST_GUILESS_MAIN(TestBadInput)
#include "tst_badinput.moc"

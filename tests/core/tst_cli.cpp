// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchchecker.h"
#include "cellvalue.h"
#include "extract/tableline.h"
#include "reportjson.h"
#include "reportrenderer.h"
#include "reporttemplate.h"
#include "rules/rulebook.h"
#include "syntheticreports.h"
#include "testutils.h"
#include "text/normalizedtext.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>

#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

#include <QElapsedTimer>

#include <csignal>
#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/** The reports of tests/data/real that have expected answers (NAME.json), by name. */
QStringList realReports()
{
    const QDir dir(dataPath(u"real"_s));
    QStringList files;
    for (const QString &answers : dir.entryList({u"*.json"_s}, QDir::Files, QDir::Name)) {
        for (const QString &file : dir.entryList({answers.chopped(4) + u'*'}, QDir::Files)) {
            if (file != answers)
                files.append(dir.filePath(file));
        }
    }
    return files;
}

/**
 * The findings of the rules across years in `nianbao-cli check --json` output, one line each:
 * "r11-pingtan-xzspj-2024.html: active.stock_flow active.normative.in_force 21 ≠ 25".
 */
QStringList crossYearFindings(const QByteArray &json)
{
    QStringList found;
    for (const QJsonValue &report : QJsonDocument::fromJson(json)["reports"_L1].toArray()) {
        const QString file = QFileInfo(report["file"_L1].toString()).fileName();
        for (const QJsonValue &finding : report["findings"_L1].toArray()) {
            const QString rule = finding["rule"_L1].toString();
            if (rule != u"year.carry"_s && rule != u"active.stock_flow"_s)
                continue;
            found.append(file % u": "_s % rule % u' ' % finding["cells"_L1][0].toString() % u' '
                         % QString::number(finding["actual"_L1].toDouble()) % u" ≠ "_s
                         % QString::number(finding["expected"_L1].toDouble()));
        }
    }
    return found;
}

QStringList seedReports()
{
    QStringList files;
    for (const QString &seed : seedNames())
        files.append(seedReportPath(seed));
    return files;
}

} // namespace

/** The public contract of `nianbao-cli check` (spec/cli.md), run as users run it. */
class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void jsonListsEveryReport();
    void jsonCellsFollowTheContract_data();
    void jsonCellsFollowTheContract();
    void humanOutputMentionsEveryFile();
    void wrongArguments_data();
    void wrongArguments();
    void controlCharactersAreEscaped();
    void exportNeverCreatesALibrary();
    void importNamesEveryFileItSkipsOrFails();
    void ctrlCStopsTheCheckAndStillReports();
    void exportWritesTheByteOrderMarkUnlessToldNot_data();
    void exportWritesTheByteOrderMarkUnlessToldNot();
    void checkGoesOnPastEveryKindOfBadFile();
    void checkCarriesFromAFileListedLater_data();
    void checkCarriesFromAFileListedLater();
    void aSpoolThatCannotBeWrittenSaysSoAndLosesNothing();
    void checkComparesTheRealYearsOfAnAgency();
    void checkPairsNamesThatDifferLittle();

private:
    const ReportTemplate &m_template = ReportTemplate::standard();
    QStringList m_files;
    QJsonArray m_reports;
};

void TestCli::initTestCase()
{
    m_files = seedReports();
    QVERIFY(m_files.size() >= 5);
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s, u"--json"_s} + m_files, &run));
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
    QVERIFY2(!document.isNull(), qPrintable(error.errorString()));
    QVERIFY(document.object()["reports"_L1].isArray());
    m_reports = document.object()["reports"_L1].toArray();
}

void TestCli::jsonListsEveryReport()
{
    QCOMPARE(m_reports.size(), m_files.size());
    for (int i = 0; i < int(m_files.size()); ++i)
        QCOMPARE(m_reports[i].toObject()["file"_L1].toString(), m_files[i]);
}

void TestCli::jsonCellsFollowTheContract_data()
{
    QTest::addColumn<int>("index");
    const QStringList seeds = seedNames();
    for (int i = 0; i < int(seeds.size()); ++i)
        QTest::addRow("%s has 200 cells in template order with value, state and source",
                      qPrintable(seeds[i]))
            << i;
}

void TestCli::jsonCellsFollowTheContract()
{
    QFETCH(int, index);
    QVERIFY(index < m_reports.size());
    const QJsonObject report = m_reports[index].toObject();
    Expected expected;
    QVERIFY(loadExpected(seedNames()[index], &expected));
    QCOMPARE(report["agency"_L1].toString(), expected.agency);
    QCOMPARE(report["year"_L1].toInt(), expected.year);
    QVERIFY(report["statements"_L1].isArray());
    QVERIFY(report["findings"_L1].isArray());
    QVERIFY(report["errors"_L1].isArray());

    QByteArray bytes;
    QVERIFY(readFileBytes(m_files[index], &bytes));
    // Sources count Unicode code points of the decoded text.
    const QList<uint> codePoints = QString::fromUtf8(bytes).toUcs4();

    const QJsonArray cells = report["cells"_L1].toArray();
    QCOMPARE(int(cells.size()), m_template.cellCount());
    for (int c = 0; c < int(cells.size()); ++c) {
        const QJsonObject cell = cells[c].toObject();
        const QString key = cell["key"_L1].toString();
        QCOMPARE(key, m_template.cells()[c].key.toString());
        QVERIFY2(cell.contains("value"_L1) && cell.contains("state"_L1)
                     && cell.contains("source"_L1),
                 qPrintable(key));
        const std::optional<CellState> state = cellStateFromName(cell["state"_L1].toString());
        QVERIFY2(state.has_value(), qPrintable(key));
        const QJsonValue value = cell["value"_L1];
        QVERIFY2(value.isNull() || value.isDouble(), qPrintable(key));
        if (*state == CellState::Missing || *state == CellState::Unreadable)
            QVERIFY2(value.isNull(), qPrintable(key));
        if (*state == CellState::Extracted)
            QVERIFY2(value.isDouble(), qPrintable(key));
        const QJsonValue source = cell["source"_L1];
        if (source.isNull())
            continue;
        QVERIFY2(source.isArray() && source.toArray().size() == 2, qPrintable(key));
        const qsizetype start = source.toArray()[0].toInteger(-1);
        const qsizetype end = source.toArray()[1].toInteger(-1);
        QVERIFY2(start >= 0 && start <= end && end <= codePoints.size(), qPrintable(key));
        if (*state != CellState::Extracted)
            continue;
        const QList<uint> figure = codePoints.mid(start, end - start);
        const QString written
            = QString::fromUcs4(reinterpret_cast<const char32_t *>(figure.data()), figure.size());
        double parsed = 0;
        QVERIFY2(parseFigure(NormalizedText::normalizeString(written), &parsed),
                 qPrintable(key % u": "_s % written));
        QCOMPARE(parsed, value.toDouble());
    }
}

void TestCli::humanOutputMentionsEveryFile()
{
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s} + m_files, &run));
    QVERIFY2(run.exitCode == 0 || run.exitCode == 1, run.err.constData());
    const QString out = QString::fromUtf8(run.out);
    QVERIFY(!out.trimmed().startsWith(u'{'));
    for (const QString &file : std::as_const(m_files))
        QVERIFY2(out.contains(file), qPrintable(file));
}

void TestCli::wrongArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("check without FILE exits 2") << QStringList {u"check"_s};
    QTest::addRow("check --json without FILE exits 2") << QStringList {u"check"_s, u"--json"_s};
    QTest::addRow("no command exits 2") << QStringList();
    QTest::addRow("an unknown command exits 2") << QStringList {u"frobnicate"_s};
    QTest::addRow("an unknown option exits 2")
        << QStringList {u"check"_s, u"--no-such-option"_s, seedReports().value(0)};
}

void TestCli::wrongArguments()
{
    QFETCH(QStringList, arguments);
    CliRun run;
    QVERIFY(runCli(arguments, &run));
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!run.err.trimmed().isEmpty());
    QVERIFY(run.out.trimmed().isEmpty() || !run.out.trimmed().startsWith('{'));
}

void TestCli::controlCharactersAreEscaped()
{
    // A file name (or an agency name) that clears the screen and turns the text red.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString name = u"report\x1b[2J\x1b[31m\u202e.txt"_s;
    const QString path = dir.filePath(name);
    QByteArray report;
    QVERIFY(readFileBytes(seedReports().value(0), &report));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(report.replace("2023", "2023\x1b]0;owned\x07"));
    file.close();
    CliRun run;
    QVERIFY(runCli({u"check"_s, path}, &run));
    QVERIFY2(!run.out.contains('\x1b') && !run.out.contains('\x07'), run.out.constData());
    QVERIFY(!run.out.contains("\u202e"));
    QVERIFY2(run.out.contains("report\\x1b[2J\\x1b[31m\\u202e.txt"), run.out.constData());
    QVERIFY(runCli({u"import"_s, path, u"--library"_s, dir.filePath(u"l.sqlite"_s)}, &run));
    QVERIFY2(!run.err.contains('\x1b'), run.err.constData());
    QVERIFY(run.err.contains("\\x1b[2J"));
}

void TestCli::exportNeverCreatesALibrary()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString mistyped = dir.filePath(u"librray.sqlite"_s);
    CliRun run;
    QVERIFY(runCli({u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, dir.filePath(u"o.csv"_s),
                    u"--library"_s, mistyped},
                   &run));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mistyped.toUtf8()), run.err.constData());
    QVERIFY(!QFile::exists(mistyped));
    QVERIFY(!QFile::exists(dir.filePath(u"o.csv"_s)));
}

void TestCli::importNamesEveryFileItSkipsOrFails()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(u"in"_s);
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::copy(seedReports().value(0), folder + u"/good.txt"_s));
    QFile empty(folder + u"/empty.txt"_s);
    QVERIFY(empty.open(QIODevice::WriteOnly));
    empty.close();
    QFile image(folder + u"/scan.gif"_s);
    QVERIFY(image.open(QIODevice::WriteOnly));
    image.write("GIF89a");
    image.close();
    CliRun run;
    QVERIFY(runCli({u"import"_s, folder, u"--library"_s, dir.filePath(u"l.sqlite"_s)}, &run));
    QCOMPARE(run.exitCode, 2);
    const QString err = QString::fromUtf8(run.err);
    QVERIFY2(err.contains(u"[1/2] "_s + folder + u"/empty.txt"_s), qPrintable(err));
    QVERIFY2(err.contains(u"failed: "_s + folder + u"/empty.txt: "_s), qPrintable(err));
    QVERIFY2(err.contains(u"skipped: "_s + folder + u"/scan.gif"_s), qPrintable(err));
    QVERIFY2(err.contains(u"1 imported, 0 already in the library, 1 failed, 1 skipped"_s),
             qPrintable(err));
}

void TestCli::ctrlCStopsTheCheckAndStillReports()
{
    // Far more reading than the moment between the first file's start and the Ctrl+C.
    constexpr int kFiles = 300;
    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI_PATH),
              QStringList {u"check"_s, u"--json"_s, u"--progress"_s, u"--jobs"_s, u"1"_s}
                  + QStringList(kFiles, seedReports().value(0)));
    QVERIFY(cli.waitForStarted());
    QVERIFY(QTest::qWaitFor([&] { return cli.readAllStandardError().contains("[1/"); }, 10000));
    QElapsedTimer sinceInterrupt;
    sinceInterrupt.start();
    QCOMPARE(::kill(pid_t(cli.processId()), SIGINT), 0);
    QVERIFY(cli.waitForFinished(10000));
    qInfo("nianbao-cli check ended %lld ms after Ctrl+C", sinceInterrupt.elapsed());
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit); // it was not killed: it stopped and printed
    QCOMPARE(cli.exitCode(), 2);
    const QJsonArray reports
        = QJsonDocument::fromJson(cli.readAllStandardOutput())[u"reports"_s].toArray();
    QCOMPARE(reports.size(), kFiles); // every file is accounted for, read or cancelled
    QVERIFY2(QJsonDocument(reports.last().toObject()).toJson().contains("read.cancelled"),
             QJsonDocument(reports.last().toObject()).toJson().constData());
}

void TestCli::exportWritesTheByteOrderMarkUnlessToldNot_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<bool>("byteOrderMark");
    QTest::newRow("by default, for Excel") << QStringList() << 0 << true;
    QTest::newRow("--bom, as before") << QStringList {u"--bom"_s} << 0 << true;
    QTest::newRow("--no-bom") << QStringList {u"--no-bom"_s} << 0 << false;
    QTest::newRow("both is refused") << QStringList {u"--bom"_s, u"--no-bom"_s} << 2 << false;
}

void TestCli::exportWritesTheByteOrderMarkUnlessToldNot()
{
    QFETCH(QStringList, options);
    QFETCH(int, exitCode);
    QFETCH(bool, byteOrderMark);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString library = dir.filePath(u"l.sqlite"_s);
    CliRun run;
    QVERIFY(runCli({u"import"_s, seedReports().value(0), u"--library"_s, library}, &run));
    QCOMPARE(run.exitCode, 0);
    const QString out = dir.filePath(u"o.csv"_s);
    QVERIFY(runCli(
        QStringList {u"export"_s, u"--format"_s, u"csv"_s, u"--out"_s, out, u"--library"_s, library}
            + options,
        &run));
    QCOMPARE(run.exitCode, exitCode);
    if (exitCode != 0) {
        QVERIFY2(run.err.contains("--no-bom"), run.err.constData());
        QVERIFY(!QFile::exists(out));
        return;
    }
    QByteArray csv;
    QVERIFY(readFileBytes(out, &csv));
    QCOMPARE(csv.startsWith("\xEF\xBB\xBF"), byteOrderMark);
    QVERIFY(csv.size() > 100);

    QVERIFY(runCli({u"export"_s, u"--help"_s}, &run));
    QVERIFY2(run.out.contains("--no-bom"), run.out.constData());
}

void TestCli::checkGoesOnPastEveryKindOfBadFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto write = [&dir](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
    };
    QVERIFY(write(u"old.doc"_s, QByteArray::fromHex("d0cf11e0a1b11ae1") + "xx"));
    QVERIFY(write(u"binary.txt"_s, QByteArray(64, '\x02')));
    QVERIFY(write(u"huge.txt"_s, {}));
    QVERIFY(QFile::resize(dir.filePath(u"huge.txt"_s), 17 * 1024 * 1024)); // sparse
    QCOMPARE(mkfifo(QFile::encodeName(dir.filePath(u"pipe"_s)).constData(), 0600), 0);
    const QStringList bad {dir.filePath(u"old.doc"_s),     dir.filePath(u"binary.txt"_s),
                           dir.filePath(u"huge.txt"_s),    dir.filePath(u"pipe"_s),
                           dir.filePath(u"missing.txt"_s), dir.path()};
    const QStringList files = QStringList {seedReports().value(0)} + bad + seedReports().mid(1, 1);
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s, u"--progress"_s} + files, &run));
    QCOMPARE(run.exitCode, 2);
    const QString out = QString::fromUtf8(run.out);
    const QString err = QString::fromUtf8(run.err);
    for (const QString &file : files) {
        QVERIFY2(out.contains(file + u'\n'), qPrintable(file));
        QVERIFY2(err.contains(u"] "_s + file + u'\n'), qPrintable(file));
    }
    QCOMPARE(out.count(u"  problem ["_s), int(bad.size()));
    QVERIFY2(err.contains(u"8 files checked, 6 could not be read"_s), qPrintable(err));
}

void TestCli::checkCarriesFromAFileListedLater_data()
{
    // Past its memory limit the CLI holds the output in a temporary file; a JSON report packed
    // takes some 3 KB there, a text one some 300 bytes.
    QTest::addColumn<QString>("spoolMemory");
    QTest::newRow("all output held in memory") << QString();
    QTest::newRow("the first output in memory, the rest in the temporary file") << u"5000"_s;
    QTest::newRow("all output held in the temporary file") << u"0"_s;
}

void TestCli::checkCarriesFromAFileListedLater()
{
    // The CLI keeps no report while it checks, yet year.carry still compares a 2023 report with
    // the 2022 one listed after it, many files later; the output is what QJsonDocument wrote of
    // the kept reports, in the order given, wherever the CLI held it meanwhile.
    QFETCH(QString, spoolMemory);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    if (!spoolMemory.isEmpty())
        environment.insert(u"NIANBAO_CHECK_SPOOL_MEMORY"_s, spoolMemory);
    const RuleBook rules(m_template);
    SyntheticReports synthetic(rules, 8);
    const ReportRenderer renderer(m_template);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QStringList files = seedReports().mid(0, 2);
    for (int copy = 0; copy < 4; ++copy) // more reports than 5000 bytes hold, between the two
        files.append(seedReports());
    for (const int year : {2022, 2023}) { // 2023 is listed first
        const QString path = dir.filePath(QString::number(year) + u".txt"_s);
        const QString text
            = renderer.render(u"丙县人民政府"_s, year, synthetic.consistent(), RenderLayout::Tabs);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) > 0);
        files.insert(year == 2023 ? 1 : files.size() - 1, path);
    }
    const std::vector<Report> reports = BatchChecker().check(files, 1);
    QByteArray expected = "{\"reports\": [\n";
    for (size_t i = 0; i < reports.size(); ++i) {
        expected += QJsonDocument(reportToJson(reports[i])).toJson(QJsonDocument::Compact);
        expected += i + 1 < reports.size() ? ",\n" : "\n";
    }
    expected += "]}\n";
    const Report &carried = reports[1];
    QVERIFY(carried.file.endsWith(u"2023.txt"_s));
    QVERIFY(std::any_of(carried.findings.begin(), carried.findings.end(),
                        [](const Finding &finding) { return finding.rule == u"year.carry"_s; }));

    const int exitCode = std::any_of(reports.begin(), reports.end(),
                                     [](const Report &report) { return report.hasErrorFindings(); })
        ? 1
        : 0;
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s, u"--json"_s, u"--jobs"_s, u"2"_s} + files, &run,
                   environment));
    QCOMPARE(run.exitCode, exitCode);
    QCOMPARE(run.out, expected);

    QVERIFY(runCli(QStringList {u"check"_s} + files, &run, environment));
    QCOMPARE(run.exitCode, exitCode);
    const QString out = QString::fromUtf8(run.out);
    qsizetype from = 0;
    for (const QString &file : files) { // in the order given
        from = out.indexOf(file + u'\n', from);
        QVERIFY2(from >= 0, qPrintable(file));
        ++from;
    }
    const qsizetype start = out.indexOf(carried.file + u'\n');
    const qsizetype end = out.indexOf(files[2] + u'\n');
    QVERIFY(start >= 0 && end > start);
    const QString section = out.mid(start, end - start);
    QCOMPARE(section.count(u" year.carry: "_s),
             std::count_if(carried.findings.begin(), carried.findings.end(),
                           [](const Finding &finding) { return finding.rule == u"year.carry"_s; }));
    QVERIFY(!section.contains(u"no findings"_s));
}

void TestCli::aSpoolThatCannotBeWrittenSaysSoAndLosesNothing()
{
    // Past 64 MB the output waits in a temporary file; where none can be made (TMPDIR not
    // writable) it stays in memory, and the user hears why memory grows, once. The limit is
    // lowered so that a few reports pass it. As root, where permissions do not bind, the CLI
    // runs as nobody.
    constexpr int kFiles = 300;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto readable = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
        | QFileDevice::ReadOther | QFileDevice::ExeOther;
    QVERIFY(QFile::setPermissions(dir.path(), readable));
    QByteArray seed;
    QVERIFY(readFileBytes(seedReports().value(0), &seed));
    QStringList files;
    for (int i = 0; i < kFiles; ++i) {
        const QString path = dir.filePath(QString::number(i) + u".txt"_s);
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(seed) == seed.size());
        file.setPermissions(QFileDevice::ReadOwner | QFileDevice::ReadOther);
        files.append(path);
    }
    const QString noWrite = dir.filePath(u"no-write"_s);
    QVERIFY(QDir().mkpath(noWrite));
    QVERIFY(QFile::setPermissions(noWrite,
                                  QFileDevice::ReadOwner | QFileDevice::ExeOwner
                                      | QFileDevice::ReadOther | QFileDevice::ExeOther));
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"TMPDIR"_s, noWrite);
    environment.insert(u"NIANBAO_CHECK_SPOOL_MEMORY"_s, u"100000"_s);
    QProcess cli;
    cli.setProcessEnvironment(environment);
    const QStringList arguments = QStringList {u"check"_s, u"--json"_s} + files;
    if (geteuid() == 0)
        cli.start(u"setpriv"_s,
                  QStringList {u"--reuid=65534"_s, u"--regid=65534"_s, u"--clear-groups"_s,
                               QStringLiteral(NIANBAO_CLI_PATH)}
                      + arguments);
    else
        cli.start(QStringLiteral(NIANBAO_CLI_PATH), arguments);
    QVERIFY(cli.waitForStarted());
    QByteArray out;
    while (cli.state() != QProcess::NotRunning) { // read as it comes, not at the end
        cli.waitForReadyRead(1000);
        out += cli.readAllStandardOutput();
    }
    out += cli.readAllStandardOutput();
    const QByteArray err = cli.readAllStandardError();
    if (geteuid() == 0 && out.isEmpty() && err.contains("Permission denied"))
        QSKIP("the user nobody cannot reach the build folder to run nianbao-cli");
    QVERIFY2(err.contains("cannot be written"), err.right(500).constData());
    QCOMPARE(err.count("cannot be written"), 1);
    const QJsonDocument output = QJsonDocument::fromJson(out);
    QCOMPARE(output[u"reports"_s].toArray().size(), kFiles);
}

void TestCli::checkComparesTheRealYearsOfAnAgency()
{
    // The real reports of tests/data/real in one batch: year.carry holds wherever an agency's
    // years follow on, and active.stock_flow breaks where the published tables do not follow
    // (checked by hand; tst_crossyear has the truth of every pair). Where a 规范性文件 row is
    // read as ambiguous run-together digits (平潭综合实验区 2023, 旅游与文化体育局 2022) the rule
    // cannot judge. Only the later report of a pair gets its findings.
    const QStringList files = realReports();
    QCOMPARE(files.size(), 51);
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s, u"--json"_s} + files, &run));
    QVERIFY2(run.exitCode == 1, run.err.constData()); // some real reports break error rules
    const QStringList expected {
        u"p38-pingtan-gaj-2022.txt: active.stock_flow active.normative.in_force 7 ≠ 5"_s,
        u"p41-pingtan-jjpq-2024.txt: active.stock_flow active.normative.in_force 1 ≠ 7"_s,
        u"p51-pingtan-shsyj-2024.html: active.stock_flow active.normative.in_force 0 ≠ 5"_s,
        u"p54-pingtan-shsyj-2025.html: active.stock_flow active.normative.in_force 0 ≠ 7"_s,
        u"q81-pingtan-gzj-2022.txt: active.stock_flow active.regulation.in_force 0 ≠ 1"_s,
        u"q81-pingtan-gzj-2022.txt: active.stock_flow active.normative.in_force 23 ≠ 3"_s,
        u"r11-pingtan-xzspj-2024.html: active.stock_flow active.normative.in_force 21 ≠ 25"_s,
    };
    QCOMPARE(crossYearFindings(run.out), expected);

    QVERIFY(runCli(QStringList {u"check"_s} + files, &run));
    const QString out = QString::fromUtf8(run.out);
    QCOMPARE(out.count(u" active.stock_flow: "_s), expected.size());
    QVERIFY(out.contains(u"warning active.stock_flow: 行政规范性文件: 现行有效件数 is 21 in 2024, "
                         u"but 16 in 2023 + 本年制发件数 15 − 本年废止件数 6 = 25"_s));
}

void TestCli::checkPairsNamesThatDifferLittle()
{
    // 丙县人民政府办公室 in 2022 is 丙县 政府办 in 2023, but not 丙县人民政府, another agency;
    // 淮安市戊区人民政府 is 戊区政府, but 己区政府 is not 南京市己区政府 when 福州市己区政府 is
    // in the batch too. Each 2023 report has 20 行政规范性文件 in force, where 2022's 12 + 3 − 1
    // make 14.
    const RuleBook rules(m_template);
    SyntheticReports synthetic(rules, 16);
    const ReportRenderer renderer(m_template);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const struct
    {
        const char *name;
        QString agency;
        int year;
    } reports[] = {{"office-2022.txt", u"丙县人民政府办公室"_s, 2022},
                   {"office-2023.txt", u"丙县 政府办"_s, 2023},
                   {"government-2023.txt", u"丙县人民政府"_s, 2023},
                   {"huaian-district-2022.txt", u"淮安市戊区人民政府"_s, 2022},
                   {"district-2023.txt", u"戊区政府"_s, 2023},
                   {"nanjing-district-2022.txt", u"南京市己区政府"_s, 2022},
                   {"fuzhou-district-2022.txt", u"福州市己区政府"_s, 2022},
                   {"unclear-district-2023.txt", u"己区政府"_s, 2023}};
    QStringList files;
    for (const auto &report : reports) {
        std::vector<std::optional<double>> cells = synthetic.consistent();
        cells[size_t(cellOf("active.normative.issued"))] = report.year == 2022 ? 2 : 3;
        cells[size_t(cellOf("active.normative.repealed"))] = report.year == 2022 ? 0 : 1;
        cells[size_t(cellOf("active.normative.in_force"))] = report.year == 2022 ? 12 : 20;
        for (const char *key : {"active.regulation.issued", "active.regulation.repealed",
                                "active.regulation.in_force"})
            cells[size_t(cellOf(key))] = 0;
        const QString path = dir.filePath(QString::fromLatin1(report.name));
        QFile file(path);
        QVERIFY(
            file.open(QIODevice::WriteOnly)
            && file.write(
                   renderer.render(report.agency, report.year, cells, RenderLayout::Tabs).toUtf8())
                > 0);
        files.append(path);
    }
    CliRun run;
    QVERIFY(runCli(QStringList {u"check"_s, u"--json"_s} + files, &run));
    const QJsonArray out = QJsonDocument::fromJson(run.out)["reports"_L1].toArray();
    QCOMPARE(out.size(), qsizetype(std::size(reports)));
    for (int i = 0; i < int(out.size()); ++i) // as written: the pairing overlooks the space
        QCOMPARE(out[i]["agency"_L1].toString().remove(u' '),
                 QString(reports[i].agency).remove(u' '));
    const QStringList stockFlow = crossYearFindings(run.out).filter(u"active.stock_flow"_s);
    QCOMPARE(stockFlow,
             (QStringList {
                 u"office-2023.txt: active.stock_flow active.normative.in_force 20 ≠ 14"_s,
                 u"district-2023.txt: active.stock_flow active.normative.in_force 20 ≠ 14"_s}));
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

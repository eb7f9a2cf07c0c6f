// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fuzzinput.h"
#include "testutils.h"

#include <QDir>
#include <QFileInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/** The folders of fuzz inputs: one subfolder per fuzz target, named like it (fuzz_html). */
const QStringList kInputFolders = {u"fuzz-seeds"_s, u"fuzz-crashes"_s};

QStringList targetFolders(const QString &folder)
{
    return QDir(dataPath(folder)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

/**
 * Every seed of the fuzz targets and every input a fuzzer ever failed on (scripts/fuzz.sh keeps
 * them under tests/data/fuzz-crashes/<target>/), read again in the ordinary build: no crash, no
 * sanitizer report under ci-asan, every template cell there, and a file that cannot be read
 * says so with an error the reviewer can act on.
 */
class TestFuzzCrashes : public QObject
{
    Q_OBJECT

private slots:
    void everyFolderNamesAFuzzTarget_data();
    void everyFolderNamesAFuzzTarget();
    void readsEveryInput_data();
    void readsEveryInput();
};

void TestFuzzCrashes::everyFolderNamesAFuzzTarget_data()
{
    QTest::addColumn<QString>("target");
    for (const QString &folder : kInputFolders) {
        for (const QString &target : targetFolders(folder))
            QTest::newRow(qPrintable(folder % u'/' % target)) << target;
    }
}

void TestFuzzCrashes::everyFolderNamesAFuzzTarget()
{
    QFETCH(QString, target);
    QVERIFY2(fuzz::targetNamed(target),
             qPrintable(target % u" is not a fuzz target of tests/fuzz/fuzzinput.h"_s));
}

void TestFuzzCrashes::readsEveryInput_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("path");
    int seeds = 0;
    for (const QString &folder : kInputFolders) {
        for (const QString &target : targetFolders(folder)) {
            const QDir dir(dataPath(folder % u'/' % target));
            for (const QString &file : dir.entryList(QDir::Files, QDir::Name)) {
                QTest::newRow(qPrintable(folder % u'/' % target % u'/' % file))
                    << target << dir.filePath(file);
                seeds += folder == kInputFolders.front() ? 1 : 0;
            }
        }
    }
    QVERIFY2(seeds > 0, "no seeds under tests/data/fuzz-seeds");
}

void TestFuzzCrashes::readsEveryInput()
{
    QFETCH(QString, target);
    QFETCH(QString, path);
    const std::optional<fuzz::Target> fuzzTarget = fuzz::targetNamed(target);
    if (!fuzzTarget)
        QSKIP("not a fuzz target's folder (see everyFolderNamesAFuzzTarget)");
    QByteArray bytes;
    QVERIFY(readFileBytes(path, &bytes));

    const fuzz::Outcome outcome = fuzz::readInput(*fuzzTarget, bytes);
    QVERIFY2(outcome.problems.isEmpty(), qPrintable(outcome.problems.join(u'\n')));
    const Report &report = outcome.report;
    QCOMPARE(qsizetype(report.cells.size()), qsizetype(ReportTemplate::standard().cellCount()));
    if (!report.loaded) {
        QVERIFY(!report.errors.isEmpty());
        const Error &error = report.errors.front();
        QVERIFY2(!error.code.isEmpty() && error.message.size() > 20,
                 qPrintable(error.code % u": "_s % error.message));
    }
    // The seeds made from the golden cases must stay reports, or they seed nothing useful.
    if (QFileInfo(path).fileName().startsWith(u"report-") && path.contains(u"/fuzz-seeds/")) {
        QVERIFY2(report.loaded, qPrintable(report.errors.value(0).message));
        QVERIFY2(report.countCells(CellState::Extracted) >= 100,
                 qPrintable(u"%1 cells extracted"_s.arg(report.countCells(CellState::Extracted))));
    }
}

QTEST_GUILESS_MAIN(TestFuzzCrashes)
#include "tst_fuzzcrashes.moc"

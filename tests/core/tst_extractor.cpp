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

QString spanText(const SourceSpan &span)
{
    return u"[%1, %2)"_s.arg(span.start).arg(span.end);
}

} // namespace

/**
 * The golden cases: every real report under tests/data/seeds must give the answers of its
 * expected.json, and every figure must point at the characters it was read from.
 */
class TestExtractor : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void readsEveryCell_data();
    void readsEveryCell();
    void readsTitle_data();
    void readsTitle();
    void spansCoverTheirFigures_data();
    void spansCoverTheirFigures();
    void analyzeMatchesReadFile_data();
    void analyzeMatchesReadFile();

private:
    void addSeedRows(const char *sentence);

    const ReportTemplate &m_template = ReportTemplate::standard();
    ReportReader m_reader;
};

void TestExtractor::initTestCase()
{
    QVERIFY2(seedNames().size() >= 5, qPrintable(dataPath(u"seeds"_s)));
}

void TestExtractor::addSeedRows(const char *sentence)
{
    QTest::addColumn<QString>("seed");
    for (const QString &seed : seedNames())
        QTest::addRow("%s %s", qPrintable(seed), sentence) << seed;
}

void TestExtractor::readsEveryCell_data()
{
    addSeedRows("gives all 200 cells of expected.json");
}

void TestExtractor::readsEveryCell()
{
    QFETCH(QString, seed);
    Expected expected;
    QVERIFY(loadExpected(seed, &expected));
    QCOMPARE(int(expected.cells.size()), m_template.cellCount());
    const Report report = m_reader.readFile(seedReportPath(seed));
    QVERIFY(report.loaded);
    const QStringList differences
        = cellDifferences(report, expectedValues(expected, m_template),
                          cellIndices(expected.missingInSource, m_template), m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestExtractor::readsTitle_data()
{
    addSeedRows("names its agency and year");
}

void TestExtractor::readsTitle()
{
    QFETCH(QString, seed);
    Expected expected;
    QVERIFY(loadExpected(seed, &expected));
    const Report report = m_reader.readFile(seedReportPath(seed));
    QCOMPARE(report.agency, expected.agency);
    QCOMPARE(report.year, expected.year);
}

void TestExtractor::spansCoverTheirFigures_data()
{
    addSeedRows("points every extracted cell at its figure");
}

void TestExtractor::spansCoverTheirFigures()
{
    QFETCH(QString, seed);
    const Report report = m_reader.readFile(seedReportPath(seed));
    QVERIFY(report.loaded);
    QStringList wrong;
    int checked = 0;
    for (int c = 0; c < m_template.cellCount(); ++c) {
        const CellValue &cell = report.cells[size_t(c)];
        if (cell.state != CellState::Extracted)
            continue;
        const QString key = m_template.cells()[c].key.toString();
        if (!cell.span.isValid() || cell.span.end > report.text.size() || cell.span.length() == 0) {
            wrong.append(u"%1: span %2 outside the text"_s.arg(key, spanText(cell.span)));
            continue;
        }
        const QString written = report.text.sliced(cell.span.start, cell.span.length());
        double value = 0;
        const bool parsed = parseFigure(NormalizedText::normalizeString(written), &value);
        if (!parsed || !cell.value || value != *cell.value) {
            wrong.append(u"%1: span %2 holds \"%3\", the cell says %4"_s.arg(
                key, spanText(cell.span), written, numberText(cell.value)));
        }
        ++checked;
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u'\n')));
    QVERIFY(checked > 0);
}

void TestExtractor::analyzeMatchesReadFile_data()
{
    addSeedRows("reads the same from decoded text as from the file");
}

void TestExtractor::analyzeMatchesReadFile()
{
    QFETCH(QString, seed);
    const Report fromFile = m_reader.readFile(seedReportPath(seed));
    Report fromText;
    fromText.file = fromFile.file;
    fromText.text = fromFile.text;
    m_reader.analyze(fromText);
    QCOMPARE(fromText.agency, fromFile.agency);
    QCOMPARE(fromText.year, fromFile.year);
    QCOMPARE(fromText.cells.size(), fromFile.cells.size());
    for (size_t c = 0; c < fromFile.cells.size(); ++c)
        QCOMPARE(fromText.cells[c], fromFile.cells[c]);
}

QTEST_GUILESS_MAIN(TestExtractor)
#include "tst_extractor.moc"

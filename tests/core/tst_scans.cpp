// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishedfixtures.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "rules/rulebook.h"
#include "scannedpages.h"
#include "syntheticreports.h"
#include "testutils.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QImageReader>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

/** The share of the 200 cells a 300 dpi scan must read right (issue 15). */
constexpr double kMinCellRateAt300Dpi = 0.99;
/**
 * The share a 150 dpi scan must read right: fax and phone-app resolution, where a 9 pt figure is
 * some 13 pixels tall. Raise it to what OCR measures; never lower it. Every wrong cell must be
 * flagged whatever the rate.
 */
constexpr double kMinCellRateAt150Dpi = 0.92;

enum class ScanFormat { Png, Jpeg, Tiff, Pdf };

QString extension(ScanFormat format)
{
    switch (format) {
    case ScanFormat::Png:
        return u"png"_s;
    case ScanFormat::Jpeg:
        return u"jpg"_s;
    case ScanFormat::Tiff:
        return u"tiff"_s;
    case ScanFormat::Pdf:
        return u"pdf"_s;
    }
    return {};
}

/** What a scanner's file holds: one image (PNG, JPEG), or all the pages (TIFF, PDF). */
QByteArray scanFile(ScanFormat format, const QList<QImage> &pages)
{
    switch (format) {
    case ScanFormat::Png:
        return pages.size() == 1 ? writeImageFile(pages.front(), "png", 0) : QByteArray();
    case ScanFormat::Jpeg:
        return pages.size() == 1 ? writeImageFile(pages.front(), "jpeg", 85) : QByteArray();
    case ScanFormat::Tiff:
        return writeMultiPageTiff(pages);
    case ScanFormat::Pdf:
        return writeImageOnlyPdf(pages);
    }
    return {};
}

int dotsPerMetre(int dpi)
{
    return qRound(dpi / 0.0254);
}

/** Pixels of the page that are clearly red: the seal (r well above g and b). */
qint64 redPixels(const QImage &page)
{
    const QImage rgb = page.convertToFormat(QImage::Format_RGB32);
    qint64 red = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto *line = reinterpret_cast<const QRgb *>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x)
            red += qRed(line[x]) - qGreen(line[x]) > 60 && qRed(line[x]) - qBlue(line[x]) > 60;
    }
    return red;
}

/** The median grey level of the page: the paper. */
int medianGrey(const QImage &page)
{
    const QImage grey = page.convertToFormat(QImage::Format_Grayscale8);
    std::vector<qint64> histogram(256, 0);
    for (int y = 0; y < grey.height(); ++y) {
        const uchar *line = grey.constScanLine(y);
        for (int x = 0; x < grey.width(); ++x)
            ++histogram[line[x]];
    }
    const qint64 half = qint64(grey.width()) * grey.height() / 2;
    qint64 seen = 0;
    for (int level = 0; level < 256; ++level) {
        seen += histogram[size_t(level)];
        if (seen >= half)
            return level;
    }
    return 255;
}

} // namespace

class TestScans : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scannerWritesWhatItSays_data();
    void scannerWritesWhatItSays();
    void readsScans_data();
    void readsScans();

private:
    void addRows();
    bool scan(QList<QImage> *pages, QByteArray *file, QString *problem);

    const ReportTemplate &m_template = ReportTemplate::standard();
    std::vector<std::optional<double>> m_truth;
    FixtureDocument m_document;
    ReportReader m_reader;
    /** Each row's file as scannerWritesWhatItSays wrote it, so readsScans need not scan again. */
    QHash<QString, QByteArray> m_files;
};

void TestScans::initTestCase()
{
    // A consistent report: the request table as small as real ones mostly are, the active
    // table's counts of up to four digits and its fee in 万元 with two decimals, and appeals of
    // one and two digits (the seal lands on that table's right end: figures, not only zeros).
    const RuleBook rules(m_template);
    SyntheticReports synthetic(rules, 15);
    m_truth = synthetic.consistent();
    QRandomGenerator random(15);
    const auto index = [this](const QString &key) {
        for (int c = 0; c < m_template.cellCount(); ++c) {
            if (m_template.cells()[c].key.toString() == key)
                return size_t(c);
        }
        qFatal("no cell %s", qPrintable(key));
    };
    for (int c = 0; c < m_template.cellCount(); ++c) {
        const QString key = m_template.cells()[c].key.toString();
        if (key.startsWith(u"active."_s))
            m_truth[size_t(c)] = key == u"active.fee.amount"_s
                ? double(random.bounded(100, 100000)) / 100
                : double(random.bounded(10000) >> random.bounded(10));
    }
    for (const QString &group :
         {u"reconsideration"_s, u"litigation_direct"_s, u"litigation_after"_s}) {
        double total = 0;
        for (const QString &column : {u"upheld"_s, u"corrected"_s, u"other"_s, u"pending"_s}) {
            const double value = random.bounded(40);
            m_truth[index(u"appeals."_s % group % u'.' % column)] = value;
            total += value;
        }
        m_truth[index(u"appeals."_s % group % u".total"_s)] = total;
    }
    const QString text = ReportRenderer(m_template)
                             .render(u"示例市人民政府办公室"_s, 2024, m_truth, RenderLayout::Tabs);
    m_document = fixtureDocument(text);
    // The accuracy is measured here, not the speed: OCR of a few 300 dpi pages on a busy
    // two-core machine must not run into the per-file budget.
    m_reader.setBudget(std::chrono::minutes(5));
}

void TestScans::addRows()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<bool>("tablesOnly");
    QTest::addColumn<double>("pageHeight");
    QTest::addColumn<int>("dpi");
    QTest::addColumn<double>("rotation");
    QTest::addColumn<bool>("colour");
    QTest::addColumn<quint32>("seed");
    QTest::addColumn<double>("minRate");

    QTest::newRow("a grey PNG of the tables on one A3 page at 300 dpi, turned 1.5°, stamped")
        << int(ScanFormat::Png) << true << kA3PortraitHeight << 300 << 1.5 << false << 1U
        << kMinCellRateAt300Dpi;
    QTest::newRow(
        "a grey multi-page TIFF of the tables on A4 pages at 300 dpi, turned -2°, stamped")
        << int(ScanFormat::Tiff) << true << kA4LandscapeHeight << 300 << -2.0 << false << 2U
        << kMinCellRateAt300Dpi;
    QTest::newRow("an image-only colour PDF of the whole report at 300 dpi, turned 1°, stamped")
        << int(ScanFormat::Pdf) << false << kA4LandscapeHeight << 300 << 1.0 << true << 3U
        << kMinCellRateAt300Dpi;
    QTest::newRow("a colour JPEG of the tables on one A3 page at 300 dpi, turned -2.5°, stamped")
        << int(ScanFormat::Jpeg) << true << kA3PortraitHeight << 300 << -2.5 << true << 4U
        << kMinCellRateAt300Dpi;
    QTest::newRow("a grey PNG of the tables on one A3 page at 150 dpi, turned -1.2°, stamped")
        << int(ScanFormat::Png) << true << kA3PortraitHeight << 150 << -1.2 << false << 5U
        << kMinCellRateAt150Dpi;
    QTest::newRow("an image-only grey PDF of the whole report at 150 dpi, turned 2.5°, stamped")
        << int(ScanFormat::Pdf) << false << kA4LandscapeHeight << 150 << 2.5 << false << 6U
        << kMinCellRateAt150Dpi;
}

/** Scans the report as the current row says; false with `problem` if it cannot be written. */
bool TestScans::scan(QList<QImage> *pages, QByteArray *file, QString *problem)
{
    QFETCH(int, format);
    QFETCH(bool, tablesOnly);
    QFETCH(double, pageHeight);
    QFETCH(int, dpi);
    QFETCH(double, rotation);
    QFETCH(bool, colour);
    QFETCH(quint32, seed);
    ScanOptions options;
    options.dpi = dpi;
    options.rotationDegrees = rotation;
    options.gaussianNoise = 3;
    options.saltAndPepper = 0.0005;
    options.colour = colour;
    options.seed = seed;
    // A single image holds the three tables on one A3 page; TIFF and PDF hold several pages.
    options.pageHeight = pageHeight;
    *pages = renderScannedPages(tablesOnly ? test::tablesOnly(m_document) : m_document, options,
                                problem);
    if (pages->isEmpty())
        return false;
    *file = scanFile(ScanFormat(format), *pages);
    if (file->isEmpty()) {
        *problem = u"the %1 could not be written from %2 page(s)"_s.arg(
            extension(ScanFormat(format)), QString::number(pages->size()));
        return false;
    }
    return true;
}

void TestScans::scannerWritesWhatItSays_data()
{
    addRows();
}

void TestScans::scannerWritesWhatItSays()
{
    QFETCH(int, format);
    QFETCH(int, dpi);
    QFETCH(bool, colour);
    QList<QImage> pages;
    QByteArray file;
    QString problem;
    QVERIFY2(scan(&pages, &file, &problem), qPrintable(problem));
    m_files.insert(QString::fromUtf8(QTest::currentDataTag()), file);
    // Deflate and PNG barely shrink sensor noise: a grey 300 dpi page takes some 4 MB.
    QVERIFY2(file.size() < kMaxReportBytes,
             qPrintable(u"%1 bytes: more than the reader takes"_s.arg(file.size())));
    qInfo("%s: %lld page(s) of %dx%d pixels, %lld bytes", qPrintable(extension(ScanFormat(format))),
          qlonglong(pages.size()), pages.front().width(), pages.front().height(),
          qlonglong(file.size()));

    // NIANBAO_SCAN_DUMP=DIR keeps each row's file there, to look at.
    const QString dump = qEnvironmentVariable("NIANBAO_SCAN_DUMP");
    if (!dump.isEmpty()) {
        QFile out(QDir(dump).filePath(u"scan-%1dpi-%2-%3.%3"_s.arg(dpi).arg(
            colour ? u"colour"_s : u"grey"_s, extension(ScanFormat(format)))));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
        // The last page whole, and a part of it at full resolution.
        const QImage &last = pages.back();
        const QString name = QFileInfo(out).completeBaseName();
        last.scaledToWidth(1400, Qt::SmoothTransformation)
            .save(QDir(dump).filePath(name % u"-page.png"_s));
        last.copy(QRect(last.width() / 2, last.height() / 2, 1400, 1000))
            .save(QDir(dump).filePath(name % u"-detail.png"_s));
    }

    // A page is as large as its points at the resolution, and says its resolution.
    qint64 red = 0;
    for (const QImage &page : std::as_const(pages)) {
        QCOMPARE(page.dotsPerMeterX(), dotsPerMetre(dpi));
        QCOMPARE(page.dotsPerMeterY(), dotsPerMetre(dpi));
        QVERIFY(page.width() >= qRound(842.0 * dpi / 72) - 1);
        QCOMPARE(page.format(), colour ? QImage::Format_RGB32 : QImage::Format_Grayscale8);
        // Paper tone, not white; never a clean render.
        const int paper = medianGrey(page);
        QVERIFY2(paper > 0xD0 && paper < 0xF0, qPrintable(u"paper at %1"_s.arg(paper)));
        red += redPixels(page);
    }
    // The seal is red in a colour scan and grey in a grey one.
    if (colour)
        QVERIFY2(red > qint64(dpi) * dpi / 10, qPrintable(u"%1 red pixels"_s.arg(red)));
    else
        QCOMPARE(red, qint64(0));

    switch (ScanFormat(format)) {
    case ScanFormat::Png:
    case ScanFormat::Jpeg: {
        QBuffer buffer(&file);
        QImageReader reader(&buffer);
        const QImage back = reader.read();
        QVERIFY2(!back.isNull(), qPrintable(reader.errorString()));
        QCOMPARE(back.size(), pages.front().size());
        QVERIFY(qAbs(back.dotsPerMeterX() - dotsPerMetre(dpi)) <= 1);
        break;
    }
    case ScanFormat::Tiff: {
        QBuffer buffer(&file);
        QImageReader reader(&buffer, "tiff");
        QVERIFY2(reader.canRead(), "no TIFF image plugin (Debian: qt6-image-formats-plugins)");
        QCOMPARE(reader.imageCount(), int(pages.size()));
        for (const QImage &page : std::as_const(pages)) {
            const QImage back = reader.read();
            QVERIFY2(!back.isNull(), qPrintable(reader.errorString()));
            QCOMPARE(back.size(), page.size());
            QVERIFY(qAbs(back.dotsPerMeterX() - dotsPerMetre(dpi)) <= 1);
            QCOMPARE(back.convertToFormat(page.format()), page);
            reader.jumpToNextImage();
        }
        break;
    }
    case ScanFormat::Pdf: {
        // Images and nothing else: no font, so no text layer a loader could read instead.
        QVERIFY(!file.contains("/BaseFont"));
        QVERIFY(!file.contains("/FontFile"));
        static const QRegularExpression pageObject(u"/Type\\s*/Page\\b"_s);
        QCOMPARE(QString::fromLatin1(file).count(pageObject), int(pages.size()));
        static const QRegularExpression imageWidth(u"/Width (\\d+)"_s);
        QRegularExpressionMatchIterator widths = imageWidth.globalMatch(QString::fromLatin1(file));
        int images = 0;
        while (widths.hasNext()) {
            QCOMPARE(widths.next().captured(1).toInt(), pages.front().width());
            ++images;
        }
        QCOMPARE(images, int(pages.size()));
        const QString pdftotext = QStandardPaths::findExecutable(u"pdftotext"_s);
        QVERIFY2(!pdftotext.isEmpty(), "pdftotext is missing (Debian: poppler-utils)");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QFile out(dir.filePath(u"scan.pdf"_s));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(file);
        out.close();
        QProcess process;
        process.start(pdftotext, {out.fileName(), u"-"_s});
        QVERIFY(process.waitForFinished(60'000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()).trimmed(), QString());
        break;
    }
    }
}

/** Cells whose value, or (unreadable) whose suggested reading, is the known figure. */
double suggestionRate(const Report &report, const std::vector<std::optional<double>> &truth)
{
    int right = 0;
    for (size_t c = 0; c < truth.size(); ++c) {
        const CellValue &cell = report.cells[c];
        const std::optional<double> read
            = cell.state == CellState::Unreadable ? cell.extractedValue : cell.value;
        right += read == truth[c];
    }
    return truth.empty() ? 0.0 : double(right) / double(truth.size());
}

void TestScans::readsScans_data()
{
    addRows();
}

void TestScans::readsScans()
{
    QFETCH(int, format);
    QFETCH(int, dpi);
    QFETCH(double, minRate);
    QList<QImage> pages;
    QByteArray file = m_files.value(QString::fromUtf8(QTest::currentDataTag()));
    QString problem;
    if (file.isEmpty())
        QVERIFY2(scan(&pages, &file, &problem), qPrintable(problem));

    const Report report = m_reader.readBytes(file, u"scan."_s % extension(ScanFormat(format)));
    const CellScore score = scoreCells(report, m_truth, {}, m_template);
    QStringList errors;
    for (const Error &error : report.errors)
        errors.append(error.code);
    qInfo("%s at %d dpi: %d/%d cells right (%.4f), %lld wrong, %lld silent; OCR read %lld of "
          "the %lld page(s) loaded; errors: %s",
          qPrintable(extension(ScanFormat(format))), dpi, score.right, score.total, score.rate(),
          qlonglong(score.wrong.size()), qlonglong(score.silent.size()),
          qlonglong(report.ocrPages.size()), qlonglong(report.pageSizes.size()),
          qPrintable(errors.join(u", "_s)));
    for (const QString &line :
         std::as_const(score.wrong).first(std::min<qsizetype>(score.wrong.size(), 10)))
        qInfo("  wrong: %s", qPrintable(line));

    // Every wrong cell is flagged (unreadable, missing, or named by a finding): none silent.
    QVERIFY2(score.silent.isEmpty(),
             qPrintable(u"%1 silent error(s), the first: %2"_s.arg(score.silent.size())
                            .arg(score.silent.value(0))));
    // Cells OCR was not sure of and no rule confirmed are unreadable, their reading offered.
    qInfo("OCR's readings (as value or suggestion) right for %.4f of the cells",
          suggestionRate(report, m_truth));
    QVERIFY2(score.rate() >= minRate,
             qPrintable(u"%1 of %2 cells right (%3), below %4"_s.arg(score.right)
                            .arg(score.total)
                            .arg(score.rate(), 0, 'f', 4)
                            .arg(minRate)));
}

QTEST_MAIN(TestScans)
#include "tst_scans.moc"

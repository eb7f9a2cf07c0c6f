// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"
#include "extract/uncertainocr.h"
#include "library/importer.h"
#include "loaders/documentloader.h"
#include "loaders/ocr/imageloader.h"
#include "loaders/ocr/ocrlimits.h"
#include "loaders/ocr/ocrprogress.h"
#include "loaders/ocr/ocrtext.h"
#include "reportfiles.h"
#include "reporttemplate.h"
#include "rules/rulebook.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QFontDatabase>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

#include <atomic>
#include <functional>

using namespace Qt::StringLiterals;
using namespace nianbao;

namespace {

constexpr int kDpi = 300;
constexpr double kDotsPerMeter = kDpi / 0.0254;

/** The table drawn: a merged header over three columns, then label and figures per row. */
const QList<QStringList> kRows = {
    {u"自然人"_s, u"12"_s, u"345"_s, u"6"_s},
    {u"法人"_s, u"7"_s, u"80"_s, u"1024"_s},
    {u"其他"_s, u"0"_s, u""_s, u"59"_s},
};
constexpr int kLeft = 120;
constexpr int kTop = 420;
constexpr int kRowHeight = 90;
const QList<int> kColumnWidths = {360, 220, 220, 220};

QFont fixtureFont()
{
    QFont font(u"Noto Sans CJK SC"_s);
    font.setPixelSize(42); // 10 pt at 300 dpi
    return font;
}

int columnX(int column)
{
    int x = kLeft;
    for (int c = 0; c < column; ++c)
        x += kColumnWidths[c];
    return x;
}

/** A ruled table: row 0 holds 项目 (two rows high) and 申请情况 over the three figures. */
void drawTable(QPainter &painter)
{
    const int right = columnX(4);
    const int bottom = kTop + kRowHeight * (2 + int(kRows.size()));
    painter.setPen(QPen(Qt::black, 4));
    painter.drawRect(kLeft, kTop, right - kLeft, bottom - kTop);
    painter.drawLine(columnX(1), kTop, columnX(1), bottom);
    painter.drawLine(columnX(1), kTop + kRowHeight, right, kTop + kRowHeight); // under the merge
    for (int c = 2; c < 4; ++c)
        painter.drawLine(columnX(c), kTop + kRowHeight, columnX(c), bottom);
    for (int r = 2; r < 2 + int(kRows.size()); ++r)
        painter.drawLine(kLeft, kTop + r * kRowHeight, right, kTop + r * kRowHeight);
    const auto cell = [](int row, int column, int rows = 1, int columns = 1) {
        return QRect(columnX(column), kTop + row * kRowHeight,
                     columnX(column + columns) - columnX(column), rows * kRowHeight);
    };
    painter.drawText(cell(0, 0, 2), Qt::AlignCenter, u"项目"_s);
    painter.drawText(cell(0, 1, 1, 3), Qt::AlignCenter, u"申请情况"_s);
    painter.drawText(cell(1, 1), Qt::AlignCenter, u"甲"_s);
    painter.drawText(cell(1, 2), Qt::AlignCenter, u"乙"_s);
    painter.drawText(cell(1, 3), Qt::AlignCenter, u"丙"_s);
    for (int r = 0; r < kRows.size(); ++r) {
        for (int c = 0; c < 4; ++c)
            painter.drawText(cell(2 + r, c), Qt::AlignCenter, kRows[r][c]);
    }
}

/** A page at 300 dpi: a title, a sentence, the table; turned and stamped if asked. */
QImage drawPage(double degrees = 0, bool seal = false, bool table = true)
{
    QImage page(1300, 1000, QImage::Format_RGB32);
    page.fill(Qt::white);
    page.setDotsPerMeterX(int(kDotsPerMeter));
    page.setDotsPerMeterY(int(kDotsPerMeter));
    QPainter painter(&page);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.translate(650, 500);
    painter.rotate(degrees);
    painter.translate(-650, -500);
    painter.setFont(fixtureFont());
    painter.setPen(Qt::black);
    painter.drawText(QPoint(kLeft, 180), u"某某局2023年政府信息公开工作年度报告"_s);
    painter.drawText(QPoint(kLeft, 300), u"本年收到申请6件。"_s);
    if (table)
        drawTable(painter);
    if (seal) {
        // Stamp ink darkens what it covers, as printed ink does: black stays black.
        painter.setCompositionMode(QPainter::CompositionMode_Multiply);
        painter.setPen(QPen(QColor(230, 30, 30), 14));
        painter.setBrush(QColor(255, 120, 120, 90));
        painter.drawEllipse(QPoint(columnX(2) + 60, kTop + 3 * kRowHeight), 170, 170);
    }
    painter.end();
    return page;
}

QByteArray encoded(const QImage &image, const char *format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, format);
    return buffer.data();
}

/** A PDF of `pages` pages of 312 × 240 points, each painted by `paint(painter, page)`. */
QByteArray pdfOfPages(int pages, const std::function<void(QPainter &, int)> &paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QPdfWriter writer(&buffer);
    writer.setResolution(72);
    writer.setPageSize(
        QPageSize(QSizeF(312, 240), QPageSize::Point, QString(), QPageSize::ExactMatch));
    writer.setPageMargins(QMarginsF(0, 0, 0, 0));
    {
        QPainter painter(&writer);
        for (int page = 0; page < pages; ++page) {
            if (page > 0)
                writer.newPage();
            paint(painter, page);
        }
    }
    return buffer.data();
}

quint32 crc32(QByteArrayView bytes)
{
    quint32 crc = 0xFFFFFFFFU;
    for (char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xEDB88320U & (0U - (crc & 1U)));
    }
    return ~crc;
}

/** A PNG that claims `width` × `height` pixels: its header and an empty image. */
QByteArray pngHeaderClaiming(quint32 width, quint32 height)
{
    QByteArray ihdr("IHDR");
    char size[8];
    qToBigEndian(width, size);
    qToBigEndian(height, size + 4);
    ihdr.append(size, 8);
    ihdr.append("\x08\x00\x00\x00\x00", 5); // 8-bit grey
    QByteArray png("\x89PNG\r\n\x1a\n", 8);
    char length[4];
    qToBigEndian(quint32(13), length);
    png.append(length, 4).append(ihdr);
    char crc[4];
    qToBigEndian(crc32(ihdr), crc);
    png.append(crc, 4);
    png.append("\0\0\0\0IEND\xAE\x42\x60\x82", 12); // Leptonica reads 40 bytes at least
    return png;
}

QStringList linesOf(const LoadedDocument &document)
{
    return document.text.split(u'\n', Qt::SkipEmptyParts);
}

/** The line whose first field is `label`, or an empty string. */
QString rowLabelled(const LoadedDocument &document, const QString &label)
{
    for (const QString &line : linesOf(document)) {
        if (line.section(u'\t', 0, 0) == label)
            return line;
    }
    return {};
}

const PageRegion *regionAt(const LoadedDocument &document, qsizetype position)
{
    for (const PageRegion &region : document.regions) {
        if (region.start <= position && position < region.end)
            return &region;
    }
    return nullptr;
}

} // namespace

class TestOcr final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void tidiesOcrText_data();
    void tidiesOcrText();
    void readsTheGridOfARuledTable();
    void recordsRegionsAndConfidences();
    void readsATurnedPageUnderARedSeal();
    void readsAScannedPdfAndAMixedOne();
    void distrustsUncertainFigures();
    void importNamesEachPageItReadsOnce();
    void refusesBadImages_data();
    void refusesBadImages();
    void takesImageFilesByContentAndName();
    void stopsWhenCancelled();
    void givesOcrMoreTime();

private:
    LoadedDocument m_plain;
};

void TestOcr::initTestCase()
{
    if (!QFontDatabase::families().contains(u"Noto Sans CJK SC"_s))
        QSKIP("the CJK font Noto Sans CJK SC is not installed (Debian: fonts-noto-cjk)");
    Result<LoadedDocument> loaded = ImageLoader().load(encoded(drawPage(), "PNG"));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    m_plain = loaded.value();
}

void TestOcr::tidiesOcrText_data()
{
    QTest::addColumn<QString>("read");
    QTest::addColumn<bool>("oneColumn"); // a cell of one grid column, or a merged cell over several
    QTest::addColumn<QString>("tidy");
    QTest::addColumn<int>("confidence");

    QTest::newRow("spaces between Chinese characters go")
        << u"收 到 申 请 6 件"_s << false << u"收到申请6件"_s << 90;
    QTest::newRow("a figure split by a space is joined") << u"1 234"_s << true << u"1234"_s << 90;
    QTest::newRow("Latin words keep their space")
        << u"Annual  report"_s << true << u"Annual report"_s << 90;
    QTest::newRow("O and l in a figure are digits, and the figure a guess")
        << u"1O l"_s << true << u"101"_s << kMinOcrConfidence - 1;
    QTest::newRow("a lone O is not taken for a figure") << u"O"_s << true << u"O"_s << 90;
    QTest::newRow("a word with a digit is left as read") << u"6x"_s << true << u"6x"_s << 90;
    QTest::newRow("a cell over two columns keeps two figures apart")
        << u"12 345"_s << false << u"12 345"_s << 90;
    QTest::newRow("a full-width figure stays for the normalizer")
        << u"１２"_s << true << u"１２"_s << 90;
}

void TestOcr::tidiesOcrText()
{
    QFETCH(QString, read);
    QFETCH(bool, oneColumn);
    QFETCH(QString, tidy);
    QFETCH(int, confidence);
    int confidenceRead = 90;
    QCOMPARE(oneColumn ? tidyOcrCell(read, &confidenceRead) : tidyOcrSpanningCell(read), tidy);
    QCOMPARE(confidenceRead, confidence);
}

void TestOcr::readsTheGridOfARuledTable()
{
    QCOMPARE(m_plain.encoding, u"OCR"_s);
    QCOMPARE(m_plain.ocrPages, QList<int> {0});
    QCOMPARE(m_plain.pageSizes.size(), 1);
    QVERIFY(qAbs(m_plain.pageSizes[0].width() - 1300 * 72.0 / kDpi) < 1);
    const QStringList lines = linesOf(m_plain);
    // Prose above the table, in order; then one line per grid row, four fields each.
    QVERIFY2(lines.size() == 2 + 5, qPrintable(m_plain.text));
    QVERIFY2(lines[0].contains(u"2023"_s) && lines[0].contains(u"年度报告"_s),
             qPrintable(lines[0]));
    QVERIFY2(lines[1].contains(u"收到申请6件"_s), qPrintable(lines[1]));
    // The merged header's text is in its first field, the fields it covers empty.
    const QStringList header = lines[2].split(u'\t');
    QCOMPARE(header.size(), 4);
    QVERIFY2(header[1].contains(u"申请"_s), qPrintable(lines[2]));
    QCOMPARE(header[2], QString());
    QCOMPARE(header[3], QString());
    // 项目 spans two rows: its text in the first, the second row's first field empty.
    QVERIFY2(lines[3].startsWith(u'\t'), qPrintable(lines[3]));
    QCOMPARE(lines[3].split(u'\t').size(), 4);
    for (const QStringList &row : kRows)
        QCOMPARE(rowLabelled(m_plain, row[0]), row.join(u'\t'));
}

void TestOcr::recordsRegionsAndConfidences()
{
    const QString row = rowLabelled(m_plain, u"法人"_s);
    const qsizetype at = m_plain.text.indexOf(row) + row.indexOf(u"1024"_s);
    const PageRegion *region = regionAt(m_plain, at);
    QVERIFY(region);
    QCOMPARE(region->page, 0);
    QCOMPARE(m_plain.text.sliced(region->start, region->end - region->start), u"1024"_s);
    QVERIFY2(region->confidence >= kMinOcrConfidence,
             qPrintable(QString::number(region->confidence)));
    // The cell's box in points: its grid lines, at 72/300 of their pixels.
    const QRectF drawn(columnX(3) * 0.24, (kTop + 3 * kRowHeight) * 0.24, 220 * 0.24,
                       kRowHeight * 0.24);
    QVERIFY2(qAbs(region->rect.left() - drawn.left()) < 3
                 && qAbs(region->rect.top() - drawn.top()) < 3
                 && qAbs(region->rect.width() - drawn.width()) < 4,
             qPrintable(u"%1,%2 %3x%4"_s.arg(region->rect.x())
                            .arg(region->rect.y())
                            .arg(region->rect.width())
                            .arg(region->rect.height())));
    // Every region lies within the text and holds what it says; blank cells have none.
    for (const PageRegion &each : m_plain.regions) {
        QVERIFY(each.start < each.end && each.end <= m_plain.text.size());
        QVERIFY(each.confidence >= 0 && each.confidence <= 100);
        QVERIFY(!m_plain.text.sliced(each.start, each.end - each.start).contains(u'\t'));
    }
}

void TestOcr::readsATurnedPageUnderARedSeal()
{
    Result<LoadedDocument> loaded = ImageLoader().load(encoded(drawPage(2.0, true), "JPG"));
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    for (const QStringList &row : kRows)
        QCOMPARE(rowLabelled(loaded.value(), row[0]), row.join(u'\t'));
}

void TestOcr::readsAScannedPdfAndAMixedOne()
{
    // A page with a text layer, then a scanned one.
    const QByteArray pdf = pdfOfPages(2, [](QPainter &painter, int page) {
        if (page == 1) {
            painter.drawImage(QRectF(0, 0, 312, 240), drawPage());
            return;
        }
        QFont font = fixtureFont();
        font.setPixelSize(12);
        painter.setFont(font);
        painter.drawText(QPoint(30, 60), u"本页有文字层：本年收到申请6件。"_s);
    });
    Result<LoadedDocument> loaded = loaderFor(u"mixed.pdf"_s, pdf).load(pdf);
    QVERIFY2(loaded, qPrintable(loaded ? QString() : loaded.error().message));
    const LoadedDocument &document = loaded.value();
    QCOMPARE(document.ocrPages, QList<int> {1});
    QCOMPARE(document.pageSizes.size(), 2);
    QVERIFY2(document.text.indexOf(u"本页有文字层"_s) >= 0, qPrintable(document.text));
    QVERIFY2(document.text.indexOf(u"本页有文字层"_s) < document.text.indexOf(u"自然人"_s),
             qPrintable(document.text));
    for (const QStringList &row : kRows)
        QCOMPARE(rowLabelled(document, row[0]), row.join(u'\t'));
    for (const PageRegion &region : document.regions)
        QCOMPARE(region.confidence >= 0, region.page == 1);
}

/** Cells and the OCR'd text they were read from, each figure its own region. */
struct OcrCells
{
    std::vector<CellValue> cells;
    QString text;
    QList<PageRegion> regions;

    void read(int cell, double value, int confidence)
    {
        const int start = int(text.size());
        text += QString::number(value) + u'\t';
        const SourceSpan span {start, int(text.size()) - 1};
        cells[size_t(cell)]
            = CellValue {value, CellState::Extracted, span, {}, value, CellState::Extracted};
        regions.append(PageRegion {span.start, span.end, 0, {}, confidence});
    }
};

void TestOcr::distrustsUncertainFigures()
{
    const ReportTemplate &form = ReportTemplate::standard();
    const RuleBook rules(form);
    // A total over its parts.
    const auto total
        = std::find_if(rules.checks().begin(), rules.checks().end(),
                       [](const LinearCheck &c) { return c.lhs.size() == 1 && c.rhs.size() >= 2; });
    QVERIFY(total != rules.checks().end());
    const std::vector<int> &parts = total->rhs;
    const int sumCell = total->lhs.front();
    const int fee = form.cellIndex(CellKey(u"active.fee.amount"_s));
    const int penalty = form.cellIndex(CellKey(u"active.penalty.decisions"_s));
    QVERIFY(fee >= 0 && penalty >= 0);
    QVERIFY(rules.checksOfCell(fee).empty() && rules.checksOfCell(penalty).empty());

    for (const bool balanced : {true, false}) {
        OcrCells read {std::vector<CellValue>(size_t(form.cellCount())), {}, {}};
        // A check's terms: the first read unsurely, the total as their sum, or one more.
        double sum = 0;
        for (size_t t = 0; t < parts.size(); ++t) {
            read.read(parts[t], double(t + 3), t == 0 ? kMinOcrConfidence - 1 : 90);
            sum += double(t + 3);
        }
        read.read(sumCell, balanced ? sum : sum + 1, 95);
        read.read(fee, 494.75, kMinOcrConfidence - 1);
        read.read(penalty, 7890, kMinOcrConfidence);

        const int distrusted = distrustUncertainOcr(read.cells, read.regions, read.text, rules);
        const CellValue &unsure = read.cells[size_t(parts.front())];
        // The rule confirms an unsure reading when it holds, and only then.
        QCOMPARE(unsure.state, balanced ? CellState::Extracted : CellState::Unreadable);
        QCOMPARE(distrusted, balanced ? 1 : 2);
        if (!balanced) {
            QVERIFY(!unsure.value);
            QCOMPARE(unsure.extractedValue, std::optional<double>(3));
            QCOMPARE(unsure.extractedState, CellState::Unreadable);
            QCOMPARE(unsure.sourceText, u"3"_s);
        }
        // No rule speaks for the fee: unsure, it is the reviewer's to confirm.
        QCOMPARE(read.cells[size_t(fee)].state, CellState::Unreadable);
        QCOMPARE(read.cells[size_t(fee)].extractedValue, std::optional<double>(494.75));
        QCOMPARE(read.cells[size_t(penalty)].state, CellState::Extracted);
        QCOMPARE(read.cells[size_t(penalty)].value, std::optional<double>(7890));
        QCOMPARE(read.cells[size_t(sumCell)].state, CellState::Extracted);
    }
}

void TestOcr::importNamesEachPageItReadsOnce()
{
    // A scan of two pages, as an image-only PDF.
    const QByteArray pdf = pdfOfPages(2, [](QPainter &painter, int page) {
        painter.drawImage(QRectF(0, 0, 312, 240), drawPage(page));
    });
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString scan = dir.filePath(u"scan.pdf"_s);
    QFile file(scan);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(pdf);
    file.close();

    const Importer importer(dir.filePath(u"library.sqlite"_s));
    QList<QPair<int, int>> pages;
    const auto collect = [&pages](const ImportProgress &progress) {
        if (progress.ocrPage > 0)
            pages.append({progress.ocrPage, progress.ocrPages});
    };
    const ImportSummary first = importer.run(QStringList {scan}, collect);
    QCOMPARE(first.imported, 1);
    const QList<QPair<int, int>> expected {{1, 2}, {2, 2}};
    QCOMPARE(pages, expected);
    // The same bytes again: found in the library by their hash, not OCR'd again.
    pages.clear();
    const ImportSummary again = importer.run(QStringList {scan}, collect);
    QCOMPARE(again.duplicates, 1);
    QVERIFY(pages.isEmpty());
    // Without a listener, reading says nothing and needs none.
    OcrProgress::report(1, 1);
}

void TestOcr::refusesBadImages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");

    QImage blank(1240, 1754, QImage::Format_Grayscale8);
    blank.fill(Qt::white);
    blank.setDotsPerMeterX(int(kDotsPerMeter));
    blank.setDotsPerMeterY(int(kDotsPerMeter));
    QTest::newRow("a blank page is ocr.no_text") << encoded(blank, "PNG") << u"ocr.no_text"_s;
    QTest::newRow("a 20,000 × 20,000 image is ocr.too_large before it is decoded")
        << pngHeaderClaiming(20'000, 20'000) << u"ocr.too_large"_s;
    QTest::newRow("a 100,000 × 10 image is ocr.too_large")
        << pngHeaderClaiming(100'000, 10) << u"ocr.too_large"_s;
    QByteArray tiff = encoded(drawPage(), "TIFF");
    QVERIFY(tiff.startsWith("II*") || tiff.startsWith("MM"));
    tiff.truncate(200);
    QTest::newRow("a truncated TIFF is image.corrupt") << tiff << u"image.corrupt"_s;
    QTest::newRow("a TIFF header and garbage is image.corrupt")
        << QByteArray("II*\0\x08\0\0\0garbagegarbage", 22) << u"image.corrupt"_s;
    QByteArray png = encoded(drawPage(), "PNG");
    png.truncate(png.size() / 3);
    QTest::newRow("a truncated PNG is image.corrupt") << png << u"image.corrupt"_s;
}

void TestOcr::refusesBadImages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    QElapsedTimer timer;
    timer.start();
    Result<LoadedDocument> loaded = ImageLoader().load(bytes);
    QVERIFY2(!loaded, qPrintable(loaded ? loaded.value().text : QString()));
    QCOMPARE(loaded.error().code, code);
    QVERIFY(!loaded.error().message.isEmpty());
    QVERIFY2(timer.elapsed() < 10'000, qPrintable(QString::number(timer.elapsed())));
}

void TestOcr::takesImageFilesByContentAndName()
{
    const QByteArray png = encoded(drawPage(), "PNG");
    QCOMPARE(loaderFor(u"report.bin"_s, png).formatName(), u"image"_s);
    QCOMPARE(loaderFor(u"scan.TIF"_s, "garbage").formatName(), u"image"_s);
    QCOMPARE(loaderFor(u"notes.txt"_s, "plain text").formatName(), u"text"_s);
    for (const QString &pattern : {u"*.png"_s, u"*.jpg"_s, u"*.jpeg"_s, u"*.tif"_s, u"*.tiff"_s})
        QVERIFY2(reportFilePatterns().contains(pattern), qPrintable(pattern));
    QVERIFY(hasReportFileSuffix(u"scan.JPEG"_s));
}

void TestOcr::stopsWhenCancelled()
{
    const std::atomic<bool> cancel {true};
    const ReadBudget budget(ReadBudget::kPerFile, &cancel);
    const ReadBudget::Scope scope(budget);
    Result<LoadedDocument> loaded = ImageLoader().load(encoded(drawPage(), "PNG"));
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, u"read.cancelled"_s);
}

void TestOcr::givesOcrMoreTime()
{
    const ReadBudget spent(std::chrono::milliseconds(0));
    QVERIFY(spent.expired());
    spent.extend(kOcrTimePerPage);
    QVERIFY(!spent.expired());
    QVERIFY2(spent.error(u"page 1"_s).message.contains(u"20 s"_s),
             qPrintable(spent.error(u"page 1"_s).message));
}

QTEST_MAIN(TestOcr)

#include "tst_ocr.moc"

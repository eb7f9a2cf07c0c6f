// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"
#include "library/reviewlibrary.h"
#include "pagemap.h"
#include "pagesource.h"
#include "pageview.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "reviewpanel.h"
#include "reviewsession.h"
#include "reviewwindow.h"
#include "scannedpages.h"
#include "widgettestutils.h"

#include <QAction>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

/** A real report with a text layer, two pages (淮安市洪泽区 2023). */
const QString kRealPdf = QStringLiteral(NIANBAO_TEST_DATA_DIR "/real/r21-hongze-2023.pdf");

/** A cell's box on a page, as the page view should outline it. */
struct CellBox
{
    int cell = -1;
    PageBox box;
};

} // namespace

/** Tests the page view in the window: it follows the cursor, selects by click, zooms, pages. */
class TestPageView : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ReviewWindow> m_window;
    QTemporaryDir m_dir;

    PageView *pageView() const { return m_window->findChild<PageView *>(u"pageView"_s); }
    QTabWidget *tabs() const { return m_window->findChild<QTabWidget *>(u"documentTabs"_s); }
    ReviewDocument *document() const { return m_window->currentDocument(); }

    bool openAndWait(const QString &path)
    {
        m_window->openPaths({path});
        return QTest::qWaitFor([this] { return !m_window->isLoading() && document(); }, 30000);
    }

    void showPage() { m_window->findChild<QAction *>(u"actionFocusPage"_s)->trigger(); }

    /** Every cell with a box, by the core's mapping (tst_pagemap checks it). */
    QList<CellBox> cellBoxes() const
    {
        const ReviewSession &session = *document()->session();
        const PageMap map(session.report().regions);
        QList<CellBox> found;
        for (int cell = 0; cell < int(session.cells().size()); ++cell) {
            const QList<PageBox> boxes = map.boxes(session.cell(cell).span, session.report().text);
            if (!boxes.isEmpty())
                found.append(CellBox {cell, boxes.first()});
        }
        return found;
    }

    /** A copy of the real PDF in the test's folder, which the test may delete or change. */
    QString copyOfRealPdf(const QString &name) const
    {
        const QString copy = m_dir.filePath(name);
        QFile::remove(copy);
        return QFile::copy(kRealPdf, copy) ? copy : QString();
    }

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void showsTheSelectedCellsPageAndBox();
    void clickingABoxSelectsItsCell();
    void pageKeysTurnThePages();
    void zoomKeysZoomThePageOnly();
    void aMissingFileIsSaidInWords();
    void aChangedFileIsSaidInWords();
    void aReportWithoutRegionsSaysSo();
    void textReportsHaveNoPageTab();
    void theReportPanelNamesThePagesOcrRead();
    void pagesAreRenderedWithinTheBound();
    void aScanOpensWithItsTablesAndPage();
    void aMultiPageTiffShowsEachPage();
};

void TestPageView::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(kRealPdf));
}

void TestPageView::init()
{
    m_window = std::make_unique<ReviewWindow>();
    m_window->resize(1680, 1000);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestPageView::cleanup()
{
    m_window.reset();
}

void TestPageView::showsTheSelectedCellsPageAndBox()
{
    QVERIFY(openAndWait(kRealPdf));
    QVERIFY(tabs()->isTabEnabled(1));
    showPage();
    QCOMPARE(tabs()->currentWidget(), pageView());
    QTRY_VERIFY(pageView()->pageCount() > 1);
    QVERIFY2(pageView()->message().isEmpty(), qPrintable(pageView()->message()));

    // The last cell with a box stands on a later page than the first: the view turns to it.
    const QList<CellBox> boxes = cellBoxes();
    QVERIFY(boxes.size() > 100);
    const CellBox last = boxes.last();
    QVERIFY(last.box.page > 0);
    clickCell(*m_window, last.cell);
    QCOMPARE(m_window->reviewCursor()->cell(), last.cell);
    QCOMPARE(pageView()->currentPage(), last.box.page);
    QCOMPARE(pageView()->outlinedBox(), last.box.rect);
    // The box stands where the cell's text does: over every region the cell's span covers.
    const ReviewSession &session = *document()->session();
    const SourceSpan span = session.cell(last.cell).span;
    for (const PageRegion &region : session.report().regions) {
        if (region.start < span.end && region.end > span.start) {
            QCOMPARE(region.page, last.box.page);
            QVERIFY(region.rect.intersects(pageView()->outlinedBox()));
            QVERIFY(region.rect.adjusted(-0.5, -0.5, 0.5, 0.5)
                        .contains(pageView()->outlinedBox().center()));
        }
    }
    // …and in sight.
    const QPoint centre = pageView()->viewportPosition(last.box.rect.center());
    QVERIFY(pageView()->viewport()->rect().contains(centre));

    const CellBox first = boxes.first();
    clickCell(*m_window, first.cell);
    QCOMPARE(pageView()->currentPage(), first.box.page);
    QCOMPARE(pageView()->outlinedBox(), first.box.rect);
    QVERIFY(pageView()->pageLabel().contains(u"%1"_s.arg(first.box.page + 1)));
}

void TestPageView::clickingABoxSelectsItsCell()
{
    QVERIFY(openAndWait(kRealPdf));
    showPage();
    QTRY_VERIFY(pageView()->pageCount() > 0);
    const QList<CellBox> boxes = cellBoxes();
    QVERIFY(boxes.size() > 2);
    const CellBox selected = boxes.at(boxes.size() / 2);
    clickCell(*m_window, selected.cell);
    QCOMPARE(pageView()->currentPage(), selected.box.page);
    // The nearest other cell on the same page: in sight, as the view scrolled to the first.
    CellBox other;
    qreal nearest = 0;
    for (const CellBox &candidate : boxes) {
        const qreal distance
            = std::abs(candidate.box.rect.center().y() - selected.box.rect.center().y())
            + std::abs(candidate.box.rect.center().x() - selected.box.rect.center().x());
        if (candidate.cell != selected.cell && candidate.box.page == selected.box.page
            && !candidate.box.rect.intersects(selected.box.rect)
            && (other.cell < 0 || distance < nearest)) {
            other = candidate;
            nearest = distance;
        }
    }
    QVERIFY(other.cell >= 0);
    const QPoint inside = pageView()->viewportPosition(other.box.rect.center());
    QVERIFY(pageView()->viewport()->rect().contains(inside));
    QTest::mouseClick(pageView()->viewport(), Qt::LeftButton, {}, inside);
    QCOMPARE(m_window->reviewCursor()->cell(), other.cell);
    QCOMPARE(pageView()->outlinedBox(), other.box.rect);
}

void TestPageView::pageKeysTurnThePages()
{
    QVERIFY(openAndWait(kRealPdf));
    showPage();
    QTRY_VERIFY(pageView()->pageCount() > 1);
    QCOMPARE(pageView()->currentPage(), 0);
    // PgDn goes down a screen at a time, then on to the next page.
    for (int press = 0; press < 20 && pageView()->currentPage() == 0; ++press)
        QTest::keyClick(pageView(), Qt::Key_PageDown);
    QCOMPARE(pageView()->currentPage(), 1);
    QCOMPARE(pageView()->verticalScrollBar()->value(), 0);
    QVERIFY(pageView()->pageLabel().contains(u"2"_s));
    QTest::keyClick(pageView(), Qt::Key_End);
    QCOMPARE(pageView()->currentPage(), pageView()->pageCount() - 1);
    QTest::keyClick(pageView(), Qt::Key_Home);
    QCOMPARE(pageView()->currentPage(), 0);
    for (int press = 0; press < 20 && pageView()->currentPage() == 0; ++press)
        QTest::keyClick(pageView(), Qt::Key_PageDown);
    for (int press = 0; press < 20 && pageView()->currentPage() == 1; ++press)
        QTest::keyClick(pageView(), Qt::Key_PageUp);
    QCOMPARE(pageView()->currentPage(), 0);
}

void TestPageView::zoomKeysZoomThePageOnly()
{
    QVERIFY(openAndWait(kRealPdf));
    showPage();
    QTRY_VERIFY(pageView()->pageCount() > 0);
    QVERIFY(pageView()->hasFocus());
    QVERIFY(pageView()->fitsWidth());
    const qreal fitted = pageView()->scale();
    QTest::keyClick(pageView(), Qt::Key_Plus, Qt::ControlModifier);
    QVERIFY(!pageView()->fitsWidth());
    QCOMPARE(pageView()->scale(), fitted * 1.25);
    QTest::keyClick(pageView(), Qt::Key_Minus, Qt::ControlModifier);
    QTest::keyClick(pageView(), Qt::Key_Minus, Qt::ControlModifier);
    QCOMPARE(pageView()->scale(), fitted / 1.25);
    // The window's own zoom (the text and the tables) is left alone.
    QCOMPARE(m_window->findChild<DocumentView *>(u"documentView"_s)->zoom(), 0);
    QTest::keyClick(pageView(), Qt::Key_0, Qt::ControlModifier);
    QVERIFY(pageView()->fitsWidth());
    QCOMPARE(pageView()->scale(), fitted);
    QWheelEvent wheel(QPointF(50, 50), pageView()->viewport()->mapToGlobal(QPointF(50, 50)),
                      QPoint(), QPoint(0, 120), Qt::NoButton, Qt::ControlModifier,
                      Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(pageView()->viewport(), &wheel);
    QCOMPARE(pageView()->scale(), fitted * 1.25);
}

void TestPageView::aMissingFileIsSaidInWords()
{
    const QString copy = copyOfRealPdf(u"gone.pdf"_s);
    QVERIFY(!copy.isEmpty());
    QVERIFY(openAndWait(copy));
    QVERIFY(QFile::remove(copy));
    showPage();
    QTRY_VERIFY(!pageView()->message().isEmpty());
    QVERIFY2(pageView()->message().contains(u"no longer there"_s),
             qPrintable(pageView()->message()));
    QCOMPARE(pageView()->pageCount(), 0);
    QVERIFY(pageView()->outlinedBox().isNull());
}

void TestPageView::aChangedFileIsSaidInWords()
{
    // From the library, which keeps the bytes' hash and the regions.
    const QString copy = copyOfRealPdf(u"changed.pdf"_s);
    QVERIFY(!copy.isEmpty());
    m_window->setLibrary(ReviewLibrary::open(m_dir.filePath(u"changed.sqlite"_s)).value());
    QVERIFY(openAndWait(copy));
    QVERIFY(document()->libraryBinding());
    QVERIFY(!document()->session()->report().regions.isEmpty());
    {
        QFile file(copy);
        QVERIFY(file.open(QIODevice::Append));
        file.write("\n% appended by another program\n");
    }
    showPage();
    QTRY_VERIFY(!pageView()->message().isEmpty());
    QVERIFY2(pageView()->message().contains(u"has changed"_s), qPrintable(pageView()->message()));
    QCOMPARE(pageView()->pageCount(), 0);
}

void TestPageView::aReportWithoutRegionsSaysSo()
{
    // As a report from a library of schema 4 loads: its pages show (the render child counts
    // and measures them), nothing is outlined.
    Report report = reader().readFile(kRealPdf);
    QVERIFY(!report.regions.isEmpty());
    const QList<QSizeF> measured = report.pageSizes;
    report.regions.clear();
    report.pageSizes.clear();
    ReviewDocument document(report, reader().checker(), u"reviewer"_s);
    ReviewCursor cursor;
    PageView view(&cursor);
    view.resize(400, 600);
    view.show();
    cursor.setDocument(&document);
    QTRY_COMPARE(view.pageCount(), int(measured.size()));
    QVERIFY2(view.message().contains(u"not known"_s), qPrintable(view.message()));
    QCOMPARE(view.scale(), (view.viewport()->width() - 16) / measured.first().width());
    int cell = 0;
    while (!document.session()->cell(cell).span.isValid())
        ++cell;
    cursor.selectCell(cell);
    QVERIFY(view.outlinedBox().isNull());
    cursor.setDocument(nullptr);
}

void TestPageView::textReportsHaveNoPageTab()
{
    QVERIFY(openAndWait(seed004Path()));
    QVERIFY(!tabs()->isTabEnabled(1));
    showPage();
    QCOMPARE(tabs()->currentIndex(), 0);
}

void TestPageView::theReportPanelNamesThePagesOcrRead()
{
    Report report = reader().readFile(seed004Path());
    ReviewCursor cursor;
    ReviewPanel panel(&cursor);
    auto *label = panel.findChild<QLabel *>(u"ocrPagesLabel"_s);
    ReviewDocument withText(report, reader().checker(), u"reviewer"_s);
    cursor.setDocument(&withText);
    QVERIFY(label->isHidden());
    report.ocrPages = {2, 3, 4};
    ReviewDocument scanned(report, reader().checker(), u"reviewer"_s);
    cursor.setDocument(&scanned);
    QVERIFY(!label->isHidden());
    QCOMPARE(label->text(), u"OCR, pages 3–5"_s);
    cursor.setDocument(nullptr);
}

void TestPageView::pagesAreRenderedWithinTheBound()
{
    // A scan's page: a pixel counts as a point unless the report says otherwise.
    const QString scan = m_dir.filePath(u"scan.png"_s);
    QImage page(2000, 3000, QImage::Format_RGB32);
    page.fill(Qt::white);
    QVERIFY(page.save(scan));
    Result<std::unique_ptr<PageSource>> image = PageSource::open(scan);
    QVERIFY2(image, qPrintable(image ? QString() : image.error().message));
    QCOMPARE(image.value()->pageCount(), 1);
    QCOMPARE(image.value()->pageSize(0), QSizeF(2000, 3000));
    QCOMPARE(image.value()->render(0, 72).value().size(), QSize(2000, 3000));
    const QImage fine = image.value()->render(0, PageSource::kMaxDpi).value();
    QVERIFY(fine.width() * fine.height() <= PageSource::kMaxPagePixels);
    QVERIFY(fine.width() > 2000);

    Result<std::unique_ptr<PageSource>> pdf = PageSource::open(kRealPdf);
    QVERIFY(pdf);
    const QImage sharp = pdf.value()->render(0, 10'000).value();
    QVERIFY(sharp.width() * sharp.height() <= PageSource::kMaxPagePixels);
    const QSizeF size = pdf.value()->pageSize(0);
    QVERIFY(sharp.width() > size.width() * 200 / 72);

    // Bytes other than those imported are refused, and the file is left as it was.
    const QByteArray before = [] {
        QFile file(kRealPdf);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    const Result<std::unique_ptr<PageSource>> other
        = PageSource::open(kRealPdf, QByteArray(32, 'x'));
    QVERIFY(!other);
    QCOMPARE(other.error().code, u"pages.changed"_s);
    QFile file(kRealPdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), before);
}

QTEST_MAIN(TestPageView)
/** The cells `nianbao-cli check --json` reads in `file`: key → value (null if none). */
QHash<QString, QJsonValue> cliCells(const QString &file)
{
    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI_PATH), {u"check"_s, u"--json"_s, file});
    if (!cli.waitForFinished(120'000))
        return {};
    const QJsonDocument json = QJsonDocument::fromJson(cli.readAllStandardOutput());
    const QJsonValue reports = json.object().value(u"reports"_s);
    const QJsonObject report
        = (reports.isArray() ? reports.toArray() : json.array()).first().toObject();
    QHash<QString, QJsonValue> cells;
    for (const QJsonValue &cell : report.value(u"cells"_s).toArray())
        cells.insert(cell[u"key"_s].toString(), cell[u"value"_s]);
    return cells;
}

void TestPageView::aScanOpensWithItsTablesAndPage()
{
    // Seed 004's tables, printed on one A3 page and scanned at 300 dpi: turned, noisy, stamped.
    const FixtureDocument tables = tablesOnly(fixtureDocument(QString::fromUtf8([] {
        QFile seed(seed004Path());
        return seed.open(QIODevice::ReadOnly) ? seed.readAll() : QByteArray();
    }())));
    ScanOptions options;
    options.rotationDegrees = 1.2;
    options.gaussianNoise = 3;
    options.pageHeight = kA3PortraitHeight;
    QString problem;
    const QList<QImage> pages = renderScannedPages(tables, options, &problem);
    QVERIFY2(pages.size() == 1, qPrintable(problem));
    const QString scan = m_dir.filePath(u"scan.png"_s);
    QFile out(scan);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(writeImageFile(pages.front(), "png", 0));
    out.close();

    QVERIFY(openAndWait(scan));
    const ReviewSession &session = *document()->session();
    QCOMPARE(session.report().ocrPages, QList<int> {0});
    int read = 0;
    int unsure = 0;
    for (const CellValue &cell : session.cells()) {
        read += cell.hasValue();
        unsure += cell.state == CellState::Unreadable;
    }
    QVERIFY2(read >= 190, qPrintable(u"%1 cells read, %2 unreadable"_s.arg(read).arg(unsure)));
    auto *ocrLabel = m_window->findChild<QLabel *>(u"ocrPagesLabel"_s);
    QVERIFY(!ocrLabel->isHidden());
    QCOMPARE(ocrLabel->text(), u"OCR, page 1"_s);

    // The page beside the tables, the selected cell's box outlined on it.
    QVERIFY(tabs()->isTabEnabled(1));
    showPage();
    QTRY_COMPARE(pageView()->pageCount(), 1);
    QVERIFY2(pageView()->message().isEmpty(), qPrintable(pageView()->message()));
    const QList<CellBox> boxes = cellBoxes();
    QVERIFY(boxes.size() >= 190);
    clickCell(*m_window, boxes.last().cell);
    QCOMPARE(pageView()->outlinedBox(), boxes.last().box.rect);

    // nianbao-cli reads the same cells.
    const QHash<QString, QJsonValue> cli = cliCells(scan);
    QCOMPARE(cli.size(), qsizetype(session.cells().size()));
    const ReportTemplate &form = ReportTemplate::standard();
    for (int c = 0; c < form.cellCount(); ++c) {
        const QJsonValue value = cli.value(form.cells()[c].key.toString());
        const std::optional<double> window = session.cell(c).value;
        QVERIFY2(window ? value.toDouble() == *window : value.isNull(),
                 qPrintable(form.cells()[c].key.toString()));
    }
}

void TestPageView::aMultiPageTiffShowsEachPage()
{
    // Seed 004's tables on A4 pages, scanned at 150 dpi into one multi-page TIFF.
    QFile seed(seed004Path());
    QVERIFY(seed.open(QIODevice::ReadOnly));
    const FixtureDocument tables = tablesOnly(fixtureDocument(QString::fromUtf8(seed.readAll())));
    ScanOptions options;
    options.dpi = 150;
    options.colour = false;
    QString problem;
    const QList<QImage> pages = renderScannedPages(tables, options, &problem);
    QVERIFY2(pages.size() > 1, qPrintable(problem));
    const QString scan = m_dir.filePath(u"scan.tiff"_s);
    QFile out(scan);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(writeMultiPageTiff(pages));
    out.close();

    QVERIFY(openAndWait(scan));
    QCOMPARE(document()->session()->report().ocrPages.size(), pages.size());
    showPage();
    QTRY_COMPARE(pageView()->pageCount(), int(pages.size()));
    QVERIFY2(pageView()->message().isEmpty(), qPrintable(pageView()->message()));
    // A cell on each page: the view turns to it and outlines its box.
    QList<int> seen;
    for (const CellBox &box : cellBoxes()) {
        if (seen.contains(box.box.page))
            continue;
        seen.append(box.box.page);
        clickCell(*m_window, box.cell);
        QCOMPARE(pageView()->currentPage(), box.box.page);
        QCOMPARE(pageView()->outlinedBox(), box.box.rect);
    }
    QVERIFY(seen.size() >= 2);
}

#include "tst_pageview.moc"

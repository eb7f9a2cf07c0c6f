// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/tableline.h"
#include "loaders/documentloader.h"
#include "publishedfixtures.h"
#include "reportreader.h"
#include "reportrenderer.h"
#include "testutils.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPdfWriter>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

enum class Format { Html, Docx, Pdf };

QString formatName(Format format)
{
    switch (format) {
    case Format::Html:
        return u"html"_s;
    case Format::Docx:
        return u"docx"_s;
    case Format::Pdf:
        return u"pdf"_s;
    }
    return {};
}

const char *formatDescription(Format format)
{
    switch (format) {
    case Format::Html:
        return "a GBK HTML page with merged cells";
    case Format::Docx:
        return "a Word .docx with gridSpan and vMerge";
    case Format::Pdf:
        return "a PDF written by QPdfWriter";
    }
    return "";
}

/** Publishes a report text (RenderLayout::Tabs) in a format; false with `problem` if not. */
bool publish(Format format, const QString &tabsText, QByteArray *bytes, QString *problem)
{
    const FixtureDocument document = fixtureDocument(tabsText);
    switch (format) {
    case Format::Html:
        *bytes = writeHtmlFixture(document, "GBK");
        break;
    case Format::Docx:
        *bytes = writeDocxFixture(document);
        break;
    case Format::Pdf:
        return writePdfFixture(document, bytes, problem);
    }
    if (bytes->isEmpty())
        *problem = u"the %1 fixture could not be written"_s.arg(formatName(format));
    return !bytes->isEmpty();
}

QString errorList(const Report &report)
{
    QStringList errors;
    for (const Error &error : report.errors)
        errors.append(error.code % u": "_s % error.message);
    return errors.join(u'\n');
}

/** Extracted cells whose span does not hold their figure in the report's text. */
QStringList misplacedSpans(const Report &report, const ReportTemplate &reportTemplate)
{
    QStringList problems;
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const CellValue &cell = report.cells[size_t(c)];
        if (cell.state != CellState::Extracted)
            continue;
        const QString key = reportTemplate.cells()[c].key.toString();
        if (!cell.span.isValid() || cell.span.end > report.text.size()) {
            problems.append(key % u": no span in the text"_s);
            continue;
        }
        const QStringView figure
            = QStringView(report.text).sliced(cell.span.start, cell.span.length());
        double value = 0;
        if (!parseFigure(figure, &value) || !cell.value || value != *cell.value) {
            problems.append(u"%1: span %2 holds \"%3\", the value is %4"_s.arg(
                key, describe(cell.span), figure.toString(), numberText(cell.value)));
        }
    }
    return problems;
}

/** The expected answers of a seed, its blank cells left blank, as a report text in tabs. */
bool seedText(const QString &seed, const QSet<QString> &extraBlanks, QString *text,
              std::vector<std::optional<double>> *truth, QSet<int> *blank,
              const ReportTemplate &reportTemplate)
{
    Expected expected;
    if (!loadExpected(seed, &expected))
        return false;
    *truth = expectedValues(expected, reportTemplate);
    *blank = cellIndices(expected.missingInSource + extraBlanks, reportTemplate);
    if (blank->contains(-1))
        return false;
    std::vector<std::optional<double>> rendered = *truth;
    for (int cell : std::as_const(*blank))
        rendered[size_t(cell)].reset();
    *text = ReportRenderer(reportTemplate)
                .render(expected.agency, expected.year, rendered, RenderLayout::Tabs);
    return true;
}

/** A PDF page drawn word by word at given positions: (text, x, baseline) in points. */
QByteArray drawPdf(const QList<std::tuple<QString, double, double>> &words)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter(&writer);
        QFont font(u"Noto Sans CJK SC"_s);
        font.setPixelSize(10);
        painter.setFont(font);
        for (const auto &[text, x, y] : words)
            painter.drawText(QPointF(x, y), text);
    }
    return buffer.data();
}

QByteArray wordDocument(const QByteArray &body)
{
    const QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                           "<w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                           "wordprocessingml/2006/main\"><w:body>"
        + body + "</w:body></w:document>";
    return writeZip({{u"word/document.xml"_s, xml}});
}

/** Word XML nesting `open` `depth` times around `inner`, closing with `close`. */
QByteArray nestedWordBody(const QByteArray &open, const QByteArray &inner, const QByteArray &close,
                          int depth)
{
    return open.repeated(depth) + inner + close.repeated(depth);
}

/** Sets the "encrypted" flag (ZipCrypto) on every entry of a zip, as Word's tools write it. */
QByteArray markEncrypted(QByteArray zip)
{
    // General purpose flag bit 0: at offset 6 of a local header, 8 of a central one.
    for (const auto &[signature, offset] : {std::pair {"PK\x03\x04", 6}, {"PK\x01\x02", 8}}) {
        for (qsizetype at = zip.indexOf(signature); at >= 0; at = zip.indexOf(signature, at + 4))
            zip[at + offset] = char(zip[at + offset] | 1);
    }
    return zip;
}

/** A one-page PDF whose content stream is `content`, Flate-compressed. */
QByteArray pdfWithFlateContent(const QByteArray &content)
{
    const QByteArray stream = qCompress(content, 9).mid(4); // qCompress prefixes the size
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(stream.size()) + " /Filter /FlateDecode >>\nstream\n"
            + stream + "\nendstream",
    };
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 5\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref)
        + "\n%%EOF\n";
    return pdf;
}

/** A PDF page whose only text is turned a quarter round, as on a landscape table. */
QByteArray sidewaysPdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        QPainter painter(&writer);
        QFont font(u"Noto Sans CJK SC"_s);
        font.setPixelSize(12);
        painter.setFont(font);
        painter.translate(100, 100);
        painter.rotate(90);
        painter.drawText(QPointF(0, 0), u"收到和处理政府信息公开申请情况 2023 12 34"_s);
    }
    return buffer.data();
}

} // namespace

/**
 * Reports as they are published — HTML pages, Word files, PDFs — read into the same document
 * text and cells as the text reports they came from; and the files that cannot be read
 * answered with what the reviewer can do.
 */
class TestLoaders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void publishedSeeds_data();
    void publishedSeeds();
    void blankCellsStayInTheirColumn_data();
    void blankCellsStayInTheirColumn();
    void htmlPages_data();
    void htmlPages();
    void wordTables();
    void pdfRowKeepsAMissingCellEmpty();
    void pdfRegionsLocateTheText();
    void pdfWithOnlyAnOwnerPasswordReads();
    void truncatedPdfDoesNotCrash();
    void unreadableFiles_data();
    void unreadableFiles();
    void loaderChosenByContent_data();
    void loaderChosenByContent();
    void filePatternsListThePublishedFormats();
    void cliChecksAPdf();
    void hostileFilesAreRefusedQuickly_data();
    void hostileFilesAreRefusedQuickly();
    void gridBeforePadsNoRow();
    void cancelStopsInsideAFile_data();
    void cancelStopsInsideAFile();

private:
    const ReportTemplate &m_template = ReportTemplate::standard();
    ReportReader m_reader;
};

void TestLoaders::initTestCase()
{
    // The PDF fixtures need a CJK font; without it the test fails here, it never skips.
    QVERIFY2(QFontDatabase::families().contains(u"Noto Sans CJK SC"_s),
             "the font Noto Sans CJK SC is missing: install fonts-noto-cjk "
             "(scripts/install-deps.sh)");
}

void TestLoaders::publishedSeeds_data()
{
    QTest::addColumn<QString>("seed");
    QTest::addColumn<int>("format");
    for (const QString &seed : seedNames()) {
        for (Format format : {Format::Html, Format::Docx, Format::Pdf}) {
            QTest::addRow("%s published as %s reads the seed's 200 cells", qPrintable(seed),
                          formatDescription(format))
                << seed << int(format);
        }
    }
}

void TestLoaders::publishedSeeds()
{
    QFETCH(QString, seed);
    QFETCH(int, format);
    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blank;
    QVERIFY(seedText(seed, {}, &text, &truth, &blank, m_template));
    QByteArray bytes;
    QString problem;
    QVERIFY2(publish(Format(format), text, &bytes, &problem), qPrintable(problem));
    // NIANBAO_FIXTURE_DIR keeps the fixtures to open them by hand (a browser, Word, a reader).
    const Report report = m_reader.readBytes(bytes, u"x."_s % formatName(Format(format)));
    // NIANBAO_FIXTURE_DIR keeps each fixture and the text read from it, to open them by hand.
    const QString keep = qEnvironmentVariable("NIANBAO_FIXTURE_DIR");
    if (!keep.isEmpty()) {
        const QString path = keep % u'/' % seed % u'.' % formatName(Format(format));
        QFile fixture(path);
        QVERIFY(fixture.open(QIODevice::WriteOnly));
        fixture.write(bytes);
        QFile read(path % u".txt"_s);
        QVERIFY(read.open(QIODevice::WriteOnly));
        read.write(report.text.toUtf8());
    }
    QVERIFY2(report.loaded, qPrintable(errorList(report)));
    for (const Error &error : report.errors) {
        QVERIFY2(error.code != u"table.not_found" && error.code != u"row.columns"
                     && !error.code.startsWith(u"encoding.") && !error.code.startsWith(u"html.")
                     && !error.code.startsWith(u"docx.") && !error.code.startsWith(u"pdf."),
                 qPrintable(error.code % u": "_s % error.message));
    }
    Expected expected;
    QVERIFY(loadExpected(seed, &expected));
    QCOMPARE(report.agency, expected.agency);
    QCOMPARE(report.year, expected.year);
    const QStringList differences = cellDifferences(report, truth, blank, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
    const QStringList spans = misplacedSpans(report, m_template);
    QVERIFY2(spans.isEmpty(), differencesMessage(spans).constData());
}

void TestLoaders::blankCellsStayInTheirColumn_data()
{
    QTest::addColumn<int>("format");
    QTest::addColumn<QStringList>("blank");
    struct BlankCase
    {
        const char *name;
        QStringList keys;
    };
    const BlankCase cases[] = {
        {"a blank 科研机构 in the middle of 部分公开's row",
         {u"requests.partially_disclosed.research"_s}},
        {"two blank cells side by side in 予以公开's row",
         {u"requests.disclosed.commercial"_s, u"requests.disclosed.research"_s}},
        {"a blank 其他结果 of direct litigation in the middle of table 四's row",
         {u"appeals.litigation_direct.other"_s}},
        {"a blank repealed count of normative documents", {u"active.normative.repealed"_s}},
        {"a blank 总计 of withheld third party", {u"requests.withheld_third_party.total"_s}},
    };
    for (Format format : {Format::Pdf, Format::Html, Format::Docx}) {
        for (const BlankCase &blankCase : cases) {
            QTest::addRow("%s in %s stays missing, its neighbours in place", blankCase.name,
                          formatDescription(format))
                << int(format) << blankCase.keys;
        }
    }
}

void TestLoaders::blankCellsStayInTheirColumn()
{
    QFETCH(int, format);
    QFETCH(QStringList, blank);
    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blankCells;
    // 003 has figures other than 0, so a figure read into its neighbour's column shows.
    QVERIFY(seedText(u"003_26cd6f5c3c427896"_s, QSet<QString>(blank.begin(), blank.end()), &text,
                     &truth, &blankCells, m_template));
    QByteArray bytes;
    QString problem;
    QVERIFY2(publish(Format(format), text, &bytes, &problem), qPrintable(problem));
    const Report report = m_reader.readBytes(bytes, u"x."_s % formatName(Format(format)));
    QVERIFY2(report.loaded, qPrintable(errorList(report)));
    const QStringList differences = cellDifferences(report, truth, blankCells, m_template);
    QVERIFY2(differences.isEmpty(), differencesMessage(differences).constData());
}

void TestLoaders::htmlPages_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("encoding");
    const QString merged
        = u"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
          u"<title>不显示</title></head><body><p>朱镕基&nbsp;题</p>"
          u"<table><tr><td rowspan=\"2\">项目</td><td colspan=\"2\">申请人<br>情况</td></tr>"
          u"<tr><td>自然人</td><td>法人</td></tr>"
          u"<tr><td>收到&amp;处理</td><td>&#49;</td><td>&nbsp;</td></tr>"
          u"<tr><td>结转<td>&#x32;<td>3</table><p>完</p></body></html>"_s;
    QTest::newRow("a GB2312 page decodes as GB18030, merged cells keep their columns")
        << encodeWithIcu(merged, "GB18030")
        << u"朱镕基 题\n\n项目\t申请人 情况\t\n\t自然人\t法人\n收到&处理\t1\t\n结转\t2\t3\n\n完\n"_s
        << u"GB18030"_s;
    const QString nested
        = u"<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"
          u"<table><tr><td>首页 &gt; 公开</td></tr><tr><td><p>正文一</p><p>正文二</p>"
          u"<table border=1><tr><th>类别</th><th>数量</th></tr><tr><td>规章</td><td>0</td></tr>"
          u"</table></td></tr></table><script>document.write('<td>x</td>')</script></body></html>"_s;
    QTest::newRow("a layout table is flattened around the table it holds")
        << nested.toUtf8() << u"首页 > 公开\n正文一\n正文二\n\n类别\t数量\n规章\t0\n"_s
        << u"UTF-8"_s;
    const QString stale = u"<html><head><meta charset=\"utf-8\"></head><body><p>公开申请</p>"
                          u"</body></html>"_s;
    QTest::newRow("a GBK page declaring UTF-8 is read as what it is")
        << encodeWithIcu(stale, "GB18030") << u"公开申请\n"_s << u"GB18030"_s;
}

void TestLoaders::htmlPages()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, text);
    QFETCH(QString, encoding);
    const Result<LoadedDocument> loaded = loaderFor(u"page.html"_s, bytes).load(bytes);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded.value().text, text);
    QCOMPARE(loaded.value().encoding, encoding);
}

void TestLoaders::wordTables()
{
    const QByteArray docx = wordDocument(
        "<w:p><w:r><w:t>标题</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>增补</w:t></w:r></w:ins><w:r><w:tab/><w:t>2023</w:t></w:r></w:p>"
        "<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>"
        "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>项目</w:t>"
        "</w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r>"
        "<w:t>申请人</w:t><w:br/><w:t>情况</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc><w:tc><w:p><w:r><w:t>自然人</w:t>"
        "</w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>法人</w:t></w:r></w:p></w:tc></w:tr>"
        "<w:tr><w:tc><w:p><w:r><w:t>收到</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t>"
        "</w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>"
        "<w:tr><w:trPr><w:gridBefore w:val=\"1\"/></w:trPr><w:tc><w:p><w:r><w:t>2</w:t></w:r>"
        "</w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><w:t xml:space=\"preserve\">完 </w:t></w:r></w:p>");
    QVERIFY(!docx.isEmpty());
    const Result<LoadedDocument> loaded = loaderFor(u"x.docx"_s, docx).load(docx);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded.value().text,
             u"标题增补\t2023\n\n项目\t申请人 情况\t\n\t自然人\t法人\n收到\t1\t\n\t2\t3\n\n完\n"_s);
}

void TestLoaders::pdfRowKeepsAMissingCellEmpty()
{
    // Drawn out of order on purpose: the rows come from positions, not from the drawing order.
    const QByteArray pdf = drawPdf({
        {u"办理"_s, 40, 140},
        {u"4"_s, 160, 140},
        {u"6"_s, 280, 140},
        {u"项目"_s, 40, 100},
        {u"甲"_s, 155, 100},
        {u"乙"_s, 215, 100},
        {u"丙"_s, 275, 100},
        {u"收到"_s, 40, 120},
        {u"1"_s, 160, 120},
        {u"2"_s, 220, 120},
        {u"3"_s, 280, 120},
        {u"结转"_s, 40, 160},
        {u"7"_s, 160, 160},
        {u"8"_s, 220, 160},
        {u"19"_s, 277, 160},
        {u"表后的一段话。"_s, 40, 200},
    });
    const Result<LoadedDocument> loaded = loaderFor(u"x.pdf"_s, pdf).load(pdf);
    QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().message));
    QCOMPARE(
        loaded.value().text,
        u"项目\t甲\t乙\t丙\n收到\t1\t2\t3\n办理\t4\t\t6\n结转\t7\t8\t19\n\n表后的一段话。\n"_s);
}

void TestLoaders::pdfRegionsLocateTheText()
{
    const QByteArray pdf = drawPdf(
        {{u"项目"_s, 40, 100}, {u"数量"_s, 160, 100}, {u"规章"_s, 40, 120}, {u"12"_s, 165, 120}});
    const Result<LoadedDocument> loaded = loaderFor(u"x.pdf"_s, pdf).load(pdf);
    QVERIFY(loaded.ok());
    const LoadedDocument &document = loaded.value();
    QCOMPARE(document.pageSizes.size(), 1);
    QCOMPARE(document.regions.size(), 4);
    const PageRegion &figure = document.regions.back();
    QCOMPARE(QStringView(document.text).sliced(figure.start, figure.end - figure.start), u"12");
    QCOMPARE(figure.page, 0);
    // drawText's point is the baseline's left end; the box holds it.
    QVERIFY2(figure.rect.left() <= 165.5 && figure.rect.right() > 170 && figure.rect.top() < 120
                 && figure.rect.bottom() > 118,
             qPrintable(u"%1 %2 %3 %4"_s.arg(figure.rect.left())
                            .arg(figure.rect.top())
                            .arg(figure.rect.width())
                            .arg(figure.rect.height())));
}

void TestLoaders::pdfWithOnlyAnOwnerPasswordReads()
{
    const QByteArray pdf = writeEncryptedPdf("Annual report 2023", {}, "owner");
    const Report report = m_reader.readBytes(pdf, u"restricted.pdf"_s);
    QVERIFY2(report.loaded, qPrintable(errorList(report)));
    QVERIFY2(report.text.contains(u"Annual report 2023"), qPrintable(report.text));
}

void TestLoaders::truncatedPdfDoesNotCrash()
{
    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blank;
    QVERIFY(seedText(seedNames().front(), {}, &text, &truth, &blank, m_template));
    QByteArray pdf;
    QString problem;
    QVERIFY2(writePdfFixture(fixtureDocument(text), &pdf, &problem), qPrintable(problem));
    for (qsizetype size : {pdf.size() / 2, pdf.size() - 40, qsizetype(300)}) {
        const Report report = m_reader.readBytes(pdf.left(size), u"cut.pdf"_s);
        if (!report.loaded) {
            QVERIFY(!report.errors.isEmpty());
            QVERIFY2(report.errors.front().code.startsWith(u"pdf."),
                     qPrintable(report.errors.front().code));
        }
    }
}

void TestLoaders::unreadableFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("code");

    QTest::newRow("a scanned PDF in which OCR finds no text is ocr.no_text")
        << writeScannedPdf() << u"scan.pdf"_s << u"ocr.no_text"_s;
    QBuffer empty;
    empty.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&empty);
        QPainter painter(&writer);
    }
    QTest::newRow("a PDF with a blank page is ocr.no_text")
        << empty.data() << u"blank.pdf"_s << u"ocr.no_text"_s;
    QTest::newRow("a PDF locked with a user password is pdf.encrypted")
        << writeEncryptedPdf("Annual report 2023", "secret", "owner") << u"locked.pdf"_s
        << u"pdf.encrypted"_s;
    QTest::newRow("a damaged PDF is pdf.corrupt")
        << QByteArray("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R\ngarbage")
        << u"damaged.pdf"_s << u"pdf.corrupt"_s;
    QTest::newRow("a web page saved as .pdf is read as the web page, not refused")
        << QByteArray("<!DOCTYPE html><html><body><script>x()</script></body></html>")
        << u"report.pdf"_s << u"html.no_text"_s;
    QTest::newRow("a legacy Word .doc is doc.legacy")
        << oleFile(u"WordDocument") << u"report.doc"_s << u"doc.legacy"_s;
    QTest::newRow("an OLE file named .docx without Word streams is doc.legacy")
        << oleFile(u"Root Entry") << u"report.docx"_s << u"doc.legacy"_s;
    QTest::newRow("a password-protected .docx is docx.encrypted")
        << oleFile(u"EncryptedPackage") << u"report.docx"_s << u"docx.encrypted"_s;
    QTest::newRow("an RTF file is doc.rtf")
        << QByteArray("{\\rtf1\\ansi\\deff0 {\\fonttbl}\\f0 report}") << u"report.doc"_s
        << u"doc.rtf"_s;

    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blank;
    QVERIFY(seedText(seedNames().front(), {}, &text, &truth, &blank, m_template));
    const QByteArray docx = writeDocxFixture(fixtureDocument(text));
    QVERIFY(!docx.isEmpty());
    QTest::newRow("a .docx cut in half is docx.corrupt")
        << docx.left(docx.size() / 2) << u"cut.docx"_s << u"docx.corrupt"_s;
    QTest::newRow("a .docx cut after its first bytes is docx.corrupt")
        << docx.left(30) << u"cut.docx"_s << u"docx.corrupt"_s;
    QTest::newRow("a .docx whose XML breaks off is docx.corrupt")
        << wordDocument("<w:p><w:r><w:t>未完") << u"broken.docx"_s << u"docx.corrupt"_s;
    QTest::newRow("a zip without a Word document is docx.not_word")
        << writeZip({{u"readme.txt"_s, "hello"}}) << u"archive.zip"_s << u"docx.not_word"_s;
    QTest::newRow("a .docx without text is docx.no_text")
        << wordDocument("<w:p/><w:p><w:r><w:drawing/></w:r></w:p>") << u"scan.docx"_s
        << u"docx.no_text"_s;
    QTest::newRow("an HTML page with nothing but script is html.no_text")
        << QByteArray("<html><head><script>render()</script></head><body></body></html>")
        << u"app.html"_s << u"html.no_text"_s;
}

void TestLoaders::unreadableFiles()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(QString, code);
    QVERIFY(!bytes.isEmpty());
    const Report report = m_reader.readBytes(bytes, fileName);
    QVERIFY2(!report.loaded, qPrintable(report.text.left(200)));
    QCOMPARE(report.errors.size(), 1);
    const Error &error = report.errors.front();
    QCOMPARE(error.code, code);
    QCOMPARE(error.where.file, fileName);
    // A sentence that tells the reviewer what to do, not a bare code.
    QVERIFY2(error.message.size() > 40 && !error.message.contains(error.code),
             qPrintable(error.message));
    QCOMPARE(report.cells.size(), size_t(m_template.cellCount()));
}

void TestLoaders::loaderChosenByContent_data()
{
    QTest::addColumn<QByteArray>("head");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("format");
    QTest::newRow("%PDF named .txt is a PDF") << QByteArray("%PDF-1.4\n") << u"x.txt"_s << u"pdf"_s;
    QTest::newRow("%PDF after junk bytes is a PDF")
        << QByteArray("\r\n\r\n%PDF-1.7\n") << u"x"_s << u"pdf"_s;
    QTest::newRow("a zip named .doc is Word")
        << QByteArray("PK\x03\x04\x14\0", 6) << u"x.doc"_s << u"docx"_s;
    QTest::newRow("an OLE file named .docx is legacy Word")
        << QByteArray("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") << u"x.docx"_s << u"doc"_s;
    QTest::newRow("an HTML page named .txt is HTML")
        << QByteArray("<!DOCTYPE html>\n<html>") << u"x.txt"_s << u"html"_s;
    QTest::newRow("an HTML page after a BOM and a comment is HTML")
        << QByteArray("\xEF\xBB\xBF<!-- saved from url -->\n<HTML><HEAD>") << u"x"_s << u"html"_s;
    QTest::newRow("a page starting with <meta charset> is HTML")
        << QByteArray("<meta charset=\"gbk\"><p>") << u"x"_s << u"html"_s;
    QTest::newRow("an HTML fragment named .htm is HTML")
        << QByteArray("<p>正文</p>") << u"x.htm"_s << u"html"_s;
    QTest::newRow("bytes named .pdf without a signature go to the PDF loader")
        << QByteArray("not a pdf") << u"x.PDF"_s << u"pdf"_s;
    QTest::newRow("a text report is text")
        << QByteArray("某局2023年政府信息公开工作年度报告") << u"x.txt"_s << u"text"_s;
    QTest::newRow("a PNG named .txt is read as an image: its bytes decide")
        << QByteArray("\x89PNG\r\n\x1A\n", 8) << u"x.txt"_s << u"image"_s;
}

void TestLoaders::loaderChosenByContent()
{
    QFETCH(QByteArray, head);
    QFETCH(QString, fileName);
    QFETCH(QString, format);
    QCOMPARE(loaderFor(fileName, head).formatName(), format);
}

void TestLoaders::filePatternsListThePublishedFormats()
{
    const QStringList patterns = reportFilePatterns();
    for (const QString &pattern : {u"*.txt"_s, u"*.html"_s, u"*.htm"_s, u"*.docx"_s, u"*.pdf"_s})
        QVERIFY2(patterns.contains(pattern), qPrintable(pattern));
}

void TestLoaders::cliChecksAPdf()
{
    const QString seed = u"004_1a8c02130c595433"_s;
    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blank;
    QVERIFY(seedText(seed, {}, &text, &truth, &blank, m_template));
    QByteArray pdf;
    QString problem;
    QVERIFY2(writePdfFixture(fixtureDocument(text), &pdf, &problem), qPrintable(problem));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"report.pdf"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(pdf), pdf.size());
    file.close();

    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI_PATH), {u"check"_s, u"--json"_s, path});
    QVERIFY(cli.waitForFinished(60000));
    QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
    QVERIFY2(cli.exitCode() == 0 || cli.exitCode() == 1, cli.readAllStandardError().constData());
    const QJsonArray reports
        = QJsonDocument::fromJson(cli.readAllStandardOutput()).object()[u"reports"_s].toArray();
    QCOMPARE(reports.size(), 1);
    const QJsonObject report = reports.first().toObject();
    QCOMPARE(report[u"errors"_s].toArray().size(), 0);
    QCOMPARE(report[u"agency"_s].toString(), u"川汇区政府办公室"_s);
    const QJsonArray cells = report[u"cells"_s].toArray();
    QCOMPARE(cells.size(), m_template.cellCount());
    int extracted = 0;
    for (const QJsonValue &cell : cells) {
        const QJsonObject object = cell.toObject();
        const int index = m_template.cellIndex(CellKey(object[u"key"_s].toString()));
        QVERIFY(index >= 0);
        if (object[u"state"_s].toString() != u"extracted")
            continue;
        ++extracted;
        QCOMPARE(object[u"value"_s].toDouble(), *truth[size_t(index)]);
        QVERIFY(object[u"source"_s].isArray());
    }
    QCOMPARE(extracted, m_template.cellCount() - int(blank.size()));
}

void TestLoaders::hostileFilesAreRefusedQuickly_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("named"); ///< what the message must name (a cap, a part)

    QTest::newRow("a .docx nesting 22,000 tables is docx.too_deep at 64 levels")
        << wordDocument(
               nestedWordBody("<w:tbl><w:tr><w:tc>", "<w:p/>", "</w:tc></w:tr></w:tbl>", 22'000))
        << u"tables.docx"_s << u"docx.too_deep"_s << u"64"_s;
    QTest::newRow("a .docx nesting 60,000 content controls is docx.too_deep at 256 levels")
        << wordDocument("<w:p>"
                        + nestedWordBody("<w:sdt><w:sdtContent>", "<w:r><w:t>x</w:t></w:r>",
                                         "</w:sdtContent></w:sdt>", 60'000)
                        + "</w:p>")
        << u"sdt.docx"_s << u"docx.too_deep"_s << u"256"_s;
    QTest::newRow("a .docx nesting 60,000 runs is docx.too_deep at 256 levels")
        << wordDocument("<w:p>" + nestedWordBody("<w:r>", "<w:t>x</w:t>", "</w:r>", 60'000)
                        + "</w:p>")
        << u"runs.docx"_s << u"docx.too_deep"_s << u"256"_s;
    QTest::newRow("a .docx of 250,000 empty paragraphs is docx.too_large")
        << wordDocument(QByteArray("<w:p/>").repeated(250'000)) << u"paragraphs.docx"_s
        << u"docx.too_large"_s << u"200000"_s;
    QTest::newRow("a .docx whose part unpacks to 33 MiB is docx.too_large")
        << wordDocument(QByteArray(33 * 1024 * 1024, ' ')) << u"bomb.docx"_s << u"docx.too_large"_s
        << u"32 MB"_s;
    QTest::newRow("a ZipCrypto .docx is docx.encrypted, not damaged")
        << markEncrypted(wordDocument("<w:p><w:r><w:t>x</w:t></w:r></w:p>")) << u"zipcrypto.docx"_s
        << u"docx.encrypted"_s << u"password"_s;
    QByteArray twice
        = writeZip({{u"word/document.xml"_s, "decoy"}, {u"word/documenX.xml"_s, "the real part"}});
    twice.replace("word/documenX.xml", "word/document.xml");
    QTest::newRow("a .docx with two word/document.xml entries is docx.duplicate_part")
        << twice << u"twice.docx"_s << u"docx.duplicate_part"_s << u"word/document.xml"_s;
    QTest::newRow("a PDF whose content stream inflates to 20 MiB is pdf.too_large")
        << pdfWithFlateContent(QByteArray(20 * 1024 * 1024, ' ')) << u"bomb.pdf"_s
        << u"pdf.too_large"_s << u"8 MB"_s;
    QTest::newRow("a PDF of sideways text is pdf.sideways_text, not a scan")
        << sidewaysPdf() << u"sideways.pdf"_s << u"pdf.sideways_text"_s << u"sideways"_s;
}

void TestLoaders::hostileFilesAreRefusedQuickly()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    QFETCH(QString, code);
    QFETCH(QString, named);
    QVERIFY(!bytes.isEmpty());
    QElapsedTimer timer;
    timer.start();
    const Report report = m_reader.readBytes(bytes, fileName);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(!report.loaded, qPrintable(report.text.left(200)));
    QCOMPARE(report.errors.size(), 1);
    const Error &error = report.errors.front();
    QCOMPARE(error.code, code);
    QCOMPARE(error.where.file, fileName);
    QVERIFY2(error.message.contains(named), qPrintable(error.message));
    QVERIFY2(!error.message.contains(u"scan"_s), qPrintable(error.message));
}

void TestLoaders::gridBeforePadsNoRow()
{
    // Each row leaves 1,000 grid columns out before its cell: expanded, 3,000 rows of 1,001
    // fields (a gigabyte at 16 MB); the table is written as its cells stand, with a warning.
    QByteArray rows;
    for (int r = 0; r < 3000; ++r) {
        rows += "<w:tr><w:trPr><w:gridBefore w:val=\"1000\"/></w:trPr><w:tc><w:p><w:r><w:t>"
            + QByteArray::number(r) + "</w:t></w:r></w:p></w:tc></w:tr>";
    }
    QElapsedTimer timer;
    timer.start();
    const Report report
        = m_reader.readBytes(wordDocument("<w:tbl>" + rows + "</w:tbl>"), u"grid.docx"_s);
    QVERIFY2(timer.elapsed() < test::kHangLimitMs, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(report.loaded, qPrintable(errorList(report)));
    QVERIFY2(report.text.size() < 40'000, qPrintable(QString::number(report.text.size())));
    QVERIFY(report.text.contains(u"\t2999\n"_s));
    const auto warning
        = std::find_if(report.errors.begin(), report.errors.end(),
                       [](const Error &e) { return e.code.startsWith(u"structure."); });
    QVERIFY2(warning != report.errors.end(), qPrintable(errorList(report)));
    QVERIFY2(warning->message.contains(u"200000"_s), qPrintable(warning->message));
}

void TestLoaders::cancelStopsInsideAFile_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("fileName");
    QString text;
    std::vector<std::optional<double>> truth;
    QSet<int> blank;
    QVERIFY(seedText(seedNames().front(), {}, &text, &truth, &blank, m_template));
    QByteArray pdf;
    QString problem;
    QVERIFY2(writePdfFixture(fixtureDocument(text), &pdf, &problem), qPrintable(problem));
    QTest::newRow("a PDF stops before its first page") << pdf << u"report.pdf"_s;
    QTest::newRow("a Word file stops within its first 4,096 paragraphs")
        << wordDocument(QByteArray("<w:p><w:r><w:t>x</w:t></w:r></w:p>").repeated(5000))
        << u"report.docx"_s;
}

void TestLoaders::cancelStopsInsideAFile()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, fileName);
    const std::atomic<bool> cancel = true;
    ReportReader reader;
    reader.setBudget(ReadBudget::kPerFile, &cancel);
    Report report = reader.readBytes(bytes, fileName);
    QVERIFY(!report.loaded);
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors.front().code, u"read.cancelled"_s);

    reader.setBudget(std::chrono::milliseconds(0));
    report = reader.readBytes(bytes, fileName);
    QVERIFY(!report.loaded);
    QCOMPARE(report.errors.size(), 1);
    QCOMPARE(report.errors.front().code, u"read.too_slow"_s);
    QVERIFY2(report.errors.front().message.contains(u"page 1"_s)
                 || report.errors.front().message.contains(u"line"_s),
             qPrintable(report.errors.front().message));
}

QTEST_MAIN(TestLoaders)
#include "tst_loaders.moc"

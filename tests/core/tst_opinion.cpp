// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 16 item 4: the review opinion (审核意见) on a report, its .docx, and `nianbao-cli opinion`.
#include "library/reviewlibrary.h"
#include "loaders/docx/ziparchive.h"
#include "opinion/opiniondocx.h"
#include "opinion/reviewopinion.h"
#include "reportreader.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

const ReportReader &reader()
{
    static const ReportReader instance;
    return instance;
}

QString seed004()
{
    return seedReportPath(u"004_1a8c02130c595433"_s);
}

/** A real report whose table breaks requests.balance and whose text contradicts it. */
QString realReport()
{
    return dataPath(u"real/p30-pingtan-jjfzj-2023.txt"_s);
}

ExportedReview reviewOf(const QString &path)
{
    ExportedReview review;
    review.review.report = reader().readFile(path);
    review.findings = review.review.report.findings;
    return review;
}

OpinionOptions fixedOptions()
{
    OpinionOptions options;
    options.reviewer = u"王审核"_s;
    options.date = QDate(2026, 12, 3);
    return options;
}

const OpinionItem *itemOf(const ReviewOpinion &opinion, const QString &rule, int index = 0)
{
    for (const OpinionItem &item : opinion.items) {
        if (item.rule == rule && index-- == 0)
            return &item;
    }
    return nullptr;
}

/** Every w:t text of a document.xml, joined; empty with `*error` set if it does not parse. */
QString documentText(const QByteArray &xml, QString *error)
{
    QXmlStreamReader reader(xml);
    QString text;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.qualifiedName() == u"w:t")
            text += reader.readElementText();
        else if (reader.isEndElement() && reader.qualifiedName() == u"w:p")
            text += u'\n';
    }
    if (reader.hasError())
        *error = reader.errorString();
    return text;
}

int runCli(const QStringList &arguments, QByteArray *out = nullptr, QByteArray *err = nullptr)
{
    QProcess cli;
    cli.start(QStringLiteral(NIANBAO_CLI_PATH), arguments);
    if (!cli.waitForFinished(120000))
        return -1;
    if (out)
        *out = cli.readAllStandardOutput();
    if (err)
        *err = cli.readAllStandardError();
    return cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
}

} // namespace

class TestOpinion : public QObject
{
    Q_OBJECT

private slots:
    void seedOpinionNamesEachFindingInTheFormsWords();
    void realReportOpinionWordsTheBrokenRules();
    void blankCellsTheRulesMakeZeroAreNamedRowByRow();
    void dismissedFindingIsLeftOutAndCounted();
    void readingFaultIsLeftOutUnlessConfirmedOrIncluded();
    void correctionsAndNotesAreQuoted();
    void unreadableReportAsksForAReadableFile();
    void fileNamesAreSafeAndUnique();
    void docxIsAValidPackage();
    void docxParsesInPython();
    void docxReadsBackThroughTheWordLoader();
    void docxOpensInLibreOffice();
    void docxRefusesAnUnwritablePath();
    void cliWritesOneDocxPerReport();
    void cliRefusesAFileAsFolder();
    void cliWritesTheOthersWhenAFileCannotBeRead();
    void cliWritesTheLibrarysCorrectionsAndNotes();
};

void TestOpinion::seedOpinionNamesEachFindingInTheFormsWords()
{
    const ExportedReview review = reviewOf(seed004());
    QCOMPARE(review.findings.size(), 3);
    const ReviewOpinion opinion = buildReviewOpinion(review, {}, fixedOptions());
    QCOMPARE(opinion.title(), u"关于川汇区政府办公室2023年政府信息公开工作年度报告的审核意见"_s);
    QCOMPARE(opinion.items.size(), 3);
    const OpinionItem &received = opinion.items[0];
    QCOMPARE(received.rule, u"value.missing"_s);
    QCOMPARE(received.table, u"三、收到和处理政府信息公开申请情况"_s);
    QCOMPARE(received.where, u"表三 第1行「一、本年新收政府信息公开申请数量」 第1列「自然人」"_s);
    QCOMPARE(received.printed, u"报告中该格未填写数字（空白）。"_s);
    QCOMPARE(received.implied, u"按勾稽关系，该格应为 6。"_s);
    QCOMPARE(opinion.items[1].where, u"表三 第3行「(一) 予以公开」 第1列「自然人」"_s);
    QCOMPARE(opinion.items[1].implied, u"按勾稽关系，该格应为 3。"_s);
    QCOMPARE(opinion.items[2].implied, u"按勾稽关系，该格应为 0。"_s);
    const QString text = opinion.plainText();
    QVERIFY2(!text.contains(u"requests."_s), qPrintable(text));
    QVERIFY2(text.contains(u"存在以下 3 处问题"_s), qPrintable(text));
    QVERIFY(text.contains(u"审核人：王审核"_s));
    QVERIFY(text.contains(u"2026年12月3日"_s));
}

void TestOpinion::realReportOpinionWordsTheBrokenRules()
{
    const ExportedReview review = reviewOf(realReport());
    const ReviewOpinion opinion = buildReviewOpinion(review, {}, fixedOptions());
    QCOMPARE(opinion.agency, u"平潭综合实验区经济发展局"_s);
    const OpinionItem *balance = itemOf(opinion, u"requests.balance"_s);
    QVERIFY2(balance, qPrintable(opinion.plainText()));
    QCOMPARE(balance->where, u"表三 第1列「自然人」"_s);
    QVERIFY2(balance->printed.startsWith(u"报告所列：「一、本年新收政府信息公开申请数量」 3、"_s),
             qPrintable(balance->printed));
    QVERIFY2(balance->implied.contains(u"第一项加第二项之和，等于第三项加第四项之和"_s),
             qPrintable(balance->implied));
    QVERIFY2(balance->implied.contains(u"3 + 0 = 3，而 0 + 0 = 0，两者应当相等，现相差 3"_s),
             qPrintable(balance->implied));
    QCOMPARE(
        balance->suggestion,
        u"按勾稽关系，表三 第1行「一、本年新收政府信息公开申请数量」 第1列「自然人」应为 0。"_s);
    QVERIFY(itemOf(opinion, u"requests.balance"_s, 1)); // 总计 too
    QCOMPARE(itemOf(opinion, u"requests.balance"_s, 1)->where, u"表三 第7列「总计」"_s);
    const OpinionItem *stated = itemOf(opinion, u"text.table"_s);
    QVERIFY2(stated, qPrintable(opinion.plainText()));
    QVERIFY2(stated->printed.startsWith(u"正文称「"_s), qPrintable(stated->printed));
    QCOMPARE(stated->printed, u"正文称「共收到政府信息公开申请0条」，表格中该格填报为 3。"_s);
    QCOMPARE(stated->where, u"表三 第1行「一、本年新收政府信息公开申请数量」 第7列「总计」"_s);
    QVERIFY(!opinion.plainText().contains(u"requests."_s));
}

void TestOpinion::blankCellsTheRulesMakeZeroAreNamedRowByRow()
{
    const ReviewOpinion opinion = buildReviewOpinion(
        reviewOf(dataPath(u"real/q82-pingtan-htpq-2021.txt"_s)), {}, fixedOptions());
    const auto zeros
        = std::find_if(opinion.items.begin(), opinion.items.end(), [](const OpinionItem &item) {
              return item.cells.size() > 1 && item.rule == u"value.missing";
          });
    QVERIFY2(zeros != opinion.items.end(), qPrintable(opinion.plainText()));
    QCOMPARE(zeros->where, u"表三（21 格）"_s);
    QVERIFY2(
        zeros->printed.startsWith(
            u"以下 21 格未填写数字（空白）：「(六) 其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请」整行；"_s),
        qPrintable(zeros->printed));
    QCOMPARE(zeros->request, u"请在上述空白格中填写 0。"_s);
}

void TestOpinion::dismissedFindingIsLeftOutAndCounted()
{
    const ExportedReview review = reviewOf(seed004());
    QHash<FindingKey, FindingDecision> decisions;
    decisions.insert(review.findings[1].key,
                     {DecisionState::Dismissed, u"单位已说明"_s, u"王审核"_s, {}});
    const ReviewOpinion opinion
        = buildReviewOpinion(review, decisionsByKey(decisions), fixedOptions());
    QCOMPARE(opinion.items.size(), 2);
    QCOMPARE(opinion.dismissed, 1);
    QVERIFY(std::none_of(opinion.items.begin(), opinion.items.end(),
                         [&](const OpinionItem &i) { return i.key == review.findings[1].key; }));
    QCOMPARE(opinion.dismissedText(), u"另有 1 项经核实不再列入。"_s);
    QVERIFY(opinion.plainText().contains(u"另有 1 项经核实不再列入。"_s));
}

void TestOpinion::readingFaultIsLeftOutUnlessConfirmedOrIncluded()
{
    ExportedReview review = reviewOf(seed004());
    review.findings[0].fault = Fault::Reading;
    const FindingKey doubted = review.findings[0].key;
    ReviewOpinion opinion = buildReviewOpinion(review, {}, fixedOptions());
    QCOMPARE(opinion.items.size(), 2);
    QCOMPARE(opinion.readingLeftOut, 1);
    QCOMPARE(opinion.dismissed, 0);
    QVERIFY(opinion.dismissedText().isEmpty());

    QHash<FindingKey, FindingDecision> confirmed;
    confirmed.insert(doubted, {DecisionState::Confirmed, {}, u"王审核"_s, {}});
    opinion = buildReviewOpinion(review, decisionsByKey(confirmed), fixedOptions());
    QCOMPARE(opinion.items.size(), 3);
    QCOMPARE(opinion.items[0].decision.state, DecisionState::Confirmed);
    QVERIFY(opinion.items[0].heading(1).endsWith(u"（已确认）"_s));

    OpinionOptions all = fixedOptions();
    all.includeReadingFaults = true;
    opinion = buildReviewOpinion(review, {}, all);
    QCOMPARE(opinion.items.size(), 3);
    QCOMPARE(opinion.items[0].fault, Fault::Reading);
}

void TestOpinion::correctionsAndNotesAreQuoted()
{
    ExportedReview review = reviewOf(realReport());
    const int total = cellOf("requests.total_processed.natural");
    CellValue previous = review.review.report.cells[size_t(total)];
    CellValue current = previous;
    current.value = 3;
    current.state = CellState::Corrected;
    review.review.corrections.append(
        {total, previous, current, u"李审核"_s, QDateTime(QDate(2026, 12, 1), QTime(9, 30))});
    review.review.cellNotes.insert(total, u"电话核实：应为 3 件"_s);
    review.review.note = u"请于十日内报送"_s;
    const ReviewOpinion opinion = buildReviewOpinion(review, {}, fixedOptions());
    const OpinionItem *balance = itemOf(opinion, u"requests.balance"_s);
    QVERIFY(balance);
    QCOMPARE(balance->corrections.size(), 1);
    QCOMPARE(balance->corrections[0],
             u"表三 第24行「(七) 总计」 第1列「自然人」由 0 改为 3（李审核，2026-12-01 09:30）"_s);
    QCOMPARE(balance->notes,
             QStringList {u"表三 第24行「(七) 总计」 第1列「自然人」：电话核实：应为 3 件"_s});
    QVERIFY(opinion.plainText().contains(u"审核意见备注：请于十日内报送"_s));
}

void TestOpinion::unreadableReportAsksForAReadableFile()
{
    const ExportedReview review = reviewOf(dataPath(u"no-such-report.pdf"_s));
    const ReviewOpinion opinion = buildReviewOpinion(review, {}, fixedOptions());
    QVERIFY(!opinion.loaded);
    QVERIFY(opinion.items.isEmpty());
    QVERIFY2(opinion.introduction().contains(u"无法读取"_s), qPrintable(opinion.introduction()));
    QVERIFY(opinion.title().contains(u"no-such-report.pdf"_s));
}

void TestOpinion::fileNamesAreSafeAndUnique()
{
    ReviewOpinion opinion;
    opinion.agency = u"某市/某局: \"办公室\""_s;
    opinion.year = 2023;
    QCOMPARE(opinionBaseName(opinion), u"某市_某局___办公室_-2023-审核意见"_s);
    QStringList taken;
    QCOMPARE(uniqueOpinionBaseName(opinion, taken), u"某市_某局___办公室_-2023-审核意见"_s);
    QCOMPARE(uniqueOpinionBaseName(opinion, taken), u"某市_某局___办公室_-2023-审核意见-2"_s);
    ReviewOpinion unnamed;
    unnamed.file = u"/tmp/../.hidden report.txt"_s;
    QCOMPARE(opinionBaseName(unnamed), u"hidden_report-审核意见"_s);
}

void TestOpinion::docxIsAValidPackage()
{
    QTemporaryDir folder;
    const ReviewOpinion opinion = buildReviewOpinion(reviewOf(realReport()), {}, fixedOptions());
    const QString path = folder.filePath(u"opinion.docx"_s);
    const Result<void> written = writeOpinionDocx(opinion, path);
    QVERIFY2(written, written ? "" : qPrintable(written.error().message));
    QByteArray bytes;
    QVERIFY(readFileBytes(path, &bytes));
    QVERIFY(bytes.startsWith("PK\x03\x04"));
    const Result<std::shared_ptr<ZipArchive>> zip = ZipArchive::open(bytes);
    QVERIFY(zip);
    for (const QString &part : {u"[Content_Types].xml"_s, u"_rels/.rels"_s, u"word/document.xml"_s,
                                u"word/styles.xml"_s, u"word/_rels/document.xml.rels"_s})
        QVERIFY2(zip.value()->contains(part), qPrintable(part));
    const Result<QByteArray> xml = zip.value()->read(u"word/document.xml"_s, 1 << 24);
    QVERIFY(xml);
    QString error;
    const QString text = documentText(xml.value(), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(text.contains(opinion.title()));
    QVERIFY(text.contains(u"平潭综合实验区经济发展局："_s));
    QVERIFY(text.contains(u"表三 第1列「自然人」"_s));
    QVERIFY(text.contains(u"第一项加第二项之和，等于第三项加第四项之和"_s));
    QVERIFY(text.contains(itemOf(opinion, u"text.table"_s)->printed));
    QVERIFY(text.contains(u"报告单位"_s)); // the facts table
    QVERIFY(xml.value().contains("<w:tbl>"));
    QVERIFY(xml.value().contains("w:w=\"11906\" w:h=\"16838\"")); // A4
    // Every part is well-formed XML.
    for (const QString &part : {u"[Content_Types].xml"_s, u"_rels/.rels"_s, u"word/styles.xml"_s}) {
        QXmlStreamReader reader(zip.value()->read(part, 1 << 20).value());
        while (!reader.atEnd())
            reader.readNext();
        QVERIFY2(!reader.hasError(), qPrintable(part + u": "_s + reader.errorString()));
    }
}

void TestOpinion::docxParsesInPython()
{
    const QString python = QStandardPaths::findExecutable(u"python3"_s);
    if (python.isEmpty())
        QSKIP("python3 is not installed");
    QTemporaryDir folder;
    const ReviewOpinion opinion = buildReviewOpinion(reviewOf(seed004()), {}, fixedOptions());
    const QString path = folder.filePath(u"seed.docx"_s);
    QVERIFY(writeOpinionDocx(opinion, path));
    // Python's zipfile checks every member's CRC; ElementTree parses each XML part.
    const QString script = uR"(
import sys, zipfile, xml.etree.ElementTree as ET
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
for name in z.namelist():
    ET.fromstring(z.read(name))
ns = {'w': 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'}
body = ET.fromstring(z.read('word/document.xml'))
sys.stdout.buffer.write(''.join(t.text or '' for t in body.iter('{%s}t' % ns['w'])).encode())
)"_s;
    QProcess process;
    process.start(python, {u"-c"_s, script, path});
    QVERIFY(process.waitForFinished(60000));
    QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
    const QString text = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(text.contains(opinion.title()), qPrintable(text));
    QVERIFY(text.contains(u"表三 第1行「一、本年新收政府信息公开申请数量」 第1列「自然人」"_s));
}

void TestOpinion::docxReadsBackThroughTheWordLoader()
{
    QTemporaryDir folder;
    const ReviewOpinion opinion = buildReviewOpinion(reviewOf(seed004()), {}, fixedOptions());
    const QString path = folder.filePath(u"seed.docx"_s);
    QVERIFY(writeOpinionDocx(opinion, path));
    const Report read = reader().readFile(path);
    QVERIFY2(read.loaded, read.errors.isEmpty() ? "" : qPrintable(read.errors[0].message));
    QVERIFY2(read.text.contains(opinion.title()), qPrintable(read.text));
    QVERIFY(read.text.contains(u"按勾稽关系，该格应为 6。"_s));
}

void TestOpinion::docxOpensInLibreOffice()
{
    const QString office = QStandardPaths::findExecutable(u"soffice"_s);
    if (office.isEmpty())
        QSKIP("LibreOffice is not installed (libreoffice-writer-nogui)");
    QTemporaryDir folder;
    const ReviewOpinion opinion = buildReviewOpinion(reviewOf(seed004()), {}, fixedOptions());
    QVERIFY(writeOpinionDocx(opinion, folder.filePath(u"seed.docx"_s)));
    QProcess process;
    // A profile of its own, so a LibreOffice the user has open does not take the job.
    process.start(office,
                  {u"-env:UserInstallation=file://"_s + folder.filePath(u"profile"_s),
                   u"--headless"_s, u"--convert-to"_s, u"pdf"_s, u"--outdir"_s, folder.path(),
                   folder.filePath(u"seed.docx"_s)});
    QVERIFY(process.waitForFinished(180000));
    const Report converted = reader().readFile(folder.filePath(u"seed.pdf"_s));
    QVERIFY2(converted.loaded, process.readAllStandardError().constData());
    const QString text = converted.text.simplified().remove(u' ');
    QVERIFY2(text.contains(u"川汇区政府办公室："_s), qPrintable(text));
    QVERIFY(text.contains(u"按勾稽关系，该格应为6。"_s));
    QCOMPARE(converted.pageSizes.value(0).toSize(), QSize(595, 842)); // A4
}

void TestOpinion::docxRefusesAnUnwritablePath()
{
    QTemporaryDir folder;
    const ReviewOpinion opinion = buildReviewOpinion(reviewOf(seed004()), {}, fixedOptions());
    const Result<void> written
        = writeOpinionDocx(opinion, folder.filePath(u"missing/folder/seed.docx"_s));
    QVERIFY(!written);
    QCOMPARE(written.error().code, u"docx.write"_s);
    QVERIFY(written.error().message.contains(u"missing/folder/seed.docx"_s));
}

void TestOpinion::cliWritesOneDocxPerReport()
{
    QTemporaryDir folder;
    const QString out = folder.filePath(u"opinions"_s);
    QByteArray stdoutBytes;
    QByteArray stderrBytes;
    const int code = runCli({u"opinion"_s, u"--out"_s, out, u"--reviewer"_s, u"王审核"_s,
                             u"--date"_s, u"2026-12-03"_s, seed004(), realReport()},
                            &stdoutBytes, &stderrBytes);
    QVERIFY2(code == 0, stderrBytes.constData());
    const QStringList written = QDir(out).entryList({u"*.docx"_s}, QDir::Files, QDir::Name);
    QCOMPARE(written,
             QStringList({u"川汇区政府办公室-2023-审核意见.docx"_s,
                          u"平潭综合实验区经济发展局-2023-审核意见.docx"_s}));
    QCOMPARE(QString::fromUtf8(stdoutBytes).count(u".docx"_s), 2);
    QByteArray bytes;
    QVERIFY(readFileBytes(QDir(out).filePath(written[0]), &bytes));
    const Result<QByteArray> xml
        = ZipArchive::open(bytes).value()->read(u"word/document.xml"_s, 1 << 24);
    QString error;
    const QString text = documentText(xml.value(), &error);
    QVERIFY(error.isEmpty());
    QVERIFY(text.contains(u"审核人：王审核"_s));
    QVERIFY(text.contains(u"2026年12月3日"_s));
}

void TestOpinion::cliRefusesAFileAsFolder()
{
    QByteArray stderrBytes;
    const int code
        = runCli({u"opinion"_s, u"--out"_s, seed004(), seed004()}, nullptr, &stderrBytes);
    QCOMPARE(code, 2);
    QVERIFY2(stderrBytes.contains("is not a folder"), stderrBytes.constData());
    QCOMPARE(runCli({u"opinion"_s, seed004()}), 2); // no --out
}

void TestOpinion::cliWritesTheOthersWhenAFileCannotBeRead()
{
    QTemporaryDir folder;
    QByteArray stderrBytes;
    const int code = runCli(
        {u"opinion"_s, u"--out"_s, folder.path(), seed004(), folder.filePath(u"missing.txt"_s)},
        nullptr, &stderrBytes);
    QCOMPARE(code, 2);
    QVERIFY2(stderrBytes.contains("missing.txt"), stderrBytes.constData());
    QCOMPARE(QDir(folder.path()).entryList({u"*.docx"_s}, QDir::Files),
             QStringList {u"川汇区政府办公室-2023-审核意见.docx"_s});
}

void TestOpinion::cliWritesTheLibrarysCorrectionsAndNotes()
{
    QTemporaryDir folder;
    const QString location = folder.filePath(u"library.sqlite"_s);
    {
        std::unique_ptr<ReviewLibrary> library = ReviewLibrary::open(location).value();
        const Report report = reader().readFile(realReport());
        QByteArray bytes;
        QVERIFY(readFileBytes(realReport(), &bytes));
        const qint64 id
            = library
                  ->addReport(report, QCryptographicHash::hash(bytes, QCryptographicHash::Sha256))
                  .value()
                  .id;
        const int received = cellOf("requests.received.natural");
        CellValue current = report.cells[size_t(received)];
        current.value = 5;
        current.state = CellState::Corrected;
        const Correction correction {received, report.cells[size_t(received)], current, u"李审核"_s,
                                     QDateTime(QDate(2026, 12, 1), QTime(9, 30))};
        const Result<qint64> version
            = library->saveCell(id, library->load(id).value().version, correction);
        QVERIFY(version);
        const Result<qint64> noted = library->saveCellNote(
            id, version.value(), ReportTemplate::standard().cells()[received].key,
            u"单位来电说明"_s);
        QVERIFY(noted);
        // The reviewer dismissed the text's 0 against the table's 3: the opinion leaves it out.
        const auto stated
            = std::find_if(report.findings.cbegin(), report.findings.cend(),
                           [](const Finding &finding) { return finding.rule == u"text.table"; });
        QVERIFY(stated != report.findings.cend());
        QVERIFY(library->saveDecision(id, noted.value(),
                                      findingSignature(*stated, ReportTemplate::standard()),
                                      {DecisionState::Dismissed, u"单位说明正文笔误"_s, u"李审核"_s,
                                       QDateTime(QDate(2026, 12, 1), QTime(9, 40))}));
    }
    const QString out = folder.filePath(u"out"_s);
    QByteArray stderrBytes;
    QVERIFY2(
        runCli({u"opinion"_s, u"--out"_s, out, u"--library"_s, location}, nullptr, &stderrBytes)
            == 0,
        stderrBytes.constData());
    QByteArray bytes;
    QVERIFY(readFileBytes(QDir(out).filePath(u"平潭综合实验区经济发展局-2023-审核意见.docx"_s),
                          &bytes));
    QString error;
    const QString text = documentText(
        ZipArchive::open(bytes).value()->read(u"word/document.xml"_s, 1 << 24).value(), &error);
    QVERIFY(error.isEmpty());
    QVERIFY2(text.contains(
                 u"审核更正：表三 第1行「一、本年新收政府信息公开申请数量」 第1列「自然人」由 3 "
                 u"改为 5（李审核，2026-12-01 09:30）"_s),
             qPrintable(text));
    QVERIFY(
        text.contains(u"审核备注：表三 第1行「一、本年新收政府信息公开申请数量」 第1列「自然人」："
                      u"单位来电说明"_s));
    QVERIFY(text.contains(u"审核人：李审核"_s)); // the last reviewer who corrected
    QVERIFY2(text.contains(u"另有 1 项经核实不再列入。"_s), qPrintable(text));
    QVERIFY(!text.contains(u"共收到政府信息公开申请0条"_s));
}

QTEST_GUILESS_MAIN(TestOpinion)
#include "tst_opinion.moc"

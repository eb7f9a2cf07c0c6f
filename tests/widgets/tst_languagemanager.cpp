// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/exporter.h"
#include "languagemanager.h"
#include "loaders/docx/docxloader.h"
#include "loaders/html/htmlencoding.h"
#include "loaders/pdf/pdfloader.h"
#include "reportfiles.h"
#include "reportreader.h"
#include "reviewsession.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace nianbao;
using namespace Qt::StringLiterals;

class TestLanguageManager : public QObject
{
    Q_OBJECT

private:
    LanguageManager m_languages;

private slots:
    void initTestCase() { m_languages.setLanguage(u"zh_CN"_s); }

    // Helpers outside the classes translate under the class's context, which lupdate only
    // sees when the call spells it out; under the bare namespace these stayed in English.
    void messagesFromHelperFunctionsComeOutInChinese_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("expected");

        QTest::newRow("A missing report file is named in Chinese")
            << readReportBytes(u"/nonexistent/report.pdf"_s).error().message
            << u"没有这个文件：/nonexistent/report.pdf"_s;

        const Result<LoadedDocument> notZip = DocxLoader().load("not a zip archive");
        QTest::newRow("A damaged Word file is explained in Chinese")
            << notZip.error().message
            << u"Word 文件已损坏或不完整（它不是 .docx 文件应有的 zip 压缩包格式）。"_s;

        // Made in PdfLoader's private helpers, in the child process's reading of the PDF.
        const Result<LoadedDocument> notPdf = PdfLoader().load("%PDF-1.4 nothing more");
        QTest::newRow("A damaged PDF is explained in Chinese")
            << notPdf.error().message << u"无法作为 PDF 打开该文件"_s;

        QList<Error> warnings;
        QVERIFY(decodeHtml("<meta charset=\"no-such-charset\"><p>2023</p>", &warnings));
        QTest::newRow("An unknown charset of a web page is reported in Chinese")
            << warnings.value(0).message << u"网页声明的字符集“no-such-charset”无法识别"_s;

        // Made in the folder walk, whose messages lupdate files under its class, FolderWalk.
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        QFile other(folder.filePath(u"notes.xyz"_s));
        QVERIFY(other.open(QIODevice::WriteOnly));
        other.close();
        QTest::newRow("A file of another format in a folder is skipped in Chinese")
            << scanReportFiles({folder.path()}).skipped.value(0).message
            << other.fileName() + u"：年报不读取 .xyz 文件"_s;

        const ReportReader reader(ReportTemplate::standard());
        const Exporter exporter(reader.checker());
        QTest::newRow("A CSV export that cannot be written says so in Chinese")
            << exporter.write({}, ExportFormat::LongCsv, u"/nonexistent/out.csv"_s, {})
                   .error()
                   .message
            << u"无法写入 /nonexistent/out.csv："_s;
        QTest::newRow("An XLSX export that cannot be written says so in Chinese")
            << exporter.write({}, ExportFormat::Xlsx, u"/nonexistent/out.xlsx"_s, {})
                   .error()
                   .message
            << u"无法写入 /nonexistent/out.xlsx："_s;

        // Reviewer input is read in core now, under ReviewSession's context.
        const ReviewSession session(reader.readBytes("", u"blank.txt"_s), reader.checker(),
                                    u"alice"_s);
        const int received
            = ReportTemplate::standard().cellIndex(CellKey(u"requests.received.total"_s));
        QTest::newRow("Typing a negative figure is refused in Chinese")
            << session.readInput(received, u"-3"_s).error().message
            << u"-3 为负数；表中数字不能小于 0。"_s;
    }

    void messagesFromHelperFunctionsComeOutInChinese()
    {
        QFETCH(QString, message);
        QFETCH(QString, expected);
        QVERIFY2(message.startsWith(expected), qPrintable(message));
    }
};

QTEST_GUILESS_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"

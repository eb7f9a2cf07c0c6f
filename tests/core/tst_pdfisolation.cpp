// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "clock.h"
#include "loaders/pdf/pdfloader.h"
#include "publishedfixtures.h"
#include "testutils.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <sys/wait.h>
#include <zlib.h>

#include <cerrno>
#include <thread>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

/** Text operators Poppler keeps every character of: two lines, drawn in turn, never merged.
 *  64 MiB of them took Poppler 3 GB in 14 s. */
constexpr char kHungryText[] = "(x) Tj 0 -10 Td (x) Tj 0 10 Td ";
/** Text operators Poppler drops as overstrikes: time, not memory. */
constexpr char kSlowText[] = "(x) Tj ";
constexpr char kTextStart[] = "BT /F1 12 Tf 72 720 Td ";
constexpr qint64 kGiB = qint64(1) << 30;

QByteArray bytesOf(const Bytef *data, qsizetype size)
{
    return QByteArray(reinterpret_cast<const char *>(data), size);
}

/**
 * zlib data that inflates to `prefix` and then `pattern` repeated to some `total` bytes, built
 * without deflating them: one deflate segment of 1 MiB of the pattern, ended by a full flush so
 * that it refers to nothing before it, repeated; then an empty final block and the checksum.
 */
QByteArray repeatedDeflate(const QByteArray &prefix, const QByteArray &pattern, qint64 total)
{
    const QByteArray chunk = pattern.repeated((1 << 20) / pattern.size());
    z_stream zs {};
    deflateInit(&zs, 9);
    const auto deflated = [&zs](const QByteArray &in) {
        QByteArray out(qsizetype(deflateBound(&zs, uLong(in.size()))) + 64, '\0');
        zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(in.constData()));
        zs.avail_in = uInt(in.size());
        zs.next_out = reinterpret_cast<Bytef *>(out.data());
        zs.avail_out = uInt(out.size());
        deflate(&zs, Z_FULL_FLUSH);
        out.truncate(out.size() - zs.avail_out);
        return out;
    };
    QByteArray data = deflated(prefix);
    const QByteArray segment = deflated(chunk);
    deflateEnd(&zs);
    uLong checksum
        = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef *>(prefix.constData()),
                  uInt(prefix.size()));
    const uLong chunkChecksum
        = adler32(adler32(0, nullptr, 0), reinterpret_cast<const Bytef *>(chunk.constData()),
                  uInt(chunk.size()));
    for (qint64 n = total / chunk.size(); n > 0; --n) {
        data += segment;
        checksum = adler32_combine(checksum, chunkChecksum, chunk.size());
    }
    data += QByteArray("\x03\x00", 2); // a final fixed-Huffman block holding nothing
    const Bytef trailer[4]
        = {Bytef(checksum >> 24), Bytef(checksum >> 16), Bytef(checksum >> 8), Bytef(checksum)};
    return data + bytesOf(trailer, 4);
}

QByteArray deflate(const QByteArray &data)
{
    return qCompress(data, 9).mid(4); // qCompress prefixes the size
}

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5);
}

/** What a PDF's standard security handler (revision 2, RC4) needs: its dictionary, its file
 *  id and the key of object 4, the content stream. Owner password only: it opens without one. */
struct Encryption
{
    QByteArray dictionary;
    QByteArray id;
    QByteArray contentKey;
};

Encryption ownerPasswordOnly()
{
    const QByteArray id = md5("nianbao isolation test");
    const QByteArray permissions("\xFC\xFF\xFF\xFF", 4); // -4, low byte first
    const QByteArray owner = rc4(md5(padPdfPassword("owner")).left(5), padPdfPassword({}));
    const QByteArray fileKey = md5(padPdfPassword({}) + owner + permissions + id).left(5);
    const QByteArray user = rc4(fileKey, padPdfPassword({}));
    const QByteArray contentKey = md5(fileKey + QByteArray("\x04\x00\x00\x00\x00", 5)).left(10);
    return {"<< /Filter /Standard /V 1 /R 2 /O <" + owner.toHex() + "> /U <" + user.toHex()
                + "> /P -4 >>",
            id, contentKey};
}

/** A one-page PDF in Helvetica (F1) whose content stream is `stream` under `filters`. */
QByteArray pdfWithContent(const QByteArray &stream, const QByteArray &filters,
                          const Encryption *encryption = nullptr)
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R "
        ">> >> /Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(stream.size()) + " /Filter [" + filters
            + "] >>\nstream\n" + stream + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    if (encryption)
        objects.append(encryption->dictionary);
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    const QByteArray size = QByteArray::number(objects.size() + 1);
    pdf += "xref\n0 " + size + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + size + " /Root 1 0 R";
    if (encryption) {
        pdf += " /Encrypt 6 0 R /ID [<" + encryption->id.toHex() + "> <" + encryption->id.toHex()
            + ">]";
    }
    return pdf + " >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
}

/** Text operators inflating to `total` bytes behind two Flate layers: the pre-scan inflates
 *  the outer one only. */
QByteArray doubleFlatePdf(const char *pattern, qint64 total)
{
    return pdfWithContent(deflate(repeatedDeflate(kTextStart, pattern, total)),
                          "/FlateDecode /FlateDecode");
}

/** The process's peak resident memory (VmHWM), in bytes. */
qint64 peakResidentBytes()
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong() * 1024;
    }
    return -1;
}

/** Whether this process has a child left, running or a zombie. */
bool hasChildren()
{
    int status = 0;
    const pid_t child = waitpid(-1, &status, WNOHANG);
    return !(child < 0 && errno == ECHILD);
}

QString describe(const Result<LoadedDocument> &loaded)
{
    if (loaded)
        return u"read: "_s % loaded.value().text.left(200);
    return loaded.error().code % u": "_s % loaded.error().message;
}

/** Loads `bytes` with the PDF loader, Poppler in a child or in this process. */
Result<LoadedDocument> loadPdf(const QByteArray &bytes, PdfLoader::Isolation isolation)
{
    PdfLoader::setIsolation(isolation);
    Result<LoadedDocument> loaded = PdfLoader().load(bytes);
    PdfLoader::setIsolation(PdfLoader::Isolation::ChildProcess); // this suite's own setting
    return loaded;
}

} // namespace

/**
 * PdfLoader runs Poppler in a child process: what the pre-scan of the streams cannot see (a
 * bomb behind two Flate layers, hex, encryption) ends within the time budget or the child's
 * memory, a cancel stops it inside a page, the child is always reaped, and what Poppler reads
 * reaches the loader unchanged.
 */
class TestPdfIsolation : public QObject
{
    Q_OBJECT

private slots:
    // What is tested is the child process, in every build (sanitized builds default to
    // reading in process).
    void initTestCase() { PdfLoader::setIsolation(PdfLoader::Isolation::ChildProcess); }
    void repeatedDeflateInflatesToItsPattern();
    void hiddenBombsEndWithinTheBudget_data();
    void hiddenBombsEndWithinTheBudget();
    void cancelStopsTheChildInsideAPage();
    void budgetStopsTheChildInsideAPage();
    void reportsReadAlikeInAChild_data();
    void reportsReadAlikeInAChild();
    void cleanup();
};

void TestPdfIsolation::repeatedDeflateInflatesToItsPattern()
{
    const QByteArray data = repeatedDeflate(kTextStart, kHungryText, 3 << 20);
    const QByteArray chunk
        = QByteArray(kHungryText).repeated((1 << 20) / qsizetype(sizeof kHungryText - 1));
    const QByteArray expected = kTextStart + chunk.repeated(3);
    const quint32 size = quint32(expected.size());
    const char header[4] = {char(size >> 24), char(size >> 16), char(size >> 8), char(size)};
    QCOMPARE(qUncompress(QByteArray(header, 4) + data), expected);
}

void TestPdfIsolation::hiddenBombsEndWithinTheBudget_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("2 GiB of text operators behind [/FlateDecode /FlateDecode]")
        << doubleFlatePdf(kHungryText, 2 * kGiB);
    QTest::newRow("1 GiB of text operators behind [/ASCIIHexDecode /FlateDecode]")
        << pdfWithContent(repeatedDeflate(kTextStart, kHungryText, kGiB).toHex() + '>',
                          "/ASCIIHexDecode /FlateDecode");
    const Encryption encryption = ownerPasswordOnly();
    QTest::newRow("1 GiB of text operators, RC4-encrypted with an owner password only")
        << pdfWithContent(
               rc4(encryption.contentKey, repeatedDeflate(kTextStart, kHungryText, kGiB)),
               "/FlateDecode", &encryption);
}

void TestPdfIsolation::hiddenBombsEndWithinTheBudget()
{
    QFETCH(QByteArray, bytes);
    QVERIFY(bytes.size() < 16 * 1024 * 1024);
    const ReadBudget budget;
    const ReadBudget::Scope scope(budget);
    QElapsedTimer timer;
    timer.start();
    const Result<LoadedDocument> loaded = PdfLoader().load(bytes);
    // The budget, then the hang limit for stopping the child.
    QVERIFY2(timer.elapsed() < ReadBudget::kPerFile.count() + kHangLimitMs,
             qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(!loaded, qPrintable(describe(loaded)));
    const QStringList stops = {u"pdf.too_large"_s, u"read.too_slow"_s};
    QVERIFY2(stops.contains(loaded.error().code), qPrintable(describe(loaded)));
    QVERIFY2(loaded.error().code != u"pdf.too_large" || loaded.error().message.contains(u"1 GB"),
             qPrintable(describe(loaded)));
    // Poppler's gigabytes were the child's.
    QVERIFY2(peakResidentBytes() < kGiB / 2, qPrintable(QString::number(peakResidentBytes())));
}

void TestPdfIsolation::cancelStopsTheChildInsideAPage()
{
    // Poppler drops the overstruck characters: minutes of parsing on one page, in little memory.
    const QByteArray bytes = doubleFlatePdf(kSlowText, 2 * kGiB);
    std::atomic<bool> cancel = false;
    std::optional<Result<LoadedDocument>> loaded;
    std::thread reading([&] {
        const ReadBudget budget(std::chrono::hours(1), &cancel);
        const ReadBudget::Scope scope(budget);
        loaded = PdfLoader().load(bytes);
    });
    QTest::qWait(500); // Poppler is inside the page by now
    QElapsedTimer timer;
    timer.start();
    cancel = true;
    reading.join();
    QVERIFY2(timer.elapsed() < kHangLimitMs, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY(loaded);
    QVERIFY2(!*loaded, qPrintable(describe(*loaded)));
    QCOMPARE(loaded->error().code, u"read.cancelled"_s);
    QVERIFY2(loaded->error().message.contains(u"page 1"_s), qPrintable(describe(*loaded)));
}

void TestPdfIsolation::budgetStopsTheChildInsideAPage()
{
    const ReadBudget budget(std::chrono::milliseconds(500));
    const ReadBudget::Scope scope(budget);
    QElapsedTimer timer;
    timer.start();
    const Result<LoadedDocument> loaded = PdfLoader().load(doubleFlatePdf(kSlowText, 2 * kGiB));
    QVERIFY2(timer.elapsed() < kHangLimitMs, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    QVERIFY2(!loaded, qPrintable(describe(loaded)));
    QCOMPARE(loaded.error().code, u"read.too_slow"_s);
    QVERIFY2(loaded.error().message.contains(u"page 1"_s), qPrintable(describe(loaded)));
}

void TestPdfIsolation::reportsReadAlikeInAChild_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QList<QDir> folders
        = {QDir(dataPath(u"real"_s)), QDir(dataPath(u"fuzz-seeds/fuzz_pdf"_s))};
    for (const QDir &folder : folders) {
        for (const QString &name : folder.entryList({u"*.pdf"_s}, QDir::Files, QDir::Name)) {
            QByteArray bytes;
            QVERIFY(readFileBytes(folder.filePath(name), &bytes));
            QTest::addRow("%s", qPrintable(name)) << bytes;
        }
    }
    // 125 rows of 200 words: a page over the cap, and far more than a pipe's buffer of words.
    QByteArray crowded = kTextStart;
    for (int row = 0; row < 125; ++row) {
        for (int column = 0; column < 200; ++column)
            crowded += "1 0 0 1 " + QByteArray::number(column * 2.9) + ' '
                + QByteArray::number(20 + row * 6) + " Tm (ab) Tj ";
    }
    QTest::newRow("a page of 25,000 words") << pdfWithContent(deflate(crowded), "/FlateDecode");
    QTest::newRow("a damaged PDF") << QByteArray("%PDF-1.7\n1 0 obj << /Type /Catalog garbage");
}

void TestPdfIsolation::reportsReadAlikeInAChild()
{
    QFETCH(QByteArray, bytes);
    const Result<LoadedDocument> inProcess = loadPdf(bytes, PdfLoader::Isolation::InProcess);
    const Result<LoadedDocument> inChild = loadPdf(bytes, PdfLoader::Isolation::ChildProcess);
    QCOMPARE(bool(inChild), bool(inProcess));
    if (!inProcess) {
        QCOMPARE(inChild.error(), inProcess.error());
        return;
    }
    const LoadedDocument &expected = inProcess.value();
    const LoadedDocument &document = inChild.value();
    QCOMPARE(document.text, expected.text);
    QCOMPARE(document.warnings, expected.warnings);
    QCOMPARE(document.pageSizes, expected.pageSizes);
    QCOMPARE(document.regions.size(), expected.regions.size());
    for (qsizetype i = 0; i < expected.regions.size(); ++i) {
        QCOMPARE(document.regions[i].start, expected.regions[i].start);
        QCOMPARE(document.regions[i].end, expected.regions[i].end);
        QCOMPARE(document.regions[i].page, expected.regions[i].page);
        QCOMPARE(document.regions[i].rect, expected.regions[i].rect);
    }
}

void TestPdfIsolation::cleanup()
{
    QVERIFY2(!hasChildren(), "a child process was left running or unreaped");
}

QTEST_MAIN(TestPdfIsolation)
#include "tst_pdfisolation.moc"

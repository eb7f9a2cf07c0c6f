// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "extract/tableline.h"
#include "reportreader.h"
#include "testutils.h"
#include "text/textdecoder.h"

#include <QStringEncoder>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

const QString kFirstSeed = u"000_8fe8cf681abe4667"_s;

bool seedText(QString *text)
{
    QByteArray bytes;
    if (!readFileBytes(seedReportPath(kFirstSeed), &bytes))
        return false;
    *text = QString::fromUtf8(bytes);
    return !text->isEmpty();
}

} // namespace

/** Decoding the bytes of a text report: encodings, byte order marks, line ends, bad input. */
class TestDecoder : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void decodesEncodings_data();
    void decodesEncodings();
    void keepsLineEnds_data();
    void keepsLineEnds();
    void rejectsInput_data();
    void rejectsInput();
    void damagedUtf8KeepsDecoding_data();
    void damagedUtf8KeepsDecoding();
    void damagedGbkStaysGb18030_data();
    void damagedGbkStaysGb18030();
    void utf16WithoutAMarkIsDecoded_data();
    void utf16WithoutAMarkIsDecoded();
    void damagedUtf16WithAMarkSaysWhere();

private:
    QString m_text;
};

void TestDecoder::initTestCase()
{
    QVERIFY(seedText(&m_text));
    QVERIFY(m_text.contains(u"政府信息公开工作年度报告"));
}

void TestDecoder::decodesEncodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<bool>("byteOrderMark");
    QTest::addRow("UTF-8 without a byte order mark is taken as UTF-8")
        << m_text.toUtf8() << u"UTF-8"_s << false;
    QTest::addRow("UTF-8 with a byte order mark drops the mark")
        << QByteArray("\xEF\xBB\xBF") + m_text.toUtf8() << u"UTF-8"_s << true;
    QTest::addRow("UTF-16LE with a byte order mark is decoded by the mark")
        << encodeUtf16WithBom(m_text, true) << u"UTF-16LE"_s << true;
    QTest::addRow("UTF-16BE with a byte order mark is decoded by the mark")
        << encodeUtf16WithBom(m_text, false) << u"UTF-16BE"_s << true;
    QTest::addRow("GB18030 without a mark is detected")
        << encodeWithIcu(m_text, "GB18030") << u"GB18030"_s << false;
    QTest::addRow("ASCII-only text is taken as UTF-8")
        << QByteArray("Annual report 2023\n1\t2\t3\n") << u"UTF-8"_s << false;
}

void TestDecoder::decodesEncodings()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(bool, byteOrderMark);
    QVERIFY(!bytes.isEmpty());
    const Result<DecodedText> decoded = decodeText(bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded.value().encoding, encoding);
    QCOMPARE(decoded.value().hadByteOrderMark, byteOrderMark);
    QCOMPARE(decoded.value().replacedSequences, 0);
    QCOMPARE(decoded.value().firstInvalidByte, -1);
    const QString expected = bytes.startsWith("Annual") ? QString::fromLatin1(bytes) : m_text;
    QCOMPARE(decoded.value().text, expected);
}

void TestDecoder::keepsLineEnds_data()
{
    QTest::addColumn<QString>("lineEnd");
    QTest::addRow("CRLF line ends are kept and split lines like LF") << u"\r\n"_s;
    QTest::addRow("CR line ends are kept and split lines like LF") << u"\r"_s;
}

void TestDecoder::keepsLineEnds()
{
    QFETCH(QString, lineEnd);
    QString text = m_text;
    text.replace(u'\n', lineEnd);
    const Result<DecodedText> decoded = decodeText(text.toUtf8());
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().encoding, u"UTF-8"_s);
    // Spans count in the decoded text, so the decoder must not rewrite line ends.
    QCOMPARE(decoded.value().text, text);
    const std::vector<TableLine> lines = parseLines(decoded.value().text);
    const std::vector<TableLine> reference = parseLines(m_text);
    QCOMPARE(lines.size(), reference.size());
    for (size_t l = 0; l < lines.size(); ++l)
        QCOMPARE(lines[l].label, reference[l].label);
}

void TestDecoder::rejectsInput_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("code");
    QByteArray png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
    for (int i = 0; i < 4096; ++i)
        png.append(char((i * 37) % 256));
    QByteArray controls;
    for (int i = 0; i < 1000; ++i)
        controls.append(char(i % 2 ? 0x01 : 'a'));
    QTest::addRow("an empty file is file.empty") << QByteArray() << u"file.empty"_s;
    QTest::addRow("an image is file.binary") << png << u"file.binary"_s;
    QTest::addRow("UTF-8 text full of control characters is file.binary")
        << controls << u"file.binary"_s;
    QTest::addRow("a text with a NUL byte after a UTF-8 mark is file.binary")
        << QByteArray("\xEF\xBB\xBF") + m_text.toUtf8() + QByteArray(1, '\0') + "tail"
        << u"file.binary"_s;
}

void TestDecoder::rejectsInput()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, code);
    const Result<DecodedText> decoded = decodeText(bytes);
    QVERIFY(!decoded.ok());
    QCOMPARE(decoded.error().code, code);
    QVERIFY(!decoded.error().message.isEmpty());
}

void TestDecoder::damagedUtf8KeepsDecoding_data()
{
    QTest::addColumn<QByteArray>("damage");
    QTest::addColumn<int>("replaced"); // bytes of 我 (E6 88 91) the damage replaces
    QTest::addRow("a stray 0xFF byte is replaced and reported where it stands")
        << QByteArray("\xFF") << 1;
    QTest::addRow("a lead byte without its continuation bytes is replaced and reported")
        << QByteArray("\xE6") << 3;
    QTest::addRow("an overlong sequence (0xC0 lead byte) is replaced and reported")
        << QByteArray("\xC0\xAF") << 2;
    QTest::addRow("a UTF-16 surrogate encoded in UTF-8 is replaced and reported")
        << QByteArray("\xED\xA0\x80") << 3;
}

void TestDecoder::damagedUtf8KeepsDecoding()
{
    QFETCH(QByteArray, damage);
    QFETCH(int, replaced);
    QByteArray bytes = m_text.toUtf8();
    // Damage the narrative of section 五, far from the tables.
    const qsizetype damaged = bytes.indexOf("我单位政府信息公开工作运行良好");
    QVERIFY(damaged > 0);
    bytes.replace(damaged, replaced, damage);

    const Result<DecodedText> decoded = decodeText(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().encoding, u"UTF-8"_s);
    QVERIFY(decoded.value().text.contains(QChar::ReplacementCharacter));
    QVERIFY(decoded.value().replacedSequences > 0);
    QCOMPARE(decoded.value().firstInvalidByte, int(damaged));
    QVERIFY(decoded.value().text.contains(u"收到和处理政府信息公开申请情况"));

    const Report report = ReportReader().readBytes(bytes, u"damaged.txt"_s);
    QVERIFY(report.loaded);
    const auto warning = std::find_if(report.errors.begin(), report.errors.end(),
                                      [](const Error &e) { return e.code == u"encoding.invalid"; });
    QVERIFY(warning != report.errors.end());
    QVERIFY2(warning->message.contains(QString::number(damaged)), qPrintable(warning->message));
    QCOMPARE(warning->where.file, u"damaged.txt"_s);
    QCOMPARE(report.countCells(CellState::Extracted), ReportTemplate::standard().cellCount());
}

void TestDecoder::damagedGbkStaysGb18030_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("replaced");
    QTest::addColumn<int>("firstInvalid");
    for (const char *encoding : {"GBK", "GB18030"}) {
        // The text without its final line end, so that the last byte is a character's.
        const QByteArray clean = encodeWithIcu(m_text.trimmed(), encoding);
        const QByteArray narrative = encodeWithIcu(u"我单位政府信息公开工作运行良好"_s, encoding);
        const qsizetype at = clean.indexOf(narrative);
        QVERIFY(at > 0);

        QByteArray strayFF = clean;
        strayFF.insert(at, '\xFF');
        QTest::addRow("%s with a stray 0xFF byte", encoding) << strayFF << 1 << int(at);

        QTest::addRow("%s with its last character cut", encoding)
            << clean.chopped(1) << 1 << int(clean.size() - 2);

        // A lead byte followed by a space is no pair: three such, two characters apart.
        QByteArray pairs = clean;
        for (int k = 0; k < 3; ++k)
            pairs[at + 4 * k + 1] = ' ';
        QTest::addRow("%s with three invalid pairs", encoding) << pairs << 3 << int(at);
    }
}

void TestDecoder::damagedGbkStaysGb18030()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, replaced);
    QFETCH(int, firstInvalid);
    const Result<DecodedText> decoded = decodeText(bytes);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().encoding, u"GB18030"_s);
    QCOMPARE(decoded.value().replacedSequences, replaced);
    QCOMPARE(decoded.value().firstInvalidByte, firstInvalid);
    QVERIFY(decoded.value().text.contains(u"收到和处理政府信息公开申请情况"));

    const Report report = ReportReader().readBytes(bytes, u"damaged-gbk.txt"_s);
    QVERIFY(report.loaded);
    const auto warning = std::find_if(report.errors.begin(), report.errors.end(),
                                      [](const Error &e) { return e.code == u"encoding.invalid"; });
    QVERIFY(warning != report.errors.end());
    QVERIFY2(warning->message.startsWith(QString::number(replaced) + u' '),
             qPrintable(warning->message));
    QVERIFY2(warning->message.contains(u"GB18030"_s), qPrintable(warning->message));
    QCOMPARE(report.countCells(CellState::Extracted), ReportTemplate::standard().cellCount());
}

void TestDecoder::utf16WithoutAMarkIsDecoded_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    for (const bool little : {true, false}) {
        QStringEncoder encoder(little ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        const QByteArray bytes = encoder.encode(m_text);
        QVERIFY(!bytes.startsWith("\xFF\xFE") && !bytes.startsWith("\xFE\xFF"));
        QTest::addRow("UTF-16%s without a mark is no binary data", little ? "LE" : "BE")
            << bytes << (little ? u"UTF-16LE"_s : u"UTF-16BE"_s);
    }
}

void TestDecoder::utf16WithoutAMarkIsDecoded()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    const Result<DecodedText> decoded = decodeText(bytes);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
    QCOMPARE(decoded.value().encoding, encoding);
    QCOMPARE(decoded.value().hadByteOrderMark, false);
    QCOMPARE(decoded.value().replacedSequences, 0);
    QCOMPARE(decoded.value().text, m_text);
}

void TestDecoder::damagedUtf16WithAMarkSaysWhere()
{
    // A lone high surrogate in the narrative: one replacement, at its byte offset.
    const qsizetype at = m_text.indexOf(u"我单位政府信息公开工作运行良好");
    QVERIFY(at > 0);
    QString damaged = m_text;
    damaged.insert(at, QChar(0xD800));
    const Result<DecodedText> decoded = decodeText(encodeUtf16WithBom(damaged, true));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded.value().encoding, u"UTF-16LE"_s);
    QCOMPARE(decoded.value().replacedSequences, 1);
    QCOMPARE(decoded.value().firstInvalidByte, int(2 + 2 * at));
}

QTEST_GUILESS_MAIN(TestDecoder)
#include "tst_decoder.moc"

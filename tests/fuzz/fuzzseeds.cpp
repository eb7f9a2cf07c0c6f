// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// Writes the seed corpora of the fuzz targets (tests/data/fuzz-seeds/<target>/) with the
// fixture writers of tests/core/publishedfixtures.h, from the golden cases' expected answers.
// Run once, by hand, when the fixtures change (see tests/data/fuzz-seeds/README.md):
//   cmake --build build/fuzz --target fuzz_seeds
//   QT_QPA_PLATFORM=offscreen build/fuzz/tests/fuzz/fuzz_seeds tests/data/fuzz-seeds
#include "loaders/docx/ziparchive.h"
#include "publishedfixtures.h"
#include "reportrenderer.h"
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QRegularExpression>

#include <algorithm>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace nianbao;
using namespace nianbao::test;

namespace {

constexpr qsizetype kSmallOleTail = 64; ///< seeds stay small: mutations reach the header

/** A golden case's expected answers, its blank cells left blank, as a report text in tabs. */
QString seedText(const QString &seed)
{
    Expected expected;
    if (!loadExpected(seed, &expected))
        return {};
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    std::vector<std::optional<double>> values = expectedValues(expected, reportTemplate);
    for (int cell : cellIndices(expected.missingInSource, reportTemplate)) {
        if (cell >= 0)
            values[size_t(cell)].reset();
    }
    return ReportRenderer(reportTemplate)
        .render(expected.agency, expected.year, values, RenderLayout::Tabs);
}

/** Whether inflated stream data reads as text: page content or a ToUnicode CMap, not a font. */
bool isText(const QByteArray &data)
{
    qsizetype printable = 0;
    for (char c : data)
        printable += (c >= 0x20 && c < 0x7F) || c == '\n' || c == '\r' || c == '\t' ? 1 : 0;
    return !data.isEmpty() && printable * 100 >= data.size() * 98;
}

/**
 * The PDF with its page contents and CMaps inflated and the cross-reference table rebuilt:
 * mutations of deflated streams only reach the inflater, mutations of plain ones the layout.
 * Fonts and images stay deflated (they are most of the size).
 */
QByteArray inflateTextStreams(const QByteArray &pdf)
{
    static const QRegularExpression object(u"(\\d+) 0 obj\\b"_s);
    const QString latin1 = QString::fromLatin1(pdf);
    QByteArray out = pdf.left(pdf.indexOf(" 0 obj"));
    out.truncate(out.lastIndexOf('\n') + 1);
    QList<std::pair<int, qsizetype>> offsets;
    const qsizetype xref = pdf.lastIndexOf("\nxref");
    for (QRegularExpressionMatchIterator it = object.globalMatch(latin1); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const qsizetype start = match.capturedStart();
        const qsizetype end = pdf.indexOf("endobj", start);
        if (end < 0 || start > xref)
            break;
        QByteArray body = pdf.mid(start, end + 6 - start);
        const qsizetype streamAt = body.indexOf("stream\n");
        const qsizetype endStream = body.lastIndexOf("endstream");
        if (streamAt >= 0 && endStream > streamAt && body.left(streamAt).contains("/FlateDecode")) {
            const qsizetype dataAt = streamAt + 7;
            QByteArray data = body.mid(dataAt, endStream - dataAt);
            while (data.endsWith('\n') || data.endsWith('\r'))
                data.chop(1);
            const QByteArray inflated = qUncompress(QByteArray(4, '\0') + data);
            if (isText(inflated)) {
                static const QRegularExpression length(u"/Length \\d+( 0 R)?"_s);
                QString dictionary = QString::fromLatin1(body.left(streamAt));
                dictionary.replace(u"/Filter /FlateDecode"_s, QString());
                dictionary.replace(length, u"/Length %1"_s.arg(inflated.size()));
                body = dictionary.toLatin1() + "stream\n" + inflated + "\nendstream\nendobj";
            }
        }
        offsets.append({match.captured(1).toInt(), out.size()});
        out += body + '\n';
    }
    std::sort(offsets.begin(), offsets.end());
    const qsizetype newXref = out.size();
    const int size = offsets.isEmpty() ? 1 : offsets.back().first + 1;
    out += "xref\n0 " + QByteArray::number(size) + "\n0000000000 65535 f \n";
    qsizetype next = 0;
    for (int number = 1; number < size; ++number) {
        while (next < offsets.size() && offsets[next].first < number)
            ++next;
        if (next < offsets.size() && offsets[next].first == number)
            out += QByteArray::number(offsets[next].second).rightJustified(10, '0') + " 00000 n \n";
        else
            out += "0000000000 65535 f \n";
    }
    const qsizetype trailer = pdf.indexOf("trailer", xref);
    const qsizetype startXref = pdf.indexOf("startxref", trailer);
    if (trailer < 0 || startXref < 0)
        return {};
    out += pdf.mid(trailer, startXref - trailer);
    out += "startxref\n" + QByteArray::number(newXref) + "\n%%EOF\n";
    return out;
}

bool write(const QDir &root, const QString &target, const QString &name, const QByteArray &bytes)
{
    if (bytes.isEmpty()) {
        std::fprintf(stderr, "fuzz_seeds: could not make %s/%s\n", qPrintable(target),
                     qPrintable(name));
        return false;
    }
    root.mkpath(target);
    QFile file(root.filePath(target % u'/' % name));
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return false;
    std::printf("%8lld %s/%s\n", static_cast<long long>(bytes.size()), qPrintable(target),
                qPrintable(name));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seeds OUTPUT_FOLDER\n");
        return 2;
    }
    const QDir root(QString::fromLocal8Bit(argv[1]));
    const QStringList seeds = seedNames();
    if (seeds.size() < 5) {
        std::fprintf(stderr, "fuzz_seeds: five golden cases needed under %s\n",
                     NIANBAO_TEST_DATA_DIR);
        return 1;
    }
    QList<FixtureDocument> documents;
    for (const QString &seed : seeds.first(5))
        documents.append(fixtureDocument(seedText(seed)));
    const auto seedFile = [&](int index, const QString &suffix) -> QString {
        return u"report-"_s % seeds[index].left(3) % suffix;
    };

    bool ok = write(root, u"fuzz_html"_s, seedFile(0, u"-gbk.html"_s),
                    writeHtmlFixture(documents[0], "GBK"));
    ok = write(root, u"fuzz_html"_s, seedFile(1, u"-utf8.html"_s),
               writeHtmlFixture(documents[1], "UTF-8"))
        && ok;

    const QByteArray docx = writeDocxFixture(documents[2]);
    ok = write(root, u"fuzz_docx"_s, seedFile(2, u".docx"_s), docx) && ok;
    // The main part alone: fuzz_docx wraps bytes that are no zip as word/document.xml.
    QByteArray documentXml;
    if (Result<std::shared_ptr<ZipArchive>> zip = ZipArchive::open(writeDocxFixture(documents[3])))
        documentXml = zip.value()->read(u"word/document.xml"_s, 1 << 24).value();
    ok = write(root, u"fuzz_docx"_s, seedFile(3, u"-document.xml"_s), documentXml) && ok;
    ok = write(root, u"fuzz_docx"_s, u"legacy.doc"_s, oleFile(u"WordDocument", kSmallOleTail))
        && ok;
    ok = write(root, u"fuzz_docx"_s, u"encrypted.docx"_s,
               oleFile(u"EncryptedPackage", kSmallOleTail))
        && ok;
    ok = write(root, u"fuzz_docx"_s, u"report.rtf"_s, R"({\rtf1\ansi{\fonttbl}\par})") && ok;

    QByteArray pdf;
    QString problem;
    if (!writePdfFixture(documents[4], &pdf, &problem))
        std::fprintf(stderr, "fuzz_seeds: %s\n", qPrintable(problem));
    ok = write(root, u"fuzz_pdf"_s, seedFile(4, u".pdf"_s), inflateTextStreams(pdf)) && ok;
    ok = write(root, u"fuzz_pdf"_s, u"scan.pdf"_s, writeScannedPdf()) && ok;
    ok = write(root, u"fuzz_pdf"_s, u"locked.pdf"_s,
               writeEncryptedPdf("Annual report 2023", "secret", "owner"))
        && ok;
    ok = write(root, u"fuzz_pdf"_s, u"restricted.pdf"_s,
               writeEncryptedPdf("Annual report 2023", {}, "owner"))
        && ok;
    return ok ? 0 : 1;
}

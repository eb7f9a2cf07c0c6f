// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// nianbao_makescans SCANS REAL OUT: turns real report PDFs into scans of real layouts.
// SCANS/manifest.tsv names each case (NAME FORMAT DPI colour|grey ROTATION SEED); the PDF is
// REAL/NAME.pdf, rendered by pdftoppm, scanned (scanImage: seal over the end of the last
// table, paper tone, turn, noise) and written to OUT/NAME.FORMAT (an image-only PDF or a
// multi-page TIFF) beside SCANS/NAME.json, for tests/real/score.py.
#include "scannedpages.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using namespace nianbao::test;
using namespace Qt::StringLiterals;

namespace {

void fail(const QString &message)
{
    std::fprintf(stderr, "nianbao_makescans: %s\n", qPrintable(message));
}

/**
 * The last table on a clean page: the lowest long horizontal ruling (a dark run over a quarter
 * of the width) and the rulings above it up to a gap of a few rows; nullopt if none.
 */
std::optional<QRectF> lastTable(const QImage &clean)
{
    const QImage grey = clean.convertToFormat(QImage::Format_Grayscale8);
    int bottom = -1;
    int left = grey.width();
    int right = 0;
    for (int y = grey.height() - 1; y >= 0 && bottom < 0; --y) {
        const uchar *line = grey.constScanLine(y);
        int dark = 0;
        int first = -1;
        int last = -1;
        for (int x = 0; x < grey.width(); ++x) {
            if (line[x] < 128) {
                ++dark;
                last = x;
                if (first < 0)
                    first = x;
            }
        }
        if (dark > grey.width() / 4) {
            bottom = y;
            left = first;
            right = last;
        }
    }
    if (bottom < 0)
        return std::nullopt;
    return QRectF(left, std::max(0, bottom - grey.height() / 6), right - left,
                  std::min(bottom, grey.height() / 6));
}

bool makeScan(const QString &name, const QStringList &fields, const QString &real,
              const QString &out)
{
    const QString format = fields.value(1);
    ScanOptions options;
    options.dpi = fields.value(2).toInt();
    options.colour = fields.value(3) == u"colour"_s;
    options.rotationDegrees = fields.value(4).toDouble();
    options.seed = fields.value(5).toUInt();
    options.gaussianNoise = 3;
    options.saltAndPepper = 0.0005;
    if (options.dpi < 72 || (format != u"pdf"_s && format != u"tiff"_s)) {
        fail(u"%1: bad manifest line"_s.arg(name));
        return false;
    }
    QTemporaryDir pagesDir;
    const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
    if (!pagesDir.isValid() || pdftoppm.isEmpty()) {
        fail(u"pdftoppm (poppler-utils) or a temporary folder is missing"_s);
        return false;
    }
    QProcess render;
    render.start(pdftoppm,
                 {u"-r"_s, QString::number(options.dpi), u"-png"_s,
                  QDir(real).filePath(name % u".pdf"_s), pagesDir.filePath(u"page"_s)});
    if (!render.waitForFinished(300'000) || render.exitCode() != 0) {
        fail(u"%1: pdftoppm failed: %2"_s.arg(
            name, QString::fromLocal8Bit(render.readAllStandardError())));
        return false;
    }
    const QStringList files = QDir(pagesDir.path()).entryList({u"page*.png"_s}, QDir::Files);
    QList<QImage> clean;
    for (const QString &file : files)
        clean.append(QImage(pagesDir.filePath(file)));
    // The seal over the end of the last table, as agencies stamp the report's end.
    qsizetype sealPage = -1;
    std::optional<QRectF> table;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        if (const std::optional<QRectF> found = lastTable(clean[i])) {
            sealPage = i;
            table = found;
        }
    }
    QList<QImage> pages;
    for (qsizetype i = 0; i < clean.size(); ++i) {
        ScanOptions pageOptions = options;
        pageOptions.seed = options.seed + quint32(i) * 7919U;
        std::optional<QPointF> seal;
        if (i == sealPage)
            seal = sealCentre(*table, options.dpi);
        pages.append(scanImage(clean[i], pageOptions, seal));
    }
    const QByteArray bytes
        = format == u"pdf"_s ? writeImageOnlyPdf(pages) : writeMultiPageTiff(pages);
    QFile file(QDir(out).filePath(name % u'.' % format));
    if (pages.isEmpty() || bytes.isEmpty() || !file.open(QIODevice::WriteOnly)
        || file.write(bytes) != bytes.size()) {
        fail(u"%1: the scan could not be written"_s.arg(name));
        return false;
    }
    std::printf("%s: %lld page(s) at %d dpi, %lld bytes\n", qPrintable(file.fileName()),
                qlonglong(pages.size()), options.dpi, qlonglong(bytes.size()));
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() != 4) {
        fail(u"usage: nianbao_makescans SCANS REAL OUT"_s);
        return 2;
    }
    const QString &scans = arguments[1];
    const QString &real = arguments[2];
    const QString &out = arguments[3];
    QDir(out).removeRecursively();
    if (!QDir().mkpath(out)) {
        fail(u"cannot make %1"_s.arg(out));
        return 1;
    }
    QFile manifest(QDir(scans).filePath(u"manifest.tsv"_s));
    if (!manifest.open(QIODevice::ReadOnly | QIODevice::Text)) {
        fail(u"no %1"_s.arg(manifest.fileName()));
        return 1;
    }
    QTextStream lines(&manifest);
    bool ok = true;
    while (!lines.atEnd()) {
        const QString line = lines.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        const QStringList fields = line.split(u'\t');
        const QString &name = fields.front();
        ok = makeScan(name, fields, real, out)
            && QFile::copy(QDir(scans).filePath(name % u".json"_s),
                           QDir(out).filePath(name % u".json"_s))
            && ok;
    }
    return ok ? 0 : 1;
}

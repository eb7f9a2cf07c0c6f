// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "scannedpages.h"

#include <QBuffer>
#include <QFont>
#include <QImageWriter>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QtMath>

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao::test {

namespace {

constexpr double kPointsPerInch = 72;
constexpr double kMetresPerInch = 0.0254;
/** An official seal is 42 mm across (GA 241); in points. */
constexpr double kSealDiameter = 42 / 25.4 * kPointsPerInch;
/** The darkest a scanner reads printed black on paper. */
constexpr int kInkFloor = 30;
/** Paper of government printers: recycled, a little grey and warm. */
constexpr int kPaperTone = 0xE8;

int clampByte(double value)
{
    return std::clamp(int(std::lround(value)), 0, 255);
}

/**
 * A smooth random field in [0, 1] over `size`: a coarse grid of random values scaled up, for
 * uneven lighting and ink that takes unevenly.
 */
QImage blotches(QSize size, int cellPixels, QRandomGenerator &random)
{
    const int columns = std::max(2, size.width() / cellPixels + 2);
    const int rows = std::max(2, size.height() / cellPixels + 2);
    QImage coarse(columns, rows, QImage::Format_Grayscale8);
    for (int y = 0; y < rows; ++y) {
        uchar *line = coarse.scanLine(y);
        for (int x = 0; x < columns; ++x)
            line[x] = uchar(random.bounded(256));
    }
    return coarse.scaled(size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

/** A five-pointed star of outer radius `radius` around `centre`, one point up. */
QPainterPath star(QPointF centre, double radius)
{
    QPainterPath path;
    const double inner = radius * 0.382;
    for (int i = 0; i < 10; ++i) {
        const double angle = qDegreesToRadians(-90.0 + 36.0 * i);
        const double r = i % 2 == 0 ? radius : inner;
        const QPointF point = centre + QPointF(std::cos(angle) * r, std::sin(angle) * r);
        if (i == 0)
            path.moveTo(point);
        else
            path.lineTo(point);
    }
    path.closeSubpath();
    return path;
}

/**
 * The agency's seal, `diameter` pixels across, on a transparent image: a thick ring, the
 * agency's name around the top inside it, a star in the middle and the seal's purpose under it,
 * in red ink that took unevenly (thin patches, a few dropouts).
 */
QImage sealImage(int diameter, QRandomGenerator &random)
{
    QImage seal(diameter, diameter, QImage::Format_ARGB32_Premultiplied);
    seal.fill(Qt::transparent);
    const QColor ink(214, 38, 46);
    const double d = diameter;
    const QPointF centre(d / 2, d / 2);
    {
        QPainter painter(&seal);
        painter.setRenderHint(QPainter::Antialiasing);
        const double ring = d * 0.035;
        painter.setPen(QPen(ink, ring));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(centre, d / 2 - ring, d / 2 - ring);
        painter.setPen(Qt::NoPen);
        painter.setBrush(ink);
        painter.drawPath(star(centre, d * 0.17));

        QFont font(u"Noto Serif CJK SC"_s);
        font.setBold(true);
        font.setPixelSize(int(d * 0.13));
        painter.setFont(font);
        painter.setPen(ink);
        const QString name = u"示例市人民政府办公室"_s;
        const double span = 240; // degrees of the top arc the name covers
        const double radius = d / 2 - ring * 2 - d * 0.13 * 0.85;
        for (qsizetype i = 0; i < name.size(); ++i) {
            const double angle = -span / 2 + span * (double(i) + 0.5) / double(name.size());
            painter.save();
            painter.translate(centre);
            painter.rotate(angle);
            painter.translate(0, -radius);
            const QRectF box(-d * 0.08, -d * 0.08, d * 0.16, d * 0.16);
            painter.drawText(box, Qt::AlignCenter, name.at(i));
            painter.restore();
        }
        font.setPixelSize(int(d * 0.085));
        painter.setFont(font);
        painter.drawText(QRectF(0, d * 0.66, d, d * 0.12), Qt::AlignCenter, u"政务公开专用章"_s);
    }
    // The ink: thinner in patches, missing in specks.
    const QImage patches = blotches(seal.size(), std::max(4, diameter / 12), random);
    for (int y = 0; y < diameter; ++y) {
        auto *line = reinterpret_cast<QRgb *>(seal.scanLine(y));
        const uchar *patch = patches.constScanLine(y);
        for (int x = 0; x < diameter; ++x) {
            if (qAlpha(line[x]) == 0)
                continue;
            double keep = 0.9 * (0.45 + 0.55 * patch[x] / 255.0);
            if (random.bounded(100) < 6)
                keep *= 0.25;
            // Premultiplied: thinning the ink scales every component alike.
            line[x] = qRgba(clampByte(qRed(line[x]) * keep), clampByte(qGreen(line[x]) * keep),
                            clampByte(qBlue(line[x]) * keep), clampByte(qAlpha(line[x]) * keep));
        }
    }
    return seal;
}

/** Stamps the seal centred at `centre` (pixels) on a page scanned at `dpi`. */
void stamp(QImage &image, QPointF centre, int dpi, QRandomGenerator &random)
{
    const double diameter = kSealDiameter * dpi / kPointsPerInch;
    const QImage seal = sealImage(int(diameter), random);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.setCompositionMode(QPainter::CompositionMode_Multiply);
    painter.translate(centre);
    painter.rotate(double(random.bounded(-25, 26))); // nobody stamps straight
    painter.drawImage(QPointF(-diameter / 2, -diameter / 2), seal);
}

/** The scanner's optics: a 3×3 binomial blur of every channel. */
QImage blur(const QImage &image)
{
    const int width = image.width();
    const int height = image.height();
    QImage out(image.size(), QImage::Format_RGB32);
    std::vector<int> sum(size_t(width) * 3);
    for (int y = 0; y < height; ++y) {
        const auto *above = reinterpret_cast<const QRgb *>(image.constScanLine(std::max(0, y - 1)));
        const auto *line = reinterpret_cast<const QRgb *>(image.constScanLine(y));
        const auto *below
            = reinterpret_cast<const QRgb *>(image.constScanLine(std::min(height - 1, y + 1)));
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < 3; ++c) {
                const int shift = 16 - 8 * c;
                sum[size_t(x) * 3 + size_t(c)] = int(above[x] >> shift & 0xFF)
                    + 2 * int(line[x] >> shift & 0xFF) + int(below[x] >> shift & 0xFF);
            }
        }
        auto *target = reinterpret_cast<QRgb *>(out.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const size_t left = size_t(std::max(0, x - 1)) * 3;
            const size_t here = size_t(x) * 3;
            const size_t right = size_t(std::min(width - 1, x + 1)) * 3;
            std::array<int, 3> value {};
            for (size_t c = 0; c < 3; ++c)
                value[c] = (sum[left + c] + 2 * sum[here + c] + sum[right + c] + 8) / 16;
            target[x] = qRgb(value[0], value[1], value[2]);
        }
    }
    return out;
}

/**
 * Paper and ink as the scanner sees them: white becomes the paper's tone, lit unevenly (darker
 * towards the binding edge), and black the darkest grey the scanner reads.
 */
void tone(QImage &image, QRandomGenerator &random)
{
    const int width = image.width();
    const QImage light = blotches(image.size(), std::max(16, width / 8), random);
    std::vector<double> shadow(static_cast<size_t>(width));
    for (int x = 0; x < width; ++x)
        shadow[size_t(x)] = 16.0 * std::pow(1.0 - double(x) / width, 6);
    for (int y = 0; y < image.height(); ++y) {
        auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
        const uchar *lit = light.constScanLine(y);
        for (int x = 0; x < width; ++x) {
            const double paper = kPaperTone - shadow[size_t(x)] + (lit[x] - 128) / 20.0;
            const std::array<double, 3> tint {paper + 3, paper, paper - 7};
            std::array<int, 3> value {};
            for (size_t c = 0; c < 3; ++c) {
                const double reflectance = (line[x] >> (16 - 8 * c) & 0xFF) / 255.0;
                value[c] = clampByte(kInkFloor + (tint[c] - kInkFloor) * reflectance);
            }
            line[x] = qRgb(value[0], value[1], value[2]);
        }
    }
}

/** The page turned on the glass: what lies outside the paper is the scanner's lid. */
QImage rotate(const QImage &image, double degrees)
{
    QImage out(image.size(), QImage::Format_RGB32);
    out.fill(QColor(0xF4, 0xF4, 0xF2));
    QPainter painter(&out);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.translate(image.width() / 2.0, image.height() / 2.0);
    painter.rotate(degrees);
    painter.translate(-image.width() / 2.0, -image.height() / 2.0);
    painter.drawImage(QPointF(0, 0), image);
    return out;
}

/** Sensor noise (grey-level, Gaussian) and dust: dark specks and white dropouts. */
void addNoise(QImage &image, const ScanOptions &options, QRandomGenerator &random)
{
    std::vector<int> gaussian(4096);
    for (int &sample : gaussian) {
        // Box–Muller.
        const double u = std::max(1e-12, random.generateDouble());
        const double v = random.generateDouble();
        sample = int(std::lround(options.gaussianNoise * std::sqrt(-2 * std::log(u))
                                 * std::cos(2 * M_PI * v)));
    }
    const int width = image.width();
    const int height = image.height();
    if (options.gaussianNoise > 0) {
        for (int y = 0; y < height; ++y) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y));
            for (int x = 0; x < width; ++x) {
                const int n = gaussian[random.bounded(4096)];
                line[x] = qRgb(std::clamp(qRed(line[x]) + n, 0, 255),
                               std::clamp(qGreen(line[x]) + n, 0, 255),
                               std::clamp(qBlue(line[x]) + n, 0, 255));
            }
        }
    }
    // Dust is the same size on paper whatever the resolution: about 0.2 mm.
    const int speck = std::max(1, options.dpi / 150);
    const auto specks = qint64(double(width) * height * options.saltAndPepper / (speck * speck));
    for (qint64 i = 0; i < specks; ++i) {
        const int x = random.bounded(std::max(1, width - speck));
        const int y = random.bounded(std::max(1, height - speck));
        const bool dark = random.bounded(10) < 7;
        const int level = dark ? kInkFloor + random.bounded(40) : 250;
        for (int dy = 0; dy < speck; ++dy) {
            auto *line = reinterpret_cast<QRgb *>(image.scanLine(y + dy));
            for (int dx = 0; dx < speck; ++dx)
                line[x + dx] = qRgb(level, level, level);
        }
    }
}

QImage cleanPage(const FixtureLayout &layout, const FixturePage &page, int dpi)
{
    const double scale = dpi / kPointsPerInch;
    QImage image(qRound(layout.pageSize.width() * scale), qRound(layout.pageSize.height() * scale),
                 QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    paintFixturePage(painter, page);
    return image;
}

// TIFF 6.0, little-endian.
void put16(QByteArray &out, quint16 value)
{
    out.append(char(value & 0xFF));
    out.append(char(value >> 8));
}

void put32(QByteArray &out, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out.append(char((value >> (8 * i)) & 0xFF));
}

void set32(QByteArray &out, qsizetype at, quint32 value)
{
    for (int i = 0; i < 4; ++i)
        out[at + i] = char((value >> (8 * i)) & 0xFF);
}

struct TiffEntry
{
    quint16 tag;
    quint16 type; ///< 3 SHORT, 4 LONG, 5 RATIONAL
    quint32 count;
    quint32 value; ///< the value itself, or the offset of the values
};

} // namespace

QPointF sealCentre(const QRectF &table, int dpi)
{
    const double diameter = kSealDiameter * dpi / kPointsPerInch;
    return {table.right() - diameter * 0.75, table.bottom() - diameter * 0.2};
}

QImage scanImage(const QImage &clean, const ScanOptions &options, std::optional<QPointF> sealCentre)
{
    QRandomGenerator random(options.seed);
    QImage image = clean.convertToFormat(QImage::Format_RGB32);
    if (options.redSeal && sealCentre)
        stamp(image, *sealCentre, options.dpi, random);
    image = blur(image);
    if (options.greyBackground)
        tone(image, random);
    if (options.rotationDegrees != 0)
        image = rotate(image, options.rotationDegrees);
    addNoise(image, options, random);
    if (!options.colour)
        image = image.convertToFormat(QImage::Format_Grayscale8);
    const int dotsPerMetre = qRound(options.dpi / kMetresPerInch);
    image.setDotsPerMeterX(dotsPerMetre);
    image.setDotsPerMeterY(dotsPerMetre);
    return image;
}

QList<QImage> renderScannedPages(const FixtureDocument &document, const ScanOptions &options,
                                 QString *problem)
{
    const std::optional<FixtureLayout> layout
        = layoutFixture(document, problem, options.pageHeight);
    if (!layout)
        return {};
    // The seal goes on the last page that holds a table, as agencies stamp the end.
    qsizetype sealPage = -1;
    for (qsizetype i = 0; i < layout->pages.size(); ++i) {
        if (!layout->pages[i].tables.isEmpty())
            sealPage = i;
    }
    const double scale = options.dpi / kPointsPerInch;
    QList<QImage> pages;
    for (qsizetype i = 0; i < layout->pages.size(); ++i) {
        const FixturePage &page = layout->pages[i];
        std::optional<QPointF> seal;
        if (i == sealPage) {
            const QRectF table = page.tables.back();
            seal = sealCentre(QRectF(table.topLeft() * scale, table.size() * scale), options.dpi);
        }
        ScanOptions pageOptions = options;
        pageOptions.seed = options.seed + quint32(i) * 7919U;
        pages.append(scanImage(cleanPage(*layout, page, options.dpi), pageOptions, seal));
    }
    return pages;
}

FixtureDocument tablesOnly(const FixtureDocument &document)
{
    static const QRegularExpression heading(u"^[一二三四五六七八九十]+、"_s);
    FixtureDocument out;
    for (qsizetype i = 0; i < document.size(); ++i) {
        const FixtureBlock &block = document[i];
        if (i == 0 || block.table || heading.match(block.paragraph).hasMatch())
            out.append(block);
    }
    return out;
}

QByteArray writeImageFile(const QImage &page, const char *format, int quality)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QImageWriter writer(&buffer, format);
    writer.setQuality(quality);
    return writer.write(page) ? buffer.data() : QByteArray();
}

QByteArray writeMultiPageTiff(const QList<QImage> &pages)
{
    QByteArray out = "II";
    put16(out, 42);
    qsizetype nextIfd = out.size();
    put32(out, 0);
    for (const QImage &page : pages) {
        const bool grey = page.format() == QImage::Format_Grayscale8;
        if (!grey && page.format() != QImage::Format_RGB32)
            return {};
        const int samples = grey ? 1 : 3;
        const int width = page.width();
        const int height = page.height();
        const int rowsPerStrip = 64;
        QList<quint32> offsets;
        QList<quint32> counts;
        for (int top = 0; top < height; top += rowsPerStrip) {
            QByteArray strip;
            const int rows = std::min(rowsPerStrip, height - top);
            strip.reserve(qsizetype(rows) * width * samples);
            for (int y = top; y < top + rows; ++y) {
                QByteArray row(qsizetype(width) * samples, Qt::Uninitialized);
                if (grey) {
                    std::copy_n(reinterpret_cast<const char *>(page.constScanLine(y)), width,
                                row.data());
                } else {
                    const auto *line = reinterpret_cast<const QRgb *>(page.constScanLine(y));
                    for (int x = 0; x < width; ++x) {
                        const qsizetype at = 3 * qsizetype(x);
                        row[at] = char(qRed(line[x]));
                        row[at + 1] = char(qGreen(line[x]));
                        row[at + 2] = char(qBlue(line[x]));
                    }
                }
                // Predictor 2: each sample as the difference from its left neighbour.
                for (qsizetype i = row.size() - 1; i >= samples; --i)
                    row[i] = char(uchar(row[i]) - uchar(row[i - samples]));
                strip += row;
            }
            // qCompress writes a four-byte length, then the zlib stream TIFF's Deflate holds.
            const QByteArray compressed = qCompress(strip, 6).mid(4);
            offsets.append(quint32(out.size()));
            counts.append(quint32(compressed.size()));
            out += compressed;
            if (out.size() % 2)
                out.append('\0');
        }
        const auto array = [&out](const QList<quint32> &values) {
            const auto at = quint32(out.size());
            for (quint32 value : values)
                put32(out, value);
            return at;
        };
        const quint32 offsetsAt = offsets.size() == 1 ? offsets.front() : array(offsets);
        const quint32 countsAt = counts.size() == 1 ? counts.front() : array(counts);
        const auto resolutionAt = quint32(out.size());
        const int dpi = qRound(page.dotsPerMeterX() * kMetresPerInch);
        put32(out, quint32(dpi));
        put32(out, 1);
        quint32 bitsAt = 8;
        if (!grey) {
            bitsAt = quint32(out.size());
            put16(out, 8);
            put16(out, 8);
            put16(out, 8);
            put16(out, 0);
        }
        const QList<TiffEntry> entries {
            {256, 4, 1, quint32(width)},
            {257, 4, 1, quint32(height)},
            {258, 3, quint32(samples), bitsAt},
            {259, 3, 1, 8}, // Adobe Deflate
            {262, 3, 1, grey ? 1U : 2U}, // BlackIsZero, RGB
            {273, 4, quint32(offsets.size()), offsetsAt},
            {277, 3, 1, quint32(samples)},
            {278, 4, 1, quint32(rowsPerStrip)},
            {279, 4, quint32(counts.size()), countsAt},
            {282, 5, 1, resolutionAt},
            {283, 5, 1, resolutionAt},
            {284, 3, 1, 1}, // chunky
            {296, 3, 1, 2}, // inches
            {317, 3, 1, 2}, // horizontal differencing
        };
        set32(out, nextIfd, quint32(out.size()));
        put16(out, quint16(entries.size()));
        for (const TiffEntry &entry : entries) {
            put16(out, entry.tag);
            put16(out, entry.type);
            put32(out, entry.count);
            // A single SHORT sits in the first two bytes of the value field.
            if (entry.type == 3 && entry.count == 1) {
                put16(out, quint16(entry.value));
                put16(out, 0);
            } else {
                put32(out, entry.value);
            }
        }
        nextIfd = out.size();
        put32(out, 0);
    }
    return out;
}

QByteArray writeImageOnlyPdf(const QList<QImage> &pages, int jpegQuality)
{
    // Objects: 1 catalog, 2 page tree, then per page: the page, its content, its image.
    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<qsizetype> offsets;
    const auto object = [&](const QByteArray &body) {
        offsets.push_back(pdf.size());
        pdf += QByteArray::number(qsizetype(offsets.size())) + " 0 obj\n" + body + "\nendobj\n";
    };
    const auto number = [](double value) {
        return QByteArray::number(value, 'f', 2);
    };
    QByteArray kids;
    for (qsizetype i = 0; i < pages.size(); ++i)
        kids += QByteArray::number(3 + 3 * i) + " 0 R ";
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [" + kids + "] /Count " + QByteArray::number(pages.size())
           + " >>");
    for (qsizetype i = 0; i < pages.size(); ++i) {
        const QImage &page = pages[i];
        const bool grey = page.format() == QImage::Format_Grayscale8;
        const QByteArray jpeg = writeImageFile(page, "jpeg", jpegQuality);
        if (jpeg.isEmpty())
            return {};
        const double dpi = page.dotsPerMeterX() * kMetresPerInch;
        const double width = page.width() * kPointsPerInch / dpi;
        const double height = page.height() * kPointsPerInch / dpi;
        const QByteArray content
            = "q " + number(width) + " 0 0 " + number(height) + " 0 0 cm /Scan Do Q";
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + number(width) + " " + number(height)
               + "] /Resources << /XObject << /Scan " + QByteArray::number(5 + 3 * i)
               + " 0 R >> >> /Contents " + QByteArray::number(4 + 3 * i) + " 0 R >>");
        object("<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content
               + "\nendstream");
        object("<< /Type /XObject /Subtype /Image /Width " + QByteArray::number(page.width())
               + " /Height " + QByteArray::number(page.height()) + " /ColorSpace "
               + (grey ? "/DeviceGray" : "/DeviceRGB")
               + " /BitsPerComponent 8 /Filter /DCTDecode /Length "
               + QByteArray::number(jpeg.size()) + " >>\nstream\n" + jpeg + "\nendstream");
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(qsizetype(offsets.size()) + 1)
        + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(qsizetype(offsets.size()) + 1)
        + " /Root 1 0 R >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace nianbao::test

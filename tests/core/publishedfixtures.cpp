// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishedfixtures.h"

#include "extract/tableline.h"
#include "testutils.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFile>
#include <QFont>
#include <QFontDatabase>
#include <QFontInfo>
#include <QFontMetricsF>
#include <QImage>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTemporaryDir>

#include <zip.h>

#include <algorithm>
#include <map>
#include <vector>

using namespace Qt::StringLiterals;

namespace nianbao::test {

namespace {

bool isFigureField(const QString &field)
{
    double value = 0;
    return parseFigure(QStringView(field).trimmed(), &value);
}

FixtureTable tableFromRows(const QList<QStringList> &fields)
{
    FixtureTable table;
    table.rows = int(fields.size());
    for (const QStringList &row : fields)
        table.columns = std::max(table.columns, int(row.size()));
    const auto text = [&](int r, int c) -> QString {
        return c < fields[r].size() ? fields[r][c].trimmed() : QString();
    };
    table.labelColumns = table.columns;
    for (int r = 0; r < table.rows; ++r) {
        int first = -1;
        for (int c = 0; c < table.columns && first < 0; ++c) {
            if (isFigureField(text(r, c)))
                first = c;
        }
        table.headerRows.append(first < 0);
        if (first >= 0)
            table.labelColumns = std::min(table.labelColumns, first);
    }
    if (table.labelColumns == table.columns)
        table.labelColumns = 0;

    std::vector<std::vector<bool>> covered(size_t(table.rows),
                                           std::vector<bool>(size_t(table.columns), false));
    const auto emptyRun = [&](int r, int c, int span) {
        for (int k = c; k < c + span; ++k) {
            if (k >= table.columns || covered[size_t(r)][size_t(k)] || !text(r, k).isEmpty())
                return false;
        }
        return true;
    };
    for (int r = 0; r < table.rows; ++r) {
        for (int c = 0; c < table.columns; ++c) {
            if (covered[size_t(r)][size_t(c)])
                continue;
            FixtureCell cell {text(r, c), r, c, 1, 1};
            const bool header = table.headerRows[r];
            const bool label = c < table.labelColumns;
            if (!cell.text.isEmpty() && (header || label)) {
                const int limit = header ? table.columns : table.labelColumns;
                while (c + cell.columnSpan < limit && emptyRun(r, c + cell.columnSpan, 1))
                    ++cell.columnSpan;
                for (int below = r + 1; below < table.rows; ++below) {
                    if (table.headerRows[below] != header || !emptyRun(below, c, cell.columnSpan))
                        break;
                    if (!header) {
                        // A group label heads the rows whose own labels stand to its right.
                        bool deeper = false;
                        for (int k = c + cell.columnSpan; k < table.labelColumns; ++k)
                            deeper = deeper || !text(below, k).isEmpty();
                        if (!deeper)
                            break;
                    }
                    ++cell.rowSpan;
                }
            }
            for (int rr = r; rr < r + cell.rowSpan; ++rr) {
                for (int cc = c; cc < c + cell.columnSpan; ++cc)
                    covered[size_t(rr)][size_t(cc)] = true;
            }
            table.cells.append(cell);
        }
    }
    return table;
}

QString escapeXml(const QString &text)
{
    QString out = text;
    out.replace(u'&', u"&amp;"_s).replace(u'<', u"&lt;"_s).replace(u'>', u"&gt;"_s);
    out.replace(u'"', u"&quot;"_s);
    return out;
}

/**
 * A header as the form prints it: captions longer than five characters broken onto two lines
 * (未经复议 / 直接起诉). Shorter ones stay whole: the extractor compares the second half of a
 * broken tab cell alone as well, and 维持 of 结果 / 维持 then counts as a header of its own.
 */
QStringList headerLines(const QString &text)
{
    if (text.contains(u' '))
        return text.split(u' ');
    if (text.size() <= 5)
        return {text};
    return {text.left(text.size() / 2), text.mid(text.size() / 2)};
}

// ---------------------------------------------------------------------------------------------
// HTML

QString htmlCellText(const FixtureCell &cell, bool header)
{
    if (cell.text.isEmpty())
        return u"&nbsp;"_s;
    QString text = escapeXml(header ? headerLines(cell.text).join(u'\n') : cell.text);
    // Numeric character references, as some site editors write punctuation.
    text.replace(u'、', u"&#12289;"_s);
    text.replace(u'\n', u"<br>"_s);
    return text;
}

void appendHtmlTable(const FixtureTable &table, bool closeTags, QString &out)
{
    out += u"<table class=\"MsoTableGrid\" border=\"1\" cellspacing=\"0\" cellpadding=\"0\">\n"_s;
    out += u"<tbody>\n"_s;
    for (int r = 0; r < table.rows; ++r) {
        out += u"<tr>"_s;
        for (const FixtureCell &cell : table.cells) {
            if (cell.row != r)
                continue;
            const bool header = table.headerRows[r];
            out += header ? u"<th"_s : u"<td"_s;
            if (cell.columnSpan > 1)
                out += u" colspan=\"%1\""_s.arg(cell.columnSpan);
            if (cell.rowSpan > 1)
                out += u" rowspan=%1"_s.arg(cell.rowSpan);
            out += u" valign=\"middle\">"_s;
            // Word's exported HTML wraps cell text in paragraphs and spans.
            if (!cell.text.isEmpty() && cell.column >= table.labelColumns && !header)
                out += u"<p align=\"center\"><span lang=\"EN-US\">"_s % htmlCellText(cell, header)
                    % u"</span></p>"_s;
            else
                out += htmlCellText(cell, header);
            if (closeTags)
                out += header ? u"</th>"_s : u"</td>"_s;
        }
        out += closeTags ? u"</tr>\n"_s : u"\n"_s;
    }
    out += u"</tbody></table>\n"_s;
}

// ---------------------------------------------------------------------------------------------
// Word

QString docxRuns(const QString &text)
{
    // Two runs and the marks Word scatters between them.
    const qsizetype middle = text.size() / 2;
    const auto run = [](const QString &part, bool bold) {
        QString out = u"<w:r>"_s;
        if (bold)
            out += u"<w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:b/></w:rPr>"_s;
        out += u"<w:t xml:space=\"preserve\">"_s % escapeXml(part) % u"</w:t></w:r>"_s;
        return out;
    };
    if (middle == 0)
        return run(text, false);
    return run(text.left(middle), false) % u"<w:proofErr w:type=\"gramStart\"/>"_s
        % run(text.mid(middle), false);
}

QString docxCellText(const QString &text, bool header)
{
    // A header's line break: 结果<w:br/>维持.
    QString out;
    const QStringList lines = header ? headerLines(text) : QStringList {text};
    out += u"<w:r>"_s;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (i > 0)
            out += u"<w:br/>"_s;
        out += u"<w:t>"_s % escapeXml(lines[i]) % u"</w:t>"_s;
    }
    out += u"</w:r>"_s;
    return out;
}

void appendDocxTable(const FixtureTable &table, QString &out)
{
    out += u"<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" "
           u"w:type=\"auto\"/><w:jc w:val=\"center\"/></w:tblPr><w:tblGrid>"_s;
    for (int c = 0; c < table.columns; ++c)
        out += u"<w:gridCol w:w=\"900\"/>"_s;
    out += u"</w:tblGrid>"_s;
    for (int r = 0; r < table.rows; ++r) {
        out += u"<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>"_s;
        for (int c = 0; c < table.columns;) {
            const FixtureCell *cell = table.cellAt(r, c);
            const int span = cell ? cell->columnSpan : 1;
            out += u"<w:tc><w:tcPr><w:tcW w:w=\"%1\" w:type=\"dxa\"/>"_s.arg(900 * span);
            if (span > 1)
                out += u"<w:gridSpan w:val=\"%1\"/>"_s.arg(span);
            if (cell && cell->rowSpan > 1)
                out += cell->row == r ? u"<w:vMerge w:val=\"restart\"/>"_s : u"<w:vMerge/>"_s;
            out += u"<w:vAlign w:val=\"center\"/></w:tcPr><w:p><w:pPr><w:jc "
                   u"w:val=\"center\"/></w:pPr>"_s;
            if (cell && cell->row == r && !cell->text.isEmpty())
                out += docxCellText(cell->text, table.headerRows[r]);
            out += u"</w:p></w:tc>"_s;
            c += span;
        }
        out += u"</w:tr>"_s;
    }
    out += u"</w:tbl>"_s;
}

// ---------------------------------------------------------------------------------------------
// PDF

constexpr double kMargin = 36;
constexpr double kFontSize = 9;
constexpr double kLineHeight = 15;
constexpr double kRowHeight = 18;
constexpr double kPadding = 5;

struct TableGeometry
{
    std::vector<double> left; ///< per column, and one past the last
};

TableGeometry measure(const FixtureTable &table, const QFontMetricsF &metrics)
{
    std::vector<double> widths(size_t(table.columns), 28);
    for (const FixtureCell &cell : table.cells) {
        if (cell.columnSpan == 1)
            widths[size_t(cell.column)] = std::max(
                widths[size_t(cell.column)], metrics.horizontalAdvance(cell.text) + 2 * kPadding);
    }
    for (const FixtureCell &cell : table.cells) {
        double available = 0;
        for (int c = cell.column; c < cell.column + cell.columnSpan; ++c)
            available += widths[size_t(c)];
        const double needed = metrics.horizontalAdvance(cell.text) + 2 * kPadding;
        if (needed > available)
            widths[size_t(cell.column + cell.columnSpan - 1)] += needed - available;
    }
    TableGeometry geometry;
    double x = kMargin;
    for (double width : widths) {
        geometry.left.push_back(x);
        x += width;
    }
    geometry.left.push_back(x);
    return geometry;
}

QStringList wrap(const QString &text, const QFontMetricsF &metrics, double width)
{
    QStringList lines;
    QString line;
    for (QChar c : text) {
        if (!line.isEmpty() && metrics.horizontalAdvance(line + c) > width) {
            lines.append(line);
            line.clear();
        }
        line += c;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

/** Lays a fixture document out on pages (in points), as writePdfFixture and the scans draw it. */
class PageLayout
{
public:
    PageLayout(const QFontMetricsF &metrics, double pageHeight)
        : m_metrics(metrics)
        , m_pageHeight(pageHeight)
    {
        m_pages.append(FixturePage {});
    }

    void paragraph(const QString &text, double width);
    void table(const FixtureTable &table);
    QList<FixturePage> pages() const { return m_pages; }

private:
    double baseline(double top, double height) const
    {
        return top + (height + m_metrics.ascent() - m_metrics.descent()) / 2;
    }
    void newPage()
    {
        m_pages.append(FixturePage {});
        m_y = kMargin;
    }
    void text(const QPointF &at, const QString &text)
    {
        m_pages.back().texts.append(FixtureText {at, text});
    }

    const QFontMetricsF &m_metrics;
    double m_pageHeight;
    double m_y = kMargin;
    QList<FixturePage> m_pages;
};

void PageLayout::paragraph(const QString &text, double width)
{
    for (const QString &line : wrap(text, m_metrics, width)) {
        if (m_y + kLineHeight > m_pageHeight - kMargin)
            newPage();
        this->text(QPointF(kMargin, baseline(m_y, kLineHeight)), line);
        m_y += kLineHeight;
    }
    m_y += 5;
}

void PageLayout::table(const FixtureTable &table)
{
    const TableGeometry geometry = measure(table, m_metrics);
    m_y += 6;
    // Where each row stands: a row that does not fit goes to the next page.
    std::vector<int> page(size_t(table.rows));
    std::vector<double> top(size_t(table.rows));
    int pages = 0;
    double y = m_y;
    for (int r = 0; r < table.rows; ++r) {
        if (y + kRowHeight > m_pageHeight - kMargin) {
            ++pages;
            y = kMargin;
        }
        page[size_t(r)] = pages;
        top[size_t(r)] = y;
        y += kRowHeight;
    }
    int current = 0;
    QRectF area;
    for (int r = 0; r < table.rows; ++r) {
        if (page[size_t(r)] != current) {
            m_pages.back().tables.append(area);
            area = QRectF();
            newPage();
            current = page[size_t(r)];
        }
        for (const FixtureCell &cell : table.cells) {
            const bool starts = cell.row == r;
            const bool continues = cell.row < r && r < cell.row + cell.rowSpan
                && page[size_t(r)] != page[size_t(r - 1)];
            if (!starts && !continues)
                continue;
            // The part of a merged cell on this page: its rows from r on, down to the page end.
            int last = r;
            while (last + 1 < cell.row + cell.rowSpan && page[size_t(last + 1)] == page[size_t(r)])
                ++last;
            const double left = geometry.left[size_t(cell.column)];
            const double right = geometry.left[size_t(cell.column + cell.columnSpan)];
            const QRectF box(left, top[size_t(r)], right - left,
                             top[size_t(last)] + kRowHeight - top[size_t(r)]);
            m_pages.back().boxes.append(box);
            area = area.united(box);
            if (!starts || cell.text.isEmpty())
                continue;
            const bool centred = table.headerRows[cell.row] || cell.column >= table.labelColumns;
            const double textWidth = m_metrics.horizontalAdvance(cell.text);
            const double x = centred ? left + (box.width() - textWidth) / 2 : left + kPadding;
            text(QPointF(x, baseline(box.top(), box.height())), cell.text);
        }
    }
    m_pages.back().tables.append(area);
    m_y = top[size_t(table.rows - 1)] + kRowHeight + 10;
}

// ---------------------------------------------------------------------------------------------
// Encrypted PDF

const QByteArray kPasswordPadding
    = QByteArray::fromHex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A");

QByteArray md5(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Md5);
}

} // namespace

QByteArray rc4(const QByteArray &key, const QByteArray &data)
{
    std::vector<unsigned char> s(256);
    for (int i = 0; i < 256; ++i)
        s[size_t(i)] = static_cast<unsigned char>(i);
    for (int i = 0, j = 0; i < 256; ++i) {
        j = (j + s[size_t(i)] + static_cast<unsigned char>(key[i % key.size()])) % 256;
        std::swap(s[size_t(i)], s[size_t(j)]);
    }
    QByteArray out(data.size(), Qt::Uninitialized);
    for (qsizetype n = 0, i = 0, j = 0; n < data.size(); ++n) {
        i = (i + 1) % 256;
        j = (j + s[size_t(i)]) % 256;
        std::swap(s[size_t(i)], s[size_t(j)]);
        const unsigned char k = s[size_t((s[size_t(i)] + s[size_t(j)]) % 256)];
        out[n] = char(static_cast<unsigned char>(data[n]) ^ k);
    }
    return out;
}

QByteArray padPdfPassword(const QByteArray &password)
{
    return QByteArray(password + kPasswordPadding).left(32);
}

const FixtureCell *FixtureTable::cellAt(int row, int column) const
{
    for (const FixtureCell &cell : cells) {
        if (row >= cell.row && row < cell.row + cell.rowSpan && column >= cell.column
            && column < cell.column + cell.columnSpan)
            return &cell;
    }
    return nullptr;
}

FixtureDocument fixtureDocument(const QString &tabsText)
{
    FixtureDocument document;
    const QStringList lines = tabsText.split(u'\n');
    for (qsizetype i = 0; i < lines.size();) {
        if (!lines[i].contains(u'\t')) {
            if (!lines[i].trimmed().isEmpty())
                document.append(FixtureBlock {lines[i].trimmed(), std::nullopt});
            ++i;
            continue;
        }
        QList<QStringList> rows;
        for (; i < lines.size() && lines[i].contains(u'\t'); ++i)
            rows.append(lines[i].split(u'\t'));
        document.append(FixtureBlock {{}, tableFromRows(rows)});
    }
    return document;
}

QByteArray writeHtmlFixture(const FixtureDocument &document, const QByteArray &encoding)
{
    const QString title = document.isEmpty() ? QString() : document.front().paragraph;
    QString html = u"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" "
                   u"\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n"
                   u"<html xmlns=\"http://www.w3.org/1999/xhtml\">\n<head>\n"
                   u"<meta http-equiv=\"X-UA-Compatible\" content=\"IE=edge\" />\n"
                   u"<meta charset=\""_s
        % QString::fromLatin1(encoding.toLower()) % u"\" />\n<title>"_s % escapeXml(title)
        % u"</title>\n<style type=\"text/css\">td { border: 1px solid #000; }</style>\n"
          u"<script type=\"text/javascript\">var cell = \"<td>脚本</td>\"; if (1 < 2) {}"
          u"</script>\n</head>\n<body>\n<!-- 导航开始 <td>注释里的表格</td> -->\n"
          u"<table width=\"100%\" class=\"layout\" border=\"0\"><tr><td>"
          u"<div class=\"position\">当前位置：<a href=\"/\">首页</a>&nbsp;&gt;&nbsp;<div>政务公开"
          u"</div>&nbsp;&gt;&nbsp;年度报告</div></td></tr>\n"
          u"<tr><td class=\"content\">\n"_s;
    int tableIndex = 0;
    bool first = true;
    for (const FixtureBlock &block : document) {
        if (block.table) {
            // Browsers forgive unclosed cells and rows; so must the loader.
            appendHtmlTable(*block.table, tableIndex++ != 1, html);
            continue;
        }
        if (first) {
            html += u"<h1 style=\"text-align:center\">"_s % escapeXml(block.paragraph)
                % u"</h1>\n"_s;
            first = false;
            continue;
        }
        html += u"<p class=\"MsoNormal\">&nbsp;&nbsp;&nbsp;&nbsp;"_s % escapeXml(block.paragraph)
            % u"</p>\n"_s;
    }
    html += u"</td></tr>\n<tr><td class=\"footer\">主办单位：示例市人民政府办公室&nbsp;|&nbsp;"
            u"联系我们</td></tr></table>\n</body>\n</html>\n"_s;
    return encodeWithIcu(html, encoding.constData());
}

QByteArray writeZip(const QList<std::pair<QString, QByteArray>> &files)
{
    QTemporaryDir dir;
    if (!dir.isValid())
        return {};
    const QString path = dir.filePath(u"fixture.zip"_s);
    int error = 0;
    zip_t *zip = zip_open(QFile::encodeName(path).constData(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip)
        return {};
    for (const auto &[name, content] : files) {
        // libzip reads the buffers at zip_close; `files` keeps them alive until then.
        zip_source_t *source
            = zip_source_buffer(zip, content.constData(), zip_uint64_t(content.size()), 0);
        if (!source || zip_file_add(zip, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(source);
            zip_discard(zip);
            return {};
        }
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        return {};
    }
    QByteArray bytes;
    return readFileBytes(path, &bytes) ? bytes : QByteArray();
}

QByteArray writeDocxFixture(const FixtureDocument &document)
{
    QString body;
    bool first = true;
    for (const FixtureBlock &block : document) {
        if (block.table) {
            appendDocxTable(*block.table, body);
            // Word puts an empty paragraph after each table.
            body += u"<w:p/>"_s;
            continue;
        }
        body += u"<w:p><w:pPr><w:jc w:val=\""_s % (first ? u"center"_s : u"both"_s)
            % u"\"/></w:pPr>"_s;
        if (first)
            body
                += u"<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>"_s;
        body += docxRuns(block.paragraph) % u"</w:p>"_s;
        first = false;
    }
    const QString xml
        = u"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          u"<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
          u"xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
          u"xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
          u"mc:Ignorable=\"\"><w:body>"_s
        % body
        % u"<w:sectPr><w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>"
          u"</w:sectPr></w:body></w:document>"_s;
    const QByteArray contentTypes
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
          "<Default Extension=\"rels\" "
          "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
          "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
          "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
          "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
    const QByteArray relationships
        = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
          "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
          "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    return writeZip({{u"[Content_Types].xml"_s, contentTypes},
                     {u"_rels/.rels"_s, relationships},
                     {u"word/document.xml"_s, xml.toUtf8()}});
}

namespace {

QFont fixtureFont()
{
    QFont font(u"Noto Sans CJK SC"_s);
    font.setPixelSize(int(kFontSize));
    return font;
}

} // namespace

std::optional<FixtureLayout> layoutFixture(const FixtureDocument &document, QString *problem,
                                           double pageHeight)
{
    const QFont font = fixtureFont();
    const QString family = font.family();
    if (!QFontDatabase::families().contains(family)) {
        *problem = u"the CJK font %1 is not installed (Debian: fonts-noto-cjk); the PDF "
                   u"fixtures cannot be written without it"_s.arg(family);
        return std::nullopt;
    }
    if (QFontInfo(font).family() != family) {
        *problem = u"the font %1 resolves to %2"_s.arg(family, QFontInfo(font).family());
        return std::nullopt;
    }
    // As wide as the widest table needs, at least A4 landscape: real reports wrap long labels
    // in narrow columns, which a text layer cannot tell from separate rows.
    const QFontMetricsF metrics(font);
    double width = 842;
    for (const FixtureBlock &block : document) {
        if (block.table)
            width = std::max(width, measure(*block.table, metrics).left.back() + kMargin);
    }
    const double height = pageHeight;

    // Text is placed with the metrics of a 72 dpi PDF page (unhinted), whatever it is drawn on.
    QBuffer sink;
    sink.open(QIODevice::WriteOnly);
    QPdfWriter metricsDevice(&sink);
    metricsDevice.setResolution(72);
    const QFontMetricsF pageMetrics(font, &metricsDevice);
    PageLayout pages(pageMetrics, height);
    for (const FixtureBlock &block : document) {
        if (block.table)
            pages.table(*block.table);
        else
            pages.paragraph(block.paragraph, width - 2 * kMargin);
    }
    return FixtureLayout {QSizeF(width, height), pages.pages()};
}

void paintFixturePage(QPainter &painter, const FixturePage &page)
{
    painter.save();
    painter.setFont(fixtureFont());
    painter.setPen(QPen(Qt::black, 0.5));
    painter.setBrush(Qt::NoBrush);
    for (const QRectF &box : page.boxes)
        painter.drawRect(box);
    for (const FixtureText &text : page.texts)
        painter.drawText(text.baseline, text.text);
    painter.restore();
}

bool writePdfFixture(const FixtureDocument &document, QByteArray *pdf, QString *problem)
{
    const std::optional<FixtureLayout> layout = layoutFixture(document, problem);
    if (!layout)
        return false;
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        writer.setCreator(u"Nianbao tests"_s);
        writer.setPageSize(
            QPageSize(layout->pageSize, QPageSize::Point, QString(), QPageSize::ExactMatch));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        QPainter painter;
        if (!painter.begin(&writer)) {
            *problem = u"QPainter cannot paint on the QPdfWriter"_s;
            return false;
        }
        for (qsizetype i = 0; i < layout->pages.size(); ++i) {
            if (i > 0)
                writer.newPage();
            paintFixturePage(painter, layout->pages[i]);
        }
        painter.end();
    }
    *pdf = buffer.data();
    return !pdf->isEmpty();
}

QByteArray writeScannedPdf()
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(72);
        QImage scan(400, 300, QImage::Format_RGB32);
        scan.fill(Qt::white);
        for (int y = 40; y < 260; y += 20) {
            for (int x = 30; x < 370; ++x)
                scan.setPixel(x, y, qRgb(0, 0, 0));
        }
        QPainter painter(&writer);
        painter.drawImage(QRectF(20, 20, 400, 300), scan);
    }
    return buffer.data();
}

QByteArray writeEncryptedPdf(const QByteArray &text, const QByteArray &userPassword,
                             const QByteArray &ownerPassword)
{
    // PDF 1.7 §7.6.3, algorithms 2–4 (revision 2, 40-bit RC4).
    const QByteArray id = md5("nianbao test fixture");
    const qint32 permissions = -4;
    QByteArray permissionBytes(4, Qt::Uninitialized);
    for (int i = 0; i < 4; ++i)
        permissionBytes[i] = char((quint32(permissions) >> (8 * i)) & 0xFF);
    const QByteArray owner
        = rc4(md5(padPdfPassword(ownerPassword.isEmpty() ? userPassword : ownerPassword)).left(5),
              padPdfPassword(userPassword));
    const QByteArray fileKey
        = md5(padPdfPassword(userPassword) + owner + permissionBytes + id).left(5);
    const QByteArray user = rc4(fileKey, kPasswordPadding);
    const auto objectKey = [&](int object) {
        QByteArray salt = fileKey;
        salt += char(object & 0xFF);
        salt += char((object >> 8) & 0xFF);
        salt += char((object >> 16) & 0xFF);
        salt += char(0);
        salt += char(0);
        return md5(salt).left(10);
    };
    const QByteArray content = "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET";
    const QByteArray encrypted = rc4(objectKey(5), content);

    QByteArray pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
    std::vector<qsizetype> offsets;
    const auto object = [&](const QByteArray &body) {
        offsets.push_back(pdf.size());
        pdf += QByteArray::number(qsizetype(offsets.size())) + " 0 obj\n" + body + "\nendobj\n";
    };
    object("<< /Type /Catalog /Pages 2 0 R >>");
    object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 "
           "R >> >> /Contents 5 0 R >>");
    object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
    object("<< /Length " + QByteArray::number(encrypted.size()) + " >>\nstream\n" + encrypted
           + "\nendstream");
    object("<< /Filter /Standard /V 1 /R 2 /O <" + owner.toHex() + "> /U <" + user.toHex() + "> /P "
           + QByteArray::number(permissions) + " >>");
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(qsizetype(offsets.size() + 1))
        + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(qsizetype(offsets.size() + 1))
        + " /Root 1 0 R /Encrypt 6 0 R /ID [<" + id.toHex() + "> <" + id.toHex()
        + ">] >>\nstartxref\n" + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

QByteArray oleFile(QStringView stream, qsizetype tail)
{
    QByteArray bytes("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
    bytes += QByteArray(504, '\0');
    for (QChar c : stream) {
        bytes += char(c.unicode() & 0xFF);
        bytes += char(c.unicode() >> 8);
    }
    return bytes + QByteArray(tail, '\0');
}

} // namespace nianbao::test

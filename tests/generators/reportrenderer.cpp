// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportrenderer.h"

#include <QLocale>
#include <QSet>

#include <unicode/uchar.h>

#include <algorithm>
#include <cmath>
#include <utility>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Spaces between two columns of a space-aligned table. */
constexpr int kColumnGap = 2;

/**
 * Captions of the official form that name no row and no column (so the template does not hold
 * them): the header of the label column of table 二 and the caption over the applicant columns
 * of table 三. The corner caption of table 三 quotes the template's balance rule.
 */
struct FormCaptions
{
    QStringView table;
    QStringView labelHeader; ///< over the row labels, e.g. 信息内容
    QStringView columnHeader; ///< over all figure columns, e.g. 申请人情况
};

constexpr FormCaptions kFormCaptions[] = {
    {u"active", u"信息内容", {}},
    {u"requests", {}, u"申请人情况"},
};

constexpr QStringView kBalanceCaption = u"（本列数据的勾稽关系为：%1）";

/** Short narrative for the sections without a table, by section key; no figures in them. */
constexpr std::pair<QStringView, QStringView> kNarratives[] = {
    {u"overview",
     u"本年度，%1认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，"
     u"健全信息发布审核机制，持续推进政府信息公开工作。"},
    {u"problems",
     u"政府信息公开工作仍存在公开内容不够全面、政策解读不够及时等问题。下一步将健全工作机制，"
     u"加强业务培训，不断提升公开质量。"},
    {u"other", u"无其他需要报告的事项。"},
};

constexpr QStringView kDefaultNarrative = u"本部分无需要说明的情况。";

/** One cell of a table grid; a cell may span several grid columns, like a merged form cell. */
struct GridCell
{
    QString text;
    int span = 1;
};

using GridRow = std::vector<GridCell>;

/** A table as a grid of rows; every row's spans add up to `columns`. */
struct Grid
{
    int columns = 0;
    int labelColumns = 0; ///< leading columns that hold labels (left-aligned when spaced)
    std::vector<GridRow> rows;

    void add(GridRow row)
    {
        int used = 0;
        for (const GridCell &cell : row)
            used += cell.span;
        for (; used < columns; ++used)
            row.push_back({});
        rows.push_back(std::move(row));
    }
};

const FormCaptions *captionsFor(QStringView table)
{
    for (const FormCaptions &captions : kFormCaptions) {
        if (captions.table == table)
            return &captions;
    }
    return nullptr;
}

/** Display width in a monospace view: East Asian wide and full-width characters count two. */
int displayWidth(QStringView text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t cp = text[i].unicode();
        if (QChar::isHighSurrogate(cp) && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
            cp = QChar::surrogateToUcs4(text[i], text[i + 1]);
            ++i;
        }
        if (cp < 0x80) {
            width += 1;
        } else if (cp >= 0x4E00 && cp <= 0x9FFF) {
            width += 2;
        } else {
            const int eaw = u_getIntPropertyValue(UChar32(cp), UCHAR_EAST_ASIAN_WIDTH);
            width += eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
        }
    }
    return width;
}

class TableRenderer
{
public:
    TableRenderer(const ReportTemplate &reportTemplate, int table,
                  const std::vector<std::optional<double>> &cells, const RenderOptions &options)
        : m_template(reportTemplate)
        , m_table(reportTemplate.tables()[table])
        , m_cells(cells)
        , m_options(options)
    { }

    Grid build() const;

private:
    QString value(const TemplateRow &row, int column) const;
    Grid buildGroupsInOneRow() const;
    Grid buildRowGroups() const;
    Grid buildRows() const;
    QString rowLabelHeader() const;

    const ReportTemplate &m_template;
    const TemplateTable &m_table;
    const std::vector<std::optional<double>> &m_cells;
    const RenderOptions &m_options;
};

/** The figure of `row` in table column `column`, or an empty string for a blank cell. */
QString TableRenderer::value(const TemplateRow &row, int column) const
{
    const qsizetype position = row.columns.indexOf(column);
    if (position < 0)
        return {};
    const size_t cell = size_t(row.cells[position]);
    if (cell >= m_cells.size() || !m_cells[cell] || !std::isfinite(*m_cells[cell]))
        return {};
    return ReportRenderer::figureText(*m_cells[cell], m_options.fullWidthDigits);
}

Grid TableRenderer::build() const
{
    if (m_table.groupsInOneRow)
        return buildGroupsInOneRow();
    if (!m_table.rowGroups.isEmpty())
        return buildRowGroups();
    return buildRows();
}

QString TableRenderer::rowLabelHeader() const
{
    const FormCaptions *captions = captionsFor(m_table.key);
    return captions ? captions->labelHeader.toString() : QString();
}

/**
 * Table 四: every row's figures side by side in one line, under a header of up to three rows:
 * row labels (or their group, 行政诉讼), then the grouped rows' labels, then column labels.
 */
Grid TableRenderer::buildGroupsInOneRow() const
{
    Grid grid;
    for (const TemplateRow &row : m_table.rows)
        grid.columns += int(row.columns.size());
    bool grouped = false;
    GridRow top;
    GridRow middle;
    GridRow bottom;
    GridRow figures;
    for (int r = 0; r < int(m_table.rows.size()); ++r) {
        const TemplateRow &row = m_table.rows[r];
        const int width = int(row.columns.size());
        if (!row.group.isEmpty() && r > 0 && m_table.rows[r - 1].group == row.group)
            top.back().span += width;
        else
            top.push_back({row.group.isEmpty() ? row.label : row.group, width});
        if (row.group.isEmpty()) {
            for (int column : row.columns) {
                middle.push_back({m_table.columns[column].label, 1});
                bottom.push_back({});
            }
        } else {
            grouped = true;
            middle.push_back({row.label, width});
            for (int column : row.columns)
                bottom.push_back({m_table.columns[column].label, 1});
        }
        for (int column : row.columns)
            figures.push_back({value(row, column), 1});
    }
    grid.add(std::move(top));
    grid.add(std::move(middle));
    if (grouped)
        grid.add(std::move(bottom));
    grid.add(std::move(figures));
    return grid;
}

/**
 * Table 二: one block per row group (第二十条第（一）项 …): the group's title spanning the table,
 * a header naming the block's columns, then its rows.
 */
Grid TableRenderer::buildRowGroups() const
{
    Grid grid;
    grid.labelColumns = 1;
    int figureColumns = 0;
    for (const TemplateRow &row : m_table.rows)
        figureColumns = std::max(figureColumns, int(row.columns.size()));
    grid.columns = 1 + figureColumns;

    QList<QPair<QString, QList<int>>> blocks;
    QSet<int> placed;
    for (const auto &[label, rowKeys] : m_table.rowGroups) {
        QList<int> rows;
        for (const QString &key : rowKeys) {
            for (int r = 0; r < int(m_table.rows.size()); ++r) {
                if (m_table.rows[r].key == key && !placed.contains(r)) {
                    rows.append(r);
                    placed.insert(r);
                }
            }
        }
        if (!rows.isEmpty())
            blocks.append({label, rows});
    }
    QList<int> rest;
    for (int r = 0; r < int(m_table.rows.size()); ++r) {
        if (!placed.contains(r))
            rest.append(r);
    }
    if (!rest.isEmpty())
        blocks.append({QString(), rest});

    for (const auto &[label, rows] : std::as_const(blocks)) {
        if (!label.isEmpty())
            grid.add({{label, grid.columns}});
        QList<int> columns;
        for (int r : rows)
            columns.append(m_table.rows[r].columns);
        std::sort(columns.begin(), columns.end());
        columns.erase(std::unique(columns.begin(), columns.end()), columns.end());
        GridRow header {{rowLabelHeader(), 1}};
        for (int column : std::as_const(columns))
            header.push_back({m_table.columns[column].label, 1});
        grid.add(std::move(header));
        for (int r : rows) {
            const TemplateRow &row = m_table.rows[r];
            GridRow line {{row.label, 1}};
            for (int column : std::as_const(columns))
                line.push_back({value(row, column), 1});
            grid.add(std::move(line));
        }
    }
    return grid;
}

/**
 * Table 三: label columns for the numbered row (一、…), the outcome group (三、本年度办理结果) and
 * the subgroup heading ((三) 不予公开), each written once where the form merges it; then a header
 * of up to three rows over the figure columns (申请人情况 / 自然人, 法人或其他组织, 总计 / 商业企业
 * …).
 */
Grid TableRenderer::buildRows() const
{
    // A subgroup shared by several rows is a merged heading cell; a subgroup of one row, such as
    // (一) of 予以公开, is that row's enumerator.
    QHash<QString, int> subgroupRows;
    bool grouped = false;
    for (const TemplateRow &row : m_table.rows) {
        grouped = grouped || !row.group.isEmpty();
        if (!row.subgroup.isEmpty())
            ++subgroupRows[row.group % u'\n' % row.subgroup];
    }
    bool headings = false;
    for (int count : std::as_const(subgroupRows))
        headings = headings || count > 1;

    Grid grid;
    grid.labelColumns = 1 + (grouped ? 1 : 0) + (headings ? 1 : 0);
    grid.columns = grid.labelColumns + int(m_table.columns.size());

    const FormCaptions *captions = captionsFor(m_table.key);
    QString corner;
    for (const RuleDefinition &rule : m_template.rules()) {
        if (rule.id == m_table.key % u".balance"_s && !rule.description.isEmpty())
            corner = kBalanceCaption.toString().arg(rule.description);
    }
    const QString over = captions ? captions->columnHeader.toString() : QString();
    if (!corner.isEmpty() || !over.isEmpty())
        grid.add({{corner, grid.labelColumns}, {over, int(m_table.columns.size())}});

    bool columnGroups = false;
    GridRow names {
        {corner.isEmpty() && over.isEmpty() ? rowLabelHeader() : QString(), grid.labelColumns}};
    GridRow subnames {{QString(), grid.labelColumns}};
    for (int c = 0; c < int(m_table.columns.size()); ++c) {
        const TemplateColumn &column = m_table.columns[c];
        subnames.push_back({column.group.isEmpty() ? QString() : column.label, 1});
        if (column.group.isEmpty()) {
            names.push_back({column.label, 1});
            continue;
        }
        columnGroups = true;
        if (c > 0 && m_table.columns[c - 1].group == column.group)
            names.back().span += 1;
        else
            names.push_back({column.group, 1});
    }
    grid.add(std::move(names));
    if (columnGroups)
        grid.add(std::move(subnames));

    for (int r = 0; r < int(m_table.rows.size()); ++r) {
        const TemplateRow &row = m_table.rows[r];
        const TemplateRow *previous = r > 0 ? &m_table.rows[r - 1] : nullptr;
        GridRow line;
        if (row.group.isEmpty()) {
            line.push_back({row.number.isEmpty() ? row.label : row.number % u'、' % row.label,
                            grid.labelColumns});
        } else {
            const bool firstOfGroup = !previous || previous->group != row.group;
            QString group = row.number.isEmpty() ? row.group : row.number % u'、' % row.group;
            line.push_back({firstOfGroup ? group : QString(), 1});
            const bool heading = subgroupRows.value(row.group % u'\n' % row.subgroup) > 1;
            if (heading) {
                const bool firstOfSubgroup = firstOfGroup || previous->subgroup != row.subgroup;
                line.push_back({firstOfSubgroup ? row.subgroup : QString(), 1});
                line.push_back({row.label, grid.labelColumns - 2});
            } else {
                line.push_back(
                    {row.subgroup.isEmpty() ? row.label : row.subgroup % u' ' % row.label,
                     grid.labelColumns - 1});
            }
        }
        for (int c = 0; c < int(m_table.columns.size()); ++c)
            line.push_back({value(row, c), 1});
        grid.add(std::move(line));
    }
    return grid;
}

void writeMarkdown(const Grid &grid, QString &out)
{
    bool first = true;
    for (const GridRow &row : grid.rows) {
        out += u'|';
        for (const GridCell &cell : row) {
            if (!cell.text.isEmpty())
                out += u' ' % cell.text % u" |";
            else
                out += u" |"_s;
            for (int s = 1; s < cell.span; ++s)
                out += u" |"_s;
        }
        out += u'\n';
        if (first) {
            out += u'|';
            for (int c = 0; c < grid.columns; ++c)
                out += u"---|"_s;
            out += u'\n';
            first = false;
        }
    }
}

void writeTabs(const Grid &grid, QString &out)
{
    for (const GridRow &row : grid.rows) {
        bool firstCell = true;
        for (const GridCell &cell : row) {
            if (!firstCell)
                out += u'\t';
            firstCell = false;
            out += cell.text;
            for (int s = 1; s < cell.span; ++s)
                out += u'\t';
        }
        out += u'\n';
    }
}

/**
 * Columns as wide as their widest cell, kColumnGap apart; labels left-aligned, headers and
 * figures centred in their column, as the official form prints them.
 */
void writeSpaces(const Grid &grid, QString &out)
{
    std::vector<int> widths(size_t(grid.columns), 0);
    std::vector<std::vector<int>> cellWidths;
    cellWidths.reserve(grid.rows.size());
    for (const GridRow &row : grid.rows) {
        std::vector<int> rowWidths;
        rowWidths.reserve(row.size());
        int column = 0;
        for (const GridCell &cell : row) {
            rowWidths.push_back(displayWidth(cell.text));
            if (cell.span == 1)
                widths[size_t(column)] = std::max(widths[size_t(column)], rowWidths.back());
            column += cell.span;
        }
        cellWidths.push_back(std::move(rowWidths));
    }
    // A merged cell wider than the columns it spans widens the last of them.
    for (size_t r = 0; r < grid.rows.size(); ++r) {
        int column = 0;
        for (size_t i = 0; i < grid.rows[r].size(); ++i) {
            const int span = grid.rows[r][i].span;
            int available = kColumnGap * (span - 1);
            for (int c = column; c < column + span; ++c)
                available += widths[size_t(c)];
            if (span > 1 && cellWidths[r][i] > available)
                widths[size_t(column + span - 1)] += cellWidths[r][i] - available;
            column += span;
        }
    }
    std::vector<int> starts(size_t(grid.columns) + 1, 0);
    for (int c = 0; c < grid.columns; ++c)
        starts[size_t(c) + 1] = starts[size_t(c)] + widths[size_t(c)] + kColumnGap;

    for (size_t r = 0; r < grid.rows.size(); ++r) {
        QString line;
        int position = 0;
        int column = 0;
        for (size_t i = 0; i < grid.rows[r].size(); ++i) {
            const GridCell &cell = grid.rows[r][i];
            const int start = starts[size_t(column)];
            const int width = starts[size_t(column + cell.span)] - kColumnGap - start;
            column += cell.span;
            if (cell.text.isEmpty())
                continue;
            const int textWidth = cellWidths[r][i];
            const bool label = column - cell.span < grid.labelColumns;
            const int at = label ? start : start + (width - textWidth) / 2;
            // A cell never touches the one before it, even where a figure overflows.
            const int pad = std::max(at - position, position > 0 ? 1 : 0);
            line += QString(pad, u' ') % cell.text;
            position += pad + textWidth;
        }
        out += line % u'\n';
    }
}

} // namespace

QString renderLayoutName(RenderLayout layout)
{
    switch (layout) {
    case RenderLayout::Markdown:
        return u"markdown"_s;
    case RenderLayout::Tabs:
        return u"tabs"_s;
    case RenderLayout::Spaces:
        return u"spaces"_s;
    }
    return {};
}

ReportRenderer::ReportRenderer(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
{ }

QString ReportRenderer::figureText(double value, bool fullWidthDigits)
{
    QString text
        = value == 0 ? u"0"_s : QString::number(value, 'f', QLocale::FloatingPointShortest);
    if (fullWidthDigits) {
        for (QChar &c : text) {
            if (c >= u'0' && c <= u'9')
                c = QChar(char16_t(u'０' + (c.unicode() - u'0')));
        }
    }
    return text;
}

QString ReportRenderer::renderTable(int table, const std::vector<std::optional<double>> &cells,
                                    const RenderOptions &options) const
{
    QString out;
    if (table < 0 || table >= int(m_template.tables().size()))
        return out;
    const Grid grid = TableRenderer(m_template, table, cells, options).build();
    switch (options.layout) {
    case RenderLayout::Markdown:
        writeMarkdown(grid, out);
        break;
    case RenderLayout::Tabs:
        writeTabs(grid, out);
        break;
    case RenderLayout::Spaces:
        writeSpaces(grid, out);
        break;
    }
    return out;
}

QString ReportRenderer::render(const QString &agency, int year,
                               const std::vector<std::optional<double>> &cells,
                               const RenderOptions &options) const
{
    const QString suffix = m_template.titleSuffixes().value(0, u"政府信息公开工作年度报告"_s);
    QString out = agency % u' ' % QString::number(year) % u" 年" % suffix % u"\n\n";
    const bool markdown = options.layout == RenderLayout::Markdown;
    for (const TemplateSection &section : m_template.sections()) {
        if (markdown)
            out += u"## "_s;
        out += section.number % u'、' % section.heading % u"\n\n";
        const int table = section.table.isEmpty() ? -1 : m_template.tableIndex(section.table);
        if (table >= 0) {
            out += renderTable(table, cells, options) % u'\n';
            continue;
        }
        QString narrative = kDefaultNarrative.toString();
        for (const auto &[key, text] : kNarratives) {
            if (key == section.key)
                narrative = text.toString();
        }
        if (narrative.contains(u"%1"))
            narrative = narrative.arg(agency);
        out += narrative % u"\n\n";
    }
    return out;
}

QString ReportRenderer::render(const QString &agency, int year,
                               const std::vector<std::optional<double>> &cells,
                               RenderLayout layout) const
{
    return render(agency, year, cells, RenderOptions {layout, false});
}

} // namespace nianbao

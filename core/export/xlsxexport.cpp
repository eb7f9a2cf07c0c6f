// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "xlsxexport.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTemporaryFile>

#include <xlsxwriter.h>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** What a flagged cell looks like: a fill and a short tag, so it reads without colour too. */
enum class Mark { None, RuleBroken, Missing, Deduced, Corrected };

struct Formats
{
    lxw_format *header = nullptr;
    lxw_format *title = nullptr;
    lxw_format *plain = nullptr;
    lxw_format *ruleBroken = nullptr;
    lxw_format *missing = nullptr;
    lxw_format *deduced = nullptr;
    lxw_format *corrected = nullptr;

    lxw_format *of(Mark mark) const
    {
        switch (mark) {
        case Mark::RuleBroken:
            return ruleBroken;
        case Mark::Missing:
            return missing;
        case Mark::Deduced:
            return deduced;
        case Mark::Corrected:
            return corrected;
        case Mark::None:
            break;
        }
        return plain;
    }
};

lxw_format *cellFormat(lxw_workbook *workbook, uint32_t fill, uint8_t pattern, bool bold)
{
    lxw_format *format = workbook_add_format(workbook);
    format_set_border(format, LXW_BORDER_THIN);
    format_set_align(format, LXW_ALIGN_CENTER);
    if (fill) {
        format_set_bg_color(format, fill);
        format_set_pattern(format, pattern);
    }
    if (bold)
        format_set_bold(format);
    return format;
}

Formats makeFormats(lxw_workbook *workbook)
{
    Formats formats;
    formats.header = cellFormat(workbook, 0xDDDDDD, LXW_PATTERN_SOLID, true);
    format_set_text_wrap(formats.header);
    formats.title = workbook_add_format(workbook);
    format_set_bold(formats.title);
    formats.plain = cellFormat(workbook, 0, 0, false);
    formats.ruleBroken = cellFormat(workbook, 0xF4A6A6, LXW_PATTERN_SOLID, true);
    formats.missing = cellFormat(workbook, 0xBBBBBB, LXW_PATTERN_LIGHT_UP, false);
    formats.deduced = cellFormat(workbook, 0xA9C8F0, LXW_PATTERN_SOLID, false);
    format_set_italic(formats.deduced);
    formats.corrected = cellFormat(workbook, 0xB5E3B5, LXW_PATTERN_SOLID, true);
    return formats;
}

QHash<int, QString> ruleMessages(const ExportedReview &exported)
{
    QHash<int, QString> messages;
    for (const Finding &finding : exported.findings) {
        if (finding.severity != Severity::Error)
            continue;
        for (int cell : finding.cells)
            messages[cell] += (messages.contains(cell) ? u"\n"_s : QString()) + finding.message;
    }
    return messages;
}

/** A cell's comment: the rules it breaks, then the reviewer's note on it. */
QString cellComment(const QHash<int, QString> &messages, const StoredReview &review, int cell)
{
    QStringList parts;
    if (messages.contains(cell))
        parts.append(messages.value(cell));
    const QString note = review.cellNotes.value(cell);
    if (!note.isEmpty())
        parts.append(QCoreApplication::translate("nianbao::Exporter", "Note: %1").arg(note));
    return parts.join(u'\n');
}

/** Sheet names hold at most 31 characters (Excel's limit, which libxlsxwriter enforces). */
constexpr int kMaxSheetName = 31;

/** The table's own Chinese name, as the form titles it: 三、收到和处理政府信息公开申请情况. */
QByteArray sheetName(const TemplateTable &table)
{
    const QString name = table.section % u'、' % table.title;
    return name.left(kMaxSheetName).toUtf8();
}

Mark markOf(const CellValue &cell, bool ruleBroken)
{
    if (ruleBroken)
        return Mark::RuleBroken;
    switch (cell.state) {
    case CellState::Missing:
    case CellState::Unreadable:
        return Mark::Missing;
    case CellState::Deduced:
        return Mark::Deduced;
    case CellState::Corrected:
        return Mark::Corrected;
    case CellState::Extracted:
        break;
    }
    return Mark::None;
}

void writeText(lxw_worksheet *sheet, int row, int column, const QString &text, lxw_format *format)
{
    worksheet_write_string(sheet, lxw_row_t(row), lxw_col_t(column), text.toUtf8().constData(),
                           format);
}

/** One report's block on a table sheet; returns the next free row. */
int writeTableBlock(lxw_worksheet *sheet, int row, const TemplateTable &table,
                    const ExportedReview &exported, const Formats &formats)
{
    const StoredReview &review = exported.review;
    const QHash<int, QString> messages = ruleMessages(exported);
    writeText(sheet, row++, 0,
              review.report.agency % u' ' % QString::number(review.report.year) % u"  ("
                  % review.report.file % u')',
              formats.title);
    if (!review.note.isEmpty())
        writeText(sheet, row++, 0,
                  QCoreApplication::translate("nianbao::Exporter", "Note: %1").arg(review.note),
                  nullptr);
    // Header: group labels over their columns (法人或其他组织), then the column labels.
    const int headerRow = row;
    writeText(sheet, headerRow, 0, table.title, formats.header);
    for (int c = 0; c < int(table.columns.size()); ++c) {
        const TemplateColumn &column = table.columns[c];
        writeText(sheet, headerRow, c + 1, column.group.isEmpty() ? column.label : column.group,
                  formats.header);
        writeText(sheet, headerRow + 1, c + 1, column.label, formats.header);
    }
    writeText(sheet, headerRow + 1, 0, QString(), formats.header);
    row += 2;
    for (const TemplateRow &templateRow : table.rows) {
        const QString label
            = (templateRow.number.isEmpty() ? QString() : templateRow.number + u'、')
            % (templateRow.subgroup.isEmpty() ? QString() : templateRow.subgroup + u' ')
            % templateRow.label;
        writeText(sheet, row, 0, label, formats.header);
        for (int c = 0; c < int(templateRow.columns.size()); ++c) {
            const int cell = templateRow.cells[c];
            const CellValue &value = review.report.cells[size_t(cell)];
            const Mark mark = markOf(value, messages.contains(cell));
            const auto column = lxw_col_t(templateRow.columns[c] + 1);
            if (value.value)
                worksheet_write_number(sheet, lxw_row_t(row), column, *value.value,
                                       formats.of(mark));
            else
                worksheet_write_blank(sheet, lxw_row_t(row), column, formats.of(mark));
            const QString comment = cellComment(messages, review, cell);
            if (!comment.isEmpty())
                worksheet_write_comment(sheet, lxw_row_t(row), column,
                                        comment.toUtf8().constData());
        }
        ++row;
    }
    return row + 1;
}

void writeLegend(lxw_worksheet *sheet, const Formats &formats)
{
    writeText(sheet, 0, 0, QCoreApplication::translate("nianbao::Exporter", "Marked cells:"),
              formats.title);
    writeText(sheet, 0, 1, QCoreApplication::translate("nianbao::Exporter", "rule broken"),
              formats.ruleBroken);
    writeText(sheet, 0, 2, QCoreApplication::translate("nianbao::Exporter", "missing"),
              formats.missing);
    writeText(sheet, 0, 3, QCoreApplication::translate("nianbao::Exporter", "deduced"),
              formats.deduced);
    writeText(sheet, 0, 4, QCoreApplication::translate("nianbao::Exporter", "corrected"),
              formats.corrected);
}

/** The data sheet's words for people, in the Exporter's translation context. */
struct XlsxText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::Exporter)
};

QStringList dataHeader(ExportLabels labels)
{
    if (labels == ExportLabels::Keys)
        return {u"file"_s,  u"agency"_s, u"year"_s,  u"status"_s,          u"key"_s,
                u"label"_s, u"value"_s,  u"state"_s, u"extracted_value"_s, u"note"_s};
    using Text = XlsxText;
    return {Text::tr("File"),          Text::tr("Agency"), Text::tr("Year"),
            Text::tr("Review status"), Text::tr("Key"),    Text::tr("Cell"),
            Text::tr("Value"),         Text::tr("State"),  Text::tr("Value as read"),
            Text::tr("Note")};
}

void writeDataSheet(lxw_worksheet *sheet, const QList<ExportedReview> &reviews,
                    const Formats &formats, ExportLabels labels)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const QStringList header = dataHeader(labels);
    for (int h = 0; h < int(header.size()); ++h)
        writeText(sheet, 0, h, header[h], formats.header);
    int row = 1;
    for (const ExportedReview &exported : reviews) {
        const Report &report = exported.review.report;
        for (int c = 0; c < reportTemplate.cellCount(); ++c) {
            const CellValue &cell = report.cells[size_t(c)];
            writeText(sheet, row, 0, report.file, nullptr);
            writeText(sheet, row, 1, report.agency, nullptr);
            worksheet_write_number(sheet, lxw_row_t(row), 2, report.year, nullptr);
            writeText(sheet, row, 3, exportedStatus(exported.review.status, labels), nullptr);
            writeText(sheet, row, 4, reportTemplate.cells()[c].key.toString(), nullptr);
            writeText(sheet, row, 5, reportTemplate.cellLabel(c), nullptr);
            if (cell.value)
                worksheet_write_number(sheet, lxw_row_t(row), 6, *cell.value, nullptr);
            writeText(sheet, row, 7, exportedState(cell.state, labels), nullptr);
            if (cell.extractedValue)
                worksheet_write_number(sheet, lxw_row_t(row), 8, *cell.extractedValue, nullptr);
            writeText(sheet, row, 9, exported.review.cellNotes.value(c), nullptr);
            ++row;
        }
    }
}

} // namespace

Result<int> writeXlsx(const QList<ExportedReview> &reviews, const QString &path,
                      ExportLabels labels)
{
    // libxlsxwriter writes by file name: write beside the target, then rename over it.
    QTemporaryFile temporary(QFileInfo(path).absolutePath() % u"/.nianbao-export-XXXXXX.xlsx"_s);
    if (!temporary.open())
        return Error {u"export.write"_s,
                      QCoreApplication::translate("nianbao::Exporter", "Cannot write %1: %2")
                          .arg(path, temporary.errorString()),
                      {path, 0, {}}};
    const QByteArray temporaryPath = QFile::encodeName(temporary.fileName());
    temporary.close();
    lxw_workbook *workbook = workbook_new(temporaryPath.constData());
    if (!workbook)
        return Error {
            u"export.write"_s,
            QCoreApplication::translate("nianbao::Exporter", "Cannot create the workbook %1")
                .arg(path),
            {path, 0, {}}};
    const Formats formats = makeFormats(workbook);
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    for (const TemplateTable &table : reportTemplate.tables()) {
        const QByteArray name = sheetName(table);
        lxw_worksheet *sheet = workbook_add_worksheet(workbook, name.constData());
        worksheet_set_column(sheet, 0, 0, 46, nullptr);
        worksheet_set_column(sheet, 1, lxw_col_t(table.columns.size()), 12, nullptr);
        writeLegend(sheet, formats);
        int row = 2;
        for (const ExportedReview &exported : reviews)
            row = writeTableBlock(sheet, row, table, exported, formats);
    }
    writeDataSheet(workbook_add_worksheet(workbook, "数据"), reviews, formats, labels);
    const lxw_error closed = workbook_close(workbook);
    if (closed != LXW_NO_ERROR)
        return Error {u"export.write"_s,
                      QCoreApplication::translate("nianbao::Exporter", "Cannot write %1: %2")
                          .arg(path, QString::fromUtf8(lxw_strerror(closed))),
                      {path, 0, {}}};
    // QTemporaryFile is private to its owner; an export is an ordinary file.
    QFile::setPermissions(temporary.fileName(),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup
                              | QFileDevice::ReadOther);
    if (std::rename(temporaryPath.constData(), QFile::encodeName(path).constData()) != 0)
        return Error {u"export.write"_s,
                      QCoreApplication::translate("nianbao::Exporter",
                                                  "Cannot move the workbook into place at %1")
                          .arg(path),
                      {path, 0, {}}};
    temporary.setAutoRemove(false);
    return int(reviews.size());
}

} // namespace nianbao

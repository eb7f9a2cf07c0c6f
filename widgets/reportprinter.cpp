// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportprinter.h"

#include "cellstyle.h"
#include "displaytexts.h"
#include "reporttemplate.h"
#include "reviewdocument.h"

#include <QCoreApplication>
#include <QPrinter>
#include <QSet>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The words of the printout, in the window's translation context. */
struct PrintText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReportPrinter)
};

QString cellMark(const CellValue &cell, bool ruleBroken)
{
    using CellStyle::Highlight;
    if (ruleBroken)
        return CellStyle::mark(Highlight::BrokenRule);
    switch (cell.state) {
    case CellState::Missing:
        return CellStyle::mark(Highlight::Missing);
    case CellState::Unreadable:
        return CellStyle::mark(Highlight::Unreadable);
    case CellState::Deduced:
        return CellStyle::mark(Highlight::Deduced);
    case CellState::Corrected:
        return CellStyle::mark(Highlight::Corrected);
    case CellState::Extracted:
        break;
    }
    return {};
}

/** Two header rows: the groups (法人或其他组织) over their columns, then the columns. */
QString tableHeader(const TemplateTable &table)
{
    QString groups = u"<tr><th rowspan=2></th>"_s;
    QString labels = u"<tr>"_s;
    for (int c = 0; c < table.columns.size(); ++c) {
        const TemplateColumn &column = table.columns[c];
        if (column.group.isEmpty()) {
            groups += u"<th rowspan=2>%1</th>"_s.arg(column.label.toHtmlEscaped());
            continue;
        }
        labels += u"<th>%1</th>"_s.arg(column.label.toHtmlEscaped());
        if (c > 0 && table.columns[c - 1].group == column.group)
            continue;
        int span = 1;
        while (c + span < table.columns.size() && table.columns[c + span].group == column.group)
            ++span;
        groups += u"<th colspan=%1>%2</th>"_s.arg(span).arg(column.group.toHtmlEscaped());
    }
    return groups + u"</tr>"_s + labels + u"</tr>"_s;
}

/** A row as printed: its group too ((三) 不予公开 1.属于国家秘密), since the print has no merged
 *  group cells beside the rows. */
QString rowName(int table, int row)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const QString label = reportTemplate.rowLabel(table, row);
    const QString &subgroup = reportTemplate.tables()[table].rows[row].subgroup;
    return subgroup.isEmpty() || label.contains(subgroup) ? label : subgroup % u' ' % label;
}

QString tableHtml(const ReviewDocument &document, int t, const QSet<int> &broken)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const TemplateTable &table = reportTemplate.tables()[t];
    QString html = u"<h2>%1、%2</h2><table border=1 cellspacing=0 cellpadding=3 width=100%>"_s.arg(
                       table.section, table.title.toHtmlEscaped())
        + tableHeader(table);
    for (int r = 0; r < table.rows.size(); ++r) {
        const TemplateRow &row = table.rows[r];
        QStringList values(table.columns.size());
        for (int i = 0; i < row.columns.size(); ++i) {
            const int cell = row.cells[i];
            const CellValue &value = document.session()->cell(cell);
            values[row.columns[i]]
                = formatValue(value.value) + u' ' + cellMark(value, broken.contains(cell));
        }
        html += u"<tr><td>%1</td>"_s.arg(rowName(t, r).toHtmlEscaped());
        for (const QString &value : std::as_const(values))
            html += u"<td align=right>%1</td>"_s.arg(value.trimmed().toHtmlEscaped());
        html += u"</tr>"_s;
    }
    return html + u"</table>"_s;
}

QString findingsHtml(const ReviewDocument &document)
{
    QString html = u"<h2>%1</h2>"_s.arg(PrintText::tr("Findings"));
    if (document.findings().isEmpty())
        return html + u"<p>%1</p>"_s.arg(PrintText::tr("No findings."));
    html += u"<ol>"_s;
    for (const Finding &finding : document.findings())
        html += u"<li><b>%1</b> %2</li>"_s.arg(severityText(finding.severity).toHtmlEscaped(),
                                               finding.message.toHtmlEscaped());
    return html + u"</ol>"_s;
}

QString legendHtml()
{
    using CellStyle::Highlight;
    return u"<p>"_s
        + PrintText::tr("Marks: %1 rule broken, %2 missing, %3 unreadable, %4 deduced, "
                        "%5 corrected.")
              .arg(CellStyle::mark(Highlight::BrokenRule), CellStyle::mark(Highlight::Missing),
                   CellStyle::mark(Highlight::Unreadable), CellStyle::mark(Highlight::Deduced),
                   CellStyle::mark(Highlight::Corrected))
              .toHtmlEscaped()
        + u"</p>"_s;
}

} // namespace

QString printableHtml(const ReviewDocument &document)
{
    const ReviewSession *session = document.session();
    if (!session)
        return u"<p>%1</p>"_s.arg(
            PrintText::tr("This report could not be opened: %1").arg(document.errorText()));
    const Report &report = session->report();
    QString html = u"<html><body><h1>%1 %2</h1><p>%3<br>%4</p>"_s.arg(
        report.agency.toHtmlEscaped(), report.year > 0 ? QString::number(report.year) : QString(),
        document.filePath().toHtmlEscaped(),
        PrintText::tr("Review status: %1").arg(reviewStatusText(session->status())));
    if (!session->note().isEmpty())
        html += u"<p>%1</p>"_s.arg(PrintText::tr("Note: %1").arg(session->note()).toHtmlEscaped());
    QSet<int> broken;
    for (const Finding &finding : document.findings()) {
        if (finding.severity == Severity::Error)
            broken.unite(QSet<int>(finding.cells.cbegin(), finding.cells.cend()));
    }
    for (int t = 0; t < ReportTemplate::standard().tables().size(); ++t)
        html += tableHtml(document, t, broken);
    return html + legendHtml() + findingsHtml(document) + u"</body></html>"_s;
}

void printReport(const ReviewDocument &document, QPrinter *printer)
{
    QTextDocument text;
    text.setHtml(printableHtml(document));
    text.print(printer);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "opinionprinter.h"

#include "opinion/opiniondocx.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QPageLayout>
#include <QPdfWriter>
#include <QPrinter>
#include <QSaveFile>
#include <QTextBlockFormat>
#include <QTextCursor>
#include <QTextDocument>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The opinion's words around its items, in the opinion's translation context. */
struct OpinionPrintText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReviewOpinion)
};

/** The window's words for files that could not be written. */
struct OpinionFileText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::OpinionPrinter)
};

constexpr int kPdfResolution = 300;
/**
 * QTextDocument::print() sets 2 cm margins inside the page's own: 5 mm more make the 2.5 cm
 * of an official letter.
 */
constexpr qreal kMarginMm = 5;

QString paragraph(const QString &text, const QString &style = {})
{
    return u"<p style=\"%1\">%2</p>"_s.arg(style, text.toHtmlEscaped());
}

QString factsTable(const ReviewOpinion &opinion)
{
    QString html = u"<table border=1 cellspacing=0 cellpadding=4 width=100%><tr>"_s;
    for (const QString &header : opinion.factsHeader())
        html += u"<th>%1</th>"_s.arg(header.toHtmlEscaped());
    html += u"</tr><tr>"_s;
    for (const QString &fact : opinion.facts())
        html += u"<td>%1</td>"_s.arg(fact.toHtmlEscaped());
    return html + u"</tr></table>"_s;
}

QString itemsHtml(const ReviewOpinion &opinion)
{
    if (opinion.items.isEmpty())
        return {};
    QString html = u"<p style=\"font-size:13pt; font-weight:bold; margin-top:14px\">%1</p>"_s.arg(
        OpinionPrintText::tr("需要更正或说明的问题"));
    for (int i = 0; i < opinion.items.size(); ++i) {
        const OpinionItem &item = opinion.items[i];
        html += u"<p style=\"margin-top:10px\"><b>%1</b></p>"_s.arg(
            item.heading(i + 1).toHtmlEscaped());
        for (const QString &line : item.details())
            html += paragraph(line, u"margin-left:28px"_s);
    }
    return html;
}

QString closingHtml(const ReviewOpinion &opinion)
{
    QString html;
    if (!opinion.note.isEmpty())
        html += paragraph(OpinionPrintText::tr("审核意见备注：%1").arg(opinion.note),
                          u"text-indent:28px"_s);
    // One paragraph, kept on one page (paintOpinion()): a date alone on the last page looks lost.
    return html
        + u"<p style=\"text-align:right; margin-top:24px\">%1<br/>%2</p>"_s.arg(
            OpinionPrintText::tr("审核人：%1").arg(opinion.reviewer).toHtmlEscaped(),
            opinion.dateText().toHtmlEscaped());
}

QFont opinionFont()
{
    QFont font;
    font.setFamilies({u"Noto Serif CJK SC"_s, u"SimSun"_s, u"Noto Sans CJK SC"_s});
    font.setPointSizeF(11);
    return font;
}

QString folderPath(const QString &folder, const QString &name)
{
    return QDir(folder).filePath(name);
}

} // namespace

QString opinionHtml(const ReviewOpinion &opinion)
{
    QString html = u"<html><body><p align=center style=\"font-size:17pt; font-weight:bold; "
                   "margin-bottom:14px\">%1</p>"_s.arg(opinion.title().toHtmlEscaped());
    if (!opinion.addressee().isEmpty())
        html += paragraph(opinion.addressee());
    html += paragraph(opinion.introduction(), u"text-indent:28px"_s);
    if (!opinion.dismissedText().isEmpty())
        html += paragraph(opinion.dismissedText(), u"text-indent:28px"_s);
    return html + factsTable(opinion) + itemsHtml(opinion) + closingHtml(opinion)
        + u"</body></html>"_s;
}

QPageLayout opinionPageLayout()
{
    return {QPageSize(QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter};
}

void paintOpinion(const ReviewOpinion &opinion, QPagedPaintDevice *device)
{
    QTextDocument document;
    document.setDefaultFont(opinionFont());
    document.setHtml(opinionHtml(opinion));
    QTextCursor signature(&document);
    signature.movePosition(QTextCursor::End);
    QTextBlockFormat format = signature.blockFormat();
    format.setNonBreakableLines(true);
    signature.setBlockFormat(format);
    document.print(device);
}

void printOpinion(const ReviewOpinion &opinion, QPrinter *printer)
{
    paintOpinion(opinion, printer);
}

Result<void> writeOpinionPdf(const ReviewOpinion &opinion, const QString &path)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly)) {
        {
            QPdfWriter writer(&file);
            writer.setResolution(kPdfResolution);
            writer.setTitle(opinion.title());
            writer.setCreator(u"Nianbao"_s);
            writer.setPageLayout(opinionPageLayout());
            paintOpinion(opinion, &writer);
        }
        if (file.commit())
            return {};
    }
    return Error {u"opinion.write"_s,
                  OpinionFileText::tr("Cannot write %1: %2").arg(path, file.errorString()),
                  {path, 0, {}}};
}

OpinionBatch writeOpinions(const QList<ExportedReview> &reviews, const QString &folder,
                           const DecisionLookup &decisions, const OpinionOptions &options)
{
    OpinionBatch batch;
    if (!QDir().mkpath(folder) || !QFileInfo(folder).isWritable()) {
        batch.failures.append(OpinionFileText::tr("Cannot write to the folder %1.")
                                  .arg(QDir::toNativeSeparators(folder)));
        return batch;
    }
    QStringList taken;
    for (const ExportedReview &review : reviews) {
        const ReviewOpinion opinion = buildReviewOpinion(review, decisions, options);
        const QString base = uniqueOpinionBaseName(opinion, taken);
        const QString pdf = folderPath(folder, base + u".pdf"_s);
        const QString docx = folderPath(folder, base + u".docx"_s);
        const std::pair<QString, Result<void>> results[]
            = {{pdf, writeOpinionPdf(opinion, pdf)}, {docx, writeOpinionDocx(opinion, docx)}};
        for (const auto &[path, written] : results) {
            if (written)
                batch.written.append(path);
            else
                batch.failures.append(written.error().message);
        }
    }
    return batch;
}

} // namespace nianbao

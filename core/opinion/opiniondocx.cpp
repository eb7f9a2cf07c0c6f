// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "opiniondocx.h"

namespace nianbao {

namespace {

/** The words of the document around the items, in the opinion's translation context. */
struct OpinionDocxText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReviewOpinion)
};

void addItems(DocxWriter &document, const ReviewOpinion &opinion)
{
    for (int i = 0; i < opinion.items.size(); ++i) {
        const OpinionItem &item = opinion.items[i];
        document.addParagraph(QList<DocxWriter::Run> {{item.heading(i + 1), true}},
                              DocxWriter::Align::Left, DocxWriter::KeepWithNext);
        const QStringList details = item.details();
        for (qsizetype d = 0; d < details.size(); ++d) {
            // An item's lines stay together, as far as a page allows.
            const bool last = d + 1 == details.size();
            document.addParagraph(details[d], DocxWriter::Align::Justify,
                                  last ? DocxWriter::Indent
                                       : DocxWriter::Indent | DocxWriter::KeepWithNext);
        }
    }
}

void addClosing(DocxWriter &document, const ReviewOpinion &opinion)
{
    if (!opinion.note.isEmpty())
        document.addParagraph(OpinionDocxText::tr("审核意见备注：%1").arg(opinion.note),
                              DocxWriter::Align::Justify, DocxWriter::Indent);
    document.addParagraph(QString(), DocxWriter::Align::Justify, DocxWriter::KeepWithNext);
    document.addParagraph(OpinionDocxText::tr("审核人：%1").arg(opinion.reviewer),
                          DocxWriter::Align::Right, DocxWriter::KeepWithNext);
    document.addParagraph(opinion.dateText(), DocxWriter::Align::Right);
}

} // namespace

DocxWriter opinionDocument(const ReviewOpinion &opinion)
{
    DocxWriter document;
    document.addTitle(opinion.title());
    if (!opinion.addressee().isEmpty())
        document.addParagraph(opinion.addressee(), DocxWriter::Align::Left);
    document.addParagraph(opinion.introduction(), DocxWriter::Align::Justify, DocxWriter::Indent);
    if (!opinion.dismissedText().isEmpty())
        document.addParagraph(opinion.dismissedText(), DocxWriter::Align::Justify,
                              DocxWriter::Indent);
    document.addTable({opinion.factsHeader(), opinion.facts()}, {28, 10, 30, 14, 18});
    if (!opinion.items.isEmpty())
        document.addHeading(OpinionDocxText::tr("需要更正或说明的问题"));
    addItems(document, opinion);
    addClosing(document, opinion);
    return document;
}

Result<void> writeOpinionDocx(const ReviewOpinion &opinion, const QString &path)
{
    return opinionDocument(opinion).save(path);
}

} // namespace nianbao

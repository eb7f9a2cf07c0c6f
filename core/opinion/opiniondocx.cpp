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
                              DocxWriter::Align::Left);
        for (const QString &line : item.details())
            document.addParagraph(line, DocxWriter::Align::Justify, true);
    }
}

void addClosing(DocxWriter &document, const ReviewOpinion &opinion)
{
    if (!opinion.note.isEmpty())
        document.addParagraph(OpinionDocxText::tr("审核意见备注：%1").arg(opinion.note),
                              DocxWriter::Align::Justify, true);
    document.addParagraph(QString());
    document.addParagraph(OpinionDocxText::tr("审核人：%1").arg(opinion.reviewer),
                          DocxWriter::Align::Right);
    document.addParagraph(opinion.dateText(), DocxWriter::Align::Right);
}

} // namespace

DocxWriter opinionDocument(const ReviewOpinion &opinion)
{
    DocxWriter document;
    document.addTitle(opinion.title());
    if (!opinion.addressee().isEmpty())
        document.addParagraph(opinion.addressee(), DocxWriter::Align::Left);
    document.addParagraph(opinion.introduction(), DocxWriter::Align::Justify, true);
    if (!opinion.dismissedText().isEmpty())
        document.addParagraph(opinion.dismissedText(), DocxWriter::Align::Justify, true);
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

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.h"
#include "opinion/reviewopinion.h"
#include "result.h"

#include <QPageLayout>
#include <QString>

class QPagedPaintDevice;
class QPrinter;

namespace nianbao {

/**
 * The review opinion as HTML for QTextDocument: the same layout as the .docx (title, addressee,
 * facts table, numbered items, signature), so the PDF, the print preview and Word agree.
 */
QString opinionHtml(const ReviewOpinion &opinion);
/** A4 portrait with the margins of an official letter: what the PDF and the preview start with. */
QPageLayout opinionPageLayout();
/** Lays the opinion out on the pages of `device` in a Chinese serif font. */
void paintOpinion(const ReviewOpinion &opinion, QPagedPaintDevice *device);
/** Prints the opinion on `printer` (the print preview's) as its page layout stands. */
void printOpinion(const ReviewOpinion &opinion, QPrinter *printer);
/** Writes the opinion as a PDF to `path`, atomically (QSaveFile). */
Result<void> writeOpinionPdf(const ReviewOpinion &opinion, const QString &path);

/** What a batch of opinions wrote. */
struct OpinionBatch
{
    QStringList written; ///< paths, .pdf and .docx
    QStringList failures; ///< one message per file that could not be written
};

/**
 * Writes one .pdf and one .docx per review into `folder` (created if need be), named by agency
 * and year (opinionBaseName(), made unique within the batch). Decisions are looked up with
 * `decisions` (none: every finding open).
 */
OpinionBatch writeOpinions(const QList<ExportedReview> &reviews, const QString &folder,
                           const DecisionLookup &decisions, const OpinionOptions &options);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "extract/splitchoice.h"
#include "finding.h"
#include "pageregion.h"
#include "result.h"
#include "statedfigure.h"

#include <QList>
#include <QSizeF>
#include <QString>

#include <vector>

namespace nianbao {

/**
 * Everything the engine knows about one report: its decoded text (what the document view shows
 * and every span counts in), the 200 cells, the stated figures, the findings, and the problems
 * met while reading it. Used by the CLI, the window and the library alike.
 */
struct Report
{
    QString file; ///< path as given
    bool loaded = false; ///< false when the file could not be read at all
    QString text;
    QString encoding;
    QString agency;
    int year = 0;
    std::vector<CellValue> cells; ///< one per template cell, in template order
    QList<StatedFigure> statements;
    QList<StatedRelation> relations; ///< what the narrative states beyond one figure
    QList<Finding> findings;
    QList<Error> errors;
    /** Rows whose fused digits split in several ways the rules leave tied. */
    QList<SplitChoice> splitChoices;
    /** Where text ranges stand on the pages of a paged source (PDF, scan); empty otherwise. */
    QList<PageRegion> regions;
    QList<QSizeF> pageSizes; ///< in points, one per page; empty for formats without pages
    QList<int> ocrPages; ///< zero-based pages whose text OCR read

    int countCells(CellState state) const;
    bool hasErrorFindings() const;
};

} // namespace nianbao

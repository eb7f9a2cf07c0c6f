// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "documentlayout.h"
#include "labelmatcher.h"
#include "reporttemplate.h"
#include "result.h"
#include "text/normalizedtext.h"

#include <QList>

#include <string>
#include <unordered_map>
#include <vector>

namespace nianbao {

/** The cells of the three statistical tables as found in one document. */
struct ExtractedTables
{
    std::vector<CellValue> cells; ///< one per template cell, in template order
    QList<Error> problems; ///< tables not found, rows whose columns were uncertain
    int tablesFound = 0;
};

/** A table's column header spellings (reduced by labelKey) and the columns each names. */
using ColumnSpellings = std::unordered_map<std::u16string, std::vector<int>>;

/**
 * Finds the three statistical tables in a document whatever their layout (pipes, tabs,
 * space-aligned columns, OCR debris, split tables) and reads every template cell with its span.
 *
 * Rows are tied to the template by their labels, in template order (a sequence alignment, so a
 * garbled or missing label is placed by its neighbours). Within a row, figures are placed by the
 * layout's positions when the row holds fewer figures than the table has columns, so an absent
 * figure makes its cell missing instead of shifting its neighbours.
 */
class TableExtractor
{
public:
    explicit TableExtractor(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    ExtractedTables extract(const NormalizedText &text, const DocumentLayout &layout) const;

private:
    const ReportTemplate &m_template;
    std::vector<LabelIndex> m_rowLabels; ///< per table
    std::vector<ColumnSpellings> m_columnSpellings; ///< per table
    std::vector<QStringList> m_headings; ///< per table: block and column headings, as label keys
};

} // namespace nianbao

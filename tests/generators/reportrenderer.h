// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttemplate.h"

#include <QString>
#include <QtGlobal>

#include <optional>
#include <vector>

namespace nianbao {

/** How a rendered report lays out its tables: the three shapes reports reach reviewers in. */
enum class RenderLayout {
    Markdown, ///< pipe tables, as converters from Word and HTML write them
    Tabs, ///< tab-separated cells, as text copied from Word or a spreadsheet
    Spaces, ///< space-aligned columns (CJK counts two), as `pdftotext -layout` writes them
};

/** The name of a layout ("markdown", "tabs", "spaces"), for test rows and corpus file names. */
QString renderLayoutName(RenderLayout layout);

/** What a rendered report looks like besides its figures. */
struct RenderOptions
{
    RenderLayout layout = RenderLayout::Markdown;
    bool fullWidthDigits = false; ///< write figures as ０…９, as some reports do
};

/**
 * Writes a complete report text in the national format: the title line, the six numbered
 * sections with a short narrative, and the three statistical tables laid out like the official
 * form (header rows, merged group labels). Every table, row, column and label comes from the
 * ReportTemplate. A cell without a value stays blank in its own column position (an empty pipe
 * cell, an empty tab field, or spaces), so a reader can tell which column is missing.
 *
 * The tests render the expected answers of real reports to check the extractor in every
 * layout, and the benchmark generates its corpora with it; the output is deterministic.
 * The narrative states no figures, so every figure in the text stands in a table.
 */
class ReportRenderer final
{
public:
    explicit ReportRenderer(const ReportTemplate &reportTemplate = ReportTemplate::standard());
    Q_DISABLE_COPY_MOVE(ReportRenderer)

    /**
     * The whole report. `cells` holds one value per template cell, in template order; nullopt
     * (or a missing entry when the vector is short) is a blank cell.
     */
    QString render(const QString &agency, int year, const std::vector<std::optional<double>> &cells,
                   const RenderOptions &options) const;
    QString render(const QString &agency, int year, const std::vector<std::optional<double>> &cells,
                   RenderLayout layout) const;

    /** One table (an index into ReportTemplate::tables()) with its header rows, no heading. */
    QString renderTable(int table, const std::vector<std::optional<double>> &cells,
                        const RenderOptions &options) const;

    /** How a figure is written in a table cell: shortest round-trip form, never an exponent. */
    static QString figureText(double value, bool fullWidthDigits = false);

private:
    const ReportTemplate &m_template;
};

} // namespace nianbao

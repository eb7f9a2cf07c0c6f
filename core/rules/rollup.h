// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellvalue.h"
#include "finding.h"
#include "reporttemplate.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <vector>

namespace nianbao {

/** One report counted in a summary: a township's or a department's, by its agency's name. */
struct RollupUnit
{
    QString agency; ///< names the unit in messages; the file name when the agency is unknown
    std::vector<CellValue> cells; ///< one per template cell, in template order
};

/**
 * The statistics regime sums upward (issue 16): a county's or a government's summary report
 * counts what its units count. Rollup compares a summary with its units (rule rollup.sum) and
 * consolidates any selection of reports into one table. Used by `nianbao-cli rollup`; never by
 * `check`, which sees one report at a time.
 */
class Rollup
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::Rollup)

public:
    explicit Rollup(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    /**
     * A rollup.sum warning for each cell whose summary figure differs from the sum of its units'
     * figures, where the summary and every unit have the cell. A warning, not an error: a summary
     * may also count its own agency's figures.
     */
    QList<Finding> check(const std::vector<CellValue> &summary,
                         const QList<RollupUnit> &units) const;

    /**
     * The consolidated table of `reports`: each cell the sum of the reports' figures where every
     * report has the cell, else missing. Exported, it is the consolidated report.
     */
    std::vector<CellValue> consolidate(const QList<std::vector<CellValue>> &reports) const;

private:
    std::optional<double> sumOf(const QList<const std::vector<CellValue> *> &reports,
                                int cell) const;
    bool agrees(int cell, double summary, double sum) const;
    QString message(int cell, double summary, double sum, const QList<RollupUnit> &units) const;

    const ReportTemplate &m_template;
};

} // namespace nianbao

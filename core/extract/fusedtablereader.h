// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttemplate.h"
#include "rules/rulebook.h"
#include "splitchoice.h"
#include "statedfigure.h"
#include "tableextractor.h"
#include "text/normalizedtext.h"

#include <QList>

namespace nianbao {

/**
 * Reads the tables of a document whose cells lost their separators: a crawler's or a copied web
 * page's text puts a whole table on one line, each row's label followed by its figures run
 * together (…申请数量801000081二、上年结转…). Rows are found by their labels in the form's order,
 * whatever stands between them; each row's digits are then cut into its cells by the Segmenter,
 * under the template's rules and the figures the narrative states.
 */
class FusedTableReader
{
public:
    FusedTableReader(const ReportTemplate &reportTemplate, const RuleBook &rules);

    /**
     * Re-reads each table that the line reader read less than half of, and keeps the reading
     * that places more cells. Rows cut in tied ways are added to `choices`.
     */
    void improve(const NormalizedText &text, const QList<StatedFigure> &statements,
                 ExtractedTables &tables, QList<SplitChoice> &choices) const;

private:
    const ReportTemplate &m_template;
    const RuleBook &m_rules;
};

} // namespace nianbao

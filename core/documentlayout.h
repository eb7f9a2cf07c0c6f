// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "normalizedtext.h"
#include "reporttemplate.h"
#include "tableline.h"

#include <vector>

namespace nianbao {

/** A half-open range of line numbers. */
struct LineRange
{
    int first = 0;
    int last = 0; ///< one past the end
};

/**
 * The lines of a normalized document and where its numbered sections (一 … 六) begin.
 * Headings are recognized whatever their markup (#, **, a table cell) and however often they
 * are repeated; the first occurrence counts.
 */
class DocumentLayout
{
public:
    DocumentLayout(const NormalizedText &text, const ReportTemplate &reportTemplate);
    /** For text without an original to measure columns by (tests, labels). */
    DocumentLayout(const QString &normalizedText, const ReportTemplate &reportTemplate);

    const std::vector<TableLine> &lines() const { return m_lines; }
    /** Line of the heading of template section `section`, or -1 if it was not found. */
    int headingLine(int section) const { return m_headingLines[size_t(section)]; }
    /** The lines that belong to `section`: after its heading, up to the next later heading. */
    LineRange sectionRange(int section) const;
    /** The first line of the first section heading found, or the line count. */
    int firstHeadingLine() const;

private:
    void findHeadings(const QString &text, const ReportTemplate &reportTemplate);

    std::vector<TableLine> m_lines;
    std::vector<int> m_headingLines;
};

} // namespace nianbao

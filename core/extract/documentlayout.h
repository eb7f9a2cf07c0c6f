// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reporttemplate.h"
#include "tableline.h"
#include "text/normalizedtext.h"

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
 * are repeated; the first occurrence with lines under it counts (not a table of contents).
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
    int headingCount() const { return int(m_headingLines.size()); }
    /** The lines that belong to `section`: after its heading, up to the next later heading. */
    LineRange sectionRange(int section) const;
    /** The first line of the first section heading found, or the line count. */
    int firstHeadingLine() const;
    /**
     * Where a second report pasted into the same file begins (its title, or its 一、总体情况
     * heading after the first report's tables), or -1 if the file holds one report. Sections
     * end there: only the first report is read.
     */
    int secondReportLine() const { return m_secondReport; }

private:
    void findHeadings(const QString &text, const ReportTemplate &reportTemplate);
    int headingSection(const QString &text, const TableLine &line,
                       const ReportTemplate &reportTemplate, const std::vector<bool> &bare,
                       bool *opening) const;
    int titleLineBefore(const QString &text, int line) const;
    int end() const;

    std::vector<TableLine> m_lines;
    std::vector<int> m_headingLines;
    int m_secondReport = -1;
};

} // namespace nianbao

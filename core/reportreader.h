// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checker.h"
#include "extract/fusedtablereader.h"
#include "report.h"
#include "reportfiles.h"
#include "reporttemplate.h"
#include "rulebook.h"
#include "statedfigures.h"
#include "tableextractor.h"

#include <QByteArray>
#include <QString>

namespace nianbao {

/** Largest report file read; real reports are well under 1 MB. */
inline constexpr qint64 kMaxReportBytes = 16 * 1024 * 1024;

/** Reads a report file's bytes, refusing what is missing, not a file or over kMaxReportBytes. */
Result<QByteArray> readReportBytes(const QString &path);

/**
 * Reads reports: loads the file with the loader for its format, extracts the tables, the
 * title and (when the rules are on) the stated figures and findings. Never throws; whatever
 * goes wrong ends up in Report::errors.
 */
class ReportReader
{
public:
    explicit ReportReader(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    Report readFile(const QString &path) const;
    Report readBytes(const QByteArray &bytes, const QString &path) const;
    /** Extracts from already decoded text (what the window and the tests use). */
    void analyze(Report &report) const;
    const Checker &checker() const { return m_checker; }

private:
    void dropOldActiveTable(ExtractedTables &tables, Report &report) const;
    const ReportTemplate &m_template;
    TableExtractor m_extractor;
    StatedFigureReader m_statements;
    RuleBook m_rules;
    Checker m_checker;
    FusedTableReader m_fusedReader;
};

} // namespace nianbao

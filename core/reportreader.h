// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "clock.h"
#include "extract/fusedtablereader.h"
#include "extract/statedfigures.h"
#include "extract/tableextractor.h"
#include "report.h"
#include "reportfiles.h"
#include "reporttemplate.h"
#include "rules/checker.h"
#include "rules/rulebook.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <atomic>
#include <chrono>

namespace nianbao {

class DocumentLayout;
struct LoadedDocument;

/** Largest report file read; real reports are well under 1 MB. */
inline constexpr qint64 kMaxReportBytes = 16 * 1024 * 1024;

/**
 * Lines of a document that are read: the longest real report runs to some 400 lines (a PDF's
 * a few thousand), and layout and extraction keep every line, so a file of millions of short
 * lines would take gigabytes. The lines after it are not read (text.too_many_lines).
 */
inline constexpr int kMaxReadLines = 100'000;
/**
 * Characters of one line that are read: a whole report crawled onto one line holds some 4,000,
 * and every token of a line is kept, so a 16 MB line of figures would take a gigabyte. The rest
 * of the line is not read (text.line_too_long).
 */
inline constexpr int kMaxLineCharacters = 100'000;

/** Reads a report file's bytes, refusing what is missing, not a file or over kMaxReportBytes. */
Result<QByteArray> readReportBytes(const QString &path);

/**
 * Reads reports: loads the file with the loader for its format, extracts the tables, the
 * title and (when the rules are on) the stated figures and findings. Never throws; whatever
 * goes wrong ends up in Report::errors.
 */
class ReportReader
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReportReader)

public:
    explicit ReportReader(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    /**
     * Makes each file read stop within `time` (ReadBudget::kPerFile unless set) and as soon as
     * `*cancel` turns true, with a read.too_slow or read.cancelled error: the importer and the
     * CLI pass their cancel flag here so a cancel acts inside a file. `cancel` must outlive
     * the reads.
     */
    void setBudget(std::chrono::milliseconds time, const std::atomic<bool> *cancel = nullptr);

    Report readFile(const QString &path) const;
    Report readBytes(const QByteArray &bytes, const QString &path) const;
    /** Extracts from already decoded text (what the window and the tests use). */
    void analyze(Report &report) const;
    const Checker &checker() const { return m_checker; }

private:
    Result<LoadedDocument> load(const QByteArray &bytes, const QString &path) const;
    void dropOldActiveTable(ExtractedTables &tables, Report &report) const;
    void analyzeText(Report &report, const QString &text) const;
    bool stopIfOutOfTime(Report &report, const QString &stage) const;
    static QString readableText(const QString &original, const QString &path,
                                QList<Error> *problems);
    static Error tooManyLinesError(const QString &path);
    static Error lineTooLongError(const QString &path, int line);
    static Error secondReportError(const QString &text, const DocumentLayout &layout,
                                   const QString &path);
    const ReportTemplate &m_template;
    TableExtractor m_extractor;
    StatedFigureReader m_statements;
    RuleBook m_rules;
    Checker m_checker;
    FusedTableReader m_fusedReader;
    std::chrono::milliseconds m_time = ReadBudget::kPerFile;
    const std::atomic<bool> *m_cancel = nullptr;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"

#include "extract/documentlayout.h"
#include "extract/tableextractor.h"
#include "extract/titleparser.h"
#include "extract/uncertainocr.h"
#include "loaders/documentloader.h"
#include "rules/checksession.h"
#include "text/normalizedtext.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kFirstYearOfTheForm
    = 2021; ///< 国办公开办函〔2021〕30号 applies from the 2021 reports

/** Whether the document heads a table with the columns of the form before 2021. */
bool hasSupersededColumns(const QString &normalized, const TemplateTable &table)
{
    // The headings are single words: found in the text as it stands, without reducing all of
    // it (this runs for every report of a batch).
    return std::any_of(table.supersededColumns.begin(), table.supersededColumns.end(),
                       [&](const QString &heading) { return normalized.contains(heading); });
}

Error fileError(const QString &code, const QString &message, const QString &path)
{
    return Error {code, message, ErrorLocation {path, 0, {}}};
}

bool isLineBreak(char16_t c)
{
    // The breaks parseLines() splits at, so lines are counted as layout counts them.
    return c == u'\n' || c == u'\r' || c == 0x2028 || c == 0x2029 || c == 0x85;
}

/** Where the line holding `from` ends: its line break, or the end of the text. */
qsizetype lineEnd(QStringView text, qsizetype from)
{
    while (from < text.size() && !isLineBreak(text[from].unicode()))
        ++from;
    return from;
}

} // namespace

/** Says where a second report pasted into the file begins, and that only the first is read. */
Error ReportReader::secondReportError(const QString &text, const DocumentLayout &layout,
                                      const QString &path)
{
    constexpr int kShownCharacters = 60;
    const int line = layout.secondReportLine();
    const TableLine &title = layout.lines()[size_t(line)];
    const QString shown = QStringView(text)
                              .sliced(title.start, title.end - title.start)
                              .trimmed()
                              .left(kShownCharacters)
                              .toString();
    return Error {
        u"document.second_report"_s,
        tr("Line %1 begins a second report (%2); only the first report, above it, is read")
            .arg(line + 1)
            .arg(shown),
        ErrorLocation {path, line + 1, {}}};
}

Error ReportReader::tooManyLinesError(const QString &path)
{
    return Error {u"text.too_many_lines"_s,
                  tr("The document holds more than %L1 lines, far more than a report; the lines "
                     "after line %L1 are not read")
                      .arg(kMaxReadLines),
                  ErrorLocation {path, kMaxReadLines + 1, {}}};
}

Error ReportReader::lineTooLongError(const QString &path, int line)
{
    return Error {u"text.line_too_long"_s,
                  tr("Line %1 is longer than %L2 characters, far longer than a report's; the rest "
                     "of it is not read")
                      .arg(line + 1)
                      .arg(kMaxLineCharacters),
                  ErrorLocation {path, line + 1, {}}};
}

/**
 * The text that layout and extraction read: at most kMaxReadLines lines of kMaxLineCharacters.
 * A long line's rest becomes spaces rather than being cut, so every offset still points at the
 * same character of the original. Shares the original's storage when no cap is hit.
 */
QString ReportReader::readableText(const QString &original, const QString &path,
                                   QList<Error> *problems)
{
    // Each line takes one character at least, and a long line more than the cap: a text of
    // no more characters than both caps (nearly every report) cannot hit either.
    if (original.size() <= std::min(kMaxReadLines, kMaxLineCharacters))
        return original;
    const QStringView view(original); // read through a view: QString's operator[] would copy
    QString text = original;
    int line = 0;
    qsizetype lineStart = 0;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const char16_t c = view[i].unicode();
        if (!isLineBreak(c)) {
            if (i - lineStart < kMaxLineCharacters)
                continue;
            // Never split a surrogate pair: its first half goes too.
            qsizetype blank = QChar::isLowSurrogate(c) ? i - 1 : i;
            const qsizetype end = lineEnd(view, i);
            for (; blank < end; ++blank)
                text[blank] = u' ';
            problems->append(lineTooLongError(path, line));
            i = end - 1;
            continue;
        }
        if (c == u'\r' && i + 1 < view.size() && view[i + 1] == u'\n')
            ++i;
        lineStart = i + 1;
        if (++line == kMaxReadLines && lineStart < view.size()) {
            text.truncate(lineStart);
            problems->append(tooManyLinesError(path));
            break;
        }
    }
    return text;
}

// Not a member: lupdate files an unqualified tr() here under "nianbao", so the context is
// spelled out.
Result<QByteArray> readReportBytes(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return fileError(
            u"file.missing"_s,
            QCoreApplication::translate("nianbao::ReportReader", "No such file: %1").arg(path),
            path);
    if (!info.isFile())
        return fileError(
            u"file.not_a_file"_s,
            QCoreApplication::translate("nianbao::ReportReader", "Not a file: %1").arg(path), path);
    if (info.size() > kMaxReportBytes)
        return fileError(u"file.too_large"_s,
                         QCoreApplication::translate(
                             "nianbao::ReportReader",
                             "The file is %1 MB; reports larger than %2 MB are not read: %3")
                             .arg(double(info.size()) / 1048576.0, 0, 'f', 1)
                             .arg(kMaxReportBytes / 1048576)
                             .arg(path),
                         path);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fileError(u"file.unreadable"_s,
                         QCoreApplication::translate("nianbao::ReportReader", "Cannot read %1: %2")
                             .arg(path, file.errorString()),
                         path);
    return file.readAll();
}

ReportReader::ReportReader(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
    , m_extractor(reportTemplate)
    , m_statements(reportTemplate)
    , m_rules(reportTemplate)
    , m_checker(m_rules)
    , m_fusedReader(reportTemplate, m_rules)
{ }

void ReportReader::setBudget(std::chrono::milliseconds time, const std::atomic<bool> *cancel)
{
    m_time = time;
    m_cancel = cancel;
}

Result<LoadedDocument> ReportReader::load(const QByteArray &bytes, const QString &path) const
{
    const DocumentLoader &loader
        = loaderFor(path, QByteArrayView(bytes).first(std::min<qsizetype>(bytes.size(), 512)));
    Result<LoadedDocument> loaded = loader.load(bytes);
    // Loaders check the budget where they can stop; this catches the ones that cannot.
    if (loaded && ReadBudget::current().exhausted())
        return ReadBudget::current().error(tr("the end of loading"));
    return loaded;
}

Report ReportReader::readFile(const QString &path) const
{
    Result<QByteArray> bytes = readReportBytes(path);
    if (!bytes) {
        Report report;
        report.file = path;
        report.cells.resize(size_t(m_template.cellCount()));
        report.errors.append(bytes.error());
        return report;
    }
    return readBytes(bytes.value(), path);
}

Report ReportReader::readBytes(const QByteArray &bytes, const QString &path) const
{
    Report report;
    report.file = path;
    report.cells.resize(size_t(m_template.cellCount()));
    // The budget covers the whole read, so extraction can check it too.
    const ReadBudget budget(m_time, m_cancel);
    const ReadBudget::Scope scope(budget);
    Result<LoadedDocument> loaded = load(bytes, path);
    if (!loaded) {
        Error error = loaded.error();
        error.where.file = path;
        report.errors.append(error);
        return report;
    }
    report.loaded = true;
    report.text = std::move(loaded.value().text);
    report.encoding = loaded.value().encoding;
    report.regions = std::move(loaded.value().regions);
    report.pageSizes = std::move(loaded.value().pageSizes);
    report.ocrPages = std::move(loaded.value().ocrPages);
    for (Error warning : loaded.value().warnings) {
        warning.where.file = path;
        report.errors.append(warning);
    }
    analyze(report);
    return report;
}

void ReportReader::dropOldActiveTable(ExtractedTables &tables, Report &report) const
{
    // Its columns are not the 2021 form's: no figure of it may stand in a 2021 cell.
    const TemplateTable &active = m_template.tables().front();
    for (const TemplateRow &row : active.rows) {
        for (int cell : row.cells)
            tables.cells[size_t(cell)] = CellValue {};
    }
    report.splitChoices.removeIf([&](const SplitChoice &choice) {
        return m_template.cells()[choice.cells.value(0)].table == 0;
    });
    tables.problems.append(fileError(
        u"table.old_layout"_s,
        tr("Table 二 (%1) has the columns of the form before 2021 (本年新制作数量, 对外公开总数量, "
           "上一年项目数量); its figures are not read into the 2021 form's cells")
            .arg(active.title),
        report.file));
}

void ReportReader::analyze(Report &report) const
{
    QList<Error> capped;
    const QString text = readableText(report.text, report.file, &capped);
    report.errors.append(capped);
    analyzeText(report, text);
}

/**
 * When the read's budget ran out during `stage`, drops what was read so far (it may lack
 * whole tables) and says why; the loops of layout and extraction stop early when it runs out.
 */
bool ReportReader::stopIfOutOfTime(Report &report, const QString &stage) const
{
    const ReadBudget &budget = ReadBudget::current();
    if (!budget.exhausted())
        return false;
    report.statements.clear();
    report.relations.clear();
    report.splitChoices.clear();
    report.cells.assign(size_t(m_template.cellCount()), CellValue {});
    Error error = budget.error(stage);
    error.where.file = report.file;
    report.errors.append(error);
    return true;
}

void ReportReader::analyzeText(Report &report, const QString &text) const
{
    const NormalizedText normalized(text);
    const DocumentLayout layout(normalized, m_template);
    if (stopIfOutOfTime(report, tr("the layout of the lines")))
        return;
    const ReportTitle title = parseTitle(normalized.text(), layout, m_template);
    report.agency = title.agency;
    report.year = title.year;

    NarrativeStatements narrative = m_statements.readAll(normalized, layout, text);
    report.statements = std::move(narrative.figures);
    report.relations = std::move(narrative.relations);
    if (stopIfOutOfTime(report, tr("the figures stated in the text")))
        return;
    ExtractedTables tables = m_extractor.extract(normalized, layout);
    if (stopIfOutOfTime(report, tr("the tables")))
        return;
    m_fusedReader.improve(normalized, report.statements, tables, report.splitChoices);
    if (stopIfOutOfTime(report, tr("the figures run together")))
        return;
    if (hasSupersededColumns(normalized.text(), m_template.tables().front()))
        dropOldActiveTable(tables, report);
    report.cells = std::move(tables.cells);
    if (tables.tablesFound == 0 && report.year > 0 && report.year < kFirstYearOfTheForm) {
        report.statements.clear();
        report.relations.clear();
        report.splitChoices.clear();
        report.errors.append(fileError(
            u"format.before_2021"_s,
            tr("%1 is a report for %2, in the form used before 2021; Nianbao reads the "
               "national form of 2021 (国办公开办函〔2021〕30号), from the 2021 reports on")
                .arg(report.file)
                .arg(report.year),
            report.file));
        return;
    }
    if (tables.tablesFound == 0) {
        report.statements.clear();
        report.relations.clear();
        report.splitChoices.clear();
        report.errors.append(fileError(u"tables.none"_s,
                                       tr("No statistical tables (sections 二, 三, 四) were found "
                                          "in %1")
                                           .arg(report.file),
                                       report.file));
        return;
    }
    if (report.year > 0 && report.year < kFirstYearOfTheForm)
        report.errors.append(fileError(
            u"format.before_2021"_s,
            tr("%1 is a report for %2, before the national form of 2021; its tables are read "
               "where they have the 2021 form's rows and columns")
                .arg(report.file)
                .arg(report.year),
            report.file));
    for (Error problem : tables.problems) {
        problem.where.file = report.file;
        report.errors.append(problem);
    }
    if (layout.secondReportLine() >= 0)
        report.errors.append(secondReportError(normalized.text(), layout, report.file));
    if (!report.ocrPages.isEmpty())
        distrustUncertainOcr(report.cells, report.regions, report.text, m_rules);
    report.findings = CheckSession::checkOnce(m_checker, report.cells, report.statements,
                                              report.splitChoices, report.relations);
}

} // namespace nianbao

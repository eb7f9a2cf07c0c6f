// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "export/xlsxexport.h"
#include "reportjson.h"
#include "rules/checksession.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <array>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QString figure(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 15) : QString();
}

/** The last correction of each cell: who changed it and when. */
QHash<int, const Correction *> lastCorrections(const StoredReview &review)
{
    QHash<int, const Correction *> last;
    for (const Correction &correction : review.corrections)
        last.insert(correction.cell, &correction);
    return last;
}

/** The export's words for people, in the Exporter's translation context. */
struct ExportText
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::Exporter)
};

QString statusText(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::Unreviewed:
        return ExportText::tr("unreviewed");
    case ReviewStatus::InProgress:
        return ExportText::tr("in review");
    case ReviewStatus::Reviewed:
        return ExportText::tr("reviewed");
    case ReviewStatus::Doubtful:
        return ExportText::tr("doubtful");
    }
    return {};
}

QString stateText(CellState state)
{
    switch (state) {
    case CellState::Missing:
        return ExportText::tr("blank");
    case CellState::Extracted:
        return ExportText::tr("read");
    case CellState::Unreadable:
        return ExportText::tr("unreadable");
    case CellState::Corrected:
        return ExportText::tr("corrected");
    case CellState::Deduced:
        return ExportText::tr("deduced");
    }
    return {};
}

/** Words of one CSV export: stable keys for scripts, or the reader's language for people. */
class CsvWords
{
public:
    explicit CsvWords(ExportLabels labels)
        : m_readable(labels == ExportLabels::Readable)
    { }

    bool readable() const { return m_readable; }
    QString status(ReviewStatus status) const
    {
        return exportedStatus(status, m_readable ? ExportLabels::Readable : ExportLabels::Keys);
    }
    QString state(CellState state) const
    {
        return exportedState(state, m_readable ? ExportLabels::Readable : ExportLabels::Keys);
    }
    QString reading(ReadingStatus status) const
    {
        return m_readable ? readingStatusText(status) : readingStatusKey(status);
    }
    /** The header of the report's own columns, shared by both CSV forms. */
    QStringList reportHeader() const
    {
        if (!m_readable)
            return {u"file"_s, u"agency"_s, u"year"_s, u"status"_s};
        return {ExportText::tr("File"), ExportText::tr("Agency"), ExportText::tr("Year"),
                ExportText::tr("Review status")};
    }
    QStringList reportFields(const StoredReview &review) const
    {
        return {review.report.file, review.report.agency,
                review.report.year > 0 ? QString::number(review.report.year) : QString(),
                status(review.status)};
    }

private:
    bool m_readable;
};

QString csvLine(const QStringList &fields)
{
    QStringList quoted;
    quoted.reserve(fields.size());
    for (const QString &field : fields)
        quoted.append(csvField(field));
    return quoted.join(u',') + u"\r\n"_s;
}

QString tableName(const TemplateTable &table)
{
    return table.section % u'、' % table.title;
}

/** The form's name of a cell's column: 法人或其他组织 · 商业企业 for a grouped column. */
QString columnName(const TemplateTable &table, int column)
{
    const TemplateColumn &templateColumn = table.columns[column];
    return templateColumn.group.isEmpty() ? templateColumn.label
                                          : templateColumn.group % u" · " % templateColumn.label;
}

QStringList longHeader(const CsvWords &words)
{
    QStringList header = words.reportHeader();
    if (words.readable())
        return header
            + QStringList {ExportText::tr("Key"),           ExportText::tr("Table"),
                           ExportText::tr("Row"),           ExportText::tr("Column"),
                           ExportText::tr("Value"),         ExportText::tr("State"),
                           ExportText::tr("Value as read"), ExportText::tr("State as read"),
                           ExportText::tr("Corrected by"),  ExportText::tr("Corrected at"),
                           ExportText::tr("Note")};
    // Scripts read these names: they never change (key, label, …).
    return header + QStringList {u"key"_s,          u"label"_s,           u"value"_s,
                                 u"state"_s,        u"extracted_value"_s, u"extracted_state"_s,
                                 u"corrected_by"_s, u"corrected_at"_s,    u"note"_s};
}

/** Where a cell stands on the form: its label, or its table, row and column for people. */
QStringList cellPlace(const CsvWords &words, int cell)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const TemplateCell &templateCell = reportTemplate.cells()[cell];
    if (!words.readable())
        return {templateCell.key.toString(), reportTemplate.cellLabel(cell)};
    const TemplateTable &table = reportTemplate.tables()[templateCell.table];
    return {templateCell.key.toString(), tableName(table),
            reportTemplate.rowLabel(templateCell.table, templateCell.row),
            columnName(table, templateCell.column)};
}

QString longCsv(const QList<ExportedReview> &reviews, const CsvWords &words)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QString out = csvLine(longHeader(words));
    for (const ExportedReview &exported : reviews) {
        const StoredReview &review = exported.review;
        const auto corrections = lastCorrections(review);
        const QStringList reportFields = words.reportFields(review);
        for (int c = 0; c < reportTemplate.cellCount(); ++c) {
            const CellValue &cell = review.report.cells[size_t(c)];
            const Correction *correction = corrections.value(c);
            out += csvLine(
                reportFields + cellPlace(words, c)
                + QStringList {
                    figure(cell.value), words.state(cell.state), figure(cell.extractedValue),
                    words.state(cell.extractedState), correction ? correction->reviewer : QString(),
                    correction ? correction->when.toUTC().toString(Qt::ISODate) : QString(),
                    review.cellNotes.value(c)});
        }
    }
    return out;
}

QStringList wideHeader(const CsvWords &words)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QStringList header = words.reportHeader();
    if (words.readable())
        header += {ExportText::tr("Errors"), ExportText::tr("Warnings"),
                   ExportText::tr("Cells not read"), ExportText::tr("Reading")};
    else
        header += {u"errors"_s, u"warnings"_s, u"unread_cells"_s, u"reading"_s};
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const TemplateCell &cell = reportTemplate.cells()[c];
        header.append(words.readable() ? reportTemplate.tables()[cell.table].section % u'、'
                              % reportTemplate.cellLabel(c)
                                       : cell.key.toString());
    }
    return header;
}

QString wideCsv(const QList<ExportedReview> &reviews, const CsvWords &words)
{
    QString out = csvLine(wideHeader(words));
    for (const ExportedReview &exported : reviews) {
        QStringList row = words.reportFields(exported.review);
        // A report with no tables must not look like a clean one: say how much was read.
        row += {QString::number(exported.count(Severity::Error)),
                QString::number(exported.count(Severity::Warning)),
                QString::number(exported.unreadCells()), words.reading(exported.readingStatus())};
        for (const CellValue &cell : exported.review.report.cells)
            row.append(figure(cell.value));
        out += csvLine(row);
    }
    return out;
}

QByteArray jsonExport(const QList<ExportedReview> &reviews)
{
    QJsonArray array;
    for (const ExportedReview &exported : reviews) {
        Report report = exported.review.report;
        report.findings = exported.findings;
        QJsonObject object = reportToJson(report);
        object.insert(u"status"_s, reviewStatusKey(exported.review.status));
        object.insert(u"note"_s, exported.review.note);
        QJsonArray corrections;
        for (const Correction &correction : exported.review.corrections) {
            corrections.append(QJsonObject {
                {u"key"_s, ReportTemplate::standard().cells()[correction.cell].key.toString()},
                {u"previous"_s,
                 correction.previous.value ? QJsonValue(*correction.previous.value) : QJsonValue()},
                {u"value"_s,
                 correction.current.value ? QJsonValue(*correction.current.value) : QJsonValue()},
                {u"reviewer"_s, correction.reviewer},
                {u"when"_s, correction.when.toUTC().toString(Qt::ISODate)}});
        }
        object.insert(u"corrections"_s, corrections);
        array.append(object);
    }
    return QJsonDocument(QJsonObject {{u"reports"_s, array}}).toJson(QJsonDocument::Indented);
}

Result<int> saveAtomically(const QString &path, const QByteArray &bytes, int count)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return Error {u"export.write"_s,
                      QCoreApplication::translate("nianbao::Exporter", "Cannot write %1: %2")
                          .arg(path, file.errorString()),
                      {path, 0, {}}};
    return count;
}

/** The 16 bytes every SQLite 3 database file starts with, the closing NUL included. */
constexpr char kSqliteHeader[] = "SQLite format 3";
static_assert(sizeof(kSqliteHeader) == 16);

bool isSqliteDatabase(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    return file.read(sizeof(kSqliteHeader)) == QByteArray(kSqliteHeader, sizeof(kSqliteHeader));
}

/** Whether two names lead to one file: one canonical path or, on Unix, one inode. */
bool isSameFile(const QString &first, const QString &second)
{
    const QString canonical = QFileInfo(first).canonicalFilePath();
    if (!canonical.isEmpty() && canonical == QFileInfo(second).canonicalFilePath())
        return true;
#ifdef Q_OS_UNIX
    // A hard link has a canonical path of its own.
    struct stat a = {};
    struct stat b = {};
    return ::stat(QFile::encodeName(first).constData(), &a) == 0
        && ::stat(QFile::encodeName(second).constData(), &b) == 0 && a.st_dev == b.st_dev
        && a.st_ino == b.st_ino;
#else
    return false;
#endif
}

bool isPartOfLibrary(const QString &path, const QString &libraryLocation)
{
    if (libraryLocation.isEmpty())
        return false;
    // SQLite keeps a library's recent changes in its -wal file until a checkpoint.
    const std::array<QString, 4> suffixes = {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s};
    return std::ranges::any_of(suffixes, [&](const QString &suffix) {
        return isSameFile(path, libraryLocation + suffix);
    });
}

} // namespace

Result<void> checkExportTarget(const QString &path, const QString &libraryLocation)
{
    if (!QFileInfo::exists(path))
        return {};
    if (isPartOfLibrary(path, libraryLocation))
        return Error {u"export.target_is_library"_s,
                      QCoreApplication::translate(
                          "nianbao::Exporter",
                          "Refusing to export to %1: that file belongs to the review library %2, "
                          "and the export would replace every review and correction in it. "
                          "Choose another file.")
                          .arg(path, libraryLocation),
                      {path, 0, {}}};
    if (isSqliteDatabase(path))
        return Error {u"export.target_is_database"_s,
                      QCoreApplication::translate(
                          "nianbao::Exporter",
                          "Refusing to export to %1: it is a SQLite database (perhaps a review "
                          "library), and the export would replace it. Choose another file.")
                          .arg(path),
                      {path, 0, {}}};
    return {};
}

std::optional<ExportFormat> exportFormatFromName(QStringView name)
{
    for (ExportFormat format :
         {ExportFormat::LongCsv, ExportFormat::WideCsv, ExportFormat::Xlsx, ExportFormat::Json}) {
        if (exportFormatName(format) == name)
            return format;
    }
    return std::nullopt;
}

QString exportFormatName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::LongCsv:
        return u"csv"_s;
    case ExportFormat::WideCsv:
        return u"csv-wide"_s;
    case ExportFormat::Xlsx:
        return u"xlsx"_s;
    case ExportFormat::Json:
        return u"json"_s;
    }
    return {};
}

QString csvField(const QString &text)
{
    const bool quote = text.contains(u',') || text.contains(u'"') || text.contains(u'\n')
        || text.contains(u'\r');
    if (!quote)
        return text;
    QString escaped = text;
    escaped.replace(u"\""_s, u"\"\""_s);
    return u'"' + escaped + u'"';
}

int ExportedReview::count(Severity severity) const
{
    return int(std::count_if(findings.begin(), findings.end(),
                             [severity](const Finding &f) { return f.severity == severity; }));
}

int ExportedReview::unreadCells() const
{
    const Report &report = review.report;
    return report.countCells(CellState::Missing) + report.countCells(CellState::Unreadable);
}

ReadingStatus ExportedReview::readingStatus() const
{
    const int unread = unreadCells();
    if (!review.report.loaded && review.report.cells.empty())
        return ReadingStatus::NoTables;
    if (unread >= int(review.report.cells.size()))
        return ReadingStatus::NoTables;
    return unread > 0 ? ReadingStatus::Partial : ReadingStatus::Complete;
}

QString exportedStatus(ReviewStatus status, ExportLabels labels)
{
    return labels == ExportLabels::Readable ? statusText(status) : reviewStatusKey(status);
}

QString exportedState(CellState state, ExportLabels labels)
{
    return labels == ExportLabels::Readable ? stateText(state) : cellStateName(state);
}

QString readingStatusKey(ReadingStatus status)
{
    switch (status) {
    case ReadingStatus::Complete:
        return u"complete"_s;
    case ReadingStatus::Partial:
        return u"partial"_s;
    case ReadingStatus::NoTables:
        return u"no_tables"_s;
    }
    return {};
}

QString readingStatusText(ReadingStatus status)
{
    switch (status) {
    case ReadingStatus::Complete:
        return ExportText::tr("every cell read");
    case ReadingStatus::Partial:
        return ExportText::tr("some cells not read");
    case ReadingStatus::NoTables:
        return ExportText::tr("no table read");
    }
    return {};
}

Exporter::Exporter(const Checker &checker)
    : m_checker(checker)
{ }

Result<QList<ExportedReview>> Exporter::collect(const ReviewLibrary &library,
                                                const ExportOptions &options) const
{
    Result<QList<DocumentSummary>> documents = library.documents();
    if (!documents)
        return documents.error();
    QList<ExportedReview> reviews;
    for (const DocumentSummary &summary : documents.value()) {
        if (options.reviewedOnly && summary.status != ReviewStatus::Reviewed)
            continue;
        Result<ExportedReview> review = collectReport(library, summary.id);
        if (!review)
            return review.error();
        reviews.append(std::move(review).value());
    }
    return reviews;
}

Result<ExportedReview> Exporter::collectReport(const ReviewLibrary &library, qint64 id) const
{
    Result<StoredReview> review = library.load(id);
    if (!review)
        return review.error();
    const Report &report = review.value().report;
    const CheckSession checks(m_checker, report.cells, report.statements, report.splitChoices,
                              report.relations);
    review.value().report.cells = checks.cells();
    return ExportedReview {std::move(review).value(), checks.findings()};
}

Result<int> Exporter::exportLibrary(const ReviewLibrary &library, ExportFormat format,
                                    const QString &path, const ExportOptions &options) const
{
    // Checked before the slow part, and again by write() just before writing.
    Result<void> target = checkExportTarget(path, library.location());
    if (!target)
        return target.error();
    Result<QList<ExportedReview>> reviews = collect(library, options);
    if (!reviews)
        return reviews.error();
    return write(reviews.value(), format, path, options);
}

Result<int> Exporter::write(const QList<ExportedReview> &reviews, ExportFormat format,
                            const QString &path, const ExportOptions &options) const
{
    Result<void> target = checkExportTarget(path);
    if (!target)
        return target.error();
    const int count = int(reviews.size());
    const QByteArray bom = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    switch (format) {
    case ExportFormat::LongCsv:
        return saveAtomically(path, bom + longCsv(reviews, CsvWords(options.labels)).toUtf8(),
                              count);
    case ExportFormat::WideCsv:
        return saveAtomically(path, bom + wideCsv(reviews, CsvWords(options.labels)).toUtf8(),
                              count);
    case ExportFormat::Json:
        return saveAtomically(path, jsonExport(reviews), count);
    case ExportFormat::Xlsx:
        return writeXlsx(reviews, path, options.labels);
    }
    return count;
}

} // namespace nianbao

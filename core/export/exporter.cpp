// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exporter.h"

#include "checksession.h"
#include "export/xlsxexport.h"
#include "reportjson.h"

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

QString longCsv(const QList<ExportedReview> &reviews)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QString out = u"file,agency,year,status,key,label,value,state,extracted_value,"
                  "extracted_state,corrected_by,corrected_at,note\r\n"_s;
    for (const ExportedReview &exported : reviews) {
        const StoredReview &review = exported.review;
        const auto corrections = lastCorrections(review);
        for (int c = 0; c < reportTemplate.cellCount(); ++c) {
            const CellValue &cell = review.report.cells[size_t(c)];
            const Correction *correction = corrections.value(c);
            const QStringList fields
                = {review.report.file,
                   review.report.agency,
                   review.report.year > 0 ? QString::number(review.report.year) : QString(),
                   reviewStatusKey(review.status),
                   reportTemplate.cells()[c].key.toString(),
                   reportTemplate.cellLabel(c),
                   figure(cell.value),
                   cellStateName(cell.state),
                   figure(cell.extractedValue),
                   cellStateName(cell.extractedState),
                   correction ? correction->reviewer : QString(),
                   correction ? correction->when.toUTC().toString(Qt::ISODate) : QString(),
                   review.cellNotes.value(c)};
            QStringList quoted;
            for (const QString &field : fields)
                quoted.append(csvField(field));
            out += quoted.join(u',') + u"\r\n"_s;
        }
    }
    return out;
}

QString wideCsv(const QList<ExportedReview> &reviews)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QStringList header = {u"file"_s, u"agency"_s, u"year"_s, u"status"_s, u"errors"_s};
    for (const TemplateCell &cell : reportTemplate.cells())
        header.append(cell.key.toString());
    QString out = header.join(u',') + u"\r\n"_s;
    for (const ExportedReview &exported : reviews) {
        const StoredReview &review = exported.review;
        const auto errors
            = std::count_if(exported.findings.begin(), exported.findings.end(),
                            [](const Finding &f) { return f.severity == Severity::Error; });
        QStringList row = {csvField(review.report.file), csvField(review.report.agency),
                           review.report.year > 0 ? QString::number(review.report.year) : QString(),
                           reviewStatusKey(review.status), QString::number(errors)};
        for (const CellValue &cell : review.report.cells)
            row.append(figure(cell.value));
        out += row.join(u',') + u"\r\n"_s;
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

Result<bool> checkExportTarget(const QString &path, const QString &libraryLocation)
{
    if (!QFileInfo::exists(path))
        return true;
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
    return true;
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
        Result<StoredReview> review = library.load(summary.id);
        if (!review)
            return review.error();
        const CheckSession checks(m_checker, review.value().report.cells,
                                  review.value().report.statements,
                                  review.value().report.splitChoices);
        review.value().report.cells = checks.cells();
        reviews.append(ExportedReview {std::move(review).value(), checks.findings()});
    }
    return reviews;
}

Result<int> Exporter::exportLibrary(const ReviewLibrary &library, ExportFormat format,
                                    const QString &path, const ExportOptions &options) const
{
    // Checked before the slow part, and again by write() just before writing.
    Result<bool> target = checkExportTarget(path, library.location());
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
    Result<bool> target = checkExportTarget(path);
    if (!target)
        return target.error();
    const int count = int(reviews.size());
    const QByteArray bom = options.byteOrderMark ? QByteArray("\xEF\xBB\xBF") : QByteArray();
    switch (format) {
    case ExportFormat::LongCsv:
        return saveAtomically(path, bom + longCsv(reviews).toUtf8(), count);
    case ExportFormat::WideCsv:
        return saveAtomically(path, bom + wideCsv(reviews).toUtf8(), count);
    case ExportFormat::Json:
        return saveAtomically(path, jsonExport(reviews), count);
    case ExportFormat::Xlsx:
        return writeXlsx(reviews, path);
    }
    return count;
}

} // namespace nianbao

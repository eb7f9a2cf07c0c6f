// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewlibrary.h"

#include "agencyidentity.h"
#include "reporttemplate.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QThread>
#include <QUrl>
#include <QVariant>

#include <algorithm>
#include <array>
#include <atomic>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

// The helpers below are not members: lupdate would file an unqualified tr() in them under
// "nianbao" (in Transaction, under "nianbao::Transaction"), so they spell out
// QCoreApplication::translate with ReviewLibrary's context.

/** Seconds a PostgreSQL connection attempt waits for the server (libpq connect_timeout). */
constexpr int kPostgresConnectTimeoutS = 10;

/** How many tables a refusal of another application's database names. */
constexpr int kTablesNamed = 8;

/** What the database said; a driver that says nothing has usually lost the connection. */
QString reasonOf(const QSqlError &error)
{
    // libpq's messages run over several lines; one line reads better after a file name.
    const QString text = error.text().simplified();
    if (!text.isEmpty())
        return text;
    return QCoreApplication::translate("nianbao::ReviewLibrary",
                                       "no reason given (the connection may have been lost)");
}

/** Whether the file starts with SQLite's header, "SQLite format 3" and a NUL. */
bool isSqliteFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) && file.read(16) == QByteArray("SQLite format 3", 16);
}

/** Whether a read-only connection can read: a WAL library needs its -shm file or its folder. */
bool canReadWalLibrary(const QSqlDatabase &database)
{
    QSqlQuery query(database);
    return query.exec(u"SELECT count(*) FROM sqlite_master"_s);
}

Error sqlError(const QSqlError &error, const QString &what)
{
    return Error {
        u"library.sql"_s,
        QCoreApplication::translate("nianbao::ReviewLibrary", "The review library could not %1: %2")
            .arg(what, reasonOf(error)),
        {}};
}

/** Prepares and runs a statement with named placeholders. */
Result<QSqlQuery> run(const QSqlDatabase &database, const QString &sql,
                      const QVariantHash &values = {})
{
    QSqlQuery query(database);
    // Rows are read once, in order: no cache of every row read (a list of 100,000 reports).
    query.setForwardOnly(true);
    // PostgreSQL cannot prepare DDL; statements without values run directly.
    if (values.isEmpty()) {
        if (!query.exec(sql))
            return sqlError(
                query.lastError(),
                QCoreApplication::translate("nianbao::ReviewLibrary", "run a statement"));
        return query;
    }
    if (!query.prepare(sql))
        return sqlError(
            query.lastError(),
            QCoreApplication::translate("nianbao::ReviewLibrary", "prepare a statement"));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        query.bindValue(u':' + it.key(), it.value());
    if (!query.exec())
        return sqlError(query.lastError(),
                        QCoreApplication::translate("nianbao::ReviewLibrary", "run a statement"));
    return query;
}

/** How long a change waits for another program's change to the same SQLite library. */
constexpr int kBusyTimeoutMs = 30000;

/** The PostgreSQL advisory lock that lets one read-then-insert change run at a time. */
constexpr qint64 kPostgresWriterLock = 0x6e69616e62616f; // "nianbao"

/**
 * A write transaction that rolls back unless committed, so every early return leaves the
 * library as it was. On SQLite it begins IMMEDIATE, taking the write lock before it reads and
 * waiting up to the busy timeout while another program writes. QSqlDatabase::transaction()
 * begins a deferred one, which reads first and then, in WAL mode, fails at once with
 * "database is locked" when another connection wrote in between: SQLite cannot wait there.
 */
class Transaction
{
public:
    /** Who may write beside this transaction; on SQLite every writer goes one at a time. */
    enum class Writers {
        Concurrent, ///< PostgreSQL keeps them apart with row locks and the version check
        OneAtATime, ///< reads what is there, then creates what is missing: PostgreSQL too
    };

    Transaction(const QSqlDatabase &database, bool postgres)
        : m_database(database)
        , m_postgres(postgres)
    { }
    ~Transaction()
    {
        if (m_open)
            end(false);
    }
    Q_DISABLE_COPY_MOVE(Transaction)

    Result<void> begin(Writers writers = Writers::Concurrent)
    {
        m_open = start();
        bool ready = m_open;
        if (ready && m_postgres && writers == Writers::OneAtATime)
            ready = exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kPostgresWriterLock));
        if (!ready)
            return sqlError(
                m_error, QCoreApplication::translate("nianbao::ReviewLibrary", "begin a change"));
        return {};
    }
    Result<void> commit()
    {
        // A failed COMMIT can leave the transaction open: the destructor then rolls it back.
        if (!end(true))
            return sqlError(m_error,
                            QCoreApplication::translate("nianbao::ReviewLibrary", "commit"));
        m_open = false;
        return {};
    }

private:
    bool start()
    {
        return m_postgres ? checked(m_database.transaction()) : exec(u"BEGIN IMMEDIATE"_s);
    }
    bool end(bool commit)
    {
        if (m_postgres)
            return checked(commit ? m_database.commit() : m_database.rollback());
        return exec(commit ? u"COMMIT"_s : u"ROLLBACK"_s);
    }
    bool exec(const QString &sql)
    {
        QSqlQuery query(m_database);
        if (query.exec(sql))
            return true;
        m_error = query.lastError();
        return false;
    }
    bool checked(bool done)
    {
        if (!done)
            m_error = m_database.lastError();
        return done;
    }

    QSqlDatabase m_database;
    bool m_postgres;
    bool m_open = false;
    QSqlError m_error;
};

QVariant optionalValue(const std::optional<double> &value)
{
    return value ? QVariant(*value) : QVariant(QMetaType::fromType<double>());
}

std::optional<double> optionalDouble(const QVariant &value)
{
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

QVariant spanPart(const SourceSpan &span, bool start)
{
    if (!span.isValid())
        return QVariant(QMetaType::fromType<int>());
    return start ? span.start : span.end;
}

SourceSpan spanOf(const QVariant &start, const QVariant &end)
{
    if (start.isNull() || end.isNull())
        return {};
    return SourceSpan {start.toInt(), end.toInt()};
}

QString errorsJson(const QList<Error> &errors)
{
    QJsonArray array;
    for (const Error &error : errors)
        array.append(QJsonObject {{u"code"_s, error.code}, {u"message"_s, error.message}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<Error> errorsFromJson(const QString &json)
{
    QList<Error> errors;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        errors.append(Error {object[u"code"_s].toString(), object[u"message"_s].toString(), {}});
    }
    return errors;
}

CellState stateOf(const QVariant &name)
{
    return cellStateFromName(name.toString()).value_or(CellState::Missing);
}

/** A report's tied segmentations (rows whose fused digits split in several ways), as JSON. */
QString splitChoicesJson(const QList<SplitChoice> &choices)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QJsonArray array;
    for (const SplitChoice &choice : choices) {
        QJsonArray cells;
        for (int cell : choice.cells)
            cells.append(reportTemplate.cells()[cell].key.toString());
        QJsonArray candidates;
        for (const QList<double> &candidate : choice.candidates) {
            QJsonArray values;
            for (double value : candidate)
                values.append(value);
            candidates.append(values);
        }
        array.append(QJsonObject {{u"cells"_s, cells},
                                  {u"candidates"_s, candidates},
                                  {u"span"_s, QJsonArray {choice.span.start, choice.span.end}},
                                  {u"run"_s, choice.run},
                                  {u"by_text"_s, choice.byText},
                                  {u"by_plausibility"_s, choice.byPlausibility}});
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QJsonArray cellKeysJson(const QList<int> &cells)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QJsonArray keys;
    for (int cell : cells)
        keys.append(reportTemplate.cells()[cell].key.toString());
    return keys;
}

/** The cells `keys` name, or nullopt when one is not this template's. */
std::optional<QList<int>> cellsFromKeys(const QJsonArray &keys)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QList<int> cells;
    for (const auto &key : keys) {
        const int cell = reportTemplate.cellIndex(CellKey(key.toString()));
        if (cell < 0)
            return std::nullopt;
        cells.append(cell);
    }
    return cells;
}

/** What the narrative states beyond one figure (予以公开及部分公开42件, 占51.85%), as JSON. */
QString relationsJson(const QList<StatedRelation> &relations)
{
    QJsonArray array;
    for (const StatedRelation &relation : relations) {
        QJsonObject object {
            {u"rule"_s, relation.rule},
            {u"cells"_s, cellKeysJson(relation.cells)},
            {u"value"_s, relation.value},
            {u"text"_s, relation.text},
            {u"span"_s, QJsonArray {relation.span.start, relation.span.end}},
            {u"figure"_s, QJsonArray {relation.figureSpan.start, relation.figureSpan.end}}};
        if (relation.percent) {
            object.insert(u"percent"_s, *relation.percent);
            object.insert(u"decimals"_s, relation.decimals);
            object.insert(u"whole"_s, cellKeysJson(relation.whole));
        }
        array.append(object);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<StatedRelation> relationsFromJson(const QString &json)
{
    QList<StatedRelation> relations;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const auto &value : array) {
        const QJsonObject object = value.toObject();
        const std::optional<QList<int>> cells = cellsFromKeys(object[u"cells"_s].toArray());
        const std::optional<QList<int>> whole = cellsFromKeys(object[u"whole"_s].toArray());
        if (!cells || !whole)
            continue; // written by another template: its cells are not this form's
        StatedRelation relation;
        relation.rule = object[u"rule"_s].toString();
        relation.cells = *cells;
        relation.whole = *whole;
        relation.value = object[u"value"_s].toDouble();
        relation.text = object[u"text"_s].toString();
        const QJsonArray span = object[u"span"_s].toArray();
        relation.span = SourceSpan {span.at(0).toInt(-1), span.at(1).toInt(-1)};
        const QJsonArray figure = object[u"figure"_s].toArray();
        relation.figureSpan = SourceSpan {figure.at(0).toInt(-1), figure.at(1).toInt(-1)};
        if (object.contains(u"percent"_s)) {
            relation.percent = object[u"percent"_s].toDouble();
            relation.decimals = object[u"decimals"_s].toInt();
        }
        relations.append(relation);
    }
    return relations;
}

QList<SplitChoice> splitChoicesFromJson(const QString &json)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    QList<SplitChoice> choices;
    for (const QJsonValue &value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonObject object = value.toObject();
        SplitChoice choice;
        for (const QJsonValue &key : object[u"cells"_s].toArray()) {
            const int cell = reportTemplate.cellIndex(CellKey(key.toString()));
            if (cell < 0)
                return {}; // written by another template: the cells still say "unreadable"
            choice.cells.append(cell);
        }
        for (const QJsonValue &candidate : object[u"candidates"_s].toArray()) {
            QList<double> values;
            for (const QJsonValue &v : candidate.toArray())
                values.append(v.toDouble());
            choice.candidates.append(values);
        }
        const QJsonArray span = object[u"span"_s].toArray();
        choice.span = SourceSpan {span.at(0).toInt(), span.at(1).toInt()};
        choice.run = object[u"run"_s].toString();
        choice.byText = object[u"by_text"_s].toBool();
        choice.byPlausibility = object[u"by_plausibility"_s].toBool();
        const bool wellFormed = std::all_of(choice.candidates.begin(), choice.candidates.end(),
                                            [&](const QList<double> &candidate) {
                                                return candidate.size() == choice.cells.size();
                                            });
        if (!wellFormed)
            return {};
        choices.append(choice);
    }
    return choices;
}

/** Points kept in tenths: a box on the page needs no finer grain, and integers pack shorter. */
constexpr qreal kPointTenths = 10;

int tenths(qreal points)
{
    return qRound(points * kPointTenths);
}

/** The numbers stored for each region, in this order (see pagesText()). */
constexpr int kRegionFields = 8;

/**
 * Where a paged report's text stands, packed as compact JSON for one column: `sizes` (width,
 * height of each page), `ocr` (zero-based pages OCR read) and `regions`, eight integers a region:
 * its start less the previous region's end, its length, page, x, y, width, height and OCR
 * confidence. Points are in tenths. Some 27 bytes a region: the real 5-page PDFs of
 * tests/data/real (340 regions) take 9 KB, about three times their text. NULL for reports
 * without pages.
 */
QVariant pagesText(const Report &report)
{
    if (report.pageSizes.isEmpty() && report.regions.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    QJsonArray sizes;
    for (const QSizeF &size : report.pageSizes)
        sizes << tenths(size.width()) << tenths(size.height());
    QJsonArray ocr;
    for (int page : report.ocrPages)
        ocr.append(page);
    QJsonArray regions;
    int previousEnd = 0;
    for (const PageRegion &region : report.regions) {
        regions << region.start - previousEnd << region.end - region.start << region.page
                << tenths(region.rect.x()) << tenths(region.rect.y()) << tenths(region.rect.width())
                << tenths(region.rect.height()) << region.confidence;
        previousEnd = region.end;
    }
    const QJsonObject pages {{u"sizes"_s, sizes}, {u"ocr"_s, ocr}, {u"regions"_s, regions}};
    return QString::fromUtf8(QJsonDocument(pages).toJson(QJsonDocument::Compact));
}

/** Unpacks pagesText() into the report; NULL or damaged text leaves it without pages. */
void readPages(const QString &text, Report &report)
{
    const QJsonObject pages = QJsonDocument::fromJson(text.toUtf8()).object();
    const QJsonArray sizes = pages[u"sizes"_s].toArray();
    for (qsizetype i = 0; i + 1 < sizes.size(); i += 2)
        report.pageSizes.append(
            QSizeF(sizes[i].toDouble() / kPointTenths, sizes[i + 1].toDouble() / kPointTenths));
    const QJsonArray ocr = pages[u"ocr"_s].toArray();
    for (const auto &page : ocr)
        report.ocrPages.append(page.toInt());
    const QJsonArray regions = pages[u"regions"_s].toArray();
    int previousEnd = 0;
    for (qsizetype i = 0; i + kRegionFields <= regions.size(); i += kRegionFields) {
        const auto field = [&](int at) {
            return regions[i + at].toInt();
        };
        PageRegion region;
        region.start = previousEnd + field(0);
        region.end = region.start + field(1);
        region.page = field(2);
        region.rect = QRectF(field(3) / kPointTenths, field(4) / kPointTenths,
                             field(5) / kPointTenths, field(6) / kPointTenths);
        region.confidence = field(7);
        report.regions.append(region);
        previousEnd = region.end;
    }
}

QString nextConnectionName()
{
    static std::atomic<int> counter {0};
    return u"nianbao-library-%1"_s.arg(counter++);
}

// The schema, version 1. Column names are written once, here and in the statements below.
const char *const kSchemaV1[] = {
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE documents (id %ID%, sha256 TEXT NOT NULL UNIQUE, path TEXT NOT NULL,"
    " encoding TEXT, agency TEXT, year INTEGER NOT NULL,"
    " text TEXT, errors TEXT, loaded INTEGER NOT NULL,"
    " imported_at TEXT NOT NULL, status TEXT NOT NULL, note TEXT,"
    " version BIGINT NOT NULL)",
    "CREATE TABLE cells (document_id BIGINT NOT NULL REFERENCES documents(id),"
    " cell_key TEXT NOT NULL, value DOUBLE PRECISION, state TEXT NOT NULL,"
    " extracted_value DOUBLE PRECISION, extracted_state TEXT NOT NULL,"
    " span_start INTEGER, span_end INTEGER, source_text TEXT,"
    " note TEXT, PRIMARY KEY (document_id, cell_key))",
    "CREATE TABLE statements (document_id BIGINT NOT NULL REFERENCES documents(id),"
    " position INTEGER NOT NULL, cell_key TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,"
    " text TEXT, span_start INTEGER, span_end INTEGER, figure_start INTEGER,"
    " figure_end INTEGER, PRIMARY KEY (document_id, position))",
    "CREATE TABLE corrections (id %ID%, document_id BIGINT NOT NULL REFERENCES documents(id),"
    " cell_key TEXT NOT NULL, previous_value DOUBLE PRECISION, previous_state TEXT NOT NULL,"
    " value DOUBLE PRECISION, state TEXT NOT NULL, reviewer TEXT,"
    " corrected_at TEXT NOT NULL)",
    "CREATE INDEX corrections_by_document ON corrections (document_id)",
};

// Version 2: the rows whose fused digits split in several tied ways, for the reviewer to choose.
const char *const kSchemaV2[] = {
    "ALTER TABLE documents ADD COLUMN split_choices TEXT",
};

// Version 3: the reviewer's changes of a report's agency and year, audited like corrections.
const char *const kSchemaV3[] = {
    "CREATE TABLE report_changes (id %ID%, document_id BIGINT NOT NULL REFERENCES documents(id),"
    " field TEXT NOT NULL, previous TEXT, value TEXT, reviewer TEXT, changed_at TEXT NOT NULL)",
    "CREATE INDEX report_changes_by_document ON report_changes (document_id)",
};

// Version 4: what the report list shows, kept with each report, so the list is one query and
// opens at once however many reports the library holds (NULL counts: not yet counted).
const char *const kSchemaV4[] = {
    "ALTER TABLE documents ADD COLUMN error_count INTEGER",
    "ALTER TABLE documents ADD COLUMN warning_count INTEGER",
    "ALTER TABLE documents ADD COLUMN unread_count INTEGER",
    "ALTER TABLE documents ADD COLUMN updated_at TEXT",
    "ALTER TABLE documents ADD COLUMN updated_by TEXT",
};

// Version 5: where the text stands on the pages of a PDF or scan, for the page view (NULL for
// formats without pages, and for reports imported before; see pagesText()).
const char *const kSchemaV5[] = {
    "ALTER TABLE documents ADD COLUMN pages TEXT",
};

// Version 6: the reviewer's decisions on findings, by the file's bytes and the finding's
// signature (its rule and cells), so that they outlive the report's removal and come back when
// the same file is imported again; the reviewer's agency aliases (a renamed department, a
// name written two ways), for pairing an agency's years; and what the narrative states beyond
// one figure (NULL for reports imported before: their relations are read when imported again).
const char *const kSchemaV6[] = {
    "CREATE TABLE finding_decisions (sha256 TEXT NOT NULL, signature TEXT NOT NULL,"
    " state TEXT NOT NULL, reason TEXT, reviewer TEXT, decided_at TEXT NOT NULL,"
    " PRIMARY KEY (sha256, signature))",
    "CREATE TABLE agency_aliases (alias TEXT PRIMARY KEY, agency TEXT NOT NULL)",
    "ALTER TABLE documents ADD COLUMN relations TEXT",
};

// Version 7 (findings): each report's counted findings (rule, severity, where the fault lies,
// signature, cells as template indices separated by spaces), replaced whenever its counts are
// stored, and its cells the source leaves blank (CountedDetail::missing), for the overview of the
// library. NULL missing_count: the report's findings are not stored yet (imported before;
// fillStoredFindings() or opening the report stores them). The index covers what the overview
// reads of every report, as documents_summary does for the list.
// (Statements written over several lines are parenthesized: clang takes a concatenation in a
// list of statements for a missing comma.)
const char *const kSchemaV7Findings[] = {
    ("CREATE TABLE document_findings (document_id BIGINT NOT NULL REFERENCES documents(id),"
     " position INTEGER NOT NULL, rule TEXT NOT NULL, severity TEXT NOT NULL,"
     " fault TEXT NOT NULL, signature TEXT NOT NULL, cells TEXT NOT NULL,"
     " PRIMARY KEY (document_id, position))"),
    "ALTER TABLE documents ADD COLUMN missing_count INTEGER",
    ("CREATE INDEX documents_overview ON documents (id, path, agency, year, error_count,"
     " warning_count, unread_count, missing_count)"),
};

/** The statement storing one counted finding; its values come from findingValues(). */
const char *const kInsertFinding
    = "INSERT INTO document_findings (document_id, position, rule, severity, fault, signature,"
      " cells) VALUES (:id, :position, :rule, :severity, :fault, :signature, :cells)";

QString cellsText(const QList<int> &cells)
{
    QStringList numbers;
    numbers.reserve(cells.size());
    for (int cell : cells)
        numbers.append(QString::number(cell));
    return numbers.join(u' ');
}

QVariantHash findingValues(qint64 id, int position, const CountedFinding &finding)
{
    return {{u"id"_s, id},
            {u"position"_s, position},
            {u"rule"_s, finding.rule},
            {u"severity"_s, severityName(finding.severity)},
            {u"fault"_s, faultName(finding.fault)},
            {u"signature"_s, finding.signature},
            {u"cells"_s, cellsText(finding.cells)}};
}

// Version 7 (roll-up, issue 16 item 2): which report is the summary of which units (a
// government and its departments, a county and its townships), as the reviewer marked them.
const char *const kSchemaV7Rollup[] = {
    "CREATE TABLE rollup_units (summary_id BIGINT NOT NULL REFERENCES documents(id),"
    " unit_id BIGINT NOT NULL REFERENCES documents(id), PRIMARY KEY (summary_id, unit_id))",
    "CREATE INDEX rollup_units_by_unit ON rollup_units (unit_id)",
};

// A report leaves every set it belongs to, as summary or as unit.
const char *const kDeleteRollupMemberships[] = {
    "DELETE FROM rollup_units WHERE summary_id = :id",
    "DELETE FROM rollup_units WHERE unit_id = :id",
};

// Covering: the list is read from the index alone, never from rows that hold whole texts (a
// list of 100,000 reports read through the rows took 1.6 s, through the index 0.1 s).
const char *const kSummaryIndex
    = "CREATE INDEX documents_summary ON documents (id, path, agency, year, status, version,"
      " error_count, warning_count, unread_count, updated_by, updated_at)";

QVariant countValue(const std::optional<ReviewCounts> &counts, int ReviewCounts::*field)
{
    return counts ? QVariant((*counts).*field) : QVariant(QMetaType(QMetaType::Int));
}

QString utcNow()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

// Deleting a report deletes what refers to it first (foreign keys are on).
const char *const kDeleteReport[] = {
    "DELETE FROM document_findings WHERE document_id = :id",
    "DELETE FROM report_changes WHERE document_id = :id",
    "DELETE FROM corrections WHERE document_id = :id",
    "DELETE FROM statements WHERE document_id = :id",
    "DELETE FROM cells WHERE document_id = :id",
    "DELETE FROM documents WHERE id = :id",
};

} // namespace

ReviewLibrary::ReviewLibrary(QString location, QString connection)
    : m_location(std::move(location))
    , m_connection(std::move(connection))
{ }

ReviewLibrary::~ReviewLibrary()
{
    {
        QSqlDatabase database = QSqlDatabase::database(m_connection, false);
        if (database.isOpen())
            database.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString ReviewLibrary::defaultLocation()
{
    // Shared by the window and nianbao-cli, whatever each one's application name.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    return folder % u"/nianbao/library.sqlite"_s;
}

bool ReviewLibrary::isPostgres() const
{
    return isPostgresLocation(m_location);
}

QSqlDatabase ReviewLibrary::database() const
{
    return QSqlDatabase::database(m_connection, false);
}

Result<std::unique_ptr<ReviewLibrary>> ReviewLibrary::open(const QString &location,
                                                           LibraryAccess access)
{
    Result<void> valid = checkLocation(location, access);
    if (!valid)
        return valid.error();
    std::unique_ptr<ReviewLibrary> library(new ReviewLibrary(location, nextConnectionName()));
    Result<void> connected = library->connect(access);
    if (!connected)
        return connected.error();
    // Before anything is written: another application's database is left as it is.
    Result<void> ours = library->checkIsNianbaoLibrary();
    if (!ours)
        return ours.error();
    if (access == LibraryAccess::ReadOnly) {
        Result<void> readable = library->checkReadableSchema();
        if (!readable)
            return readable.error();
        return library;
    }
    if (!library->isPostgres()) {
        // WAL: a committed edit survives the program being killed; readers never block writers.
        for (const QString &pragma : {u"PRAGMA journal_mode=WAL"_s, u"PRAGMA synchronous=NORMAL"_s,
                                      u"PRAGMA foreign_keys=ON"_s}) {
            Result<QSqlQuery> done = run(library->database(), pragma);
            if (!done)
                return done.error();
        }
    }
    Result<void> migrated = library->migrate();
    if (!migrated)
        return migrated.error();
    return library;
}

bool ReviewLibrary::isPostgresLocation(const QString &location)
{
    // By the URL's scheme: a file named postgres-backup.sqlite is a SQLite library.
    static const QRegularExpression scheme(u"^postgres(ql)?://"_s,
                                           QRegularExpression::CaseInsensitiveOption);
    return scheme.match(location).hasMatch();
}

QString ReviewLibrary::displayLocation(const QString &location)
{
    if (!isPostgresLocation(location))
        return location;
    return QUrl(location).toDisplayString(QUrl::RemovePassword);
}

Result<void> ReviewLibrary::checkLocation(const QString &location, LibraryAccess access)
{
    if (location.isEmpty())
        return Error {u"library.location"_s, tr("No review library was named"), {}};
    if (isPostgresLocation(location)) {
        const QUrl url(location, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.path().size() < 2)
            return Error {u"library.location"_s,
                          tr("%1 is not a PostgreSQL URL of the form "
                             "postgresql://user:password@host[:port]/database")
                              .arg(displayLocation(location)),
                          {}};
        return {};
    }
    if (location.contains(u"://"))
        return Error {u"library.location"_s,
                      tr("%1: a review library is a SQLite file or a postgresql:// URL; the "
                         "scheme %2 is not supported")
                          .arg(location, location.section(u"://"_s, 0, 0)),
                      {}};
    const QFileInfo file(location);
    if (file.exists() && !file.isFile())
        return Error {u"library.location"_s,
                      tr("%1 is not a file, so it cannot be a review library").arg(location),
                      {}};
    if (!file.exists() && access == LibraryAccess::ReadOnly)
        return Error {u"library.missing"_s,
                      tr("There is no review library at %1 (reading it creates none; check the "
                         "name, or import reports into it first)")
                          .arg(location),
                      {}};
    if (file.exists() && file.size() > 0 && !isSqliteFile(location))
        return Error {u"library.not_a_library"_s,
                      tr("%1 is not a SQLite database, so it is not a Nianbao review library; "
                         "it was left as it is")
                          .arg(location),
                      {}};
    if (!file.exists())
        return prepareSqliteFolder(location);
    if (access == LibraryAccess::ReadWrite)
        return checkWritable(location);
    return {};
}

Result<void> ReviewLibrary::checkWritable(const QString &location)
{
    // SQLite writes beside the file (its -wal and -shm files), so the folder must be writable.
    const QString folder = QFileInfo(location).absolutePath();
    const QString blocked = !QFileInfo(location).isWritable() ? location
        : !QFileInfo(folder).isWritable()                     ? folder
                                                              : QString();
    if (blocked.isEmpty())
        return {};
    return Error {u"library.read_only"_s,
                  tr("The review library %1 is read-only here (%2 is not writable): it can be "
                     "exported, but nothing can be imported into it or changed")
                      .arg(location, blocked),
                  {}};
}

Result<void> ReviewLibrary::prepareSqliteFolder(const QString &location)
{
    const QString folder = QFileInfo(location).absolutePath();
    if (QDir().mkpath(folder) && QFileInfo(folder).isWritable())
        return {};
    // Name the folder that stands in the way: the deepest one that exists.
    QString existing = folder;
    while (!QFileInfo::exists(existing) && existing != QDir(existing).absoluteFilePath(u".."_s))
        existing = QFileInfo(existing).absolutePath();
    const QString reason = !QFileInfo(existing).isDir()
        ? tr("%1 is a file, not a folder").arg(existing)
        : tr("%1 is not writable").arg(existing);
    return Error {u"library.folder"_s,
                  tr("Cannot create the review library %1: %2").arg(location, reason),
                  {}};
}

Result<void> ReviewLibrary::connect(LibraryAccess access)
{
    const bool postgres = isPostgres();
    QSqlDatabase database
        = QSqlDatabase::addDatabase(postgres ? u"QPSQL"_s : u"QSQLITE"_s, m_connection);
    if (!database.isValid())
        return Error {u"library.driver"_s,
                      tr("The Qt Sql driver for %1 is not installed (package %2)")
                          .arg(postgres ? u"PostgreSQL"_s : u"SQLite"_s,
                               postgres ? u"libqt6sql6-psql"_s : u"libqt6sql6-sqlite"_s),
                      {}};
    if (postgres) {
        const QUrl url(m_location);
        database.setHostName(url.host());
        database.setPort(url.port(5432));
        database.setUserName(url.userName());
        database.setPassword(url.password());
        database.setDatabaseName(url.path().mid(1));
        // A server that does not answer at all fails the open instead of hanging it.
        database.setConnectOptions(u"connect_timeout=%1"_s.arg(kPostgresConnectTimeoutS));
        return openConnection();
    }
    database.setDatabaseName(m_location);
    // Another program's change (an import, a second window) makes this one wait, not fail.
    QString options = u"QSQLITE_BUSY_TIMEOUT=%1"_s.arg(kBusyTimeoutMs);
    if (access == LibraryAccess::ReadOnly)
        options += u";QSQLITE_OPEN_READONLY"_s;
    database.setConnectOptions(options);
    Result<void> opened = openConnection();
    if (!opened || access == LibraryAccess::ReadWrite || canReadWalLibrary(database))
        return opened;
    // A WAL library in a folder nobody may write to: its -shm file cannot be made, so it is
    // read as an immutable file, which nobody can change meanwhile anyway.
    database.close();
    database.setDatabaseName(u"file:"_s
                             % QString::fromLatin1(QUrl::toPercentEncoding(m_location, "/"))
                             % u"?immutable=1"_s);
    database.setConnectOptions(options + u";QSQLITE_OPEN_URI"_s);
    return openConnection();
}

Result<void> ReviewLibrary::openConnection()
{
    QSqlDatabase database = this->database();
    if (database.open())
        return {};
    return Error {u"library.open"_s,
                  tr("Cannot open the review library %1: %2")
                      .arg(displayLocation(m_location), reasonOf(database.lastError())),
                  {}};
}

bool ReviewLibrary::isConnected() const
{
    QSqlQuery query(database());
    return query.exec(u"SELECT 1"_s);
}

Result<void> ReviewLibrary::reconnect()
{
    database().close();
    return openConnection();
}

Result<void> ReviewLibrary::checkIsNianbaoLibrary() const
{
    const QStringList tables = database().tables();
    if (tables.isEmpty())
        return {}; // a new library
    if (tables.contains(u"meta"_s) && schemaVersion() > 0)
        return {};
    QStringList shown = tables.mid(0, kTablesNamed);
    if (tables.size() > kTablesNamed)
        shown.append(u"…"_s);
    return Error {u"library.not_a_library"_s,
                  tr("%1 is a database of another application (tables: %2), not a Nianbao "
                     "review library; it was left as it is. Choose another --library.")
                      .arg(displayLocation(m_location), shown.join(u", "_s)),
                  {}};
}

Result<void> ReviewLibrary::checkReadableSchema() const
{
    const int version = schemaVersion();
    const Result<SchemaAge> age = checkSchemaVersion(version);
    if (!age)
        return age.error();
    if (age.value() == SchemaAge::Current)
        return {};
    if (version == 0)
        return Error {u"library.empty"_s,
                      tr("The review library %1 is empty: no report was ever imported into it")
                          .arg(displayLocation(m_location)),
                      {}};
    return Error {u"library.outdated"_s,
                  tr("The review library %1 was written by an older Nianbao (schema %2); import "
                     "into it or open it in the window once to update it, then read it again")
                      .arg(displayLocation(m_location))
                      .arg(version),
                  {}};
}

int ReviewLibrary::schemaVersion() const
{
    // A failed statement spoils a PostgreSQL transaction, so a new library is not queried.
    if (!database().tables().contains(u"meta"_s))
        return 0;
    QSqlQuery query(database());
    if (!query.exec(u"SELECT value FROM meta WHERE key = 'schema_version'"_s) || !query.next())
        return 0;
    return query.value(0).toInt();
}

Result<void> ReviewLibrary::createSchemaV1()
{
    const QString id = isPostgres() ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY"_s;
    for (const char *statement : kSchemaV1) {
        Result<QSqlQuery> done
            = run(database(), QString::fromLatin1(statement).replace(u"%ID%"_s, id));
        if (!done)
            return done.error();
    }
    return {};
}

Result<void> ReviewLibrary::createSchemaV3()
{
    const QString id = isPostgres() ? u"BIGSERIAL PRIMARY KEY"_s : u"INTEGER PRIMARY KEY"_s;
    for (const char *statement : kSchemaV3) {
        Result<QSqlQuery> done
            = run(database(), QString::fromLatin1(statement).replace(u"%ID%"_s, id));
        if (!done)
            return done.error();
    }
    return {};
}

Result<ReviewLibrary::SchemaAge> ReviewLibrary::checkSchemaVersion(int version) const
{
    if (version > kSchemaVersion)
        return Error {u"library.too_new"_s,
                      tr("The review library %1 was written by a newer Nianbao (schema %2; this "
                         "version reads up to %3)")
                          .arg(displayLocation(m_location))
                          .arg(version)
                          .arg(kSchemaVersion),
                      {}};
    return version == kSchemaVersion ? SchemaAge::Current : SchemaAge::Older;
}

Result<void> ReviewLibrary::migrate()
{
    // The usual case, an up-to-date library, needs no write lock.
    Result<SchemaAge> age = checkSchemaVersion(schemaVersion());
    if (!age)
        return age.error();
    if (age.value() == SchemaAge::Current)
        return {};
    // Every step runs in one transaction: a failed migration leaves the old schema intact.
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin(Transaction::Writers::OneAtATime);
    if (!begun)
        return begun;
    // Read again under the lock: another program opening the same new library may have
    // created the schema meanwhile.
    const int from = schemaVersion();
    age = checkSchemaVersion(from);
    if (!age)
        return age.error();
    if (age.value() == SchemaAge::Older) {
        Result<void> migrated = migrateFrom(from);
        if (!migrated)
            return migrated;
    }
    return transaction.commit();
}

Result<void> ReviewLibrary::migrateFrom(int from)
{
    if (from < 1) {
        Result<void> created = createSchemaV1();
        if (!created)
            return created;
    }
    if (from < 2) {
        for (const char *statement : kSchemaV2) {
            Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
            if (!done)
                return done.error();
        }
    }
    if (from < 3) {
        Result<void> created = createSchemaV3();
        if (!created)
            return created;
    }
    if (from < 4) {
        for (const char *statement : kSchemaV4) {
            Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
            if (!done)
                return done.error();
        }
        Result<QSqlQuery> indexed = run(database(), QString::fromLatin1(kSummaryIndex));
        if (!indexed)
            return indexed.error();
    }
    if (from < 5) {
        for (const char *statement : kSchemaV5) {
            Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
            if (!done)
                return done.error();
        }
    }
    if (from < 6) {
        for (const char *statement : kSchemaV6) {
            Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
            if (!done)
                return done.error();
        }
    }
    if (from < 7) {
        Result<void> added = migrateToV7Findings();
        if (!added)
            return added;
        Result<void> created = createRollupSchema();
        if (!created)
            return created;
    }
    Result<QSqlQuery> versioned = run(database(),
                                      from == 0 ? u"INSERT INTO meta (key, value) VALUES "
                                                  "('schema_version', :version)"_s
                                                : u"UPDATE meta SET value = :version WHERE key = "
                                                  "'schema_version'"_s,
                                      {{u"version"_s, QString::number(kSchemaVersion)}});
    if (!versioned)
        return versioned.error();
    return {};
}

Result<void> ReviewLibrary::migrateToV7Findings()
{
    for (const char *statement : kSchemaV7Findings) {
        Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
        if (!done)
            return done.error();
    }
    return {};
}

QList<ReviewLibrary::Statement> ReviewLibrary::detailStatements(qint64 id,
                                                                const CountedDetail &detail)
{
    QList<Statement> statements {
        {u"DELETE FROM document_findings WHERE document_id = :id"_s, {{u"id"_s, id}}},
        {u"UPDATE documents SET missing_count = :missing WHERE id = :id"_s,
         {{u"missing"_s, detail.missing}, {u"id"_s, id}}}};
    for (int position = 0; position < detail.findings.size(); ++position)
        statements.append({QString::fromLatin1(kInsertFinding),
                           findingValues(id, position, detail.findings[position])});
    return statements;
}

Result<void> ReviewLibrary::runStatements(const QList<Statement> &statements)
{
    for (const Statement &statement : statements) {
        Result<QSqlQuery> done = run(database(), statement.sql, statement.values);
        if (!done)
            return done.error();
    }
    return {};
}

Result<QList<qint64>> ReviewLibrary::reportsWithoutFindings() const
{
    Result<QSqlQuery> query
        = run(database(), u"SELECT id FROM documents WHERE missing_count IS NULL ORDER BY id"_s);
    if (!query)
        return query.error();
    QList<qint64> ids;
    while (query.value().next())
        ids.append(query.value().value(0).toLongLong());
    return ids;
}

Result<QList<OverviewDocument>> ReviewLibrary::overviewDocuments() const
{
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT id, path, agency, year, error_count, warning_count,"
                                  " unread_count, missing_count FROM documents ORDER BY id"_s);
    if (!query)
        return query.error();
    QList<OverviewDocument> documents;
    QSqlQuery &row = query.value();
    while (row.next()) {
        OverviewDocument document;
        document.id = row.value(0).toLongLong();
        document.path = row.value(1).toString();
        document.agency = row.value(2).toString();
        document.year = row.value(3).toInt();
        if (!row.isNull(4) && !row.isNull(5) && !row.isNull(6))
            document.counts
                = ReviewCounts {row.value(4).toInt(), row.value(5).toInt(), row.value(6).toInt()};
        if (!row.isNull(7))
            document.missing = row.value(7).toInt();
        documents.append(std::move(document));
    }
    return documents;
}

Result<QList<StoredFinding>> ReviewLibrary::storedFindings() const
{
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT document_id, rule, severity, fault,"
                                  " signature, cells FROM document_findings"
                                  " ORDER BY document_id, position"_s);
    if (!query)
        return query.error();
    QList<StoredFinding> findings;
    QSqlQuery &row = query.value();
    const QString warning = severityName(Severity::Warning);
    const QString reading = faultName(Fault::Reading);
    while (row.next()) {
        StoredFinding stored;
        stored.document = row.value(0).toLongLong();
        CountedFinding &finding = stored.finding;
        finding.rule = row.value(1).toString();
        // Only errors and warnings are counted, hence kept.
        finding.severity = row.value(2).toString() == warning ? Severity::Warning : Severity::Error;
        finding.fault = row.value(3).toString() == reading ? Fault::Reading : Fault::Source;
        finding.signature = row.value(4).toString();
        const QString cells = row.value(5).toString();
        for (QStringView cell : QStringView(cells).split(u' ', Qt::SkipEmptyParts))
            finding.cells.append(cell.toInt());
        findings.append(std::move(stored));
    }
    return findings;
}

Result<QHash<qint64, QSet<QString>>> ReviewLibrary::dismissedSignatures() const
{
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT d.id, f.signature FROM finding_decisions f"
              " JOIN documents d ON d.sha256 = f.sha256 WHERE f.state = :state"_s,
              {{u"state"_s, decisionStateKey(DecisionState::Dismissed)}});
    if (!query)
        return query.error();
    QHash<qint64, QSet<QString>> dismissed;
    QSqlQuery &row = query.value();
    while (row.next())
        dismissed[row.value(0).toLongLong()].insert(row.value(1).toString());
    return dismissed;
}

Result<QHash<qint64, QHash<QString, std::optional<double>>>>
ReviewLibrary::cellValues(const QList<qint64> &ids, const QStringList &cells) const
{
    QHash<qint64, QHash<QString, std::optional<double>>> values;
    if (ids.isEmpty() || cells.isEmpty())
        return values;
    // Ids are numbers and keys the template's, so both go into the statement as text.
    QStringList idList;
    for (qint64 id : ids)
        idList.append(QString::number(id));
    QStringList keyList;
    for (const QString &cell : cells) {
        if (ReportTemplate::standard().cellIndex(CellKey(cell)) < 0)
            return unknownCellError(cell);
        keyList.append(u'\'' + cell + u'\'');
    }
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT document_id, cell_key, value FROM cells WHERE document_id IN ("_s
                  + idList.join(u',') + u") AND cell_key IN ("_s + keyList.join(u',') + u')');
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    while (row.next())
        values[row.value(0).toLongLong()].insert(row.value(1).toString(),
                                                 optionalDouble(row.value(2)));
    return values;
}

Result<qint64> ReviewLibrary::idOf(const QByteArray &sha256) const
{
    Result<QSqlQuery> query = run(database(), u"SELECT id FROM documents WHERE sha256 = :sha256"_s,
                                  {{u"sha256"_s, QString::fromLatin1(sha256.toHex())}});
    if (!query)
        return query.error();
    return query.value().next() ? query.value().value(0).toLongLong() : 0;
}

Result<bool> ReviewLibrary::contains(const QByteArray &sha256) const
{
    const Result<qint64> id = idOf(sha256);
    if (!id)
        return id.error();
    return id.value() != 0;
}

/**
 * The statements that store a report, prepared once for all the reports of one transaction
 * rather than for each (a report has some 200 cells; parsing the statements again for each
 * report, and binding its values by name, took a good part of an import's time).
 */
class ReviewLibrary::InsertQueries final
{
public:
    explicit InsertQueries(const QSqlDatabase &database)
        : find(database)
        , document(database)
        , cell(database)
        , cells(database)
        , statement(database)
        , finding(database)
    { }
    Q_DISABLE_COPY_MOVE(InsertQueries)

    /** Cells stored by one statement: one statement a row took most of an import's time. */
    static constexpr int kCellRows = 50;
    /** The columns of a cell that are bound, in the order cellValues() gives them. */
    static constexpr int kCellColumns = 9;

    Result<void> prepare(bool postgres)
    {
        find.setForwardOnly(true);
        const QString insertDocument
            = u"INSERT INTO documents (sha256, path, encoding, agency, year, text, errors, loaded,"
              " imported_at, status, note, version, split_choices, error_count, warning_count,"
              " unread_count, updated_at, pages, relations, missing_count) VALUES (:sha256, :path,"
              " :encoding, :agency, :year, :text, :errors, :loaded, :imported_at, :status, '', 1,"
              " :split_choices, :error_count, :warning_count, :unread_count, :imported_at, :pages,"
              " :relations, :missing_count)"_s
            + (postgres ? u" RETURNING id"_s : QString());
        const bool prepared = find.prepare(u"SELECT id FROM documents WHERE sha256 = :sha256"_s)
            && document.prepare(insertDocument) && cell.prepare(insertCells(1, cellPlaceholders))
            && cells.prepare(insertCells(kCellRows, cellsPlaceholders))
            && statement.prepare(u"INSERT INTO statements (document_id, position, cell_key,"
                                 " value, text, span_start, span_end, figure_start, figure_end)"
                                 " VALUES (:id, :position, :key, :value, :text, :span_start,"
                                 " :span_end, :figure_start, :figure_end)"_s)
            && finding.prepare(QString::fromLatin1(kInsertFinding));
        if (!prepared) {
            for (const QSqlQuery *query : {&find, &document, &cell, &cells, &statement, &finding}) {
                if (query->lastError().isValid())
                    return sqlError(query->lastError(), tr("prepare a statement"));
            }
            return sqlError(QSqlError(), tr("prepare a statement"));
        }
        return {};
    }

    /** The values of cell `index` of report `id`, as the cells statements bind them. */
    static std::array<QVariant, kCellColumns> cellValues(qint64 id, int index,
                                                         const CellValue &cell)
    {
        return {id,
                ReportTemplate::standard().cells()[index].key.toString(),
                optionalValue(cell.value),
                cellStateName(cell.state),
                optionalValue(cell.extractedValue),
                cellStateName(cell.extractedState),
                spanPart(cell.span, true),
                spanPart(cell.span, false),
                cell.sourceText};
    }

    QSqlQuery find;
    QSqlQuery document;
    QSqlQuery cell; ///< one cell
    QSqlQuery cells; ///< kCellRows cells
    QSqlQuery statement;
    QSqlQuery finding;
    QStringList cellPlaceholders; ///< cell's, column by column
    QStringList cellsPlaceholders; ///< cells', row by row, then column by column

private:
    /** The statement storing `rows` cells; their placeholders are named in `names`. */
    static QString insertCells(int rows, QStringList &names)
    {
        static const char *const kColumns[kCellColumns] = {
            "id",         "key",      "value",      "state", "extracted_value", "extracted_state",
            "span_start", "span_end", "source_text"};
        QString sql = u"INSERT INTO cells (document_id, cell_key, value, state, extracted_value,"
                      " extracted_state, span_start, span_end, source_text, note) VALUES "_s;
        for (int row = 0; row < rows; ++row) {
            sql += row == 0 ? u"("_s : u", ("_s;
            for (const char *column : kColumns) {
                // Each row's own names: a name used twice makes Qt bind every value again.
                names.append(u":"_s + QLatin1StringView(column) + u'_' + QString::number(row));
                sql += names.last() + u", "_s;
            }
            sql += u"'')"_s;
        }
        return sql;
    }
};

Result<ImportResult> ReviewLibrary::addReport(const Report &report, const QByteArray &sha256,
                                              std::optional<ReviewCounts> counts)
{
    // A batch of one: the same transaction, and the same check that the bytes are new.
    Result<QList<ImportResult>> added = addReports({NewReport {report, sha256, counts}});
    if (!added)
        return added.error();
    return added.value().front();
}

Result<QList<ImportResult>> ReviewLibrary::addReports(const std::vector<NewReport> &reports)
{
    // One import at a time decides whether these bytes are new, so none is stored twice.
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin(Transaction::Writers::OneAtATime);
    if (!begun)
        return begun.error();
    InsertQueries queries(database());
    Result<void> prepared = queries.prepare(isPostgres());
    if (!prepared)
        return prepared.error();
    QList<ImportResult> results;
    results.reserve(qsizetype(reports.size()));
    for (const NewReport &report : reports) {
        Result<ImportResult> added
            = insertReport(queries, report.report, report.sha256, report.counts);
        if (!added)
            return added.error();
        results.append(added.value());
    }
    Result<void> committed = transaction.commit();
    if (!committed)
        return committed.error();
    return results;
}

Result<QSet<quint64>> ReviewLibrary::shortHashes() const
{
    // Read from the unique index on sha256 alone, never from the rows that hold whole texts.
    Result<QSqlQuery> query = run(database(), u"SELECT sha256 FROM documents"_s);
    if (!query)
        return query.error();
    QSet<quint64> hashes;
    while (query.value().next())
        hashes.insert(shortHash(QByteArray::fromHex(query.value().value(0).toString().toLatin1())));
    return hashes;
}

quint64 ReviewLibrary::shortHash(const QByteArray &sha256)
{
    quint64 hash = 0;
    for (qsizetype i = 0; i < std::min<qsizetype>(8, sha256.size()); ++i)
        hash = hash << 8 | quint8(sha256[i]);
    return hash;
}

Result<ImportResult> ReviewLibrary::insertReport(InsertQueries &queries, const Report &report,
                                                 const QByteArray &sha256,
                                                 const std::optional<ReviewCounts> &counts)
{
    const QString hash = QString::fromLatin1(sha256.toHex());
    QSqlQuery &find = queries.find;
    find.bindValue(u":sha256"_s, hash);
    if (!find.exec())
        return sqlError(find.lastError(), tr("run a statement"));
    const bool present = find.next();
    const qint64 existing = present ? find.value(0).toLongLong() : 0;
    find.finish();
    if (present)
        return ImportResult {existing, true};

    QSqlQuery &document = queries.document;
    const QString now = utcNow();
    document.bindValue(u":sha256"_s, hash);
    document.bindValue(u":path"_s, report.file);
    document.bindValue(u":encoding"_s, report.encoding);
    document.bindValue(u":agency"_s, report.agency);
    document.bindValue(u":year"_s, report.year);
    document.bindValue(u":text"_s, report.text);
    document.bindValue(u":errors"_s, errorsJson(report.errors));
    document.bindValue(u":split_choices"_s, splitChoicesJson(report.splitChoices));
    document.bindValue(u":pages"_s, pagesText(report));
    document.bindValue(u":relations"_s, relationsJson(report.relations));
    document.bindValue(u":loaded"_s, report.loaded ? 1 : 0);
    document.bindValue(u":imported_at"_s, now);
    document.bindValue(u":status"_s, reviewStatusKey(ReviewStatus::Unreviewed));
    document.bindValue(u":error_count"_s, countValue(counts, &ReviewCounts::errors));
    document.bindValue(u":warning_count"_s, countValue(counts, &ReviewCounts::warnings));
    document.bindValue(u":unread_count"_s, countValue(counts, &ReviewCounts::unread));
    const bool detailed = counts && counts->detail;
    document.bindValue(u":missing_count"_s,
                       detailed ? QVariant(counts->detail->missing)
                                : QVariant(QMetaType(QMetaType::Int)));
    if (!document.exec())
        return sqlError(document.lastError(), tr("run a statement"));
    const qint64 id = isPostgres() ? (document.next() ? document.value(0).toLongLong() : 0)
                                   : document.lastInsertId().toLongLong();
    document.finish();

    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    const int cellCount = std::min(reportTemplate.cellCount(), int(report.cells.size()));
    int c = 0;
    for (; c + InsertQueries::kCellRows <= cellCount; c += InsertQueries::kCellRows) {
        QSqlQuery &cells = queries.cells;
        for (int row = 0; row < InsertQueries::kCellRows; ++row) {
            const auto values
                = InsertQueries::cellValues(id, c + row, report.cells[size_t(c + row)]);
            for (int column = 0; column < InsertQueries::kCellColumns; ++column)
                cells.bindValue(
                    queries.cellsPlaceholders[row * InsertQueries::kCellColumns + column],
                    values[size_t(column)]);
        }
        if (!cells.exec())
            return sqlError(cells.lastError(), tr("store a cell"));
    }
    for (; c < cellCount; ++c) {
        QSqlQuery &cell = queries.cell;
        const auto values = InsertQueries::cellValues(id, c, report.cells[size_t(c)]);
        for (int column = 0; column < InsertQueries::kCellColumns; ++column)
            cell.bindValue(queries.cellPlaceholders[column], values[size_t(column)]);
        if (!cell.exec())
            return sqlError(cell.lastError(), tr("store a cell"));
    }
    QSqlQuery &statement = queries.statement;
    for (int s = 0; s < int(report.statements.size()); ++s) {
        const StatedFigure &figure = report.statements[s];
        statement.bindValue(u":id"_s, id);
        statement.bindValue(u":position"_s, s);
        statement.bindValue(u":key"_s, reportTemplate.cells()[figure.cell].key.toString());
        statement.bindValue(u":value"_s, figure.value);
        statement.bindValue(u":text"_s, figure.text);
        statement.bindValue(u":span_start"_s, spanPart(figure.span, true));
        statement.bindValue(u":span_end"_s, spanPart(figure.span, false));
        statement.bindValue(u":figure_start"_s, spanPart(figure.figureSpan, true));
        statement.bindValue(u":figure_end"_s, spanPart(figure.figureSpan, false));
        if (!statement.exec())
            return sqlError(statement.lastError(), tr("store a stated figure"));
    }
    if (detailed) {
        Result<void> stored = insertFindings(queries.finding, id, *counts->detail);
        if (!stored)
            return stored.error();
    }
    return ImportResult {id, false};
}

Result<void> ReviewLibrary::insertFindings(QSqlQuery &query, qint64 id, const CountedDetail &detail)
{
    for (int position = 0; position < detail.findings.size(); ++position) {
        const QVariantHash values = findingValues(id, position, detail.findings[position]);
        for (auto it = values.cbegin(); it != values.cend(); ++it)
            query.bindValue(u':' + it.key(), it.value());
        if (!query.exec())
            return sqlError(query.lastError(), tr("store a finding"));
    }
    return {};
}

Result<QList<DocumentSummary>> ReviewLibrary::documents() const
{
    return summaries({});
}

Result<QList<DocumentSummary>> ReviewLibrary::documents(const QList<qint64> &ids) const
{
    // Ids are numbers, so they go into the statement as text; in slices, as statements have a
    // length limit.
    constexpr qsizetype kSlice = 500;
    QList<qint64> sorted = ids;
    std::sort(sorted.begin(), sorted.end());
    sorted.erase(std::unique(sorted.begin(), sorted.end()), sorted.end());
    QList<DocumentSummary> found;
    for (qsizetype from = 0; from < sorted.size(); from += kSlice) {
        QStringList slice;
        for (qint64 id : sorted.mid(from, kSlice))
            slice.append(QString::number(id));
        Result<QList<DocumentSummary>> part
            = summaries(u"WHERE id IN ("_s + slice.join(u',') + u')');
        if (!part)
            return part;
        found.append(part.value());
    }
    return found;
}

Result<QList<DocumentSummary>> ReviewLibrary::summaries(const QString &where) const
{
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT id, path, agency, year, status, version, error_count, warning_count,"
              " unread_count, updated_by, updated_at FROM documents "_s
                  + where + u" ORDER BY id"_s);
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    QList<DocumentSummary> list;
    while (row.next()) {
        DocumentSummary summary;
        summary.id = row.value(0).toLongLong();
        summary.path = row.value(1).toString();
        summary.agency = row.value(2).toString();
        summary.year = row.value(3).toInt();
        summary.status
            = reviewStatusFromKey(row.value(4).toString()).value_or(ReviewStatus::Unreviewed);
        summary.version = row.value(5).toLongLong();
        if (!row.isNull(6) && !row.isNull(7) && !row.isNull(8))
            summary.counts
                = ReviewCounts {row.value(6).toInt(), row.value(7).toInt(), row.value(8).toInt()};
        summary.updatedBy = row.value(9).toString();
        summary.updatedAt = row.value(10).toString();
        list.append(std::move(summary));
    }
    return list;
}

Result<StoredReview> ReviewLibrary::load(qint64 id) const
{
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT path, encoding, agency, year, text, errors, loaded, status, note, version,"
              " split_choices, sha256, pages, relations FROM documents WHERE id = :id"_s,
              {{u"id"_s, id}});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    if (!row.next())
        return Error {u"library.no_document"_s,
                      tr("The review library has no report with id %1").arg(id),
                      {}};
    StoredReview review;
    review.id = id;
    review.report.file = row.value(0).toString();
    review.report.encoding = row.value(1).toString();
    review.report.agency = row.value(2).toString();
    review.report.year = row.value(3).toInt();
    review.report.text = row.value(4).toString();
    review.report.errors = errorsFromJson(row.value(5).toString());
    review.report.loaded = row.value(6).toInt() != 0;
    review.status = reviewStatusFromKey(row.value(7).toString()).value_or(ReviewStatus::Unreviewed);
    review.note = row.value(8).toString();
    review.version = row.value(9).toLongLong();
    review.report.splitChoices = splitChoicesFromJson(row.value(10).toString());
    review.sha256 = QByteArray::fromHex(row.value(11).toString().toLatin1());
    readPages(row.value(12).toString(), review.report);
    review.report.relations = relationsFromJson(row.value(13).toString());
    for (auto step : {&ReviewLibrary::loadCells, &ReviewLibrary::loadStatements,
                      &ReviewLibrary::loadCorrections}) {
        Result<void> loaded = (this->*step)(review);
        if (!loaded)
            return loaded.error();
    }
    Result<QHash<QString, FindingDecision>> decided = decisions(id);
    if (!decided)
        return decided.error();
    review.decisions = std::move(decided.value());
    return review;
}

Result<void> ReviewLibrary::loadCells(StoredReview &review) const
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    review.report.cells.assign(size_t(reportTemplate.cellCount()), CellValue {});
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT cell_key, value, state, extracted_value, extracted_state,"
              " span_start, span_end, source_text, note FROM cells"
              " WHERE document_id = :id"_s,
              {{u"id"_s, review.id}});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    while (row.next()) {
        const int index = reportTemplate.cellIndex(CellKey(row.value(0).toString()));
        if (index < 0)
            continue; // a key a later template dropped: kept in the library, not shown
        CellValue &cell = review.report.cells[size_t(index)];
        cell.value = optionalDouble(row.value(1));
        cell.state = stateOf(row.value(2));
        cell.extractedValue = optionalDouble(row.value(3));
        cell.extractedState = stateOf(row.value(4));
        cell.span = spanOf(row.value(5), row.value(6));
        cell.sourceText = row.value(7).toString();
        if (!row.value(8).toString().isEmpty())
            review.cellNotes.insert(index, row.value(8).toString());
    }
    return {};
}

Result<void> ReviewLibrary::loadStatements(StoredReview &review) const
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT cell_key, value, text, span_start, span_end,"
                                  " figure_start, figure_end FROM statements"
                                  " WHERE document_id = :id ORDER BY position"_s,
                                  {{u"id"_s, review.id}});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    while (row.next()) {
        const int index = reportTemplate.cellIndex(CellKey(row.value(0).toString()));
        if (index >= 0)
            review.report.statements.append(StatedFigure {
                index, row.value(1).toDouble(), row.value(2).toString(),
                spanOf(row.value(3), row.value(4)), spanOf(row.value(5), row.value(6))});
    }
    return {};
}

Result<void> ReviewLibrary::loadCorrections(StoredReview &review) const
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT cell_key, previous_value, previous_state, value, state,"
                                  " reviewer, corrected_at FROM corrections"
                                  " WHERE document_id = :id ORDER BY id"_s,
                                  {{u"id"_s, review.id}});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    while (row.next()) {
        const int index = reportTemplate.cellIndex(CellKey(row.value(0).toString()));
        if (index < 0)
            continue;
        Correction correction;
        correction.cell = index;
        correction.previous.value = optionalDouble(row.value(1));
        correction.previous.state = stateOf(row.value(2));
        correction.current.value = optionalDouble(row.value(3));
        correction.current.state = stateOf(row.value(4));
        correction.reviewer = row.value(5).toString();
        correction.when = QDateTime::fromString(row.value(6).toString(), Qt::ISODateWithMs);
        review.corrections.append(correction);
    }
    return {};
}

Result<qint64> ReviewLibrary::bumpVersion(qint64 id, qint64 expectedVersion,
                                          const QString &reviewer)
{
    Result<QSqlQuery> updated = run(
        database(),
        u"UPDATE documents SET version = version + 1, updated_at = :now,"
        " updated_by = COALESCE(:reviewer, updated_by)"
        " WHERE id = :id AND version = :version"_s,
        {{u"id"_s, id},
         {u"version"_s, expectedVersion},
         {u"now"_s, utcNow()},
         {u"reviewer"_s, reviewer.isEmpty() ? QVariant(QMetaType(QMetaType::QString)) : reviewer}});
    if (!updated)
        return updated.error();
    if (updated.value().numRowsAffected() == 1)
        return expectedVersion + 1;
    return Error {u"library.conflict"_s,
                  tr("Someone else changed this report since you opened it (you had version %1). "
                     "Your change was not saved; reload the report to see theirs.")
                      .arg(expectedVersion),
                  {}};
}

Result<qint64> ReviewLibrary::saveCell(qint64 id, qint64 expectedVersion,
                                       const Correction &correction,
                                       std::optional<ReviewCounts> counts)
{
    const QList<TemplateCell> &cells = ReportTemplate::standard().cells();
    if (correction.cell < 0 || correction.cell >= cells.size())
        return unknownCellError(QString::number(correction.cell));
    const QString key = cells[correction.cell].key.toString();
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun.error();
    Result<qint64> version = bumpVersion(id, expectedVersion, correction.reviewer);
    if (!version)
        return version;
    if (counts) {
        Result<void> counted = storeCounts(id, *counts);
        if (!counted)
            return counted.error();
    }
    Result<QSqlQuery> updated = run(database(),
                                    u"UPDATE cells SET value = :value, state = :state"
                                    " WHERE document_id = :id AND cell_key = :key"_s,
                                    {{u"value"_s, optionalValue(correction.current.value)},
                                     {u"state"_s, cellStateName(correction.current.state)},
                                     {u"id"_s, id},
                                     {u"key"_s, key}});
    if (!updated)
        return updated.error();
    Result<QSqlQuery> recorded
        = run(database(),
              u"INSERT INTO corrections (document_id, cell_key, previous_value, previous_state,"
              " value, state, reviewer, corrected_at) VALUES (:id, :key, :previous_value,"
              " :previous_state, :value, :state, :reviewer, :corrected_at)"_s,
              {{u"id"_s, id},
               {u"key"_s, key},
               {u"previous_value"_s, optionalValue(correction.previous.value)},
               {u"previous_state"_s, cellStateName(correction.previous.state)},
               {u"value"_s, optionalValue(correction.current.value)},
               {u"state"_s, cellStateName(correction.current.state)},
               {u"reviewer"_s, correction.reviewer},
               {u"corrected_at"_s, correction.when.toUTC().toString(Qt::ISODateWithMs)}});
    if (!recorded)
        return recorded.error();
    Result<void> committed = transaction.commit();
    if (!committed)
        return committed.error();
    return version;
}

Result<qint64> ReviewLibrary::saveVersioned(qint64 id, qint64 expectedVersion,
                                            const QList<Statement> &statements,
                                            const QString &reviewer)
{
    // The version check and the change commit together, or neither does.
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun.error();
    Result<qint64> version = bumpVersion(id, expectedVersion, reviewer);
    if (!version)
        return version;
    for (const Statement &statement : statements) {
        Result<QSqlQuery> done = run(database(), statement.sql, statement.values);
        if (!done)
            return done.error();
    }
    Result<void> committed = transaction.commit();
    if (!committed)
        return committed.error();
    return version;
}

Result<qint64> ReviewLibrary::saveStatus(qint64 id, qint64 expectedVersion, ReviewStatus status,
                                         const QString &note, const QString &reviewer)
{
    return saveVersioned(
        id, expectedVersion,
        {{u"UPDATE documents SET status = :status, note = :note WHERE id = :id"_s,
          {{u"status"_s, reviewStatusKey(status)}, {u"note"_s, note}, {u"id"_s, id}}}},
        reviewer);
}

Result<void> ReviewLibrary::storeCounts(qint64 id, const ReviewCounts &counts)
{
    Result<QSqlQuery> updated
        = run(database(),
              u"UPDATE documents SET error_count = :errors, warning_count = :warnings,"
              " unread_count = :unread WHERE id = :id"_s,
              {{u"errors"_s, counts.errors},
               {u"warnings"_s, counts.warnings},
               {u"unread"_s, counts.unread},
               {u"id"_s, id}});
    if (!updated)
        return updated.error();
    if (!counts.detail)
        return {};
    return runStatements(detailStatements(id, *counts.detail));
}

Result<void> ReviewLibrary::saveCounts(qint64 id, const ReviewCounts &counts)
{
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun;
    Result<void> stored = storeCounts(id, counts);
    if (!stored)
        return stored;
    return transaction.commit();
}

Result<qint64> ReviewLibrary::saveCellNote(qint64 id, qint64 expectedVersion, const CellKey &cell,
                                           const QString &note)
{
    if (ReportTemplate::standard().cellIndex(cell) < 0)
        return unknownCellError(cell.toString());
    return saveVersioned(
        id, expectedVersion,
        {{u"UPDATE cells SET note = :note WHERE document_id = :id AND cell_key = :key"_s,
          {{u"note"_s, note}, {u"id"_s, id}, {u"key"_s, cell.toString()}}}});
}

Error ReviewLibrary::unknownCellError(const QString &cell)
{
    return Error {u"library.unknown_cell"_s, tr("The form has no cell “%1”.").arg(cell), {}};
}

Result<qint64> ReviewLibrary::saveIdentity(qint64 id, qint64 expectedVersion, const QString &agency,
                                           int year, const QString &reviewer, const QDateTime &when)
{
    // Read before the change: a change by someone else in between fails the version check.
    Result<QSqlQuery> current
        = run(database(), u"SELECT agency, year FROM documents WHERE id = :id"_s, {{u"id"_s, id}});
    if (!current)
        return current.error();
    if (!current.value().next())
        return Error {u"library.no_document"_s,
                      tr("The review library has no report with id %1").arg(id),
                      {}};
    const QString previousAgency = current.value().value(0).toString();
    const int previousYear = current.value().value(1).toInt();
    const QString at = when.toUTC().toString(Qt::ISODateWithMs);
    auto change = [&](const QString &field, const QString &previous, const QString &value) {
        return Statement {u"INSERT INTO report_changes (document_id, field, previous, value,"
                          " reviewer, changed_at) VALUES (:id, :field, :previous, :value,"
                          " :reviewer, :changed_at)"_s,
                          {{u"id"_s, id},
                           {u"field"_s, field},
                           {u"previous"_s, previous},
                           {u"value"_s, value},
                           {u"reviewer"_s, reviewer},
                           {u"changed_at"_s, at}}};
    };
    QList<Statement> statements {
        {u"UPDATE documents SET agency = :agency, year = :year WHERE id = :id"_s,
         {{u"agency"_s, agency}, {u"year"_s, year}, {u"id"_s, id}}}};
    if (agency != previousAgency)
        statements.append(change(u"agency"_s, previousAgency, agency));
    if (year != previousYear)
        statements.append(change(u"year"_s, QString::number(previousYear), QString::number(year)));
    return saveVersioned(id, expectedVersion, statements, reviewer);
}

Result<QList<ReportChange>> ReviewLibrary::reportChanges(qint64 id) const
{
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT field, previous, value, reviewer, changed_at"
                                  " FROM report_changes WHERE document_id = :id ORDER BY id"_s,
                                  {{u"id"_s, id}});
    if (!query)
        return query.error();
    QList<ReportChange> changes;
    QSqlQuery &row = query.value();
    while (row.next())
        changes.append(
            ReportChange {row.value(0).toString(), row.value(1).toString(), row.value(2).toString(),
                          row.value(3).toString(),
                          QDateTime::fromString(row.value(4).toString(), Qt::ISODateWithMs)});
    return changes;
}

Result<void> ReviewLibrary::removeReport(qint64 id)
{
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun;
    Result<void> left = removeRollupMemberships(id);
    if (!left)
        return left;
    for (const char *statement : kDeleteReport) {
        Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement), {{u"id"_s, id}});
        if (!done)
            return done.error();
    }
    return transaction.commit();
}

Result<QHash<QString, FindingDecision>> ReviewLibrary::decisions(qint64 id) const
{
    Result<QSqlQuery> query
        = run(database(),
              u"SELECT signature, state, reason, reviewer, decided_at FROM finding_decisions"
              " WHERE sha256 = (SELECT sha256 FROM documents WHERE id = :id)"_s,
              {{u"id"_s, id}});
    if (!query)
        return query.error();
    QHash<QString, FindingDecision> decisions;
    QSqlQuery &row = query.value();
    while (row.next()) {
        const std::optional<DecisionState> state = decisionStateFromKey(row.value(1).toString());
        if (!state)
            continue; // written by a newer Nianbao: leave it, and the finding open
        decisions.insert(
            row.value(0).toString(),
            FindingDecision {*state, row.value(2).toString(), row.value(3).toString(),
                             QDateTime::fromString(row.value(4).toString(), Qt::ISODateWithMs)});
    }
    return decisions;
}

Result<qint64> ReviewLibrary::saveDecision(qint64 id, qint64 expectedVersion,
                                           const QString &signature,
                                           const FindingDecision &decision,
                                           std::optional<ReviewCounts> counts)
{
    const QVariantHash values {
        {u"id"_s, id},
        {u"signature"_s, signature},
        {u"state"_s, decisionStateKey(decision.state)},
        {u"reason"_s, decision.reason},
        {u"reviewer"_s, decision.reviewer},
        {u"decided_at"_s, decision.when.toUTC().toString(Qt::ISODateWithMs)}};
    // Delete and insert: one statement pair that SQLite and PostgreSQL read alike.
    QList<Statement> statements {
        {u"DELETE FROM finding_decisions WHERE signature = :signature"
         " AND sha256 = (SELECT sha256 FROM documents WHERE id = :id)"_s,
         {{u"id"_s, id}, {u"signature"_s, signature}}},
        // VALUES, not INSERT … SELECT: PostgreSQL cannot type parameters in a select list.
        {u"INSERT INTO finding_decisions (sha256, signature, state, reason, reviewer, decided_at)"
         " VALUES ((SELECT sha256 FROM documents WHERE id = :id), :signature, :state, :reason,"
         " :reviewer, :decided_at)"_s,
         values}};
    if (counts) {
        // A dismissed finding no longer counts in the report list.
        statements.append({u"UPDATE documents SET error_count = :errors, warning_count = :warnings,"
                           " unread_count = :unread WHERE id = :id"_s,
                           {{u"errors"_s, counts->errors},
                            {u"warnings"_s, counts->warnings},
                            {u"unread"_s, counts->unread},
                            {u"id"_s, id}}});
        if (counts->detail)
            statements.append(detailStatements(id, *counts->detail));
    }
    return saveVersioned(id, expectedVersion, statements, decision.reviewer);
}

Result<QHash<QString, QString>> ReviewLibrary::agencyAliases() const
{
    Result<QSqlQuery> query = run(database(), u"SELECT alias, agency FROM agency_aliases"_s);
    if (!query)
        return query.error();
    QHash<QString, QString> aliases;
    QSqlQuery &row = query.value();
    while (row.next())
        aliases.insert(row.value(0).toString(), row.value(1).toString());
    return aliases;
}

Result<void> ReviewLibrary::saveAgencyAliases(const QHash<QString, QString> &aliases)
{
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun;
    Result<QSqlQuery> cleared = run(database(), u"DELETE FROM agency_aliases"_s);
    if (!cleared)
        return cleared.error();
    for (auto alias = aliases.cbegin(); alias != aliases.cend(); ++alias) {
        if (alias.key().trimmed().isEmpty() || alias.value().trimmed().isEmpty())
            continue;
        Result<QSqlQuery> inserted = run(
            database(), u"INSERT INTO agency_aliases (alias, agency) VALUES (:alias, :agency)"_s,
            {{u"alias"_s, alias.key().trimmed()}, {u"agency"_s, alias.value().trimmed()}});
        if (!inserted)
            return inserted.error();
    }
    return transaction.commit();
}

Result<qint64> ReviewLibrary::reportOfAgency(const QString &agency, int year) const
{
    const Result<QHash<QString, QString>> written = agencyAliases();
    if (!written)
        return written.error();
    AgencyAliases aliases;
    for (auto alias = written.value().cbegin(); alias != written.value().cend(); ++alias)
        addAgencyAlias(aliases, alias.key(), alias.value());
    const QString wanted = agencyIdentity(agency, aliases);
    if (wanted.isEmpty() || year <= 0)
        return qint64(0);
    Result<QSqlQuery> query
        = run(database(), u"SELECT id, agency FROM documents WHERE year = :year ORDER BY id DESC"_s,
              {{u"year"_s, year}});
    if (!query)
        return query.error();
    QSqlQuery &row = query.value();
    while (row.next()) {
        if (agencyIdentity(row.value(1).toString(), aliases) == wanted)
            return row.value(0).toLongLong();
    }
    return qint64(0);
}

Result<void> ReviewLibrary::createRollupSchema()
{
    for (const char *statement : kSchemaV7Rollup) {
        Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement));
        if (!done)
            return done.error();
    }
    return {};
}

Result<void> ReviewLibrary::removeRollupMemberships(qint64 id)
{
    for (const char *statement : kDeleteRollupMemberships) {
        Result<QSqlQuery> done = run(database(), QString::fromLatin1(statement), {{u"id"_s, id}});
        if (!done)
            return done.error();
    }
    return {};
}

Result<QList<RollupSet>> ReviewLibrary::rollupSets() const
{
    Result<QSqlQuery> query = run(
        database(), u"SELECT summary_id, unit_id FROM rollup_units ORDER BY summary_id, unit_id"_s);
    if (!query)
        return query.error();
    QList<RollupSet> sets;
    QSqlQuery &row = query.value();
    while (row.next()) {
        const qint64 summary = row.value(0).toLongLong();
        if (sets.isEmpty() || sets.back().summaryId != summary)
            sets.append(RollupSet {summary, {}});
        sets.back().unitIds.append(row.value(1).toLongLong());
    }
    return sets;
}

Result<QList<qint64>> ReviewLibrary::rollupUnits(qint64 summaryId) const
{
    Result<QSqlQuery> query = run(database(),
                                  u"SELECT unit_id FROM rollup_units WHERE summary_id = :id"
                                  " ORDER BY unit_id"_s,
                                  {{u"id"_s, summaryId}});
    if (!query)
        return query.error();
    QList<qint64> units;
    QSqlQuery &row = query.value();
    while (row.next())
        units.append(row.value(0).toLongLong());
    return units;
}

Result<void> ReviewLibrary::saveRollupSet(qint64 summaryId, const QList<qint64> &unitIds)
{
    if (unitIds.contains(summaryId))
        return Error {
            u"rollup.self"_s, tr("A report cannot be one of the units of its own summary"), {}};
    Transaction transaction(database(), isPostgres());
    Result<void> begun = transaction.begin();
    if (!begun)
        return begun;
    Result<QSqlQuery> cleared = run(
        database(), u"DELETE FROM rollup_units WHERE summary_id = :id"_s, {{u"id"_s, summaryId}});
    if (!cleared)
        return cleared.error();
    QSet<qint64> stored;
    for (qint64 unit : unitIds) {
        if (stored.contains(unit))
            continue;
        stored.insert(unit);
        Result<QSqlQuery> inserted
            = run(database(),
                  u"INSERT INTO rollup_units (summary_id, unit_id) VALUES (:summary, :unit)"_s,
                  {{u"summary"_s, summaryId}, {u"unit"_s, unit}});
        if (!inserted)
            return inserted.error();
    }
    return transaction.commit();
}

Result<void> ReviewLibrary::removeRollupSet(qint64 summaryId)
{
    return saveRollupSet(summaryId, {});
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "findingdecision.h"
#include "report.h"
#include "result.h"
#include "reviewsession.h"
#include "rules/checksession.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QSqlDatabase>
#include <QString>
#include <QVariantHash>

#include <memory>

class QSqlQuery;

namespace nianbao {

/** A report in the library, as the report list shows it: one row of one query, no load. */
struct DocumentSummary
{
    qint64 id = 0;
    QString path;
    QString agency;
    int year = 0;
    ReviewStatus status = ReviewStatus::Unreviewed;
    qint64 version = 0;
    /** Absent for reports a library older than schema 4 holds, until they are opened once. */
    std::optional<ReviewCounts> counts;
    QString updatedBy; ///< the reviewer of the last change, if any
    /** The last change (import, correction, status, note): ISO 8601 in UTC, parsed only when
     *  shown (100,000 parses would double the time the list takes to open). */
    QString updatedAt;
};

/** A report that sums others (issue 16, item 2): a government and its departments, a county
 *  and its townships. The reviewer marks it, or accepts a set proposed from a folder. */
struct RollupSet
{
    qint64 summaryId = 0;
    QList<qint64> unitIds; ///< ascending

    friend bool operator==(const RollupSet &, const RollupSet &) = default;
};

/** Everything the library keeps of one report under review. */
struct StoredReview
{
    qint64 id = 0;
    qint64 version = 0; ///< optimistic concurrency: a save must name the version it read
    QByteArray sha256; ///< of the file's bytes when imported: the page view checks the file
    /**
     * cells hold the current values; extractedValue/State the source's. Its regions, page
     * sizes and OCR'd pages are empty for a report imported before schema 5 (until imported
     * again).
     */
    Report report;
    ReviewStatus status = ReviewStatus::Unreviewed;
    QString note;
    QHash<int, QString> cellNotes;
    QList<Correction> corrections;
    QHash<QString, FindingDecision> decisions; ///< by finding signature (findingSignature())
};

/** A reviewer's change of a report's agency or year, for the audit trail. */
struct ReportChange
{
    QString field; ///< "agency" or "year"
    QString previous;
    QString current;
    QString reviewer;
    QDateTime when;

    friend bool operator==(const ReportChange &, const ReportChange &) = default;
};

/** How a program uses the library: the import and the window write; export only reads. */
enum class LibraryAccess {
    ReadWrite, ///< created when missing, migrated, WAL
    ReadOnly, ///< must exist; opened read-only, never created, migrated or switched to WAL
};

/** What importing one report did. */
struct ImportResult
{
    qint64 id = 0;
    bool alreadyPresent = false; ///< the same bytes (SHA-256) were imported before
};

/** What the overview reads of every report: one row of one query, from an index. */
struct OverviewDocument
{
    qint64 id = 0;
    QString path;
    QString agency;
    int year = 0;
    std::optional<ReviewCounts> counts; ///< without detail; absent: not yet counted
    std::optional<int> missing; ///< CountedDetail::missing; absent: findings not yet stored
};

/** One stored finding of a report (CountedFinding), as the overview reads them. */
struct StoredFinding
{
    qint64 document = 0;
    CountedFinding finding;
};

/** A checked report for ReviewLibrary::addReports(), with its bytes' SHA-256 and its counts. */
struct NewReport
{
    Report report;
    QByteArray sha256;
    std::optional<ReviewCounts> counts;
};

/**
 * The review library: every imported document (its bytes' hash and decoded text), the
 * extracted values and spans, every correction (value, previous value, who, when), notes and
 * review states, in SQLite (one file, WAL) or on a PostgreSQL server for teams. Each confirmed
 * change is its own transaction. Saves carry the version they read, so two reviewers editing
 * one report cannot overwrite each other's work unknowingly.
 *
 * Several programs may write at once (two imports, the window during an import): on SQLite
 * each change takes the write lock before it reads (BEGIN IMMEDIATE) and waits up to 30 s for
 * another's to finish, and a new library's schema is created by whichever opens it first.
 *
 * One instance per thread: it owns a named connection (Qt Sql connections are per thread).
 */
class ReviewLibrary final
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::ReviewLibrary)

public:
    static constexpr int kSchemaVersion = 7;

    /**
     * Opens the library at `location`: a SQLite file path, or a postgres:// or postgresql://
     * URL. ReadWrite creates and migrates it; ReadOnly refuses a missing or outdated one.
     * A database that is not a Nianbao library (another application's SQLite file, a file that
     * is not SQLite) is refused and left as it is.
     */
    static Result<std::unique_ptr<ReviewLibrary>>
    open(const QString &location, LibraryAccess access = LibraryAccess::ReadWrite);
    /** Whether `location` is a PostgreSQL URL (by its scheme, not by how the name begins). */
    static bool isPostgresLocation(const QString &location);
    /** `location` as messages show it: a URL without its password. */
    static QString displayLocation(const QString &location);
    /** The SQLite file in the user's data folder. */
    static QString defaultLocation();
    ~ReviewLibrary();
    Q_DISABLE_COPY_MOVE(ReviewLibrary)

    QString location() const { return m_location; }
    /** Whether the database still answers; false once a PostgreSQL server went away. */
    bool isConnected() const;
    /** Closes the connection and opens it again (after the server came back). */
    Result<void> reconnect();
    bool isPostgres() const;
    int schemaVersion() const;

    /**
     * Stores a checked report with the SHA-256 of its original bytes, unless present; `counts`
     * (its findings and unread cells, as CheckSession counts them) feed the report list.
     */
    Result<ImportResult> addReport(const Report &report, const QByteArray &sha256,
                                   std::optional<ReviewCounts> counts = {});
    /**
     * Stores several checked reports as addReport() does, in one transaction: one commit for
     * many reports, as the import stores them. Either all are stored (each unless present; the
     * same bytes twice: the second is present) or, after an error, none is. Results in order.
     */
    Result<QList<ImportResult>> addReports(const std::vector<NewReport> &reports);
    /**
     * The short hash (shortHash()) of every report's bytes: lets an import skip reading files
     * the library holds without asking the library for each (a hit is then confirmed by idOf()).
     */
    Result<QSet<quint64>> shortHashes() const;
    /** The first 8 bytes of a SHA-256 as a number, for shortHashes(). */
    static quint64 shortHash(const QByteArray &sha256);
    /** Whether the library holds a report with these bytes: the bool is the answer. */
    Result<bool> contains(const QByteArray &sha256) const;
    /** The id of the report with these bytes, 0 if there is none. */
    Result<qint64> idOf(const QByteArray &sha256) const;
    /** Every report as the list shows it, in import order: one query, no report loaded. */
    Result<QList<DocumentSummary>> documents() const;
    /** The reports with these ids (those that exist), in import order. */
    Result<QList<DocumentSummary>> documents(const QList<qint64> &ids) const;
    Result<StoredReview> load(qint64 id) const;

    /**
     * Records one confirmed cell change and the report's counts after it; returns the new
     * version or a conflict error.
     */
    Result<qint64> saveCell(qint64 id, qint64 expectedVersion, const Correction &correction,
                            std::optional<ReviewCounts> counts = {});
    Result<qint64> saveStatus(qint64 id, qint64 expectedVersion, ReviewStatus status,
                              const QString &note, const QString &reviewer = {});
    /**
     * Keeps the counts of a report whose counts were not stored (a library from before schema
     * 4): derived data, so no version is taken and no one's change is refused.
     */
    Result<void> saveCounts(qint64 id, const ReviewCounts &counts);
    Result<qint64> saveCellNote(qint64 id, qint64 expectedVersion, const CellKey &cell,
                                const QString &note);
    /**
     * Puts right the agency and year a report was filed under (the title may have been misread);
     * each changed field is recorded with the reviewer and time, like a correction.
     */
    Result<qint64> saveIdentity(qint64 id, qint64 expectedVersion, const QString &agency, int year,
                                const QString &reviewer, const QDateTime &when);
    /** The agency and year changes of a report, oldest first. */
    Result<QList<ReportChange>> reportChanges(qint64 id) const;
    /**
     * The reviewer's decisions on the report's findings, by finding signature
     * (findingSignature()). They belong to the file's bytes: removing the report keeps them,
     * and importing the same file again brings them back.
     */
    Result<QHash<QString, FindingDecision>> decisions(qint64 id) const;
    /** Records a decision on the finding with `signature` (reopening records Open). */
    Result<qint64> saveDecision(qint64 id, qint64 expectedVersion, const QString &signature,
                                const FindingDecision &decision,
                                std::optional<ReviewCounts> counts = {});
    /**
     * The reviewer's agency aliases: a name as written (a renamed department, another
     * spelling) → the agency it is, for pairing an agency's reports across years.
     */
    Result<QHash<QString, QString>> agencyAliases() const;
    /** Replaces every alias with `aliases`, in one transaction. */
    Result<void> saveAgencyAliases(const QHash<QString, QString> &aliases);
    /**
     * The id of the report of `agency` (as agencyIdentity() pairs names, with the alias table)
     * for `year`, 0 if the library holds none; the most recently imported when it holds several.
     * Reads the list's index only, never a report.
     */
    Result<qint64> reportOfAgency(const QString &agency, int year) const;
    /**
     * The reports whose findings the library does not hold yet (imported before schema 7 and not
     * opened since), in import order: the overview does not cover them until
     * fillStoredFindings() (libraryoverview.h) or opening them stores their counts again.
     */
    Result<QList<qint64>> reportsWithoutFindings() const;
    /** Every report as the overview reads it, in import order; one query. */
    Result<QList<OverviewDocument>> overviewDocuments() const;
    /** Every stored finding, by report in import order then in the report's order; one query. */
    Result<QList<StoredFinding>> storedFindings() const;
    /** The signatures of the findings reviewers dismissed, by report id; one query. */
    Result<QHash<qint64, QSet<QString>>> dismissedSignatures() const;
    /** The current values of `cells` (keys) of the reports `ids`, by id then key; one query. */
    Result<QHash<qint64, QHash<QString, std::optional<double>>>>
    cellValues(const QList<qint64> &ids, const QStringList &cells) const;
    /** Deletes a report and everything kept about it (cells, corrections, notes, the roll-up
     *  sets it belongs to, as summary or unit), at once. */
    Result<void> removeReport(qint64 id);

    /** Every roll-up set, by summary id ascending. */
    Result<QList<RollupSet>> rollupSets() const;
    /** The units of the summary `summaryId`, ascending; empty when it sums none. */
    Result<QList<qint64>> rollupUnits(qint64 summaryId) const;
    /**
     * Makes `unitIds` the units of `summaryId`, replacing any it had, in one transaction; an
     * empty list removes the set. A report cannot be a unit of itself (rollup.self).
     */
    Result<void> saveRollupSet(qint64 summaryId, const QList<qint64> &unitIds);
    /** Removes the set whose summary is `summaryId` (its units stay in the library). */
    Result<void> removeRollupSet(qint64 summaryId);

private:
    static Error unknownCellError(const QString &cell);
    explicit ReviewLibrary(QString location, QString connection);
    static Result<void> checkLocation(const QString &location, LibraryAccess access);
    static Result<void> prepareSqliteFolder(const QString &location);
    static Result<void> checkWritable(const QString &location);
    Result<void> connect(LibraryAccess access);
    Result<void> openConnection();
    /** Refuses a database holding tables but no Nianbao schema version. */
    Result<void> checkIsNianbaoLibrary() const;
    Result<void> checkReadableSchema() const;
    /** How a library's schema stands to this Nianbao's; a newer one is an error. */
    enum class SchemaAge {
        Current, ///< this Nianbao's schema
        Older, ///< an older one (0: none yet), which migrate() updates
    };
    Result<SchemaAge> checkSchemaVersion(int version) const;
    Result<void> migrate();
    Result<void> migrateFrom(int from);
    Result<void> createSchemaV1();
    Result<void> createSchemaV3();
    /** Schema 7's roll-up table (rollup_units). */
    Result<void> createRollupSchema();
    /** Takes report `id` out of every roll-up set, inside the caller's transaction. */
    Result<void> removeRollupMemberships(qint64 id);
    struct Statement
    {
        QString sql;
        QVariantHash values;
    };
    /** Takes the next version and stamps the change with its time and, if known, reviewer. */
    Result<qint64> bumpVersion(qint64 id, qint64 expectedVersion, const QString &reviewer = {});
    /** Runs `statements` as one transaction with the version check; returns the new version. */
    Result<qint64> saveVersioned(qint64 id, qint64 expectedVersion,
                                 const QList<Statement> &statements, const QString &reviewer = {});
    /** Stores the figures and, when `counts` carry them, the findings (inside a transaction). */
    Result<void> storeCounts(qint64 id, const ReviewCounts &counts);
    Result<void> migrateToV7Findings();
    /** Replaces a report's stored findings and blank cells with `detail`'s. */
    static QList<Statement> detailStatements(qint64 id, const CountedDetail &detail);
    Result<void> runStatements(const QList<Statement> &statements);
    static Result<void> insertFindings(QSqlQuery &query, qint64 id, const CountedDetail &detail);
    Result<QList<DocumentSummary>> summaries(const QString &where) const;
    class InsertQueries;
    /** Stores one report unless present, inside the caller's transaction. */
    Result<ImportResult> insertReport(InsertQueries &queries, const Report &report,
                                      const QByteArray &sha256,
                                      const std::optional<ReviewCounts> &counts);
    Result<void> loadCells(StoredReview &review) const;
    Result<void> loadStatements(StoredReview &review) const;
    Result<void> loadCorrections(StoredReview &review) const;
    QSqlDatabase database() const;

    QString m_location;
    QString m_connection;
};

} // namespace nianbao

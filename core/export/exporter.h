// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/reviewlibrary.h"
#include "result.h"
#include "rules/checker.h"

#include <QList>
#include <QString>

#include <optional>

namespace nianbao {

/** The export formats: the data everyone downstream of the reviewers works with. */
enum class ExportFormat {
    LongCsv, ///< one row per cell: agency, year, key, label, value, state, extracted, who, when
    WideCsv, ///< one row per report, one column per cell key
    Xlsx, ///< a sheet per table in the official layout with marked cells, and a data sheet
    Json, ///< the `nianbao-cli check --json` form, with review status and corrections
};

std::optional<ExportFormat> exportFormatFromName(QStringView name); ///< csv, csv-wide, xlsx, json
QString exportFormatName(ExportFormat format);

/** Who reads a CSV export's header and words: a script or a person. */
enum class ExportLabels {
    Keys, ///< stable English keys (file, requests.received.total, corrected): for scripts
    /** The interface language for headers and states, and the form's own Chinese names for the
     *  table, row and column of each cell (表, 行, 列): for people opening it in Excel. */
    Readable,
};

struct ExportOptions
{
    /** UTF-8 with a BOM, so Excel reads the Chinese text right; omit it for tools that choke. */
    bool byteOrderMark = true;
    bool reviewedOnly = false; ///< only reports marked 已审核
    ExportLabels labels = ExportLabels::Keys;
};

/** How completely a report's tables were read: the wide CSV's "reading" column. */
enum class ReadingStatus {
    Complete, ///< every cell read (or deduced, or corrected)
    Partial, ///< some cells blank or unreadable
    NoTables, ///< not one cell read: no table found, or the file could not be read
};

/** A review status as an export writes it: its key (reviewed), or its name for people. */
QString exportedStatus(ReviewStatus status, ExportLabels labels);
/** A cell state as an export writes it: its key (deduced), or its name for people. */
QString exportedState(CellState state, ExportLabels labels);

QString readingStatusKey(ReadingStatus status); ///< complete, partial, no_tables
QString readingStatusText(ReadingStatus status); ///< translated, for people

/** A stored review with its findings as they stand now: what every format writes. */
struct ExportedReview
{
    StoredReview review;
    QList<Finding> findings;

    int count(Severity severity) const;
    /** Cells left blank or unreadable: what the reviewer still has to read off the source. */
    int unreadCells() const;
    ReadingStatus readingStatus() const;
};

/**
 * Writes the library's cleaned data. Every file is written atomically (QSaveFile, or a
 * temporary file renamed over the target for the .xlsx writer), so a failed export never
 * leaves half a file where the last good one was. A target that checkExportTarget() refuses
 * is never written.
 */
class Exporter
{
public:
    explicit Exporter(const Checker &checker);

    /** Exports every (reviewed) report of `library`; returns how many reports were written. */
    Result<int> exportLibrary(const ReviewLibrary &library, ExportFormat format,
                              const QString &path, const ExportOptions &options) const;
    Result<int> write(const QList<ExportedReview> &reviews, ExportFormat format,
                      const QString &path, const ExportOptions &options) const;
    /** Loads the reviews (findings rechecked) the options select. */
    /** One report of the library as exports show it: current values, checked. */
    Result<ExportedReview> collectReport(const ReviewLibrary &library, qint64 id) const;
    Result<QList<ExportedReview>> collect(const ReviewLibrary &library,
                                          const ExportOptions &options) const;

private:
    const Checker &m_checker;
};

/**
 * Refuses an export target that would destroy data instead of holding an export: the review
 * library at `libraryLocation` (the same file under any name: another spelling, a symbolic or
 * hard link, or its -wal, -shm or -journal file) and any other existing SQLite database, which
 * may be a library too. A refusal names the path. Exporter checks every target itself; the CLI
 * and the window call this first, so they refuse before opening anything.
 */
Result<void> checkExportTarget(const QString &path, const QString &libraryLocation = {});

/** Quotes one CSV field (RFC 4180). */
QString csvField(const QString &text);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "agencyidentity.h"
#include "library/importer.h"
#include "library/rollupinference.h"
#include "reportfiles.h"
#include "result.h"
#include "reviewdocument.h" // complete, so the signals carry it (QSignalSpy, queued calls)

#include <QObject>

#include <atomic>
#include <memory>
#include <vector>

class QUndoGroup;

namespace nianbao {

class Checker;
class ReportListModel;
class ReportLoader;
class ReviewLibrary;
class ReviewSession;
struct Report;
struct StoredReview;

/**
 * The life of the reports in the window, without the window: owns the report list (and so the
 * documents), the undo group, the review library, each library document's binding, the reader
 * of files and the import thread. Library reports are listed from one summary query and loaded
 * when shown; the last kLoadedReports shown stay loaded, besides any with changes to undo.
 * The window only shows what it is told by the signals, so this flow is tested on its own.
 */
class DocumentManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentManager)

public:
    /** How many library reports stay loaded after they are no longer shown. */
    static constexpr int kLoadedReports = 8;

    explicit DocumentManager(QString reviewer, QObject *parent = nullptr);
    ~DocumentManager() override;

    ReportListModel *reports() const { return m_reports; }
    QUndoGroup *undoGroup() const { return m_undoGroup; }
    ReportLoader *loader() const { return m_loader; }
    const Checker &checker() const;

    void setLibrary(std::unique_ptr<ReviewLibrary> library);
    ReviewLibrary *library() const { return m_library.get(); }
    /** Reading files or importing them. */
    bool isBusy() const;

    /** Adds a report read from a file (or one that failed) to the list. */
    ReviewDocument *addDocument(const Report &report);
    /** Lists a file that could not be read or was left out, with its reason. */
    void addFailedDocument(const Error &failure);
    /** Takes failed files out of the list (they are read anew). */
    void dropFailedDocuments(const QStringList &files);
    void removeDocument(ReviewDocument *document);

    /** Lists the library's reports with these ids (all when empty); returns how many. */
    Result<int> listLibraryReports(const QList<qint64> &ids = {});
    /** The report of a list row, loaded from the library if need be; `shown` first. */
    Result<ReviewDocument *> loadRow(int row);
    /** Drops the loaded library reports least recently shown, never `current`. */
    void dropUnusedDocuments(const ReviewDocument *current);
    /** The report with this library id, loaded if need be; null if the library has none. */
    ReviewDocument *documentWithId(qint64 id);
    enum class Reload { Always, IfNewer };
    /**
     * Reads a library report anew (another reviewer saved it); documentReplaced() follows.
     * With IfNewer, a report the library holds unchanged is kept: `document` is returned.
     */
    Result<ReviewDocument *> reload(ReviewDocument *document, Reload when = Reload::Always);
    /** Pairs the loaded reports with their other years again (after the aliases changed). */
    void compareYearsAgain();
    /** Deletes a library report and everything kept about it, and takes it off the list. */
    Result<void> deleteFromLibrary(ReviewDocument *document);

    /**
     * Roll-up (issue 16, item 2). Reads the library's roll-up sets into the list; a summary
     * opened from the library is then checked against its units (rollup.sum).
     */
    Result<void> loadRollupSets();
    /**
     * Makes the library report `summaryId` the summary of `unitIds` (none: no summary), in the
     * library and the list; the summary, if loaded, is checked against its new units at once.
     */
    Result<void> setRollupUnits(qint64 summaryId, const QList<qint64> &unitIds);
    /** The sets the folders of the listed library reports suggest, less those kept already. */
    Result<QList<ProposedRollup>> proposedRollupSets() const;
    /**
     * The consolidated table of the list rows `rows` (Rollup::consolidate), as a report of its
     * own: its agency names the first report and how many ("合并：平潭综合实验区等 3 份"), its
     * text lists them. Reports not loaded are read from the library.
     */
    Result<Report> consolidate(const QList<int> &rows);

    /** Imports files into the library on a worker thread; importFinished() follows. */
    void import(const ReportFileScan &scan);
    void cancelImport();

signals:
    /** A change to `document` was not saved (conflict or error), after the edit unwound. */
    void saveRefused(nianbao::ReviewDocument *document, const nianbao::Error &error);
    /** `previous` (deleted later) was read anew from the library as `current`. */
    void documentReplaced(nianbao::ReviewDocument *previous, nianbao::ReviewDocument *current);
    void importProgress(const nianbao::ImportProgress &progress);
    void importFinished(const QStringList &files, const nianbao::ImportSummary &summary);

private:
    void adopt(ReviewDocument *document);
    ReviewDocument *openStored(const StoredReview &stored);
    /**
     * Gives the session the same agency's reports of the year before and after, as far as the
     * library holds them: the one before for the rules across years, both to show beside it.
     */
    void compareOtherYears(ReviewSession *session);
    /** Checks again the loaded reports that read `changed`: its summaries and its next and
     *  previous years (as the library now holds it). */
    void compareWithChanged(const ReviewDocument *changed);
    std::vector<CellValue> cellsOfAgency(const QString &agency, int year) const;
    /** Gives a summary's session its units' current cells, as the library holds them. */
    void compareRollupUnits(ReviewSession *session, qint64 summaryId);
    /** The current cells and name of the list's library report `id`, loaded if need be. */
    Result<RollupUnit> rollupUnit(qint64 id) const;
    /** The cells and name of list row `row`: the loaded document's, else the library's. */
    Result<RollupUnit> rollupUnitOfRow(int row) const;
    /** The cells and name of library report `id` as the library holds it. */
    Result<RollupUnit> storedRollupUnit(qint64 id) const;
    /** The library's agency aliases, ready for agencyIdentity(); none without a library. */
    Result<AgencyAliases> agencyAliases() const;

    QString m_reviewer;
    ReportListModel *m_reports;
    QUndoGroup *m_undoGroup;
    ReportLoader *m_loader;
    std::unique_ptr<ReviewLibrary> m_library;
    QList<qint64> m_recentlyShown; ///< library ids of loaded reports, the last shown last
    std::shared_ptr<std::atomic<bool>> m_cancelImport;
    bool m_importing = false;
    int m_consolidations = 0; ///< consolidated tables made, for their names
};

} // namespace nianbao

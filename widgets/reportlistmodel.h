// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/reviewlibrary.h"

#include <QAbstractTableModel>
#include <QCollator>

namespace nianbao {

class ReviewDocument;

/**
 * The reports in the window: agency, year, review status, and the numbers of errors, warnings
 * and cells not read. A row is a report of the library (its summary, loaded only while it is
 * shown or edited: a library of 100,000 reports lists at once), a file opened without a
 * library, or a file that could not be read, which stays in the list and says why. Owns the
 * documents it holds.
 */
class ReportListModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReportListModel)

public:
    enum Column {
        AgencyColumn,
        YearColumn,
        StatusColumn,
        ErrorsColumn,
        WarningsColumn,
        UnreadColumn, ///< cells left blank or unreadable: a report with no tables is not clean
        ColumnCount
    };
    /** SortRole: numbers for year and errors, text otherwise (the proxy collates text). */
    enum Role {
        SortRole = Qt::UserRole + 1,
        FailedRole,
        FilePathRole,
        RollupUnitsRole, ///< how many reports a summary sums, 0 for others
    };

    explicit ReportListModel(QObject *parent = nullptr);

    /** Adds a report and takes it; returns its row. */
    int addDocument(ReviewDocument *document);
    /** Adds rows for the library's reports not listed yet, without loading any. */
    void addSummaries(const QList<DocumentSummary> &summaries);
    void removeDocument(int row);
    /** The report of `row` if it is loaded (a library report may not be), else null. */
    ReviewDocument *document(int row) const;
    /** The library id of `row`, 0 for a file opened without a library. */
    qint64 libraryId(int row) const;
    /** What the library said of the report of `row` when listed; null for other rows. */
    const DocumentSummary *summary(int row) const;
    /** Whether `row` is a file that could not be read. */
    bool rowFailed(int row) const;
    int rowOf(const ReviewDocument *document) const;
    int rowOfLibraryId(qint64 id) const;
    /** Gives the library report of `row` its loaded document, taken by the model. */
    void attachDocument(int row, ReviewDocument *document);
    /** Drops the loaded document of a library row; the row keeps what it shows. */
    void detachDocument(int row);
    /** The report read from this file, if listed (loaded or not); -1 if not. */
    int rowOfFile(const QString &path) const;
    /** The loaded report read from this file, if any. */
    ReviewDocument *documentForFile(const QString &path) const;
    /** The loaded documents, in row order. */
    QList<ReviewDocument *> documents() const;

    /** The library's roll-up sets (issue 16, item 2): summaries are marked, tooltips list units. */
    void setRollupSets(const QList<RollupSet> &sets);
    /** The units of the summary with library id `summaryId`; empty for any other report. */
    QList<qint64> rollupUnits(qint64 summaryId) const { return m_unitsOf.value(summaryId); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void retranslate();

    /** Whether `left` sorts before `right` in `column`, by precomputed keys (fast at 100k). */
    bool lessThan(int left, int right, int column) const;

private:
    struct Entry
    {
        DocumentSummary summary; ///< id 0 for files opened without a library
        ReviewDocument *document = nullptr;
        mutable QByteArray agencyKey; ///< chineseSortKey of the agency shown, made when needed
    };
    QVariant display(const Entry &entry, int column) const;
    QVariant displayLoaded(const ReviewDocument &document, int column) const;
    QVariant displaySummary(const DocumentSummary &summary, int column) const;
    QVariant sortKey(const Entry &entry, int column) const;
    QString toolTip(const Entry &entry) const;
    /** Who changed the report last and when, as the tooltip says it; empty if unknown. */
    QString lastChange(const Entry &entry) const;
    static bool isCount(int column);
    QString headerName(int section) const;
    void watch(ReviewDocument *document);
    void documentChanged(const ReviewDocument *document);
    /** The summary as the loaded document now stands (after edits), for when it is dropped. */
    static void refreshSummary(DocumentSummary &summary, const ReviewDocument &document);
    const QByteArray &agencyKey(const Entry &entry) const;
    /** The agency column with a summary's marker ("【汇总 11 份】平潭综合实验区"). */
    QVariant withRollupMarker(const Entry &entry, const QVariant &agency) const;
    /** What the tooltip says of the sets the report belongs to; empty if none. */
    QString rollupToolTip(const Entry &entry) const;
    /** The name the list shows for the library report `id`. */
    QString agencyOf(qint64 id) const;
    /** A removed report leaves the sets it was in, as the library's removal does. */
    void forgetRollupMember(qint64 id);

    void invalidatePathIndex() { m_rowOfPath.clear(); }

    QList<Entry> m_entries;
    QHash<qint64, int> m_rowOfId;
    mutable QHash<QString, int> m_rowOfPath; ///< by absolute path; made when first needed
    QHash<qint64, QList<qint64>> m_unitsOf; ///< summary id → unit ids
    QHash<qint64, QList<qint64>> m_summariesOf; ///< unit id → summary ids
    QCollator m_collator; ///< pinyin order for the other text columns
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

namespace nianbao {

class ReviewDocument;

/**
 * The open reports: agency, year, review status, and the numbers of errors, warnings and cells
 * not read. Owns the documents.
 * A report that could not be read stays in the list and says why.
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
    enum Role { SortRole = Qt::UserRole + 1, FailedRole, FilePathRole };

    explicit ReportListModel(QObject *parent = nullptr);

    /** Adds a report and takes it; returns its row. */
    int addDocument(ReviewDocument *document);
    void removeDocument(int row);
    ReviewDocument *document(int row) const;
    int rowOf(const ReviewDocument *document) const;
    /** The open report read from this file, if any. */
    ReviewDocument *documentForFile(const QString &path) const;
    const QList<ReviewDocument *> &documents() const { return m_documents; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void retranslate();

private:
    QVariant display(const ReviewDocument &document, int column) const;
    QVariant sortKey(const ReviewDocument &document, int column) const;
    QString toolTip(const ReviewDocument &document) const;
    static bool isCount(int column);
    QString headerName(int section) const;
    void documentChanged(const ReviewDocument *document);

    QList<ReviewDocument *> m_documents;
};

} // namespace nianbao

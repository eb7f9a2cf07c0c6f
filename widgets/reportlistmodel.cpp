// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportlistmodel.h"

#include "displaytexts.h"
#include "reviewdocument.h"

#include <QDir>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace nianbao {

ReportListModel::ReportListModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

int ReportListModel::addDocument(ReviewDocument *document)
{
    const int row = int(m_documents.size());
    beginInsertRows({}, row, row);
    document->setParent(this);
    m_documents.append(document);
    endInsertRows();
    auto changed = [this, document] {
        documentChanged(document);
    };
    connect(document, &ReviewDocument::findingsChanged, this, changed);
    if (ReviewSession *session = document->session()) {
        connect(session, &ReviewSession::statusChanged, this, changed);
        connect(session, &ReviewSession::identityChanged, this, changed);
        connect(session, &ReviewSession::cellChanged, this, changed);
    }
    return row;
}

void ReportListModel::removeDocument(int row)
{
    if (row < 0 || row >= m_documents.size())
        return;
    beginRemoveRows({}, row, row);
    ReviewDocument *document = m_documents.takeAt(row);
    endRemoveRows();
    document->deleteLater();
}

ReviewDocument *ReportListModel::document(int row) const
{
    return m_documents.value(row);
}

int ReportListModel::rowOf(const ReviewDocument *document) const
{
    return int(m_documents.indexOf(document));
}

ReviewDocument *ReportListModel::documentForFile(const QString &path) const
{
    const QString wanted = QFileInfo(path).absoluteFilePath();
    for (ReviewDocument *document : m_documents) {
        if (QFileInfo(document->filePath()).absoluteFilePath() == wanted)
            return document;
    }
    return nullptr;
}

int ReportListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_documents.size());
}

int ReportListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const ReviewDocument &document = *m_documents[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return display(document, index.column());
    case Qt::ToolTipRole:
        return toolTip(document);
    case SortRole:
        return sortKey(document, index.column());
    case FailedRole:
        return !document.isLoaded();
    case FilePathRole:
        return document.filePath();
    case Qt::TextAlignmentRole:
        return index.column() == YearColumn || isCount(index.column())
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    default:
        return {};
    }
}

QVariant ReportListModel::display(const ReviewDocument &document, int column) const
{
    const ReviewSession *session = document.session();
    switch (Column(column)) {
    case AgencyColumn:
        if (session && !session->report().agency.isEmpty())
            return session->report().agency;
        return QFileInfo(document.filePath()).fileName();
    case YearColumn:
        return session && session->report().year > 0 ? QVariant(session->report().year)
                                                     : QVariant();
    case StatusColumn:
        return session ? reviewStatusText(session->status())
                       : tr("Could not open: %1").arg(document.errors().value(0).message);
    case ErrorsColumn:
        return session ? QVariant(document.errorCount()) : QVariant();
    case WarningsColumn:
        return session ? QVariant(document.warningCount()) : QVariant();
    case UnreadColumn:
        return session ? QVariant(document.unreadCellCount()) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

bool ReportListModel::isCount(int column)
{
    return column == ErrorsColumn || column == WarningsColumn || column == UnreadColumn;
}

QVariant ReportListModel::sortKey(const ReviewDocument &document, int column) const
{
    if (column == YearColumn || isCount(column)) {
        const QVariant value = display(document, column);
        return value.isValid() ? value.toInt() : -1;
    }
    return display(document, column);
}

QString ReportListModel::toolTip(const ReviewDocument &document) const
{
    const QString file = QDir::toNativeSeparators(document.filePath());
    if (!document.isLoaded())
        return file % u'\n' % document.errorText();
    QString tip = file % u'\n' % tr("%n error(s)", nullptr, document.errorCount()) % u", "
        % tr("%n warning(s)", nullptr, document.warningCount()) % u", "
        % tr("%n cell(s) blank or unreadable", nullptr, document.unreadCellCount());
    if (!document.errors().isEmpty())
        tip += u'\n' % document.errorText();
    return tip;
}

QVariant ReportListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole)
        return headerName(section);
    if (role != Qt::DisplayRole)
        return {};
    // The counts go under the legend's kind of sign, so the list stays narrow in any language;
    // the tooltip names them.
    switch (Column(section)) {
    case ErrorsColumn:
        return u"✗"_s;
    case WarningsColumn:
        return u"⚠"_s;
    case UnreadColumn:
        return u"∅"_s;
    default:
        return headerName(section);
    }
}

QString ReportListModel::headerName(int section) const
{
    switch (Column(section)) {
    case AgencyColumn:
        return tr("Agency");
    case YearColumn:
        return tr("Year");
    case StatusColumn:
        return tr("Status");
    case ErrorsColumn:
        return tr("Errors");
    case WarningsColumn:
        return tr("Warnings");
    case UnreadColumn:
        return tr("Cells blank or unreadable");
    case ColumnCount:
        break;
    }
    return {};
}

void ReportListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_documents.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ReportListModel::documentChanged(const ReviewDocument *document)
{
    const int row = rowOf(document);
    if (row >= 0)
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

} // namespace nianbao

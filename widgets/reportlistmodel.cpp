// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportlistmodel.h"

#include "collation.h"
#include "displaytexts.h"
#include "reviewdocument.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace nianbao {

ReportListModel::ReportListModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_collator(QLocale(QLocale::Chinese, QLocale::China))
{
    m_collator.setNumericMode(true);
}

int ReportListModel::addDocument(ReviewDocument *document)
{
    const int row = int(m_entries.size());
    beginInsertRows({}, row, row);
    document->setParent(this);
    Entry entry;
    entry.summary.path = document->filePath();
    entry.summary.id = document->libraryId();
    entry.document = document;
    m_entries.append(entry);
    if (entry.summary.id != 0)
        m_rowOfId.insert(entry.summary.id, row);
    invalidatePathIndex();
    endInsertRows();
    watch(document);
    return row;
}

void ReportListModel::addSummaries(const QList<DocumentSummary> &summaries)
{
    QList<Entry> fresh;
    for (const DocumentSummary &summary : summaries) {
        if (!m_rowOfId.contains(summary.id))
            fresh.append(Entry {summary, nullptr, {}});
    }
    if (fresh.isEmpty())
        return;
    const int first = int(m_entries.size());
    beginInsertRows({}, first, first + int(fresh.size()) - 1);
    for (Entry &entry : fresh) {
        m_rowOfId.insert(entry.summary.id, int(m_entries.size()));
        m_entries.append(std::move(entry));
    }
    invalidatePathIndex();
    endInsertRows();
}

void ReportListModel::watch(ReviewDocument *document)
{
    auto changed = [this, document] {
        documentChanged(document);
    };
    connect(document, &ReviewDocument::findingsChanged, this, changed);
    connect(document, &ReviewDocument::decisionChanged, this, changed);
    if (ReviewSession *session = document->session()) {
        connect(session, &ReviewSession::statusChanged, this, changed);
        connect(session, &ReviewSession::identityChanged, this, changed);
        connect(session, &ReviewSession::cellChanged, this, changed);
    }
}

void ReportListModel::removeDocument(int row)
{
    if (row < 0 || row >= m_entries.size())
        return;
    beginRemoveRows({}, row, row);
    const Entry entry = m_entries.takeAt(row);
    forgetRollupMember(entry.summary.id);
    m_rowOfId.clear();
    for (int r = 0; r < m_entries.size(); ++r) {
        if (m_entries[r].summary.id != 0)
            m_rowOfId.insert(m_entries[r].summary.id, r);
    }
    invalidatePathIndex();
    endRemoveRows();
    if (entry.document)
        entry.document->deleteLater();
}

void ReportListModel::attachDocument(int row, ReviewDocument *document)
{
    if (row < 0 || row >= m_entries.size() || m_entries[row].document)
        return;
    document->setParent(this);
    m_entries[row].document = document;
    watch(document);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReportListModel::detachDocument(int row)
{
    if (row < 0 || row >= m_entries.size() || !m_entries[row].document)
        return;
    Entry &entry = m_entries[row];
    refreshSummary(entry.summary, *entry.document);
    entry.agencyKey.clear();
    entry.document->disconnect(this);
    if (entry.document->session())
        entry.document->session()->disconnect(this);
    entry.document->deleteLater();
    entry.document = nullptr;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReportListModel::refreshSummary(DocumentSummary &summary, const ReviewDocument &document)
{
    const ReviewSession *session = document.session();
    if (!session)
        return;
    summary.agency = session->report().agency;
    summary.year = session->report().year;
    summary.status = session->status();
    summary.counts = document.counts();
}

ReviewDocument *ReportListModel::document(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries[row].document : nullptr;
}

qint64 ReportListModel::libraryId(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries[row].summary.id : 0;
}

int ReportListModel::rowOf(const ReviewDocument *document) const
{
    if (!document)
        return -1;
    if (const qint64 id = document->libraryId())
        return rowOfLibraryId(id);
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries[row].document == document)
            return row;
    }
    return -1;
}

int ReportListModel::rowOfLibraryId(qint64 id) const
{
    const int row = m_rowOfId.value(id, -1);
    return row >= 0 && row < m_entries.size() && m_entries[row].summary.id == id ? row : -1;
}

QList<ReviewDocument *> ReportListModel::documents() const
{
    QList<ReviewDocument *> loaded;
    for (const Entry &entry : m_entries) {
        if (entry.document)
            loaded.append(entry.document);
    }
    return loaded;
}

namespace {

QString absolutePath(const QString &path)
{
    // Stored paths are absolute: cleaning them is a string operation, no file system call.
    return QDir::isAbsolutePath(path) ? QDir::cleanPath(path) : QFileInfo(path).absoluteFilePath();
}

} // namespace

int ReportListModel::rowOfFile(const QString &path) const
{
    if (m_rowOfPath.isEmpty()) {
        for (int row = int(m_entries.size()) - 1; row >= 0; --row)
            m_rowOfPath.insert(absolutePath(m_entries[row].summary.path), row);
    }
    return m_rowOfPath.value(absolutePath(path), -1);
}

const DocumentSummary *ReportListModel::summary(int row) const
{
    return row >= 0 && row < m_entries.size() && m_entries[row].summary.id != 0
        ? &m_entries[row].summary
        : nullptr;
}

bool ReportListModel::rowFailed(int row) const
{
    const ReviewDocument *loaded = document(row);
    return loaded && !loaded->isLoaded();
}

ReviewDocument *ReportListModel::documentForFile(const QString &path) const
{
    return document(rowOfFile(path));
}

int ReportListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ReportListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Entry &entry = m_entries[index.row()];
    switch (role) {
    case Qt::DisplayRole:
        return index.column() == AgencyColumn
            ? withRollupMarker(entry, display(entry, index.column()))
            : display(entry, index.column());
    case Qt::ToolTipRole:
        return toolTip(entry);
    case RollupUnitsRole:
        return int(m_unitsOf.value(entry.summary.id).size());
    case SortRole:
        return sortKey(entry, index.column());
    case FailedRole:
        return entry.document && !entry.document->isLoaded();
    case FilePathRole:
        return entry.summary.path;
    case Qt::TextAlignmentRole:
        return index.column() == YearColumn || isCount(index.column())
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    default:
        return {};
    }
}

QVariant ReportListModel::display(const Entry &entry, int column) const
{
    return entry.document ? displayLoaded(*entry.document, column)
                          : displaySummary(entry.summary, column);
}

QVariant ReportListModel::displayLoaded(const ReviewDocument &document, int column) const
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

QVariant ReportListModel::displaySummary(const DocumentSummary &summary, int column) const
{
    // Counts a library from before schema 4 never stored stay blank until the report is opened.
    switch (Column(column)) {
    case AgencyColumn:
        return summary.agency.isEmpty() ? QFileInfo(summary.path).fileName() : summary.agency;
    case YearColumn:
        return summary.year > 0 ? QVariant(summary.year) : QVariant();
    case StatusColumn:
        return reviewStatusText(summary.status);
    case ErrorsColumn:
        return summary.counts ? QVariant(summary.counts->errors) : QVariant();
    case WarningsColumn:
        return summary.counts ? QVariant(summary.counts->warnings) : QVariant();
    case UnreadColumn:
        return summary.counts ? QVariant(summary.counts->unread) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

bool ReportListModel::isCount(int column)
{
    return column == ErrorsColumn || column == WarningsColumn || column == UnreadColumn;
}

QVariant ReportListModel::sortKey(const Entry &entry, int column) const
{
    if (column == YearColumn || isCount(column)) {
        const QVariant value = display(entry, column);
        return value.isValid() ? value.toInt() : -1;
    }
    return display(entry, column);
}

const QByteArray &ReportListModel::agencyKey(const Entry &entry) const
{
    if (entry.agencyKey.isEmpty())
        entry.agencyKey = chineseSortKey(display(entry, AgencyColumn).toString());
    return entry.agencyKey;
}

bool ReportListModel::lessThan(int left, int right, int column) const
{
    const Entry &a = m_entries[left];
    const Entry &b = m_entries[right];
    if (column == AgencyColumn)
        return agencyKey(a) < agencyKey(b);
    const QVariant x = sortKey(a, column);
    const QVariant y = sortKey(b, column);
    if (x.typeId() == QMetaType::Int && y.typeId() == QMetaType::Int)
        return x.toInt() < y.toInt();
    // The status texts are few and short: compared as they are, no key made per comparison.
    return m_collator.compare(x.toString(), y.toString()) < 0;
}

QString ReportListModel::toolTip(const Entry &entry) const
{
    const QString file = QDir::toNativeSeparators(entry.summary.path);
    const ReviewDocument *document = entry.document;
    if (document && !document->isLoaded())
        return file % u'\n' % document->errorText();
    QString tip = file;
    const std::optional<ReviewCounts> counts
        = document ? std::optional<ReviewCounts>(document->counts()) : entry.summary.counts;
    if (counts) {
        tip += u'\n' % tr("%n error(s)", nullptr, counts->errors) % u", "
            % tr("%n warning(s)", nullptr, counts->warnings) % u", "
            % tr("%n cell(s) blank or unreadable", nullptr, counts->unread);
    }
    const QString change = lastChange(entry);
    if (!change.isEmpty())
        tip += u'\n' % change;
    if (document && !document->errors().isEmpty())
        tip += u'\n' % document->errorText();
    const QString rollup = rollupToolTip(entry);
    if (!rollup.isEmpty())
        tip += u'\n' % rollup;
    return tip;
}

QString ReportListModel::lastChange(const Entry &entry) const
{
    // This session's last correction if there is one, else what the library says.
    QString reviewer = entry.summary.updatedBy;
    QDateTime when = QDateTime::fromString(entry.summary.updatedAt, Qt::ISODateWithMs);
    const ReviewSession *session = entry.document ? entry.document->session() : nullptr;
    if (session && !session->corrections().isEmpty()) {
        reviewer = session->corrections().constLast().reviewer;
        when = session->corrections().constLast().when;
    }
    if (!when.isValid())
        return {};
    const QString at = QLocale().toString(when.toLocalTime(), QLocale::ShortFormat);
    return reviewer.isEmpty() ? tr("Last changed %1").arg(at)
                              : tr("Last changed by %1, %2").arg(reviewer, at);
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
    for (Entry &entry : m_entries)
        entry.agencyKey.clear(); // a failed file's status text follows the language
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ReportListModel::documentChanged(const ReviewDocument *document)
{
    const int row = rowOf(document);
    if (row < 0)
        return;
    m_entries[row].agencyKey.clear(); // the agency may have been corrected
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void ReportListModel::setRollupSets(const QList<RollupSet> &sets)
{
    m_unitsOf.clear();
    m_summariesOf.clear();
    for (const RollupSet &set : sets) {
        m_unitsOf.insert(set.summaryId, set.unitIds);
        for (qint64 unit : set.unitIds)
            m_summariesOf[unit].append(set.summaryId);
    }
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1)); // and tooltips
}

void ReportListModel::forgetRollupMember(qint64 id)
{
    if (id == 0)
        return;
    m_unitsOf.remove(id);
    m_summariesOf.remove(id);
    for (QList<qint64> &units : m_unitsOf)
        units.removeAll(id);
    for (QList<qint64> &summaries : m_summariesOf)
        summaries.removeAll(id);
}

QVariant ReportListModel::withRollupMarker(const Entry &entry, const QVariant &agency) const
{
    const qsizetype units = m_unitsOf.value(entry.summary.id).size();
    if (entry.summary.id == 0 || units == 0)
        return agency;
    // Before the name: the column elides a long name's end, never the marker.
    return tr("[Summary of %n] %1", nullptr, int(units)).arg(agency.toString());
}

QString ReportListModel::agencyOf(qint64 id) const
{
    const int row = m_rowOfId.value(id, -1);
    if (row < 0)
        return {};
    return display(m_entries[row], AgencyColumn).toString();
}

QString ReportListModel::rollupToolTip(const Entry &entry) const
{
    const auto names = [this](const QList<qint64> &ids) {
        QStringList named;
        for (qint64 id : ids)
            named.append(agencyOf(id));
        named.removeAll(QString());
        return named.join(tr(", "));
    };
    QStringList lines;
    const QList<qint64> units = m_unitsOf.value(entry.summary.id);
    if (entry.summary.id != 0 && !units.isEmpty())
        lines.append(
            tr("Summary of %n report(s): %1", nullptr, int(units.size())).arg(names(units)));
    const QList<qint64> summaries = m_summariesOf.value(entry.summary.id);
    if (entry.summary.id != 0 && !summaries.isEmpty())
        lines.append(tr("Counted in the summary: %1").arg(names(summaries)));
    return lines.join(u'\n');
}

} // namespace nianbao

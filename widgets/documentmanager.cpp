// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentmanager.h"

#include "library/librarybinding.h"
#include "library/reviewlibrary.h"
#include "reportlistmodel.h"
#include "reportloader.h"
#include "reviewdocument.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <QUndoGroup>
#include <QUndoStack>

using namespace Qt::StringLiterals;

namespace nianbao {

DocumentManager::DocumentManager(QString reviewer, QObject *parent)
    : QObject(parent)
    , m_reviewer(std::move(reviewer))
    , m_reports(new ReportListModel(this))
    , m_undoGroup(new QUndoGroup(this))
    , m_loader(new ReportLoader(this))
{ }

DocumentManager::~DocumentManager() = default;

const Checker &DocumentManager::checker() const
{
    return m_loader->checker();
}

void DocumentManager::setLibrary(std::unique_ptr<ReviewLibrary> library)
{
    m_library = std::move(library);
}

bool DocumentManager::isBusy() const
{
    return m_importing || m_loader->isBusy();
}

ReviewDocument *DocumentManager::addDocument(const Report &report)
{
    auto *document = new ReviewDocument(report, checker(), m_reviewer);
    m_reports->addDocument(document);
    adopt(document);
    return document;
}

void DocumentManager::adopt(ReviewDocument *document)
{
    m_undoGroup->addStack(document->undoStack());
    // After the binding saved it (connected first): the reports that read this one see it.
    if (ReviewSession *session = document->session()) {
        connect(session, &ReviewSession::cellChanged, this,
                [this, document] { compareWithChanged(document); });
    }
}

void DocumentManager::compareWithChanged(const ReviewDocument *changed)
{
    const qint64 changedId = changed->libraryId();
    if (changedId == 0 || !m_library)
        return;
    const Report &report = changed->session()->report();
    std::optional<AgencyAliases> aliases; // read once, and only if a loaded report may pair
    for (qint64 id : std::as_const(m_recentlyShown)) {
        ReviewDocument *document = m_reports->document(m_reports->rowOfLibraryId(id));
        ReviewSession *session = document ? document->session() : nullptr;
        if (!session || document == changed)
            continue;
        if (m_reports->rollupUnits(id).contains(changedId))
            compareRollupUnits(session, id);
        const int year = session->report().year;
        if (year != report.year + 1 && year != report.year - 1)
            continue;
        // The names compared as the library pairs them (aliases included), not a scan of the
        // library's year on each edit.
        if (!aliases) {
            Result<AgencyAliases> read = agencyAliases();
            if (!read)
                return;
            aliases = std::move(read).value();
        }
        if (agencyIdentity(session->report().agency, *aliases)
            == agencyIdentity(report.agency, *aliases))
            compareOtherYears(session);
    }
}

Result<AgencyAliases> DocumentManager::agencyAliases() const
{
    AgencyAliases aliases;
    if (!m_library)
        return aliases;
    const Result<QHash<QString, QString>> written = m_library->agencyAliases();
    if (!written)
        return written.error();
    for (auto alias = written.value().cbegin(); alias != written.value().cend(); ++alias)
        addAgencyAlias(aliases, alias.key(), alias.value());
    return aliases;
}

void DocumentManager::addFailedDocument(const Error &failure)
{
    // The README promises it: a file that cannot be read stays in the list and says why.
    if (failure.where.file.isEmpty())
        return;
    Report report;
    report.file = failure.where.file;
    report.errors = {failure};
    addDocument(report);
}

void DocumentManager::dropFailedDocuments(const QStringList &files)
{
    // Opened again (perhaps repaired): the old failure goes, the file is read anew.
    for (const QString &file : files) {
        ReviewDocument *document = m_reports->documentForFile(file);
        if (document && !document->isLoaded())
            removeDocument(document);
    }
}

void DocumentManager::removeDocument(ReviewDocument *document)
{
    m_recentlyShown.removeAll(document->libraryId());
    m_undoGroup->removeStack(document->undoStack());
    m_reports->removeDocument(m_reports->rowOf(document));
}

Result<int> DocumentManager::listLibraryReports(const QList<qint64> &ids)
{
    // One summary query, nothing loaded: the list is usable at once at any size.
    const Result<QList<DocumentSummary>> documents
        = ids.isEmpty() ? m_library->documents() : m_library->documents(ids);
    if (!documents)
        return documents.error();
    m_reports->addSummaries(documents.value());
    const Result<void> sets = loadRollupSets();
    if (!sets)
        return sets.error();
    return int(documents.value().size());
}

Result<ReviewDocument *> DocumentManager::loadRow(int row)
{
    ReviewDocument *document = m_reports->document(row);
    const qint64 id = m_reports->libraryId(row);
    if (id == 0 || !m_library)
        return document;
    if (!document) {
        const Result<StoredReview> stored = m_library->load(id);
        if (!stored)
            return stored.error();
        document = openStored(stored.value());
        // Kept for the list when the library had none (older schema) or the rules changed.
        const DocumentSummary *summary = m_reports->summary(row);
        if (document->session() && summary && summary->counts != document->counts())
            m_library->saveCounts(id, document->counts());
    }
    m_recentlyShown.removeAll(id);
    m_recentlyShown.append(id);
    return document;
}

void DocumentManager::dropUnusedDocuments(const ReviewDocument *current)
{
    // A report with changes to undo stays loaded: its undo history is the reviewer's work.
    qsizetype excess = m_recentlyShown.size() - kLoadedReports;
    for (qsizetype i = 0; i < m_recentlyShown.size() && excess > 0;) {
        const int row = m_reports->rowOfLibraryId(m_recentlyShown[i]);
        ReviewDocument *document = m_reports->document(row);
        if (document && (document == current || document->undoStack()->count() > 0)) {
            ++i;
            continue;
        }
        if (document) {
            m_undoGroup->removeStack(document->undoStack());
            m_reports->detachDocument(row);
        }
        m_recentlyShown.removeAt(i);
        --excess;
    }
}

ReviewDocument *DocumentManager::openStored(const StoredReview &stored)
{
    Report report = stored.report;
    report.loaded = true;
    auto *document = new ReviewDocument(report, checker(), m_reviewer);
    if (ReviewSession *session = document->session()) {
        LibraryBinding *binding = LibraryBinding::restore(session, stored, *m_library);
        document->setLibraryBinding(binding);
        // The failure is reported from inside the edit; tell once the edit has unwound, since
        // a reload replaces the document the edit is running in.
        connect(binding, &LibraryBinding::saveFailed, this, [this, document](const Error &error) {
            QTimer::singleShot(0, this, [this, target = QPointer<ReviewDocument>(document), error] {
                if (target)
                    emit saveRefused(target, error);
            });
        });
        compareOtherYears(session);
        compareRollupUnits(session, stored.id);
    }
    const int row = m_reports->rowOfLibraryId(stored.id);
    if (row >= 0)
        m_reports->attachDocument(row, document);
    else
        m_reports->addDocument(document);
    adopt(document);
    return document;
}

void DocumentManager::compareOtherYears(ReviewSession *session)
{
    // The other years as the library holds them now, corrections included; a failed lookup
    // only leaves them out (and the cross-year rules), as for a report without them.
    const Report &report = session->report();
    session->setPreviousYear(cellsOfAgency(report.agency, report.year - 1), report.year - 1);
    session->setNextYear(cellsOfAgency(report.agency, report.year + 1), report.year + 1);
}

std::vector<CellValue> DocumentManager::cellsOfAgency(const QString &agency, int year) const
{
    const Result<qint64> id = m_library->reportOfAgency(agency, year);
    if (!id || id.value() == 0)
        return {};
    Result<StoredReview> stored = m_library->load(id.value());
    return stored ? std::move(stored.value().report.cells) : std::vector<CellValue>();
}

void DocumentManager::compareYearsAgain()
{
    if (!m_library)
        return;
    for (qint64 id : std::as_const(m_recentlyShown)) {
        ReviewDocument *document = m_reports->document(m_reports->rowOfLibraryId(id));
        if (document && document->session())
            compareOtherYears(document->session());
    }
}

ReviewDocument *DocumentManager::documentWithId(qint64 id)
{
    const int row = m_reports->rowOfLibraryId(id);
    if (row >= 0) {
        const Result<ReviewDocument *> loaded = loadRow(row);
        return loaded ? loaded.value() : nullptr;
    }
    const Result<StoredReview> stored = m_library->load(id);
    return stored ? openStored(stored.value()) : nullptr;
}

Result<ReviewDocument *> DocumentManager::reload(ReviewDocument *document, Reload when)
{
    const LibraryBinding *binding = document->libraryBinding();
    if (!binding || !m_library)
        return document;
    const Result<StoredReview> stored = m_library->load(binding->documentId());
    if (!stored)
        return stored.error();
    if (when == Reload::IfNewer && stored.value().version == binding->version())
        return document;
    // The row stays where it is in the list; only the report it holds is read anew.
    m_undoGroup->removeStack(document->undoStack());
    m_reports->detachDocument(m_reports->rowOf(document));
    ReviewDocument *reloaded = openStored(stored.value());
    emit documentReplaced(document, reloaded);
    return reloaded;
}

Result<void> DocumentManager::deleteFromLibrary(ReviewDocument *document)
{
    const LibraryBinding *binding = document->libraryBinding();
    if (binding && m_library) {
        const Result<void> removed = m_library->removeReport(binding->documentId());
        if (!removed)
            return removed;
    }
    removeDocument(document);
    return {};
}

Result<void> DocumentManager::loadRollupSets()
{
    if (!m_library)
        return {};
    const Result<QList<RollupSet>> sets = m_library->rollupSets();
    if (!sets)
        return sets.error();
    m_reports->setRollupSets(sets.value());
    return {};
}

Result<void> DocumentManager::setRollupUnits(qint64 summaryId, const QList<qint64> &unitIds)
{
    if (!m_library)
        return Error {u"rollup.no_library"_s, tr("Roll-up sets are kept in a review library"), {}};
    Result<void> saved = m_library->saveRollupSet(summaryId, unitIds);
    if (!saved)
        return saved;
    Result<void> listed = loadRollupSets();
    if (!listed)
        return listed;
    const ReviewDocument *summary = m_reports->document(m_reports->rowOfLibraryId(summaryId));
    if (summary && summary->session())
        compareRollupUnits(summary->session(), summaryId);
    return {};
}

Result<QList<ProposedRollup>> DocumentManager::proposedRollupSets() const
{
    QList<DocumentSummary> reports;
    for (int row = 0; row < m_reports->rowCount(); ++row) {
        if (const DocumentSummary *summary = m_reports->summary(row); summary && summary->id)
            reports.append(*summary);
    }
    const Result<AgencyAliases> aliases = agencyAliases();
    if (!aliases)
        return aliases.error();
    QList<ProposedRollup> proposed = inferRollupSets(reports, aliases.value());
    // A set the reviewer keeps already needs no proposal.
    proposed.removeIf([this](const ProposedRollup &set) {
        return m_reports->rollupUnits(set.summaryId) == set.unitIds;
    });
    return proposed;
}

void DocumentManager::compareRollupUnits(ReviewSession *session, qint64 summaryId)
{
    // A unit that cannot be read leaves the set out, as a missing previous year leaves the
    // cross-year rules out: a partial sum would make every cell look wrong.
    QList<RollupUnit> units;
    for (qint64 id : m_reports->rollupUnits(summaryId)) {
        Result<RollupUnit> unit = rollupUnit(id);
        if (!unit) {
            units.clear();
            break;
        }
        units.append(std::move(unit).value());
    }
    session->setRollupUnits(std::move(units));
}

Result<RollupUnit> DocumentManager::rollupUnit(qint64 id) const
{
    const int row = m_reports->rowOfLibraryId(id);
    if (row >= 0)
        return rollupUnitOfRow(row);
    return storedRollupUnit(id);
}

Result<RollupUnit> DocumentManager::storedRollupUnit(qint64 id) const
{
    const Result<StoredReview> stored = m_library->load(id);
    if (!stored)
        return stored.error();
    const Report &report = stored.value().report;
    return RollupUnit {report.agency.isEmpty() ? QFileInfo(report.file).fileName() : report.agency,
                       report.cells};
}

Result<RollupUnit> DocumentManager::rollupUnitOfRow(int row) const
{
    if (const ReviewDocument *document = m_reports->document(row)) {
        const ReviewSession *session = document->session();
        if (!session)
            return Error {
                u"rollup.unreadable"_s, tr("%1 could not be read").arg(document->filePath()), {}};
        const Report &report = session->report();
        return RollupUnit {report.agency.isEmpty() ? QFileInfo(report.file).fileName()
                                                   : report.agency,
                           session->cells()};
    }
    const qint64 id = m_reports->libraryId(row);
    if (id == 0 || !m_library)
        return Error {u"rollup.unreadable"_s, tr("A report in the list could not be read"), {}};
    return storedRollupUnit(id);
}

Result<Report> DocumentManager::consolidate(const QList<int> &rows)
{
    QList<std::vector<CellValue>> tables;
    QStringList lines;
    QString first;
    int year = -1;
    for (int row : rows) {
        Result<RollupUnit> unit = rollupUnitOfRow(row);
        if (!unit)
            return unit.error();
        const DocumentSummary *summary = m_reports->summary(row);
        const ReviewDocument *document = m_reports->document(row);
        const int rowYear = document && document->session() ? document->session()->report().year
                                                            : (summary ? summary->year : 0);
        year = year == -1 || year == rowYear ? rowYear : 0;
        lines.append(
            tr("%1. %2 (%3)")
                .arg(lines.size() + 1)
                .arg(unit.value().agency,
                     QDir::toNativeSeparators(
                         m_reports->data(m_reports->index(row, 0), ReportListModel::FilePathRole)
                             .toString())));
        if (first.isEmpty())
            first = unit.value().agency;
        tables.append(std::move(unit.value().cells));
    }
    if (tables.isEmpty())
        return Error {u"rollup.nothing"_s, tr("Select the reports to consolidate"), {}};
    Report report;
    report.loaded = true;
    report.year = std::max(year, 0);
    report.agency
        = tr("Consolidated: %1 and others, %n report(s)", nullptr, int(tables.size())).arg(first);
    // Its name in the list and the export: unique, so two consolidations stay two rows.
    report.file = tr("consolidated-%1").arg(++m_consolidations);
    report.text = tr("The consolidated table of %n report(s):", nullptr, int(tables.size())) % u'\n'
        % lines.join(u'\n') % u'\n';
    report.cells = Rollup().consolidate(tables);
    return report;
}

void DocumentManager::import(const ReportFileScan &scan)
{
    m_importing = true;
    m_cancelImport = std::make_shared<std::atomic<bool>>(false);
    auto summary = std::make_shared<ImportSummary>();
    const QString location = m_library->location();
    const QPointer<DocumentManager> self(this);
    // The importer opens its own connection: Qt Sql connections belong to one thread.
    QThread *thread = QThread::create([scan, location, cancel = m_cancelImport, summary, self] {
        *summary = Importer(location).run(
            scan,
            [self](const ImportProgress &progress) {
                QMetaObject::invokeMethod(self, [self, progress] {
                    if (self)
                        emit self->importProgress(progress);
                });
            },
            cancel.get());
    });
    const QStringList files = scan.files;
    connect(thread, &QThread::finished, this, [this, thread, files, summary] {
        thread->deleteLater();
        m_importing = false;
        emit importFinished(files, *summary);
    });
    thread->start();
}

void DocumentManager::cancelImport()
{
    if (m_cancelImport)
        *m_cancelImport = true;
}

} // namespace nianbao

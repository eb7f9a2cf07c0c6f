// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "importer.h"

#include "library/reviewlibrary.h"
#include "reportreader.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFileInfo>

namespace nianbao {

namespace {

Result<ImportResult> importFile(ReviewLibrary &library, const ReportReader &reader,
                                const QString &file)
{
    Result<QByteArray> bytes = readReportBytes(file);
    if (!bytes)
        return bytes.error();
    const QByteArray hash = QCryptographicHash::hash(bytes.value(), QCryptographicHash::Sha256);
    Result<bool> present = library.contains(hash);
    if (!present)
        return present.error();
    if (present.value())
        return ImportResult{0, true};  // the same bytes: nothing to import twice
    const Report report = reader.readBytes(bytes.value(), file);
    if (!report.loaded)
        return report.errors.value(0);
    return library.addReport(report, hash);
}

} // namespace

Importer::Importer(QString libraryLocation)
    : m_location(std::move(libraryLocation))
{
}

QStringList Importer::collectFiles(const QStringList &paths)
{
    QStringList files;
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            files.append(path);  // a missing file is reported by the import, not dropped here
            continue;
        }
        QStringList found;
        QDirIterator it(path, reportFilePatterns(), QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            found.append(it.next());
        found.sort();
        files.append(found);
    }
    return files;
}

ImportSummary Importer::run(const QStringList &files, const ProgressCallback &progress,
                            const std::atomic<bool> *cancel) const
{
    ImportSummary summary;
    Result<std::unique_ptr<ReviewLibrary>> library = ReviewLibrary::open(m_location);
    if (!library) {
        summary.failures.append(library.error());
        return summary;
    }
    const ReportReader reader;
    for (int i = 0; i < int(files.size()); ++i) {
        if (cancel && cancel->load()) {
            summary.cancelled = true;
            break;
        }
        const QString &file = files[i];
        const Result<ImportResult> added = importFile(*library.value(), reader, file);
        if (!added) {
            Error error = added.error();
            error.where.file = file;
            summary.failures.append(error);
        } else if (added.value().alreadyPresent) {
            ++summary.duplicates;
        } else {
            ++summary.imported;
        }
        if (progress)
            progress(ImportProgress{i + 1, int(files.size()), file});
    }
    return summary;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportfiles.h"

#include "loaders/docx/docxloader.h"
#include "loaders/docx/legacywordloader.h"
#include "loaders/html/htmlloader.h"
#include "loaders/pdf/pdfloader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <algorithm>
#include <set>

#include <dirent.h>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

Error skipped(const QString &code, const QString &message, const QString &path)
{
    return Error {code, message, ErrorLocation {path, 0, {}}};
}

/** The extension after the last dot; a leading dot only marks a hidden file. */
QString extensionOf(const QString &fileName)
{
    const qsizetype dot = fileName.lastIndexOf(u'.');
    return dot > 0 ? fileName.mid(dot + 1) : QString();
}

bool looksLikeText(QByteArrayView head)
{
    if (head.startsWith("\xFF\xFE") || head.startsWith("\xFE\xFF"))
        return true; // UTF-16 with its byte order mark
    for (const char c : head) {
        const auto byte = static_cast<unsigned char>(c);
        // Tab, line feed, form feed, carriage return and escape occur in text; others do not.
        if (byte < 0x20 && byte != '\t' && byte != '\n' && byte != '\f' && byte != '\r'
            && byte != 0x1b)
            return false;
    }
    return true;
}

/** Whether a file without an extension starts like a format the loaders read. */
bool looksLikeReport(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true; // the reader then says why it cannot be read
    const QByteArray head = file.read(kSniffBytes);
    return PdfLoader::looksLikePdf(head) || DocxLoader::looksLikeZip(head)
        || LegacyWordLoader::looksLikeOle(head) || LegacyWordLoader::looksLikeRtf(head)
        || HtmlLoader::looksLikeHtml(head) || looksLikeText(head);
}

/** A name that is not UTF-8, shown as GB18030 (a superset of GBK) would read it. */
QString displayedName(const QByteArray &name)
{
    QStringDecoder gbk("GB18030");
    const QString decoded = gbk.isValid() ? gbk.decode(name) : QString();
    if (!gbk.isValid() || gbk.hasError())
        return QString::fromLatin1(name.toPercentEncoding("/"));
    return decoded;
}

/**
 * Names in `folder` that are not UTF-8. Qt cannot name such a file (its directory walk leaves
 * them out altogether), so they are found with readdir() to be listed, not lost.
 */
QList<QByteArray> namesNotInUtf8(const QString &folder)
{
    QList<QByteArray> names;
    DIR *directory = opendir(QFile::encodeName(folder).constData());
    if (!directory)
        return names;
    while (const dirent *entry = readdir(directory)) {
        const QByteArray name(entry->d_name);
        QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = utf8.decode(name);
        if (utf8.hasError())
            names.append(name);
    }
    closedir(directory);
    std::sort(names.begin(), names.end());
    return names;
}

class FolderWalk
{
    // The context lupdate files these messages under: the class, not the file.
    Q_DECLARE_TR_FUNCTIONS(nianbao::FolderWalk)

public:
    ReportFileScan scan;

    void walk(const QString &folder, int depth)
    {
        const QFileInfo info(folder);
        if (!m_visited.insert(info.canonicalFilePath()).second)
            return; // a symbolic link back to a folder already walked
        if (depth > kMaxFolderDepth) {
            scan.skipped.append(skipped(u"folder.too_deep"_s,
                                        tr("The folder %1 is nested more than %2 folders deep; "
                                           "it was not searched")
                                            .arg(folder)
                                            .arg(kMaxFolderDepth),
                                        folder));
            return;
        }
        if (!info.isReadable() || !info.isExecutable()) {
            scan.skipped.append(
                skipped(u"folder.unreadable"_s,
                        tr("The folder %1 cannot be read (permission denied); it was not searched")
                            .arg(folder),
                        folder));
            return;
        }
        const QFileInfoList entries = QDir(folder).entryInfoList(
            QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
        for (const QFileInfo &entry : entries)
            visit(entry, depth);
        for (const QByteArray &name : namesNotInUtf8(folder))
            skipNameNotInUtf8(folder + u'/' + displayedName(name));
    }

private:
    void visit(const QFileInfo &entry, int depth)
    {
        const QString path = entry.filePath();
        if (entry.fileName().contains(QChar::ReplacementCharacter)) {
            skipNameNotInUtf8(path);
        } else if (entry.isDir()) {
            walk(path, depth + 1);
        } else if (!entry.isFile()) {
            scan.skipped.append(
                skipped(u"file.not_a_file"_s,
                        tr("%1 is not a regular file (a device, pipe or socket, or a broken link)")
                            .arg(path),
                        path));
        } else if (hasReportFileSuffix(entry.fileName())) {
            scan.files.append(path);
        } else if (extensionOf(entry.fileName()).isEmpty()) {
            takeBySniffing(path);
        } else {
            scan.skipped.append(skipped(
                u"file.not_a_report"_s,
                tr("%1: Nianbao does not read .%2 files (it reads %3)")
                    .arg(path, extensionOf(entry.fileName()), reportFilePatterns().join(u' ')),
                path));
        }
    }

    void skipNameNotInUtf8(const QString &shownPath)
    {
        scan.skipped.append(skipped(
            u"file.name_encoding"_s,
            tr("The name of %1 is not UTF-8 (here read as GBK, as zips made on Windows write "
               "names), so it cannot be opened; rename it, or unpack the zip again with "
               "\"unzip -O GBK\"")
                .arg(shownPath),
            shownPath));
    }

    void takeBySniffing(const QString &path)
    {
        if (looksLikeReport(path)) {
            scan.files.append(path);
            return;
        }
        scan.skipped.append(skipped(u"file.binary"_s,
                                    tr("%1 has no extension and holds binary data that is "
                                       "not a report format Nianbao reads")
                                        .arg(path),
                                    path));
    }

    std::set<QString> m_visited;
};

} // namespace

QStringList reportFilePatterns()
{
    return {u"*.txt"_s,   u"*.md"_s,   u"*.text"_s, u"*.html"_s, u"*.htm"_s, u"*.xhtml"_s,
            u"*.shtml"_s, u"*.docx"_s, u"*.doc"_s,  u"*.wps"_s,  u"*.rtf"_s, u"*.pdf"_s,
            u"*.png"_s,   u"*.jpg"_s,  u"*.jpeg"_s, u"*.tif"_s,  u"*.tiff"_s};
}

bool hasReportFileSuffix(const QString &fileName)
{
    const QString extension = extensionOf(fileName).toLower();
    if (extension.isEmpty())
        return false;
    const QStringList patterns = reportFilePatterns();
    return patterns.contains(u"*." + extension);
}

ReportFileScan scanReportFiles(const QStringList &paths)
{
    FolderWalk walk;
    for (const QString &path : paths) {
        if (!QFileInfo(path).isDir()) {
            walk.scan.files.append(path); // a missing file is reported by the reader
            continue;
        }
        const qsizetype before = walk.scan.files.size();
        walk.walk(path, 0);
        // QDir::Name sorts per folder; one sort keeps the order stable across the whole tree.
        std::sort(walk.scan.files.begin() + before, walk.scan.files.end());
    }
    return walk.scan;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/** Deepest folder nesting a walk follows; deeper folders are listed as skipped. */
inline constexpr int kMaxFolderDepth = 64;

/** Bytes of a file without an extension read to tell a report from anything else. */
inline constexpr int kSniffBytes = 512;

/**
 * File name patterns of the formats the loaders read, for folder walks and file dialogs. Old
 * Word (.doc, .wps) and RTF are in the list: their loader explains how to convert them, which
 * helps the reviewer more than a file left out without a word.
 */
QStringList reportFilePatterns();

/** Whether `fileName` ends in one of reportFilePatterns(), in any letter case. */
bool hasReportFileSuffix(const QString &fileName);

/**
 * What a walk over files and folders found: the files to read, in a stable order, and every
 * other file or folder with the reason it was left out (Error::where.file names it).
 */
struct ReportFileScan
{
    QStringList files;
    QList<Error> skipped;
};

/**
 * The one walk the import (CLI and window) uses. A path naming a file is taken as it is, so the
 * reader reports a missing or unreadable one. Folders are searched recursively, hidden files
 * and folders included; a file is taken by its extension, or, without one, by its first bytes.
 * Everything else found — other formats, binary files, names that are not UTF-8, unreadable
 * folders, devices and pipes — is listed in `skipped` with its reason, never dropped silently.
 */
ReportFileScan scanReportFiles(const QStringList &paths);

} // namespace nianbao

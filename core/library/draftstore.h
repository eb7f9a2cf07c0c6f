// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cellkey.h"
#include "result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDebug>
#include <QString>

#include <optional>

namespace nianbao {

/** Text typed into a cell of a library report but not yet confirmed. */
struct Draft
{
    qint64 documentId = 0; ///< the report's id in the library
    QString documentPath; ///< the report's file
    QString reportTitle; ///< agency and year, to name the report to the reviewer
    CellKey cell;
    QString text;
    QDateTime savedAt;

    friend bool operator==(const Draft &, const Draft &) = default;
};

QDebug operator<<(QDebug debug, const Draft &draft);

/**
 * Keeps what a reviewer has typed but not confirmed, so that a crash or a kill loses nothing:
 * one small JSON file per review library in the user's data folder, written atomically
 * (QSaveFile). The window saves a draft a moment after typing stops, removes it once the edit
 * is confirmed or cancelled, and offers a draft it finds at start to be restored.
 *
 * The file is named after a hash of the library's location; the location itself is not stored,
 * since a PostgreSQL location may carry a password.
 */
class DraftStore final
{
    Q_DECLARE_TR_FUNCTIONS(nianbao::DraftStore)

public:
    /** The drafts of the library at `libraryLocation`, kept in `folder`. */
    explicit DraftStore(const QString &libraryLocation, QString folder = defaultFolder());

    /** The drafts folder in the user's data folder, beside the default library. */
    static QString defaultFolder();
    /** The draft file of this library (it may not exist). */
    QString filePath() const;

    Result<void> save(const Draft &draft) const;
    /** The draft left behind, or no value when there is none; a damaged file is an error. */
    Result<std::optional<Draft>> load() const;
    /** Removes the draft; removing none is no error. */
    Result<void> remove() const;

private:
    QString m_folder;
    QString m_fileName;
};

} // namespace nianbao

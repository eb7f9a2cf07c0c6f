// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kFormatVersion = 1;

Error draftError(const QString &code, const QString &message, const QString &file)
{
    return Error {code, message, {file, 0, {}}};
}

/** A file library by its absolute path, so two spellings of one file share their draft. */
QString canonicalLocation(const QString &location)
{
    if (location.contains(u"://"_s))
        return location;
    return QFileInfo(location).absoluteFilePath();
}

QJsonObject toJson(const Draft &draft)
{
    return QJsonObject {{u"format"_s, kFormatVersion},
                        {u"documentId"_s, QString::number(draft.documentId)},
                        {u"documentPath"_s, draft.documentPath},
                        {u"reportTitle"_s, draft.reportTitle},
                        {u"cell"_s, draft.cell.toString()},
                        {u"text"_s, draft.text},
                        {u"savedAt"_s, draft.savedAt.toString(Qt::ISODateWithMs)}};
}

std::optional<Draft> fromJson(const QJsonObject &json)
{
    bool idOk = false;
    Draft draft;
    draft.documentId = json.value(u"documentId"_s).toString().toLongLong(&idOk);
    draft.documentPath = json.value(u"documentPath"_s).toString();
    draft.reportTitle = json.value(u"reportTitle"_s).toString();
    draft.cell = CellKey(json.value(u"cell"_s).toString());
    draft.text = json.value(u"text"_s).toString();
    draft.savedAt = QDateTime::fromString(json.value(u"savedAt"_s).toString(), Qt::ISODateWithMs);
    if (json.value(u"format"_s).toInt() != kFormatVersion || !idOk || draft.cell.isEmpty())
        return std::nullopt;
    return draft;
}

} // namespace

QDebug operator<<(QDebug debug, const Draft &draft)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Draft(" << draft.documentId << ", " << draft.cell << ", " << draft.text
                    << ")";
    return debug;
}

DraftStore::DraftStore(const QString &libraryLocation, QString folder)
    : m_folder(std::move(folder))
{
    const QByteArray hash = QCryptographicHash::hash(canonicalLocation(libraryLocation).toUtf8(),
                                                     QCryptographicHash::Sha256);
    m_fileName = QString::fromLatin1(hash.toHex().left(24)) + u".json"_s;
}

QString DraftStore::defaultFolder()
{
    // Where ReviewLibrary::defaultLocation() keeps the library, whatever the application's name.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)
        + u"/nianbao/drafts"_s;
}

QString DraftStore::filePath() const
{
    return m_folder + u'/' + m_fileName;
}

Result<void> DraftStore::save(const Draft &draft) const
{
    const QString path = filePath();
    if (!QDir().mkpath(m_folder))
        return draftError(u"draft.write"_s, tr("The folder %1 cannot be created.").arg(m_folder),
                          path);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return draftError(
            u"draft.write"_s,
            tr("The unsaved text cannot be kept in %1: %2").arg(path, file.errorString()), path);
    }
    file.write(QJsonDocument(toJson(draft)).toJson(QJsonDocument::Compact));
    if (!file.commit()) {
        return draftError(
            u"draft.write"_s,
            tr("The unsaved text cannot be kept in %1: %2").arg(path, file.errorString()), path);
    }
    return {};
}

Result<std::optional<Draft>> DraftStore::load() const
{
    const QString path = filePath();
    QFile file(path);
    if (!file.exists())
        return std::optional<Draft>();
    if (!file.open(QIODevice::ReadOnly)) {
        return draftError(
            u"draft.unreadable"_s,
            tr("The unsaved text in %1 cannot be read: %2").arg(path, file.errorString()), path);
    }
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    const std::optional<Draft> draft
        = json.isObject() ? fromJson(json.object()) : std::optional<Draft>();
    if (!draft) {
        return draftError(u"draft.damaged"_s,
                          tr("The unsaved text in %1 is damaged and cannot be restored.").arg(path),
                          path);
    }
    return draft;
}

Result<void> DraftStore::remove() const
{
    QFile file(filePath());
    if (file.exists() && !file.remove()) {
        return draftError(
            u"draft.write"_s,
            tr("The unsaved text in %1 cannot be removed: %2").arg(filePath(), file.errorString()),
            filePath());
    }
    return {};
}

} // namespace nianbao

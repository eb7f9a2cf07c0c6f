// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QHashFunctions>
#include <QString>

namespace nianbao {

/**
 * The public key of one template cell, e.g. "requests.received.total". Keys are a contract with
 * everyone who joins exports across years (template.md); the strong type keeps them from being
 * mixed up with labels or file names.
 *
 * Inside the engine and the window a cell is its dense index in the template (an int,
 * ReportTemplate::cellIndex): the rules walk arrays of cells by index on every edit, and a
 * string key there would cost a hash per step. What a caller outside the engine uses names
 * cells by key instead (ReviewSession's keyed overloads, ReviewLibrary::saveCellNote, the
 * exports and the JSON), and the int entry points check their range at that boundary
 * (input.unknown_cell, library.unknown_cell) rather than trusting it.
 */
class CellKey
{
public:
    CellKey() = default;
    explicit CellKey(QString key)
        : m_key(std::move(key))
    { }

    const QString &toString() const { return m_key; }
    bool isEmpty() const { return m_key.isEmpty(); }

    friend bool operator==(const CellKey &, const CellKey &) = default;
    friend auto operator<=>(const CellKey &a, const CellKey &b)
    {
        return a.m_key.compare(b.m_key) <=> 0;
    }

private:
    QString m_key;
};

inline size_t qHash(const CellKey &key, size_t seed = 0)
{
    return qHash(key.toString(), seed);
}

inline QDebug operator<<(QDebug debug, const CellKey &key)
{
    QDebugStateSaver saver(debug);
    debug.noquote().nospace() << "CellKey(" << key.toString() << ")";
    return debug;
}

} // namespace nianbao

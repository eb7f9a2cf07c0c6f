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

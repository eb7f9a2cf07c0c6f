// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringView>

#include <optional>

namespace nianbao {

/**
 * Writes compact JSON into a byte array, byte for byte as QJsonDocument::toJson(Compact) would
 * write the same document with its keys in the order given: no document tree is built, so many
 * reports can be written at once on worker threads. The caller writes keys in QJsonObject's
 * order (sorted) when the output must match a QJsonObject's.
 */
class JsonWriter
{
public:
    explicit JsonWriter(QByteArray &out)
        : m_out(out)
    { }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    /** The next value is the member `name`; names are plain ASCII, so written unescaped. */
    void key(const char *name);

    void value(QStringView text);
    void value(double number);
    void value(int number) { value(qint64(number)); }
    void value(qint64 number);
    void value(const std::optional<double> &number);
    void null();

    /** Writes already formed JSON (one value) as the next value. */
    void raw(const QByteArray &json);

    /** Whether the innermost open array or object holds a value yet. */
    bool hasValues() const { return !m_first; }
    /** Continues after JSON written elsewhere: the innermost container then holds values. */
    void markHasValues() { m_first = false; }

private:
    void separate();
    void open(char bracket);
    void close(char bracket);

    QByteArray &m_out;
    bool m_first = true; ///< no value yet in the innermost container
    bool m_afterKey = false;
};

/** A string as QJsonDocument writes it: UTF-8, with quotes, control characters escaped. */
void appendJsonString(QByteArray &out, QStringView text);

/** A number as QJsonDocument writes a QJsonValue(double): integers without ".0". */
void appendJsonNumber(QByteArray &out, double number);

} // namespace nianbao

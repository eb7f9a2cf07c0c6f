// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDebug>
#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace nianbao {

/** Where a problem stands: a file, and optionally a line and a cell key. */
struct ErrorLocation
{
    QString file;
    int line = 0;
    QString cell;

    friend bool operator==(const ErrorLocation &, const ErrorLocation &) = default;
};

/**
 * A problem reading or checking a report. Errors are values in Nianbao: the core API returns
 * them instead of throwing, and the CLI and the window show `message` to the user.
 */
struct Error
{
    QString code; ///< stable machine-readable id, e.g. "encoding.unknown"
    QString message; ///< a sentence for the reviewer, naming what and where
    ErrorLocation where;

    friend bool operator==(const Error &, const Error &) = default;
};

inline QDebug operator<<(QDebug debug, const Error &error)
{
    QDebugStateSaver saver(debug);
    debug.nospace() << "Error(" << error.code << ", " << error.message << ")";
    return debug;
}

/** Either a value or an Error; the small stand-in for std::expected we use across core. */
template<typename T>
class Result
{
public:
    Result(T value)
        : m_data(std::move(value))
    { }
    Result(Error error)
        : m_data(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

/**
 * Success or an Error, for a fallible call that has nothing to return: it succeeds, or says why
 * not. A default-constructed Result<void> is a success, so such a function ends in `return {};`
 * and fails with `return Error {…};` or `return other.error();`.
 */
template<>
class Result<void>
{
public:
    Result() = default;
    Result(Error error)
        : m_error(std::move(error))
    { }

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }

    const Error &error() const { return m_error.value(); }

private:
    std::optional<Error> m_error;
};

} // namespace nianbao

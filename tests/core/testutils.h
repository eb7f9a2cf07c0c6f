// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "reporttemplate.h"

#include <QByteArray>
#include <QHash>
#include <QProcessEnvironment>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace nianbao::test {

/**
 * Sanitized builds (ASan, Debug) run hostile-input tests ten to thirty times slower: there the
 * largest generated inputs shrink by kSanitizedShrink and time limits grow by as much, so the
 * sanitizers still see every path while the release build keeps the real size and limit.
 */
#if defined(__SANITIZE_ADDRESS__)
constexpr int kSanitizedShrink = 5;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kSanitizedShrink = 5;
#else
constexpr int kSanitizedShrink = 1;
#endif
#else
constexpr int kSanitizedShrink = 1;
#endif

/**
 * How long a bounded hostile input may take before a test calls it a hang: the per-file budget
 * (ten seconds, ReadBudget). Tests assert the caps and the work they bound; this limit only
 * catches an unbounded or quadratic walk, never slowness on a busy two-core CI machine, so it is
 * never tightened to measure speed (nianbao-bench does that).
 */
constexpr qint64 kHangLimitMs = 10'000LL * kSanitizedShrink;

/** The standard template's index of the cell `key` names; a test with a typo stops at once. */
int cellOf(const char *key);

/** A file under tests/data (NIANBAO_TEST_DATA_DIR), never relative to the working directory. */
QString dataPath(const QString &relative);
/** The real reports of tests/data/real (every file but the expected answers), by name. */
QStringList realReportFiles();

/** The golden cases: one folder per real report under tests/data/seeds, sorted by name. */
QStringList seedNames();
QString seedReportPath(const QString &seed);

/** A seed's expected.json: the answers the engine must give for its report.txt. */
struct Expected
{
    QString agency;
    int year = 0;
    QHash<QString, double> cells;
    QSet<QString> missingInSource; ///< blank in the source: missing, or deduced to the value
};

bool loadExpected(const QString &seed, Expected *expected);
bool readFileBytes(const QString &path, QByteArray *bytes);

/** The expected figures as ReportRenderer takes them, one per template cell. */
std::vector<std::optional<double>> expectedValues(const Expected &expected,
                                                  const ReportTemplate &reportTemplate);
/** The template cell indices of the expected.json keys in `keys`. */
QSet<int> cellIndices(const QSet<QString> &keys, const ReportTemplate &reportTemplate);

/**
 * Compares a report's 200 cells with the true figures. A cell in `blank` stood blank in the
 * source: it must be missing with no value, or deduced to its true figure (once the rules fill
 * it in). Every other cell must be extracted with its true figure. Returns one line per
 * difference, naming the cell, what was expected and what was read.
 */
QStringList cellDifferences(const Report &report, const std::vector<std::optional<double>> &truth,
                            const QSet<int> &blank, const ReportTemplate &reportTemplate);

/**
 * How a report's cells compare with the true figures, counted as tests/real/score.py counts
 * them. A cell is right when it holds its true figure; a cell blank in the source (`blank`) is
 * also right when it holds no value and a finding suggests the true one; a cell without a true
 * figure is right when it holds no value. A wrong cell is silent when it is read as extracted
 * with a value and no finding names it: the reviewer is not told to look.
 */
struct CellScore
{
    int total = 0;
    int right = 0;
    QStringList wrong; ///< "key: expected E, read V (state)" per wrong cell
    QStringList silent; ///< the wrong cells nothing flags, as in `wrong`

    double rate() const { return total > 0 ? double(right) / total : 0.0; }
};

CellScore scoreCells(const Report &report, const std::vector<std::optional<double>> &truth,
                     const QSet<int> &blank, const ReportTemplate &reportTemplate);

/** A failure message for cellDifferences(): how many cells differ, and the first of them. */
QByteArray differencesMessage(const QStringList &differences);

/** Encodes text with an ICU converter (e.g. "GB18030"); empty if ICU cannot convert it. */
QByteArray encodeWithIcu(const QString &text, const char *encoding);
/** UTF-16 in the given byte order, with a byte order mark. */
QByteArray encodeUtf16WithBom(const QString &text, bool littleEndian);
/** Replaces ASCII digits with full-width ones (０…９). */
QString toFullWidthDigits(QString text);

/** A number as test messages print it. */
QString numberText(const std::optional<double> &value);

/** What nianbao-cli did: its exit status and what it printed. */
struct CliRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

/**
 * Runs nianbao-cli (NIANBAO_CLI_PATH) with `arguments`, as a user would; false if it did not
 * start, or did not finish normally within a minute.
 */
bool runCli(const QStringList &arguments, CliRun *run,
            const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment());

} // namespace nianbao::test

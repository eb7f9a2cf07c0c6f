// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "testutils.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStringEncoder>

#include <unicode/ucnv.h>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace nianbao::test {

int cellOf(const char *key)
{
    const int cell = ReportTemplate::standard().cellIndex(CellKey(QString::fromLatin1(key)));
    if (cell < 0)
        qFatal("unknown cell %s", key);
    return cell;
}

QString dataPath(const QString &relative)
{
    return QDir(QStringLiteral(NIANBAO_TEST_DATA_DIR)).filePath(relative);
}

QStringList realReportFiles()
{
    QStringList files;
    const QDir folder(dataPath(u"real"_s));
    for (const QString &name : folder.entryList(QDir::Files, QDir::Name)) {
        if (!name.endsWith(u".json"_s))
            files.append(folder.filePath(name));
    }
    return files;
}

QStringList seedNames()
{
    return QDir(dataPath(u"seeds"_s)).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

QString seedReportPath(const QString &seed)
{
    return dataPath(u"seeds/"_s % seed % u"/report.txt"_s);
}

bool readFileBytes(const QString &path, QByteArray *bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    *bytes = file.readAll();
    return true;
}

bool loadExpected(const QString &seed, Expected *expected)
{
    QByteArray bytes;
    if (!readFileBytes(dataPath(u"seeds/"_s % seed % u"/expected.json"_s), &bytes))
        return false;
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    if (root.isEmpty())
        return false;
    expected->agency = root["agency"_L1].toString();
    expected->year = root["year"_L1].toInt();
    const QJsonObject cells = root["cells"_L1].toObject();
    for (auto it = cells.begin(); it != cells.end(); ++it)
        expected->cells.insert(it.key(), it.value().toDouble());
    for (const QJsonValue &key : root["missing_in_source"_L1].toArray())
        expected->missingInSource.insert(key.toString());
    return !expected->cells.isEmpty();
}

std::vector<std::optional<double>> expectedValues(const Expected &expected,
                                                  const ReportTemplate &reportTemplate)
{
    std::vector<std::optional<double>> values(size_t(reportTemplate.cellCount()));
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const auto it = expected.cells.constFind(reportTemplate.cells()[c].key.toString());
        if (it != expected.cells.cend())
            values[size_t(c)] = *it;
    }
    return values;
}

QSet<int> cellIndices(const QSet<QString> &keys, const ReportTemplate &reportTemplate)
{
    QSet<int> indices;
    for (const QString &key : keys)
        indices.insert(reportTemplate.cellIndex(CellKey(key)));
    return indices;
}

QString numberText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'g', 15) : u"null"_s;
}

QStringList cellDifferences(const Report &report, const std::vector<std::optional<double>> &truth,
                            const QSet<int> &blank, const ReportTemplate &reportTemplate)
{
    QStringList differences;
    if (int(report.cells.size()) != reportTemplate.cellCount()) {
        differences.append(u"the report has %1 cells, the template %2"_s.arg(report.cells.size())
                               .arg(reportTemplate.cellCount()));
        return differences;
    }
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        const CellValue &cell = report.cells[size_t(c)];
        const std::optional<double> &want = truth[size_t(c)];
        const auto same = [](const std::optional<double> &a, const std::optional<double> &b) {
            return a && b && std::abs(*a - *b) < 1e-9;
        };
        bool ok = false;
        QString wanted;
        if (blank.contains(c)) {
            ok = (cell.state == CellState::Missing && !cell.value)
                || (cell.state == CellState::Deduced && same(cell.value, want));
            wanted = u"null (missing) or %1 (deduced)"_s.arg(numberText(want));
        } else {
            ok = cell.state == CellState::Extracted && same(cell.value, want);
            wanted = u"%1 (extracted)"_s.arg(numberText(want));
        }
        if (!ok) {
            differences.append(u"%1: expected %2, got %3 (%4)"_s.arg(
                reportTemplate.cells()[c].key.toString(), wanted, numberText(cell.value),
                cellStateName(cell.state)));
        }
    }
    return differences;
}

QByteArray differencesMessage(const QStringList &differences)
{
    // Qt Test cuts long messages; the count and the first cells are what a reader needs.
    constexpr int kShown = 8;
    QString message = u"%1 cell(s) differ:\n"_s.arg(differences.size());
    message += differences.mid(0, kShown).join(u'\n');
    if (differences.size() > kShown)
        message += u"\n…"_s;
    return message.toUtf8();
}

QByteArray encodeWithIcu(const QString &text, const char *encoding)
{
    UErrorCode status = U_ZERO_ERROR;
    const std::unique_ptr<UConverter, void (*)(UConverter *)> converter(
        ucnv_open(encoding, &status), ucnv_close);
    if (U_FAILURE(status))
        return {};
    const auto *source = reinterpret_cast<const UChar *>(text.utf16());
    const int32_t needed
        = ucnv_fromUChars(converter.get(), nullptr, 0, source, int32_t(text.size()), &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status))
        return {};
    QByteArray bytes(needed, Qt::Uninitialized);
    status = U_ZERO_ERROR;
    ucnv_fromUChars(converter.get(), bytes.data(), needed, source, int32_t(text.size()), &status);
    if (U_FAILURE(status))
        return {};
    return bytes;
}

QByteArray encodeUtf16WithBom(const QString &text, bool littleEndian)
{
    QStringEncoder encoder(littleEndian ? QStringConverter::Utf16LE : QStringConverter::Utf16BE,
                           QStringConverter::Flag::WriteBom);
    return encoder.encode(text);
}

QString toFullWidthDigits(QString text)
{
    for (QChar &c : text) {
        if (c >= u'0' && c <= u'9')
            c = QChar(char16_t(u'０' + (c.unicode() - u'0')));
    }
    return text;
}

CellScore scoreCells(const Report &report, const std::vector<std::optional<double>> &truth,
                     const QSet<int> &blank, const ReportTemplate &reportTemplate)
{
    QSet<int> flagged;
    QHash<int, double> suggested;
    for (const Finding &finding : report.findings) {
        for (int cell : finding.cells)
            flagged.insert(cell);
        if (finding.suggestion)
            suggested.insert(finding.suggestion->cell, finding.suggestion->value);
    }
    CellScore score;
    for (int c = 0; c < reportTemplate.cellCount(); ++c) {
        ++score.total;
        const std::optional<double> expected
            = c < int(truth.size()) ? truth[size_t(c)] : std::nullopt;
        if (c >= int(report.cells.size())) {
            score.wrong.append(reportTemplate.cells()[c].key.toString() % u": absent"_s);
            continue;
        }
        const CellValue &cell = report.cells[size_t(c)];
        const bool same = expected && cell.value && std::abs(*cell.value - *expected) < 1e-9;
        bool right = same;
        if (!expected)
            right = !cell.value;
        else if (blank.contains(c))
            right
                = same || (!cell.value && suggested.contains(c) && suggested.value(c) == *expected);
        if (right) {
            ++score.right;
            continue;
        }
        const QString line = u"%1: expected %2, read %3 (%4)"_s.arg(
            reportTemplate.cells()[c].key.toString(), numberText(expected), numberText(cell.value),
            cellStateName(cell.state));
        score.wrong.append(line);
        if (cell.state == CellState::Extracted && cell.value && !flagged.contains(c))
            score.silent.append(line);
    }
    return score;
}

bool runCli(const QStringList &arguments, CliRun *run, const QProcessEnvironment &environment)
{
    QProcess cli;
    cli.setProcessEnvironment(environment);
    cli.start(QStringLiteral(NIANBAO_CLI_PATH), arguments);
    if (!cli.waitForFinished(60000) || cli.exitStatus() != QProcess::NormalExit)
        return false;
    run->exitCode = cli.exitCode();
    run->out = cli.readAllStandardOutput();
    run->err = cli.readAllStandardError();
    return true;
}

} // namespace nianbao::test

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "report.h"
#include "reporttemplate.h"

#include <QByteArray>
#include <QJsonObject>

#include <array>
#include <vector>

namespace nianbao {

class CodePointIndex;

/** One report in the public JSON form of `nianbao-cli check --json` (spec/cli.md). */
QJsonObject reportToJson(const Report &report,
                         const ReportTemplate &reportTemplate = ReportTemplate::standard());

/**
 * Writes the same JSON as QJsonDocument(reportToJson(report)).toJson(Compact), byte for byte,
 * without building the document: several times faster, and safe to use from many threads.
 */
class ReportJsonWriter
{
public:
    explicit ReportJsonWriter(const ReportTemplate &reportTemplate = ReportTemplate::standard());

    /**
     * One report split where year.carry findings go (they are found once all reports are read):
     * head + findings written by appendFindings + tail is the whole report.
     */
    struct Parts
    {
        QByteArray head; ///< up to the report's own last finding, "findings" still open
        QByteArray tail; ///< from the end of "findings" to the end of the report
        bool hasFindings = false; ///< whether head holds a finding (later ones need a comma)
    };
    Parts parts(const Report &report) const;
    /**
     * The same parts with the head packed: of each cell only what differs between reports is
     * kept (its state, source and value, not its key), about a seventh of the bytes. For
     * output held a while: `nianbao-cli check --json` holds every report until year.carry is
     * known. unpackHead() gives back the head of parts(), byte for byte.
     */
    Parts packedParts(const Report &report) const;
    /** Appends the JSON that `packedHead`, the head of a packedParts(), stands for. */
    void unpackHead(QByteArrayView packedHead, QByteArray &out) const;
    QByteArray write(const Report &report) const;
    /** Appends `findings` to a "findings" array that holds values already if `afterOthers`. */
    void appendFindings(QByteArray &out, const QList<Finding> &findings, bool afterOthers) const;

private:
    Parts parts(const Report &report, bool packed) const;
    QByteArray cellsJson(const Report &report, const CodePointIndex &index) const;
    void packCells(QByteArray &out, const Report &report, const CodePointIndex &index) const;

    std::vector<QByteArray> m_keys; ///< each cell's key, as a JSON string
    std::vector<QByteArray> m_cellOpenings; ///< each cell's JSON up to its "source" value
    std::array<QByteArray, 5> m_stateMembers; ///< "state" and the "value" key, by CellState
    qsizetype m_unpackedCellBytes = 0; ///< what unpackHead() adds to a packed head at most
};

} // namespace nianbao

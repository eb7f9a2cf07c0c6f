// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewdocument.h"

#include "library/librarybinding.h"

#include <QUndoStack>

#include <algorithm>

namespace nianbao {

ReviewDocument::ReviewDocument(Report report, const Checker &checker, const QString &reviewer,
                               QObject *parent)
    : QObject(parent)
    , m_file(report.file)
    , m_errors(report.errors)
    , m_undoStack(new QUndoStack(this))
{
    if (report.loaded) {
        m_session = std::make_unique<ReviewSession>(std::move(report), checker, reviewer);
        connect(m_session.get(), &ReviewSession::findingsChanged, this, &ReviewDocument::apply);
        connect(m_session.get(), &ReviewSession::decisionChanged, this,
                &ReviewDocument::decisionChanged);
        m_findings = m_session->findings();
    }
    reindex();
}

ReviewDocument::~ReviewDocument() = default;

QString ReviewDocument::errorText() const
{
    QStringList messages;
    for (const Error &error : m_errors)
        messages.append(error.message);
    return messages.join(u'\n');
}

const QString &ReviewDocument::text() const
{
    static const QString kNone;
    return m_session ? m_session->report().text : kNone;
}

std::optional<Finding> ReviewDocument::finding(std::optional<FindingKey> key) const
{
    const Finding *found = key ? findByKey(m_findings, *key) : nullptr;
    return found ? std::optional<Finding>(*found) : std::nullopt;
}

QList<Finding> ReviewDocument::findingsOf(int cell) const
{
    QList<Finding> found;
    for (int index : m_byCell.value(cell))
        found.append(m_findings[index]);
    return found;
}

ReviewCounts ReviewDocument::counts() const
{
    // m_findings mirrors the session's findings: one rule for what counts, the session's.
    return m_session ? m_session->counts() : ReviewCounts {};
}

FindingDecision ReviewDocument::decision(const Finding &finding) const
{
    return m_session ? m_session->decision(finding) : FindingDecision {};
}

ReviewDocument::DecisionCounts ReviewDocument::decisionCounts() const
{
    DecisionCounts counts;
    for (const Finding &finding : m_findings) {
        switch (decision(finding).state) {
        case DecisionState::Open:
            ++counts.open;
            break;
        case DecisionState::Confirmed:
            ++counts.confirmed;
            break;
        case DecisionState::Dismissed:
            ++counts.dismissed;
            break;
        }
    }
    return counts;
}

qint64 ReviewDocument::libraryId() const
{
    return m_binding ? m_binding->documentId() : 0;
}

std::optional<Finding> ReviewDocument::suggestionFor(int cell) const
{
    for (int index : m_byCell.value(cell)) {
        const Finding &finding = m_findings[index];
        if (finding.suggestion && finding.suggestion->cell == cell)
            return finding;
    }
    return std::nullopt;
}

int ReviewDocument::cellAt(int position) const
{
    if (!m_session)
        return -1;
    const std::vector<CellValue> &cells = m_session->cells();
    for (int cell = 0; cell < int(cells.size()); ++cell) {
        if (cells[size_t(cell)].span.contains(position))
            return cell;
    }
    for (const StatedFigure &figure : m_session->report().statements) {
        if (figure.span.contains(position) || figure.figureSpan.contains(position))
            return figure.cell;
    }
    return -1;
}

void ReviewDocument::apply(const FindingsDelta &delta)
{
    // Kept in key order by inserting each new finding in its place, rather than sorting the
    // whole list again on every keystroke.
    for (const Finding &gone : delta.disappeared) {
        if (const Finding *found = findByKey(m_findings, gone.key))
            m_findings.removeAt(found - m_findings.constData());
    }
    for (const Finding &added : delta.appeared) {
        const auto at
            = std::lower_bound(m_findings.begin(), m_findings.end(), added, findingBefore);
        m_findings.insert(at, added);
    }
    reindex();
    emit findingsChanged(delta);
}

void ReviewDocument::reindex()
{
    m_byCell.clear();
    for (int i = 0; i < m_findings.size(); ++i) {
        for (int cell : std::as_const(m_findings[i].cells))
            m_byCell[cell].append(i);
    }
}

} // namespace nianbao

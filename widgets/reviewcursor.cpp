// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewcursor.h"

#include "reviewdocument.h"

namespace nianbao {

ReviewCursor::ReviewCursor(QObject *parent)
    : QObject(parent)
{ }

void ReviewCursor::setDocument(ReviewDocument *document)
{
    if (document == m_document)
        return;
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &ReviewDocument::findingsChanged, this, &ReviewCursor::onFindingsChanged);
    m_cell = -1;
    m_cells.clear();
    m_finding.reset();
    emit documentChanged(document);
    emit selectionChanged();
}

void ReviewCursor::selectCell(int cell)
{
    if (cell == m_cell && m_cells == QList<int> {cell} && !m_finding)
        return;
    m_cell = cell;
    m_cells = cell < 0 ? QList<int>() : QList<int> {cell};
    m_finding.reset();
    emit selectionChanged();
}

void ReviewCursor::selectFinding(FindingKey key)
{
    if (!m_document || key == m_finding)
        return;
    const std::optional<Finding> finding = m_document->finding(key);
    if (!finding) {
        clear();
        return;
    }
    m_finding = key;
    m_cells = finding->cells;
    m_cell = finding->suggestion ? finding->suggestion->cell : m_cells.value(0, -1);
    emit selectionChanged();
}

void ReviewCursor::selectNextFinding(int step)
{
    if (!m_document)
        return;
    const QList<Finding> findings = m_document->findings();
    if (findings.isEmpty())
        return;
    qsizetype at = -1;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        if (findings[i].key == m_finding)
            at = i;
    }
    const qsizetype count = findings.size();
    const qsizetype next
        = at < 0 ? (step > 0 ? 0 : count - 1) : ((at + step) % count + count) % count;
    selectFinding(findings[next].key);
}

void ReviewCursor::selectTextPosition(int position)
{
    if (!m_document)
        return;
    const int cell = m_document->cellAt(position);
    if (cell >= 0)
        selectCell(cell);
}

void ReviewCursor::clear()
{
    if (m_cell < 0 && m_cells.isEmpty() && !m_finding)
        return;
    m_cell = -1;
    m_cells.clear();
    m_finding.reset();
    emit selectionChanged();
}

void ReviewCursor::onFindingsChanged()
{
    // A finding that an edit resolved is gone; its cells stay selected.
    if (m_finding && !m_document->finding(m_finding)) {
        m_finding.reset();
        emit selectionChanged();
    }
}

SourceSpan ReviewCursor::currentSpan() const
{
    if (!m_document || !m_document->session() || m_cell < 0)
        return {};
    const SourceSpan span = m_document->session()->cell(m_cell).span;
    if (span.isValid())
        return span;
    for (const StatedFigure &figure : m_document->session()->report().statements) {
        if (figure.cell == m_cell)
            return figure.figureSpan;
    }
    return {};
}

QList<int> ReviewCursor::statementsOfSelection() const
{
    QList<int> statements;
    const std::optional<Finding> finding = m_document->finding(m_finding);
    if (finding && finding->statement >= 0)
        statements.append(finding->statement);
    return statements;
}

QList<SourceSpan> ReviewCursor::selectedSpans() const
{
    QList<SourceSpan> spans;
    if (!m_document || !m_document->session())
        return spans;
    const ReviewSession &session = *m_document->session();
    for (int cell : m_cells) {
        const SourceSpan span = session.cell(cell).span;
        if (span.isValid())
            spans.append(span);
    }
    const QList<StatedFigure> &statements = session.report().statements;
    for (int statement : statementsOfSelection()) {
        if (statement < statements.size())
            spans.append(statements[statement].span);
    }
    return spans;
}

} // namespace nianbao

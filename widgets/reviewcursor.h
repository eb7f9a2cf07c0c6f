// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"
#include "sourcespan.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace nianbao {

/**
 * What the reviewer is looking at: the current report, its current cell, the cells and the
 * finding selected with it, and so the spans of the source to highlight. Every view observes
 * this one object and reports the user's choices to it; no view calls another.
 */
class ReviewCursor final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewCursor)

public:
    explicit ReviewCursor(QObject *parent = nullptr);

    ReviewDocument *document() const { return m_document; }
    int cell() const { return m_cell; }
    const QList<int> &cells() const { return m_cells; }
    std::optional<FindingKey> findingKey() const { return m_finding; }

    /** The span of the current cell, or of the stated figure it comes from. */
    SourceSpan currentSpan() const;
    /** Every span of the selection: its cells' and its stated figures'. */
    QList<SourceSpan> selectedSpans() const;

public slots:
    void setDocument(nianbao::ReviewDocument *document);
    void selectCell(int cell);
    void selectFinding(nianbao::FindingKey key);
    /** Selects the next (step 1) or previous (step -1) finding, wrapping around. */
    void selectNextFinding(int step);
    /** Selects the cell whose figure stands at a position of the document's text. */
    void selectTextPosition(int position);
    void clear();

signals:
    void documentChanged(nianbao::ReviewDocument *document);
    /** The cell, the cells or the finding changed. */
    void selectionChanged();

private:
    void onFindingsChanged();
    QList<int> statementsOfSelection() const;

    QPointer<ReviewDocument> m_document;
    int m_cell = -1;
    QList<int> m_cells;
    std::optional<FindingKey> m_finding;
};

} // namespace nianbao

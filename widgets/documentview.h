// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"
#include "sourcespan.h"

#include <QPlainTextEdit>
#include <QPointer>

namespace nianbao {

class ReviewCursor;

/**
 * The report's decoded text, read-only, in a CJK font. Marks the stated figures and the figures
 * of broken rules, highlights the spans of the cursor's selection and scrolls to them; a click
 * (or Enter) on a figure selects its cell.
 */
class DocumentView final : public QPlainTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DocumentView)

public:
    explicit DocumentView(ReviewCursor *cursor, QWidget *parent = nullptr);

    /** The spans highlighted as selected, the current one first (for tests and tooltips). */
    QList<SourceSpan> highlightedSpans() const { return m_highlighted; }

    /** Selects the next (or previous) occurrence of `text`, round the end; false if none. */
    bool findText(const QString &text, bool backward = false);
    /** How often `text` occurs, and which occurrence is selected (from 1; 0 if none is). */
    std::pair<int, int> matchPosition(const QString &text) const;

    /** Text size in steps of one point from the window's (0), within kMinZoom…kMaxZoom. */
    void setZoom(int steps);
    int zoom() const { return m_zoom; }

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setDocument(ReviewDocument *document);
    void showText();
    void updateMarks();
    void followCursor();
    QTextCursor spanCursor(const SourceSpan &span) const;
    QList<QTextEdit::ExtraSelection> figureMarks() const;

    ReviewCursor *m_cursor;
    QPointer<ReviewDocument> m_document;
    QList<QTextEdit::ExtraSelection> m_marks;
    QList<SourceSpan> m_highlighted;
    qreal m_basePointSize = 0;
    int m_zoom = 0;
};

} // namespace nianbao

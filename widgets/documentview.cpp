// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentview.h"

#include "cellstyle.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "zoomlimits.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QTextBlock>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

QFont documentFont()
{
    QFont font;
    font.setFamilies({u"Noto Sans CJK SC"_s, u"Source Han Sans SC"_s, u"WenQuanYi Micro Hei"_s,
                      u"Microsoft YaHei"_s, u"PingFang SC"_s});
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QTextCharFormat markFormat(CellStyle::Highlight highlight, QTextCharFormat::UnderlineStyle style,
                           const QPalette &palette)
{
    QTextCharFormat format;
    format.setUnderlineStyle(style);
    format.setUnderlineColor(CellStyle::colour(highlight));
    format.setBackground(CellStyle::tint(highlight, palette, 0.18));
    return format;
}

} // namespace

DocumentView::DocumentView(ReviewCursor *cursor, QWidget *parent)
    : QPlainTextEdit(parent)
    , m_cursor(cursor)
{
    setObjectName(u"documentView"_s);
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setFont(documentFont());
    setTabStopDistance(fontMetrics().horizontalAdvance(QChar(0x4E2D)) * 4);
    setLineWrapMode(WidgetWidth);
    connect(cursor, &ReviewCursor::documentChanged, this, &DocumentView::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &DocumentView::followCursor);
}

void DocumentView::setDocument(ReviewDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document)
        connect(document, &ReviewDocument::findingsChanged, this, &DocumentView::updateMarks);
    showText();
}

void DocumentView::showText()
{
    if (!m_document)
        setPlainText({});
    else if (!m_document->isLoaded())
        setPlainText(tr("This report could not be opened:\n\n%1").arg(m_document->errorText()));
    else
        setPlainText(m_document->text());
    updateMarks();
}

QTextCursor DocumentView::spanCursor(const SourceSpan &span) const
{
    QTextCursor cursor(document());
    const int last = document()->characterCount() - 1;
    cursor.setPosition(std::clamp(span.start, 0, last));
    cursor.setPosition(std::clamp(span.end, 0, last), QTextCursor::KeepAnchor);
    return cursor;
}

QList<QTextEdit::ExtraSelection> DocumentView::figureMarks() const
{
    QList<QTextEdit::ExtraSelection> marks;
    if (!m_document || !m_document->session())
        return marks;
    const ReviewSession &session = *m_document->session();
    QSet<int> contradicted;
    QSet<int> brokenCells;
    for (const Finding &finding : m_document->findings()) {
        if (finding.statement >= 0)
            contradicted.insert(finding.statement);
        else if (finding.severity == Severity::Error)
            brokenCells.unite(QSet<int>(finding.cells.cbegin(), finding.cells.cend()));
    }
    const QList<StatedFigure> &statements = session.report().statements;
    for (int s = 0; s < statements.size(); ++s) {
        const bool wrong = contradicted.contains(s);
        marks.append(
            {spanCursor(statements[s].figureSpan),
             markFormat(wrong ? CellStyle::Highlight::StatedMismatch
                              : CellStyle::Highlight::Deduced,
                        wrong ? QTextCharFormat::WaveUnderline : QTextCharFormat::DashUnderline,
                        palette())});
    }
    for (int cell : std::as_const(brokenCells)) {
        const SourceSpan span = session.cell(cell).span;
        if (span.isValid())
            marks.append({spanCursor(span),
                          markFormat(CellStyle::Highlight::BrokenRule,
                                     QTextCharFormat::WaveUnderline, palette())});
    }
    return marks;
}

void DocumentView::updateMarks()
{
    m_marks = figureMarks();
    followCursor();
}

void DocumentView::followCursor()
{
    QList<QTextEdit::ExtraSelection> selections = m_marks;
    m_highlighted.clear();
    QColor selected = palette().color(QPalette::Highlight);
    selected.setAlpha(70);
    for (const SourceSpan &span : m_cursor->selectedSpans()) {
        QTextCharFormat format;
        format.setBackground(selected);
        selections.append({spanCursor(span), format});
        m_highlighted.append(span);
    }
    const SourceSpan current = m_cursor->currentSpan();
    if (current.isValid()) {
        QTextCharFormat format;
        format.setBackground(palette().color(QPalette::Highlight));
        format.setForeground(palette().color(QPalette::HighlightedText));
        format.setFontWeight(QFont::Bold);
        selections.append({spanCursor(current), format});
        m_highlighted.removeAll(current);
        m_highlighted.prepend(current);
        QTextCursor at = spanCursor(current);
        at.setPosition(at.selectionStart());
        const QSignalBlocker blocker(this);
        setTextCursor(at);
        centerCursor();
    }
    setExtraSelections(selections);
}

bool DocumentView::findText(const QString &text, bool backward)
{
    if (text.isEmpty())
        return false;
    const QTextDocument::FindFlags flags
        = backward ? QTextDocument::FindBackward : QTextDocument::FindFlags();
    if (find(text, flags))
        return true;
    // Round the end, as a reviewer stepping through every 申请 expects.
    QTextCursor wrapped(document());
    wrapped.movePosition(backward ? QTextCursor::End : QTextCursor::Start);
    const QTextCursor found = document()->find(text, wrapped, flags);
    if (found.isNull())
        return false;
    setTextCursor(found);
    return true;
}

std::pair<int, int> DocumentView::matchPosition(const QString &text) const
{
    if (text.isEmpty())
        return {0, 0};
    const QTextCursor selected = textCursor();
    int count = 0;
    int current = 0;
    for (QTextCursor found = document()->find(text, 0); !found.isNull();
         found = document()->find(text, found)) {
        ++count;
        if (found.selectionStart() == selected.selectionStart()
            && found.selectionEnd() == selected.selectionEnd())
            current = count;
    }
    return {count, current};
}

void DocumentView::setZoom(int steps)
{
    m_zoom = std::clamp(steps, kMinZoom, kMaxZoom);
    if (m_basePointSize <= 0)
        m_basePointSize = font().pointSizeF();
    QFont zoomed = font();
    zoomed.setPointSizeF(m_basePointSize + m_zoom);
    setFont(zoomed);
    setTabStopDistance(fontMetrics().horizontalAdvance(QChar(0x4E2D)) * 4);
}

void DocumentView::mouseReleaseEvent(QMouseEvent *event)
{
    QPlainTextEdit::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && !textCursor().hasSelection())
        m_cursor->selectTextPosition(cursorForPosition(event->position().toPoint()).position());
}

void DocumentView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        m_cursor->selectTextPosition(textCursor().position());
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

void DocumentView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::LanguageChange && m_document && !m_document->isLoaded())
        showText();
    else if (event->type() == QEvent::PaletteChange)
        updateMarks();
}

} // namespace nianbao

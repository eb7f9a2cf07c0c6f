// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pagemap.h"
#include "reviewdocument.h"

#include <QAbstractScrollArea>
#include <QImage>
#include <QPointer>

#include <functional>
#include <memory>

class QTimer;

namespace nianbao {

class PageSource;
class ReviewCursor;

/**
 * The page of a PDF or scanned report where the selected cell stands, beside the original text:
 * the cell's box outlined, every flagged cell's box tinted as the tables tint it; a click on a
 * box selects its cell. Ctrl++ / Ctrl+- / Ctrl+0 (fit width) and Ctrl+wheel zoom; PgUp/PgDn
 * scroll a screen and then turn the page, Home/End go to the first and last page. The file is
 * read only while the view is shown, and never written.
 */
class PageView final : public QAbstractScrollArea
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PageView)

public:
    explicit PageView(ReviewCursor *cursor, QWidget *parent = nullptr);
    ~PageView() override;

    /** Whether a report has pages to show (a PDF or an image). */
    static bool hasPages(const ReviewDocument *document);

    int currentPage() const { return m_page; }
    int pageCount() const;
    void setPage(int page);
    /** Pixels per point of the page at the current zoom. */
    qreal scale() const;
    bool fitsWidth() const { return m_fitWidth; }
    /** Zooms in (steps > 0) or out by a factor of 1.25 a step. */
    void zoomBy(int steps);
    void fitWidth();
    /** The current cell's box on the shown page, in points; empty if it has none there. */
    QRectF outlinedBox() const;
    /** What the view says instead of the page (a file gone or changed), or above it. */
    QString message() const;
    /** The page number, zoom and how the page was read, as the view shows them. */
    QString pageLabel() const;
    /** Where a point of the shown page (in points) appears in the viewport. */
    QPoint viewportPosition(QPointF pagePoint) const;

    static constexpr qreal kMinScale = 0.25; ///< pixels per point: a whole A4 page in 210 px
    static constexpr qreal kMaxScale = 4; ///< 288 dpi: a figure's strokes one by one

protected:
    bool event(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void setDocument(ReviewDocument *document);
    void openSource();
    void mapCells();
    void followCursor();
    void layoutPage();
    void renderPage();
    void zoomBy(int steps, QPoint anchor);
    QPoint zoomAnchor() const;
    /** Runs a change of zoom, keeping the page's point under `anchor` (viewport) in place. */
    void zoomAround(QPoint anchor, const std::function<void()> &change);
    void scrollScreen(int direction);
    void ensureVisible(const QRectF &points);
    QSizeF pagePoints() const;
    qreal fitWidthScale() const;
    QRectF pageRect() const;
    QPointF toPage(QPoint position) const;
    QRectF toViewport(const QRectF &points) const;
    int cellAt(QPoint position) const;
    void paintCells(QPainter &painter) const;
    void paintSelection(QPainter &painter) const;
    void paintCaption(QPainter &painter, const QString &text, bool top) const;

    ReviewCursor *m_cursor;
    QPointer<ReviewDocument> m_document;
    std::unique_ptr<PageSource> m_source;
    bool m_sourceOpened = false;
    QString m_error; ///< why no page is shown
    PageMap m_map;
    QList<QList<PageBox>> m_boxes; ///< the cells' boxes, then the stated figures'
    QList<int> m_boxCells; ///< the cell of each entry of m_boxes
    int m_page = 0;
    bool m_fitWidth = true;
    qreal m_scale = 1;
    QImage m_image; ///< the shown page as last rendered (perhaps at another zoom)
    QTimer *m_renderTimer;
};

} // namespace nianbao

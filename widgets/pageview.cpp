// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "pageview.h"

#include "cellroles.h"
#include "cellstyle.h"
#include "library/librarybinding.h"
#include "pagesource.h"
#include "reporttemplate.h"
#include "reviewcursor.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>
#include <QToolTip>
#include <QtMath>

#include <cmath>
#include <functional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr int kMargin = 8; ///< pixels around the page
constexpr qreal kZoomStep = 1.25;
constexpr qreal kPointsPerInch = 72;
/** A resize renders again once the splitter rests, not at each step of a drag. */
constexpr int kResizeRenderDelayMs = 120;

bool isZoomKey(const QKeyEvent *event)
{
    if (event->matches(QKeySequence::ZoomIn) || event->matches(QKeySequence::ZoomOut))
        return true;
    const bool control = event->modifiers() & Qt::ControlModifier;
    return control
        && (event->key() == Qt::Key_Plus || event->key() == Qt::Key_Equal
            || event->key() == Qt::Key_Minus || event->key() == Qt::Key_0);
}

QPen borderPen(int issues, std::optional<CellStyle::Highlight> state)
{
    using CellStyle::Highlight;
    // The tables' second cue, beside the colour: solid, dashed or dotted.
    if (issues & BrokenRule)
        return {CellStyle::colour(Highlight::BrokenRule), 2, Qt::SolidLine};
    if (issues & StatedMismatch)
        return {CellStyle::colour(Highlight::StatedMismatch), 2, Qt::DashLine};
    if (issues & Warning)
        return {CellStyle::colour(Highlight::Warning), 2, Qt::DotLine};
    return {CellStyle::colour(*state), 1, Qt::SolidLine};
}

QColor fillColour(int issues, std::optional<CellStyle::Highlight> state)
{
    using CellStyle::Highlight;
    QColor fill = CellStyle::colour(state                         ? *state
                                        : issues & BrokenRule     ? Highlight::BrokenRule
                                        : issues & StatedMismatch ? Highlight::StatedMismatch
                                                                  : Highlight::Warning);
    // See-through, so the figure printed underneath stays legible.
    fill.setAlpha(70);
    return fill;
}

} // namespace

PageView::PageView(ReviewCursor *cursor, QWidget *parent)
    : QAbstractScrollArea(parent)
    , m_cursor(cursor)
    , m_renderTimer(new QTimer(this))
{
    setObjectName(u"pageView"_s);
    setFocusPolicy(Qt::StrongFocus);
    // Always there, so fitting the width does not make it come and go.
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    viewport()->setBackgroundRole(QPalette::Dark);
    viewport()->setAutoFillBackground(true);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(kResizeRenderDelayMs);
    connect(m_renderTimer, &QTimer::timeout, this, &PageView::renderPage);
    connect(cursor, &ReviewCursor::documentChanged, this, &PageView::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &PageView::followCursor);
}

PageView::~PageView() = default;

bool PageView::hasPages(const ReviewDocument *document)
{
    return document && PageSource::kindOf(document->filePath()) != PageSource::Kind::None;
}

void PageView::setDocument(ReviewDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_document && m_document->session())
        disconnect(m_document->session(), nullptr, this, nullptr);
    m_document = document;
    m_source.reset();
    m_sourceOpened = false;
    m_error.clear();
    m_image = {};
    m_page = 0;
    mapCells();
    if (document) {
        const auto repaint = [this] {
            viewport()->update();
        };
        connect(document, &ReviewDocument::findingsChanged, this, repaint);
        if (document->session())
            connect(document->session(), &ReviewSession::cellChanged, this, repaint);
    }
    // Read only when shown: most reviewers stay on the text most of the time.
    if (isVisible())
        openSource();
    followCursor();
}

void PageView::openSource()
{
    m_sourceOpened = true;
    m_source.reset();
    m_error.clear();
    if (!m_document || !hasPages(m_document)) {
        layoutPage();
        return;
    }
    if (!m_document->isLoaded()) {
        m_error = tr("This report could not be opened:\n\n%1").arg(m_document->errorText());
        layoutPage();
        return;
    }
    const LibraryBinding *binding = m_document->libraryBinding();
    Result<std::unique_ptr<PageSource>> opened
        = PageSource::open(m_document->filePath(), binding ? binding->sourceSha256() : QByteArray(),
                           m_document->session()->report().pageSizes);
    if (opened)
        m_source = std::move(opened).value();
    else
        m_error = opened.error().message;
    m_page = std::clamp(m_page, 0, std::max(pageCount() - 1, 0));
    layoutPage();
    renderPage();
}

void PageView::mapCells()
{
    m_boxes.clear();
    m_boxCells.clear();
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    m_map = session ? PageMap(session->report().regions) : PageMap();
    if (!session || m_map.isEmpty())
        return;
    const QString &text = session->report().text;
    for (int cell = 0; cell < int(session->cells().size()); ++cell) {
        m_boxes.append(m_map.boxes(session->cell(cell).span, text));
        m_boxCells.append(cell);
    }
    // A figure the narrative states selects its cell too, as a click in the text does.
    for (const StatedFigure &figure : session->report().statements) {
        m_boxes.append(m_map.boxes(figure.figureSpan, text));
        m_boxCells.append(figure.cell);
    }
}

int PageView::pageCount() const
{
    return m_source ? m_source->pageCount() : 0;
}

void PageView::setPage(int page)
{
    page = std::clamp(page, 0, std::max(pageCount() - 1, 0));
    if (page == m_page)
        return;
    m_page = page;
    m_image = {};
    layoutPage();
    renderPage();
}

QSizeF PageView::pagePoints() const
{
    // The report's own page sizes are those its regions are measured in (a scan's points).
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (session && m_page < session->report().pageSizes.size())
        return session->report().pageSizes[m_page];
    return m_source ? m_source->pageSize(m_page) : QSizeF();
}

qreal PageView::fitWidthScale() const
{
    const qreal width = pagePoints().width();
    const int room = viewport()->width() - 2 * kMargin;
    return width > 0 ? std::clamp(room / width, kMinScale, kMaxScale) : 1.0;
}

qreal PageView::scale() const
{
    return m_fitWidth ? fitWidthScale() : m_scale;
}

void PageView::zoomAround(QPoint anchor, const std::function<void()> &change)
{
    // The point of the page under the anchor stays there, as in any viewer.
    const QPointF pagePoint = toPage(anchor);
    change();
    layoutPage();
    const QPointF moved = QPointF(viewportPosition(pagePoint)) - QPointF(anchor);
    horizontalScrollBar()->setValue(horizontalScrollBar()->value() + qRound(moved.x()));
    verticalScrollBar()->setValue(verticalScrollBar()->value() + qRound(moved.y()));
    renderPage();
}

QPoint PageView::zoomAnchor() const
{
    // The selected cell stays in sight when it is; otherwise the middle of the view stays.
    const QRectF box = outlinedBox();
    const QPoint centre = box.isNull() ? QPoint() : viewportPosition(box.center());
    return viewport()->rect().contains(centre) ? centre : viewport()->rect().center();
}

void PageView::zoomBy(int steps)
{
    zoomBy(steps, zoomAnchor());
}

void PageView::zoomBy(int steps, QPoint anchor)
{
    const qreal to = std::clamp(scale() * std::pow(kZoomStep, steps), kMinScale, kMaxScale);
    zoomAround(anchor, [this, to] {
        m_fitWidth = false;
        m_scale = to;
    });
}

void PageView::fitWidth()
{
    zoomAround(zoomAnchor(), [this] { m_fitWidth = true; });
}

void PageView::layoutPage()
{
    const QSizeF size = pagePoints() * scale();
    const int width = qCeil(size.width()) + 2 * kMargin;
    const int height = qCeil(size.height()) + 2 * kMargin;
    horizontalScrollBar()->setRange(0, std::max(0, width - viewport()->width()));
    horizontalScrollBar()->setPageStep(viewport()->width());
    verticalScrollBar()->setRange(0, std::max(0, height - viewport()->height()));
    verticalScrollBar()->setPageStep(viewport()->height());
    verticalScrollBar()->setSingleStep(20);
    horizontalScrollBar()->setSingleStep(20);
    viewport()->update();
}

void PageView::renderPage()
{
    m_renderTimer->stop();
    if (!m_source || !isVisible())
        return;
    const QSizeF measured = pagePoints();
    const qreal dpi = scale() * kPointsPerInch * devicePixelRatioF();
    Result<QImage> rendered = m_source->render(m_page, dpi);
    if (rendered && pagePoints() != measured) {
        // A page no one had measured (a report from an older library): now it is known.
        layoutPage();
        rendered = m_source->render(m_page, scale() * kPointsPerInch * devicePixelRatioF());
    }
    if (rendered) {
        m_image = rendered.value();
        m_error.clear();
    } else {
        m_image = {};
        m_error = rendered.error().message;
    }
    viewport()->update();
}

QRectF PageView::pageRect() const
{
    const QSizeF size = pagePoints() * scale();
    const qreal width = size.width() + 2 * kMargin;
    const qreal x = width <= viewport()->width() ? (viewport()->width() - size.width()) / 2
                                                 : kMargin - horizontalScrollBar()->value();
    return {QPointF(x, kMargin - verticalScrollBar()->value()), size};
}

QRectF PageView::toViewport(const QRectF &points) const
{
    const qreal s = scale();
    const QPointF origin = pageRect().topLeft();
    return {origin + points.topLeft() * s, points.size() * s};
}

QPointF PageView::toPage(QPoint position) const
{
    return (QPointF(position) - pageRect().topLeft()) / scale();
}

QPoint PageView::viewportPosition(QPointF pagePoint) const
{
    return (pageRect().topLeft() + pagePoint * scale()).toPoint();
}

QRectF PageView::outlinedBox() const
{
    if (!m_document || !m_document->session())
        return {};
    for (const PageBox &box : m_map.boxes(m_cursor->currentSpan(), m_document->text())) {
        if (box.page == m_page)
            return box.rect;
    }
    return {};
}

void PageView::followCursor()
{
    if (!m_document || !m_document->session()) {
        viewport()->update();
        return;
    }
    const QList<PageBox> boxes = m_map.boxes(m_cursor->currentSpan(), m_document->text());
    if (!boxes.isEmpty()) {
        const auto onPage = std::find_if(boxes.cbegin(), boxes.cend(),
                                         [this](const PageBox &box) { return box.page == m_page; });
        const PageBox &box = onPage != boxes.cend() ? *onPage : boxes.first();
        setPage(box.page);
        ensureVisible(box.rect);
    }
    viewport()->update();
}

void PageView::ensureVisible(const QRectF &points)
{
    // In page pixels from the content's top left, as the scroll bars count.
    const qreal s = scale();
    const QRectF box(QPointF(kMargin, kMargin) + points.topLeft() * s, points.size() * s);
    QScrollBar *vertical = verticalScrollBar();
    if (box.top() < vertical->value() || box.bottom() > vertical->value() + viewport()->height())
        vertical->setValue(qRound(box.center().y() - viewport()->height() / 2.0));
    QScrollBar *horizontal = horizontalScrollBar();
    if (box.left() < horizontal->value() || box.right() > horizontal->value() + viewport()->width())
        horizontal->setValue(qRound(box.center().x() - viewport()->width() / 2.0));
}

QString PageView::message() const
{
    if (!m_error.isEmpty())
        return m_error;
    if (m_source && m_map.isEmpty())
        return tr("Where this report's text stands on its pages is not known (the library keeps "
                  "it for reports imported by this version on), so no cell is outlined. Delete "
                  "the report and open its file again to see its cells on the pages.");
    return {};
}

QString PageView::pageLabel() const
{
    if (!m_source)
        return {};
    // 100 % is the page at its printed size on this screen.
    const int percent = qRound(scale() * kPointsPerInch / logicalDpiX() * 100);
    QString label = tr("Page %1 of %2 · %3%").arg(m_page + 1).arg(pageCount()).arg(percent);
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (session && session->report().ocrPages.contains(m_page))
        label += tr(" · read by OCR");
    return label;
}

int PageView::cellAt(QPoint position) const
{
    const int index = PageMap::indexAt(m_boxes, m_page, toPage(position));
    return index < 0 ? -1 : m_boxCells[index];
}

void PageView::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event);
    QPainter painter(viewport());
    if (m_source && !m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform);
        const QRectF page = pageRect();
        painter.fillRect(page.translated(2, 2), palette().color(QPalette::Shadow));
        painter.drawImage(page, m_image);
        painter.setRenderHint(QPainter::Antialiasing);
        paintCells(painter);
        paintSelection(painter);
        paintCaption(painter, pageLabel(), false);
    }
    const QString text = message();
    if (!text.isEmpty())
        paintCaption(painter, text, m_source && !m_image.isNull());
}

void PageView::paintCells(QPainter &painter) const
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (!session)
        return;
    for (int index = 0; index < m_boxes.size(); ++index) {
        const int cell = m_boxCells[index];
        if (index >= int(session->cells().size()))
            break; // the stated figures' boxes: clickable, not tinted
        const int issues = CellStyle::issuesOf(m_document->findingsOf(cell));
        const std::optional<CellStyle::Highlight> state
            = CellStyle::stateHighlight(session->cell(cell).state);
        if (!issues && !state)
            continue;
        for (const PageBox &box : m_boxes[index]) {
            if (box.page != m_page)
                continue;
            const QRectF rect = toViewport(box.rect).adjusted(-2, -2, 2, 2);
            painter.fillRect(rect, fillColour(issues, state));
            painter.setPen(borderPen(issues, state));
            painter.setBrush(Qt::NoBrush);
            painter.drawRect(rect);
        }
    }
}

void PageView::paintSelection(QPainter &painter) const
{
    const QColor highlight = palette().color(QPalette::Highlight);
    const QString &text = m_document ? m_document->text() : QString();
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(highlight, 1.5, Qt::DashLine));
    for (const SourceSpan &span : m_cursor->selectedSpans()) {
        for (const PageBox &box : m_map.boxes(span, text)) {
            if (box.page == m_page)
                painter.drawRect(toViewport(box.rect).adjusted(-4, -4, 4, 4));
        }
    }
    const QRectF current = outlinedBox();
    if (!current.isNull()) {
        painter.setPen(QPen(highlight, 3));
        painter.drawRect(toViewport(current).adjusted(-4, -4, 4, 4));
    }
}

void PageView::paintCaption(QPainter &painter, const QString &text, bool top) const
{
    // A message without a page stands in the middle; over a page, at the top or bottom.
    const QRect area = viewport()->rect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const int flags = Qt::TextWordWrap | Qt::AlignHCenter;
    QRect box = painter.fontMetrics().boundingRect(area, flags, text).adjusted(-6, -3, 6, 3);
    if (!m_source || m_image.isNull())
        box.moveCenter(area.center());
    else if (top)
        box.moveTop(area.top());
    else
        box.moveBottomRight(area.bottomRight());
    painter.setPen(Qt::NoPen);
    painter.setBrush(palette().color(QPalette::ToolTipBase));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(palette().color(QPalette::ToolTipText));
    painter.drawText(box.adjusted(6, 3, -6, -3), flags, text);
}

bool PageView::event(QEvent *event)
{
    // The window's zoom keys zoom the tables and the text; here they zoom the page.
    if (event->type() == QEvent::ShortcutOverride && isZoomKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QAbstractScrollArea::event(event);
}

bool PageView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int cell = cellAt(help->pos());
        if (cell >= 0) {
            const ReportTemplate &form = ReportTemplate::standard();
            QToolTip::showText(help->globalPos(),
                               form.cellLabel(cell) % u"  ("_s % form.cells()[cell].key.toString()
                                   % u')',
                               viewport());
        } else {
            QToolTip::hideText();
        }
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

void PageView::keyPressEvent(QKeyEvent *event)
{
    const bool control = event->modifiers() & Qt::ControlModifier;
    if (isZoomKey(event)) {
        if (event->key() == Qt::Key_0)
            fitWidth();
        else
            zoomBy(event->matches(QKeySequence::ZoomOut) || event->key() == Qt::Key_Minus ? -1 : 1);
        return;
    }
    switch (event->key()) {
    case Qt::Key_PageDown:
        scrollScreen(1);
        return;
    case Qt::Key_PageUp:
        scrollScreen(-1);
        return;
    case Qt::Key_Home:
        setPage(0);
        verticalScrollBar()->setValue(0);
        return;
    case Qt::Key_End:
        setPage(pageCount() - 1);
        verticalScrollBar()->setValue(control ? verticalScrollBar()->maximum() : 0);
        return;
    default:
        QAbstractScrollArea::keyPressEvent(event);
    }
}

void PageView::scrollScreen(int direction)
{
    // As document viewers do: a screen down the page, and at its foot on to the next page.
    QScrollBar *bar = verticalScrollBar();
    if (direction > 0 && bar->value() < bar->maximum()) {
        bar->setValue(bar->value() + bar->pageStep());
    } else if (direction < 0 && bar->value() > bar->minimum()) {
        bar->setValue(bar->value() - bar->pageStep());
    } else if (direction > 0 && m_page + 1 < pageCount()) {
        setPage(m_page + 1);
        bar->setValue(0);
    } else if (direction < 0 && m_page > 0) {
        setPage(m_page - 1);
        bar->setValue(bar->maximum());
    }
}

void PageView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta != 0)
            zoomBy(delta > 0 ? 1 : -1, event->position().toPoint());
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void PageView::mousePressEvent(QMouseEvent *event)
{
    setFocus(Qt::MouseFocusReason);
    if (event->button() != Qt::LeftButton)
        return;
    const int cell = cellAt(event->position().toPoint());
    if (cell >= 0)
        m_cursor->selectCell(cell);
}

void PageView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(cellAt(event->position().toPoint()) >= 0 ? Qt::PointingHandCursor
                                                                   : Qt::ArrowCursor);
    QAbstractScrollArea::mouseMoveEvent(event);
}

void PageView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    layoutPage();
    if (m_fitWidth)
        m_renderTimer->start();
}

void PageView::showEvent(QShowEvent *event)
{
    QAbstractScrollArea::showEvent(event);
    if (!m_sourceOpened) {
        openSource();
        followCursor();
    } else if (m_image.isNull()) {
        renderPage();
    }
}

void PageView::scrollContentsBy(int dx, int dy)
{
    Q_UNUSED(dx);
    Q_UNUSED(dy);
    viewport()->update();
}

void PageView::changeEvent(QEvent *event)
{
    QAbstractScrollArea::changeEvent(event);
    // The messages were made in the language of their time.
    if (event->type() == QEvent::LanguageChange && m_sourceOpened && !m_source)
        openSource();
}

} // namespace nianbao

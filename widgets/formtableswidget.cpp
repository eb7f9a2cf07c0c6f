// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formtableswidget.h"

#include "formtablemodel.h"
#include "formtableview.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "zoomlimits.h"

#include <algorithm>

namespace nianbao {

FormTablesWidget::FormTablesWidget(const ReportTemplate &reportTemplate, ReviewCursor *cursor,
                                   QWidget *parent)
    : QTabWidget(parent)
    , m_template(reportTemplate)
    , m_cursor(cursor)
{
    setObjectName(QStringLiteral("tablesTabWidget"));
    setDocumentMode(true);
    setUsesScrollButtons(false);
    setElideMode(Qt::ElideRight);
    for (int t = 0; t < reportTemplate.tables().size(); ++t) {
        const TemplateTable &table = reportTemplate.tables()[t];
        auto *model = new FormTableModel(reportTemplate, t, this);
        auto *view = new FormTableView(model, cursor, this);
        view->setObjectName(table.key + QStringLiteral("TableView"));
        connect(model, &FormTableModel::inputRejected, this, &FormTablesWidget::inputRejected);
        m_models.append(model);
        m_views.append(view);
        // The official tables keep their Chinese titles in every language, as the form does.
        const int tab = addTab(view, table.section % u'、' % table.title);
        setTabToolTip(tab, tabText(tab));
    }
    connect(cursor, &ReviewCursor::documentChanged, this, &FormTablesWidget::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &FormTablesWidget::showCursorCell);
}

FormTableView *FormTablesWidget::viewOfCell(int cell) const
{
    if (cell < 0 || cell >= m_template.cellCount())
        return nullptr;
    return m_views.value(m_template.cells()[cell].table);
}

int FormTablesWidget::currentCell() const
{
    const auto *view = qobject_cast<FormTableView *>(currentWidget());
    return view ? view->formModel()->cellAt(view->currentIndex()) : -1;
}

void FormTablesWidget::stepTable(int step)
{
    const int tables = count();
    if (tables > 0)
        setCurrentIndex(((currentIndex() + step) % tables + tables) % tables);
}

void FormTablesWidget::setZoom(int steps)
{
    m_zoom = std::clamp(steps, kMinZoom, kMaxZoom);
    if (m_basePointSize <= 0)
        m_basePointSize = font().pointSizeF();
    for (FormTableView *view : std::as_const(m_views)) {
        QFont zoomed = view->font();
        zoomed.setPointSizeF(m_basePointSize + m_zoom);
        view->setFont(zoomed);
    }
}

void FormTablesWidget::setDocument(ReviewDocument *document)
{
    for (FormTableModel *model : std::as_const(m_models))
        model->setDocument(document);
}

void FormTablesWidget::showCursorCell()
{
    FormTableView *view = viewOfCell(m_cursor->cell());
    if (view && view != currentWidget())
        setCurrentWidget(view);
}

} // namespace nianbao

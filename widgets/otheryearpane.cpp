// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "otheryearpane.h"

#include "formtableswidget.h"
#include "formtableview.h"
#include "reporttemplate.h"
#include "reviewcursor.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace nianbao {

OtherYearPane::OtherYearPane(const ReportTemplate &reportTemplate, ReviewCursor *cursor,
                             FormTablesWidget *tables, QWidget *parent)
    : QWidget(parent)
    , m_cursor(cursor)
    , m_tables(tables)
    , m_title(new QLabel(this))
    , m_years(new QComboBox(this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(u"otherYearPane"_s);
    m_years->setObjectName(u"otherYearChooser"_s);
    for (int t = 0; t < reportTemplate.tables().size(); ++t) {
        auto *model = new FormTableModel(reportTemplate, t, this);
        model->setYear(m_year);
        // The cursor is shared: a click here selects the same cell of the reviewed report.
        auto *view = new FormTableView(model, cursor, this);
        view->setObjectName(reportTemplate.tables()[t].key + u"OtherYearView"_s);
        m_models.append(model);
        m_views.append(view);
        m_stack->addWidget(view);
    }
    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_title, 1);
    header->addWidget(m_years);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 2, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_stack, 1);
    connect(m_years, &QComboBox::activated, this,
            [this] { showYear(FormTableModel::Year(m_years->currentData().toInt())); });
    connect(tables, &QTabWidget::currentChanged, m_stack, &QStackedWidget::setCurrentIndex);
    connect(cursor, &ReviewCursor::documentChanged, this, &OtherYearPane::setDocument);
    setDocument(cursor->document());
}

void OtherYearPane::setWanted(bool wanted)
{
    m_wanted = wanted;
    update();
}

void OtherYearPane::showYear(FormTableModel::Year year)
{
    m_year = year;
    for (FormTableModel *model : std::as_const(m_models))
        model->setYear(year);
    update();
}

void OtherYearPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        update();
    QWidget::changeEvent(event);
}

void OtherYearPane::setDocument(ReviewDocument *document)
{
    if (m_document && m_document->session())
        disconnect(m_document->session(), nullptr, this, nullptr);
    m_document = document;
    for (FormTableModel *model : std::as_const(m_models))
        model->setDocument(document);
    if (document && document->session())
        connect(document->session(), &ReviewSession::otherYearsChanged, this,
                &OtherYearPane::update);
    update();
}

void OtherYearPane::update()
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    const bool previous = session && session->previousYear() > 0;
    const bool next = session && session->nextYear() > 0;
    // The year chosen stays while the report has it; otherwise the one it has, previous first.
    FormTableModel::Year year = m_year;
    if (year != FormTableModel::Year::Next && !previous && next)
        year = FormTableModel::Year::Next;
    else if (year != FormTableModel::Year::Previous && !next && previous)
        year = FormTableModel::Year::Previous;
    if (year != m_models.first()->year()) {
        for (FormTableModel *model : std::as_const(m_models))
            model->setYear(year);
    }
    m_stack->setCurrentIndex(m_tables->currentIndex());
    fillYearChooser(session);
    retranslate();
    setVisible(m_wanted && (previous || next));
}

void OtherYearPane::fillYearChooser(const ReviewSession *session)
{
    m_years->clear();
    if (!session)
        return;
    if (session->previousYear() > 0)
        m_years->addItem(tr("Previous year (%1)").arg(session->previousYear()),
                         int(FormTableModel::Year::Previous));
    if (session->nextYear() > 0)
        m_years->addItem(tr("Next year (%1)").arg(session->nextYear()),
                         int(FormTableModel::Year::Next));
    m_years->setCurrentIndex(std::max(0, m_years->findData(int(m_models.first()->year()))));
    m_years->setVisible(m_years->count() > 1);
}

void OtherYearPane::retranslate()
{
    const FormTableModel *model = m_models.first();
    const int year = model->yearNumber();
    m_title->setText(year > 0 ? tr("The same agency's report of %1, as the library holds it "
                                   "(read-only)")
                                    .arg(year)
                              : QString());
    m_years->setToolTip(tr("Which of the agency's other years to show"));
}

} // namespace nianbao

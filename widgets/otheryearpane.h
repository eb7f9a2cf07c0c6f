// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formtablemodel.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QStackedWidget;

namespace nianbao {

class FormTableView;
class FormTablesWidget;
class ReportTemplate;
class ReviewCursor;

/**
 * The same agency's report of the year before (or after), as the library holds it, beside the
 * report under review: the table the reviewer looks at, read-only, following the current cell.
 * Hidden while the report has no other year in the library or the reviewer turned it off.
 */
class OtherYearPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OtherYearPane)

public:
    OtherYearPane(const ReportTemplate &reportTemplate, ReviewCursor *cursor,
                  FormTablesWidget *tables, QWidget *parent = nullptr);

    /** Whether the reviewer wants other years shown (View › Compare with Other Years). */
    void setWanted(bool wanted);
    bool isWanted() const { return m_wanted; }
    /** The year shown: Previous or Next (Reviewed when the report has neither). */
    FormTableModel::Year year() const { return m_year; }
    /** Shows the previous or the next year, if the report has it. */
    void showYear(FormTableModel::Year year);
    FormTableView *view(int table) const { return m_views.value(table); }
    QComboBox *yearChooser() const { return m_years; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void setDocument(ReviewDocument *document);
    void update();
    void fillYearChooser(const ReviewSession *session);
    void retranslate();

    ReviewCursor *m_cursor;
    FormTablesWidget *m_tables;
    QLabel *m_title;
    QComboBox *m_years;
    QStackedWidget *m_stack;
    QList<FormTableModel *> m_models;
    QList<FormTableView *> m_views;
    QPointer<ReviewDocument> m_document;
    FormTableModel::Year m_year = FormTableModel::Year::Previous;
    bool m_wanted = true;
};

} // namespace nianbao

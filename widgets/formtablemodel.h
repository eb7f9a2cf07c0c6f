// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "formlayout.h"
#include "reviewdocument.h"

#include <QAbstractTableModel>
#include <QPointer>

#include <optional>

namespace nianbao {

class ReportTemplate;

/**
 * One official table (二, 三 or 四) of the current report, laid out as the printed form:
 * captions and row labels are items of the model, so the view can merge them. Values come from
 * the review session; setData() never writes, it pushes a ChangeCellValue onto the report's
 * undo stack.
 */
class FormTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormTableModel)

public:
    /** Which of the agency's reports the model shows: the one under review, or another year's
     *  (read-only, beside it) as the library holds it. */
    enum class Year { Reviewed, Previous, Next };

    FormTableModel(const ReportTemplate &reportTemplate, int table, QObject *parent = nullptr);

    void setDocument(ReviewDocument *document);
    /** Shows the reviewed report (editable) or its previous or next year (read-only). */
    void setYear(Year year);
    Year year() const { return m_year; }
    /** The year shown, 0 when the document has no report of that year. */
    int yearNumber() const;
    ReviewDocument *document() const { return m_document; }
    const FormLayout &layout() const { return m_layout; }
    int table() const { return m_table; }

    QModelIndex indexOfCell(int cell) const;
    int cellAt(const QModelIndex &index) const;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QSize span(const QModelIndex &index) const override;

signals:
    /** An input was refused; the message says why, in the current language. */
    void inputRejected(const QString &message);

private:
    QVariant labelData(const FormItem &item, int role) const;
    QVariant valueData(int cell, int role) const;
    /** The cells of the other year shown, null when showing the reviewed report or none. */
    const std::vector<CellValue> *otherYearCells() const;
    QVariant otherYearData(const CellValue &value, int cell, int role) const;
    /** "2023年：12", a line of a cell's tooltip. */
    QString yearLine(int year, const CellValue &value) const;
    int issues(int cell) const;
    QString toolTip(int cell) const;
    bool isDecimal(int cell) const;
    void cellChanged(int cell);
    void findingsChanged(const FindingsDelta &delta);
    void allValuesChanged();

    const ReportTemplate &m_template;
    int m_table;
    FormLayout m_layout;
    QPointer<ReviewDocument> m_document;
    Year m_year = Year::Reviewed;
};

} // namespace nianbao

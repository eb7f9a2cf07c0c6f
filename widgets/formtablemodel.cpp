// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "formtablemodel.h"

#include "extract/tableline.h"

#include "cellstyle.h"
#include "displaytexts.h"
#include "reporttemplate.h"
#include "reviewdocument.h"
#include "undocommands.h"

#include <QLocale>
#include <QSize>
#include <QUndoStack>

#include <cmath>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** A value cell's text: shown (a dash, slash or 无 stays in sight: the reviewer sees what was
 *  written, not a blank) or edited and read aloud (the figure alone). */
QString cellText(const CellValue &value, int role)
{
    if (role == Qt::DisplayRole && value.state == CellState::Missing && value.isMark())
        return value.sourceText;
    return formatValue(value.value);
}

} // namespace

FormTableModel::FormTableModel(const ReportTemplate &reportTemplate, int table, QObject *parent)
    : QAbstractTableModel(parent)
    , m_template(reportTemplate)
    , m_table(table)
    , m_layout(FormLayout::build(reportTemplate, table))
{ }

void FormTableModel::setDocument(ReviewDocument *document)
{
    if (document == m_document)
        return;
    beginResetModel();
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_document && m_document->session())
        disconnect(m_document->session(), nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ReviewDocument::findingsChanged, this, &FormTableModel::findingsChanged);
        connect(document, &QObject::destroyed, this, [this] { setDocument(nullptr); });
    }
    if (document && document->session()) {
        connect(document->session(), &ReviewSession::cellChanged, this,
                [this](const Correction &correction) { cellChanged(correction.cell); });
        connect(document->session(), &ReviewSession::cellNoteChanged, this,
                &FormTableModel::cellChanged);
        connect(document->session(), &ReviewSession::otherYearsChanged, this,
                &FormTableModel::allValuesChanged);
    }
    endResetModel();
}

void FormTableModel::setYear(Year year)
{
    if (year == m_year)
        return;
    beginResetModel();
    m_year = year;
    endResetModel();
}

int FormTableModel::yearNumber() const
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (!session)
        return 0;
    switch (m_year) {
    case Year::Reviewed:
        return session->report().year;
    case Year::Previous:
        return session->previousYear();
    case Year::Next:
        return session->nextYear();
    }
    return 0;
}

const std::vector<CellValue> *FormTableModel::otherYearCells() const
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (!session || m_year == Year::Reviewed)
        return nullptr;
    const std::vector<CellValue> &cells
        = m_year == Year::Previous ? session->previousYearCells() : session->nextYearCells();
    return cells.empty() ? nullptr : &cells;
}

QModelIndex FormTableModel::indexOfCell(int cell) const
{
    const QPoint at = m_layout.positionOf(cell);
    return at.x() < 0 ? QModelIndex() : index(at.y(), at.x());
}

int FormTableModel::cellAt(const QModelIndex &index) const
{
    const FormItem *item = index.isValid() ? m_layout.itemAt(index.row(), index.column()) : nullptr;
    return item && item->kind == FormItemKind::Value ? item->cell : -1;
}

int FormTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_layout.rowCount();
}

int FormTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_layout.columnCount();
}

QVariant FormTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const FormItem *item = m_layout.itemAt(index.row(), index.column());
    if (!item)
        return role == KindRole ? QVariant(int(FormItemKind::Blank)) : QVariant();
    if (role == KindRole)
        return int(item->kind);
    if (item->kind == FormItemKind::Value)
        return valueData(item->cell, role);
    return labelData(*item, role);
}

QVariant FormTableModel::labelData(const FormItem &item, int role) const
{
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return item.text;
    case LabelLevelRole:
        return item.level;
    case CellIndexRole:
        return -1;
    default:
        return {};
    }
}

QVariant FormTableModel::valueData(int cell, int role) const
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (role == CellIndexRole)
        return cell;
    if (role == CellKeyRole)
        return m_template.cells()[cell].key.toString();
    if (role == DecimalRole)
        return isDecimal(cell);
    if (!session)
        return {};
    if (m_year != Year::Reviewed) {
        const std::vector<CellValue> *cells = otherYearCells();
        return cells ? otherYearData((*cells)[size_t(cell)], cell, role) : QVariant();
    }
    const CellValue &value = session->cell(cell);
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::AccessibleTextRole:
        return cellText(value, role);
    case Qt::ToolTipRole:
        return toolTip(cell);
    case StateRole:
        return int(value.state);
    case IssueRole:
        return issues(cell);
    case RulesRole:
    case FindingRole: {
        QStringList list;
        for (const Finding &finding : m_document->findingsOf(cell))
            list.append(role == RulesRole ? finding.rule : finding.key.toString());
        return list;
    }
    case OriginalValueRole:
        return value.extractedValue ? QVariant(*value.extractedValue) : QVariant();
    case OriginalStateRole:
        return int(value.extractedState);
    case SourceTextRole:
        return value.sourceText;
    case SuggestionRole: {
        const std::optional<Finding> finding = m_document->suggestionFor(cell);
        return finding ? QVariant(finding->suggestion->value) : QVariant();
    }
    case NoteRole:
        return session->cellNote(cell);
    default:
        return {};
    }
}

QVariant FormTableModel::otherYearData(const CellValue &value, int cell, int role) const
{
    // Another year is shown as the library holds it: its figures and states, none of this
    // year's findings, suggestions or notes.
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
    case Qt::AccessibleTextRole:
        return cellText(value, role);
    case Qt::ToolTipRole: {
        const ReviewSession *session = m_document->session();
        const QString label
            = m_template.cellLabel(cell) % u"  (" % m_template.cells()[cell].key.toString() % u')';
        return QStringList {label, yearLine(yearNumber(), value),
                            yearLine(session->report().year, session->cell(cell))}
            .join(u'\n');
    }
    case StateRole:
        return int(value.state);
    case IssueRole:
        return 0;
    case OriginalStateRole:
        return int(value.state);
    default:
        return {};
    }
}

QString FormTableModel::yearLine(int year, const CellValue &value) const
{
    const QString shown = value.value ? formatValue(value.value) : cellStateText(value.state);
    return tr("Year %1: %2", "a year's figure in a cell's tooltip").arg(year).arg(shown);
}

int FormTableModel::issues(int cell) const
{
    return CellStyle::issuesOf(m_document->findingsOf(cell));
}

QString FormTableModel::toolTip(int cell) const
{
    const CellValue &value = m_document->session()->cell(cell);
    QStringList lines {m_template.cellLabel(cell) % u"  (" % m_template.cells()[cell].key.toString()
                       % u')'};
    lines.append(tr("State: %1").arg(cellStateText(value.state)));
    if (value.state != value.extractedState || value.value != value.extractedValue) {
        const QString original = value.extractedValue ? formatValue(value.extractedValue)
                                                      : cellStateText(value.extractedState);
        lines.append(tr("As extracted: %1").arg(original));
    }
    if (value.extractedState == CellState::Unreadable)
        lines.append(tr("In the source: “%1”").arg(value.sourceText));
    if (value.isMark())
        lines.append(tr("In the source: “%1”, read as missing, not 0").arg(value.sourceText));
    for (const Finding &finding : m_document->findingsOf(cell))
        lines.append(ruleName(finding.rule) % u": " % finding.message % u"  (" % finding.rule
                     % u')');
    if (const std::optional<Finding> finding = m_document->suggestionFor(cell))
        lines.append(tr("Suggested value: %1").arg(formatValue(finding->suggestion->value)));
    const QString note = m_document->session()->cellNote(cell);
    if (!note.isEmpty())
        lines.append(tr("Note: %1").arg(note));
    const ReviewSession *session = m_document->session();
    if (!session->previousYearCells().empty())
        lines.append(yearLine(session->previousYear(), session->previousYearCells()[size_t(cell)]));
    if (!session->nextYearCells().empty())
        lines.append(yearLine(session->nextYear(), session->nextYearCells()[size_t(cell)]));
    return lines.join(u'\n');
}

bool FormTableModel::isDecimal(int cell) const
{
    const TemplateCell &templateCell = m_template.cells()[cell];
    return m_template.tables()[templateCell.table].columns[templateCell.column].decimal;
}

bool FormTableModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const int cell = cellAt(index);
    if (role != Qt::EditRole || cell < 0 || !m_document || !m_document->session()
        || m_year != Year::Reviewed)
        return false;
    ReviewSession *session = m_document->session();
    const Result<std::optional<double>> input = session->readInput(cell, value.toString());
    if (!input) {
        emit inputRejected(input.error().message);
        return false;
    }
    if (input.value() == session->cell(cell).value)
        return true;
    m_document->undoStack()->push(new ChangeCellValue(session, cell, input.value()));
    return true;
}

Qt::ItemFlags FormTableModel::flags(const QModelIndex &index) const
{
    if (cellAt(index) < 0)
        return index.isValid() ? Qt::ItemIsEnabled : Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_document && m_document->session() && m_year == Year::Reviewed)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QSize FormTableModel::span(const QModelIndex &index) const
{
    const FormItem *item = index.isValid() ? m_layout.itemAt(index.row(), index.column()) : nullptr;
    if (!item || item->row != index.row() || item->column != index.column())
        return QSize(1, 1);
    return QSize(item->columnSpan, item->rowSpan);
}

void FormTableModel::cellChanged(int cell)
{
    const QModelIndex index = indexOfCell(cell);
    if (index.isValid())
        emit dataChanged(index, index);
}

void FormTableModel::findingsChanged(const FindingsDelta &delta)
{
    // Only the cells the changed findings mark are painted again, not the whole table.
    QSet<int> cells(delta.changedCells.cbegin(), delta.changedCells.cend());
    for (const QList<Finding> *findings : {&delta.appeared, &delta.disappeared}) {
        for (const Finding &finding : *findings) {
            for (int cell : finding.cells)
                cells.insert(cell);
            if (finding.suggestion)
                cells.insert(finding.suggestion->cell);
        }
    }
    for (int cell : std::as_const(cells))
        cellChanged(cell);
}

void FormTableModel::allValuesChanged()
{
    if (rowCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "celldelegate.h"

#include "cellroles.h"
#include "cellstyle.h"
#include "displaytexts.h"

#include <QLineEdit>
#include <QPainter>

namespace nianbao {

CellDelegate::CellDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{ }

void CellDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    const auto kind = FormItemKind(index.data(KindRole).toInt());
    if (kind != FormItemKind::Value) {
        paintLabel(painter, option, index);
        return;
    }
    CellStyle::ValueCell cell;
    cell.text = index.data(Qt::DisplayRole).toString();
    const QVariant state = index.data(StateRole);
    cell.state = state.isValid() ? CellState(state.toInt()) : CellState::Extracted;
    cell.issues = index.data(IssueRole).toInt();
    cell.selected = option.state & QStyle::State_Selected;
    cell.current = option.state & QStyle::State_HasFocus;
    cell.hasNote = !index.data(NoteRole).toString().isEmpty();
    CellStyle::paintValue(painter, option.rect, option.palette, option.font, cell);
}

void CellDelegate::paintLabel(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    painter->save();
    const int level = index.data(LabelLevelRole).toInt();
    const QPalette::ColorRole background = level == 0 ? QPalette::Button : QPalette::AlternateBase;
    painter->fillRect(option.rect, option.palette.brush(background));
    painter->setPen(option.palette.color(level == 0 ? QPalette::ButtonText : QPalette::Text));
    painter->setFont(option.font);
    const Qt::Alignment alignment = level == 3 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignCenter;
    painter->drawText(option.rect.adjusted(5, 2, -5, -2), int(alignment) | Qt::TextWordWrap,
                      index.data(Qt::DisplayRole).toString());
    painter->restore();
}

QWidget *CellDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                    const QModelIndex &index) const
{
    auto *editor = new QLineEdit(parent);
    editor->setObjectName(QStringLiteral("cellLineEdit"));
    editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    editor->setPlaceholderText(placeholderText(index));
    return editor;
}

QString CellDelegate::placeholderText(const QModelIndex &index)
{
    const QVariant original = index.data(OriginalValueRole);
    if (original.isValid())
        return tr("as extracted: %1").arg(formatValue(original.toDouble()));
    const QString written = index.data(SourceTextRole).toString();
    if (!written.isEmpty()
        && CellState(index.data(OriginalStateRole).toInt()) == CellState::Missing)
        return tr("“%1” in the source: missing, not 0").arg(written);
    return tr("blank in the source");
}

void CellDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *lineEdit = static_cast<QLineEdit *>(editor);
    lineEdit->setText(index.data(Qt::EditRole).toString());
    lineEdit->selectAll();
}

void CellDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                const QModelIndex &index) const
{
    model->setData(index, static_cast<QLineEdit *>(editor)->text(), Qt::EditRole);
}

} // namespace nianbao

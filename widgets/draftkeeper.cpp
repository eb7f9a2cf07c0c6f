// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "draftkeeper.h"

#include "formtablemodel.h"
#include "formtableswidget.h"
#include "formtableview.h"
#include "library/librarybinding.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "reviewdocument.h"

#include <QChildEvent>
#include <QLineEdit>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace nianbao {

DraftKeeper::DraftKeeper(DraftStore store, FormTablesWidget *tables, ReviewCursor *cursor,
                         QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_tables(tables)
    , m_cursor(cursor)
    , m_timer(new QTimer(this))
{
    setObjectName(u"draftKeeper"_s);
    m_timer->setSingleShot(true);
    m_timer->setInterval(kDelayMs);
    connect(m_timer, &QTimer::timeout, this, &DraftKeeper::saveDraft);
    // The delegate makes the editors as children of a view's viewport.
    for (int table = 0; table < tables->count(); ++table) {
        FormTableView *view = tables->view(table);
        view->viewport()->installEventFilter(this);
        connect(view->itemDelegate(), &QAbstractItemDelegate::closeEditor, this,
                &DraftKeeper::editorClosed);
    }
}

qint64 DraftKeeper::documentIdOf(const ReviewDocument *document)
{
    return document ? document->libraryId() : 0;
}

bool DraftKeeper::eventFilter(QObject *watched, QEvent *event)
{
    // Polished when first shown, so fully made and set up for its cell.
    if (event->type() == QEvent::ChildPolished) {
        auto *editor = qobject_cast<QLineEdit *>(static_cast<QChildEvent *>(event)->child());
        const auto *view = qobject_cast<const FormTableView *>(watched->parent());
        if (editor && view)
            watchEditor(view, editor);
    }
    return QObject::eventFilter(watched, event);
}

void DraftKeeper::watchEditor(const FormTableView *view, QLineEdit *editor)
{
    const ReviewDocument *document = m_cursor->document();
    const int cell = view->formModel()->cellAt(view->currentIndex());
    const qint64 id = documentIdOf(document);
    if (cell < 0 || id == 0)
        return;
    m_timer->stop();
    m_editor = editor;
    const Report &report = document->session()->report();
    m_draft = Draft {id,
                     document->filePath(),
                     u"%1 %2"_s.arg(report.agency).arg(report.year),
                     ReportTemplate::standard().cells()[cell].key,
                     {},
                     {}};
    connect(editor, &QLineEdit::textEdited, m_timer, qOverload<>(&QTimer::start));
    // Gone without closing (the report was switched under it): the draft stays, to be offered.
    connect(editor, &QObject::destroyed, this, [this, editor] {
        if (editor == m_editor)
            stopWatching();
    });
}

void DraftKeeper::saveDraft()
{
    if (!m_editor)
        return;
    m_draft.text = m_editor->text();
    m_draft.savedAt = QDateTime::currentDateTimeUtc();
    report(m_store.save(m_draft));
}

void DraftKeeper::editorClosed(const QWidget *editor)
{
    // Closed after the delegate committed a confirmed value, or without one when cancelled.
    if (!editor || editor != m_editor)
        return;
    stopWatching();
    report(m_store.remove());
}

void DraftKeeper::stopWatching()
{
    m_timer->stop();
    m_editor = nullptr;
}

void DraftKeeper::report(const Result<void> &result)
{
    if (!result)
        emit draftFailed(result.error());
}

bool DraftKeeper::reopenEditor(int cell, const QString &text)
{
    FormTableView *view = m_tables->viewOfCell(cell);
    if (!view || !m_cursor->document())
        return false;
    m_cursor->selectCell(cell);
    m_tables->setCurrentWidget(view);
    const QModelIndex index = view->formModel()->indexOfCell(cell);
    view->setCurrentIndex(index);
    view->scrollTo(index);
    view->setFocus(Qt::OtherFocusReason);
    view->edit(index);
    auto *editor = qobject_cast<QLineEdit *>(view->indexWidget(index));
    if (!editor)
        return false;
    editor->setText(text);
    return true;
}

} // namespace nianbao

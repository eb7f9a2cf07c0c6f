// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findbar.h"

#include "documentview.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QTextCursor>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace nianbao {

FindBar::FindBar(DocumentView *view, QWidget *parent)
    : QWidget(parent)
    , m_view(view)
    , m_text(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_close(new QToolButton(this))
    , m_status(new QLabel(this))
{
    setObjectName(u"findBar"_s);
    m_text->setObjectName(u"findLineEdit"_s);
    m_text->setClearButtonEnabled(true);
    m_previous->setObjectName(u"findPreviousButton"_s);
    m_previous->setArrowType(Qt::UpArrow);
    m_next->setObjectName(u"findNextButton"_s);
    m_next->setArrowType(Qt::DownArrow);
    m_close->setObjectName(u"findCloseButton"_s);
    m_close->setText(u"✕"_s);
    m_status->setObjectName(u"findStatusLabel"_s);
    // "12 of 345" is read whole; the text field gives up room first.
    m_status->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_previous);
    layout->addWidget(m_next);
    layout->addWidget(m_status);
    layout->addWidget(m_close);
    m_text->installEventFilter(this);
    connect(m_text, &QLineEdit::returnPressed, this, &FindBar::findNext);
    // Typing finds as you go, from where the last match began.
    connect(m_text, &QLineEdit::textEdited, this, [this] {
        QTextCursor start = m_view->textCursor();
        start.setPosition(start.selectionStart());
        m_view->setTextCursor(start);
        find(false);
    });
    connect(m_previous, &QToolButton::clicked, this, &FindBar::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &FindBar::findNext);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    retranslateUi();
    hide();
}

void FindBar::activate()
{
    show();
    m_text->setFocus(Qt::ShortcutFocusReason);
    m_text->selectAll();
}

void FindBar::findNext()
{
    find(false);
}

void FindBar::findPrevious()
{
    find(true);
}

void FindBar::find(bool backward)
{
    if (!m_text->text().isEmpty())
        m_view->findText(m_text->text(), backward);
    showPosition();
}

void FindBar::showPosition()
{
    const auto [count, current] = m_view->matchPosition(m_text->text());
    if (m_text->text().isEmpty())
        m_status->clear();
    else if (count == 0)
        m_status->setText(tr("Not found"));
    else
        m_status->setText(tr("%1 of %2").arg(current).arg(count));
}

bool FindBar::eventFilter(QObject *watched, QEvent *event)
{
    // The line edit would take Shift+Return for a plain Return (find the next one).
    if (watched == m_text && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && key->modifiers() & Qt::ShiftModifier) {
            findPrevious();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void FindBar::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        m_view->setFocus(Qt::OtherFocusReason);
        return;
    }
    QWidget::keyPressEvent(event);
}

void FindBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void FindBar::retranslateUi()
{
    m_text->setPlaceholderText(tr("Find in the report text"));
    m_previous->setToolTip(tr("Previous (Shift+F3)"));
    m_next->setToolTip(tr("Next (F3)"));
    m_close->setToolTip(tr("Close (Esc)"));
    showPosition();
}

} // namespace nianbao

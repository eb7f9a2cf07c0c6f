// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace nianbao {

class DocumentView;

/**
 * Searches the report text (Ctrl+F): Enter or F3 finds the next occurrence, Shift+Enter or
 * Shift+F3 the previous one, round the end; Esc closes the bar. Says "3 of 12" or "Not found".
 */
class FindBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindBar)

public:
    explicit FindBar(DocumentView *view, QWidget *parent = nullptr);

    /** Shows the bar with the text field focused and its text selected. */
    void activate();
    void findNext();
    void findPrevious();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void find(bool backward);
    void showPosition();
    void retranslateUi();

    DocumentView *m_view;
    QLineEdit *m_text;
    QToolButton *m_previous;
    QToolButton *m_next;
    QToolButton *m_close;
    QLabel *m_status;
};

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QToolButton;
class QAction;

namespace nianbao {

class ReviewCursor;

/**
 * The review state beside the tables: the report's agency and year (the reviewer may put right
 * what the title was misread as), status, note and reading problems (a second
 * report in the file, a table given twice, …), and the current cell with
 * its value as extracted (still shown after a correction), its findings and its note; for a
 * row whose fused digits split in several ways, one button per way. Every change goes onto the
 * report's undo stack.
 */
class ReviewPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPanel)

public:
    explicit ReviewPanel(ReviewCursor *cursor, QWidget *parent = nullptr);

    /** The button under the cell offers this action (the window's apply-suggestion). */
    void setApplySuggestionAction(QAction *action);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setDocument(ReviewDocument *document);
    void retranslateUi();
    void showReport();
    void showProblems();
    /** Which pages OCR read: their figures deserve a look at the page. */
    void showOcrPages();
    void showCell();
    void showSplitChoices(int cell);
    void chooseSplit(const QList<Suggestion> &choice);
    void statusChosen(int index);
    void reportNoteEdited();
    void cellNoteEdited();
    void agencyEdited();
    void yearEdited();

    ReviewCursor *m_cursor;
    QPointer<ReviewDocument> m_document;
    QGroupBox *m_reportBox;
    QLabel *m_problems;
    QLabel *m_ocrPages;
    QLabel *m_statusLabel;
    QComboBox *m_statusCombo;
    QLabel *m_agencyLabel;
    QLineEdit *m_agencyEdit;
    QLabel *m_yearLabel;
    QSpinBox *m_yearSpin;
    QLabel *m_reportNoteLabel;
    QPlainTextEdit *m_reportNote;
    QGroupBox *m_cellBox;
    QLabel *m_cellDetails;
    QToolButton *m_applyButton;
    /** segment.ambiguous: one button per way the row's fused digits split; a click applies it. */
    QWidget *m_splitChoices;
    QLabel *m_cellNoteLabel;
    QPlainTextEdit *m_cellNote;
};

} // namespace nianbao

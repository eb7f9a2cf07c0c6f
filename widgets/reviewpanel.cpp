// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reviewpanel.h"

#include "displaytexts.h"
#include "pagemap.h"
#include "reporttemplate.h"
#include "reviewcursor.h"
#include "reviewdocument.h"
#include "undocommands.h"

#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The last year the year box offers; reports start with 2008, 0 stands for "not known". */
constexpr int kMaxReportYear = 2100;

void setTextQuietly(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() == text)
        return;
    const QSignalBlocker blocker(edit);
    edit->setPlainText(text);
}

} // namespace

ReviewPanel::ReviewPanel(ReviewCursor *cursor, QWidget *parent)
    : QWidget(parent)
    , m_cursor(cursor)
    , m_reportBox(new QGroupBox(this))
    , m_problems(new QLabel(this))
    , m_ocrPages(new QLabel(this))
    , m_statusLabel(new QLabel(this))
    , m_statusCombo(new QComboBox(this))
    , m_agencyLabel(new QLabel(this))
    , m_agencyEdit(new QLineEdit(this))
    , m_yearLabel(new QLabel(this))
    , m_yearSpin(new QSpinBox(this))
    , m_reportNoteLabel(new QLabel(this))
    , m_reportNote(new QPlainTextEdit(this))
    , m_cellBox(new QGroupBox(this))
    , m_cellDetails(new QLabel(this))
    , m_applyButton(new QToolButton(this))
    , m_splitChoices(new QWidget(this))
    , m_cellNoteLabel(new QLabel(this))
    , m_cellNote(new QPlainTextEdit(this))
{
    setObjectName(u"reviewPanel"_s);
    m_statusCombo->setObjectName(u"statusComboBox"_s);
    m_agencyEdit->setObjectName(u"agencyLineEdit"_s);
    m_yearSpin->setObjectName(u"yearSpinBox"_s);
    m_yearSpin->setRange(0, kMaxReportYear);
    m_agencyLabel->setBuddy(m_agencyEdit);
    m_yearLabel->setBuddy(m_yearSpin);
    m_reportNote->setObjectName(u"reportNoteEdit"_s);
    m_cellDetails->setObjectName(u"cellDetailsLabel"_s);
    m_problems->setObjectName(u"readingProblemsLabel"_s);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_ocrPages->setObjectName(u"ocrPagesLabel"_s);
    m_ocrPages->setWordWrap(true);
    m_cellNote->setObjectName(u"cellNoteEdit"_s);
    m_applyButton->setObjectName(u"applySuggestionToolButton"_s);
    m_splitChoices->setObjectName(u"splitChoices"_s);
    auto *choicesLayout = new QVBoxLayout(m_splitChoices);
    choicesLayout->setContentsMargins(0, 0, 0, 0);
    m_cellDetails->setWordWrap(true);
    m_cellDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cellDetails->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_applyButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_statusLabel->setBuddy(m_statusCombo);
    m_reportNoteLabel->setBuddy(m_reportNote);
    m_cellNoteLabel->setBuddy(m_cellNote);
    m_reportNote->setTabChangesFocus(true);
    m_cellNote->setTabChangesFocus(true);

    auto *reportLayout = new QVBoxLayout(m_reportBox);
    reportLayout->addWidget(m_problems);
    reportLayout->addWidget(m_ocrPages);
    reportLayout->addWidget(m_agencyLabel);
    reportLayout->addWidget(m_agencyEdit);
    reportLayout->addWidget(m_yearLabel);
    reportLayout->addWidget(m_yearSpin, 0, Qt::AlignLeft);
    reportLayout->addWidget(m_statusLabel);
    reportLayout->addWidget(m_statusCombo);
    reportLayout->addWidget(m_reportNoteLabel);
    reportLayout->addWidget(m_reportNote, 1);
    auto *cellLayout = new QVBoxLayout(m_cellBox);
    cellLayout->addWidget(m_cellDetails);
    cellLayout->addWidget(m_applyButton, 0, Qt::AlignLeft);
    cellLayout->addWidget(m_splitChoices);
    cellLayout->addWidget(m_cellNoteLabel);
    cellLayout->addWidget(m_cellNote, 1);
    // On a low screen (1366×768) the boxes need more height than there is: they scroll instead
    // of squeezing the split-choice buttons until their text is cut.
    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->addWidget(m_cellBox, 3);
    contentLayout->addWidget(m_reportBox, 2);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"reviewPanelScrollArea"_s);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll);

    for (int i = 0; i < reviewStatuses().size(); ++i)
        m_statusCombo->addItem({});
    retranslateUi();
    connect(m_statusCombo, &QComboBox::activated, this, &ReviewPanel::statusChosen);
    connect(m_reportNote, &QPlainTextEdit::textChanged, this, &ReviewPanel::reportNoteEdited);
    connect(m_cellNote, &QPlainTextEdit::textChanged, this, &ReviewPanel::cellNoteEdited);
    connect(m_agencyEdit, &QLineEdit::editingFinished, this, &ReviewPanel::agencyEdited);
    connect(m_yearSpin, &QSpinBox::editingFinished, this, &ReviewPanel::yearEdited);
    connect(cursor, &ReviewCursor::documentChanged, this, &ReviewPanel::setDocument);
    connect(cursor, &ReviewCursor::selectionChanged, this, &ReviewPanel::showCell);
    setDocument(nullptr);
}

void ReviewPanel::setApplySuggestionAction(QAction *action)
{
    m_applyButton->setDefaultAction(action);
}

void ReviewPanel::setDocument(ReviewDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    if (m_document && m_document->session())
        disconnect(m_document->session(), nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ReviewDocument::findingsChanged, this, &ReviewPanel::showCell);
        if (ReviewSession *session = document->session()) {
            connect(session, &ReviewSession::statusChanged, this, &ReviewPanel::showReport);
            connect(session, &ReviewSession::noteChanged, this, &ReviewPanel::showReport);
            connect(session, &ReviewSession::cellChanged, this, &ReviewPanel::showCell);
            connect(session, &ReviewSession::cellNoteChanged, this, &ReviewPanel::showCell);
            connect(session, &ReviewSession::identityChanged, this, &ReviewPanel::showReport);
        }
    }
    showReport();
    showProblems();
    showOcrPages();
    showCell();
}

void ReviewPanel::showReport()
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    m_reportBox->setEnabled(session);
    m_statusCombo->setCurrentIndex(session ? int(reviewStatuses().indexOf(session->status())) : 0);
    setTextQuietly(m_reportNote, session ? session->note() : QString());
    m_agencyEdit->setText(session ? session->report().agency : QString());
    const QSignalBlocker blocker(m_yearSpin);
    m_yearSpin->setValue(session ? session->report().year : 0);
}

void ReviewPanel::showProblems()
{
    // What the engine could not read as one clean report belongs beside its status, in sight.
    QStringList items;
    if (m_document) {
        for (const Error &error : m_document->errors())
            items.append(u"<li>"_s + error.message.toHtmlEscaped() + u"</li>"_s);
    }
    m_problems->setVisible(!items.isEmpty());
    m_problems->setText(items.isEmpty() ? QString()
                                        : u"<b>%1</b><ul style=\"margin-left: 0\">%2</ul>"_s.arg(
                                            tr("Problems reading this report:").toHtmlEscaped(),
                                            items.join(QString())));
}

void ReviewPanel::showOcrPages()
{
    // A PDF with a text layer says nothing here: only pages read from their image are named.
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    const QList<int> pages = session ? session->report().ocrPages : QList<int>();
    m_ocrPages->setVisible(!pages.isEmpty());
    if (pages.isEmpty())
        return;
    const QString ranges = pageRangesText(pages, tr(", ", "between page numbers"));
    m_ocrPages->setText(pages.size() == 1 ? tr("OCR, page %1").arg(ranges)
                                          : tr("OCR, pages %1").arg(ranges));
    m_ocrPages->setToolTip(tr("The text of these pages was read from their image by optical "
                              "character recognition: compare doubtful figures with the page "
                              "(Alt+6)."));
}

void ReviewPanel::showCell()
{
    const ReviewSession *session = m_document ? m_document->session() : nullptr;
    const int cell = m_cursor->cell();
    const bool hasCell = session && cell >= 0;
    m_cellBox->setEnabled(hasCell);
    setTextQuietly(m_cellNote, hasCell ? session->cellNote(cell) : QString());
    showSplitChoices(hasCell ? cell : -1);
    if (!hasCell) {
        m_cellDetails->setToolTip({});
        m_cellDetails->setText(tr("Select a cell in a table or a figure in the text."));
        return;
    }
    const ReportTemplate &tmpl = ReportTemplate::standard();
    const CellValue &value = session->cell(cell);
    // The reviewer reads the form's labels; the internal key is for reports to the developers.
    m_cellDetails->setToolTip(tmpl.cells()[cell].key.toString());
    QStringList lines {u"<b>%1</b>"_s.arg(tmpl.cellLabel(cell).toHtmlEscaped())};
    lines.append(
        tr("Value: %1 (%2)")
            .arg(value.value ? formatValue(value.value) : u"—"_s, cellStateText(value.state)));
    const QString original = value.extractedValue ? formatValue(value.extractedValue) : u"—"_s;
    lines.append(tr("As extracted: %1 (%2)").arg(original, cellStateText(value.extractedState)));
    if (!value.sourceText.isEmpty())
        lines.append(tr("In the source: “%1”").arg(value.sourceText.toHtmlEscaped()));
    for (const Finding &finding : m_document->findingsOf(cell))
        lines.append(
            tr("<i>%1:</i> %2")
                .arg(ruleName(finding.rule).toHtmlEscaped(), finding.message.toHtmlEscaped()));
    m_cellDetails->setText(lines.join(u"<br>"_s));
}

void ReviewPanel::showSplitChoices(int cell)
{
    // Rebuilt on every change; a clicked button may still be on the stack, so it goes later.
    for (QWidget *old : m_splitChoices->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
        old->hide();
        old->deleteLater();
    }
    std::optional<Finding> split;
    if (m_document && cell >= 0) {
        for (const Finding &finding : m_document->findingsOf(cell)) {
            if (!finding.choices.isEmpty())
                split = finding;
        }
    }
    m_splitChoices->setVisible(split.has_value());
    if (!split)
        return;
    auto *title
        = new QLabel(tr("The figures are run together. Choose how they split:"), m_splitChoices);
    title->setWordWrap(true);
    m_splitChoices->layout()->addWidget(title);
    for (const QList<Suggestion> &choice : std::as_const(split->choices)) {
        QStringList values;
        for (const Suggestion &suggestion : choice)
            values.append(formatValue(suggestion.value));
        auto *button = new QPushButton(values.join(u" | "_s), m_splitChoices);
        button->setObjectName(u"splitChoiceButton"_s);
        button->setToolTip(tr("Fill the row's cells with these figures"));
        connect(button, &QPushButton::clicked, this, [this, choice] { chooseSplit(choice); });
        m_splitChoices->layout()->addWidget(button);
    }
}

void ReviewPanel::chooseSplit(const QList<Suggestion> &choice)
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (!session || choice.isEmpty())
        return;
    const ReportTemplate &tmpl = ReportTemplate::standard();
    const TemplateCell &first = tmpl.cells()[choice.first().cell];
    // One step on the undo stack for the whole row.
    auto *command = new QUndoCommand(
        tr("Choose how the figures of %1 split").arg(tmpl.rowLabel(first.table, first.row)));
    for (const Suggestion &suggestion : choice)
        new ChangeCellValue(session, suggestion.cell, suggestion.value,
                            ChangeCellValue::Kind::ApplySuggestion, command);
    m_document->undoStack()->push(command);
}

void ReviewPanel::statusChosen(int index)
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    const ReviewStatus status = reviewStatuses().value(index);
    if (session && status != session->status())
        m_document->undoStack()->push(changeStatusCommand(session, status));
}

void ReviewPanel::reportNoteEdited()
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (session && m_reportNote->toPlainText() != session->note())
        m_document->undoStack()->push(
            changeReportNoteCommand(session, m_reportNote->toPlainText()));
}

void ReviewPanel::cellNoteEdited()
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    const int cell = m_cursor->cell();
    if (session && cell >= 0 && m_cellNote->toPlainText() != session->cellNote(cell))
        m_document->undoStack()->push(
            changeCellNoteCommand(session, cell, m_cellNote->toPlainText()));
}

void ReviewPanel::agencyEdited()
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    const QString agency = m_agencyEdit->text().trimmed();
    if (session && agency != session->report().agency)
        m_document->undoStack()->push(changeAgencyCommand(session, agency));
}

void ReviewPanel::yearEdited()
{
    ReviewSession *session = m_document ? m_document->session() : nullptr;
    if (session && m_yearSpin->value() != session->report().year)
        m_document->undoStack()->push(changeYearCommand(session, m_yearSpin->value()));
}

void ReviewPanel::retranslateUi()
{
    m_reportBox->setTitle(tr("Report"));
    m_agencyLabel->setText(tr("A&gency:"));
    m_yearLabel->setText(tr("&Year:"));
    m_yearSpin->setSpecialValueText(tr("not known"));
    m_statusLabel->setText(tr("Review &status:"));
    m_reportNoteLabel->setText(tr("Note on the &report:"));
    m_cellBox->setTitle(tr("Cell"));
    m_cellNoteLabel->setText(tr("Note on the c&ell:"));
    showProblems();
    showOcrPages();
    const QList<ReviewStatus> statuses = reviewStatuses();
    for (int i = 0; i < statuses.size(); ++i)
        m_statusCombo->setItemText(i, reviewStatusText(statuses[i]));
    showCell();
}

void ReviewPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace nianbao

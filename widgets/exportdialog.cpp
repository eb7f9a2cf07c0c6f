// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "exportdialog.h"

#include "reporttemplate.h"
#include "reviewdocument.h"
#include "reviewsession.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** The formats in the order offered: the wide CSV is what most reviewers hand on. */
constexpr ExportFormat kFormats[]
    = {ExportFormat::WideCsv, ExportFormat::LongCsv, ExportFormat::Xlsx, ExportFormat::Json};

bool isCsv(ExportFormat format)
{
    return format == ExportFormat::WideCsv || format == ExportFormat::LongCsv;
}

} // namespace

ExportDialog::ExportDialog(QWidget *parent)
    : QDialog(parent)
    , m_formatLabel(new QLabel(this))
    , m_format(new QComboBox(this))
    , m_scopeLabel(new QLabel(this))
    , m_scope(new QComboBox(this))
    , m_byteOrderMark(new QCheckBox(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(u"exportDialog"_s);
    m_format->setObjectName(u"exportFormatComboBox"_s);
    m_scope->setObjectName(u"exportScopeComboBox"_s);
    m_byteOrderMark->setObjectName(u"exportByteOrderMarkCheckBox"_s);
    m_byteOrderMark->setChecked(true);
    m_buttons->setObjectName(u"exportButtonBox"_s);
    for (ExportFormat format : kFormats)
        m_format->addItem(QString(), int(format));
    for (int i = 0; i < 3; ++i)
        m_scope->addItem(QString(), i);
    m_formatLabel->setBuddy(m_format);
    m_scopeLabel->setBuddy(m_scope);
    auto *layout = new QFormLayout(this);
    layout->addRow(m_formatLabel, m_format);
    layout->addRow(m_scopeLabel, m_scope);
    layout->addRow(QString(), m_byteOrderMark);
    layout->addRow(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::updateOptions);
    retranslateUi();
    updateOptions();
}

void ExportDialog::setCounts(int current, int filtered, int all)
{
    m_counts[0] = current;
    m_counts[1] = filtered;
    m_counts[2] = all;
    retranslateUi();
    // Start from the widest scope the filter leaves: what the reviewer is looking at.
    m_scope->setCurrentIndex(filtered < all && filtered > 0 ? 1 : 2);
}

ExportFormat ExportDialog::format() const
{
    return ExportFormat(m_format->currentData().toInt());
}

ExportDialog::Scope ExportDialog::scope() const
{
    return Scope(m_scope->currentData().toInt());
}

ExportOptions ExportDialog::options() const
{
    ExportOptions options;
    options.byteOrderMark = isCsv(format()) && m_byteOrderMark->isChecked();
    options.labels = ExportLabels::Readable;
    return options;
}

void ExportDialog::updateOptions()
{
    m_byteOrderMark->setEnabled(isCsv(format()));
}

void ExportDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExportDialog::retranslateUi()
{
    setWindowTitle(tr("Export"));
    m_formatLabel->setText(tr("&Format:"));
    m_scopeLabel->setText(tr("&Reports:"));
    const QString formats[]
        = {tr("CSV, one row per report (csv-wide)"), tr("CSV, one row per cell (csv)"),
           tr("Excel workbook (xlsx)"), tr("JSON, with findings and corrections (json)")};
    for (int i = 0; i < m_format->count(); ++i)
        m_format->setItemText(i, formats[i]);
    const QString scopes[] = {tr("The current report (%n)", nullptr, m_counts[0]),
                              tr("The reports the filter shows (%n)", nullptr, m_counts[1]),
                              tr("Every open report (%n)", nullptr, m_counts[2])};
    for (int i = 0; i < m_scope->count(); ++i)
        m_scope->setItemText(i, scopes[i]);
    m_byteOrderMark->setText(tr("Start CSV files with a byte order mark (for Excel)"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Export…"));
}

ExportedReview exportedReviewOf(const ReviewDocument &document)
{
    ExportedReview exported;
    StoredReview &review = exported.review;
    const ReviewSession *session = document.session();
    if (!session) {
        // Exported all the same, so a file that could not be read is not silently left out.
        review.report.file = document.filePath();
        review.report.errors = document.errors();
        review.report.cells.resize(size_t(ReportTemplate::standard().cellCount()));
        return exported;
    }
    review.report = session->report();
    review.report.cells = session->cells();
    review.status = session->status();
    review.note = session->note();
    review.cellNotes = session->cellNotes();
    review.corrections = session->corrections();
    review.decisions = session->decisions();
    exported.findings = document.findings();
    return exported;
}

QString suggestedExportName(ExportFormat format)
{
    switch (format) {
    case ExportFormat::WideCsv:
    case ExportFormat::LongCsv:
        return u"nianbao-export.csv"_s;
    case ExportFormat::Xlsx:
        return u"nianbao-export.xlsx"_s;
    case ExportFormat::Json:
        return u"nianbao-export.json"_s;
    }
    return {};
}

QString exportFileFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::WideCsv:
    case ExportFormat::LongCsv:
        return ExportDialog::tr("CSV files (*.csv)");
    case ExportFormat::Xlsx:
        return ExportDialog::tr("Excel workbooks (*.xlsx)");
    case ExportFormat::Json:
        return ExportDialog::tr("JSON files (*.json)");
    }
    return {};
}

} // namespace nianbao

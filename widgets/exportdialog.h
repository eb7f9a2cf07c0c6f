// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace nianbao {

class ReviewDocument;

/**
 * File › Export…: the CLI's formats (wide and long CSV, .xlsx, JSON) for the current report,
 * the reports the list's filter shows, or every open report; CSV with a byte order mark for
 * Excel unless unticked. The window then asks where to save and writes through Exporter.
 */
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    enum class Scope { CurrentReport, FilteredReports, AllReports };

    explicit ExportDialog(QWidget *parent = nullptr);

    /** How many reports each scope holds, shown beside it; an empty scope is disabled. */
    void setCounts(int current, int filtered, int all);
    ExportFormat format() const;
    Scope scope() const;
    ExportOptions options() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateOptions();

    QLabel *m_formatLabel;
    QComboBox *m_format;
    QLabel *m_scopeLabel;
    QComboBox *m_scope;
    QCheckBox *m_byteOrderMark;
    QDialogButtonBox *m_buttons;
    int m_counts[3] = {0, 0, 0};
};

/** A report as open in the window, in the form Exporter writes; an unread one has no cells. */
ExportedReview exportedReviewOf(const ReviewDocument &document);
/** The file name offered for an export, e.g. nianbao-export.xlsx. */
QString suggestedExportName(ExportFormat format);
/** The save dialog's filter for a format. */
QString exportFileFilter(ExportFormat format);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dialogs.h"
#include "reportreader.h"
#include "testutils.h" // cellOf

#include <QString>
#include <QStringList>

#include <memory>

namespace nianbao {
class FormTableModel;
class FormTableView;
class ReviewDocument;
class ReviewWindow;
} // namespace nianbao

namespace nianbao::test {

/** Seed 004 (川汇区政府办公室 2023): three blank 自然人 cells, deduced with value.missing. */
QString seed004Path();
/** A report file under tests/data/seeds, by folder name. */
QString seedPath(const QString &seed);
/** The reader whose checker the documents of the tests use; lives for the whole test run. */
const ReportReader &reader();
std::unique_ptr<ReviewDocument> openDocument(const QString &path);
/** The rule ids of the findings on a cell, sorted. */
QStringList rulesOn(const ReviewDocument &document, int cell);
/** The form as text, one line per row: labels, values, and ~ for a merged continuation. */
QString renderForm(const FormTableModel &model);

/** Answers the window's dialogs with prepared paths and answers, and keeps what they said. */
class FakeDialogs final : public Dialogs
{
public:
    QStringList files;
    QString folder;
    QStringList messages;
    QStringList questions;
    bool answer = true;
    QString savePath; ///< the answer to saveFile(); empty cancels
    QString printPath; ///< choosePrinter() prints to this PDF file; empty cancels

    QString filter; ///< the filter openFiles() was last offered
    QStringList openFiles(QWidget *, const QString &, const QString &offered) override
    {
        filter = offered;
        return files;
    }
    QString openFolder(QWidget *, const QString &) override { return folder; }
    void information(QWidget *, const QString &, const QString &text) override
    {
        messages.append(text);
    }
    bool question(QWidget *, const QString &, const QString &text, const QString &) override
    {
        questions.append(text);
        return answer;
    }
    QString saveFile(QWidget *, const QString &, const QString &, const QString &) override
    {
        return savePath;
    }
    bool choosePrinter(QWidget *, QPrinter *printer) override;
    QString text; ///< the answer to askText()
    bool textAccepted = true; ///< false: askText() is cancelled
    std::optional<QString> askText(QWidget *, const QString &, const QString &) override
    {
        return textAccepted ? std::optional<QString>(text) : std::nullopt;
    }
};

/** The window's table view that shows a cell. */
FormTableView *viewOfCell(const ReviewWindow &window, int cell);
/** Clicks a value cell, on its table's tab, as a reviewer would. */
void clickCell(ReviewWindow &window, int cell);
/** Clicks a cell and types into it; false if no editor opened. */
bool typeIntoCellUnconfirmed(ReviewWindow &window, int cell, const QString &text);
/** Types into a cell and presses Return; false if no editor opened or it did not close. */
bool typeIntoCell(ReviewWindow &window, int cell, const QString &text);

} // namespace nianbao::test

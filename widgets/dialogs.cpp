// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

class StandardDialogs final : public Dialogs
{
public:
    QStringList openFiles(QWidget *parent, const QString &title, const QString &filter) override
    {
        return QFileDialog::getOpenFileNames(parent, title, {}, filter);
    }

    QString openFolder(QWidget *parent, const QString &title) override
    {
        return QFileDialog::getExistingDirectory(parent, title);
    }

    void information(QWidget *parent, const QString &title, const QString &text) override
    {
        QMessageBox::information(parent, title, text);
    }

    void tell(QWidget *parent, const QString &title, const QString &text) override
    {
        auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, parent);
        box->setObjectName(u"tellMessageBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }

    bool question(QWidget *parent, const QString &title, const QString &text,
                  const QString &accept) override
    {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
        QPushButton *yes = box.addButton(accept, QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(yes);
        box.exec();
        return box.clickedButton() == yes;
    }

    void ask(QWidget *parent, const QString &title, const QString &text, const QString &accept,
             const QString &reject, const std::function<void(bool)> &answered) override
    {
        auto *box
            = new QMessageBox(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
        box->setObjectName(u"askMessageBox"_s);
        box->setAttribute(Qt::WA_DeleteOnClose);
        QPushButton *yes = box->addButton(accept, QMessageBox::AcceptRole);
        box->addButton(reject, QMessageBox::RejectRole);
        box->setDefaultButton(yes);
        // Only a button answers: closing the window unanswered asks again next time.
        QObject::connect(box, &QMessageBox::buttonClicked, box,
                         [yes, answered](QAbstractButton *button) { answered(button == yes); });
        box->open();
    }
};

} // namespace

void Dialogs::tell(QWidget *parent, const QString &title, const QString &text)
{
    information(parent, title, text);
}

void Dialogs::ask(QWidget *parent, const QString &title, const QString &text, const QString &accept,
                  const QString &, const std::function<void(bool)> &answered)
{
    answered(question(parent, title, text, accept));
}

QString Dialogs::saveFile(QWidget *parent, const QString &title, const QString &filter,
                          const QString &suggested)
{
    return QFileDialog::getSaveFileName(parent, title, suggested, filter);
}

std::optional<QString> Dialogs::askText(QWidget *parent, const QString &title, const QString &label)
{
    bool accepted = false;
    const QString text
        = QInputDialog::getText(parent, title, label, QLineEdit::Normal, {}, &accepted);
    return accepted ? std::optional<QString>(text) : std::nullopt;
}

bool Dialogs::choosePrinter(QWidget *parent, QPrinter *printer)
{
    QPrintDialog dialog(printer, parent);
    return dialog.exec() == QDialog::Accepted;
}

Dialogs &Dialogs::standard()
{
    static StandardDialogs dialogs;
    return dialogs;
}

} // namespace nianbao

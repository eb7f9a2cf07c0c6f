// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>

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
};

} // namespace

Dialogs &Dialogs::standard()
{
    static StandardDialogs dialogs;
    return dialogs;
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QStringList>

#include <functional>

class QPrinter;
class QWidget;

namespace nianbao {

/**
 * The file and message dialogs the window asks, behind an interface so widget tests answer
 * them without a modal loop.
 */
class Dialogs
{
public:
    virtual ~Dialogs() = default;

    virtual QStringList openFiles(QWidget *parent, const QString &title, const QString &filter) = 0;
    virtual QString openFolder(QWidget *parent, const QString &title) = 0;
    virtual void information(QWidget *parent, const QString &title, const QString &text) = 0;
    /**
     * Tells without waiting for the user to close the box, so the window goes on (the end of an
     * import, shown over the window in a screenshot). By default it calls information().
     */
    virtual void tell(QWidget *parent, const QString &title, const QString &text);
    /** Asks a yes/no question; `accept` labels the yes button. True when the user accepts. */
    virtual bool question(QWidget *parent, const QString &title, const QString &text,
                          const QString &accept)
        = 0;
    /**
     * Asks a question without waiting for the answer, so the window goes on (autosaving, or
     * taking a screenshot of the question); `answered(true)` when the user accepts, `(false)`
     * when they choose `reject`. By default it asks question() and answers at once.
     */
    virtual void ask(QWidget *parent, const QString &title, const QString &text,
                     const QString &accept, const QString &reject,
                     const std::function<void(bool)> &answered);

    /** Asks where to save; `suggested` is the file name offered. Empty when cancelled. */
    virtual QString saveFile(QWidget *parent, const QString &title, const QString &filter,
                             const QString &suggested);
    /** Asks for a line of text (a reason); nullopt when cancelled. */
    virtual std::optional<QString> askText(QWidget *parent, const QString &title,
                                           const QString &label);
    /** Lets the user set up `printer` (QPrintDialog). False when cancelled. */
    virtual bool choosePrinter(QWidget *parent, QPrinter *printer);

    /** The real dialogs. */
    static Dialogs &standard();
};

} // namespace nianbao

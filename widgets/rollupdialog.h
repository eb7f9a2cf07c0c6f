// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "library/rollupinference.h"

#include <QDialog>

#include <functional>

class QTreeWidget;

namespace nianbao {

/**
 * The roll-up sets the folders suggest, each with a checkbox (checked) and its units listed
 * under it: the reviewer keeps those that are right. Nothing is saved here.
 */
class RollupDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RollupDialog)

public:
    /** `nameOf` gives a library report's name as the list shows it. */
    RollupDialog(QList<ProposedRollup> proposed, const std::function<QString(qint64)> &nameOf,
                 QWidget *parent = nullptr);

    /** The sets still checked. */
    QList<ProposedRollup> chosen() const;
    QTreeWidget *tree() const { return m_tree; }

private:
    QList<ProposedRollup> m_proposed;
    QTreeWidget *m_tree;
};

} // namespace nianbao

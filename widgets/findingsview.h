// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewdocument.h"
#include <QTreeView>

namespace nianbao {

class FindingsModel;
class ReviewCursor;

/** The findings of the cursor's report; selecting one selects its cells and spans. */
class FindingsView final : public QTreeView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsView)

public:
    explicit FindingsView(ReviewCursor *cursor, QWidget *parent = nullptr);

    FindingsModel *findingsModel() const { return m_model; }

protected:
    void currentChanged(const QModelIndex &current, const QModelIndex &previous) override;
    void changeEvent(QEvent *event) override;

private:
    void setDocument(ReviewDocument *document);
    void followCursor();

    ReviewCursor *m_cursor;
    FindingsModel *m_model;
    bool m_following = false;
};

} // namespace nianbao

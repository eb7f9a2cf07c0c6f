// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rules/checksession.h"

#include "finding.h"
#include "reviewdocument.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace nianbao {

/** The current findings of one report: severity, rule, cells, message and suggestion. */
class FindingsModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FindingsModel)

public:
    enum Column {
        SeverityColumn,
        RuleColumn,
        MessageColumn,
        SuggestionColumn,
        DecisionColumn,
        FaultColumn,
        CellsColumn,
        ColumnCount
    };
    enum Role { FindingKeyRole = Qt::UserRole + 1, SeverityRole };

    explicit FindingsModel(QObject *parent = nullptr);

    void setDocument(ReviewDocument *document);
    QModelIndex indexOf(std::optional<FindingKey> key) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /** Header texts follow a language switch. */
    void retranslate();

private:
    void reload();
    void update(const FindingsDelta &delta);
    /** Repaints the rows of the finding(s) with `signature` (grey once dismissed). */
    void decisionChanged(const QString &signature);
    QVariant decisionLook(const Finding &finding, int role) const;
    QString cellsText(const Finding &finding) const;
    QString suggestionText(const Finding &finding) const;
    QString displayText(const Finding &finding, int column) const;
    QString toolTip(const Finding &finding, int column) const;
    QString decisionToolTip(const Finding &finding) const;

    QPointer<ReviewDocument> m_document;
    QList<Finding> m_findings;
};

} // namespace nianbao

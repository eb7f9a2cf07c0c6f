// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "findingsmodel.h"

#include "displaytexts.h"
#include "reporttemplate.h"
#include "reviewdocument.h"

#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

FindingsModel::FindingsModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void FindingsModel::setDocument(ReviewDocument *document)
{
    if (m_document)
        disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (document) {
        connect(document, &ReviewDocument::findingsChanged, this, &FindingsModel::update);
        connect(document, &ReviewDocument::decisionChanged, this, &FindingsModel::decisionChanged);
    }
    reload();
}

void FindingsModel::update(const FindingsDelta &delta)
{
    // Row by row, so the view keeps its selection and scroll position through an edit.
    QSet<FindingKey> changed;
    for (const Finding &added : delta.appeared)
        changed.insert(added.key);
    for (const Finding &gone : delta.disappeared) {
        if (changed.contains(gone.key))
            continue;
        const int row = indexOf(gone.key).row();
        if (row < 0)
            continue;
        beginRemoveRows({}, row, row);
        m_findings.removeAt(row);
        endRemoveRows();
    }
    for (const Finding &added : delta.appeared) {
        const int row = indexOf(added.key).row();
        if (row >= 0) {
            m_findings[row] = added;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            continue;
        }
        const int at
            = int(std::lower_bound(m_findings.cbegin(), m_findings.cend(), added, findingBefore)
                  - m_findings.cbegin());
        beginInsertRows({}, at, at);
        m_findings.insert(at, added);
        endInsertRows();
    }
}

void FindingsModel::decisionChanged(const QString &signature)
{
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    for (int row = 0; row < m_findings.size(); ++row) {
        if (findingSignature(m_findings[row], reportTemplate) == signature)
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
}

QVariant FindingsModel::decisionLook(const Finding &finding, int role) const
{
    // A dismissed finding stays in the list, greyed and in italics, so the reviewer sees it
    // was looked at; the counts leave it out.
    if (!m_document || m_document->decision(finding).state != DecisionState::Dismissed)
        return {};
    if (role == Qt::ForegroundRole)
        return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    QFont font;
    font.setItalic(true);
    return font;
}

void FindingsModel::reload()
{
    beginResetModel();
    m_findings = m_document ? m_document->findings() : QList<Finding>();
    endResetModel();
}

QModelIndex FindingsModel::indexOf(std::optional<FindingKey> key) const
{
    const Finding *found = key ? findByKey(m_findings, *key) : nullptr;
    return found ? index(int(found - m_findings.constData()), 0) : QModelIndex();
}

int FindingsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int FindingsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FindingsModel::cellsText(const Finding &finding) const
{
    return shortCellLabels(finding.cells);
}

QString FindingsModel::suggestionText(const Finding &finding) const
{
    if (finding.suggestion)
        return shortCellLabel(finding.suggestion->cell) % u" = "
            % formatValue(finding.suggestion->value);
    return finding.alternatives > 0 ? tr("%n equal fixes", nullptr, finding.alternatives + 1)
                                    : QString();
}

QVariant FindingsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Finding &finding = m_findings[index.row()];
    if (role == FindingKeyRole)
        return QVariant::fromValue(finding.key);
    if (role == SeverityRole)
        return int(finding.severity);
    if (role == Qt::ToolTipRole)
        return toolTip(finding, index.column());
    if (role == Qt::DisplayRole)
        return displayText(finding, index.column());
    if (role == Qt::ForegroundRole || role == Qt::FontRole)
        return decisionLook(finding, role);
    return {};
}

QString FindingsModel::displayText(const Finding &finding, int column) const
{
    switch (Column(column)) {
    case SeverityColumn:
        return severityText(finding.severity);
    case RuleColumn:
        return ruleName(finding.rule);
    case CellsColumn:
        return cellsText(finding);
    case MessageColumn:
        return finding.message;
    case SuggestionColumn:
        return suggestionText(finding);
    case FaultColumn:
        return faultText(finding.fault);
    case DecisionColumn:
        return m_document ? decisionText(m_document->decision(finding)) : QString();
    case ColumnCount:
        break;
    }
    return {};
}

QString FindingsModel::toolTip(const Finding &finding, int column) const
{
    // The reviewer reads labels; the internal ids stay at hand for reports to the developers.
    const ReportTemplate &reportTemplate = ReportTemplate::standard();
    switch (Column(column)) {
    case RuleColumn:
        return ruleToolTip(finding.rule);
    case CellsColumn: {
        QStringList lines;
        for (int cell : finding.cells)
            lines.append(reportTemplate.cellLabel(cell));
        return lines.join(u'\n') % u"\n(" % cellKeys(finding.cells) % u')';
    }
    case SuggestionColumn:
        if (finding.suggestion)
            return reportTemplate.cellLabel(finding.suggestion->cell) % u" = "
                % formatValue(finding.suggestion->value) % u"\n("
                % cellKeys({finding.suggestion->cell}) % u')';
        return suggestionText(finding);
    case FaultColumn:
        return finding.fault == Fault::Reading
            ? tr("The figures were split from a run of digits, deduced or could not be read, "
                 "and another reading satisfies the rule: check the reading against the page.")
            : tr("The report's own figures break the rule: a matter for the agency.");
    case DecisionColumn:
        return decisionToolTip(finding);
    default:
        return displayText(finding, column);
    }
}

QString FindingsModel::decisionToolTip(const Finding &finding) const
{
    const FindingDecision decision
        = m_document ? m_document->decision(finding) : FindingDecision {};
    if (decision.isOpen() && decision.reviewer.isEmpty())
        return tr("Not decided yet: confirm it, or dismiss it with a reason.");
    return tr("%1, by %2 on %3")
        .arg(decisionText(decision), decision.reviewer,
             QLocale().toString(decision.when.toLocalTime(), QLocale::ShortFormat));
}

QVariant FindingsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case CellsColumn:
        return tr("Cells");
    case MessageColumn:
        return tr("Message");
    case SuggestionColumn:
        return tr("Suggestion");
    case FaultColumn:
        return tr("Fault");
    case DecisionColumn:
        return tr("Decision");
    case ColumnCount:
        break;
    }
    return {};
}

void FindingsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_findings.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

} // namespace nianbao

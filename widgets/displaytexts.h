// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "reviewsession.h"

#include <QList>
#include <QString>

namespace nianbao {

/** The four states in the order the window offers them. */
QList<ReviewStatus> reviewStatuses();
/** 未审核 / 审核中 / 已审核 / 存疑, in the current language. */
QString reviewStatusText(ReviewStatus status);
/** Missing, extracted, … as the reviewer reads them. */
QString cellStateText(CellState state);
QString severityText(Severity severity);
/** 报告自身不一致 / 识别存疑: where a finding's fault lies, as the reviewer reads it. */
QString faultText(Fault fault);
/** 待处理 / 已确认 / 已排除, with the reason of a dismissal. */
QString decisionText(const FindingDecision &decision);
/** A cell's value as the tables show it; empty when there is none. */
QString formatValue(std::optional<double> value);

/**
 * A rule's short name for the reviewer (余额平衡, 正文与表格不一致, …) in the current language;
 * the template's description, then the id itself, for a rule without one.
 */
QString ruleName(const QString &rule);
/** What the rule checks, as the template words it, with the internal id for reference. */
QString ruleToolTip(const QString &rule);
/** A cell as the form labels it, long row labels cut: 一、本年新收… · 自然人. */
QString shortCellLabel(int cell);
/** Cells by their short labels, joined; cellKeys() gives the internal keys for tooltips. */
QString shortCellLabels(const QList<int> &cells);
QString cellKeys(const QList<int> &cells);

} // namespace nianbao

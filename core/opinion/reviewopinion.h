// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "export/exporter.h"
#include "finding.h"
#include "findingdecision.h"
#include "reviewsession.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace nianbao {

/** One cell an opinion item speaks of, placed as the form places it. */
struct OpinionCell
{
    int cell = -1;
    QString table; ///< 表三
    int rowNumber = 0; ///< 1-based, as the form's rows run
    QString row; ///< the form's row label: (三) 不予公开 1.属于国家秘密
    int columnNumber = 0; ///< 1-based
    QString column; ///< the form's column label: 法人或其他组织·商业企业
    QString printed; ///< the figure as the report prints it: 6, ６, —, or 空白
    std::optional<double> current; ///< the value now (after the reviewer's corrections)

    /** 表三 第1行「一、本年新收政府信息公开申请数量」 第7列「总计」 */
    QString place() const;
};

/** One finding as the review opinion words it for the agency. */
struct OpinionItem
{
    FindingKey key;
    QString rule;
    Severity severity = Severity::Error;
    Fault fault = Fault::Source;
    FindingDecision decision;
    QString table; ///< the table's heading: 三、收到和处理政府信息公开申请情况 (empty: none)
    QString where; ///< where on the form: 表三 第7列「总计」, or one cell's place()
    QList<OpinionCell> cells;
    QString printed; ///< what the report prints there
    QString implied; ///< what the rules (or the text) imply
    QString suggestion; ///< 按勾稽关系「…」应为 N, if the rules determine one value
    QString request; ///< what the agency is asked to do
    std::optional<double> expected;
    std::optional<double> actual;
    QString message; ///< Finding::message, as the window shows it
    QStringList corrections; ///< 「…」由 5 改为 6（张三，2026-12-03 10:00）
    QStringList notes; ///< the reviewer's notes on its cells: 「…」：note

    /** The item's first line: 1. 表三 第7列「总计」, and （已确认） when the reviewer confirmed it.
     */
    QString heading(int number) const;
    /** The lines under the heading, in order: printed, implied, suggestion, corrections, notes,
     *  request. What every rendering of the opinion writes. */
    QStringList details() const;
};

/**
 * The written review opinion (审核意见) a reviewer sends an agency about one annual report: who
 * and what it is about, and each finding that asks the agency to correct or explain, in the
 * form's own words. Built by buildReviewOpinion(); the .docx writer (core) and the PDF and
 * print preview (widgets) render it.
 */
struct ReviewOpinion
{
    QString agency;
    int year = 0;
    QString file; ///< the report's file, as imported or given
    QString reviewer;
    QDate date;
    ReviewStatus status = ReviewStatus::Unreviewed;
    QString note; ///< the reviewer's note on the report
    bool loaded = true; ///< false: the report could not be read, `problems` say why
    QStringList problems;
    QList<OpinionItem> items;
    int dismissed = 0; ///< findings set aside by the reviewer (另有 N 项经核实不再列入)
    int readingLeftOut = 0; ///< findings left out as doubts of reading, not the agency's fault

    /** 关于川汇区政府办公室2023年政府信息公开工作年度报告的审核意见 */
    QString title() const;
    /** 川汇区政府办公室：(the addressee line) */
    QString addressee() const;
    /** The opening paragraph: how many items, and what is asked. */
    QString introduction() const;
    /** 另有 N 项经核实不再列入。 or empty. */
    QString dismissedText() const;
    QString statusText() const; ///< 未审核 / 审核中 / 已审核 / 存疑
    QString dateText() const; ///< 2026年12月3日
    /** The facts table's header and its one row: agency, year, file, status, reviewer. */
    QStringList factsHeader() const;
    QStringList facts() const;
    /** The whole opinion as plain text, as the documents lay it out (the CLI and tests). */
    QString plainText() const;
};

/** The reviewer's decision on a finding, as the library keeps it (Open when there is none). */
using DecisionLookup = std::function<FindingDecision(const Finding &finding)>;

/** A lookup over decisions keyed by the findings' keys (a session's own, not stored ones). */
DecisionLookup decisionsByKey(QHash<FindingKey, FindingDecision> decisions);

struct OpinionOptions
{
    QString reviewer; ///< who signs; empty: the last reviewer who corrected a cell
    QDate date; ///< invalid: today
    /** Also list findings whose fault is our reading (Fault::Reading); confirmed ones always are.
     */
    bool includeReadingFaults = false;
};

/**
 * Builds the opinion on one report under review: its current cells, findings, corrections and
 * notes (`review`), with each finding's decision from `decisions` (none: the decisions the
 * review holds, as the library keeps them).
 * A dismissed finding is left out and counted; a finding of reading is left out unless it is
 * confirmed or `options` include such findings.
 */
ReviewOpinion buildReviewOpinion(const ExportedReview &review, const DecisionLookup &decisions = {},
                                 const OpinionOptions &options = {});

/**
 * A file name for the opinion without folder or suffix: 川汇区政府办公室-2023-审核意见. Characters
 * no file system takes are replaced; without an agency the report file's name stands in.
 */
QString opinionBaseName(const ReviewOpinion &opinion);
/**
 * opinionBaseName(), made unique among `taken` (…-2), ignoring case as Windows does, and added
 * to it: a batch writes two reports of one agency and year to two files.
 */
QString uniqueOpinionBaseName(const ReviewOpinion &opinion, QStringList &taken);

} // namespace nianbao

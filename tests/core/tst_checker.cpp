// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportreader.h"
#include "reporttemplate.h"
#include "rules/checker.h"
#include "rules/checksession.h"
#include "rules/rulebook.h"
#include "testutils.h"

#include <QRandomGenerator>
#include <QTest>

using namespace nianbao;
using namespace Qt::StringLiterals;

namespace {

const ReportTemplate &tmpl()
{
    return ReportTemplate::standard();
}

using test::cellOf;

void setValue(std::vector<CellValue> &cells, int cell, double value)
{
    cells[size_t(cell)].value = value;
    cells[size_t(cell)].state = CellState::Extracted;
    cells[size_t(cell)].extractedValue = value;
    cells[size_t(cell)].extractedState = CellState::Extracted;
}

/** A report whose figures satisfy every rule, built from random outcome counts. */
std::vector<CellValue> consistentCells(QRandomGenerator &random)
{
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    auto small = [&] {
        return random.bounded(4) == 0 ? double(random.bounded(1, 30)) : 0.0;
    };
    const int requests = tmpl().tableIndex(u"requests");
    const TemplateTable &table = tmpl().tables()[requests];
    const int firstOutcome = tmpl().rowIndex(requests, u"disclosed");
    const int lastOutcome = tmpl().rowIndex(requests, u"other_misc");
    const int processed = tmpl().rowIndex(requests, u"total_processed");
    const int received = tmpl().rowIndex(requests, u"received");
    const int carriedOver = tmpl().rowIndex(requests, u"carried_over");
    const int carriedForward = tmpl().rowIndex(requests, u"carried_forward");
    const int total = tmpl().columnIndex(requests, u"total");
    std::vector<double> rowSum(size_t(table.rows.size()), 0);
    for (int column = 0; column < total; ++column) {
        double processedSum = 0;
        for (int row = firstOutcome; row <= lastOutcome; ++row) {
            const double value = small();
            setValue(cells, tmpl().cellIndex(requests, row, column), value);
            processedSum += value;
            rowSum[size_t(row)] += value;
        }
        const double forward = small();
        const double over = std::min(small(), processedSum + forward);
        const double receivedValue = processedSum + forward - over;
        const std::pair<int, double> derived[] = {{processed, processedSum},
                                                  {carriedForward, forward},
                                                  {carriedOver, over},
                                                  {received, receivedValue}};
        for (const auto &[row, value] : derived) {
            setValue(cells, tmpl().cellIndex(requests, row, column), value);
            rowSum[size_t(row)] += value;
        }
    }
    for (int row = 0; row < int(table.rows.size()); ++row)
        setValue(cells, tmpl().cellIndex(requests, row, total), rowSum[size_t(row)]);

    const int appeals = tmpl().tableIndex(u"appeals");
    for (const TemplateRow &row : tmpl().tables()[appeals].rows) {
        double sum = 0;
        for (qsizetype c = 0; c + 1 < row.cells.size(); ++c) {
            const double value = small();
            setValue(cells, row.cells[c], value);
            sum += value;
        }
        setValue(cells, row.cells.back(), sum);
    }
    for (const TemplateRow &row : tmpl().tables()[tmpl().tableIndex(u"active")].rows) {
        for (int cell : row.cells)
            setValue(cells, cell, small());
    }
    return cells;
}

bool namesCell(const QList<Finding> &findings, int cell)
{
    return std::any_of(findings.begin(), findings.end(),
                       [cell](const Finding &f) { return f.cells.contains(cell); });
}

std::optional<double> suggestionFor(const QList<Finding> &findings, int cell)
{
    for (const Finding &finding : findings) {
        if (finding.suggestion && finding.suggestion->cell == cell)
            return finding.suggestion->value;
    }
    return std::nullopt;
}

QStringList ruleIds(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &finding : findings)
        ids.append(finding.rule);
    ids.removeDuplicates();
    ids.sort();
    return ids;
}

/** The rules of the findings about stated relations (text.combined …), each a warning. */
QStringList relationRules(const QList<Finding> &findings)
{
    QStringList ids;
    for (const Finding &finding : findings) {
        if (finding.key.kind != FindingKind::Relation)
            continue;
        ids.append(finding.rule);
        if (finding.severity != Severity::Warning)
            ids.append(u"(not a warning)"_s);
    }
    ids.removeDuplicates();
    ids.sort();
    return ids;
}

} // namespace

namespace nianbao {
// Readable QCOMPARE failures for findings and suggestions.
char *toString(const Finding &finding)
{
    return QTest::toString(describe(finding));
}
char *toString(const Suggestion &suggestion)
{
    return QTest::toString(QStringLiteral("%1=%2").arg(suggestion.cell).arg(suggestion.value));
}
} // namespace nianbao

class TestChecker : public QObject
{
    Q_OBJECT

private slots:
    void rulesExpandOverRowsAndColumns();
    void ruleFiresOnCraftedBreak_data();
    void ruleFiresOnCraftedBreak();
    void missingCellsAreDeduced();
    void undeterminedMissingCellIsNotGuessed();
    void blanksTheRulesForceToZeroAreDeducedAndReportedOnce();
    void aBlankTheRulesDisagreeOnIsNotDeduced();
    void statedFigureContradictingTheTableFires();
    void realNarrativesAgreeWithTheirTables_data();
    void realNarrativesAgreeWithTheirTables();
    void relationsTheTableBreaksWarn();
    void sharesAllowTheirPrintedRounding();
    void yearCarryComparesConsecutiveReports();
    void consistentReportsYieldNoFinding();
    void everySingleCellPerturbationIsFoundAndLocalized();
    void tiesAreReportedWithoutASuggestion();
    void incrementalRecheckMatchesAFullCheck();
};

void TestChecker::rulesExpandOverRowsAndColumns()
{
    const RuleBook rules(tmpl());
    QHash<QString, int> perRule;
    for (const LinearCheck &check : rules.checks())
        ++perRule[tmpl().rules()[check.rule].id];
    QCOMPARE(perRule.value(u"requests.balance"_s), 7);
    QCOMPARE(perRule.value(u"requests.outcomes"_s), 7);
    QCOMPARE(perRule.value(u"requests.row_total"_s), 25);
    QCOMPARE(perRule.value(u"appeals.total"_s), 3);
    // A middle outcome cell is in its row total and its column's outcome sum.
    QCOMPARE(rules.checksOfCell(cellOf("requests.declined_duplicate.natural")).size(), size_t(2));
}

void TestChecker::ruleFiresOnCraftedBreak_data()
{
    QTest::addColumn<QString>("cell");
    QTest::addColumn<double>("delta");
    QTest::addColumn<QString>("rule");
    QTest::newRow("more received than processed breaks the balance")
        << u"requests.received.commercial"_s << 1.0 << u"requests.balance"_s;
    QTest::newRow("a processed total unlike its outcomes breaks the outcome sum")
        << u"requests.total_processed.research"_s << 2.0 << u"requests.outcomes"_s;
    QTest::newRow("a row total unlike its parts breaks the row total")
        << u"requests.withheld_third_party.total"_s << 3.0 << u"requests.row_total"_s;
    QTest::newRow("an appeals total unlike its results breaks appeals.total")
        << u"appeals.litigation_after.total"_s << 1.0 << u"appeals.total"_s;
    QTest::newRow("a negative count is outside the domain")
        << u"active.penalty.decisions"_s << -5.0 << u"value.domain"_s;
    QTest::newRow("half a request is outside the domain")
        << u"active.license.decisions"_s << 0.5 << u"value.domain"_s;
}

void TestChecker::ruleFiresOnCraftedBreak()
{
    QFETCH(QString, cell);
    QFETCH(double, delta);
    QFETCH(QString, rule);
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    for (int c = 0; c < tmpl().cellCount(); ++c)
        setValue(cells, c, 0);
    QVERIFY(CheckSession::checkOnce(checker, cells, {}).isEmpty());
    const int index = tmpl().cellIndex(CellKey(cell));
    setValue(cells, index, delta);
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
    QVERIFY2(ruleIds(findings).contains(rule), qPrintable(ruleIds(findings).join(u',')));
    QVERIFY(namesCell(findings, index));
    for (const Finding &finding : findings) {
        QVERIFY(!finding.message.isEmpty());
        QCOMPARE(finding.severity, Severity::Error);
    }
}

void TestChecker::missingCellsAreDeduced()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(7);
    std::vector<CellValue> cells = consistentCells(random);
    const int blanked = cellOf("requests.received.natural");
    const double original = *cells[size_t(blanked)].value;
    cells[size_t(blanked)] = CellValue {};
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
    QCOMPARE(cells[size_t(blanked)].state, CellState::Deduced);
    QCOMPARE(*cells[size_t(blanked)].value, original);
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].rule, u"value.missing"_s);
    QCOMPARE(findings[0].suggestion, (Suggestion {blanked, original}));
}

void TestChecker::undeterminedMissingCellIsNotGuessed()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    for (int c = 0; c < tmpl().cellCount(); ++c)
        setValue(cells, c, 0);
    // Two cells of one appeals group blank: one equation, two unknowns that share 5 (with a
    // total of 0 the bounds would make both 0).
    const int upheld = cellOf("appeals.reconsideration.upheld");
    const int corrected = cellOf("appeals.reconsideration.corrected");
    setValue(cells, cellOf("appeals.reconsideration.total"), 5);
    cells[size_t(upheld)] = CellValue {};
    cells[size_t(corrected)] = CellValue {};
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
    QCOMPARE(cells[size_t(upheld)].state, CellState::Missing);
    QCOMPARE(findings.size(), 2);
    for (const Finding &finding : findings) {
        QCOMPARE(finding.rule, u"value.missing"_s);
        QVERIFY(!finding.suggestion);
    }
}

void TestChecker::blanksTheRulesForceToZeroAreDeducedAndReportedOnce()
{
    // r01's pattern: the five 法人或其他组织 columns left empty, each row's 总计 equal to its
    // 自然人. Counts are >= 0, so every blank is 0; no equality alone says so.
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    for (int c = 0; c < tmpl().cellCount(); ++c)
        setValue(cells, c, 0);
    QList<int> blanked;
    for (const char *row : {"received", "disclosed", "total_processed"}) {
        for (const char *column : {"natural", "total"})
            setValue(cells,
                     cellOf(qPrintable(u"requests.%1.%2"_s.arg(QLatin1StringView(row),
                                                               QLatin1StringView(column)))),
                     5);
        for (const char *column : {"commercial", "research", "nonprofit", "legal", "other_org"}) {
            const int cell = cellOf(qPrintable(
                u"requests.%1.%2"_s.arg(QLatin1StringView(row), QLatin1StringView(column))));
            cells[size_t(cell)] = CellValue {};
            blanked.append(cell);
        }
    }
    std::vector<CellValue> again = cells;
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
    for (int cell : blanked) {
        QCOMPARE(cells[size_t(cell)].state, CellState::Deduced);
        QCOMPARE(*cells[size_t(cell)].value, 0.0);
    }
    QCOMPARE(findings.size(), 1);
    QCOMPARE(findings[0].rule, u"value.missing"_s);
    QCOMPARE(findings[0].cells, blanked);
    QVERIFY(findings[0].message.contains(u"15"_s));
    // The window's incremental engine says the same.
    const CheckSession session(checker, again, {});
    QCOMPARE(session.findings(), findings);
    // A blank the rules leave open stays missing: undeterminedMissingCellIsNotGuessed.
}

void TestChecker::aBlankTheRulesDisagreeOnIsNotDeduced()
{
    // 予以公开 · 总计 5 with its 自然人 blank, while the 自然人 column already adds up: the row
    // says 5, the column says 0. Whatever order the rules come in, the blank stays missing.
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    for (int c = 0; c < tmpl().cellCount(); ++c)
        setValue(cells, c, 0);
    setValue(cells, cellOf("requests.disclosed.total"), 5);
    const int blank = cellOf("requests.disclosed.natural");
    cells[size_t(blank)] = CellValue {};
    CheckSession::checkOnce(checker, cells, {});
    QCOMPARE(cells[size_t(blank)].state, CellState::Missing);
}

void TestChecker::statedFigureContradictingTheTableFires()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(11);
    std::vector<CellValue> cells = consistentCells(random);
    const int received = cellOf("requests.received.total");
    const double value = *cells[size_t(received)].value;
    QList<StatedFigure> agreeing {StatedFigure {received, value, u"共收到申请"_s, {}, {}}};
    QVERIFY(CheckSession::checkOnce(checker, cells, agreeing).isEmpty());
    QList<StatedFigure> contradicting {StatedFigure {received, value + 4, u"共收到申请"_s, {}, {}}};
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, contradicting);
    QCOMPARE(ruleIds(findings), QStringList {u"text.table"_s});
    QCOMPARE(*findings[0].expected, value + 4);
    QCOMPARE(*findings[0].actual, value);
}

void TestChecker::realNarrativesAgreeWithTheirTables_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("relations");

    // 办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；… 行政诉讼案件7件。
    QTest::newRow("p35: five outcome groups, their shares and the appeals")
        << u"p35-pingtan-2023.txt"_s << 12;
    // 办结 1191 件（含上年结转 189 件）… 予以公开及部分公开 208 件（17.46%）…
    QTest::newRow("r07: 含 clause, four groups and their shares")
        << u"r07-shanghai-govoffice-2025.txt"_s << 9;
    // 答复 3050 件（含上年度结转申请 34 件…）… 政府信息公开行政诉讼 46 件
    QTest::newRow("r23: 含 clause and 行政诉讼") << u"r23-huaian-2024.pdf"_s << 2;
    // 共有行政诉讼案件1件、行政复议案件2件
    QTest::newRow("r03: 行政诉讼案件 and 行政复议案件") << u"r03-pingtan-2022.txt"_s << 2;
    // 行政复议36起，行政诉讼9起
    QTest::newRow("p37: 行政诉讼9起") << u"p37-pingtan-2025.txt"_s << 1;
}

void TestChecker::realNarrativesAgreeWithTheirTables()
{
    QFETCH(QString, file);
    QFETCH(int, relations);
    const Report report = ReportReader().readFile(test::dataPath(u"real/"_s % file));
    QCOMPARE(int(report.relations.size()), relations);
    QCOMPARE(relationRules(report.findings), QStringList {});
}

void TestChecker::relationsTheTableBreaksWarn()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    // r07: 办结 1191 件（含上年结转 189 件）… 予以公开及部分公开 208 件（17.46%）; the table
    // has 206 disclosed and 2 partially disclosed.
    Report r07 = ReportReader().readFile(test::dataPath(u"real/r07-shanghai-govoffice-2025.txt"_s));
    CheckSession session(checker, r07.cells, r07.statements, r07.splitChoices, r07.relations);
    QCOMPARE(relationRules(session.findings()), QStringList {});
    const int disclosed = cellOf("requests.disclosed.total");
    session.setCell(disclosed, 196);
    QCOMPARE(relationRules(session.findings()),
             (QStringList {u"text.combined"_s, u"text.share"_s}));
    const auto message = [&](const QString &rule) {
        for (const Finding &finding : session.findings()) {
            if (finding.rule == rule)
                return finding.message;
        }
        return QString();
    };
    QVERIFY2(message(u"text.combined"_s).contains(u"(一) 予以公开"_s),
             qPrintable(message(u"text.combined"_s)));
    QVERIFY2(message(u"text.share"_s).contains(u"17.46%"_s), qPrintable(message(u"text.share"_s)));
    session.setCell(disclosed, 206);
    QCOMPARE(relationRules(session.findings()), QStringList {});
    session.setCell(cellOf("requests.total_processed.total"), 1291);
    QVERIFY(relationRules(session.findings()).contains(u"text.contains"_s));

    // p35: 行政复议案件2件、行政诉讼案件7件 against 7 lawsuits in the two litigation groups.
    Report p35 = ReportReader().readFile(test::dataPath(u"real/p35-pingtan-2023.txt"_s));
    CheckSession appeals(checker, p35.cells, p35.statements, p35.splitChoices, p35.relations);
    const int direct = cellOf("appeals.litigation_direct.total");
    appeals.setCell(direct, *appeals.cells()[size_t(direct)].value + 1);
    QCOMPARE(relationRules(appeals.findings()), QStringList {u"text.appeals"_s});
}

void TestChecker::sharesAllowTheirPrintedRounding()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    std::vector<CellValue> cells(size_t(tmpl().cellCount()));
    const int disclosed = cellOf("requests.disclosed.total");
    const int processed = cellOf("requests.total_processed.total");
    setValue(cells, processed, 81);
    StatedRelation share;
    share.rule = u"text.share"_s;
    share.cells = {disclosed};
    share.whole = {processed};
    share.decimals = 2;
    const auto fires = [&](double part, double percent) {
        setValue(cells, disclosed, part);
        share.percent = percent;
        return checker.relationFinding(0, {share}, cells).has_value();
    };
    // 42 / 81 = 51.851…%: printed 51.85 (rounded); 2 / 3 = 66.666…%: 66.67 or cut to 66.66.
    QVERIFY(!fires(42, 51.85));
    QVERIFY(fires(42, 51.84));
    QVERIFY(fires(42, 51.87));
    setValue(cells, processed, 3);
    QVERIFY(!fires(2, 66.67));
    QVERIFY(!fires(2, 66.66));
    QVERIFY(fires(2, 66.65));
    setValue(cells, processed, 0);
    QVERIFY(!fires(0, 0)); // no whole, no share to check
}

void TestChecker::yearCarryComparesConsecutiveReports()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(3);
    std::vector<CellValue> previous = consistentCells(random);
    std::vector<CellValue> current = consistentCells(random);
    const int requests = tmpl().tableIndex(u"requests");
    const int over = tmpl().rowIndex(requests, u"carried_over");
    const int forward = tmpl().rowIndex(requests, u"carried_forward");
    int differing = 0;
    for (int column = 0; column < int(tmpl().tables()[requests].columns.size()); ++column) {
        const auto &a = previous[size_t(tmpl().cellIndex(requests, forward, column))].value;
        const auto &b = current[size_t(tmpl().cellIndex(requests, over, column))].value;
        differing += *a != *b;
    }
    const QList<Finding> findings = checker.yearCarryFindings(previous, 2022, current);
    QCOMPARE(int(findings.size()), differing);
    for (const Finding &finding : findings)
        QCOMPARE(finding.rule, u"year.carry"_s);
    QVERIFY(checker.yearCarryFindings(previous, 2022, previous).size() <= 7);
}

void TestChecker::consistentReportsYieldNoFinding()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(2026);
    for (int i = 0; i < 300; ++i) {
        std::vector<CellValue> cells = consistentCells(random);
        const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
        QVERIFY2(findings.isEmpty(), qPrintable(describe(findings.value(0))));
    }
}

void TestChecker::everySingleCellPerturbationIsFoundAndLocalized()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(42);
    const int requests = tmpl().tableIndex(u"requests");
    const int appeals = tmpl().tableIndex(u"appeals");
    int perturbed = 0;
    for (int round = 0; round < 6; ++round) {
        const std::vector<CellValue> clean = consistentCells(random);
        for (int cell = 0; cell < tmpl().cellCount(); ++cell) {
            const int table = tmpl().cells()[cell].table;
            if (table != requests && table != appeals)
                continue; // table 二 has no reconciliation rule
            std::vector<CellValue> cells = clean;
            const double original = *cells[size_t(cell)].value;
            const double changed = original + double(random.bounded(1, 9));
            setValue(cells, cell, changed);
            const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
            const QByteArray where = tmpl().cells()[cell].key.toString().toUtf8();
            QVERIFY2(namesCell(findings, cell), where.constData());
            if (table == requests) {
                // Every requests cell sits in two or three rules: one cell explains them all.
                QVERIFY2(suggestionFor(findings, cell) == original, where.constData());
            }
            ++perturbed;
        }
    }
    QCOMPARE(perturbed, 6 * (175 + 15));
}

void TestChecker::tiesAreReportedWithoutASuggestion()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(5);
    std::vector<CellValue> cells = consistentCells(random);
    const int pending = cellOf("appeals.reconsideration.pending");
    setValue(cells, pending, *cells[size_t(pending)].value + 2);
    const QList<Finding> findings = CheckSession::checkOnce(checker, cells, {});
    QCOMPARE(findings.size(), 1);
    QVERIFY(!findings[0].suggestion);
    // Lowering another result by 2 is a fix only where that leaves no negative count.
    int feasible = 2; // pending back to its value, or the total up by 2
    for (const char *key : {"appeals.reconsideration.upheld", "appeals.reconsideration.corrected",
                            "appeals.reconsideration.other"})
        feasible += *cells[size_t(cellOf(key))].value >= 2;
    QCOMPARE(findings[0].alternatives, feasible);
    // Each tied fix names its cell in the form's words, never by its internal key.
    const QString label = ReportTemplate::standard().cellLabel(pending);
    QVERIFY2(findings[0].message.contains(label), qPrintable(findings[0].message));
    QVERIFY2(!findings[0].message.contains(u"appeals."_s), qPrintable(findings[0].message));
}

void TestChecker::incrementalRecheckMatchesAFullCheck()
{
    const RuleBook rules(tmpl());
    const Checker checker(rules);
    QRandomGenerator random(99);
    std::vector<CellValue> cells = consistentCells(random);
    cells[size_t(cellOf("requests.disclosed.natural"))] = CellValue {}; // deduction in play too
    CheckSession session(checker, cells, {});
    QList<Finding> previous = session.findings();
    for (int edit = 0; edit < 200; ++edit) {
        const int cell = int(random.bounded(tmpl().cellCount()));
        const std::optional<double> value
            = random.bounded(10) == 0 ? std::nullopt : std::optional<double>(random.bounded(5));
        const FindingsDelta delta = session.setCell(cell, value);
        std::vector<CellValue> copy = session.cells();
        const QList<Finding> full = CheckSession::checkOnce(checker, copy, {});
        if (session.findings() != full) {
            for (const Finding &f : session.findings())
                if (!full.contains(f))
                    qWarning() << "session only" << f << f.message;
            for (const Finding &f : full)
                if (!session.findings().contains(f))
                    qWarning() << "full only" << f << f.message;
        }
        QCOMPARE(session.findings(), full);
        // The delta turns the previous list into the new one.
        QList<Finding> applied = previous;
        for (const Finding &gone : delta.disappeared)
            QVERIFY(applied.removeOne(gone));
        applied.append(delta.appeared);
        QCOMPARE(applied.size(), full.size());
        for (const Finding &finding : full)
            QVERIFY(applied.contains(finding));
        previous = full;
    }
}

QTEST_GUILESS_MAIN(TestChecker)
#include "tst_checker.moc"

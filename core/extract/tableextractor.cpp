// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "tableextractor.h"

#include "clock.h"
#include "columnaligner.h"
#include "labelmatcher.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

constexpr double kImpossible = -std::numeric_limits<double>::infinity();
constexpr double kLabelOnlyScore = 0.85; ///< a line without figures must name its row clearly
constexpr double kLabelOnlyWeight = 0.5; ///< what a figureless line's label counts for
constexpr double kWeakLabelScore = 0.5; ///< below this a row is placed by its neighbours
constexpr double kPositionalScore = 0.05; ///< an unlabeled row of the right width
constexpr int kRepeatedRowsAtLeast = 3; ///< rows seen twice before a table counts as repeated
/** Lines between checks of the read's budget: a clock read each, yet a slow file stops soon. */
constexpr int kLinesPerBudgetCheck = 4096;
/**
 * Lines that may stand in one table: the largest table has 28 rows and a real section some
 * hundred lines, and rows are matched to the template over every candidate (candidates × rows
 * scores), so a section of 100,000 figure lines is read only this far (table.too_many_lines).
 */
constexpr int kMaxTableCandidates = 5000;

/** A line that may be a row of a table: its label and its figures. */
struct Candidate
{
    const TableLine *line = nullptr;
    QString label;
    std::vector<const Token *> values;
    bool merged = false; ///< its label was joined to the next line's figures
    std::vector<double> scores; ///< label score per template row
};

/** Figures of a row, placed into the row's columns; nullptr where the row has none. */
using Placement = std::vector<const Token *>;

/** Column positions taken from a table's header or from a complete row. */
struct Reference
{
    int line = 0;
    std::vector<double> positions;
};

struct HeaderHit
{
    int column = 0;
    int line = 0;
    double position = 0;
    LineLayout layout = LineLayout::Spaces;
};

/** Whether two rows hold the same figures, as written. */
bool sameFigures(const Candidate &a, const Candidate &b)
{
    return std::equal(a.values.begin(), a.values.end(), b.values.begin(), b.values.end(),
                      [](const Token *x, const Token *y) {
                          return x->kind == y->kind
                              && (x->kind != TokenKind::Number
                                  || (x->value == y->value && x->unit == y->unit));
                      });
}

/**
 * A row whose figures ran together with nothing left between them (801000081000000000000 for
 * seven cells): one run of digits too long to be a figure, standing for a row of several cells.
 * The line reader leaves such a row to the run reader, which cuts it under the rules.
 */
bool isFusedRun(const Candidate &candidate, int width, const QString &text)
{
    if (width < 2 || candidate.values.size() != 1)
        return false;
    const Token &token = *candidate.values.front();
    const QStringView written = QStringView(text).sliced(token.start, token.end - token.start);
    return token.kind == TokenKind::Unreadable
        && std::all_of(written.begin(), written.end(),
                       [](QChar c) { return c >= u'0' && c <= u'9'; });
}

class TableReader
{
public:
    TableReader(const ReportTemplate &reportTemplate, int table, const LabelIndex &rowLabels,
                const ColumnSpellings &columnSpellings, const NormalizedText &text,
                const DocumentLayout &layout, ExtractedTables &out)
        : m_table(reportTemplate.tables()[table])
        , m_rowLabels(rowLabels)
        , m_columnSpellings(columnSpellings)
        , m_text(text)
        , m_layout(layout)
        , m_out(out)
    { }

    bool read(LineRange range);
    /** The last line a figure was read from, or -1. */
    int lastLine() const { return m_lastLine; }

private:
    void collectCandidates(LineRange range);
    void noteTooManyCandidates(int lineNumber);
    void collectHeaderHits(LineRange range);
    void scoreLabels(Candidate &candidate) const;
    double rowScore(const Candidate &candidate, int row) const;
    double bestScore(const Candidate &candidate) const;
    void mergeWrappedLabels();
    std::vector<std::pair<int, int>> matchRows() const;
    Placement place(const Candidate &candidate, int width,
                    const std::vector<Reference> &references);
    std::vector<Reference> referencesFor(const Candidate &candidate, int row,
                                         const std::vector<std::pair<int, int>> &matches) const;
    std::vector<Reference> headerReferences(const Candidate &candidate,
                                            const QList<int> &columns) const;
    void store(const Placement &placement, const QList<int> &cells, const QList<int> &columns);
    bool readGroupsInOneRow(LineRange range);
    void noteUncertain(const Candidate &candidate, const QString &what);
    void noteRepeatedTable(const std::vector<std::pair<int, int>> &matches);
    void addRowsOutOfOrder(std::vector<std::pair<int, int>> &matches) const;
    bool lostCells(const TableLine &row, const Reference &reference) const;
    bool placeByFields(const Candidate &candidate, Placement &placement) const;

    const TemplateTable &m_table;
    const LabelIndex &m_rowLabels;
    const ColumnSpellings &m_columnSpellings;
    const NormalizedText &m_text;
    const DocumentLayout &m_layout;
    ExtractedTables &m_out;
    std::vector<Candidate> m_candidates;
    std::vector<HeaderHit> m_headerHits;
    int m_lastLine = -1;
    bool m_guessedPlacement = false; ///< the last place() put figures by guess
};

void TableReader::collectCandidates(LineRange range)
{
    const auto &lines = m_layout.lines();
    for (int l = range.first; l < range.last; ++l) {
        if ((l - range.first) % kLinesPerBudgetCheck == kLinesPerBudgetCheck - 1
            && ReadBudget::current().exhausted())
            return; // the reader reports read.too_slow
        const TableLine &line = lines[size_t(l)];
        if (line.isBlank() || line.layout == LineLayout::PipeRule || line.sentence)
            continue;
        Candidate candidate {&line, line.label, line.values(), false, {}};
        if (candidate.values.empty() && candidate.label.isEmpty())
            continue;
        if (int(m_candidates.size()) == kMaxTableCandidates) {
            noteTooManyCandidates(line.number);
            return;
        }
        scoreLabels(candidate);
        m_candidates.push_back(std::move(candidate));
    }
}

void TableReader::noteTooManyCandidates(int lineNumber)
{
    const int line = lineNumber + 1;
    m_out.problems.append(
        Error {u"table.too_many_lines"_s,
               QCoreApplication::translate("nianbao::TableExtractor",
                                           "Line %1: more than %L2 lines could belong to table "
                                           "%3, far more than it has rows; from this line on "
                                           "none is read into it")
                   .arg(line)
                   .arg(kMaxTableCandidates)
                   .arg(m_table.section),
               ErrorLocation {{}, line, {}}});
}

void TableReader::collectHeaderHits(LineRange range)
{
    const auto &lines = m_layout.lines();
    const QStringView text = m_text.text();
    std::u16string key;
    for (int l = range.first; l < range.last; ++l) {
        const TableLine &line = lines[size_t(l)];
        if (line.hasValues() || line.tokens.empty())
            continue;
        // Tab and pipe cells compare whole, from their first token (自然 人 is one cell, and 结果
        // 维持 is not 维持); space-aligned headers compare single tokens and runs of up to three.
        const bool cells = line.layout != LineLayout::Spaces;
        const size_t count = line.tokens.size();
        for (size_t i = 0; i < count; ++i) {
            const Token &first = line.tokens[i];
            if (cells && i > 0 && line.tokens[i - 1].field == first.field)
                continue;
            for (size_t span = 1; span <= 3 && i + span <= count; ++span) {
                const Token &last = line.tokens[i + span - 1];
                if (cells && first.field != last.field)
                    break;
                if (cells && i + span < count && line.tokens[i + span].field == first.field
                    && span < 3)
                    continue; // the cell goes on: compare it whole
                key.clear();
                appendLabelKey(text.sliced(first.start, last.end - first.start), key);
                const auto named = m_columnSpellings.find(key);
                if (named == m_columnSpellings.end())
                    continue;
                const double position
                    = cells ? double(first.field) : (first.column + last.columnEnd) / 2.0;
                for (int column : named->second)
                    m_headerHits.push_back({column, l, position, line.layout});
            }
        }
    }
}

void TableReader::scoreLabels(Candidate &candidate) const
{
    // Containment first for every row; the costlier fuzzy comparison only for a label that
    // contains no spelling of any row (a typo such as 总记, or OCR damage).
    const int rows = int(m_table.rows.size());
    m_rowLabels.containedScores(candidate.label, candidate.scores);
    const bool contained = std::any_of(candidate.scores.begin(), candidate.scores.end(),
                                       [](double score) { return score > 0; });
    // A line without figures must contain its row's label (kLabelOnlyScore); fuzzy cannot help.
    if (contained || candidate.label.isEmpty() || candidate.values.empty())
        return;
    for (int r = 0; r < rows; ++r)
        candidate.scores[size_t(r)] = labelScore(candidate.label, m_table.rows[r].variants);
}

double TableReader::rowScore(const Candidate &candidate, int row) const
{
    const TemplateRow &templateRow = m_table.rows[row];
    const double score = candidate.scores[size_t(row)];
    const int width = int(templateRow.columns.size());
    const int figures = int(candidate.values.size());
    // A line with only a label yields to a line that names the same row and holds its figures
    // (a Markdown heading ### 一、本年新收… above its own table row).
    if (figures == 0)
        return score >= kLabelOnlyScore ? score * kLabelOnlyWeight : kImpossible;
    if (score >= kWeakLabelScore)
        return score;
    const bool rightWidth = figures <= width && figures >= std::max(1, width - 2);
    return rightWidth ? kPositionalScore : kImpossible;
}

double TableReader::bestScore(const Candidate &candidate) const
{
    return candidate.scores.empty()
        ? 0.0
        : *std::max_element(candidate.scores.begin(), candidate.scores.end());
}

void TableReader::mergeWrappedLabels()
{
    // A label that wraps onto the line holding the figures: 1.申请人无正当理由逾期不补正、… / 申请
    // 0 0 …
    for (size_t i = 1; i < m_candidates.size(); ++i) {
        Candidate &current = m_candidates[i];
        Candidate &previous = m_candidates[i - 1];
        if (current.values.empty() || !previous.values.empty() || previous.merged)
            continue;
        if (previous.line->number + 1 != current.line->number)
            continue;
        if (bestScore(current) >= kWeakLabelScore)
            continue;
        current.label = previous.label + current.label;
        scoreLabels(current);
        previous.merged = true;
    }
}

std::vector<std::pair<int, int>> TableReader::matchRows() const
{
    const int m = int(m_candidates.size());
    const int n = int(m_table.rows.size());
    std::vector<double> score(size_t(m) * size_t(n), kImpossible);
    for (int i = 0; i < m; ++i) {
        if (m_candidates[size_t(i)].merged)
            continue;
        for (int j = 0; j < n; ++j)
            score[size_t(i) * size_t(n) + size_t(j)] = rowScore(m_candidates[size_t(i)], j);
    }
    // best(i, j): best total matching the first i candidates with the first j rows, in order.
    const size_t stride = size_t(n + 1);
    std::vector<double> best(size_t(m + 1) * stride, 0.0);
    auto at = [&](int i, int j) -> double & {
        return best[size_t(i) * stride + size_t(j)];
    };
    for (int i = 1; i <= m; ++i) {
        for (int j = 1; j <= n; ++j) {
            double value = std::max(at(i - 1, j), at(i, j - 1));
            const double s = score[size_t(i - 1) * size_t(n) + size_t(j - 1)];
            if (s != kImpossible)
                value = std::max(value, at(i - 1, j - 1) + s);
            at(i, j) = value;
        }
    }
    std::vector<std::pair<int, int>> matches;
    int i = m;
    int j = n;
    while (i > 0 && j > 0) {
        const double here = at(i, j);
        if (here == at(i - 1, j)) {
            --i;
        } else if (here == at(i, j - 1)) {
            --j;
        } else {
            matches.emplace_back(i - 1, j - 1);
            --i;
            --j;
        }
    }
    std::reverse(matches.begin(), matches.end());
    return matches;
}

std::vector<Reference> TableReader::headerReferences(const Candidate &candidate,
                                                     const QList<int> &columns) const
{
    Reference reference;
    reference.line = -1;
    for (int column : columns) {
        const HeaderHit *nearest = nullptr;
        for (const HeaderHit &hit : m_headerHits) {
            if (hit.column == column && hit.line < candidate.line->number
                && hit.layout == candidate.line->layout)
                nearest = &hit;
        }
        if (!nearest)
            return {};
        if (!reference.positions.empty() && nearest->position <= reference.positions.back())
            return {};
        reference.positions.push_back(nearest->position);
        reference.line = std::max(reference.line, nearest->line);
    }
    return {reference};
}

std::vector<Reference>
TableReader::referencesFor(const Candidate &candidate, int row,
                           const std::vector<std::pair<int, int>> &matches) const
{
    const int width = int(m_table.rows[row].columns.size());
    std::vector<Reference> references = headerReferences(candidate, m_table.rows[row].columns);
    for (const auto &[other, otherRow] : matches) {
        const Candidate &complete = m_candidates[size_t(other)];
        if (&complete == &candidate || int(complete.values.size()) != width
            || int(m_table.rows[otherRow].columns.size()) != width
            || complete.line->layout != candidate.line->layout)
            continue;
        Reference reference {complete.line->number, {}};
        for (const Token *token : complete.values)
            reference.positions.push_back(complete.line->position(*token));
        references.push_back(std::move(reference));
    }
    return references;
}

Placement TableReader::place(const Candidate &candidate, int width,
                             const std::vector<Reference> &references)
{
    m_guessedPlacement = false;
    Placement placement(size_t(width), nullptr);
    const auto &values = candidate.values;
    if (int(values.size()) == width) {
        std::copy(values.begin(), values.end(), placement.begin());
        return placement;
    }
    if (placeByFields(candidate, placement))
        return placement;
    std::vector<double> positions;
    for (const Token *token : values)
        positions.push_back(candidate.line->position(*token));
    const Reference *chosen = nullptr;
    ColumnAlignment best;
    for (const Reference &reference : references) {
        const ColumnAlignment alignment = alignToColumns(positions, reference.positions);
        const bool better = !chosen || alignment.cost < best.cost
            || (alignment.cost == best.cost
                && std::abs(reference.line - candidate.line->number)
                    < std::abs(chosen->line - candidate.line->number));
        if (better) {
            chosen = &reference;
            best = alignment;
        }
    }
    if (!chosen) {
        noteUncertain(candidate,
                      QCoreApplication::translate("nianbao::TableExtractor",
                                                  "no header or complete row to align "
                                                  "them with; read from the left"));
        // Nothing says which columns the figures stand in: they are shown where they would
        // stand from the left, but as unreadable, so that no figure is trusted in a place that
        // is a guess (a lone 22 above the table is not 规章's 本年制发件数 for certain).
        for (size_t v = 0; v < values.size() && v < placement.size(); ++v)
            placement[v] = values[v];
        m_guessedPlacement = true;
        return placement;
    }
    // A Markdown or tab row with fewer cells than its header lost a cell, and nothing says
    // which: its figures' places are a guess (| 规章 | 22 | 235 | under four headings).
    if (candidate.line->layout != LineLayout::Spaces)
        m_guessedPlacement = lostCells(*candidate.line, *chosen);
    int unplaced = 0;
    for (size_t v = 0; v < values.size(); ++v) {
        if (best.columnOfFigure[v] >= 0)
            placement[size_t(best.columnOfFigure[v])] = values[v];
        else
            ++unplaced;
    }
    if (unplaced > 0)
        noteUncertain(candidate,
                      QCoreApplication::translate("nianbao::TableExtractor",
                                                  "%n of them stand outside the table's columns "
                                                  "and are not read",
                                                  "", unplaced));
    return placement;
}

/**
 * Places a tab or pipe row's figures by its own cells when it has exactly one cell per column
 * after its label, blank cells included (| 一、本年新收… | 26 | | | | | | 26 |): the cells say
 * where each figure stands, whatever the header looks like (w3m and lynx break header cells over
 * several lines). False, and `placement` untouched, for any other row.
 */
bool TableReader::placeByFields(const Candidate &candidate, Placement &placement) const
{
    const TableLine &line = *candidate.line;
    if (line.layout != LineLayout::Pipes && line.layout != LineLayout::Tabs)
        return false;
    int labelField = -1;
    for (int t = 0; t < line.firstValue && t < int(line.tokens.size()); ++t) {
        if (line.tokens[size_t(t)].kind == TokenKind::Label)
            labelField = line.tokens[size_t(t)].field;
    }
    const QChar separator = line.layout == LineLayout::Pipes ? u'|' : u'\t';
    const QStringView raw = QStringView(m_text.text()).sliced(line.start, line.end - line.start);
    const QStringView trimmed = raw.trimmed();
    qsizetype fields = raw.count(separator) + 1;
    if (line.layout == LineLayout::Pipes)
        fields -= (trimmed.startsWith(separator) ? 1 : 0) + (trimmed.endsWith(separator) ? 1 : 0);
    const int width = int(placement.size());
    if (fields - 1 - labelField != width)
        return false;
    Placement byField(size_t(width), nullptr);
    for (const Token *token : candidate.values) {
        // Figures joined from other lines (table 四 across a page break) have their own fields.
        if (std::none_of(line.tokens.begin(), line.tokens.end(),
                         [token](const Token &own) { return &own == token; }))
            return false;
        const int column = token->field - labelField - 1;
        if (column < 0 || column >= width || byField[size_t(column)])
            return false;
        byField[size_t(column)] = token;
    }
    placement = std::move(byField);
    return true;
}

/** Whether a pipe or tab row has fewer cell separators than the line it is aligned with. */
bool TableReader::lostCells(const TableLine &row, const Reference &reference) const
{
    if (reference.line < 0 || reference.line >= int(m_layout.lines().size()))
        return false;
    const QChar separator = row.layout == LineLayout::Pipes ? u'|' : u'\t';
    const QStringView text = m_text.text();
    const auto separators = [&](const TableLine &line) {
        return text.sliced(line.start, line.end - line.start).count(separator);
    };
    const TableLine &aligned = m_layout.lines()[size_t(reference.line)];
    return aligned.layout == row.layout && separators(row) < separators(aligned);
}

void TableReader::noteUncertain(const Candidate &candidate, const QString &what)
{
    const int line = candidate.line->number + 1;
    m_out.problems.append(
        Error {u"row.columns"_s,
               QCoreApplication::translate("nianbao::TableExtractor",
                                           "Line %1: the row holds %2 figures for %3 columns "
                                           "of table %4 (%5)")
                   .arg(line)
                   .arg(candidate.values.size())
                   .arg(m_table.columns.size())
                   .arg(m_table.section, what),
               ErrorLocation {{}, line, {}}});
}

void TableReader::store(const Placement &placement, const QList<int> &cells,
                        const QList<int> &columns)
{
    for (size_t c = 0; c < placement.size() && c < size_t(cells.size()); ++c) {
        const Token *token = placement[c];
        CellValue &cell = m_out.cells[size_t(cells[qsizetype(c)])];
        if (!token)
            continue;
        cell.span = m_text.toOriginal(token->start, token->end);
        if (token->kind != TokenKind::Number) // figures need no copy: the span shows them
            cell.sourceText = m_text.text().sliced(token->start, token->end - token->start);
        if (token->kind == TokenKind::Number && m_guessedPlacement) {
            cell.sourceText = m_text.text().sliced(token->start, token->end - token->start);
            cell.state = CellState::Unreadable;
        } else if (token->kind == TokenKind::Number) {
            const bool inTenThousandYuan = m_table.columns[columns[qsizetype(c)]].decimal;
            cell.value = figureValue(token->value, token->unit, inTenThousandYuan);
            cell.state = CellState::Extracted;
        } else {
            cell.state
                = token->kind == TokenKind::Unreadable ? CellState::Unreadable : CellState::Missing;
        }
        cell.extractedValue = cell.value;
        cell.extractedState = cell.state;
    }
}

/**
 * A table pasted twice (often once more after the narrative) is read from its first copy; the
 * reviewer is told where the second stands and whether its figures differ.
 */
void TableReader::noteRepeatedTable(const std::vector<std::pair<int, int>> &matches)
{
    std::vector<int> matchedBy(m_table.rows.size(), -1);
    for (const auto &[candidate, row] : matches)
        matchedBy[size_t(row)] = candidate;
    int repeated = 0;
    int differing = 0;
    int firstRepeat = -1;
    for (int c = 0; c < int(m_candidates.size()); ++c) {
        const Candidate &candidate = m_candidates[size_t(c)];
        if (candidate.values.empty() || candidate.merged)
            continue;
        const auto best = std::max_element(candidate.scores.begin(), candidate.scores.end());
        if (best == candidate.scores.end() || *best < kLabelOnlyScore)
            continue;
        const int first = matchedBy[size_t(best - candidate.scores.begin())];
        if (first < 0 || first >= c)
            continue; // the row's own line, or a line before the copy that was read
        ++repeated;
        differing += sameFigures(m_candidates[size_t(first)], candidate) ? 0 : 1;
        if (firstRepeat < 0)
            firstRepeat = candidate.line->number;
    }
    const int rows = int(m_table.rows.size());
    if (repeated < std::max(kRepeatedRowsAtLeast, rows / 3))
        return;
    const int line = firstRepeat + 1;
    QString message = QCoreApplication::translate("nianbao::TableExtractor",
                                                  "Line %1: table %2 (%3) appears a second time; "
                                                  "its first copy is read")
                          .arg(line)
                          .arg(m_table.section, m_table.title);
    if (differing > 0)
        message += QCoreApplication::translate(
            "nianbao::TableExtractor", ", and %n of the second copy's rows differ", "", differing);
    m_out.problems.append(Error {u"table.repeated"_s, message, ErrorLocation {{}, line, {}}});
}

/**
 * Rows the in-order matching left out, or placed only by position, taken from a line that names
 * them clearly wherever it stands: PDF and OCR conversions move blocks of a table (行政许可 …
 * 行政事业性收费 printed above 规章 and 行政规范性文件). A label claimed by two lines is left
 * alone.
 */
void TableReader::addRowsOutOfOrder(std::vector<std::pair<int, int>> &matches) const
{
    const int rows = int(m_table.rows.size());
    std::vector<int> matchOfRow(size_t(rows), -1);
    std::vector<bool> used(m_candidates.size(), false);
    for (size_t m = 0; m < matches.size(); ++m) {
        matchOfRow[size_t(matches[m].second)] = int(m);
        used[size_t(matches[m].first)] = true;
    }
    for (int row = 0; row < rows; ++row) {
        const int match = matchOfRow[size_t(row)];
        if (match >= 0
            && bestScore(m_candidates[size_t(matches[size_t(match)].first)]) >= kWeakLabelScore)
            continue; // matched by its label
        const int width = int(m_table.rows[row].columns.size());
        int found = -1;
        int claims = 0;
        for (int c = 0; c < int(m_candidates.size()); ++c) {
            const Candidate &candidate = m_candidates[size_t(c)];
            if (used[size_t(c)] || candidate.merged || candidate.values.empty()
                || int(candidate.values.size()) > width
                || candidate.scores[size_t(row)] < kContainedScore
                || candidate.scores[size_t(row)] < bestScore(candidate))
                continue;
            found = c;
            ++claims;
        }
        if (claims != 1)
            continue;
        used[size_t(found)] = true;
        if (match >= 0)
            matches[size_t(match)].first = found;
        else
            matches.emplace_back(found, row);
    }
    std::sort(matches.begin(), matches.end(),
              [](const auto &a, const auto &b) { return a.second < b.second; });
}

bool TableReader::read(LineRange range)
{
    collectCandidates(range);
    collectHeaderHits(range);
    mergeWrappedLabels();
    if (m_table.groupsInOneRow && readGroupsInOneRow(range))
        return true;
    std::vector<std::pair<int, int>> matches = matchRows();
    noteRepeatedTable(matches);
    addRowsOutOfOrder(matches);
    bool any = false;
    for (const auto &[candidateIndex, row] : matches) {
        const Candidate &candidate = m_candidates[size_t(candidateIndex)];
        const TemplateRow &templateRow = m_table.rows[row];
        const int width = int(templateRow.columns.size());
        if (isFusedRun(candidate, width, m_text.text()))
            continue;
        // A row with a figure for every column needs no alignment, so no references either.
        m_guessedPlacement = false;
        const Placement placement = int(candidate.values.size()) == width
            ? Placement(candidate.values)
            : place(candidate, width, referencesFor(candidate, row, matches));
        store(placement, templateRow.cells, templateRow.columns);
        if (!candidate.values.empty())
            m_lastLine = std::max(m_lastLine, candidate.line->number);
        any = any || !candidate.values.empty();
    }
    return any;
}

bool TableReader::readGroupsInOneRow(LineRange range)
{
    Q_UNUSED(range);
    // Reports that give each group its own labeled row are read like any other table.
    int labeledRows = 0;
    for (const Candidate &candidate : m_candidates) {
        if (!candidate.values.empty() && bestScore(candidate) >= kContainedScore
            && int(candidate.values.size()) <= int(m_table.columns.size()))
            ++labeledRows;
    }
    if (labeledRows >= 2)
        return false;

    QList<int> cells;
    QList<int> columns;
    for (const TemplateRow &row : m_table.rows) {
        cells.append(row.cells);
        columns.append(row.columns);
    }
    const int width = int(cells.size());
    // The figures of all groups stand in one line, or in consecutive lines after a page break.
    Candidate joined;
    const int groupWidth = int(m_table.columns.size());
    for (const Candidate &candidate : m_candidates) {
        // Fewer figures than one group's columns is a page number or a stray note, not a row.
        if (int(candidate.values.size()) < groupWidth)
            continue;
        if (!joined.line)
            joined = candidate;
        else if (int(joined.values.size()) < width)
            joined.values.insert(joined.values.end(), candidate.values.begin(),
                                 candidate.values.end());
        if (int(joined.values.size()) >= width)
            break;
    }
    if (!joined.line)
        return false;
    std::vector<Reference> references;
    std::vector<HeaderHit> hits;
    for (const HeaderHit &hit : m_headerHits) {
        if (hit.layout == joined.line->layout && hit.line < joined.line->number)
            hits.push_back(hit);
    }
    std::sort(hits.begin(), hits.end(),
              [](const HeaderHit &a, const HeaderHit &b) { return a.position < b.position; });
    if (int(hits.size()) == width) {
        Reference reference {hits.back().line, {}};
        for (const HeaderHit &hit : hits)
            reference.positions.push_back(hit.position);
        references.push_back(std::move(reference));
    }
    store(place(joined, width, references), cells, columns);
    m_lastLine = std::max(m_lastLine, joined.line->number);
    return true;
}

/**
 * Where a table begins that may have started above its section's heading: a conversion that
 * repeats the heading as a caption (## 表二：主动公开政府信息情况) after the table's first rows
 * leaves those rows above it. Only table lines directly above count, never prose.
 */
int tableLinesBefore(const DocumentLayout &layout, const QString &text, const QStringList &headings,
                     int heading, int previousTableEnd)
{
    const auto &lines = layout.lines();
    // A row (a label and figures) or one of the table's block or column headings
    // (第二十条第（五）项, 信息内容本年处理决定数量); never prose, never another section's heading.
    const auto isTableLine = [&](int l) {
        const TableLine &line = lines[size_t(l)];
        if (line.isBlank() || line.sentence)
            return false;
        if (line.hasValues())
            return true;
        const QString key
            = labelKeyOfNormalized(QStringView(text).sliced(line.start, line.end - line.start));
        return std::any_of(headings.begin(), headings.end(),
                           [&](const QString &heading) { return key.contains(heading); });
    };
    const auto isHeading = [&](int l) {
        for (int s = 0; s < layout.headingCount(); ++s) {
            if (layout.headingLine(s) == l)
                return true;
        }
        return false;
    };
    int first = heading;
    while (first - 1 > previousTableEnd && isTableLine(first - 1) && !isHeading(first - 1))
        --first;
    return first == heading ? heading + 1 : first;
}

} // namespace

TableExtractor::TableExtractor(const ReportTemplate &reportTemplate)
    : m_template(reportTemplate)
{
    for (const TemplateTable &table : reportTemplate.tables()) {
        QList<QStringList> variants;
        for (const TemplateRow &row : table.rows)
            variants.append(row.variants);
        m_rowLabels.emplace_back(variants);
        ColumnSpellings spellings;
        for (int c = 0; c < int(table.columns.size()); ++c) {
            for (const QString &variant : table.columns[c].variants) {
                std::vector<int> &columns = spellings[variant.toStdU16String()];
                if (std::find(columns.begin(), columns.end(), c) == columns.end())
                    columns.push_back(c);
            }
        }
        m_columnSpellings.push_back(std::move(spellings));
        QStringList headings;
        for (const auto &group : table.rowGroups)
            headings.append(labelKey(group.first));
        for (const TemplateColumn &column : table.columns)
            headings.append(column.variants);
        m_headings.push_back(std::move(headings));
    }
}

ExtractedTables TableExtractor::extract(const NormalizedText &text,
                                        const DocumentLayout &layout) const
{
    ExtractedTables out;
    out.cells.resize(size_t(m_template.cellCount()));
    const auto &sections = m_template.sections();
    int previousTableEnd = -1;
    for (int t = 0; t < int(m_template.tables().size()); ++t) {
        const TemplateTable &table = m_template.tables()[t];
        int section = 0;
        for (int s = 0; s < int(sections.size()); ++s) {
            if (sections[s].number == table.section)
                section = s;
        }
        TableReader reader(m_template, t, m_rowLabels[size_t(t)], m_columnSpellings[size_t(t)],
                           text, layout, out);
        LineRange range = layout.sectionRange(section);
        // Without its heading, a table can only stand after the tables before it.
        if (layout.headingLine(section) < 0)
            range.first = std::max(range.first, previousTableEnd + 1);
        else
            range.first = tableLinesBefore(layout, text.text(), m_headings[size_t(t)],
                                           layout.headingLine(section), previousTableEnd);
        if (reader.read(range)) {
            ++out.tablesFound;
            previousTableEnd = reader.lastLine();
            continue;
        }
        out.problems.append(
            Error {u"table.not_found"_s,
                   QCoreApplication::translate("nianbao::TableExtractor",
                                               "Table %1 (%2) was not found in the document")
                       .arg(table.section, table.title),
                   {}});
    }
    return out;
}

} // namespace nianbao

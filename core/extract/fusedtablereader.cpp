// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "fusedtablereader.h"

#include "segmenter.h"
#include "tableline.h"
#include "text/chinesenumerals.h"

#include <algorithm>
#include <string>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** A row label found in the document, in normalized-text offsets. */
struct Anchor
{
    int row = -1;
    int start = 0;
    int end = 0;
};

/** What one table's fused reading gives. */
struct TableReading
{
    std::vector<std::pair<int, CellValue>> cells; ///< (template cell, value) for cells placed
    QList<SplitChoice> choices;
    int placed = 0; ///< cells read, or left undecided between candidates
    int extracted = 0; ///< cells read
    int end = -1; ///< normalized offset after the last figure read
};

/**
 * One document seen as letters and digits only (the form labelKey() gives labels), each kept
 * unit remembering its offset in the normalized text: labels are found whatever punctuation,
 * spaces or markup debris stand between their characters.
 */
class KeyView
{
public:
    explicit KeyView(const QString &text)
        : m_text(text)
    {
        m_key.reserve(size_t(text.size()));
        for (int i = 0; i < text.size(); ++i) {
            if (text[i].isLetterOrNumber()) {
                m_key.push_back(text[i].unicode());
                m_offset.push_back(i);
            }
        }
    }

    /** First match of `key` in normalized offsets [from, to): (start, end) or (-1, -1). */
    std::pair<int, int> find(const QString &key, int from, int to) const
    {
        if (key.isEmpty())
            return {-1, -1};
        const std::u16string_view needle(reinterpret_cast<const char16_t *>(key.utf16()),
                                         size_t(key.size()));
        size_t at = keyIndexAt(from);
        while (true) {
            at = m_key.find(needle, at);
            if (at == std::u16string::npos)
                return {-1, -1};
            const int start = m_offset[at];
            const int end = m_offset[at + needle.size() - 1] + 1;
            if (end > to)
                return {-1, -1};
            if (!key.front().isDigit() || enumerator(start))
                return {start, end};
            ++at;
        }
    }

private:
    size_t keyIndexAt(int offset) const
    {
        return size_t(std::lower_bound(m_offset.begin(), m_offset.end(), offset)
                      - m_offset.begin());
    }

    /** Whether the digits at `start` are an item number (2. or 2、), not a figure's tail. */
    bool enumerator(int start) const
    {
        int i = start;
        while (i < m_text.size() && isAsciiDigit(m_text[i]))
            ++i;
        return i < m_text.size() && (m_text[i] == u'.' || m_text[i] == u'、')
            && i + 1 < m_text.size() && !isAsciiDigit(m_text[i + 1]);
    }

    const QString &m_text;
    std::u16string m_key;
    std::vector<int> m_offset;
};

class FusedDocument
{
public:
    FusedDocument(const ReportTemplate &reportTemplate, const RuleBook &rules,
                  const NormalizedText &text, const QList<StatedFigure> &statements)
        : m_template(reportTemplate)
        , m_rules(rules)
        , m_text(text)
        , m_readable(withoutPageNumbers(text.text()))
        , m_keys(m_readable)
        , m_statements(statements)
    { }

    /** Where table `table` may stand: after its section's heading, before the next one's. */
    std::pair<int, int> region(int table, int from) const;
    TableReading read(int table, int from, int to) const;

private:
    /** The first heading of `section` at or after `from`: (start, end), or (-1, -1). */
    std::pair<int, int> heading(int section, int from) const;
    std::vector<Anchor> findRows(const TemplateTable &table, int from, int to) const;
    DigitRun runAfter(int from, int to, const QList<int> &cells, int *runStart, int *runEnd,
                      bool afterLabel) const;
    std::vector<SegmentPreference> preferences(int table) const;
    bool textAlonePicksOne(const DigitRun &run, const std::vector<Split> &splits) const;
    void store(const DigitRun &run, const std::vector<Split> &splits,
               const std::vector<Split> &tiedByRules, int runStart, int runEnd,
               TableReading &reading) const;
    bool readDecimal(const TemplateRow &row, const TemplateTable &table, int from, int to,
                     TableReading &reading) const;

    const ReportTemplate &m_template;
    const RuleBook &m_rules;
    const NormalizedText &m_text;
    /** The text with page numbers (- 2 -) blanked, offsets kept: they are no row's figures. */
    const QString m_readable;
    KeyView m_keys;
    const QList<StatedFigure> &m_statements;
};

std::pair<int, int> FusedDocument::heading(int section, int from) const
{
    const TemplateSection &heading = m_template.sections()[section];
    const int to = int(m_text.text().size());
    std::pair<int, int> best {-1, -1};
    for (const QString &variant : heading.variants) {
        const auto [start, end] = m_keys.find(heading.number + variant, from, to);
        if (start >= 0 && (best.first < 0 || start < best.first))
            best = {start, end};
    }
    return best;
}

std::pair<int, int> FusedDocument::region(int table, int from) const
{
    const TemplateTable &t = m_template.tables()[table];
    const auto &sections = m_template.sections();
    int section = -1;
    for (int s = 0; s < int(sections.size()); ++s) {
        if (sections[s].number == t.section)
            section = s;
    }
    const int start = section >= 0 ? heading(section, from).second : -1;
    const int begin = start >= 0 ? start : from;
    int end = int(m_text.text().size());
    for (int s = section + 1; s > 0 && s < int(sections.size()); ++s) {
        const int next = heading(s, begin).first;
        if (next >= 0) {
            end = next; // up to the next section's heading, not into it
            break;
        }
    }
    return {begin, end};
}

std::vector<Anchor> FusedDocument::findRows(const TemplateTable &table, int from, int to) const
{
    std::vector<Anchor> anchors;
    int cursor = from;
    for (int r = 0; r < int(table.rows.size()); ++r) {
        // The fullest spelling found wins: 本年新收 alone may stand in a sentence above the
        // table (2024年本年新收申请3件), 一、本年新收政府信息公开申请数量 only in it.
        Anchor best {r, to, to};
        qsizetype bestLength = 0;
        for (const QString &variant : table.rows[r].variants) {
            const auto [start, end] = m_keys.find(variant, cursor, to);
            const bool fuller = variant.size() > bestLength
                || (variant.size() == bestLength && start < best.start);
            if (start >= 0 && fuller) {
                best = {r, start, end};
                bestLength = variant.size();
            }
        }
        if (best.start >= to)
            continue; // the row is not printed: its cells stay missing
        anchors.push_back(best);
        cursor = best.end;
    }
    return anchors;
}

DigitRun FusedDocument::runAfter(int from, int to, const QList<int> &cells, int *runStart,
                                 int *runEnd, bool afterLabel) const
{
    const QString &text = m_readable;
    DigitRun run;
    run.cells.assign(cells.begin(), cells.end());
    int i = from;
    // After a row's label only punctuation, spaces and the rest of the label's parenthesis
    // (区分处理的…) may come before its figures: words mean the row was printed without any,
    // and the digits after them are the next row's.
    int depth = 0;
    while (i < to && !isAsciiDigit(text[i])) {
        const QChar c = text[i];
        depth += c == u'(' ? 1 : (c == u')' && depth > 0 ? -1 : 0);
        if (afterLabel && depth == 0 && c.isLetter()) {
            *runStart = *runEnd = i;
            return run;
        }
        ++i;
    }
    *runStart = i;
    bool gap = false;
    for (; i < to; ++i) {
        const QChar c = text[i];
        if (isAsciiDigit(c)) {
            run.digits.append(c);
            run.positions.push_back(i);
            run.breakBefore.push_back(gap);
            gap = false;
            *runEnd = i + 1;
        } else if (c.isSpace()) {
            gap = true;
        } else {
            break;
        }
    }
    return run;
}

std::vector<SegmentPreference> FusedDocument::preferences(int table) const
{
    std::vector<SegmentPreference> out;
    for (const StatedFigure &figure : m_statements) {
        if (m_template.cells()[size_t(figure.cell)].table == table)
            out.push_back({SegmentPreference::Equals, figure.cell, figure.value, {}});
    }
    // Plausibility, weaker than any stated figure: a document issued this year is still in
    // force at its end unless repealed, so 现行有效 + 本年废止 >= 本年制发. Not a rule: a few
    // agencies print 现行有效 0 (7 issued, 0 repealed, 0 in force), so a split it picks is read
    // with a finding that says so and lists the others.
    const TemplateTable &form = m_template.tables()[table];
    const auto columnOf = [&form](QStringView key) {
        for (int c = 0; c < form.columns.size(); ++c) {
            if (form.columns[c].key == key)
                return c;
        }
        return -1;
    };
    const int issued = columnOf(u"issued");
    const int repealed = columnOf(u"repealed");
    const int inForce = columnOf(u"in_force");
    for (const TemplateRow &row : form.rows) {
        const qsizetype i = row.columns.indexOf(issued);
        const qsizetype r = row.columns.indexOf(repealed);
        const qsizetype f = row.columns.indexOf(inForce);
        if (issued < 0 || i < 0 || r < 0 || f < 0)
            continue;
        out.push_back({SegmentPreference::AtLeast,
                       -1,
                       0,
                       {{row.cells[f], 1}, {row.cells[r], 1}, {row.cells[i], -1}}});
    }
    return out;
}

/** Whether exactly one of `splits` of `run` agrees with every figure the narrative states. */
bool FusedDocument::textAlonePicksOne(const DigitRun &run, const std::vector<Split> &splits) const
{
    int agreeing = 0;
    for (const Split &split : splits) {
        bool agrees = true;
        for (const StatedFigure &figure : m_statements) {
            const auto at = std::find(run.cells.begin(), run.cells.end(), figure.cell);
            if (at != run.cells.end())
                agrees = agrees && split.values[size_t(at - run.cells.begin())] == figure.value;
        }
        agreeing += agrees ? 1 : 0;
    }
    return agreeing == 1;
}

bool FusedDocument::readDecimal(const TemplateRow &row, const TemplateTable &table, int from,
                                int to, TableReading &reading) const
{
    if (row.columns.size() != 1 || !table.columns[row.columns.front()].decimal)
        return false;
    const QString &text = m_text.text();
    int i = from;
    while (i < to && !isAsciiDigit(text[i]))
        ++i;
    const int start = i;
    while (
        i < to
        && (isAsciiDigit(text[i]) || (text[i] == u'.' && i + 1 < to && isAsciiDigit(text[i + 1]))))
        ++i;
    if (i == start)
        return true;
    CellValue cell;
    cell.value = text.sliced(start, i - start).toDouble();
    cell.state = CellState::Extracted;
    cell.span = m_text.toOriginal(start, i);
    cell.extractedValue = cell.value;
    cell.extractedState = cell.state;
    reading.cells.emplace_back(row.cells.front(), cell);
    ++reading.placed;
    ++reading.extracted;
    reading.end = std::max(reading.end, i);
    return true;
}

void FusedDocument::store(const DigitRun &run, const std::vector<Split> &splits,
                          const std::vector<Split> &tiedByRules, int runStart, int runEnd,
                          TableReading &reading) const
{
    reading.end = std::max(reading.end, runEnd);
    const SourceSpan runSpan = m_text.toOriginal(runStart, runEnd);
    const QString written = m_text.text().sliced(runStart, runEnd - runStart);
    int offset = 0;
    for (size_t c = 0; c < run.cells.size(); ++c) {
        CellValue cell;
        // A cell is read when every tied split puts the same digits in it.
        const bool agreed
            = !splits.empty() && std::all_of(splits.begin(), splits.end(), [&](const Split &split) {
                  int at = 0;
                  for (size_t k = 0; k < c; ++k)
                      at += split.lengths[k];
                  return at == offset && split.lengths[c] == splits.front().lengths[c];
              });
        if (agreed) {
            const int length = splits.front().lengths[c];
            cell.value = splits.front().values[c];
            cell.state = CellState::Extracted;
            cell.span = m_text.toOriginal(run.positions[size_t(offset)],
                                          run.positions[size_t(offset + length - 1)] + 1);
        } else {
            cell.state = CellState::Unreadable;
            cell.span = runSpan;
            cell.sourceText = written;
        }
        cell.extractedValue = cell.value;
        cell.extractedState = cell.state;
        reading.extracted += agreed ? 1 : 0;
        reading.cells.emplace_back(run.cells[c], cell);
        reading.placed += splits.empty() ? 0 : 1; // a run that fits no split places nothing
        if (!splits.empty())
            offset += splits.front().lengths[c];
    }
    // Several ways tie, or the narrative's figures or plausibility chose among them: the
    // reviewer is told.
    const bool byText = splits.size() == 1 && tiedByRules.size() > 1;
    if (splits.size() > 1 || byText) {
        SplitChoice choice;
        choice.cells = QList<int>(run.cells.begin(), run.cells.end());
        for (const Split &split : byText ? tiedByRules : splits)
            choice.candidates.append(QList<double>(split.values.begin(), split.values.end()));
        choice.span = runSpan;
        choice.run = written;
        choice.byText = byText;
        choice.byPlausibility = byText && !textAlonePicksOne(run, tiedByRules);
        reading.choices.append(choice);
    }
}

/** How many figures a run's surviving separators make: 1 0 12 is three. */
int groupsOf(const DigitRun &run)
{
    return int(std::count(run.breakBefore.begin(), run.breakBefore.end(), true)) + 1;
}

/** Whether a group of the run begins with 0 and goes on (02, 0000000): figures fused. */
bool hasFusedZero(const DigitRun &run)
{
    for (int i = 0; i + 1 < int(run.digits.size()); ++i) {
        const bool groupStart = i == 0 || run.breakBefore[size_t(i)];
        if (groupStart && run.digits[i] == u'0' && !run.breakBefore[size_t(i + 1)])
            return true;
    }
    return false;
}

/**
 * Where the rows keep most of their separators (a page whose table lost only its line breaks)
 * and no figure is fused to a 0 (02, 0000000), each separated figure is one cell, and a row
 * with fewer figures than cells has blanks: 8 9 10 27 is never 8 | 9 | 1 | 0 | 27. Which
 * cells are blank nothing says, so such rows are marked `unplaceable`: read as unreadable, with
 * their figures quoted. A crawl that fused the figures keeps few separators and fuses
 * zeros everywhere (801000081, 20 0 0 0 02).
 */
void keepSeparatedFiguresWhole(const std::vector<DigitRun> &runs, std::vector<bool> &unplaceable)
{
    int cells = 0;
    int figures = 0;
    for (const DigitRun &run : runs) {
        if (run.cells.size() < 2)
            continue;
        cells += int(run.cells.size());
        figures += groupsOf(run);
    }
    if (figures * 2 < cells || std::any_of(runs.begin(), runs.end(), hasFusedZero))
        return;
    for (size_t r = 0; r < runs.size(); ++r) {
        if (runs[r].cells.size() >= 2 && groupsOf(runs[r]) != int(runs[r].cells.size()))
            unplaceable[r] = true;
    }
}

TableReading FusedDocument::read(int table, int from, int to) const
{
    const TemplateTable &t = m_template.tables()[table];
    TableReading reading;
    std::vector<DigitRun> runs;
    std::vector<std::pair<int, int>> runSpans;
    if (t.groupsInOneRow) {
        // Every group's figures stand side by side after the header: one run for them all.
        QList<int> cells;
        for (const TemplateRow &row : t.rows)
            cells.append(row.cells);
        // The first run long enough to hold them: a year in a sentence before the table
        // (2024年，没有…行政复议) is not the table.
        for (int at = from; at < to;) {
            int start = to;
            int end = to;
            DigitRun run = runAfter(at, to, cells, &start, &end, false);
            if (run.digits.isEmpty())
                break;
            if (run.digits.size() >= cells.size()) {
                runs.push_back(std::move(run));
                runSpans.emplace_back(start, end);
                break;
            }
            at = end;
        }
    } else {
        const std::vector<Anchor> anchors = findRows(t, from, to);
        for (size_t a = 0; a < anchors.size(); ++a) {
            const TemplateRow &row = t.rows[anchors[a].row];
            const int next = a + 1 < anchors.size() ? anchors[a + 1].start : to;
            if (readDecimal(row, t, anchors[a].end, next, reading))
                continue;
            int start = 0;
            int end = 0;
            DigitRun run = runAfter(anchors[a].end, next, row.cells, &start, &end, true);
            if (run.digits.isEmpty())
                continue; // nothing printed: the row's cells stay missing
            runs.push_back(std::move(run));
            runSpans.emplace_back(start, end);
        }
    }
    std::vector<SegmentRule> rules;
    for (const LinearCheck &check : m_rules.checks()) {
        SegmentRule rule;
        for (int cell : check.lhs)
            rule.terms.emplace_back(cell, 1);
        for (int cell : check.rhs)
            rule.terms.emplace_back(cell, -1);
        if (m_template.cells()[size_t(rule.terms.front().first)].table == table)
            rules.push_back(std::move(rule));
    }
    std::vector<bool> unplaceable(runs.size(), false);
    keepSeparatedFiguresWhole(runs, unplaceable);
    std::vector<DigitRun> placeable;
    for (size_t r = 0; r < runs.size(); ++r) {
        if (!unplaceable[r])
            placeable.push_back(runs[r]);
    }
    const Segmentation segmentation = Segmenter::solve(placeable, rules, preferences(table));
    for (size_t r = 0, p = 0; r < runs.size(); ++r) {
        if (unplaceable[r]) {
            store(runs[r], {}, {}, runSpans[r].first, runSpans[r].second, reading);
            continue;
        }
        store(runs[r], segmentation.splits[p], segmentation.tiedByRules[p], runSpans[r].first,
              runSpans[r].second, reading);
        ++p;
    }
    return reading;
}

int extractedCells(const ExtractedTables &tables, const TemplateTable &table)
{
    int extracted = 0;
    for (const TemplateRow &row : table.rows) {
        for (int cell : row.cells)
            extracted += tables.cells[size_t(cell)].state == CellState::Extracted ? 1 : 0;
    }
    return extracted;
}

int cellCount(const TemplateTable &table)
{
    int count = 0;
    for (const TemplateRow &row : table.rows)
        count += int(row.cells.size());
    return count;
}

/** Whether the line reader found nothing at all for the row: no figure, mark or text. */
bool rowUnread(const ExtractedTables &tables, const TemplateRow &row)
{
    return std::all_of(row.cells.begin(), row.cells.end(), [&](int cell) {
        const CellValue &value = tables.cells[size_t(cell)];
        return value.state == CellState::Missing && !value.span.isValid()
            && value.sourceText.isEmpty();
    });
}

bool hasUnreadRow(const ExtractedTables &tables, const TemplateTable &table)
{
    return std::any_of(table.rows.begin(), table.rows.end(),
                       [&](const TemplateRow &row) { return rowUnread(tables, row); });
}

/** Whether `span` overlaps a cell the line reader already read from the source. */
bool overlapsReadCell(const ExtractedTables &tables, const TemplateTable &table, SourceSpan span)
{
    for (const TemplateRow &row : table.rows) {
        for (int cell : row.cells) {
            const SourceSpan &read = tables.cells[size_t(cell)].span;
            if (read.isValid() && read.start < span.end && span.start < read.end)
                return true;
        }
    }
    return false;
}

/**
 * A table the line reader read but for rows it found nothing in (行政规范性文件 20 155: two
 * figures for three cells, which no column alignment places): those rows take what the run
 * reader makes of them, candidates included, unless it took digits the line reader placed.
 */
void fillUnreadRows(const TemplateTable &table, TableReading reading, ExtractedTables &tables,
                    QList<SplitChoice> &choices)
{
    for (const TemplateRow &row : table.rows) {
        if (!rowUnread(tables, row))
            continue;
        std::vector<std::pair<int, CellValue>> found;
        for (auto &[cell, value] : reading.cells) {
            if (row.cells.contains(cell) && value.span.isValid()
                && !overlapsReadCell(tables, table, value.span))
                found.emplace_back(cell, value);
        }
        if (int(found.size()) != int(row.cells.size()))
            continue;
        for (auto &[cell, value] : found)
            tables.cells[size_t(cell)] = std::move(value);
        for (const SplitChoice &choice : reading.choices) {
            if (choice.cells == row.cells)
                choices.append(choice);
        }
    }
}

/** A table the line reader read less than half of: the run reader's reading replaces it when
 *  it places more cells and reads no fewer. */
void replaceTable(const TemplateTable &table, TableReading reading, int before,
                  ExtractedTables &tables, QList<SplitChoice> &choices)
{
    // More cells placed, and never fewer read: undecided cells do not replace read ones.
    if (reading.placed <= before || reading.extracted < before)
        return;
    for (const TemplateRow &row : table.rows) {
        for (int cell : row.cells)
            tables.cells[size_t(cell)] = CellValue {};
    }
    for (auto &[cell, value] : reading.cells)
        tables.cells[size_t(cell)] = std::move(value);
    choices.append(reading.choices);
    if (before == 0) {
        ++tables.tablesFound;
        const QString title = table.title;
        tables.problems.removeIf([&](const Error &error) {
            return error.code == u"table.not_found" && error.message.contains(title);
        });
    }
}

} // namespace

FusedTableReader::FusedTableReader(const ReportTemplate &reportTemplate, const RuleBook &rules)
    : m_template(reportTemplate)
    , m_rules(rules)
{ }

void FusedTableReader::improve(const NormalizedText &text, const QList<StatedFigure> &statements,
                               ExtractedTables &tables, QList<SplitChoice> &choices) const
{
    // Most documents have their tables read line by line: then nothing here costs anything.
    const auto &allTables = m_template.tables();
    const bool anyPoor = std::any_of(allTables.begin(), allTables.end(), [&](const auto &table) {
        return extractedCells(tables, table) * 2 < cellCount(table) || hasUnreadRow(tables, table);
    });
    if (!anyPoor)
        return;
    const FusedDocument document(m_template, m_rules, text, statements);
    int from = 0;
    for (int t = 0; t < int(m_template.tables().size()); ++t) {
        const TemplateTable &table = m_template.tables()[t];
        const auto [start, end] = document.region(t, from);
        const int before = extractedCells(tables, table);
        const bool readByLines = before * 2 >= cellCount(table);
        if (readByLines && !hasUnreadRow(tables, table)) {
            from = start;
            continue; // the line reader read it
        }
        TableReading reading = document.read(t, start, end);
        from = reading.end >= 0 ? reading.end : start;
        if (readByLines)
            fillUnreadRows(table, std::move(reading), tables, choices);
        else
            replaceTable(table, std::move(reading), before, tables, choices);
    }
}

} // namespace nianbao

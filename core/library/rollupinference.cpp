// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollupinference.h"

#include <QDir>
#include <QHash>
#include <QMap>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** agencyIdentity() writes 人民政府 as 政府 and 管理委员会 as 管委会. */
const QString kGovernmentSuffixes[] = {u"政府"_s, u"管委会"_s};

/** How high a place stands, by how its name ends; 0 for a name that is no place. */
int placeLevel(const QString &place)
{
    const std::pair<QString, int> suffixes[]
        = {{u"自治区"_s, 4}, {u"省"_s, 4}, {u"市"_s, 3},   {u"州"_s, 3},
           {u"盟"_s, 3},     {u"县"_s, 2}, {u"区"_s, 2},   {u"旗"_s, 2},
           {u"乡"_s, 1},     {u"镇"_s, 1}, {u"街道"_s, 1}, {u"街道办事处"_s, 1}};
    for (const auto &[suffix, level] : suffixes) {
        if (place.endsWith(suffix))
            return level;
    }
    return 0;
}

/** One report as the inference sees it. */
struct Entry
{
    qint64 id = 0;
    QString identity;
    QString place; ///< a government's place, empty for a department
    int level = 0; ///< a government's placeLevel(); 管委会 of an unnamed kind counts as a county
    QString folder;
    int year = 0;
};

Entry entryOf(const DocumentSummary &report, const AgencyAliases &aliases)
{
    Entry entry;
    entry.id = report.id;
    entry.identity = agencyIdentity(report.agency, aliases);
    entry.folder = QDir::cleanPath(QDir::fromNativeSeparators(report.path)).section(u'/', 0, -2);
    entry.year = report.year;
    for (const QString &suffix : kGovernmentSuffixes) {
        if (entry.identity.endsWith(suffix) && entry.identity.size() > suffix.size()) {
            entry.place = entry.identity.chopped(suffix.size());
            entry.level = std::max(placeLevel(entry.place), 2);
            return entry;
        }
    }
    entry.level = placeLevel(entry.identity);
    if (entry.level > 0)
        entry.place = entry.identity;
    return entry;
}

bool isGovernment(const Entry &entry)
{
    return !entry.place.isEmpty();
}

/** Whether `unit` may be counted in `government`'s summary: below it, and not itself. */
bool isBelow(const Entry &unit, const Entry &government)
{
    return unit.id != government.id && (!isGovernment(unit) || unit.level < government.level);
}

/** The government of `group` whose place begins `entry`'s name, the nearest one; else null. */
const Entry *governmentByName(const Entry &entry, const QList<const Entry *> &governments)
{
    const Entry *found = nullptr;
    for (const Entry *government : governments) {
        if (entry.identity.startsWith(government->place) && entry.identity != government->identity
            && isBelow(entry, *government)
            && (!found || government->place.size() > found->place.size()))
            found = government;
    }
    return found;
}

/** The one government above every other of `governments`, if there is one. */
const Entry *headOf(const QList<const Entry *> &governments)
{
    const Entry *head = nullptr;
    bool unique = false;
    for (const Entry *government : governments) {
        if (!head || government->level > head->level) {
            head = government;
            unique = true;
        } else if (government->level == head->level) {
            unique = false;
        }
    }
    return unique ? head : nullptr;
}

/** The summary of each report of one folder and year, by id (0: none in the folder). */
QHash<qint64, qint64> summariesInFolder(const QList<const Entry *> &group)
{
    QList<const Entry *> governments;
    for (const Entry *entry : group) {
        if (isGovernment(*entry))
            governments.append(entry);
    }
    const Entry *head = headOf(governments);
    QHash<qint64, qint64> summaryOf;
    for (const Entry *entry : group) {
        const Entry *government = governmentByName(*entry, governments);
        // A department named without its place (县公安局) belongs to the folder's government.
        if (!government && head && placeLevel(entry->identity) == 0 && isBelow(*entry, *head))
            government = head;
        summaryOf.insert(entry->id, government ? government->id : 0);
    }
    return summaryOf;
}

using Groups = QMap<std::pair<QString, int>, QList<const Entry *>>;

/** Adds to `units` the reports of the folders right under each folder's one head. */
void addSubfolders(const Groups &groups, const QHash<qint64, qint64> &summaryOf,
                   QMap<qint64, QList<qint64>> &units)
{
    for (auto group = groups.cbegin(); group != groups.cend(); ++group) {
        QList<const Entry *> roots;
        for (const Entry *entry : group.value()) {
            if (summaryOf.value(entry->id) == 0)
                roots.append(entry);
        }
        if (roots.size() != 1 || !isGovernment(*roots.front()))
            continue;
        const auto &[folder, year] = group.key();
        for (auto sub = groups.cbegin(); sub != groups.cend(); ++sub) {
            const QString &subfolder = sub.key().first;
            if (sub.key().second != year || subfolder.section(u'/', 0, -2) != folder)
                continue;
            for (const Entry *entry : sub.value()) {
                if (summaryOf.value(entry->id) == 0 && isBelow(*entry, *roots.front()))
                    units[roots.front()->id].append(entry->id);
            }
        }
    }
}

} // namespace

bool isGovernmentAgency(const QString &agency)
{
    DocumentSummary report;
    report.agency = agency;
    return isGovernment(entryOf(report, {}));
}

QList<ProposedRollup> inferRollupSets(const QList<DocumentSummary> &reports,
                                      const AgencyAliases &aliases)
{
    QList<Entry> entries;
    for (const DocumentSummary &report : reports) {
        if (report.year > 0 && !report.agency.isEmpty())
            entries.append(entryOf(report, aliases));
    }
    Groups groups;
    for (const Entry &entry : std::as_const(entries))
        groups[{entry.folder, entry.year}].append(&entry);
    QHash<qint64, qint64> summaryOf;
    QMap<qint64, QList<qint64>> units;
    for (const QList<const Entry *> &group : std::as_const(groups)) {
        const QHash<qint64, qint64> inFolder = summariesInFolder(group);
        for (auto it = inFolder.cbegin(); it != inFolder.cend(); ++it) {
            summaryOf.insert(it.key(), it.value());
            if (it.value() != 0)
                units[it.value()].append(it.key());
        }
    }
    addSubfolders(groups, summaryOf, units);
    QHash<qint64, int> yearOf;
    for (const Entry &entry : std::as_const(entries))
        yearOf.insert(entry.id, entry.year);
    QList<ProposedRollup> proposed;
    for (auto it = units.begin(); it != units.end(); ++it) {
        std::sort(it.value().begin(), it.value().end());
        proposed.append(ProposedRollup {it.key(), it.value(), yearOf.value(it.key())});
    }
    return proposed;
}

} // namespace nianbao

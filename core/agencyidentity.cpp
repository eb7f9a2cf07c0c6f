// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "agencyidentity.h"

#include <QSet>

#include <array>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** Brackets NFKC leaves as they are, written for ( and ) in names. */
QChar plainBracket(QChar c)
{
    switch (c.unicode()) {
    case u'[':
    case u'【':
    case u'〔':
    case u'〖':
        return u'(';
    case u']':
    case u'】':
    case u'〕':
    case u'〗':
        return u')';
    default:
        return c;
    }
}

/**
 * Long and short forms of one word, in the order they are shortened: both are in use for the
 * same agency (平潭综合实验区管理委员会办公室 is also 平潭综合实验区管委会办).
 */
struct ShortForm
{
    QString longForm;
    QString shortForm;
};

const std::array<ShortForm, 4> &shortForms()
{
    static const std::array<ShortForm, 4> forms {{
        {u"人民政府"_s, u"政府"_s},
        {u"管理委员会"_s, u"管委会"_s},
        {u"办公室"_s, u"办"_s},
        {u"发展和改革"_s, u"发展改革"_s},
    }};
    return forms;
}

/**
 * Where the region a name begins with ends (after 省, 自治区, 市, 自治州, 州, 盟 or 地区 with a
 * name of two characters or more before it), or -1.
 */
qsizetype regionPrefixEnd(QStringView identity)
{
    static const QStringView kMarkers[]
        = {u"自治区", u"自治州", u"地区", u"省", u"市", u"州", u"盟"};
    qsizetype end = -1;
    for (const QStringView marker : kMarkers) {
        const qsizetype at = identity.indexOf(marker, 2);
        if (at >= 0 && (end < 0 || at + marker.size() < end))
            end = at + marker.size();
    }
    return end;
}

/** Whether `identity` begins with a place of its own: 洪泽区…, 沛县…, 昆山市…, 某旗… */
bool beginsWithPlace(QStringView identity)
{
    for (qsizetype i = 1; i < identity.size(); ++i) {
        if (QStringView(u"区县市旗").contains(identity[i]))
            return i + 1 < identity.size(); // something after the place: 洪泽区政府
    }
    return false;
}

} // namespace

QString agencyIdentity(const QString &name)
{
    QString identity = name.normalized(QString::NormalizationForm_KC).toCaseFolded();
    identity.removeIf([](QChar c) { return c.isSpace() || c.category() == QChar::Other_Format; });
    for (QChar &c : identity)
        c = plainBracket(c);
    if (identity.startsWith(u"中华人民共和国") && identity.size() > 7)
        identity.remove(0, 7); // the ministries of the State Council, written with or without it
    for (const ShortForm &form : shortForms())
        identity.replace(form.longForm, form.shortForm);
    return identity;
}

QString agencyIdentity(const QString &name, const AgencyAliases &aliases)
{
    QString identity = agencyIdentity(name);
    QSet<QString> seen; // a list that names A for B and B for A ends, at one of them
    for (auto it = aliases.constFind(identity); it != aliases.cend() && !seen.contains(*it);
         it = aliases.constFind(identity)) {
        seen.insert(identity);
        identity = *it;
    }
    return identity;
}

QString localAgencyIdentity(const QString &identity)
{
    QStringView local = identity;
    for (qsizetype end = regionPrefixEnd(local); end > 0 && beginsWithPlace(local.sliced(end));
         end = regionPrefixEnd(local))
        local = local.sliced(end);
    return local.toString();
}

void addAgencyAlias(AgencyAliases &aliases, const QString &name, const QString &canonicalName)
{
    const QString from = agencyIdentity(name);
    const QString to = agencyIdentity(canonicalName);
    if (!from.isEmpty() && !to.isEmpty() && from != to)
        aliases.insert(from, to);
}

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QString>

namespace nianbao {

/**
 * Agencies a reviewer says are one (a department renamed, a name written two ways): from a
 * name's agencyIdentity() to the identity it stands for. Built with addAgencyAlias().
 */
using AgencyAliases = QHash<QString, QString>;

/**
 * The form of an agency's name under which its reports of different years are paired, so that
 * small differences in writing do not part them: full-width and half-width forms (NFKC), spaces,
 * 【】〔〕[] for (), 人民政府 for 政府, 管理委员会 for 管委会, 办公室 for 办, 发展和改革 for
 * 发展改革, a leading 中华人民共和国. Nothing is dropped that names another agency:
 * 平潭综合实验区行政审批局 and 平潭综合实验区 stay apart, as do XX县人民政府 and its 办公室.
 * Empty for an empty name. Used by the batch check to pair years.
 */
QString agencyIdentity(const QString &name);

/** The identity of `name`, then what `aliases` make of it, followed to its end. */
QString agencyIdentity(const QString &name, const AgencyAliases &aliases);

/**
 * An identity without the higher regions written before its own place (江苏省淮安市洪泽区政府 →
 * 洪泽区政府, 宿迁市沭阳县政府 → 沭阳县政府), or the identity itself when no place follows
 * them (淮安市政府, 上海市市场监督管理局). Reports title an agency with or without them; the
 * batch pairs such names only when one is written without them and no other agency could be
 * meant (鼓楼区 is in 南京市 and in 福州市).
 */
QString localAgencyIdentity(const QString &identity);

/** Records that the agency `name` is the agency `canonicalName` (both as written). */
void addAgencyAlias(AgencyAliases &aliases, const QString &name, const QString &canonicalName);

} // namespace nianbao

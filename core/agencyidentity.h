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

/** Records that the agency `name` is the agency `canonicalName` (both as written). */
void addAgencyAlias(AgencyAliases &aliases, const QString &name, const QString &canonicalName);

} // namespace nianbao

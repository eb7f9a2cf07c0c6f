// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/structuredtext.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace nianbao {

/**
 * Reads decoded HTML into paragraphs and tables, as forgiving as browsers are with the markup
 * government sites publish: unclosed <p>, <td> and <tr>, tables nested in layout tables, Word's
 * exported HTML. Whitespace collapses as it renders; &nbsp; becomes a space; <br> starts a new
 * line, or a space inside a table cell; script, style and similar content is skipped, and so
 * are <nav> and short elements whose class or id names site navigation (breadcrumb, position,
 * dqwz 当前位置, nav), which would otherwise pass for the report's title.
 */
QList<TextBlock> parseHtml(QStringView html);

/** Replaces character references (&nbsp; &amp; &#20013; &#x4E2D; …) by their characters. */
QString decodeHtmlEntities(QStringView text);

} // namespace nianbao

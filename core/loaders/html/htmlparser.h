// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "loaders/structuredtext.h"
#include "result.h"

#include <QList>
#include <QString>
#include <QStringView>

namespace nianbao {

/**
 * How deep elements may nest in a page (libxml2's xmlParserMaxDepth, 256 by default). Real pages
 * nest about 25 deep, but libxml2 nests unclosed inline tags, and sloppy CMS pages leave
 * hundreds of <font> or <span> open: 1024 reads 300 of them. Matching an end tag scans the open
 * elements, so the limit also bounds the work of a page of unmatched tags (7 MB of them: 2.6 s).
 */
constexpr int kMaxHtmlDepth = 1024;

/**
 * Reads decoded HTML into paragraphs and tables, as forgiving as browsers are with the markup
 * government sites publish: unclosed <p>, <td> and <tr>, tables nested in layout tables, Word's
 * exported HTML. libxml2's HTML parser builds the tree (all HTML 4 named references, linear
 * time); an iterative walk turns it into blocks. Whitespace collapses as it renders; &nbsp;
 * becomes a space; <br> starts a new line, or a space inside a table cell; script, style and
 * similar content is skipped, and so are <nav> and short elements whose class or id names site
 * navigation (breadcrumb, position, dqwz 当前位置, nav), which would otherwise pass for the
 * report's title. A page nesting deeper than kMaxHtmlDepth is an error (html.too_deep) naming
 * the line, not a silently truncated page.
 */
Result<QList<TextBlock>> parseHtml(QStringView html);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"
#include "text/textdecoder.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

namespace nianbao {

/**
 * The charset an HTML page declares in its first bytes: <meta charset>, <meta http-equiv
 * content="…; charset=…"> or an XML declaration's encoding, lower-cased; empty if none.
 */
QByteArray declaredHtmlCharset(QByteArrayView bytes);

/**
 * The ICU converter for a charset label as browsers read it: GB2312, GBK and their aliases
 * decode as GB18030 (their superset), Latin-1 and ASCII as windows-1252; empty for a label
 * ICU does not know.
 */
QByteArray htmlConverterName(const QByteArray &label);

/**
 * Decodes an HTML page: a byte order mark decides first, then the page's own declaration,
 * then ICU's detection (decodeText). Problems that do not stop decoding (an unknown or wrong
 * declaration, replaced bytes) are appended to `warnings`.
 */
Result<DecodedText> decodeHtml(const QByteArray &bytes, QList<Error> *warnings);

} // namespace nianbao

// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace nianbao {

/** Bytes converted to text by an ICU converter, and the invalid sequences it met. */
struct IcuConversion
{
    QString text;
    int replaced = 0; ///< invalid byte sequences, each replaced by U+FFFD
    int firstInvalidByte = -1; ///< byte offset of the first of them, or -1
};

/** What a conversion does at an invalid byte sequence. */
enum class OnInvalidBytes {
    Replace, ///< count it and write U+FFFD
    Stop, ///< give up: the bytes are not in this encoding
};

/**
 * The one place the engine converts bytes with ICU (text reports and web pages alike).
 * Nullopt when ICU has no converter of that name, or with OnInvalidBytes::Stop at the first
 * invalid sequence.
 */
std::optional<IcuConversion> convertWithIcu(QByteArrayView bytes, const char *encoding,
                                            OnInvalidBytes onInvalid = OnInvalidBytes::Replace);

/** The longest character, in bytes, of ICU's converter `encoding`; 0 if there is none. */
int icuMaxCharSize(const char *encoding);

/** ICU's own name of the converter that `label` opens (GBK → GBK, gb2312 → …); empty if none. */
QByteArray icuConverterName(const char *label);

} // namespace nianbao

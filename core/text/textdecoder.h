// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace nianbao {

/** Text decoded from a file's bytes, with what the decoder noticed on the way. */
struct DecodedText
{
    QString text;
    QString encoding; ///< ICU/IANA name, e.g. UTF-8, UTF-16LE, GB18030
    bool hadByteOrderMark = false;
    int replacedSequences = 0; ///< invalid byte sequences replaced by U+FFFD
    int firstInvalidByte = -1; ///< byte offset of the first of them, or -1
};

/**
 * Decodes the bytes of a text report. A byte order mark decides first; valid UTF-8 is taken as
 * UTF-8; UTF-16 without a mark is recognized by its characters; anything else goes to ICU's
 * charset detector. Chinese candidates (GB18030, which covers GBK and GB2312, and Big5) are
 * preferred: the first that converts cleanly, else the one with the fewest invalid sequences
 * (counted in replacedSequences), so damaged GBK stays GB18030 instead of a single-byte charset
 * that converts anything. Empty and binary input are errors.
 */
Result<DecodedText> decodeText(const QByteArray &bytes);

} // namespace nianbao

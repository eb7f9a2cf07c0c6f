// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/textdecoder.h"

#include "text/icuconversion.h"

#include <QCoreApplication>

#include <unicode/ucsdet.h>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

struct ByteOrderMark
{
    QByteArrayView bytes;
    const char *encoding;
};

// Longest first: the UTF-32LE mark begins with the UTF-16LE one.
const ByteOrderMark kMarks[] = {
    {QByteArrayView("\xFF\xFE\x00\x00", 4), "UTF-32LE"},
    {QByteArrayView("\x00\x00\xFE\xFF", 4), "UTF-32BE"},
    {QByteArrayView("\x84\x31\x95\x33", 4), "GB18030"},
    {QByteArrayView("\xEF\xBB\xBF", 3), "UTF-8"},
    {QByteArrayView("\xFF\xFE", 2), "UTF-16LE"},
    {QByteArrayView("\xFE\xFF", 2), "UTF-16BE"},
};

struct DetectorCloser
{
    void operator()(UCharsetDetector *detector) const { ucsdet_close(detector); }
};

struct Utf8Scan
{
    int firstInvalid = -1; ///< byte offset of the first invalid sequence, or -1
    int invalid = 0; ///< number of invalid sequences
    int multiByte = 0; ///< number of valid multi-byte sequences
};

/**
 * Length of the well-formed UTF-8 sequence at `data` (Unicode table 3-7: no overlong forms,
 * no surrogates, nothing above U+10FFFF), or 0 if it is not one.
 */
int validSequenceLength(const unsigned char *data, qsizetype available)
{
    const unsigned char lead = data[0];
    if (lead < 0x80)
        return 1;
    int length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        low = lead == 0xE0 ? 0xA0 : 0x80;
        high = lead == 0xED ? 0x9F : 0xBF;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        low = lead == 0xF0 ? 0x90 : 0x80;
        high = lead == 0xF4 ? 0x8F : 0xBF;
    } else {
        return 0;
    }
    if (available < length || data[1] < low || data[1] > high)
        return 0;
    for (int k = 2; k < length; ++k) {
        if ((data[k] & 0xC0) != 0x80)
            return 0;
    }
    return length;
}

Utf8Scan scanUtf8(QByteArrayView bytes)
{
    Utf8Scan scan;
    const auto *data = reinterpret_cast<const unsigned char *>(bytes.data());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size;) {
        const int length = validSequenceLength(data + i, size - i);
        const bool valid = length > 0;
        if (!valid) {
            if (scan.firstInvalid < 0)
                scan.firstInvalid = int(i);
            ++scan.invalid;
            ++i;
            continue;
        }
        if (length > 1)
            ++scan.multiByte;
        i += length;
    }
    return scan;
}

QList<QByteArray> detectorCandidates(QByteArrayView bytes)
{
    QList<QByteArray> names;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UCharsetDetector, DetectorCloser> detector(ucsdet_open(&status));
    if (U_FAILURE(status))
        return names;
    // The detector needs no more than the first pages to decide.
    const int32_t sample = int32_t(std::min<qsizetype>(bytes.size(), 64 * 1024));
    ucsdet_setText(detector.get(), bytes.data(), sample, &status);
    int32_t count = 0;
    const UCharsetMatch **matches = ucsdet_detectAll(detector.get(), &count, &status);
    if (U_FAILURE(status))
        return names;
    for (int32_t i = 0; i < count; ++i) {
        const char *name = ucsdet_getName(matches[i], &status);
        if (U_SUCCESS(status) && name)
            names.append(QByteArray(name));
    }
    return names;
}

/** Multi-byte encodings Chinese reports come in; GB18030 covers GBK and GB2312. */
bool isChineseEncoding(const QByteArray &name)
{
    return name == "GB18030" || name == "Big5";
}

/**
 * Damaged Chinese text: at most one in kMaxReplacedShare of its non-ASCII bytes may be
 * replaced for a Chinese encoding to be taken; above it the bytes are not Chinese text.
 */
constexpr int kMaxReplacedShare = 20;

/**
 * The first Chinese encoding, in the detector's order of confidence, that decodes `bytes` with
 * few replacements; GB18030 when the detector names none. Converting without error is no
 * evidence: a single-byte charset converts any bytes, and Big5 maps most GBK pairs (with 0xFF
 * to a private character), so GBK text with one stray 0xFF or a cut last character must not
 * read as Big5 or KOI8-R. The replacements are counted for the reviewer.
 */
std::optional<DecodedText> decodeChinese(QByteArrayView bytes, QList<QByteArray> candidates)
{
    candidates.removeIf([](const QByteArray &name) { return !isChineseEncoding(name); });
    if (candidates.isEmpty())
        candidates.append("GB18030");
    const qsizetype nonAscii
        = std::count_if(bytes.begin(), bytes.end(), [](char byte) { return uchar(byte) >= 0x80; });
    for (const QByteArray &name : std::as_const(candidates)) {
        const std::optional<IcuConversion> text = convertWithIcu(bytes, name.constData());
        if (text && qsizetype(text->replaced) * kMaxReplacedShare <= nonAscii)
            return DecodedText {text->text, QString::fromLatin1(name), false, text->replaced,
                                text->firstInvalidByte};
    }
    return std::nullopt;
}

constexpr qsizetype kUtf16Sample = 8192; ///< bytes looked at to recognize unmarked UTF-16
constexpr int kUtf16SharePercent = 90; ///< of the sample's characters, those a report is written in

/** Characters a report is written in: ASCII text, CJK, CJK and full-width punctuation. */
bool isReportCharacter(char16_t c)
{
    return (c >= 0x20 && c < 0x7F) || c == u'\t' || c == u'\n' || c == u'\r'
        || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3000 && c <= 0x303F)
        || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2010 && c <= 0x2027);
}

/**
 * UTF-16 without a byte order mark: the byte order in which the first pages read as a report's
 * characters. Its NUL bytes (the high half of every ASCII character) are no binary data.
 */
const char *unmarkedUtf16(QByteArrayView bytes)
{
    const qsizetype size = std::min(bytes.size(), kUtf16Sample) & ~qsizetype(1);
    const auto *data = reinterpret_cast<const uchar *>(bytes.data());
    for (const bool little : {true, false}) {
        qsizetype plausible = 0;
        for (qsizetype i = 0; i < size; i += 2) {
            const uchar first = data[i];
            const uchar second = data[i + 1];
            plausible += isReportCharacter(little ? char16_t(second << 8 | first)
                                                  : char16_t(first << 8 | second));
        }
        if (size > 0 && plausible * 100 >= size / 2 * kUtf16SharePercent)
            return little ? "UTF-16LE" : "UTF-16BE";
    }
    return nullptr;
}

bool looksBinary(QStringView text, int *offset)
{
    int controls = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool control = c < 0x20 && c != u'\t' && c != u'\n' && c != u'\r' && c != u'\f';
        if (!control)
            continue;
        if (*offset < 0)
            *offset = int(i);
        if (c == 0 || ++controls > 8 + text.size() / 100)
            return true;
    }
    return false;
}

Error binaryError(int offset)
{
    return Error {
        u"file.binary"_s,
        QCoreApplication::translate("nianbao::TextDecoder",
                                    "The file is not a text report: it holds binary data (first "
                                    "control character at character %1). Open the published "
                                    "report (HTML, Word, PDF or text) instead.")
            .arg(offset),
        {}};
}

Result<DecodedText> finish(DecodedText decoded)
{
    int offset = -1;
    if (looksBinary(decoded.text, &offset))
        return binaryError(offset);
    return decoded;
}

Result<DecodedText> decodeWithMark(QByteArrayView bytes)
{
    for (const ByteOrderMark &mark : kMarks) {
        if (!bytes.startsWith(mark.bytes))
            continue;
        const QByteArrayView body = bytes.sliced(mark.bytes.size());
        const std::optional<IcuConversion> text = convertWithIcu(body, mark.encoding);
        if (!text)
            break;
        const int firstInvalid
            = text->firstInvalidByte < 0 ? -1 : text->firstInvalidByte + int(mark.bytes.size());
        DecodedText decoded {text->text, QString::fromLatin1(mark.encoding), true, text->replaced,
                             firstInvalid};
        return finish(std::move(decoded));
    }
    return Error {};
}

} // namespace

Result<DecodedText> decodeText(const QByteArray &bytes)
{
    if (bytes.isEmpty())
        return Error {
            u"file.empty"_s,
            QCoreApplication::translate("nianbao::TextDecoder", "The file is empty (0 bytes)."),
            {}};
    Result<DecodedText> marked = decodeWithMark(bytes);
    if (marked || !marked.error().code.isEmpty())
        return marked;

    const Utf8Scan utf8 = scanUtf8(bytes);
    if (utf8.invalid == 0)
        return finish(DecodedText {QString::fromUtf8(bytes), u"UTF-8"_s, false, 0, -1});
    if (const char *utf16 = unmarkedUtf16(bytes)) {
        if (std::optional<IcuConversion> text = convertWithIcu(bytes, utf16)) {
            return finish(DecodedText {text->text, QString::fromLatin1(utf16), false,
                                       text->replaced, text->firstInvalidByte});
        }
    }
    if (bytes.left(8192).contains('\0'))
        return binaryError(int(bytes.indexOf('\0')));
    // Mostly valid UTF-8 with a few damaged bytes: a legacy encoding would turn every character
    // into mojibake, so keep UTF-8 and report the damage.
    if (utf8.multiByte > 20 * utf8.invalid) {
        QString text = QString::fromUtf8(bytes);
        return finish(DecodedText {text, u"UTF-8"_s, false, utf8.invalid, utf8.firstInvalid});
    }

    const QList<QByteArray> candidates = detectorCandidates(bytes);
    if (std::optional<DecodedText> chinese = decodeChinese(bytes, candidates))
        return finish(std::move(*chinese));
    for (const QByteArray &name : candidates) {
        if (std::optional<IcuConversion> text
            = convertWithIcu(bytes, name.constData(), OnInvalidBytes::Stop))
            return finish(DecodedText {text->text, QString::fromLatin1(name), false, 0, -1});
    }
    // Nothing decodes cleanly: keep the best guess and say how much was replaced.
    const QByteArray best = candidates.isEmpty() ? QByteArray("UTF-8") : candidates.first();
    const std::optional<IcuConversion> text = convertWithIcu(bytes, best.constData());
    if (!text)
        return Error {u"encoding.unknown"_s, u"The text encoding could not be determined."_s, {}};
    return finish(DecodedText {text->text, QString::fromLatin1(best), false, text->replaced,
                               text->firstInvalidByte});
}

} // namespace nianbao

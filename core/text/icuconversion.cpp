// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "text/icuconversion.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>

namespace nianbao {

namespace {

struct ConverterCloser
{
    void operator()(UConverter *converter) const { ucnv_close(converter); }
};

using Converter = std::unique_ptr<UConverter, ConverterCloser>;

Converter openConverter(const char *name)
{
    UErrorCode status = U_ZERO_ERROR;
    Converter converter(ucnv_open(name, &status));
    return U_SUCCESS(status) ? std::move(converter) : Converter();
}

/** What a lenient conversion replaced: how many invalid sequences, and where the first was. */
struct Replacements
{
    const char *begin = nullptr; ///< the converted bytes, to turn ICU's position into an offset
    int count = 0;
    int firstOffset = -1;
};

/** ICU calls this for each invalid sequence: it is counted, then replaced by U+FFFD. */
void countAndSubstitute(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                        int32_t length, UConverterCallbackReason reason, UErrorCode *status)
{
    if (reason <= UCNV_IRREGULAR) {
        auto *replacements = static_cast<Replacements *>(const_cast<void *>(context));
        // ICU has consumed the sequence: it ends where the source pointer stands.
        const int offset = int(args->source - replacements->begin) - length;
        if (replacements->firstOffset < 0)
            replacements->firstOffset = std::max(0, offset);
        ++replacements->count;
    }
    UCNV_TO_U_CALLBACK_SUBSTITUTE(nullptr, args, codeUnits, length, reason, status);
}

} // namespace

std::optional<IcuConversion> convertWithIcu(QByteArrayView bytes, const char *encoding,
                                            OnInvalidBytes onInvalid)
{
    const Converter converter = openConverter(encoding);
    if (!converter)
        return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    Replacements replacements {bytes.data(), 0, -1};
    if (onInvalid == OnInvalidBytes::Replace)
        ucnv_setToUCallBack(converter.get(), countAndSubstitute, &replacements, nullptr, nullptr,
                            &status);
    else
        ucnv_setToUCallBack(converter.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr,
                            &status);
    // Every byte yields at most one UTF-16 unit in the converters reports use, bar UTF-8's
    // 4-byte sequences, which yield two units for four bytes.
    QString out(bytes.size() + 1, Qt::Uninitialized);
    status = U_ZERO_ERROR;
    const int32_t length
        = ucnv_toUChars(converter.get(), reinterpret_cast<UChar *>(out.data()), int32_t(out.size()),
                        bytes.data(), int32_t(bytes.size()), &status);
    if (U_FAILURE(status) && status != U_STRING_NOT_TERMINATED_WARNING)
        return std::nullopt;
    out.truncate(length);
    return IcuConversion {out, replacements.count, replacements.firstOffset};
}

int icuMaxCharSize(const char *encoding)
{
    const Converter converter = openConverter(encoding);
    return converter ? ucnv_getMaxCharSize(converter.get()) : 0;
}

QByteArray icuConverterName(const char *label)
{
    const Converter converter = openConverter(label);
    if (!converter)
        return {};
    UErrorCode status = U_ZERO_ERROR;
    return {ucnv_getName(converter.get(), &status)};
}

} // namespace nianbao

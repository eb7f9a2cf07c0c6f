// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "collation.h"

#include <unicode/coll.h>
#include <unicode/unistr.h>

#include <memory>

namespace nianbao {

namespace {

/** Collators are not safe to share between threads; each thread makes its own once. */
icu::Collator *chineseCollator()
{
    thread_local const std::unique_ptr<icu::Collator> collator = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Collator> made(
            icu::Collator::createInstance(icu::Locale::getChinese(), status));
        if (U_FAILURE(status))
            return std::unique_ptr<icu::Collator>();
        made->setAttribute(UCOL_NUMERIC_COLLATION, UCOL_ON, status);
        return made;
    }();
    return collator.get();
}

} // namespace

QByteArray chineseSortKey(QStringView text)
{
    const icu::UnicodeString unicode(false, reinterpret_cast<const UChar *>(text.utf16()),
                                     int32_t(text.size()));
    icu::Collator *collator = chineseCollator();
    if (!collator) // no collation data: code point order, still a total order
        return text.toUtf8();
    QByteArray key(64, Qt::Uninitialized);
    int32_t length = collator->getSortKey(unicode, reinterpret_cast<uint8_t *>(key.data()),
                                          int32_t(key.size()));
    if (length > key.size()) {
        key.resize(length);
        length = collator->getSortKey(unicode, reinterpret_cast<uint8_t *>(key.data()),
                                      int32_t(key.size()));
    }
    key.resize(std::max(0, length - 1)); // without the terminating zero byte
    return key;
}

} // namespace nianbao

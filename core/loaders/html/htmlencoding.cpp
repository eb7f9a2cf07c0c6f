// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "htmlencoding.h"

#include "text/icuconversion.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QString>

#include <unicode/ucnv.h>

#include <algorithm>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

namespace nianbao {

namespace {

/** How far into the page a declaration is looked for; long <head>s put it late. */
constexpr qsizetype kPrescanBytes = 8192;

Error invalidBytesWarning(const DecodedText &decoded)
{
    return Error {u"encoding.invalid"_s,
                  QCoreApplication::translate(
                      "nianbao::HtmlLoader",
                      "%1 invalid byte sequences in %2 text were replaced by \uFFFD (first at "
                      "byte %3)")
                      .arg(decoded.replacedSequences)
                      .arg(decoded.encoding)
                      .arg(decoded.firstInvalidByte),
                  {}};
}

/** Replaced sequences a page may have before its declaration is doubted (plus 1 in 200). */
constexpr int kToleratedInvalid = 2;

/** Whether a charset writes characters in several bytes (UTF-8, GB18030, Big5 …). */
bool isMultiByte(const QByteArray &encoding)
{
    return icuMaxCharSize(encoding.constData()) > 1;
}

/**
 * The page as UTF-8 if it is valid UTF-8 holding Chinese: legacy multi-byte text is almost never
 * valid UTF-8, so such a page was saved as UTF-8 whatever its declaration says.
 */
std::optional<DecodedText> chineseUtf8(QByteArrayView bytes)
{
    const std::optional<IcuConversion> utf8 = convertWithIcu(bytes, "UTF-8");
    if (!utf8 || utf8->replaced > 0)
        return std::nullopt;
    const bool chinese = std::any_of(utf8->text.cbegin(), utf8->text.cend(),
                                     [](QChar c) { return c.script() == QChar::Script_Han; });
    if (!chinese)
        return std::nullopt;
    return DecodedText {utf8->text, u"UTF-8"_s, false, 0, -1};
}

Error mismatchWarning(const QByteArray &label, const QString &encoding)
{
    return Error {u"html.charset_mismatch"_s,
                  QCoreApplication::translate("nianbao::HtmlLoader",
                                              "The page declares the charset \"%1\" but is "
                                              "written in %2; it was read as %2.")
                      .arg(QString::fromLatin1(label), encoding),
                  {}};
}

/** ICU's detection, as for text reports, with its replaced bytes reported. */
Result<DecodedText> detect(const QByteArray &bytes, QList<Error> *warnings)
{
    Result<DecodedText> decoded = decodeText(bytes);
    if (decoded && decoded.value().replacedSequences > 0)
        warnings->append(invalidBytesWarning(decoded.value()));
    return decoded;
}

} // namespace

QByteArray declaredHtmlCharset(QByteArrayView bytes)
{
    const QString head = QString::fromLatin1(bytes.first(std::min(bytes.size(), kPrescanBytes)));
    static const QRegularExpression meta(
        uR"(<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression xml(
        uR"(^\s*<\?xml\b[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:\-]+))"_s,
        QRegularExpression::CaseInsensitiveOption);
    // A declaration inside a comment does not count; blank comments out, keeping offsets.
    QString visible = head;
    for (qsizetype at = visible.indexOf(u"<!--"); at >= 0; at = visible.indexOf(u"<!--", at)) {
        qsizetype end = visible.indexOf(u"-->", at + 4);
        end = end < 0 ? visible.size() : end + 3;
        for (qsizetype i = at; i < end; ++i)
            visible[i] = u' ';
        at = end;
    }
    QRegularExpressionMatch match = meta.match(visible);
    if (!match.hasMatch())
        match = xml.match(visible);
    if (!match.hasMatch())
        return {};
    return match.captured(1).toLatin1().toLower();
}

QByteArray htmlConverterName(const QByteArray &label)
{
    static const QByteArrayView kGb[]
        = {"gb2312",   "gbk",     "x-gbk",      "cp936",           "windows-936",
           "ms936",    "gb_2312", "gb_2312-80", "csgb2312",        "euc-cn",
           "x-euc-cn", "chinese", "iso-ir-58",  "csiso58gb231280", "gb18030"};
    for (QByteArrayView gb : kGb) {
        if (label == gb)
            return "GB18030";
    }
    if (label == "utf8" || label == "utf-8" || label == "unicode-1-1-utf-8")
        return "UTF-8";
    // A page that says UTF-16 but was read as ASCII-compatible bytes is UTF-8 (HTML spec).
    if (label.startsWith("utf-16") || label == "unicode")
        return "UTF-8";
    if (label == "iso-8859-1" || label == "latin1" || label == "us-ascii" || label == "ascii")
        return "windows-1252";
    if (label == "big5" || label == "x-x-big5" || label == "cn-big5")
        return "Big5-HKSCS";
    UErrorCode status = U_ZERO_ERROR;
    const char *canonical = ucnv_getCanonicalName(label.constData(), "WHATWG", &status);
    if (U_SUCCESS(status) && canonical)
        return QByteArray(canonical);
    return icuConverterName(label.constData());
}

Result<DecodedText> decodeHtml(const QByteArray &bytes, QList<Error> *warnings)
{
    if (bytes.startsWith("\xEF\xBB\xBF") || bytes.startsWith("\xFF\xFE")
        || bytes.startsWith("\xFE\xFF"))
        return detect(bytes, warnings); // the mark decides, as in browsers

    const QByteArray label = declaredHtmlCharset(bytes);
    if (label.isEmpty())
        return detect(bytes, warnings);
    const QByteArray converterName = htmlConverterName(label);
    if (converterName.isEmpty()) {
        warnings->append(Error {u"html.charset_unknown"_s,
                                QCoreApplication::translate(
                                    "nianbao::HtmlLoader",
                                    "The page declares the unknown charset \"%1\"; its encoding "
                                    "was detected instead. If the text looks wrong, save the page "
                                    "from the browser as UTF-8 and open that copy.")
                                    .arg(QString::fromLatin1(label)),
                                {}});
        return detect(bytes, warnings);
    }
    if (converterName != "UTF-8") {
        if (std::optional<DecodedText> utf8 = chineseUtf8(bytes)) {
            warnings->append(mismatchWarning(label, utf8->encoding));
            return *utf8;
        }
    }
    const std::optional<IcuConversion> declared = convertWithIcu(bytes, converterName.constData());
    if (!declared)
        return detect(bytes, warnings);
    DecodedText decoded {declared->text, QString::fromLatin1(converterName), false,
                         declared->replaced, declared->firstInvalidByte};
    if (declared->replaced == 0)
        return decoded;
    // A few damaged bytes do not make the declaration wrong: keep it and say what was replaced.
    if (declared->replaced <= kToleratedInvalid + int(declared->text.size() / 200)) {
        warnings->append(invalidBytesWarning(decoded));
        return decoded;
    }
    // Pages copied between sites keep a stale declaration (a GBK page saying UTF-8). Chinese
    // government pages that are not what they declare are GBK far more often than anything
    // else, so GB18030 and UTF-8 are tried first, then ICU's detection; a single-byte charset
    // decodes any bytes "cleanly" and is no evidence, so it never replaces a declaration.
    std::optional<DecodedText> better;
    for (const QByteArray &candidate : {QByteArray("GB18030"), QByteArray("UTF-8")}) {
        if (better || decoded.encoding == QLatin1StringView(candidate))
            continue;
        const std::optional<IcuConversion> attempt = convertWithIcu(bytes, candidate.constData());
        if (attempt && attempt->replaced == 0)
            better = DecodedText {attempt->text, QString::fromLatin1(candidate), false, 0, -1};
    }
    if (!better) {
        Result<DecodedText> detected = decodeText(bytes);
        if (detected && detected.value().replacedSequences == 0
            && detected.value().encoding != decoded.encoding
            && isMultiByte(detected.value().encoding.toLatin1()))
            better = detected.value();
    }
    if (better) {
        warnings->append(mismatchWarning(label, better->encoding));
        return *better;
    }
    warnings->append(invalidBytesWarning(decoded));
    return decoded;
}

} // namespace nianbao

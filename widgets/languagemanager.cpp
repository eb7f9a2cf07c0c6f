// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace nianbao {

LanguageManager::LanguageManager(QObject *parent)
    : QObject(parent)
{ }

QStringList LanguageManager::languages()
{
    return {u"zh_CN"_s, u"en"_s};
}

QString LanguageManager::effectiveLanguage() const
{
    if (!m_language.isEmpty())
        return m_language;
    const QStringList ui = QLocale::system().uiLanguages();
    return !ui.isEmpty() && ui.first().startsWith(u"zh"_s) ? u"zh_CN"_s : u"en"_s;
}

void LanguageManager::setLanguage(const QString &language)
{
    m_language = language;
    const QString effective = effectiveLanguage();
    QCoreApplication::removeTranslator(&m_appTranslator);
    QCoreApplication::removeTranslator(&m_qtTranslator);
    if (m_appTranslator.load(u"nianbao_"_s + effective, u":/i18n"_s))
        QCoreApplication::installTranslator(&m_appTranslator);
    const QString qtName = u"qtbase_"_s + effective;
    if (m_qtTranslator.load(qtName, u":/i18n"_s)
        || m_qtTranslator.load(qtName, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtTranslator);
    QLocale::setDefault(QLocale(effective));
    emit languageChanged(effective);
}

} // namespace nianbao

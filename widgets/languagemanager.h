// SPDX-FileCopyrightText: 2026 Nianbao contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTranslator>

namespace nianbao {

/**
 * Installs the window's translation (compiled into the binary under :/i18n) and Qt's own, and
 * switches them at run time; every widget then gets QEvent::LanguageChange.
 */
class LanguageManager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanguageManager)

public:
    explicit LanguageManager(QObject *parent = nullptr);

    /** "zh_CN", "en", or empty for the system's language. */
    void setLanguage(const QString &language);
    QString language() const { return m_language; }
    /** The language in effect: the chosen one, or the system's. */
    QString effectiveLanguage() const;
    static QStringList languages();

signals:
    void languageChanged(const QString &language);

private:
    QString m_language;
    QTranslator m_appTranslator;
    QTranslator m_qtTranslator;
};

} // namespace nianbao

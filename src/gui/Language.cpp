#include "Language.h"

#include "Log.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>

namespace mq::gui {

Language::Language(QObject *parent)
    : QObject(parent)
{}

QString Language::nativeName(const QString &code)
{
    if (code == QLatin1String("zh_CN"))
        return QStringLiteral("简体中文");
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    return code;
}

QString Language::resolve(const QString &code)
{
    if (available().contains(code))
        return code;
    const QLocale system;
    if (system.language() == QLocale::Chinese && system.script() != QLocale::TraditionalChineseScript)
        return QStringLiteral("zh_CN");
    return QStringLiteral("en");
}

bool Language::apply(const QString &code)
{
    const QString resolved = resolve(code);
    if (resolved == m_current)
        return true;
    QCoreApplication::removeTranslator(&m_app);
    QCoreApplication::removeTranslator(&m_qt);
    // English is the source language; its catalogue only adds plural forms ("1 byte", "2 bytes").
    const bool ok = m_app.load(QStringLiteral(":/i18n/mqdesk_%1.qm").arg(resolved));
    if (ok)
        QCoreApplication::installTranslator(&m_app);
    else if (resolved != QLatin1String("en"))
        qCWarning(lcGui) << "no translation for" << resolved;
    if (resolved != QLatin1String("en") &&
        m_qt.load(QStringLiteral("qtbase_%1").arg(resolved), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qt);
    m_current = ok || resolved == QLatin1String("en") ? resolved : QStringLiteral("en");
    QLocale::setDefault(QLocale(m_current));
    return ok || resolved == QLatin1String("en");
}

} // namespace mq::gui

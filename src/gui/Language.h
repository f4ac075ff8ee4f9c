#pragma once

#include <QObject>
#include <QStringList>
#include <QTranslator>

namespace mq::gui {

// Loads the UI language: mqdesk's own catalogue (embedded under :/i18n) and Qt's (standard
// dialogs, buttons). Installing a translator sends LanguageChange to every widget, and each
// panel retranslates itself, so switching needs no restart.
class Language : public QObject {
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);

    // "en", "zh_CN", or "system" (the OS locale when we have it, English otherwise).
    bool apply(const QString &code);
    QString current() const { return m_current; } // resolved code: "en" or "zh_CN"
    static QStringList available() { return {QStringLiteral("en"), QStringLiteral("zh_CN")}; }
    static QString nativeName(const QString &code); // shown untranslated, so users can find their own
    static QString resolve(const QString &code);

private:
    QTranslator m_app;
    QTranslator m_qt;
    QString m_current;
};

} // namespace mq::gui

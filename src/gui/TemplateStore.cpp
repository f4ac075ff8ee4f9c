#include "TemplateStore.h"

#include <QJsonDocument>
#include <QSettings>

namespace mq::gui {

namespace {
// Profile names are free text; keep QSettings' '/' and '\\' out of the key.
QString keyFor(const QString &profile)
{
    return QStringLiteral("templates/") + QString::fromLatin1(profile.toUtf8().toBase64(QByteArray::Base64UrlEncoding));
}
} // namespace

QMap<QString, MessageDraft> TemplateStore::load(const QString &profile) const
{
    QMap<QString, MessageDraft> out;
    const QJsonObject all = QJsonDocument::fromJson(m_settings.value(keyFor(profile)).toByteArray()).object();
    for (auto it = all.begin(); it != all.end(); ++it)
        out.insert(it.key(), MessageDraft::fromJson(it.value().toObject()));
    return out;
}

void TemplateStore::save(const QString &profile, const QString &name, const MessageDraft &draft)
{
    QJsonObject all = QJsonDocument::fromJson(m_settings.value(keyFor(profile)).toByteArray()).object();
    all.insert(name, draft.toJson());
    m_settings.setValue(keyFor(profile), QJsonDocument(all).toJson(QJsonDocument::Compact));
}

void TemplateStore::remove(const QString &profile, const QString &name)
{
    QJsonObject all = QJsonDocument::fromJson(m_settings.value(keyFor(profile)).toByteArray()).object();
    all.remove(name);
    m_settings.setValue(keyFor(profile), QJsonDocument(all).toJson(QJsonDocument::Compact));
}

} // namespace mq::gui

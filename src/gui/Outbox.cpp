#include "Outbox.h"

#include "Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>
#include <QUuid>

namespace mq::gui {

namespace {
QJsonObject toJson(const Outbox::Entry &e)
{
    QJsonArray props;
    for (const auto &[k, v] : e.message.properties.entries())
        props.append(QJsonArray{k, v});
    return QJsonObject{
        {QStringLiteral("id"), e.id},
        {QStringLiteral("profile"), e.profile},
        {QStringLiteral("topic"), e.message.topic},
        {QStringLiteral("flag"), e.message.flag},
        {QStringLiteral("properties"), props},
        {QStringLiteral("body"), QString::fromLatin1(e.message.body.toBase64())},
        {QStringLiteral("lastError"), e.lastError},
        {QStringLiteral("attempts"), e.attempts},
        {QStringLiteral("failedAt"), e.failedAt.toString(Qt::ISODateWithMs)},
    };
}

Outbox::Entry fromJson(const QJsonObject &o)
{
    Outbox::Entry e;
    e.id = o.value(QStringLiteral("id")).toString();
    e.profile = o.value(QStringLiteral("profile")).toString();
    e.message.topic = o.value(QStringLiteral("topic")).toString();
    e.message.flag = o.value(QStringLiteral("flag")).toInt();
    for (const QJsonValue &p : o.value(QStringLiteral("properties")).toArray())
        e.message.properties.insert(p.toArray().at(0).toString(), p.toArray().at(1).toString());
    e.message.body = QByteArray::fromBase64(o.value(QStringLiteral("body")).toString().toLatin1());
    e.lastError = o.value(QStringLiteral("lastError")).toString();
    e.attempts = o.value(QStringLiteral("attempts")).toInt(1);
    e.failedAt = QDateTime::fromString(o.value(QStringLiteral("failedAt")).toString(), Qt::ISODateWithMs);
    return e;
}
} // namespace

Outbox::Outbox(QString path, QObject *parent)
    : QAbstractTableModel(parent)
    , m_path(path.isEmpty()
                 ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/outbox.json")
                 : std::move(path))
{
    load();
}

void Outbox::load()
{
    QFile file(m_path);
    if (!file.exists())
        return;
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = tr("Cannot read the outbox %1: %2").arg(m_path, file.errorString());
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isArray()) {
        m_loadError = tr("The outbox %1 is damaged (%2); it was left untouched and a new one is used.")
                          .arg(m_path, error.errorString());
        file.close();
        QFile::rename(m_path, m_path + QStringLiteral(".damaged"));
        return;
    }
    for (const QJsonValue &v : doc.array()) {
        Entry e = fromJson(v.toObject());
        if (!e.id.isEmpty() && !e.message.topic.isEmpty())
            m_entries.append(std::move(e));
    }
}

void Outbox::save()
{
    QDir().mkpath(QFileInfo(m_path).absolutePath());
    QJsonArray array;
    for (const Entry &e : std::as_const(m_entries))
        array.append(toJson(e));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(array).toJson()) < 0 || !file.commit())
        qCWarning(lcComposer) << "cannot save the outbox" << m_path << file.errorString();
}

QString Outbox::add(const QString &profile, const Message &message, const QString &error)
{
    Entry e{
        QUuid::createUuid().toString(QUuid::WithoutBraces), profile, message, error, 1, QDateTime::currentDateTime()};
    beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
    m_entries.append(e);
    endInsertRows();
    save();
    return e.id;
}

int Outbox::indexOf(const QString &id) const
{
    for (int i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).id == id)
            return i;
    }
    return -1;
}

void Outbox::recordFailure(const QString &id, const QString &error)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    Entry &e = m_entries[row];
    e.lastError = error;
    e.attempts++;
    e.failedAt = QDateTime::currentDateTime();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    save();
}

void Outbox::remove(const QString &id)
{
    const int row = indexOf(id);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    save();
}

int Outbox::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int Outbox::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant Outbox::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == Qt::ToolTipRole && index.column() == LastError)
        return e.lastError;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case FailedAt: return e.failedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case Profile: return e.profile;
    case Topic: return e.message.topic;
    case Keys: return e.message.keys().join(QLatin1Char(' '));
    case Attempts: return e.attempts;
    case LastError: return e.lastError;
    default: return {};
    }
}

QVariant Outbox::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case FailedAt: return tr("Failed at");
    case Profile: return tr("Profile");
    case Topic: return tr("Topic");
    case Keys: return tr("Keys");
    case Attempts: return tr("Attempts");
    case LastError: return tr("Last error");
    default: return {};
    }
}

} // namespace mq::gui

#include "ConsumerOffsets.h"

#include "JsonFile.h"

namespace mq::sandbox {

using json::Value;

void ConsumerOffsets::load()
{
    if (m_path.isEmpty())
        return;
    const auto doc = readJsonFile(m_path);
    if (!doc)
        return;
    for (const auto &[k, queues] : (*doc)["offsetTable"].members()) {
        const QString name = k.toString();
        if (!name.contains(u'@'))
            continue;
        if (!m_table.contains(name))
            m_order.append(name);
        auto &map = m_table[name];
        for (const auto &[q, offset] : queues.members())
            map.insert(int(q.toInt()), offset.toInt());
    }
}

void ConsumerOffsets::flush()
{
    if (!m_dirty || m_path.isEmpty())
        return;
    Value table = Value::object();
    for (const auto &name : m_order) {
        Value queues = Value::object();
        const auto &map = m_table.value(name);
        for (auto it = map.begin(); it != map.end(); ++it)
            queues.members().append({Value::number(qint64(it.key())), Value::number(it.value())});
        table.insert(name, queues);
    }
    Value doc = Value::object();
    doc.insert(QStringLiteral("offsetTable"), table);
    QString error;
    if (writeJsonFile(m_path, doc, &error))
        m_dirty = false;
    else
        qWarning("sandbox: %s", qPrintable(error));
}

void ConsumerOffsets::commit(const QString &group, const QString &topic, int queueId, qint64 offset)
{
    const QString k = key(group, topic);
    if (!m_table.contains(k))
        m_order.append(k);
    auto &map = m_table[k];
    auto it = map.find(queueId);
    if (it != map.end() && *it == offset)
        return;
    map.insert(queueId, offset);
    m_dirty = true;
}

qint64 ConsumerOffsets::query(const QString &group, const QString &topic, int queueId) const
{
    const auto it = m_table.find(key(group, topic));
    if (it == m_table.end())
        return -1;
    return it->value(queueId, -1);
}

QStringList ConsumerOffsets::topicsOf(const QString &group) const
{
    QStringList topics;
    const QString suffix = u'@' + group;
    for (const auto &name : m_order)
        if (name.endsWith(suffix))
            topics.append(name.left(name.size() - suffix.size()));
    return topics;
}

} // namespace mq::sandbox

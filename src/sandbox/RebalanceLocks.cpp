#include "RebalanceLocks.h"

namespace mq::sandbox {

QList<MessageQueue> RebalanceLocks::lock(const QString &group, const QString &clientId,
                                         const QList<MessageQueue> &wanted, qint64 nowMs)
{
    auto &table = m_locks[group];
    QList<MessageQueue> granted;
    for (const MessageQueue &mq : wanted) {
        auto it = table.find(mq);
        if (it == table.end() || it->clientId == clientId || nowMs - it->lastUpdate > kLockMaxLiveMs) {
            table.insert(mq, Holder{clientId, nowMs});
            granted.append(mq);
        }
    }
    return granted;
}

void RebalanceLocks::unlock(const QString &group, const QString &clientId, const QList<MessageQueue> &queues)
{
    auto table = m_locks.find(group);
    if (table == m_locks.end())
        return;
    for (const MessageQueue &mq : queues) {
        auto it = table->find(mq);
        if (it != table->end() && it->clientId == clientId)
            table->erase(it);
    }
}

} // namespace mq::sandbox

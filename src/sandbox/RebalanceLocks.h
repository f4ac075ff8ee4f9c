#pragma once

#include "Message.h"

#include <QHash>
#include <QList>
#include <QString>

namespace mq::sandbox {

// RebalanceLockManager: orderly consumers lock the queues they consume. A lock belongs to one
// client of the group and lapses 60 s after its last renewal.
class RebalanceLocks {
public:
    static constexpr qint64 kLockMaxLiveMs = 60000;

    // The queues of `wanted` now held by `clientId` (renewed or newly taken).
    QList<MessageQueue> lock(const QString &group, const QString &clientId, const QList<MessageQueue> &wanted,
                             qint64 nowMs);
    void unlock(const QString &group, const QString &clientId, const QList<MessageQueue> &queues);

private:
    struct Holder {
        QString clientId;
        qint64 lastUpdate = 0;
    };
    QHash<QString, QHash<MessageQueue, Holder>> m_locks; // group -> queue -> holder
};

} // namespace mq::sandbox

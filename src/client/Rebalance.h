#pragma once

#include "Message.h"

#include <QList>
#include <QStringList>

namespace mq::rebalance {

// AllocateMessageQueueAveragely.allocate: the contiguous block of `mqAll` that belongs to
// `currentCid`, the first (queues % consumers) consumers taking one queue more. Both lists
// must already be in the order every consumer of the group sees them (see allocateSorted).
// A consumer id missing from `cidAll` gets nothing.
QList<MessageQueue> allocateAveragely(const QString &currentCid, const QList<MessageQueue> &mqAll,
                                      const QStringList &cidAll);

// What RebalanceImpl.rebalanceByTopic does before allocating: sorts the queues (topic, broker
// name, queue id) and the consumer ids (String.compareTo), so every instance computes the same
// split without talking to the others.
QList<MessageQueue> allocateSorted(const QString &currentCid, QList<MessageQueue> mqAll, QStringList cidAll);

} // namespace mq::rebalance

#include "Rebalance.h"

#include <algorithm>

namespace mq::rebalance {

QList<MessageQueue> allocateAveragely(const QString &currentCid, const QList<MessageQueue> &mqAll,
                                      const QStringList &cidAll)
{
    QList<MessageQueue> result;
    const qsizetype index = cidAll.indexOf(currentCid);
    if (currentCid.isEmpty() || mqAll.isEmpty() || index < 0)
        return result;
    const qsizetype queues = mqAll.size();
    const qsizetype consumers = cidAll.size();
    const qsizetype mod = queues % consumers;
    const bool takesOneMore = mod > 0 && index < mod;
    const qsizetype averageSize = queues <= consumers ? 1 : queues / consumers + (takesOneMore ? 1 : 0);
    const qsizetype startIndex = takesOneMore ? index * averageSize : index * averageSize + mod;
    const qsizetype range = std::min(averageSize, queues - startIndex);
    for (qsizetype i = 0; i < range; ++i)
        result.append(mqAll.at((startIndex + i) % queues));
    return result;
}

QList<MessageQueue> allocateSorted(const QString &currentCid, QList<MessageQueue> mqAll, QStringList cidAll)
{
    std::sort(mqAll.begin(), mqAll.end());
    mqAll.erase(std::unique(mqAll.begin(), mqAll.end()), mqAll.end());
    std::sort(cidAll.begin(), cidAll.end()); // QString operator<: UTF-16 code units, like String.compareTo
    return allocateAveragely(currentCid, mqAll, cidAll);
}

} // namespace mq::rebalance

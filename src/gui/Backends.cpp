#include "Backends.h"

namespace mq::gui {

qint64 ConsumerProgress::totalLag() const
{
    qint64 total = 0;
    for (const QueueProgress &q : queues)
        total += q.lag();
    return total;
}

} // namespace mq::gui

#include "ConsumerTypes.h"

#include "ConsumerData.h"

namespace mq {

QString consumeModeWireName(ConsumeMode mode)
{
    return mode == ConsumeMode::Broadcasting ? MessageModel::Broadcasting : MessageModel::Clustering;
}

QString consumeStartWireName(ConsumeStart from)
{
    switch (from) {
    case ConsumeStart::FirstOffset: return ConsumeFromWhere::FirstOffset;
    case ConsumeStart::Timestamp: return ConsumeFromWhere::Timestamp;
    case ConsumeStart::LastOffset: break;
    }
    return ConsumeFromWhere::LastOffset;
}

} // namespace mq

#include "SendResult.h"

namespace mq {

QString sendStatusName(SendStatus status)
{
    switch (status) {
    case SendStatus::SendOk: return QStringLiteral("SEND_OK");
    case SendStatus::FlushDiskTimeout: return QStringLiteral("FLUSH_DISK_TIMEOUT");
    case SendStatus::FlushSlaveTimeout: return QStringLiteral("FLUSH_SLAVE_TIMEOUT");
    case SendStatus::SlaveNotAvailable: return QStringLiteral("SLAVE_NOT_AVAILABLE");
    }
    return QStringLiteral("UNKNOWN");
}

} // namespace mq

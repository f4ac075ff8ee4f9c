#pragma once

#include "RemotingCommand.h"

#include <QString>

namespace mq {

// Called around every request a Connection sends (RocketMQ's RPCHook): the place for ACL
// signing, tracing or logging. beforeRequest runs after the opaque is assigned and before
// the frame is encoded; afterResponse runs before the waiting caller sees the response.
class RpcHook {
public:
    virtual ~RpcHook() = default;
    virtual void beforeRequest(const QString &address, RemotingCommand &request) = 0;
    virtual void afterResponse(const QString &address, const RemotingCommand &request, RemotingCommand &response)
    {
        Q_UNUSED(address);
        Q_UNUSED(request);
        Q_UNUSED(response);
    }
};

} // namespace mq

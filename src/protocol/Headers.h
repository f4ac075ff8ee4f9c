#pragma once

// Typed request/response headers, each converting to and from extFields with the exact field
// names the Java classes use (org.apache.rocketmq.common.protocol.header.*), in the order
// Java's HashMap puts them on the wire.
#include "HeadersAdmin.h"
#include "HeadersPull.h"
#include "HeadersQuery.h"
#include "HeadersSend.h"

namespace mq {

// Decodes the header of a whole command, treating absent extFields as empty.
template <typename Header> Result<Header> decodeHeader(const RemotingCommand &cmd)
{
    return Header::fromExtFields(cmd.extFields.value_or(ExtFields()));
}

} // namespace mq

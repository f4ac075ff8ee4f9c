#pragma once

#include "RemotingCommand.h"
#include "fixtures.h"

#include <QList>

// Request/response pairs of the recorded conversation, matched by connection and opaque
// (so tests find e.g. "every pull response" without hard-coding sequence numbers).
namespace fixtures {

struct Exchange {
    int requestSeq = 0;
    int responseSeq = 0;
    mq::RemotingCommand request;
    mq::RemotingCommand response;
};

// Every answered request with the given code, in recording order.
QList<Exchange> exchanges(int requestCode);
// Successful (code 0) answers that carry a body.
QList<Exchange> successfulWithBody(int requestCode);

} // namespace fixtures

// frame::decodeHeader with the JSON serialization (fastjson RemotingCommand header).
#include "HeaderRoundTrip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::checkHeader(data, size, mq::SerializeType::Json);
    return 0;
}

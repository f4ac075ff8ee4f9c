// frame::decodeHeader with the ROCKETMQ binary serialization (RocketMQSerializable layout).
#include "HeaderRoundTrip.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz::checkHeader(data, size, mq::SerializeType::RocketMq);
    return 0;
}

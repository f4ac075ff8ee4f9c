// The JSON body parsers (route data, cluster info, topic lists, consume stats, running info,
// reset offsets, heartbeats, consumer lists and connections), each tried on every input.
// What parses must write JSON that parses again and writes the same bytes; the Java-order
// sorts and queue derivations must cope with whatever parsed.
#include "FuzzCheck.h"

#include "AdminData.h"
#include "ConsumerData.h"
#include "RouteData.h"

namespace {

template <typename T, typename... Style> void roundTrip(const QByteArray &input, Style... style)
{
    auto parsed = T::parse(input);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.isEmpty());
        return;
    }
    const QByteArray text = parsed->toJson(style...);
    auto again = T::parse(text);
    FUZZ_CHECK(again.ok(),
               (again.ok() ? QString() : again.error().message) + QStringLiteral(" in ") + QString::fromUtf8(text));
    const QByteArray text2 = again->toJson(style...);
    FUZZ_CHECK(fuzz::writtenNormalized(text2) == fuzz::writtenNormalized(text),
               QString::fromUtf8(text) + QStringLiteral("\n  vs\n  ") + QString::fromUtf8(text2));
    if constexpr (requires(T t) { t.sortLikeJava(); }) {
        T sorted = *parsed;
        sorted.sortLikeJava();
        (void)sorted.toJson(style...);
    }
    if constexpr (std::is_same_v<T, mq::TopicRouteData>) {
        for (const auto &q : parsed->writableQueues(QStringLiteral("t")))
            FUZZ_CHECK(parsed->masterAddress(q.brokerName).has_value());
        (void)parsed->readableQueues(QStringLiteral("t"));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    roundTrip<mq::TopicRouteData>(input, mq::JsonStyle::Standard);
    roundTrip<mq::TopicRouteData>(input, mq::JsonStyle::Fastjson);
    roundTrip<mq::ClusterInfo>(input);
    roundTrip<mq::TopicList>(input);
    roundTrip<mq::ConsumeStats>(input);
    roundTrip<mq::ConsumerRunningInfo>(input);
    roundTrip<mq::ResetOffsetBody>(input);
    roundTrip<mq::HeartbeatData>(input);
    roundTrip<mq::ConsumerIdList>(input);
    roundTrip<mq::ConsumerConnection>(input);
    return 0;
}

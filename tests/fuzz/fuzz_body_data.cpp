// The JSON body parsers (route data, cluster info, topic lists, consume stats, running info,
// reset offsets, heartbeats, consumer lists and connections); the first byte picks one.
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
    FUZZ_CHECK(text2 == text, QString::fromUtf8(text) + QStringLiteral("\n  vs\n  ") + QString::fromUtf8(text2));
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
    if (size < 1)
        return 0;
    const QByteArray input = fuzz::bytes(data + 1, size - 1);
    switch (data[0] % fuzz::kBodyParsers) {
    case 0: roundTrip<mq::TopicRouteData>(input, mq::JsonStyle::Standard); break;
    case 1: roundTrip<mq::TopicRouteData>(input, mq::JsonStyle::Fastjson); break;
    case 2: roundTrip<mq::ClusterInfo>(input); break;
    case 3: roundTrip<mq::TopicList>(input); break;
    case 4: roundTrip<mq::ConsumeStats>(input); break;
    case 5: roundTrip<mq::ConsumerRunningInfo>(input); break;
    case 6: roundTrip<mq::ResetOffsetBody>(input); break;
    case 7: roundTrip<mq::HeartbeatData>(input); break;
    case 8: roundTrip<mq::ConsumerIdList>(input); break;
    case 9: roundTrip<mq::ConsumerConnection>(input); break;
    }
    return 0;
}

// json::parse, fastjson dialect. A value that parses must write to text that parses to an
// equal value, and that text is a fixed point of write(parse(.)).
#include "FuzzCheck.h"

#include "FastJson.h"

namespace {

// Equality after UTF-8 normalisation of every string (lone surrogates from \u escapes
// cannot survive a UTF-8 writer) and numbers compared as written.
bool sameValue(const mq::json::Value &a, const mq::json::Value &b)
{
    using T = mq::json::Value::Type;
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case T::String: return fuzz::utf8Normalized(a.toString()) == fuzz::utf8Normalized(b.toString());
    case T::Number: return a.numberLiteral() == b.numberLiteral();
    case T::Array: {
        if (a.items().size() != b.items().size())
            return false;
        for (qsizetype i = 0; i < a.items().size(); ++i)
            if (!sameValue(a.items()[i], b.items()[i]))
                return false;
        return true;
    }
    case T::Object: {
        if (a.members().size() != b.members().size())
            return false;
        for (qsizetype i = 0; i < a.members().size(); ++i)
            if (!sameValue(a.members()[i].first, b.members()[i].first) ||
                !sameValue(a.members()[i].second, b.members()[i].second))
                return false;
        return true;
    }
    default: return a == b;
    }
}

// Every scalar accessor the body parsers use, on every value in the tree.
void touchAll(const mq::json::Value &v)
{
    (void)v.toInt();
    (void)v.toDouble();
    (void)v.toBool();
    (void)v.toString();
    for (const auto &item : v.items())
        touchAll(item);
    for (const auto &[key, value] : v.members()) {
        touchAll(key);
        touchAll(value);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    auto parsed = mq::json::parse(input);
    if (!parsed) {
        FUZZ_CHECK(!parsed.error().message.isEmpty());
        return 0;
    }
    touchAll(*parsed);
    const QByteArray text = mq::json::write(*parsed);
    auto again = mq::json::parse(text);
    FUZZ_CHECK(again.ok(),
               again.ok() ? QString() : again.error().message + QStringLiteral(" in ") + QString::fromUtf8(text));
    FUZZ_CHECK(sameValue(*parsed, *again), QString::fromUtf8(text));
    FUZZ_CHECK(mq::json::write(*again) == text);
    return 0;
}

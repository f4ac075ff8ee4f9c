#pragma once

// Helpers shared by the fuzz targets. Each target is a plain libFuzzer entry point
// (LLVMFuzzerTestOneInput); fuzz_replay renames it per source file so one binary holds all.

#include "RemotingCommand.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

constexpr int kBodyParsers = 10; // fuzz_body_data: parsers selected by the input's first byte

// An invariant violation is a finding: report it and abort so libFuzzer (or the replay
// driver's signal handler) saves the input.
[[noreturn]] inline void fail(const char *file, int line, const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "FUZZ INVARIANT VIOLATED at %s:%d: %s\n", file, line, what);
    if (!detail.isEmpty())
        std::fprintf(stderr, "  %s\n", detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(cond, ...)                                                                                          \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::fuzz::fail(__FILE__, __LINE__, #cond __VA_OPT__(, ) __VA_ARGS__);                                        \
    } while (0)

// The input without a copy; valid for the duration of the call only.
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
}

// UTF-16 -> UTF-8 -> UTF-16. Strings that arrive through \uD800-style escapes may hold lone
// surrogates, which no UTF-8 writer can keep; comparisons after a write/read trip use this.
inline QString utf8Normalized(const QString &s)
{
    return QString::fromUtf8(s.toUtf8());
}

inline bool sameFields(const std::optional<mq::ExtFields> &a, const std::optional<mq::ExtFields> &b)
{
    if (a.has_value() != b.has_value())
        return false;
    if (!a)
        return true;
    if (a->size() != b->size())
        return false;
    for (qsizetype i = 0; i < a->size(); ++i) {
        const auto &x = a->entries().at(i);
        const auto &y = b->entries().at(i);
        if (utf8Normalized(x.first) != utf8Normalized(y.first) || utf8Normalized(x.second) != utf8Normalized(y.second))
            return false;
    }
    return true;
}

// Field-by-field equality of two commands; returns the first difference or an empty string.
inline QString commandDifference(const mq::RemotingCommand &a, const mq::RemotingCommand &b)
{
    if (a.code != b.code)
        return QStringLiteral("code %1 vs %2").arg(a.code).arg(b.code);
    if (a.language != b.language)
        return QStringLiteral("language %1 vs %2").arg(int(a.language)).arg(int(b.language));
    if (a.version != b.version)
        return QStringLiteral("version %1 vs %2").arg(a.version).arg(b.version);
    if (a.opaque != b.opaque)
        return QStringLiteral("opaque %1 vs %2").arg(a.opaque).arg(b.opaque);
    if (a.flag != b.flag)
        return QStringLiteral("flag %1 vs %2").arg(a.flag).arg(b.flag);
    if (a.remark.has_value() != b.remark.has_value() ||
        (a.remark && utf8Normalized(*a.remark) != utf8Normalized(*b.remark)))
        return QStringLiteral("remark '%1' vs '%2'")
            .arg(a.remark.value_or(QStringLiteral("<none>")), b.remark.value_or(QStringLiteral("<none>")));
    if (!sameFields(a.extFields, b.extFields))
        return QStringLiteral("extFields differ (%1 vs %2 entries)")
            .arg(a.extFields ? a.extFields->size() : -1)
            .arg(b.extFields ? b.extFields->size() : -1);
    if (a.serializeType != b.serializeType)
        return QStringLiteral("serializeType differs");
    if (a.body != b.body)
        return QStringLiteral("body differs (%1 vs %2 bytes)").arg(a.body.size()).arg(b.body.size());
    return {};
}

} // namespace fuzz

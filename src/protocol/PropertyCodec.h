#pragma once

#include "Message.h"

#include <QString>
#include <QStringView>

namespace mq {

// The message properties string: `name\u0001value` pairs joined by \u0002.
namespace propsep {
constexpr char16_t NameValue = 0x0001;
constexpr char16_t Property = 0x0002;
} // namespace propsep

// As RocketMQ 4.9.8's MessageDecoder.messageProperties2String writes it: pairs in the given
// order, separated by \u0002, with NO trailing separator after the last pair (the recorded
// SEND_MESSAGE_V2 frames' extField "i" ends in "TAGS\u0001TagA"). Entries with an empty
// name are skipped; empty values are written (and, as in Java, dropped again on decode).
QString encodeProperties(const Properties &properties);

// Tolerant of what any RocketMQ version writes: a trailing \u0002 (5.x), repeated keys
// (the last value wins, at the first key's position, like Java's HashMap.put), items without
// \u0001 or with an empty name or value (skipped, as Java does). A value may contain \u0001.
Properties decodeProperties(QStringView text);

} // namespace mq

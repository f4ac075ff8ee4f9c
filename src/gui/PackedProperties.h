#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <array>

namespace mq::gui::packed {

// A lossless, compact form of a message's properties string (UTF-8 `name\x01value` items joined
// by \x02) for rows the live feed keeps by the hundred thousand (issue #9). Each item becomes:
//   one byte: (name code << 2) | kind, where name code 0 means "literal name follows" and
//             1.. index RocketMQ's well-known names (MessageConst);
//   the name, when literal: length (LEB128) + bytes;
//   kind Text: length + bytes; kind Hex: the value was upper-case hex digits (UNIQ_KEY,
//   ORIGIN_MESSAGE_ID), stored as length + half as many binary bytes; kind Shared: the value of
//   a name with few distinct values (CLUSTER, TAGS, WAIT...) as an index into a ValueTable;
//   kind Bare: the item had no \x01 (the literal "name" is the whole item).
// unpack(pack(s)) == s for every byte string s, given the same table.

// Values stored once for every row that has them; bounded, so hostile input cannot grow it.
class ValueTable {
public:
    static constexpr int MaxValues = 4096;
    static constexpr qsizetype MaxValueSize = 64;
    int indexOf(QByteArrayView value); // adds it; -1 when it does not qualify or the table is full
    QByteArrayView at(int index) const
    {
        return index >= 0 && index < m_values.size() ? QByteArrayView(m_values[index]) : QByteArrayView();
    }
    int size() const { return int(m_values.size()); }
    void clear();

private:
    QList<QByteArray> m_values;
    QHash<QByteArray, int> m_index;
};

void pack(QByteArrayView properties, ValueTable &table, QByteArray &out); // appends to out
QByteArray unpack(QByteArrayView packed, const ValueTable &table);

// Calls visit(name, value) for each name/value item in order (items without \x01 are skipped).
// Hex values are rendered into a buffer on the stack: nothing is allocated.
template <typename Visit> void forEachPair(QByteArrayView packed, const ValueTable &table, Visit &&visit);

// The value of `name` (the last one wins, as decodeProperties does); null when absent.
QByteArray value(QByteArrayView packed, const ValueTable &table, QByteArrayView name);

// --- implementation details used by the template ---
namespace detail {
enum Kind : quint8 { Text = 0, Hex = 1, Bare = 2, Shared = 3 };
constexpr int MaxHexBytes = 64;
QByteArrayView knownName(int code); // empty when code is not a known name
bool readNumber(QByteArrayView &in, qsizetype &number);
bool readLength(QByteArrayView &in, qsizetype &length); // a number no larger than what is left
void renderHex(QByteArrayView bytes, char *out);
} // namespace detail

namespace detail {
// Calls visit(name, value, hasValue) for every item in order, a Bare one with hasValue false;
// stops at the first malformed item.
template <typename Visit> void forEachItem(QByteArrayView packed, const ValueTable &table, Visit &&visit)
{
    std::array<char, 2 * MaxHexBytes> hex;
    while (!packed.isEmpty()) {
        const auto tag = quint8(packed.front());
        packed = packed.sliced(1);
        QByteArrayView name = knownName(tag >> 2);
        qsizetype length = 0;
        if (tag >> 2 == 0) {
            if (!readLength(packed, length))
                return;
            name = packed.first(length);
            packed = packed.sliced(length);
        }
        const int kind = tag & 3;
        if (kind == Bare) {
            visit(name, QByteArrayView(), false);
            continue;
        }
        if (kind == Shared) {
            qsizetype index = 0;
            if (!readNumber(packed, index) || index >= table.size())
                return;
            visit(name, table.at(int(index)), true);
            continue;
        }
        if (!readLength(packed, length) || (kind == Hex && length > MaxHexBytes))
            return;
        QByteArrayView value = packed.first(length);
        packed = packed.sliced(length);
        if (kind == Hex) {
            renderHex(value, hex.data());
            value = QByteArrayView(hex.data(), 2 * length);
        }
        visit(name, value, true);
    }
}
} // namespace detail

template <typename Visit> void forEachPair(QByteArrayView packed, const ValueTable &table, Visit &&visit)
{
    detail::forEachItem(packed, table, [&](QByteArrayView name, QByteArrayView value, bool hasValue) {
        if (hasValue)
            visit(name, value);
    });
}

} // namespace mq::gui::packed

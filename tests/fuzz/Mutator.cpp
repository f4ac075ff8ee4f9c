#include "Mutator.h"

#include <QtEndian>

namespace fuzz {

namespace {

const char kInterestingBytes[] = {'\0', '\x01', '\x02', '\x7f', '\x80', '\xff', '{', '}', '[', ']',
                                  '"',  '\'',   ':',    ',',    '\\',   '-',    '0', '9', 'e', 'F'};

// Fragments that steer JSON, fastjson and hex-id parsers into their corners.
const char *const kTokens[] = {"{",
                               "}",
                               "[",
                               "]",
                               "\"",
                               ":",
                               ",",
                               "null",
                               "true",
                               "false",
                               "\\u",
                               "\\ud800",
                               "\\u0000",
                               "1e999",
                               "-0",
                               "1.5e-7",
                               "{0:",
                               "{{\"a\":1}:",
                               "9223372036854775808",
                               "-9223372036854775809",
                               "\x01",
                               "\x02",
                               "\xef\xbb\xbf",
                               "\xc3\x28",
                               "\xf0\x9f\x98\x80",
                               "FFFFFFFF",
                               "00000000",
                               "7F000001",
                               "\"code\":",
                               "\"extFields\":{",
                               "\"remark\":"};

} // namespace

uint64_t Mutator::next()
{
    uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

QByteArray Mutator::mutate(const QByteArray &input, const QList<QByteArray> &pool, qsizetype maxSize)
{
    QByteArray data = input;
    data.detach();
    const int rounds = 1 + int(below(4));
    for (int i = 0; i < rounds; ++i)
        mutateOnce(data, pool);
    if (data.size() > maxSize)
        data.truncate(maxSize);
    return data;
}

void Mutator::corruptLength(QByteArray &data)
{
    const qsizetype n = data.size();
    const bool wide = below(3) != 0; // 32-bit lengths are the common case
    const qsizetype width = wide ? 4 : 2;
    if (n < width)
        return;
    // Frame lengths sit at 0 and 4; elsewhere anywhere, aligned or not.
    const qsizetype at = below(4) == 0 ? qsizetype(below(2) * 4) : qsizetype(below(uint64_t(n - width + 1)));
    if (at + width > n)
        return;
    const qint64 choices[] = {0,          1,
                              -1,         2,
                              4,          8,
                              0x7f,       0x80,
                              0xff,       0x7fff,
                              0x8000,     0xffff,
                              0x7fffffff, qint64(0x80000000u),
                              0x01000000, n,
                              n - 1,      n + 1,
                              n - at,     n - at - width,
                              n - 8,      qint64(below(256))};
    const qint64 v = choices[below(sizeof(choices) / sizeof(choices[0]))] + (below(8) == 0 ? qint64(below(5)) - 2 : 0);
    char *p = data.data() + at;
    if (wide) {
        qToBigEndian(quint32(v), p);
        if (below(4) == 0)
            p[0] = char(below(2)); // keep a plausible serialization type in a header-length word
    } else {
        qToBigEndian(quint16(v), p);
    }
}

void Mutator::mutateOnce(QByteArray &data, const QList<QByteArray> &pool)
{
    const qsizetype n = data.size();
    switch (below(10)) {
    case 0: // flip a bit
        if (n)
            data[below(uint64_t(n))] ^= char(1u << below(8));
        break;
    case 1: // interesting byte
        if (n)
            data[below(uint64_t(n))] = kInterestingBytes[below(sizeof(kInterestingBytes))];
        break;
    case 2: // truncate
        if (n)
            data.truncate(qsizetype(below(uint64_t(n))));
        break;
    case 3: { // erase a range
        if (!n)
            break;
        const qsizetype at = qsizetype(below(uint64_t(n)));
        data.remove(at, qsizetype(1 + below(uint64_t(qMin<qsizetype>(n - at, 64)))));
        break;
    }
    case 4: { // duplicate a range in place
        if (!n)
            break;
        const qsizetype at = qsizetype(below(uint64_t(n)));
        const QByteArray piece = data.mid(at, qsizetype(1 + below(64)));
        data.insert(qsizetype(below(uint64_t(n + 1))), piece);
        break;
    }
    case 5: { // splice with another input
        if (pool.isEmpty())
            break;
        const QByteArray &other = pool.at(qsizetype(below(uint64_t(pool.size()))));
        const qsizetype keep = qsizetype(below(uint64_t(n + 1)));
        const qsizetype from = qsizetype(below(uint64_t(other.size() + 1)));
        data = data.left(keep) + other.mid(from);
        break;
    }
    case 6:
    case 7: corruptLength(data); break;
    case 8: { // token
        const char *token = kTokens[below(sizeof(kTokens) / sizeof(kTokens[0]))];
        data.insert(qsizetype(below(uint64_t(n + 1))), token);
        break;
    }
    default: { // random bytes
        QByteArray bytes(qsizetype(1 + below(8)), Qt::Uninitialized);
        for (char &c : bytes)
            c = char(next());
        data.insert(qsizetype(below(uint64_t(n + 1))), bytes);
        break;
    }
    }
}

} // namespace fuzz

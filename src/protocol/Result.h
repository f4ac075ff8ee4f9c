#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace mq {

// What went wrong, in words a user can act on. `code` is a stable machine-readable tag.
struct Error {
    enum class Code {
        Truncated,        // more bytes are needed (incremental decoders only report this internally)
        FrameTooLarge,    // length prefix beyond the frame limit
        MalformedFrame,   // lengths that contradict each other, unknown serialization type
        MalformedHeader,  // header JSON / binary header that cannot be read
        MalformedBody,    // message body / JSON payload that cannot be read
        ChecksumMismatch, // body CRC differs from the stored CRC
        Unsupported,      // a compression type or feature this build cannot handle
        InvalidArgument,  // validation failures: topic/group names, body size, keys
        Network,          // connect/read/write failures, socket dropped
        Timeout,          // no answer in time
        Broker,           // broker answered with a non-success response code
        Resolver,         // name server resolution failed
        NotFound,         // query found nothing
        Cancelled,
    };
    Code code = Code::MalformedFrame;
    QString message;
    int brokerCode = 0; // ResponseCode when code == Broker

    QString toString() const { return message; }
};

// A value or an Error. Small stand-in for std::expected (C++23), which g++ 12 lacks in C++20 mode.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_data(std::move(value))
    {}
    Result(Error error)
        : m_data(std::move(error))
    {}

    bool ok() const { return std::holds_alternative<T>(m_data); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<T>(m_data); }
    T &value() & { return std::get<T>(m_data); }
    T &&value() && { return std::get<T>(std::move(m_data)); }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<Error>(m_data); }

private:
    std::variant<T, Error> m_data;
};

inline Error makeError(Error::Code code, QString message, int brokerCode = 0)
{
    return Error{code, std::move(message), brokerCode};
}

} // namespace mq

namespace mq {
struct Ok {};
// Success without a value.
using Status = Result<Ok>;
} // namespace mq

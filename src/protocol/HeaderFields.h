#pragma once

#include "RemotingCommand.h"
#include "Result.h"

#include <optional>

namespace mq::header {

// Reads typed fields out of extFields the way RemotingCommand.decodeCommandCustomHeader does:
// required (@CFNotNull) fields must be present, numbers must parse. The first problem is kept
// and reported by finish() naming the header and field.
class Reader {
public:
    Reader(const ExtFields &fields, const char *headerName)
        : m_fields(fields)
        , m_header(headerName)
    {}

    QString string(const char *name);
    std::optional<QString> optString(const char *name);
    qint64 int64(const char *name);
    int int32(const char *name);
    std::optional<qint64> optInt64(const char *name);
    std::optional<int> optInt32(const char *name);
    bool boolean(const char *name); // required; Boolean.parseBoolean semantics
    std::optional<bool> optBool(const char *name);

    template <typename T> Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    const ExtFields &m_fields;
    const char *m_header;
    std::optional<Error> m_error;
    std::optional<QString> raw(const char *name, bool required);
    std::optional<qint64> number(const char *name, bool required, qint64 min, qint64 max);
};

// Collects fields in the order the Java header class puts them, skipping absent optionals
// (null fields are not sent), then orders them as Java's HashMap would write them.
class Writer {
public:
    Writer &add(const char *name, const QString &v);
    Writer &add(const char *name, qint64 v);
    Writer &add(const char *name, int v) { return add(name, qint64(v)); }
    Writer &add(const char *name, bool v);
    Writer &add(const char *name, const char *v) = delete; // would silently pick the bool overload
    template <typename T> Writer &add(const char *name, const std::optional<T> &v)
    {
        if (v)
            add(name, *v);
        return *this;
    }
    ExtFields finish() const;

private:
    ExtFields m_fields;
};

} // namespace mq::header

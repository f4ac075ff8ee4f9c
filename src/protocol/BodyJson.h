#pragma once

#include "FastJson.h"
#include "Message.h"
#include "Result.h"

#include <optional>

// Shared plumbing for the JSON bodies (route data, consume stats, heartbeats...): a reader that
// reports the path of a missing or mistyped field, and writers for what fastjson prints.
namespace mq::body {

// Reads the members of one JSON object. Problems are recorded (the first one wins) so a parser
// can read every field straight through and ask for the verdict at the end.
class Reader {
public:
    Reader(const json::Value &object, QString path);

    const QString &path() const { return m_path; }
    QString pathOf(const char *key) const;
    bool failed() const { return m_error.has_value(); }

    bool has(const char *key) const; // present and not null
    QString string(const char *key);
    QString optString(const char *key, const QString &fallback = {});
    std::optional<QString> nullableString(const char *key);
    qint64 int64(const char *key);
    qint64 optInt64(const char *key, qint64 fallback = 0);
    int int32(const char *key);
    int optInt32(const char *key, int fallback = 0);
    bool boolean(const char *key);
    bool optBool(const char *key, bool fallback = false);
    double number(const char *key);
    double optNumber(const char *key, double fallback = 0);
    const json::Value &array(const char *key); // required, must be an array
    const json::Value &optArray(const char *key);
    const json::Value &object(const char *key); // required, must be an object
    const json::Value &optObject(const char *key);

    void fail(Error e);
    void fail(const QString &path, const QString &problem);
    // Keeps a nested parser's value, or its error.
    template <typename T> bool take(Result<T> &&r, T &out)
    {
        if (!r) {
            fail(r.error());
            return false;
        }
        out = std::move(r).value();
        return true;
    }
    template <typename T> Result<T> finish(T value) const
    {
        if (m_error)
            return *m_error;
        return value;
    }

private:
    const json::Value &m_object;
    QString m_path;
    std::optional<Error> m_error;
    const json::Value *member(const char *key, bool required);
};

Error malformed(const QString &path, const QString &problem);
// Parses a whole body as an object, naming the body type in the error.
Result<json::Value> parseObject(const QByteArray &bytes, const char *typeName);
QString typeName(const json::Value &v); // "a string", "an array", ...

// Scalars read from arbitrary positions (array items, map keys and values).
std::optional<qint64> toInt64(const json::Value &v); // integer numbers and numeric strings

// fastjson writes a MessageQueue as a bean: {"brokerName":..,"queueId":..,"topic":..}.
json::Value messageQueueJson(const MessageQueue &q);
Result<MessageQueue> messageQueueFromJson(const json::Value &v, const QString &path);

// java.lang.Double.toString, which fastjson uses: "0.0", "2.0", "0.7", "1.0E7", "1.0E-4".
QByteArray javaDouble(double d);
json::Value doubleJson(double d);
json::Value stringList(const QStringList &items);
// Appends a member (writers emit members in fastjson's alphabetical bean order themselves).
void put(json::Value &object, const char *key, json::Value v);
Result<QStringList> stringArray(const json::Value &v, const QString &path);

} // namespace mq::body

#include "BodyJson.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace mq::body {

Error malformed(const QString &path, const QString &problem)
{
    return makeError(Error::Code::MalformedBody, QStringLiteral("%1: %2").arg(path, problem));
}

QString typeName(const json::Value &v)
{
    switch (v.type()) {
    case json::Value::Type::Null: return QStringLiteral("null");
    case json::Value::Type::Bool: return QStringLiteral("a boolean");
    case json::Value::Type::Number: return QStringLiteral("a number");
    case json::Value::Type::String: return QStringLiteral("a string");
    case json::Value::Type::Array: return QStringLiteral("an array");
    case json::Value::Type::Object: return QStringLiteral("an object");
    }
    return {};
}

Result<json::Value> parseObject(const QByteArray &bytes, const char *type)
{
    const QString name = QLatin1StringView(type);
    if (bytes.trimmed().isEmpty())
        return malformed(name, QStringLiteral("empty body"));
    auto parsed = json::parse(bytes);
    if (!parsed)
        return malformed(name, parsed.error().message);
    if (!parsed->isObject())
        return malformed(name, QStringLiteral("expected a JSON object, got %1").arg(typeName(*parsed)));
    return parsed;
}

std::optional<qint64> toInt64(const json::Value &v)
{
    bool ok = false;
    qint64 n = 0;
    if (v.isNumber())
        n = v.numberLiteral().toLongLong(&ok);
    else if (v.isString()) // fastjson coerces numeric strings
        n = v.toString().trimmed().toLongLong(&ok);
    return ok ? std::optional<qint64>(n) : std::nullopt;
}

Reader::Reader(const json::Value &object, QString path)
    : m_object(object)
    , m_path(std::move(path))
{
    if (!object.isObject())
        m_error = malformed(m_path, QStringLiteral("expected an object, got %1").arg(typeName(object)));
}

QString Reader::pathOf(const char *key) const
{
    return m_path + QLatin1Char('.') + QLatin1StringView(key);
}

void Reader::fail(Error e)
{
    if (!m_error)
        m_error = std::move(e);
}

void Reader::fail(const QString &path, const QString &problem)
{
    fail(malformed(path, problem));
}

bool Reader::has(const char *key) const
{
    return !m_object[key].isNull();
}

const json::Value *Reader::member(const char *key, bool required)
{
    const json::Value &v = m_object[key];
    if (v.isNull()) {
        if (required)
            fail(pathOf(key), QStringLiteral("missing required field"));
        return nullptr;
    }
    return &v;
}

QString Reader::string(const char *key)
{
    const json::Value *v = member(key, true);
    if (v && !v->isString()) {
        fail(pathOf(key), QStringLiteral("expected a string, got %1").arg(typeName(*v)));
        return {};
    }
    return v ? v->toString() : QString();
}

QString Reader::optString(const char *key, const QString &fallback)
{
    return nullableString(key).value_or(fallback);
}

std::optional<QString> Reader::nullableString(const char *key)
{
    const json::Value *v = member(key, false);
    if (!v)
        return std::nullopt;
    if (!v->isString()) {
        fail(pathOf(key), QStringLiteral("expected a string, got %1").arg(typeName(*v)));
        return std::nullopt;
    }
    return v->toString();
}

qint64 Reader::optInt64(const char *key, qint64 fallback)
{
    const json::Value *v = member(key, false);
    if (!v)
        return fallback;
    const auto n = toInt64(*v);
    if (!n) {
        fail(pathOf(key), QStringLiteral("expected an integer, got %1").arg(typeName(*v)));
        return fallback;
    }
    return *n;
}

qint64 Reader::int64(const char *key)
{
    if (!member(key, true))
        return 0;
    return optInt64(key, 0);
}

int Reader::optInt32(const char *key, int fallback)
{
    const qint64 n = optInt64(key, fallback);
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
        fail(pathOf(key), QStringLiteral("integer %1 out of int range").arg(n));
        return fallback;
    }
    return int(n);
}

int Reader::int32(const char *key)
{
    if (!member(key, true))
        return 0;
    return optInt32(key, 0);
}

bool Reader::optBool(const char *key, bool fallback)
{
    const json::Value *v = member(key, false);
    if (!v)
        return fallback;
    if (v->isBool())
        return v->toBool();
    if (v->isString() && (v->toString() == u"true" || v->toString() == u"false"))
        return v->toString() == u"true";
    fail(pathOf(key), QStringLiteral("expected a boolean, got %1").arg(typeName(*v)));
    return fallback;
}

bool Reader::boolean(const char *key)
{
    if (!member(key, true))
        return false;
    return optBool(key, false);
}

double Reader::optNumber(const char *key, double fallback)
{
    const json::Value *v = member(key, false);
    if (!v)
        return fallback;
    bool ok = false;
    const double d =
        v->isNumber() ? v->numberLiteral().toDouble(&ok) : (v->isString() ? v->toString().toDouble(&ok) : 0);
    if (!ok) {
        fail(pathOf(key), QStringLiteral("expected a number, got %1").arg(typeName(*v)));
        return fallback;
    }
    return d;
}

double Reader::number(const char *key)
{
    if (!member(key, true))
        return 0;
    return optNumber(key, 0);
}

namespace {
const json::Value kEmptyArray = json::Value::array();
const json::Value kEmptyObject = json::Value::object();
} // namespace

const json::Value &Reader::optArray(const char *key)
{
    const json::Value *v = member(key, false);
    if (!v)
        return kEmptyArray;
    if (!v->isArray()) {
        fail(pathOf(key), QStringLiteral("expected an array, got %1").arg(typeName(*v)));
        return kEmptyArray;
    }
    return *v;
}

const json::Value &Reader::array(const char *key)
{
    if (!member(key, true))
        return kEmptyArray;
    return optArray(key);
}

const json::Value &Reader::optObject(const char *key)
{
    const json::Value *v = member(key, false);
    if (!v)
        return kEmptyObject;
    if (!v->isObject()) {
        fail(pathOf(key), QStringLiteral("expected an object, got %1").arg(typeName(*v)));
        return kEmptyObject;
    }
    return *v;
}

const json::Value &Reader::object(const char *key)
{
    if (!member(key, true))
        return kEmptyObject;
    return optObject(key);
}

json::Value messageQueueJson(const MessageQueue &q)
{
    return json::Value::object(
        {{json::Value::string(QStringLiteral("brokerName")), json::Value::string(q.brokerName)},
         {json::Value::string(QStringLiteral("queueId")), json::Value::number(qint64(q.queueId))},
         {json::Value::string(QStringLiteral("topic")), json::Value::string(q.topic)}});
}

Result<MessageQueue> messageQueueFromJson(const json::Value &v, const QString &path)
{
    if (!v.isObject())
        return malformed(path, QStringLiteral("expected a MessageQueue object, got %1").arg(typeName(v)));
    Reader r(v, path);
    MessageQueue q;
    q.topic = r.string("topic");
    q.brokerName = r.string("brokerName");
    q.queueId = r.int32("queueId");
    return r.finish(q);
}

QByteArray javaDouble(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0)
        return std::signbit(d) ? "-0.0" : "0.0";
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const QByteArray sci(buf, res.ptr - buf); // "-2.2666666666666668e+01"
    const qsizetype ePos = sci.indexOf('e');
    const bool negative = sci.startsWith('-');
    QByteArray digits = sci.mid(negative ? 1 : 0, ePos - (negative ? 1 : 0));
    digits.replace(".", "");
    const int exponent = sci.mid(ePos + 1).toInt();
    QByteArray out = negative ? "-" : "";
    const double magnitude = std::fabs(d);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        if (exponent >= 0) {
            QByteArray whole = digits.left(exponent + 1);
            whole.append(QByteArray(qMax<qsizetype>(0, exponent + 1 - digits.size()), '0'));
            QByteArray fraction = digits.mid(exponent + 1);
            out += whole + '.' + (fraction.isEmpty() ? QByteArray("0") : fraction);
        } else {
            out += "0." + QByteArray(-exponent - 1, '0') + digits;
        }
    } else {
        const QByteArray rest = digits.mid(1);
        out += digits.left(1) + '.' + (rest.isEmpty() ? QByteArray("0") : rest) + 'E' + QByteArray::number(exponent);
    }
    return out;
}

json::Value doubleJson(double d)
{
    if (std::isnan(d) || std::isinf(d))
        return json::Value::null(); // fastjson writes null for these
    return json::Value::number(javaDouble(d));
}

json::Value stringList(const QStringList &items)
{
    QList<json::Value> values;
    values.reserve(items.size());
    for (const auto &s : items)
        values.append(json::Value::string(s));
    return json::Value::array(std::move(values));
}

void put(json::Value &object, const char *key, json::Value v)
{
    object.members().append({json::Value::string(QLatin1StringView(key)), std::move(v)});
}

Result<QStringList> stringArray(const json::Value &v, const QString &path)
{
    if (!v.isArray())
        return malformed(path, QStringLiteral("expected an array, got %1").arg(typeName(v)));
    QStringList out;
    for (qsizetype i = 0; i < v.items().size(); ++i) {
        const json::Value &item = v.items()[i];
        if (!item.isString())
            return malformed(QStringLiteral("%1[%2]").arg(path).arg(i),
                             QStringLiteral("expected a string, got %1").arg(typeName(item)));
        out.append(item.toString());
    }
    return out;
}

} // namespace mq::body

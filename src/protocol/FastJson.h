#pragma once

#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <utility>

namespace mq::json {

// A JSON value as RocketMQ's fastjson writes it. Unlike QJsonDocument this keeps object
// members in wire order and allows any value as an object key: fastjson writes integer map
// keys unquoted (`{0:"127.0.0.1:10911"}`) and whole objects as keys (`{{"topic":..}:{..}}`).
class Value {
public:
    enum class Type { Null, Bool, Number, String, Array, Object };
    using Member = std::pair<Value, Value>;

    Value() = default;
    static Value null() { return {}; }
    static Value boolean(bool b);
    static Value number(QByteArray literal); // kept verbatim: int64 offsets must not pass through double
    static Value number(qint64 n);
    static Value number(double d);
    static Value string(QString s);
    static Value array(QList<Value> items = {});
    static Value object(QList<Member> members = {});

    Type type() const { return m_type; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool(bool fallback = false) const;
    qint64 toInt(qint64 fallback = 0) const; // numbers, and strings holding a number
    double toDouble(double fallback = 0) const;
    QString toString() const; // strings as they are, numbers/bools as text
    const QByteArray &numberLiteral() const { return m_text; }

    const QList<Value> &items() const;    // array elements (empty for non-arrays)
    const QList<Member> &members() const; // object members (empty for non-objects)
    QList<Value> &items();
    QList<Member> &members();

    // Member lookup by string (or unquoted number) key; returns a null Value when absent.
    const Value &operator[](QStringView key) const;
    bool contains(QStringView key) const;
    const Value &operator[](const char *key) const { return (*this)[QString::fromLatin1(key)]; }
    bool contains(const char *key) const { return contains(QString::fromLatin1(key)); }
    void insert(const QString &key, Value v); // object: replace or append in order
    void append(Value v);                     // array

    bool operator==(const Value &other) const;

private:
    Type m_type = Type::Null;
    bool m_bool = false;
    QByteArray m_text; // number literal
    QString m_string;
    std::shared_ptr<QList<Value>> m_items;
    std::shared_ptr<QList<Member>> m_members;
    void detach();
};

// Parses one JSON value (fastjson dialect tolerated). Trailing whitespace is allowed,
// trailing garbage is an error. Errors name the byte offset and what was expected.
Result<Value> parse(const QByteArray &text);

// Writes compact JSON in fastjson's style: no spaces, members in stored order, control
// characters as \uXXXX (upper-case hex) except \b \f \n \r \t, non-ASCII as raw UTF-8.
// Object keys that are not strings are written as fastjson does (numbers bare, objects inline).
QByteArray write(const Value &value);
void writeString(QByteArray &out, QStringView s);

} // namespace mq::json

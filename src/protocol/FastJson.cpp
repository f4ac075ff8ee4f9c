#include "FastJson.h"

#include <QLocale>
#include <QStringDecoder>

namespace mq::json {

namespace {
const QList<Value> kNoItems;
const QList<Value::Member> kNoMembers;
const Value kNullValue;
} // namespace

Value Value::boolean(bool b)
{
    Value v;
    v.m_type = Type::Bool;
    v.m_bool = b;
    return v;
}

Value Value::number(QByteArray literal)
{
    Value v;
    v.m_type = Type::Number;
    v.m_text = std::move(literal);
    return v;
}

Value Value::number(qint64 n)
{
    return number(QByteArray::number(n));
}

Value Value::number(double d)
{
    // fastjson writes doubles in their shortest round-trip form.
    return number(QByteArray::number(d, 'g', QLocale::FloatingPointShortest));
}

Value Value::string(QString s)
{
    Value v;
    v.m_type = Type::String;
    v.m_string = std::move(s);
    return v;
}

Value Value::array(QList<Value> items)
{
    Value v;
    v.m_type = Type::Array;
    v.m_items = std::make_shared<QList<Value>>(std::move(items));
    return v;
}

Value Value::object(QList<Member> members)
{
    Value v;
    v.m_type = Type::Object;
    v.m_members = std::make_shared<QList<Member>>(std::move(members));
    return v;
}

bool Value::toBool(bool fallback) const
{
    if (m_type == Type::Bool)
        return m_bool;
    if (m_type == Type::String)
        return m_string == u"true" ? true : (m_string == u"false" ? false : fallback);
    return fallback;
}

qint64 Value::toInt(qint64 fallback) const
{
    bool ok = false;
    qint64 n = 0;
    if (m_type == Type::Number) {
        n = m_text.toLongLong(&ok);
        if (!ok) {
            const double d = m_text.toDouble(&ok);
            // Out-of-range doubles (1e300, NaN) are not integers: casting them is undefined.
            ok = ok && d >= -9.2e18 && d <= 9.2e18;
            n = ok ? static_cast<qint64>(d) : 0;
        }
    } else if (m_type == Type::String) {
        n = m_string.toLongLong(&ok);
    }
    return ok ? n : fallback;
}

double Value::toDouble(double fallback) const
{
    bool ok = false;
    double d = 0;
    if (m_type == Type::Number)
        d = m_text.toDouble(&ok);
    else if (m_type == Type::String)
        d = m_string.toDouble(&ok);
    return ok ? d : fallback;
}

QString Value::toString() const
{
    switch (m_type) {
    case Type::String: return m_string;
    case Type::Number: return QString::fromLatin1(m_text);
    case Type::Bool: return m_bool ? QStringLiteral("true") : QStringLiteral("false");
    default: return {};
    }
}

const QList<Value> &Value::items() const
{
    return m_items ? *m_items : kNoItems;
}
const QList<Value::Member> &Value::members() const
{
    return m_members ? *m_members : kNoMembers;
}

QList<Value> &Value::items()
{
    if (m_type != Type::Array)
        *this = array();
    detach();
    return *m_items;
}

QList<Value::Member> &Value::members()
{
    if (m_type != Type::Object)
        *this = object();
    detach();
    return *m_members;
}

void Value::detach()
{
    if (m_items && m_items.use_count() > 1)
        m_items = std::make_shared<QList<Value>>(*m_items);
    if (m_members && m_members.use_count() > 1)
        m_members = std::make_shared<QList<Member>>(*m_members);
}

const Value &Value::operator[](QStringView key) const
{
    for (const auto &[k, v] : members()) {
        if ((k.m_type == Type::String && k.m_string == key) ||
            (k.m_type == Type::Number && QLatin1StringView(k.m_text) == key))
            return v;
    }
    return kNullValue;
}

bool Value::contains(QStringView key) const
{
    for (const auto &member : members()) {
        const Value &k = member.first;
        if ((k.m_type == Type::String && k.m_string == key) ||
            (k.m_type == Type::Number && QLatin1StringView(k.m_text) == key))
            return true;
    }
    return false;
}

void Value::insert(const QString &key, Value v)
{
    auto &list = members();
    for (auto &member : list) {
        if (member.first.m_type == Type::String && member.first.m_string == key) {
            member.second = std::move(v);
            return;
        }
    }
    list.append({string(key), std::move(v)});
}

void Value::append(Value v)
{
    items().append(std::move(v));
}

bool Value::operator==(const Value &other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Null: return true;
    case Type::Bool: return m_bool == other.m_bool;
    case Type::Number: return m_text == other.m_text || m_text.toDouble() == other.m_text.toDouble();
    case Type::String: return m_string == other.m_string;
    case Type::Array: return items() == other.items();
    case Type::Object: return members() == other.members();
    }
    return false;
}

namespace {

class Parser {
public:
    explicit Parser(const QByteArray &text)
        : m_text(text)
    {}

    Result<Value> parseDocument()
    {
        skipSpace();
        auto v = parseValue(0);
        if (!v)
            return v;
        skipSpace();
        if (m_pos != m_text.size())
            return fail("unexpected trailing data");
        return v;
    }

private:
    static constexpr int kMaxDepth = 256;
    const QByteArray &m_text;
    qsizetype m_pos = 0;

    Error fail(const char *what) const
    {
        return makeError(Error::Code::MalformedBody,
                         QStringLiteral("JSON: %1 at byte %2").arg(QLatin1StringView(what)).arg(m_pos));
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text.at(m_pos); }

    void skipSpace()
    {
        while (!atEnd()) {
            const char c = m_text.at(m_pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                break;
            ++m_pos;
        }
    }

    Result<Value> parseValue(int depth)
    {
        if (depth > kMaxDepth)
            return fail("nesting too deep");
        skipSpace();
        if (atEnd())
            return fail("unexpected end of input");
        const char c = peek();
        if (c == '{')
            return parseObject(depth);
        if (c == '[')
            return parseArray(depth);
        if (c == '"' || c == '\'')
            return parseString();
        if (c == '-' || (c >= '0' && c <= '9'))
            return parseNumber();
        if (matchWord("true"))
            return Value::boolean(true);
        if (matchWord("false"))
            return Value::boolean(false);
        if (matchWord("null"))
            return Value::null();
        return fail("expected a value");
    }

    bool matchWord(const char *word)
    {
        const auto len = qsizetype(qstrlen(word));
        if (m_text.size() - m_pos >= len && m_text.mid(m_pos, len) == word) {
            m_pos += len;
            return true;
        }
        return false;
    }

    Result<Value> parseNumber()
    {
        const qsizetype start = m_pos;
        if (peek() == '-')
            ++m_pos;
        bool digits = false;
        while (!atEnd()) {
            const char c = peek();
            if ((c >= '0' && c <= '9')) {
                digits = true;
                ++m_pos;
            } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                ++m_pos;
            } else {
                break;
            }
        }
        if (!digits)
            return fail("malformed number");
        QByteArray literal = m_text.mid(start, m_pos - start);
        bool ok = false;
        literal.toDouble(&ok);
        if (!ok)
            return fail("malformed number");
        return Value::number(std::move(literal));
    }

    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    Result<Value> parseString()
    {
        const char quote = peek();
        ++m_pos;
        QByteArray utf8;
        QString out;
        // Stateless and BOM-preserving: QString::fromUtf8 would drop a U+FEFF that happens to
        // start a run between two escapes, silently changing the string.
        auto flush = [&] {
            if (!utf8.isEmpty()) {
                QStringDecoder decoder(QStringDecoder::Utf8,
                                       QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
                out += decoder.decode(utf8);
                utf8.clear();
            }
        };
        while (true) {
            if (atEnd())
                return fail("unterminated string");
            const char c = m_text.at(m_pos++);
            if (c == quote)
                break;
            if (c != '\\') {
                utf8.append(c);
                continue;
            }
            if (atEnd())
                return fail("unterminated escape");
            const char e = m_text.at(m_pos++);
            switch (e) {
            case '"': utf8.append('"'); break;
            case '\'': utf8.append('\''); break;
            case '\\': utf8.append('\\'); break;
            case '/': utf8.append('/'); break;
            case 'b': utf8.append('\b'); break;
            case 'f': utf8.append('\f'); break;
            case 'n': utf8.append('\n'); break;
            case 'r': utf8.append('\r'); break;
            case 't': utf8.append('\t'); break;
            case 'u': {
                if (m_text.size() - m_pos < 4)
                    return fail("truncated \\u escape");
                int code = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(m_text.at(m_pos + i));
                    if (h < 0)
                        return fail("bad \\u escape");
                    code = code * 16 + h;
                }
                m_pos += 4;
                flush();
                out.append(QChar(char16_t(code)));
                break;
            }
            default: return fail("unknown escape");
            }
        }
        flush();
        return Value::string(std::move(out));
    }

    Result<Value> parseArray(int depth)
    {
        ++m_pos; // [
        QList<Value> items;
        skipSpace();
        if (peek() == ']') {
            ++m_pos;
            return Value::array(std::move(items));
        }
        while (true) {
            auto item = parseValue(depth + 1);
            if (!item)
                return item;
            items.append(std::move(item).value());
            skipSpace();
            if (atEnd())
                return fail("unterminated array");
            const char c = m_text.at(m_pos++);
            if (c == ']')
                break;
            if (c != ',')
                return fail("expected ',' or ']' in array");
        }
        return Value::array(std::move(items));
    }

    Result<Value> parseObject(int depth)
    {
        ++m_pos; // {
        QList<Value::Member> members;
        skipSpace();
        if (peek() == '}') {
            ++m_pos;
            return Value::object(std::move(members));
        }
        while (true) {
            skipSpace();
            Result<Value> key = isIdentifierStart(peek()) ? parseIdentifier() : parseValue(depth + 1);
            if (!key)
                return key;
            skipSpace();
            if (atEnd() || m_text.at(m_pos) != ':')
                return fail("expected ':' after object key");
            ++m_pos;
            auto value = parseValue(depth + 1);
            if (!value)
                return value;
            members.append({std::move(key).value(), std::move(value).value()});
            skipSpace();
            if (atEnd())
                return fail("unterminated object");
            const char c = m_text.at(m_pos++);
            if (c == '}')
                break;
            if (c != ',')
                return fail("expected ',' or '}' in object");
        }
        return Value::object(std::move(members));
    }

    static bool isIdentifierStart(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    }

    // fastjson also accepts unquoted identifier keys; keep true/false/null as values.
    Result<Value> parseIdentifier()
    {
        const qsizetype start = m_pos;
        while (!atEnd()) {
            const char c = peek();
            if (!isIdentifierStart(c) && !(c >= '0' && c <= '9'))
                break;
            ++m_pos;
        }
        const QByteArray word = m_text.mid(start, m_pos - start);
        if (word == "true")
            return Value::boolean(true);
        if (word == "false")
            return Value::boolean(false);
        if (word == "null")
            return Value::null();
        return Value::string(QString::fromLatin1(word));
    }
};

void writeValue(QByteArray &out, const Value &v);

} // namespace

void writeString(QByteArray &out, QStringView s)
{
    static const char digits[] = "0123456789ABCDEF";
    out.append('"');
    const QByteArray utf8 = s.toUtf8();
    for (const char ch : utf8) {
        const auto c = static_cast<unsigned char>(ch);
        switch (c) {
        case '"': out.append("\\\""); break;
        case '\\': out.append("\\\\"); break;
        case '\b': out.append("\\b"); break;
        case '\f': out.append("\\f"); break;
        case '\n': out.append("\\n"); break;
        case '\r': out.append("\\r"); break;
        case '\t': out.append("\\t"); break;
        default:
            if (c < 0x20) {
                out.append("\\u00");
                out.append(digits[c >> 4]);
                out.append(digits[c & 0xF]);
            } else {
                out.append(ch);
            }
        }
    }
    out.append('"');
}

namespace {
void writeValue(QByteArray &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: out.append("null"); break;
    case Value::Type::Bool: out.append(v.toBool() ? "true" : "false"); break;
    case Value::Type::Number: out.append(v.numberLiteral()); break;
    case Value::Type::String: writeString(out, v.toString()); break;
    case Value::Type::Array: {
        out.append('[');
        bool first = true;
        for (const auto &item : v.items()) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, item);
        }
        out.append(']');
        break;
    }
    case Value::Type::Object: {
        out.append('{');
        bool first = true;
        for (const auto &[key, value] : v.members()) {
            if (!first)
                out.append(',');
            first = false;
            writeValue(out, key);
            out.append(':');
            writeValue(out, value);
        }
        out.append('}');
        break;
    }
    }
}
} // namespace

Result<Value> parse(const QByteArray &text)
{
    return Parser(text).parseDocument();
}

QByteArray write(const Value &value)
{
    QByteArray out;
    writeValue(out, value);
    return out;
}

} // namespace mq::json

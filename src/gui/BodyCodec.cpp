#include "BodyCodec.h"

#include "FastJson.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QStringDecoder>

namespace mq::gui {

namespace {
QPair<int, int> lineAndColumn(const QByteArray &text, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((uchar(text.at(i)) & 0xC0) != 0x80) { // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    return {line, column};
}

void writePretty(QByteArray &out, const json::Value &v, int depth)
{
    const QByteArray indent(depth * 2, ' ');
    const QByteArray inner((depth + 1) * 2, ' ');
    switch (v.type()) {
    case json::Value::Type::Object: {
        if (v.members().isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        bool first = true;
        for (const auto &[key, value] : v.members()) {
            if (!first)
                out += ",\n";
            first = false;
            out += inner;
            if (key.isString())
                json::writeString(out, key.toString());
            else
                out += json::write(key);
            out += ": ";
            writePretty(out, value, depth + 1);
        }
        out += '\n' + indent + '}';
        return;
    }
    case json::Value::Type::Array: {
        if (v.items().isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        bool first = true;
        for (const json::Value &item : v.items()) {
            if (!first)
                out += ",\n";
            first = false;
            out += inner;
            writePretty(out, item, depth + 1);
        }
        out += '\n' + indent + ']';
        return;
    }
    default: out += json::write(v);
    }
}
} // namespace

Status BodyCodec::validateJson(const QByteArray &json)
{
    if (json.trimmed().isEmpty())
        return makeError(Error::Code::InvalidArgument, tr("The JSON body is empty."));
    QJsonParseError error;
    // QJsonDocument only takes objects and arrays; wrap so a bare value is checked too.
    const QByteArray wrapped = "[" + json + "\n]";
    QJsonDocument::fromJson(wrapped, &error);
    if (error.error == QJsonParseError::NoError) {
        // The wrapper would also accept "1, 2": insist on exactly one value.
        if (auto single = json::parse(json); !single)
            return makeError(Error::Code::InvalidArgument,
                             tr("The JSON body must be a single value: %1").arg(single.error().message));
        return Ok{};
    }
    // QJsonParseError's offset lies just past the character it stumbled on; one more for "[".
    const qsizetype offset = qBound(qsizetype(0), qsizetype(error.offset) - 2, json.size());
    const auto [line, column] = lineAndColumn(json, offset);
    return makeError(Error::Code::InvalidArgument,
                     tr("Invalid JSON at line %1, column %2: %3").arg(line).arg(column).arg(error.errorString()));
}

Result<QString> BodyCodec::prettyJson(const QByteArray &json)
{
    if (auto valid = validateJson(json); !valid)
        return valid.error();
    auto parsed = json::parse(json);
    if (!parsed)
        return parsed.error();
    QByteArray out;
    writePretty(out, *parsed, 0);
    return QString::fromUtf8(out);
}

bool BodyCodec::looksLikeJson(const QByteArray &body)
{
    const QByteArray t = body.trimmed();
    if (t.isEmpty() || !((t.startsWith('{') && t.endsWith('}')) || (t.startsWith('[') && t.endsWith(']'))))
        return false;
    return validateJson(t).ok();
}

QString BodyCodec::toHex(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toHex(' '));
}

Result<QByteArray> BodyCodec::fromHex(const QString &text)
{
    QByteArray digits;
    digits.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace() || c == QLatin1Char(':'))
            continue;
        if (c == QLatin1Char('0') && i + 1 < text.size() &&
            (text.at(i + 1) == QLatin1Char('x') || text.at(i + 1) == QLatin1Char('X'))) {
            ++i;
            continue;
        }
        if (!isxdigit(c.toLatin1()) || c.unicode() > 0x7f)
            return makeError(Error::Code::InvalidArgument,
                             tr("'%1' at position %2 is not a hex digit.").arg(c).arg(i + 1));
        digits.append(c.toLatin1());
    }
    if (digits.size() % 2 != 0)
        return makeError(Error::Code::InvalidArgument,
                         tr("The hex body has an odd number of digits (%1): every byte needs two.").arg(digits.size()));
    return QByteArray::fromHex(digits);
}

QString BodyCodec::hexDump(const QByteArray &bytes, qsizetype maxBytes)
{
    QString out;
    const qsizetype n = qMin(bytes.size(), maxBytes);
    for (qsizetype row = 0; row < n; row += 16) {
        out += QStringLiteral("%1  ").arg(row, 8, 16, QLatin1Char('0'));
        QString ascii;
        for (qsizetype i = row; i < row + 16; ++i) {
            if (i < n) {
                const uchar b = uchar(bytes.at(i));
                out += QStringLiteral("%1 ").arg(b, 2, 16, QLatin1Char('0'));
                ascii += (b >= 0x20 && b < 0x7f) ? QChar(b) : QLatin1Char('.');
            } else {
                out += QStringLiteral("   ");
            }
            if (i == row + 7)
                out += QLatin1Char(' ');
        }
        out += QLatin1Char(' ') + ascii + QLatin1Char('\n');
    }
    if (bytes.size() > n)
        out += tr("... %n more byte(s) not shown", nullptr, int(bytes.size() - n));
    return out;
}

bool BodyCodec::isUtf8(const QByteArray &bytes)
{
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    [[maybe_unused]] const QString s = decoder(bytes);
    return !decoder.hasError();
}

} // namespace mq::gui

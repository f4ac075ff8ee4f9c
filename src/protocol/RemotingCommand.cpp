#include "RemotingCommand.h"

#include "FastJson.h"

#include <QtEndian>

namespace mq {

// ---- ExtFields --------------------------------------------------------------------------

bool ExtFields::contains(const QString &key) const
{
    for (const auto &e : m_entries)
        if (e.first == key)
            return true;
    return false;
}

QString ExtFields::value(const QString &key, const QString &fallback) const
{
    for (const auto &e : m_entries)
        if (e.first == key)
            return e.second;
    return fallback;
}

std::optional<qint64> ExtFields::intValue(const QString &key) const
{
    for (const auto &e : m_entries) {
        if (e.first == key) {
            bool ok = false;
            const qint64 v = e.second.toLongLong(&ok);
            return ok ? std::optional<qint64>(v) : std::nullopt;
        }
    }
    return std::nullopt;
}

void ExtFields::insert(const QString &key, const QString &value)
{
    for (auto &e : m_entries) {
        if (e.first == key) {
            e.second = value;
            return;
        }
    }
    m_entries.append({key, value});
}

void ExtFields::remove(const QString &key)
{
    m_entries.removeIf([&](const Entry &e) { return e.first == key; });
}

// ---- LanguageCode -----------------------------------------------------------------------

namespace {
const char *const kLanguageNames[] = {"JAVA",  "CPP",  "DOTNET", "PYTHON", "DELPHI", "ERLANG", "RUBY",
                                      "OTHER", "HTTP", "GO",     "PHP",    "OMS",    "RUST"};
constexpr int kLanguageCount = int(sizeof(kLanguageNames) / sizeof(kLanguageNames[0]));
} // namespace

QString languageName(LanguageCode code)
{
    const int i = int(code);
    return i < kLanguageCount ? QString::fromLatin1(kLanguageNames[i]) : QStringLiteral("OTHER");
}

std::optional<LanguageCode> languageFromName(QStringView name)
{
    for (int i = 0; i < kLanguageCount; ++i)
        if (name == QLatin1StringView(kLanguageNames[i]))
            return LanguageCode(i);
    return std::nullopt;
}

// ---- RemotingCommand --------------------------------------------------------------------

void RemotingCommand::setField(const QString &key, const QString &value)
{
    if (!extFields)
        extFields.emplace();
    extFields->insert(key, value);
}

RemotingCommand RemotingCommand::request(RequestCode code, ExtFields fields, QByteArray body)
{
    RemotingCommand cmd;
    cmd.code = toInt(code);
    if (!fields.isEmpty())
        cmd.extFields = std::move(fields);
    cmd.body = std::move(body);
    return cmd;
}

RemotingCommand RemotingCommand::response(const RemotingCommand &req, int code, std::optional<QString> remark)
{
    RemotingCommand cmd;
    cmd.code = code;
    cmd.opaque = req.opaque;
    cmd.flag = kResponseFlag;
    cmd.language = LanguageCode::JAVA;
    cmd.version = req.version;
    cmd.serializeType = req.serializeType;
    cmd.remark = std::move(remark);
    return cmd;
}

// ---- header encoding --------------------------------------------------------------------

namespace frame {

namespace {

Error headerError(const QString &what)
{
    return makeError(Error::Code::MalformedHeader, QStringLiteral("malformed frame header: %1").arg(what));
}

void appendInt16(QByteArray &out, quint16 v)
{
    char b[2];
    qToBigEndian(v, b);
    out.append(b, 2);
}

void appendInt32(QByteArray &out, quint32 v)
{
    char b[4];
    qToBigEndian(v, b);
    out.append(b, 4);
}

// fastjson serialises RemotingCommand's bean properties in alphabetical order.
QByteArray encodeJsonHeader(const RemotingCommand &cmd)
{
    QByteArray out;
    out.reserve(128);
    out.append("{\"code\":").append(QByteArray::number(cmd.code));
    if (cmd.extFields) {
        out.append(",\"extFields\":{");
        bool first = true;
        for (const auto &[k, v] : cmd.extFields->entries()) {
            if (!first)
                out.append(',');
            first = false;
            json::writeString(out, k);
            out.append(':');
            json::writeString(out, v);
        }
        out.append('}');
    }
    out.append(",\"flag\":").append(QByteArray::number(cmd.flag));
    out.append(",\"language\":\"").append(languageName(cmd.language).toLatin1()).append('"');
    out.append(",\"opaque\":").append(QByteArray::number(cmd.opaque));
    if (cmd.remark) {
        out.append(",\"remark\":");
        json::writeString(out, *cmd.remark);
    }
    out.append(",\"serializeTypeCurrentRPC\":\"")
        .append(cmd.serializeType == SerializeType::Json ? "JSON" : "ROCKETMQ")
        .append('"');
    out.append(",\"version\":").append(QByteArray::number(cmd.version)).append('}');
    return out;
}

QByteArray encodeBinaryHeader(const RemotingCommand &cmd)
{
    QByteArray out;
    appendInt16(out, quint16(cmd.code));
    out.append(char(cmd.language));
    appendInt16(out, quint16(cmd.version));
    appendInt32(out, quint32(cmd.opaque));
    appendInt32(out, quint32(cmd.flag));
    const QByteArray remark = cmd.remark ? cmd.remark->toUtf8() : QByteArray();
    appendInt32(out, quint32(remark.size()));
    out.append(remark);
    QByteArray ext;
    if (cmd.extFields) {
        for (const auto &[k, v] : cmd.extFields->entries()) {
            const QByteArray key = k.toUtf8();
            const QByteArray val = v.toUtf8();
            appendInt16(ext, quint16(key.size()));
            ext.append(key);
            appendInt32(ext, quint32(val.size()));
            ext.append(val);
        }
    }
    appendInt32(out, quint32(ext.size()));
    out.append(ext);
    return out;
}

Status decodeJsonHeader(const char *data, qsizetype size, RemotingCommand &cmd)
{
    auto parsed = json::parse(QByteArray::fromRawData(data, size));
    if (!parsed)
        return headerError(parsed.error().message);
    const json::Value &root = *parsed;
    if (!root.isObject())
        return headerError(QStringLiteral("JSON header is not an object"));
    if (!root["code"].isNumber())
        return headerError(QStringLiteral("JSON header has no numeric \"code\""));
    cmd.code = int(root["code"].toInt());
    cmd.flag = int(root["flag"].toInt());
    cmd.opaque = int(root["opaque"].toInt());
    cmd.version = int(root["version"].toInt());
    const json::Value &lang = root["language"];
    cmd.language =
        lang.isString() ? languageFromName(lang.toString()).value_or(LanguageCode::OTHER) : LanguageCode::JAVA;
    const json::Value &remark = root["remark"];
    if (remark.isString())
        cmd.remark = remark.toString();
    else if (!remark.isNull())
        return headerError(QStringLiteral("\"remark\" is not a string"));
    const json::Value &ext = root["extFields"];
    if (ext.isObject()) {
        ExtFields fields;
        for (const auto &[k, v] : ext.members())
            fields.insert(k.toString(), v.toString());
        cmd.extFields = std::move(fields);
    } else if (!ext.isNull()) {
        return headerError(QStringLiteral("\"extFields\" is not an object"));
    }
    cmd.serializeType = SerializeType::Json;
    return Ok{};
}

class BinaryReader {
public:
    BinaryReader(const char *data, qsizetype size)
        : m_data(data)
        , m_size(size)
    {}
    bool need(qsizetype n) const { return n >= 0 && m_size - m_pos >= n; }
    quint8 u8() { return quint8(m_data[m_pos++]); }
    quint16 u16()
    {
        const auto v = qFromBigEndian<quint16>(m_data + m_pos);
        m_pos += 2;
        return v;
    }
    quint32 u32()
    {
        const auto v = qFromBigEndian<quint32>(m_data + m_pos);
        m_pos += 4;
        return v;
    }
    QString utf8(qsizetype n)
    {
        const QString s = QString::fromUtf8(m_data + m_pos, n);
        m_pos += n;
        return s;
    }
    qsizetype remaining() const { return m_size - m_pos; }

private:
    const char *m_data;
    qsizetype m_size;
    qsizetype m_pos = 0;
};

Status decodeBinaryHeader(const char *data, qsizetype size, RemotingCommand &cmd)
{
    BinaryReader r(data, size);
    if (!r.need(2 + 1 + 2 + 4 + 4 + 4))
        return headerError(QStringLiteral("ROCKETMQ header shorter than its fixed part (%1 bytes)").arg(size));
    cmd.code = qint16(r.u16());
    const quint8 lang = r.u8();
    cmd.language = lang < kLanguageCount ? LanguageCode(lang) : LanguageCode::OTHER;
    cmd.version = qint16(r.u16());
    cmd.opaque = qint32(r.u32());
    cmd.flag = qint32(r.u32());
    const qint64 remarkLen = qint32(r.u32());
    if (!r.need(remarkLen))
        return headerError(QStringLiteral("remark length %1 runs past the header").arg(remarkLen));
    if (remarkLen > 0)
        cmd.remark = r.utf8(remarkLen);
    if (!r.need(4))
        return headerError(QStringLiteral("ROCKETMQ header ends before the extFields length"));
    const qint64 extLen = qint32(r.u32());
    if (!r.need(extLen))
        return headerError(QStringLiteral("extFields length %1 runs past the header").arg(extLen));
    if (r.remaining() != extLen)
        return headerError(QStringLiteral("%1 stray bytes after the extFields block").arg(r.remaining() - extLen));
    if (extLen > 0) {
        ExtFields fields;
        BinaryReader ext(data + (size - extLen), extLen);
        qsizetype consumed = 0;
        while (consumed < extLen) {
            if (!ext.need(2))
                return headerError(QStringLiteral("truncated extFields key length"));
            const qint64 keyLen = ext.u16();
            if (!ext.need(keyLen + 4))
                return headerError(QStringLiteral("extFields key runs past its block"));
            const QString key = ext.utf8(keyLen);
            const qint64 valLen = qint32(ext.u32());
            if (!ext.need(valLen))
                return headerError(QStringLiteral("extFields value for \"%1\" runs past its block").arg(key));
            fields.insert(key, ext.utf8(valLen));
            consumed += 2 + keyLen + 4 + valLen;
        }
        cmd.extFields = std::move(fields);
    }
    cmd.serializeType = SerializeType::RocketMq;
    return Ok{};
}

} // namespace

QByteArray encodeHeader(const RemotingCommand &cmd)
{
    return cmd.serializeType == SerializeType::Json ? encodeJsonHeader(cmd) : encodeBinaryHeader(cmd);
}

QByteArray encode(const RemotingCommand &cmd)
{
    const QByteArray header = encodeHeader(cmd);
    QByteArray out;
    out.reserve(8 + header.size() + cmd.body.size());
    appendInt32(out, quint32(4 + header.size() + cmd.body.size()));
    appendInt32(out, (quint32(cmd.serializeType) << 24) | quint32(header.size()));
    out.append(header);
    out.append(cmd.body);
    return out;
}

Status decodeHeader(const char *data, qsizetype size, SerializeType type, RemotingCommand &cmd)
{
    return type == SerializeType::Json ? decodeJsonHeader(data, size, cmd) : decodeBinaryHeader(data, size, cmd);
}

namespace {

// Validates the 8 length bytes at `p`; on success sets the total frame size (prefix included).
Status checkLengths(const char *p, qsizetype available, qint64 maxFrameSize, qint64 &frameSize, SerializeType &type,
                    qint64 &headerLen)
{
    const qint64 total = qint32(qFromBigEndian<quint32>(p));
    if (total > maxFrameSize || total < 0)
        return makeError(Error::Code::FrameTooLarge, QStringLiteral("frame length %1 exceeds the %2-byte limit")
                                                         .arg(quint32(qFromBigEndian<quint32>(p)))
                                                         .arg(maxFrameSize));
    if (total < 4)
        return makeError(Error::Code::MalformedFrame,
                         QStringLiteral("frame length %1 is too small to hold a header length").arg(total));
    if (available < 8)
        return makeError(Error::Code::Truncated, QStringLiteral("truncated frame"));
    const quint32 headerWord = qFromBigEndian<quint32>(p + 4);
    const quint8 serialize = quint8(headerWord >> 24);
    headerLen = headerWord & 0xFFFFFF;
    if (serialize > 1)
        return makeError(Error::Code::MalformedFrame,
                         QStringLiteral("unknown header serialization type %1").arg(serialize));
    if (headerLen > total - 4)
        return makeError(Error::Code::MalformedFrame,
                         QStringLiteral("header length %1 exceeds the frame's %2 bytes").arg(headerLen).arg(total - 4));
    type = SerializeType(serialize);
    frameSize = total + 4;
    return Ok{};
}

Result<RemotingCommand> decodeWhole(const char *p, qint64 frameSize, SerializeType type, qint64 headerLen)
{
    RemotingCommand cmd;
    if (auto st = decodeHeader(p + 8, headerLen, type, cmd); !st)
        return st.error();
    const qint64 bodyOffset = 8 + headerLen;
    cmd.body = QByteArray(p + bodyOffset, frameSize - bodyOffset);
    return cmd;
}

} // namespace

Result<RemotingCommand> decode(const QByteArray &bytes, qint64 maxFrameSize)
{
    if (bytes.size() < 4)
        return makeError(
            Error::Code::Truncated,
            QStringLiteral("truncated frame: %1 bytes, the length prefix alone needs 4").arg(bytes.size()));
    qint64 frameSize = 0, headerLen = 0;
    SerializeType type{};
    if (auto st = checkLengths(bytes.constData(), bytes.size(), maxFrameSize, frameSize, type, headerLen); !st)
        return st.error();
    if (bytes.size() < frameSize)
        return makeError(Error::Code::Truncated,
                         QStringLiteral("truncated frame: %1 of %2 bytes").arg(bytes.size()).arg(frameSize));
    if (bytes.size() > frameSize)
        return makeError(
            Error::Code::MalformedFrame,
            QStringLiteral("%1 stray bytes after the frame's %2").arg(bytes.size() - frameSize).arg(frameSize));
    return decodeWhole(bytes.constData(), frameSize, type, headerLen);
}

} // namespace frame

// ---- FrameDecoder -----------------------------------------------------------------------

void FrameDecoder::feed(const QByteArray &bytes)
{
    if (m_failed)
        return;
    if (m_offset > 0 && m_offset == m_buffer.size()) {
        m_buffer.clear();
        m_offset = 0;
    } else if (m_offset > (1 << 20) && m_offset > m_buffer.size() / 2) {
        m_buffer.remove(0, m_offset);
        m_offset = 0;
    }
    m_buffer.append(bytes);
}

Result<std::optional<RemotingCommand>> FrameDecoder::next()
{
    if (m_failed)
        return makeError(Error::Code::MalformedFrame, QStringLiteral("stream already failed"));
    const qsizetype available = m_buffer.size() - m_offset;
    if (available < 4)
        return std::optional<RemotingCommand>();
    const char *p = m_buffer.constData() + m_offset;
    qint64 frameSize = 0, headerLen = 0;
    SerializeType type{};
    auto st = frame::checkLengths(p, available, m_maxFrameSize, frameSize, type, headerLen);
    if (!st) {
        if (st.error().code == Error::Code::Truncated)
            return std::optional<RemotingCommand>();
        m_failed = true;
        m_buffer.clear(); // a bad length prefix means nothing after it can be trusted
        m_offset = 0;
        return st.error();
    }
    if (available < frameSize)
        return std::optional<RemotingCommand>();
    auto cmd = frame::decodeWhole(p, frameSize, type, headerLen);
    m_offset += frameSize; // the lengths were sound, so the stream stays in step after a bad header
    if (!cmd)
        return cmd.error();
    return std::optional<RemotingCommand>(std::move(cmd).value());
}

} // namespace mq

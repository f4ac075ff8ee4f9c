#pragma once

#include "Codes.h"
#include "Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace mq {

// extFields in wire order. The Java side is a HashMap, so its order is arbitrary but it is
// what went over the wire; keeping it lets a decoded client frame re-encode byte-identically.
class ExtFields {
public:
    using Entry = QPair<QString, QString>;

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    bool contains(const QString &key) const;
    QString value(const QString &key, const QString &fallback = {}) const;
    std::optional<qint64> intValue(const QString &key) const;
    void insert(const QString &key, const QString &value); // replaces in place or appends
    void remove(const QString &key);
    const QList<Entry> &entries() const { return m_entries; }
    bool operator==(const ExtFields &other) const { return m_entries == other.m_entries; }

private:
    QList<Entry> m_entries;
};

enum class SerializeType : quint8 { Json = 0, RocketMq = 1 };

// LanguageCode ordinals as the ROCKETMQ binary header writes them.
enum class LanguageCode : quint8 {
    JAVA = 0,
    CPP,
    DOTNET,
    PYTHON,
    DELPHI,
    ERLANG,
    RUBY,
    OTHER,
    HTTP,
    GO,
    PHP,
    OMS,
    RUST
};
QString languageName(LanguageCode code);
std::optional<LanguageCode> languageFromName(QStringView name);

// One RocketMQ remoting frame: header fields plus body.
struct RemotingCommand {
    static constexpr int kResponseFlag = 1 << 0;
    static constexpr int kOnewayFlag = 1 << 1;
    static constexpr int kDefaultVersion = 409; // V4_9_8: what the recorded broker speaks

    int code = 0;
    LanguageCode language = LanguageCode::CPP;
    int version = kDefaultVersion;
    int opaque = 0;
    int flag = 0;
    std::optional<QString> remark;
    std::optional<ExtFields> extFields; // absent vs. present-but-empty both occur on the wire
    SerializeType serializeType = SerializeType::Json;
    QByteArray body;

    bool isResponse() const { return flag & kResponseFlag; }
    bool isOneway() const { return flag & kOnewayFlag; }

    // Field access that treats an absent map as empty.
    QString field(const QString &key) const { return extFields ? extFields->value(key) : QString(); }
    void setField(const QString &key, const QString &value);

    static RemotingCommand request(RequestCode code, ExtFields fields = {}, QByteArray body = {});
    // A response to `req`: same opaque, response flag, code and optional remark.
    static RemotingCommand response(const RemotingCommand &req, int code, std::optional<QString> remark = {});
};

// Frame layout: [int32 total][int32 serializeType<<24 | headerLength][header][body],
// big-endian, where total counts everything after itself.
namespace frame {

constexpr qint64 kDefaultMaxFrameSize = 16 * 1024 * 1024; // 16 MiB, the broker's own limit

QByteArray encode(const RemotingCommand &cmd);
QByteArray encodeHeader(const RemotingCommand &cmd); // header bytes only (for tests/ACL)

// Decodes exactly one whole frame, length prefix included.
Result<RemotingCommand> decode(const QByteArray &frame, qint64 maxFrameSize = kDefaultMaxFrameSize);
// Decodes header bytes of the given serialization (no length fields) into cmd.
Status decodeHeader(const char *data, qsizetype size, SerializeType type, RemotingCommand &cmd);

} // namespace frame

// Incremental frame decoder for a byte stream: feed what the socket delivers, take whole
// frames. After an error the stream cannot be resynchronised; the connection must be closed.
class FrameDecoder {
public:
    explicit FrameDecoder(qint64 maxFrameSize = frame::kDefaultMaxFrameSize)
        : m_maxFrameSize(maxFrameSize)
    {}

    void feed(const QByteArray &bytes);
    // The next whole frame, std::nullopt when more bytes are needed, or an Error.
    Result<std::optional<RemotingCommand>> next();
    qsizetype buffered() const { return m_buffer.size() - m_offset; }
    bool failed() const { return m_failed; }

private:
    QByteArray m_buffer;
    qsizetype m_offset = 0;
    qint64 m_maxFrameSize;
    bool m_failed = false;
};

} // namespace mq

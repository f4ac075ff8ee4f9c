#pragma once

#include "Compression.h"
#include "Message.h"
#include "Result.h"

#include <QByteArray>
#include <QList>

namespace mq {

namespace magic {
constexpr quint32 MessageV1 = 0xDAA320A7; // MessageDecoder.MESSAGE_MAGIC_CODE: 1-byte topic length
constexpr quint32 MessageV2 = 0xDAA320AB; // MESSAGE_MAGIC_CODE_V2 (RocketMQ 5): 2-byte topic length
constexpr quint32 Blank = 0xCBD43194;     // BLANK_MAGIC_CODE: end-of-file filler in a commit log
} // namespace magic

struct DecodeOptions {
    bool decompressBody = true;                          // sysFlag bit 0: inflate with the type from bits 8..10
    bool checkCrc = true;                                // BODYCRC against the stored (possibly compressed) bytes
    qsizetype maxBodySize = kDefaultMaxDecompressedSize; // per decompressed body
};

// Decodes the stored-message layout (MessageDecoder.decode) of every message in a pull /
// query / view-by-id response body, back to back. offsetMsgId is computed from store host
// and commit-log offset; rawProperties keeps the stored string. Any problem fails the whole
// body with an Error naming the message index, its byte offset and the field.
Result<QList<MessageExt>> decodeMessages(const QByteArray &data, const DecodeOptions &options = {});

// The same layout, as the broker stores and serves it. Writes body, bodyCrc, sysFlag and
// the rest as given (compress the body and fill bodyCrc = bodyCrc32(body) first); only the
// born/store-host IPv6 bits of sysFlag are set from the addresses, and TOTALSIZE is computed.
// Magic V2 (2-byte topic length) is used when msg.magicCode says so or the topic exceeds
// 127 UTF-8 bytes. Returns an empty array when checkStorable(msg) fails.
QByteArray encodeStoredMessage(const MessageExt &msg);
Status checkStorable(const MessageExt &msg); // topic <= 32767 bytes, properties <= 32767 bytes

// UtilAll.crc32: java.util.zip.CRC32 masked to a non-negative int.
quint32 bodyCrc32(const QByteArray &body);

// SEND_BATCH_MESSAGE body (MessageDecoder.encodeMessages): per message TOTALSIZE, MAGIC 0,
// BODYCRC 0, FLAG, body, properties. Topics are not in it (the request header carries it).
QByteArray encodeBatch(const QList<Message> &messages);
// What the broker reads from such a body; topics are left empty.
Result<QList<Message>> decodeBatch(const QByteArray &data);

// java.lang.String.hashCode() of the tag: the broker's consume queue keeps only this
// (tagsCode) and filters subscriptions by it.
qint32 tagsHashCode(const QString &tags);

} // namespace mq

#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace mq::gui {

// Conversions between message bodies and what the editors and viewers show.
class BodyCodec {
    Q_DECLARE_TR_FUNCTIONS(BodyCodec)
public:
    // Strict JSON check; the error names line and column.
    static Status validateJson(const QByteArray &json);
    // Indented JSON with members in their original order and numbers kept verbatim
    // (a 64-bit id must not pass through a double).
    static Result<QString> prettyJson(const QByteArray &json);
    static bool looksLikeJson(const QByteArray &body);

    // "de ad be ef": what the hex editor shows.
    static QString toHex(const QByteArray &bytes);
    // Reads hex digits, ignoring whitespace, "0x" prefixes and ':' separators.
    static Result<QByteArray> fromHex(const QString &text);
    // Offset, 16 bytes in hex, printable ASCII: what the viewer shows.
    static QString hexDump(const QByteArray &bytes, qsizetype maxBytes = 64 * 1024);

    // True when the body decodes as UTF-8 without errors.
    static bool isUtf8(const QByteArray &bytes);
};

} // namespace mq::gui

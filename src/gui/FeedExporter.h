#pragma once

#include "Message.h"
#include "Result.h"

#include <QCoreApplication>
#include <QIODevice>
#include <QList>

namespace mq::gui {

// Writes messages as JSON Lines (every field and property; the body as text when it is UTF-8,
// otherwise base64 with "bodyEncoding":"base64") or as CSV (RFC 4180, the feed's columns).
class FeedExporter {
    Q_DECLARE_TR_FUNCTIONS(FeedExporter)
public:
    enum class Format { JsonLines, Csv };
    static Status write(QIODevice &out, const QList<MessageExt> &messages, Format format);
    static Status writeFile(const QString &path, const QList<MessageExt> &messages, Format format);
    static QByteArray jsonLine(const MessageExt &message);
    static QByteArray csvHeader();
    static QByteArray csvRow(const MessageExt &message);
    static Format formatForPath(const QString &path); // .csv -> Csv, anything else JSON Lines
};

} // namespace mq::gui

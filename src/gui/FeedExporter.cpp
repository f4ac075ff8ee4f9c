#include "FeedExporter.h"

#include "BodyCodec.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace mq::gui {

namespace {
QString isoTime(qint64 ms)
{
    return ms ? QDateTime::fromMSecsSinceEpoch(ms).toString(Qt::ISODateWithMs) : QString();
}

QByteArray csvField(const QString &value)
{
    QByteArray s = value.toUtf8();
    if (s.contains(',') || s.contains('"') || s.contains('\n') || s.contains('\r')) {
        s.replace("\"", "\"\"");
        s = '"' + s + '"';
    }
    return s;
}
} // namespace

QByteArray FeedExporter::jsonLine(const MessageExt &m)
{
    QJsonObject props;
    for (const auto &[k, v] : m.properties.entries())
        props.insert(k, v);
    const bool text = BodyCodec::isUtf8(m.body);
    QJsonObject o{
        {QStringLiteral("topic"), m.topic},
        {QStringLiteral("msgId"), m.msgId()},
        {QStringLiteral("offsetMsgId"), m.offsetMsgId},
        {QStringLiteral("tags"), m.tags()},
        {QStringLiteral("keys"), m.properties.value(prop::Keys)},
        {QStringLiteral("queueId"), m.queueId},
        {QStringLiteral("queueOffset"), QString::number(m.queueOffset)},
        {QStringLiteral("commitLogOffset"), QString::number(m.commitLogOffset)},
        {QStringLiteral("bornTimestamp"), isoTime(m.bornTimestamp)},
        {QStringLiteral("storeTimestamp"), isoTime(m.storeTimestamp)},
        {QStringLiteral("bornHost"), m.bornHost.toString()},
        {QStringLiteral("storeHost"), m.storeHost.toString()},
        {QStringLiteral("reconsumeTimes"), m.reconsumeTimes},
        {QStringLiteral("sysFlag"), m.sysFlag},
        {QStringLiteral("flag"), m.flag},
        {QStringLiteral("bodyCrc"), qint64(m.bodyCrc)},
        {QStringLiteral("properties"), props},
        {QStringLiteral("body"), text ? QString::fromUtf8(m.body) : QString::fromLatin1(m.body.toBase64())},
    };
    if (!text)
        o.insert(QStringLiteral("bodyEncoding"), QStringLiteral("base64"));
    return QJsonDocument(o).toJson(QJsonDocument::Compact) + '\n';
}

QByteArray FeedExporter::csvHeader()
{
    return "storeTime,topic,tags,keys,queueId,queueOffset,msgId,offsetMsgId,bornHost,storeHost,size,body\r\n";
}

QByteArray FeedExporter::csvRow(const MessageExt &m)
{
    const QString body = BodyCodec::isUtf8(m.body) ? QString::fromUtf8(m.body)
                                                   : QStringLiteral("base64:") + QString::fromLatin1(m.body.toBase64());
    const QStringList fields{isoTime(m.storeTimestamp),
                             m.topic,
                             m.tags(),
                             m.properties.value(prop::Keys),
                             QString::number(m.queueId),
                             QString::number(m.queueOffset),
                             m.msgId(),
                             m.offsetMsgId,
                             m.bornHost.toString(),
                             m.storeHost.toString(),
                             QString::number(m.body.size()),
                             body};
    QByteArray line;
    for (int i = 0; i < fields.size(); ++i) {
        if (i)
            line += ',';
        line += csvField(fields.at(i));
    }
    return line + "\r\n";
}

Status FeedExporter::write(QIODevice &out, const QList<MessageExt> &messages, Format format)
{
    if (format == Format::Csv && out.write(csvHeader()) < 0)
        return makeError(Error::Code::Cancelled, tr("Cannot write: %1").arg(out.errorString()));
    for (const MessageExt &m : messages) {
        if (out.write(format == Format::Csv ? csvRow(m) : jsonLine(m)) < 0)
            return makeError(Error::Code::Cancelled, tr("Cannot write: %1").arg(out.errorString()));
    }
    return Ok{};
}

Status FeedExporter::writeFile(const QString &path, const QList<MessageExt> &messages, Format format)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return makeError(Error::Code::Cancelled, tr("Cannot open %1: %2").arg(path, file.errorString()));
    if (auto ok = write(file, messages, format); !ok)
        return ok;
    if (!file.commit())
        return makeError(Error::Code::Cancelled, tr("Cannot save %1: %2").arg(path, file.errorString()));
    return Ok{};
}

FeedExporter::Format FeedExporter::formatForPath(const QString &path)
{
    return path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive) ? Format::Csv : Format::JsonLines;
}

} // namespace mq::gui

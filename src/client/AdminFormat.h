#pragma once

// Admin results as JSON (for `mqdesk-cli ... --json` and exports) and as text for people.

#include "AdminTypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace mq::format {

// Every field of a stored message; the body as UTF-8 text ("body") when it is valid UTF-8,
// otherwise base64 ("bodyBase64").
QJsonObject messageJson(const FoundMessage &found);
QJsonObject trackJson(const MessageTrack &track);
QJsonArray tracksJson(const QList<MessageTrack> &tracks);
QJsonObject failureJson(const BrokerFailure &failure);
QJsonArray failuresJson(const QList<BrokerFailure> &failures);
QJsonObject clusterJson(const ClusterView &cluster);
QJsonObject connectionsJson(const GroupConnections &connections);
QJsonObject progressJson(const GroupProgress &progress);
QJsonObject resetJson(const ResetReport &report);

// A multi-line description of a message: ids, queue, times, hosts, properties, body.
QString messageText(const FoundMessage &found);
QString tracksText(const QList<MessageTrack> &tracks);
// The body for reading: the text when it is valid UTF-8, else a hex dump of the start.
QString bodyText(const QByteArray &body, int maxHexBytes = 256);
bool isUtf8(const QByteArray &bytes);

} // namespace mq::format

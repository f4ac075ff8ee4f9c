#pragma once

#include "Message.h"
#include "Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace mq::gui {

enum class BodyMode { Text, Json, Hex, File };

// What the composer holds, before it is a message: also the shape of templates and of
// outbox entries (toJson / fromJson), so a retried send rebuilds exactly the same message.
struct MessageDraft {
    QString topic;
    QString tags;
    QString keys; // space separated, as RocketMQ stores them
    QList<QPair<QString, QString>> properties;
    int delayLevel = 0; // 0 = none, 1..18 = the broker's delay levels (1s ... 2h)
    BodyMode bodyMode = BodyMode::Text;
    QString bodyText; // text, JSON or hex digits depending on bodyMode
    QString filePath; // BodyMode::File

    // The message to send, or the first thing wrong with the draft, in words.
    Result<Message> build() const;
    Result<QByteArray> body() const;

    QJsonObject toJson() const;
    static MessageDraft fromJson(const QJsonObject &json);
    bool operator==(const MessageDraft &) const = default;

    static constexpr int MaxDelayLevel = 18;
    static constexpr qsizetype MaxBodyBytes = 4 * 1024 * 1024; // broker default maxMessageSize
    static bool isReservedProperty(const QString &name);
    static QString delayLevelLabel(int level); // "1s", "5s" ... "2h"

    Q_DECLARE_TR_FUNCTIONS(MessageDraft)
};

QString bodyModeName(BodyMode mode);
BodyMode bodyModeFromName(const QString &name);

} // namespace mq::gui

#include "FaultSupport.h"

#include "Broker.h"
#include "NameServer.h"

#include <QEventLoop>

namespace faults {

LatenessProbe::LatenessProbe()
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(1);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        const qint64 now = m_clock.nsecsElapsed();
        m_samples.add(std::max<qint64>(0, now - m_last - 1000000));
        m_last = now;
    });
}

void LatenessProbe::start()
{
    m_clock.start();
    m_last = 0;
    m_timer.start();
}

bool runUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

std::unique_ptr<mq::sandbox::Broker> startBrokerLike(const mq::sandbox::Broker &old, const QString &address,
                                                     mq::sandbox::NameServer *nameServer, QString *error)
{
    mq::sandbox::BrokerOptions options = old.options();
    options.port = quint16(address.mid(address.lastIndexOf(QLatin1Char(':')) + 1).toUInt());
    auto broker = std::make_unique<mq::sandbox::Broker>(options);
    broker->attachNameServer(nameServer);
    if (auto started = broker->start(); !started) {
        *error = started.error().message;
        return nullptr;
    }
    return broker;
}

QList<QString> storedKeys(mq::sandbox::Broker &broker, const QString &topic)
{
    QList<QString> keys;
    for (int queueId = 0; queueId < 64; ++queueId) {
        const auto *queue = broker.store().queue(topic, queueId);
        if (!queue)
            continue;
        for (const auto &entry : *queue)
            if (auto message = broker.store().lookMessage(entry.phyOffset))
                keys.append(message->keys());
    }
    return keys;
}

} // namespace faults

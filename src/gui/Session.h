#pragma once

#include "Backends.h"
#include "Profile.h"

#include <QObject>

#include <functional>
#include <memory>

namespace mq::gui {

class SecretStore;

// What the status bar shows: always visible, errors in words.
struct ConnectionState {
    enum class Phase { Disconnected, Connecting, Connected, Failed };
    Phase phase = Phase::Disconnected;
    QStringList nameServers; // as resolved
    QStringList brokers;     // "brokerName host:port"
    QString error;           // last problem, in words (may be set while Connected: degraded)

    bool operator==(const ConnectionState &) const = default;
};

// The connection to one profile's cluster and the backends the panels use. Backends a
// build does not offer (yet) are nullptr; panels then say so instead of acting.
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(ConnectionProfile profile, QObject *parent = nullptr)
        : QObject(parent)
        , m_profile(std::move(profile))
    {}

    const ConnectionProfile &profile() const { return m_profile; }
    const ConnectionState &state() const { return m_state; }

    virtual void start() = 0;
    virtual ProducerBackend *producer() { return nullptr; }
    virtual ConsumerBackend *consumer() { return nullptr; }
    virtual AdminBackend *admin() { return nullptr; }

Q_SIGNALS:
    void stateChanged(const mq::gui::ConnectionState &state);

protected:
    void setState(ConnectionState state)
    {
        if (state == m_state)
            return;
        m_state = std::move(state);
        Q_EMIT stateChanged(m_state);
    }

private:
    ConnectionProfile m_profile;
    ConnectionState m_state;
};

using SessionFactory = std::function<std::unique_ptr<Session>(const ConnectionProfile &, SecretStore *)>;

// The factory the app uses: the client library when this build has it.
SessionFactory defaultSessionFactory();

} // namespace mq::gui

#include "Session.h"

#include "SecretStore.h"

namespace mq::gui {

#ifdef MQDESK_HAVE_CLIENT_BACKENDS
// backends/ClientSession.cpp
std::unique_ptr<Session> createClientSession(const ConnectionProfile &profile, SecretStore *secrets);
#else
namespace {
// Stands in while this build has no network client: says so instead of pretending.
class OfflineSession : public Session {
public:
    using Session::Session;
    void start() override
    {
        ConnectionState s;
        s.phase = ConnectionState::Phase::Failed;
        s.error = Session::tr("This build of MQCloud Desk has no network client; it cannot connect to %1.")
                      .arg(profile().name);
        setState(s);
    }
};
} // namespace
#endif

SessionFactory defaultSessionFactory()
{
    return [](const ConnectionProfile &profile, SecretStore *secrets) -> std::unique_ptr<Session> {
#ifdef MQDESK_HAVE_CLIENT_BACKENDS
        return createClientSession(profile, secrets);
#else
        Q_UNUSED(secrets);
        return std::make_unique<OfflineSession>(profile);
#endif
    };
}

} // namespace mq::gui

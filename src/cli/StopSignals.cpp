#include "StopSignals.h"

#include <QSocketNotifier>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <utility>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace mq::cli {

namespace {
#ifdef Q_OS_UNIX
int s_fds[2] = {-1, -1};
#else
std::atomic<bool> s_flag{false};
#endif
} // namespace

StopSignals::StopSignals()
{
#ifdef Q_OS_UNIX
    // Without the socket pair the signals keep their default action: better than ignoring Ctrl+C.
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_fds) != 0)
        return;
    m_notifier = new QSocketNotifier(s_fds[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, [this] {
        char c;
        [[maybe_unused]] auto n = ::read(s_fds[1], &c, 1);
        Q_EMIT stopRequested();
    });
#else
    auto *poll = new QTimer(this);
    connect(poll, &QTimer::timeout, this, [this] {
        if (s_flag.exchange(false))
            Q_EMIT stopRequested();
    });
    poll->start(200);
#endif
    std::signal(SIGINT, &StopSignals::onSignal);
    std::signal(SIGTERM, &StopSignals::onSignal);
}

StopSignals::~StopSignals()
{
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
#ifdef Q_OS_UNIX
    delete std::exchange(m_notifier, nullptr);
    for (int &fd : s_fds)
        if (fd >= 0)
            ::close(std::exchange(fd, -1));
#endif
}

void StopSignals::onSignal(int)
{
#ifdef Q_OS_UNIX
    const char c = 1;
    [[maybe_unused]] auto n = ::write(s_fds[0], &c, 1);
#else
    s_flag = true;
#endif
}

} // namespace mq::cli

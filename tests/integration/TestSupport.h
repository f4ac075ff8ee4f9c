#pragma once

#include "Result.h"

#include <QCoro/QCoroTask>
#include <QEventLoop>
#include <QTcpServer>
#include <QTimer>

#include <memory>
#include <optional>

namespace testing {

// The error text of a failed Result, empty for a good one: for QVERIFY2 messages, which
// Qt evaluates even when the check passes.
template <typename T> QByteArray why(const mq::Result<T> &r)
{
    return r.ok() ? QByteArray() : r.error().message.toUtf8();
}
template <typename T> QByteArray why(const std::optional<mq::Result<T>> &r)
{
    return r ? why(*r) : QByteArray("(did not finish)");
}

// Runs the event loop until `task` finishes; std::nullopt when `limitMs` passes first (the
// caller's QVERIFY then fails). QCoro::waitFor needs a default-constructible result; ours
// (mq::Result) are not.
template <typename T> std::optional<T> await(QCoro::Task<T> task, int limitMs = 20000)
{
    struct Shared {
        std::optional<T> result;
        QEventLoop *loop = nullptr;
    };
    auto shared = std::make_shared<Shared>();
    QEventLoop loop;
    shared->loop = &loop;
    auto chained = task.then([shared](T value) {
        shared->result.emplace(std::move(value));
        if (shared->loop)
            shared->loop->quit();
    });
    if (!shared->result) {
        QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    shared->loop = nullptr;
    return std::move(shared->result);
}

inline bool await(QCoro::Task<> task, int limitMs = 20000)
{
    struct Shared {
        bool done = false;
        QEventLoop *loop = nullptr;
    };
    auto shared = std::make_shared<Shared>();
    QEventLoop loop;
    shared->loop = &loop;
    auto chained = task.then([shared] {
        shared->done = true;
        if (shared->loop)
            shared->loop->quit();
    });
    if (!shared->done) {
        QTimer::singleShot(limitMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    shared->loop = nullptr;
    return shared->done;
}

// A port on 127.0.0.1 that nothing listens on (it did a moment ago): connecting is refused.
inline quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    return server.serverPort();
}

} // namespace testing

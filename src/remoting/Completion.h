#pragma once

#include <QCoreApplication>
#include <QMetaObject>

#include <coroutine>
#include <memory>
#include <optional>
#include <vector>

namespace mq {

// A value that arrives later, awaitable by any number of coroutines: the bridge between
// signal-driven socket code and QCoro tasks. The first complete() wins.
//
// Waiters are resumed from the event loop, never from inside complete(): the completer is
// usually deep in a socket slot, and a resumed coroutine may delete the very object that
// is completing it.
template <typename T> class Completion {
public:
    Completion()
        : m_state(std::make_shared<State>())
    {}

    bool isDone() const { return m_state->value.has_value(); }

    bool complete(T value) const
    {
        if (m_state->value)
            return false;
        m_state->value.emplace(std::move(value));
        auto waiters = std::move(m_state->waiters);
        m_state->waiters.clear();
        for (auto handle : waiters)
            resumeLater(handle);
        return true;
    }

    auto operator co_await() const noexcept
    {
        struct Awaiter {
            std::shared_ptr<State> state;
            bool await_ready() const noexcept { return state->value.has_value(); }
            void await_suspend(std::coroutine_handle<> handle) { state->waiters.push_back(handle); }
            T await_resume() const { return *state->value; }
        };
        return Awaiter{m_state};
    }

private:
    struct State {
        std::optional<T> value;
        std::vector<std::coroutine_handle<>> waiters;
    };
    std::shared_ptr<State> m_state;

    static void resumeLater(std::coroutine_handle<> handle)
    {
        if (auto *app = QCoreApplication::instance())
            QMetaObject::invokeMethod(
                app, [handle] { handle.resume(); }, Qt::QueuedConnection);
        else
            handle.resume();
    }
};

} // namespace mq

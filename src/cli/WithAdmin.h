#pragma once

// The bracket around a one-shot admin command: start a client, run the job, shut the client
// down, then hand back the job's result for the command to print.

#include "Admin.h"
#include "ClientInstance.h"

#include <QCoro/QCoroTask>

#include <utility>

namespace mq::cli {

// Runs `job(admin)` (returning QCoro::Task<Result<T>>) on a client started with `config`. A
// client that does not start gives its error as the result; the job then does not run.
template <typename Job> auto withAdmin(ClientConfig config, Job job) -> decltype(job(std::declval<Admin &>()))
{
    ClientInstance client(std::move(config));
    if (auto started = co_await client.start(); !started)
        co_return started.error();
    Admin admin(&client);
    auto result = co_await job(admin);
    co_await client.shutdown();
    co_return result;
}

} // namespace mq::cli

#include "ProducerAdapter.h"

#include "Producer.h"
#include "SendResult.h"

#include <QCoreApplication>

namespace mq::gui {

ProducerAdapter::ProducerAdapter(Producer *producer, int retries, std::chrono::milliseconds timeout)
    : m_producer(producer)
    , m_retries(retries)
    , m_timeout(timeout)
{}

QCoro::Task<Result<SendReceipt>> ProducerAdapter::send(Message message)
{
    QPointer<Producer> producer = m_producer;
    if (!producer)
        co_return makeError(Error::Code::Cancelled,
                            QCoreApplication::translate("ProducerAdapter", "The producer has stopped."));
    SendOptions options;
    options.retries = m_retries;
    options.timeout = m_timeout;
    auto result = co_await producer->send(std::move(message), options);
    if (!result)
        co_return result.error();
    SendReceipt r;
    r.status = sendStatusName(result->status);
    // A message without UNIQ_KEY is known by its offsetMsgId only (see DESIGN.md).
    r.msgId = result->msgId.isEmpty() ? result->offsetMsgId : result->msgId;
    r.offsetMsgId = result->offsetMsgId;
    r.queue = result->messageQueue;
    r.queueOffset = result->queueOffset;
    r.brokerAddress = result->brokerAddress;
    co_return r;
}

} // namespace mq::gui

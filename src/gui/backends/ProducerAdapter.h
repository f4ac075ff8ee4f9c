#pragma once

#include "Backends.h"
#include "Producer.h"

#include <QPointer>

namespace mq::gui {

// ProducerBackend over mq::Producer: the send result in the composer's terms.
class ProducerAdapter : public ProducerBackend {
public:
    ProducerAdapter(Producer *producer, int retries, std::chrono::milliseconds timeout);
    QCoro::Task<Result<SendReceipt>> send(Message message) override;

private:
    QPointer<Producer> m_producer;
    int m_retries;
    std::chrono::milliseconds m_timeout;
};

} // namespace mq::gui

#pragma once

#include "AdminTypes.h"
#include "ClientInstance.h"

#include <QCoro/QCoroTask>
#include <QObject>
#include <QPointer>

namespace mq {

// Reads a topic's messages stored in a time range, queue by queue: SEARCH_OFFSET_BY_TIMESTAMP
// for both ends, then PULL_MESSAGE between them as the tools group (kToolsConsumerGroup),
// without the commit flag, so no group's offsets move. Queues are read round by round, one
// batch per queue at a time, so a bounded browse samples every queue; each batch is
// announced as it arrives. One browse at a time per browser.
class TopicBrowser : public QObject {
    Q_OBJECT
public:
    explicit TopicBrowser(ClientInstance *client, QObject *parent = nullptr);

    // Finishes when the range is read, maxMessages were delivered, or cancel() was called
    // (summary.cancelled; the batches already announced stand). Errors: InvalidArgument,
    // NotFound (no route), or the failure when no queue could be read at all.
    QCoro::Task<Result<BrowseSummary>> browse(BrowseRequest request);
    // Stops after the pulls in flight; their messages are not announced.
    void cancel();
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    // Where each queue's range starts and ends, once all were searched.
    void rangesFound(const QList<mq::QueueRange> &ranges);
    // Messages of one queue, stored within the range, in queue order.
    void batch(const QList<mq::FoundMessage> &messages);

private:
    QCoro::Task<Result<BrowseSummary>> run(BrowseRequest request);

    QPointer<ClientInstance> m_client;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace mq

Q_DECLARE_METATYPE(mq::QueueRange)
Q_DECLARE_METATYPE(QList<mq::QueueRange>)

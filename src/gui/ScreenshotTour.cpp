#include "ScreenshotTour.h"

#include "ComposerPanel.h"
#include "ConsumersPanel.h"
#include "FeedModel.h"
#include "FeedPanel.h"
#include "Log.h"
#include "MainWindow.h"
#include "MessageDraft.h"
#include "QueryPanel.h"
#include "TopicsPanel.h"

#include <QApplication>
#include <QCoro/QCoroSignal>
#include <QCoro/QCoroTimer>
#include <QDir>
#include <QPixmap>

#include <chrono>

namespace mq::gui {

ScreenshotTour::ScreenshotTour(MainWindow *window, QString directory, QString language, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
    , m_language(std::move(language))
{}

void ScreenshotTour::start()
{
    run();
}

QCoro::Task<> ScreenshotTour::settle(int milliseconds)
{
    co_await QCoro::sleepFor(std::chrono::milliseconds(milliseconds));
}

bool ScreenshotTour::grab(const QString &name)
{
    QDir().mkpath(m_directory);
    const QString path = QStringLiteral("%1/%2-%3.png").arg(m_directory, name, m_language);
    const bool ok = m_window->grab().save(path);
    qCInfo(lcGui).noquote() << (ok ? "saved" : "could not save") << path;
    return ok;
}

QCoro::Task<> ScreenshotTour::run()
{
    m_window->resize(1360, 820);
    co_await settle(300);
    Session *session = m_window->session();
    // Wait for the connection (the sandbox starts in well under a second).
    for (int i = 0; i < 50 && session && session->state().phase != ConnectionState::Phase::Connected; ++i)
        co_await settle(100);
    const bool connected = session && session->state().phase == ConnectionState::Phase::Connected;
    const QString topic = QStringLiteral("order-events");

    if (connected && session->consumer()) {
        Subscription s;
        s.topic = topic;
        s.group = session->profile().consumerGroup;
        m_window->feed()->subscribe(s);
        co_await settle(1500);
    }
    MessageDraft draft;
    draft.topic = topic;
    draft.tags = QStringLiteral("created");
    draft.keys = QStringLiteral("order-1001 customer-42");
    draft.properties = {{QStringLiteral("region"), QStringLiteral("cn-north")},
                        {QStringLiteral("source"), QStringLiteral("checkout")}};
    draft.bodyMode = BodyMode::Json;
    draft.bodyText = QStringLiteral("{\n  \"orderId\": 1001,\n  \"customer\": \"\u5f20\u4f1f\",\n  \"items\": "
                                    "[{\"sku\": \"A-17\", \"qty\": 2}],\n  \"total\": 259.00\n}");
    m_window->composer()->setDraft(draft);
    if (connected && session->producer()) {
        m_window->showPage(MainWindow::ComposerPage);
        for (int i = 0; i < 12; ++i) {
            MessageDraft d = draft;
            d.keys = QStringLiteral("order-%1 customer-%2").arg(1001 + i).arg(40 + i % 5);
            d.tags = i % 3 == 0 ? QStringLiteral("paid") : QStringLiteral("created");
            d.bodyText = QStringLiteral("{\"orderId\": %1, \"customer\": \"\u5f20\u4f1f\", \"total\": %2}")
                             .arg(1001 + i)
                             .arg(100 + i * 13);
            m_window->composer()->setDraft(d);
            m_window->composer()->send();
            co_await qCoro(m_window->composer(), &ComposerPanel::sendFinished, std::chrono::seconds(5));
        }
        m_window->composer()->setDraft(draft);
    }
    co_await settle(800);

    m_window->showPage(MainWindow::ComposerPage);
    co_await settle(300);
    grab(QStringLiteral("composer"));

    m_window->showPage(MainWindow::FeedPage);
    co_await settle(2500); // let the throughput chart draw a few samples
    grab(QStringLiteral("feed"));

    m_window->showPage(MainWindow::QueryPage);
    if (connected && session->admin()) {
        m_window->query()->search(QueryPanel::ByKey, topic, QStringLiteral("order-1001"));
        co_await qCoro(m_window->query(), &QueryPanel::queryFinished, std::chrono::seconds(5));
    }
    co_await settle(300);
    grab(QStringLiteral("query"));

    m_window->showPage(MainWindow::TopicsPage);
    if (connected && session->admin()) {
        m_window->topics()->selectTopic(topic);
        co_await settle(800);
    }
    grab(QStringLiteral("topics"));

    m_window->showPage(MainWindow::ConsumersPage);
    if (connected && session->admin()) {
        m_window->consumers()->selectGroup(session->profile().consumerGroup);
        co_await settle(800);
    }
    grab(QStringLiteral("consumers"));

    QApplication::quit();
}

} // namespace mq::gui

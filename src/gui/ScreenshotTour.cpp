#include "ScreenshotTour.h"

#include "ComposerPanel.h"
#include "ConsumersPanel.h"
#include "FeedModel.h"
#include "FeedPanel.h"
#include "Log.h"
#include "MainWindow.h"
#include "MessageDraft.h"
#include "MessageInspector.h"
#include "ProfileDialog.h"
#include "QueryPanel.h"
#include "TopicsPanel.h"

#include <QApplication>
#include <QCoro/QCoroSignal>
#include <QCoro/QCoroTimer>
#include <QDir>
#include <QPixmap>
#include <QSpinBox>
#include <QTableView>

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
    m_window->resize(1440, 860);
    co_await settle(300);
    Session *session = m_window->session();
    // Wait for the connection (the sandbox starts in well under a second).
    for (int i = 0; i < 100 && session && session->state().phase != ConnectionState::Phase::Connected; ++i)
        co_await settle(100);
    const bool connected = session && session->state().phase == ConnectionState::Phase::Connected;
    const QString topic = QStringLiteral("order-events");
    ComposerPanel *composer = m_window->composer();

    if (connected && session->consumer()) {
        Subscription s;
        s.topic = topic;
        s.group = session->profile().consumerGroup;
        s.from = ConsumeFrom::FirstOffset;
        m_window->feed()->subscribe(s);
        co_await settle(500);
    }
    MessageDraft draft;
    draft.topic = topic;
    draft.tags = QStringLiteral("paid");
    draft.keys = QStringLiteral("order-1001 customer-42");
    draft.properties = {{QStringLiteral("region"), QStringLiteral("cn-north")},
                        {QStringLiteral("source"), QStringLiteral("checkout")}};
    draft.bodyMode = BodyMode::Json;
    draft.bodyText = QStringLiteral("{\n  \"orderId\": 1001,\n  \"customer\": \"\u5f20\u4f1f\",\n  \"items\": "
                                    "[{\"sku\": \"A-17\", \"qty\": 2}],\n  \"total\": 259.00\n}");
    if (connected && session->producer()) {
        m_window->showPage(MainWindow::ComposerPage);
        for (int i = 0; i < 12; ++i) {
            MessageDraft d = draft;
            d.keys = QStringLiteral("order-%1 customer-%2").arg(1001 + i).arg(40 + i % 5);
            d.tags = i % 3 == 0 ? QStringLiteral("created") : QStringLiteral("paid");
            d.bodyText = QStringLiteral("{\"orderId\": %1, \"customer\": \"\u5f20\u4f1f\", \"total\": %2}")
                             .arg(1001 + i)
                             .arg(100 + i * 13);
            composer->setDraft(d);
            composer->send();
            if (composer->isSending())
                co_await qCoro(composer, &ComposerPanel::sendFinished, std::chrono::seconds(5));
        }
        // A steady stream for the throughput chart.
        MessageDraft load = draft;
        load.keys = QStringLiteral("load-test");
        load.tags = QStringLiteral("bulk");
        composer->setDraft(load);
        if (auto *count = composer->findChild<QSpinBox *>(QStringLiteral("countSpin")))
            count->setValue(400);
        if (auto *rate = composer->findChild<QSpinBox *>(QStringLiteral("rateSpin")))
            rate->setValue(100);
        composer->send();
        if (composer->isSending())
            co_await qCoro(composer, &ComposerPanel::sendFinished, std::chrono::seconds(30));
        if (auto *count = composer->findChild<QSpinBox *>(QStringLiteral("countSpin")))
            count->setValue(1);
    }
    composer->setDraft(draft);
    co_await settle(1500);

    m_window->showPage(MainWindow::ComposerPage);
    co_await settle(300);
    grab(QStringLiteral("composer"));

    m_window->showPage(MainWindow::FeedPage);
    if (auto *view = m_window->feed()->findChild<QTableView *>(QStringLiteral("feedView"))) {
        view->selectRow(qMin(5, view->model()->rowCount() - 1));
        view->scrollTo(view->model()->index(0, 0));
    }
    co_await settle(500);
    grab(QStringLiteral("feed"));

    m_window->showPage(MainWindow::QueryPage);
    if (connected && session->admin()) {
        m_window->query()->search(QueryPanel::ByKey, topic, QStringLiteral("customer-42"));
        co_await qCoro(m_window->query(), &QueryPanel::queryFinished, std::chrono::seconds(5));
        m_window->inspector()->trackConsumers();
        co_await qCoro(m_window->inspector(), &MessageInspector::trackFinished, std::chrono::seconds(5));
    }
    co_await settle(300);
    grab(QStringLiteral("query"));

    m_window->showPage(MainWindow::TopicsPage);
    if (connected && session->admin()) {
        m_window->topics()->refresh();
        co_await qCoro(m_window->topics(), &TopicsPanel::topicsLoaded, std::chrono::seconds(5));
        m_window->topics()->selectTopic(topic);
        co_await qCoro(m_window->topics(), &TopicsPanel::routeShown, std::chrono::seconds(5));
    }
    co_await settle(300);
    grab(QStringLiteral("topics"));

    m_window->showPage(MainWindow::ConsumersPage);
    if (connected && session->admin()) {
        m_window->consumers()->refresh();
        m_window->consumers()->selectGroup(session->profile().consumerGroup);
        co_await qCoro(m_window->consumers(), &ConsumersPanel::progressShown, std::chrono::seconds(5));
    }
    co_await settle(300);
    grab(QStringLiteral("consumers"));

    // The profile editor with an MQCloud profile: the resolver helper at work.
    ConnectionProfile cloud;
    cloud.name = QStringLiteral("MQCloud \u751f\u4ea7");
    cloud.source = NameServerSource::MQCloud;
    cloud.mqcloudDomain = QStringLiteral("mqcloud.example.com");
    cloud.clusterId = QStringLiteral("3");
    cloud.producerGroup = QStringLiteral("desk_producer");
    cloud.consumerGroup = QStringLiteral("desk_watch");
    cloud.aclAccessKey = QStringLiteral("AK-ops-team");
    ProfileDialog dialog({ConnectionProfile::sandbox(), cloud}, nullptr, m_window);
    dialog.selectProfile(cloud.name);
    dialog.show();
    co_await settle(400);
    QDir().mkpath(m_directory);
    dialog.grab().save(QStringLiteral("%1/profiles-%2.png").arg(m_directory, m_language));
    dialog.hide();

    QApplication::quit();
}

} // namespace mq::gui

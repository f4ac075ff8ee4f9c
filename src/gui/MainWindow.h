#pragma once

#include "Profile.h"
#include "Session.h"

#include <QMainWindow>
#include <QPointer>

#include <memory>

class QComboBox;
class QDockWidget;
class QSettings;

namespace Ui {
class MainWindow;
}

namespace mq::gui {

class ComposerPanel;
class ConnectionStatus;
class ConsumersPanel;
class FeedPanel;
class Language;
class MessageInspector;
class Outbox;
class QueryPanel;
class SecretStore;
class TopicsPanel;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // What the window depends on, so tests can hand in fakes and temporary settings.
    struct Context {
        QSettings *settings = nullptr;
        SecretStore *secrets = nullptr;
        Language *language = nullptr;
        SessionFactory sessionFactory;
        QString outboxPath; // empty: the app data location
    };
    enum Page { ComposerPage, FeedPage, QueryPage, TopicsPage, ConsumersPage, PageCount };

    explicit MainWindow(Context context, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool connectToProfile(const QString &name);
    void disconnectSession();
    Session *session() const { return m_session.get(); }
    void showPage(Page page);
    QWidget *page(Page page) const;
    ComposerPanel *composer() const { return m_composer; }
    FeedPanel *feed() const { return m_feed; }
    QueryPanel *query() const { return m_query; }
    TopicsPanel *topics() const { return m_topics; }
    ConsumersPanel *consumers() const { return m_consumers; }
    MessageInspector *inspector() const { return m_inspector; }
    QDockWidget *inspectorDock() const { return m_inspectorDock; }
    ConnectionStatus *connectionStatus() const { return m_status; }
    QList<ConnectionProfile> profiles() const { return m_profiles; }

Q_SIGNALS:
    void sessionChanged(mq::gui::Session *session);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void setupNavigation();
    void setupToolBar();
    void reloadProfiles(const QString &select);
    void connectSelected();
    void editProfiles();
    void editSettings();
    void about();
    void onStateChanged(const ConnectionState &state);
    void distributeTopics(const QStringList &topics);
    void applySettings();
    void retranslate();
    void updateActions();

    std::unique_ptr<Ui::MainWindow> ui;
    Context m_context;
    QList<ConnectionProfile> m_profiles;
    std::unique_ptr<Session> m_session;
    Outbox *m_outbox;
    ComposerPanel *m_composer;
    FeedPanel *m_feed;
    QueryPanel *m_query;
    TopicsPanel *m_topics;
    ConsumersPanel *m_consumers;
    MessageInspector *m_inspector;
    QDockWidget *m_inspectorDock;
    ConnectionStatus *m_status;
    QComboBox *m_profileCombo;
    bool m_topicsLoaded = false;
};

} // namespace mq::gui

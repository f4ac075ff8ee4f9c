#pragma once

#include <QByteArrayMatcher>
#include <QSortFilterProxyModel>

namespace mq::gui {

class FeedModel;

// Keeps the feed rows whose keys, tags, message id or body contain the filter text
// (case-insensitive for text; the raw body bytes are searched too, so long bodies match
// beyond their preview).
class FeedFilterProxy : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit FeedFilterProxy(QObject *parent = nullptr);
    void setFeed(FeedModel *feed);
    void setText(const QString &text);
    QString text() const { return m_text; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    FeedModel *m_feed = nullptr;
    QString m_text;
    QByteArrayMatcher m_bodyMatcher;
};

} // namespace mq::gui

#pragma once

#include <QSortFilterProxyModel>

namespace mq::gui {

class FeedModel;

// Keeps the feed rows whose keys, tags, message id, offsetMsgId or body contain the filter
// text, ignoring ASCII case. The whole body is searched, so long bodies match beyond their
// preview. Each row is matched in place (FeedModel::rowContains): no strings built per row.
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
    QByteArray m_needle; // the text, lower case, UTF-8
};

} // namespace mq::gui

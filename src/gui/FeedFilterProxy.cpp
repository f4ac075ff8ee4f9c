#include "FeedFilterProxy.h"

#include "FeedModel.h"

namespace mq::gui {

FeedFilterProxy::FeedFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{}

void FeedFilterProxy::setFeed(FeedModel *feed)
{
    m_feed = feed;
    setSourceModel(feed);
}

void FeedFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    m_needle = text.toLower().toUtf8();
    invalidateFilter();
}

bool FeedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || !m_feed || sourceParent.isValid())
        return true;
    return m_feed->rowContains(sourceRow, m_needle);
}

} // namespace mq::gui

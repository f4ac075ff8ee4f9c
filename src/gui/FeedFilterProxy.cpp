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
    m_bodyMatcher.setPattern(text.toUtf8());
    invalidateFilter();
}

bool FeedFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (m_text.isEmpty() || !m_feed || sourceParent.isValid())
        return true;
    const MessageExt &m = m_feed->message(sourceRow);
    const auto contains = [this](const QString &s) { return s.contains(m_text, Qt::CaseInsensitive); };
    if (contains(m.properties.value(prop::Keys)) || contains(m.tags()) || contains(m.msgId()) ||
        contains(m.offsetMsgId) || contains(m_feed->bodyPreview(sourceRow)))
        return true;
    return m_bodyMatcher.indexIn(m.body) >= 0;
}

} // namespace mq::gui

#pragma once

#include "MessageDraft.h"

#include <QMap>

class QSettings;

namespace mq::gui {

// Named composer drafts, saved per connection profile in QSettings.
class TemplateStore {
public:
    explicit TemplateStore(QSettings &settings)
        : m_settings(settings)
    {}
    QMap<QString, MessageDraft> load(const QString &profile) const;
    void save(const QString &profile, const QString &name, const MessageDraft &draft);
    void remove(const QString &profile, const QString &name);

private:
    QSettings &m_settings;
};

} // namespace mq::gui

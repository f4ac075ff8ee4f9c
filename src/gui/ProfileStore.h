#pragma once

#include "Profile.h"

#include <QList>

class QSettings;

namespace mq::gui {

// Reads and writes connection profiles in QSettings. The built-in Sandbox profile is not stored
// (it always comes first), and the ACL secret key is never written: it belongs in SecretStore.
class ProfileStore {
public:
    explicit ProfileStore(QSettings &settings)
        : m_settings(settings)
    {}

    QList<ConnectionProfile> load() const;
    void save(const QList<ConnectionProfile> &profiles);

    QString lastUsed() const;
    void setLastUsed(const QString &name);

private:
    QSettings &m_settings;
};

} // namespace mq::gui

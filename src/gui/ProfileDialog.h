#pragma once

#include "Profile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class ProfileDialog;
}

namespace mq::gui {

class SecretStore;

// Edits the list of connection profiles. Secret keys typed here go to the SecretStore when
// the dialog is saved; profiles() never carries them back to the settings file.
class ProfileDialog : public QDialog {
    Q_OBJECT
public:
    ProfileDialog(QList<ConnectionProfile> profiles, SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    QList<ConnectionProfile> profiles() const; // secret keys blanked
    void selectProfile(const QString &name);
    QString currentProfileName() const;
    // Index in profiles() of a new profile; the form then edits it.
    int addProfile();
    // Everything wrong with the profiles, or empty.
    QString problem() const;
    void accept() override;

private:
    void loadForm(int index);
    void storeForm();
    void refreshList();
    void updateSourcePage();
    void updatePreview();
    void saveSecrets();

    std::unique_ptr<Ui::ProfileDialog> ui;
    QPointer<SecretStore> m_secrets;
    QList<ConnectionProfile> m_profiles;
    QStringList m_originalNames; // "" for profiles created here
    QStringList m_deleted;       // original names of removed profiles
    int m_current = -1;
    bool m_loading = false;
};

} // namespace mq::gui

#include "ProfileDialog.h"

#include "Icons.h"
#include "SecretStore.h"
#include "ui_ProfileDialog.h"

#include <QCoro/QCoroTask>
#include <QPushButton>

namespace mq::gui {

namespace {
const QString SecretField = QStringLiteral("aclSecretKey");

// Secrets outlive the dialog's Save: move renamed ones, write typed ones, drop deleted ones.
QCoro::Task<> applySecretChanges(QPointer<SecretStore> store, QList<QPair<QString, QString>> renames,
                                 QList<QPair<QString, QString>> writes, QStringList removals)
{
    for (const auto &[from, to] : renames) {
        if (!store)
            co_return;
        auto secret = co_await store->read(SecretStore::keyFor(from, SecretField));
        if (secret && store) {
            co_await store->write(SecretStore::keyFor(to, SecretField), *secret);
            if (store)
                co_await store->remove(SecretStore::keyFor(from, SecretField));
        }
    }
    for (const auto &[name, secret] : writes) {
        if (!store)
            co_return;
        co_await store->write(SecretStore::keyFor(name, SecretField), secret);
    }
    for (const QString &name : removals) {
        if (!store)
            co_return;
        co_await store->remove(SecretStore::keyFor(name, SecretField));
    }
}
} // namespace

ProfileDialog::ProfileDialog(QList<ConnectionProfile> profiles, SecretStore *secrets, QWidget *parent)
    : QDialog(parent)
    , ui(std::make_unique<Ui::ProfileDialog>())
    , m_secrets(secrets)
    , m_profiles(std::move(profiles))
{
    ui->setupUi(this);
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        m_originalNames << p.name;
    ui->addButton->setIcon(icon(QStringLiteral("add")));
    ui->duplicateButton->setIcon(icon(QStringLiteral("copy")));
    ui->removeButton->setIcon(icon(QStringLiteral("clear")));
    ui->keychainLabel->setText(m_secrets && !m_secrets->isPersistent() ? m_secrets->warning() : QString());
    ui->keychainLabel->setVisible(!ui->keychainLabel->text().isEmpty());

    connect(ui->profilesList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_loading)
            return;
        storeForm();
        loadForm(row);
    });
    connect(ui->sourceCombo, &QComboBox::currentIndexChanged, this, &ProfileDialog::updateSourcePage);
    connect(ui->domainEdit, &QLineEdit::textChanged, this, &ProfileDialog::updatePreview);
    connect(ui->clusterEdit, &QLineEdit::textChanged, this, &ProfileDialog::updatePreview);
    connect(ui->nameEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (auto *item = ui->profilesList->item(m_current))
            item->setText(text);
    });
    connect(ui->addButton, &QToolButton::clicked, this, [this] { addProfile(); });
    connect(ui->duplicateButton, &QToolButton::clicked, this, [this] {
        storeForm();
        if (m_current < 0 || m_profiles.at(m_current).isSandbox())
            return;
        ConnectionProfile copy = m_profiles.at(m_current);
        copy.name = tr("%1 (copy)").arg(copy.name);
        copy.aclSecretKey.clear();
        m_profiles.append(copy);
        m_originalNames << QString();
        refreshList();
        ui->profilesList->setCurrentRow(int(m_profiles.size()) - 1);
    });
    connect(ui->removeButton, &QToolButton::clicked, this, [this] {
        if (m_current < 0 || m_profiles.at(m_current).isSandbox())
            return;
        if (!m_originalNames.at(m_current).isEmpty())
            m_deleted << m_originalNames.at(m_current);
        m_profiles.removeAt(m_current);
        m_originalNames.removeAt(m_current);
        m_current = -1;
        refreshList();
        ui->profilesList->setCurrentRow(0);
    });
    connect(ui->buttonBox, &QDialogButtonBox::accepted, this, &ProfileDialog::accept);
    connect(ui->buttonBox, &QDialogButtonBox::rejected, this, &ProfileDialog::reject);
    refreshList();
    ui->profilesList->setCurrentRow(0);
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::refreshList()
{
    m_loading = true;
    ui->profilesList->clear();
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        new QListWidgetItem(icon(p.isSandbox() ? QStringLiteral("sandbox") : QStringLiteral("profile")), p.name,
                            ui->profilesList);
    m_loading = false;
}

int ProfileDialog::addProfile()
{
    storeForm();
    ConnectionProfile p;
    QString name = tr("New profile");
    for (int n = 2;
         std::any_of(m_profiles.begin(), m_profiles.end(), [&](const ConnectionProfile &o) { return o.name == name; });
         ++n)
        name = tr("New profile %1").arg(n);
    p.name = name;
    p.source = NameServerSource::MQCloud;
    m_profiles.append(p);
    m_originalNames << QString();
    refreshList();
    ui->profilesList->setCurrentRow(int(m_profiles.size()) - 1);
    ui->nameEdit->setFocus();
    ui->nameEdit->selectAll();
    return int(m_profiles.size()) - 1;
}

void ProfileDialog::loadForm(int index)
{
    m_current = index;
    const bool valid = index >= 0 && index < m_profiles.size();
    const ConnectionProfile p = valid ? m_profiles.at(index) : ConnectionProfile{};
    m_loading = true;
    ui->nameEdit->setText(p.name);
    ui->sourceCombo->setCurrentIndex(int(p.source));
    ui->domainEdit->setText(p.mqcloudDomain);
    ui->clusterEdit->setText(p.clusterId);
    ui->urlEdit->setText(p.resolverUrl);
    ui->staticEdit->setText(p.nameServers.join(QLatin1Char(';')));
    ui->producerGroupEdit->setText(p.producerGroup);
    ui->consumerGroupEdit->setText(p.consumerGroup);
    ui->accessKeyEdit->setText(p.aclAccessKey);
    ui->secretKeyEdit->setText(p.aclSecretKey);
    ui->tlsCheck->setChecked(p.tls);
    ui->tlsInsecureCheck->setChecked(!p.tlsVerify);
    ui->timeoutSpin->setValue(p.requestTimeoutMs);
    ui->retriesSpin->setValue(p.sendRetries);
    ui->refreshSpin->setValue(p.resolverRefreshSeconds);
    m_loading = false;
    // The built-in sandbox is fixed; everything else is editable, but never turns into a sandbox.
    const bool sandbox = p.isSandbox();
    for (QWidget *w : QList<QWidget *>{ui->nameEdit, ui->sourceCombo, ui->producerGroupEdit, ui->consumerGroupEdit,
                                       ui->accessKeyEdit, ui->secretKeyEdit, ui->tlsCheck, ui->tlsInsecureCheck,
                                       ui->timeoutSpin, ui->retriesSpin, ui->refreshSpin})
        w->setEnabled(valid && !sandbox);
    ui->removeButton->setEnabled(valid && !sandbox);
    ui->duplicateButton->setEnabled(valid && !sandbox);
    updateSourcePage();
    ui->errorLabel->clear();
}

void ProfileDialog::storeForm()
{
    if (m_loading || m_current < 0 || m_current >= m_profiles.size() || m_profiles.at(m_current).isSandbox())
        return;
    ConnectionProfile &p = m_profiles[m_current];
    p.name = ui->nameEdit->text().trimmed();
    p.source = NameServerSource(qMax(1, ui->sourceCombo->currentIndex()));
    p.mqcloudDomain = ui->domainEdit->text().trimmed();
    p.clusterId = ui->clusterEdit->text().trimmed();
    p.resolverUrl = ui->urlEdit->text().trimmed();
    p.nameServers = parseNameServerList(ui->staticEdit->text());
    p.producerGroup = ui->producerGroupEdit->text().trimmed();
    p.consumerGroup = ui->consumerGroupEdit->text().trimmed();
    p.aclAccessKey = ui->accessKeyEdit->text().trimmed();
    p.aclSecretKey = ui->secretKeyEdit->text();
    p.tls = ui->tlsCheck->isChecked();
    p.tlsVerify = !ui->tlsInsecureCheck->isChecked();
    p.requestTimeoutMs = ui->timeoutSpin->value();
    p.sendRetries = ui->retriesSpin->value();
    p.resolverRefreshSeconds = ui->refreshSpin->value();
}

void ProfileDialog::updateSourcePage()
{
    const int source = ui->sourceCombo->currentIndex();
    ui->sourceStack->setCurrentIndex(source);
    // Only the built-in profile is a sandbox: hide that choice elsewhere.
    const bool sandbox = m_current >= 0 && m_current < m_profiles.size() && m_profiles.at(m_current).isSandbox();
    if (!sandbox && source == int(NameServerSource::Sandbox))
        ui->sourceCombo->setCurrentIndex(int(NameServerSource::MQCloud));
    updatePreview();
}

void ProfileDialog::updatePreview()
{
    const QString url = mqcloudResolverUrl(ui->domainEdit->text(), ui->clusterEdit->text());
    ui->urlPreview->setText(url.isEmpty() ? tr("(enter domain and cluster ID)") : url);
}

QList<ConnectionProfile> ProfileDialog::profiles() const
{
    QList<ConnectionProfile> out = m_profiles;
    for (ConnectionProfile &p : out)
        p.aclSecretKey.clear();
    return out;
}

void ProfileDialog::selectProfile(const QString &name)
{
    for (int i = 0; i < m_profiles.size(); ++i) {
        if (m_profiles.at(i).name == name) {
            ui->profilesList->setCurrentRow(i);
            return;
        }
    }
}

QString ProfileDialog::currentProfileName() const
{
    return m_current >= 0 && m_current < m_profiles.size() ? m_profiles.at(m_current).name : QString();
}

QString ProfileDialog::problem() const
{
    QStringList seen;
    for (const ConnectionProfile &p : m_profiles) {
        if (seen.contains(p.name))
            return tr("Two profiles are called \"%1\"; names must differ.").arg(p.name);
        seen << p.name;
        if (!p.isSandbox() && p.name == ConnectionProfile::sandboxName())
            return tr("\"%1\" is the built-in sandbox's name; choose another.").arg(p.name);
        // A stored secret is not loaded into the dialog: an empty field keeps it.
        ConnectionProfile check = p;
        if (check.aclSecretKey.isEmpty())
            check.aclSecretKey = QStringLiteral("unchanged");
        if (check.aclAccessKey.isEmpty())
            check.aclSecretKey.clear();
        if (const Status ok = check.validate(); !ok)
            return tr("Profile \"%1\": %2").arg(p.name, ok.error().message);
    }
    return {};
}

void ProfileDialog::accept()
{
    storeForm();
    const QString error = problem();
    if (!error.isEmpty()) {
        ui->errorLabel->setText(error);
        return;
    }
    saveSecrets();
    QDialog::accept();
}

void ProfileDialog::saveSecrets()
{
    if (!m_secrets)
        return;
    QList<QPair<QString, QString>> renames;
    QList<QPair<QString, QString>> writes;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ConnectionProfile &p = m_profiles.at(i);
        const QString &original = m_originalNames.at(i);
        if (!original.isEmpty() && original != p.name && p.aclSecretKey.isEmpty())
            renames.append({original, p.name});
        if (!p.aclSecretKey.isEmpty())
            writes.append({p.name, p.aclSecretKey});
    }
    QStringList removals = m_deleted;
    for (const auto &[from, to] : renames)
        removals.removeAll(from);
    applySecretChanges(m_secrets, renames, writes, removals);
}

} // namespace mq::gui

#include "JsonFile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace mq::sandbox {

bool writeJsonFile(const QString &path, const json::Value &value, QString *error)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json::write(value)) < 0 || !file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<json::Value> readJsonFile(const QString &path)
{
    QFile file(path);
    if (!file.exists())
        return std::nullopt;
    if (!file.open(QIODevice::ReadOnly)) {
        qWarning("sandbox: cannot read %s: %s", qPrintable(path), qPrintable(file.errorString()));
        return std::nullopt;
    }
    auto parsed = json::parse(file.readAll());
    if (!parsed) {
        qWarning("sandbox: ignoring %s: %s", qPrintable(path), qPrintable(parsed.error().message));
        return std::nullopt;
    }
    return std::move(parsed).value();
}

} // namespace mq::sandbox

#pragma once

#include "FastJson.h"

#include <QString>

#include <optional>

namespace mq::sandbox {

// Small persisted state (topics, consumer offsets, delay progress) as fastjson-style JSON.
// Writes go through QSaveFile, so a crash leaves either the old file or the new one.
bool writeJsonFile(const QString &path, const json::Value &value, QString *error = nullptr);
// nullopt when the file is absent; a warning and nullopt when it cannot be parsed.
std::optional<json::Value> readJsonFile(const QString &path);

} // namespace mq::sandbox

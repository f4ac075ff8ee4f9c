#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// Seed inputs for every fuzz target, cut out of the frames a real RocketMQ 4.9.8 broker sent
// (../shared/fixtures): whole frames, their headers in both serializations, pull / query /
// batch bodies, JSON bodies, properties strings, compressed bodies and message ids.
namespace fuzz {

QStringList targetNames(); // frame, frame_stream, header_json, ...

// Seeds for one target (deduplicated, deterministic order). Empty when the directory does
// not hold the fixtures.
QList<QByteArray> fixtureSeeds(const QString &target, const QString &fixturesDir);

// Every regular file directly in `dir` (a libFuzzer corpus directory), in name order.
QList<QByteArray> readCorpusDir(const QString &dir);

} // namespace fuzz

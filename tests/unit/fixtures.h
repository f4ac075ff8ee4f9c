#pragma once

#include "FastJson.h"

#include <QByteArray>
#include <QList>
#include <QString>

// Access to ../shared/fixtures: frames recorded from a real RocketMQ 4.9.8 broker.
namespace fixtures {

struct FrameRecord {
    int seq = 0;
    QString conn; // "ns7", "broker16", ...
    QString dir;  // "c2s" or "s2c"
    QString file;
    int serialize = 0;
    int headerLen = 0;
    int bodyLen = 0;
    mq::json::Value header; // decoded header as the recorder saw it
    QByteArray bytes;       // the whole frame
};

QString dir();
QList<FrameRecord> frames(); // every frame in index.jsonl, in order
const FrameRecord *frameBySeq(int seq);
// ground-truth.jsonl entries of one kind (non-JSON log lines are skipped; fastjson parsed leniently)
QList<mq::json::Value> groundTruth(const QString &kind);
QByteArray readFile(const QString &relativePath);

} // namespace fixtures

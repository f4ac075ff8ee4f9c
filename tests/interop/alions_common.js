'use strict';
// Shared by the interop scripts: a quiet logger (errors to stderr) and the message shape the
// Qt tests read, one JSON object per stdout line.

const quietLogger = {
  debug() {},
  info() {},
  warn() {},
  error(...args) {
    console.error('[ali-ons]', ...args);
  },
};

function describe(msg) {
  return {
    topic: msg.topic,
    msgId: msg.msgId,
    tags: msg.tags || null,
    keys: msg.keys || null,
    queueId: msg.queueId,
    queueOffset: Number(msg.queueOffset),
    reconsumeTimes: msg.reconsumeTimes,
    sysFlag: msg.sysFlag,
    properties: msg.properties,
    bodyBase64: msg.body ? Buffer.from(msg.body).toString('base64') : '',
  };
}

function fail(err) {
  console.error(err && err.stack ? err.stack : String(err));
  process.exit(1);
}

module.exports = { quietLogger, describe, fail };

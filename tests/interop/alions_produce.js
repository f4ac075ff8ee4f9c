'use strict';
// node alions_produce.js <nameSrv> <topic> <producerGroup> <messages.json>
// messages.json: [{ "tags": "TagA", "keys": ["k1", "k2"], "props": {"a": "b"}, "bodyBase64": "..." }]
// Prints one line per message: {"msgId", "queueId", "queueOffset", "sendStatus", "brokerName"}.

const fs = require('fs');
const httpclient = require('urllib');
const { Producer, Message } = require('ali-ons');
const { quietLogger, fail } = require('./alions_common');

const [ nameSrv, topic, producerGroup, messagesFile ] = process.argv.slice(2);

(async () => {
  const messages = JSON.parse(fs.readFileSync(messagesFile, 'utf8'));
  const producer = new Producer({ httpclient, nameSrv, producerGroup, logger: quietLogger });
  await producer.ready();
  for (const m of messages) {
    const msg = new Message(topic, m.tags, Buffer.from(m.bodyBase64, 'base64'));
    if (m.keys) {
      msg.keys = m.keys;
    }
    for (const [ name, value ] of Object.entries(m.props || {})) {
      msg.properties[name] = value;
    }
    const result = await producer.send(msg);
    console.log(JSON.stringify({
      msgId: result.msgId,
      queueId: result.messageQueue.queueId,
      queueOffset: result.queueOffset,
      sendStatus: result.sendStatus,
      brokerName: result.messageQueue.brokerName,
    }));
  }
  await producer.close();
  process.exit(0);
})().catch(fail);

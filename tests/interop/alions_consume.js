'use strict';
// node alions_consume.js <nameSrv> <topic> <consumerGroup> <subExpression> <count> [retryTags]
// Prints "ready" once subscribed, then one JSON line per consumed message (see describe()),
// and exits after <count> messages. Messages whose tag is listed in retryTags (comma
// separated) are answered ACTION_RETRY the first time, so they come back via %RETRY%.

const httpclient = require('urllib');
const { Consumer } = require('ali-ons');
const { quietLogger, describe, fail } = require('./alions_common');

const [ nameSrv, topic, consumerGroup, subExpression, countText, retryTags ] = process.argv.slice(2);
const expected = Number(countText);
const retry = new Set((retryTags || '').split(',').filter(Boolean));
const retried = new Set();

(async () => {
  const consumer = new Consumer({ httpclient, nameSrv, consumerGroup, logger: quietLogger, persistent: false });
  let seen = 0;
  consumer.on('error', err => console.error('[consumer error]', err.message));
  consumer.subscribe(topic, subExpression, async msg => {
    const key = msg.keys || msg.msgId;
    if (retry.has(msg.tags) && !retried.has(key)) {
      retried.add(key);
      console.log(JSON.stringify(Object.assign({ retry: true }, describe(msg))));
      return Consumer.ACTION_RETRY;
    }
    console.log(JSON.stringify(describe(msg)));
    seen += 1;
    if (seen >= expected) {
      setImmediate(async () => {
        await consumer.close();
        process.exit(0);
      });
    }
  });
  await consumer.ready();
  console.log('ready');
})().catch(fail);

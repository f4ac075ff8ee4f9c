#include "AdminData.h"
#include "BodyJson.h"
#include "ConsumerData.h"
#include "RemotingCommand.h"
#include "RouteData.h"
#include "fixtures.h"

#include <QtTest>

#include <algorithm>
#include <functional>

using namespace mq;

namespace {

struct Exchange {
    int requestSeq = 0;
    int responseSeq = 0;
    RemotingCommand request;
    RemotingCommand response;
};

// Request/response pairs from the recording, found by request code (responses matched by
// connection and opaque), so the tests follow whatever the fixture holds.
QList<Exchange> exchanges(RequestCode code)
{
    QList<Exchange> out;
    QHash<QString, QPair<int, RemotingCommand>> open;
    for (const auto &f : fixtures::frames()) {
        auto cmd = frame::decode(f.bytes);
        if (!cmd)
            qFatal("fixture %d does not decode", f.seq);
        if (!cmd->isResponse()) {
            if (cmd->code == toInt(code))
                open.insert(f.conn + f.dir + QString::number(cmd->opaque), {f.seq, *cmd});
            continue;
        }
        const QString requestDir = f.dir == u"c2s" ? QStringLiteral("s2c") : QStringLiteral("c2s");
        const QString key = f.conn + requestDir + QString::number(cmd->opaque);
        if (open.contains(key)) {
            const auto req = open.take(key);
            out.append({req.first, f.seq, req.second, *cmd});
        }
    }
    return out;
}

QList<QPair<int, RemotingCommand>> requests(RequestCode code)
{
    QList<QPair<int, RemotingCommand>> out;
    for (const auto &f : fixtures::frames()) {
        auto cmd = frame::decode(f.bytes);
        if (cmd && !cmd->isResponse() && cmd->code == toInt(code))
            out.append({f.seq, *cmd});
    }
    return out;
}

QByteArray bodyOf(int seq)
{
    return frame::decode(fixtures::frameBySeq(seq)->bytes)->body;
}

MessageQueue queueFromGroundTruth(const json::Value &key)
{
    return {key[u"topic"].toString(), key[u"brokerName"].toString(), int(key[u"queueId"].toInt())};
}

template <typename Map> void reverseEntries(Map &map)
{
    std::reverse(map.entries().begin(), map.entries().end());
}

#define VERIFY_OK(r) QVERIFY2((r).ok(), (r).ok() ? "" : qPrintable((r).error().message))

} // namespace

class TestBodies : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // ---- name server bodies ----

    void routeBodies_data()
    {
        QTest::addColumn<int>("requestSeq");
        QTest::addColumn<int>("responseSeq");
        for (const auto &e : exchanges(RequestCode::GetRouteInfoByTopic))
            if (e.response.code == toInt(ResponseCode::Success))
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(e.responseSeq).arg(e.request.field(u"topic"_qs))))
                    << e.requestSeq << e.responseSeq;
    }

    void routeBodies()
    {
        QFETCH(int, requestSeq);
        QFETCH(int, responseSeq);
        auto request = frame::decode(fixtures::frameBySeq(requestSeq)->bytes);
        auto response = frame::decode(fixtures::frameBySeq(responseSeq)->bytes);
        auto route = routeFromResponse(*response);
        VERIFY_OK(route);
        QCOMPARE(route->brokerDatas.size(), 1);
        const BrokerData &b = route->brokerDatas.first();
        QCOMPARE(b.brokerName, QStringLiteral("broker-a"));
        QCOMPARE(b.cluster, QStringLiteral("DefaultCluster"));
        QCOMPARE(route->masterAddress(QStringLiteral("broker-a")), std::optional<QString>(u"127.0.0.1:10911"_qs));
        QVERIFY(route->filterServerTable.isEmpty());
        QCOMPARE(route->queueDatas.size(), 1);
        const QueueData &q = route->queueDatas.first();

        const QString topic = request->field(u"topic"_qs);
        if (topic == u"TBW102") { // the default topic: 8 queues, read | write | inherit
            QCOMPARE(q.readQueueNums, 8);
            QCOMPARE(q.writeQueueNums, 8);
            QCOMPARE(q.perm, PermName::Read | PermName::Write | PermName::Inherit);
            QCOMPARE(PermName::toString(q.perm), u"RWX"_qs);
        } else if (topic == u"fixture-topic") { // created with 4/4 and RW- (mqadmin/01-updateTopic.txt)
            QCOMPARE(q.readQueueNums, 4);
            QCOMPARE(q.writeQueueNums, 4);
            QCOMPARE(PermName::toString(q.perm), u"RW-"_qs);
        } else {
            QVERIFY(topic.startsWith(u"%RETRY%"));
            QCOMPARE(q.writeQueueNums, 1);
        }
        const auto writable = route->writableQueues(topic);
        QCOMPARE(writable.size(), q.writeQueueNums);
        QCOMPARE(writable.last(), (MessageQueue{topic, u"broker-a"_qs, q.writeQueueNums - 1}));
        QCOMPARE(route->readableQueues(topic).size(), q.readQueueNums);

        // The name server answered a V4_9_8 client in standard JSON: our writer gives its bytes.
        QCOMPARE(routeJsonStyleFor(*request), JsonStyle::Standard);
        QCOMPARE(route->toJson(routeJsonStyleFor(*request)), response->body);
    }

    void routeFastjsonStyleHasBareKeys()
    {
        auto route = TopicRouteData::parse(bodyOf(exchanges(RequestCode::GetRouteInfoByTopic).first().responseSeq));
        VERIFY_OK(route);
        const QByteArray plain = route->toJson(JsonStyle::Fastjson);
        QVERIFY(plain.contains("\"brokerAddrs\":{0:\"127.0.0.1:10911\"}"));
        auto back = TopicRouteData::parse(plain);
        VERIFY_OK(back);
        QCOMPARE(back->brokerDatas, route->brokerDatas);

        RemotingCommand oldClient = RemotingCommand::request(RequestCode::GetRouteInfoByTopic);
        oldClient.version = 400;
        QCOMPARE(routeJsonStyleFor(oldClient), JsonStyle::Fastjson);
        oldClient.setField(u"acceptStandardJsonOnly"_qs, u"true"_qs);
        QCOMPARE(routeJsonStyleFor(oldClient), JsonStyle::Standard);
    }

    void routeHelpersSkipBrokersWithoutMaster()
    {
        TopicRouteData route;
        route.queueDatas = {{u"broker-b"_qs, 2, 2, 6, 0}, {u"broker-a"_qs, 3, 3, 6, 0}, {u"broker-c"_qs, 1, 1, 4, 0}};
        BrokerData a{u"c"_qs, u"broker-a"_qs, {}};
        a.brokerAddrs.insert(0, u"10.0.0.1:10911"_qs);
        BrokerData b{u"c"_qs, u"broker-b"_qs, {}};
        b.brokerAddrs.insert(1, u"10.0.0.2:10911"_qs); // slave only
        BrokerData c{u"c"_qs, u"broker-c"_qs, {}};
        c.brokerAddrs.insert(0, u"10.0.0.3:10911"_qs);
        route.brokerDatas = {a, b, c};
        const auto writable = route.writableQueues(u"t"_qs);
        QCOMPARE(writable.size(), 3); // broker-b has no master, broker-c is read-only
        QCOMPARE(writable.first().brokerName, u"broker-a"_qs);
        QCOMPARE(route.readableQueues(u"t"_qs).size(), 6);
        QVERIFY(!route.masterAddress(u"broker-b"_qs));
        QVERIFY(!route.masterAddress(u"nope"_qs));
    }

    void topicNotExist()
    {
        int seen = 0;
        for (const auto &e : exchanges(RequestCode::GetRouteInfoByTopic)) {
            if (e.response.code != toInt(ResponseCode::TopicNotExist))
                continue;
            ++seen;
            auto route = routeFromResponse(e.response);
            QVERIFY(!route.ok());
            QCOMPARE(route.error().code, Error::Code::NotFound);
            QCOMPARE(route.error().brokerCode, 17);
            const QString topic = e.request.field(u"topic"_qs);
            QVERIFY2(route.error().message.contains(u"No topic route info in name server for the topic: "_qs + topic),
                     qPrintable(route.error().message));
        }
        QVERIFY(seen >= 1);
        auto seq30 = routeFromResponse(*frame::decode(fixtures::frameBySeq(30)->bytes));
        QVERIFY(seq30.error().message.contains(u"no-such-topic"_qs));

        RemotingCommand busy;
        busy.flag = RemotingCommand::kResponseFlag;
        busy.code = toInt(ResponseCode::SystemBusy);
        busy.remark = u"too many requests"_qs;
        auto e = routeFromResponse(busy);
        QCOMPARE(e.error().code, Error::Code::Broker);
        QCOMPARE(e.error().brokerCode, 2);
    }

    void clusterInfo()
    {
        const auto all = exchanges(RequestCode::GetBrokerClusterInfo);
        QVERIFY(!all.isEmpty());
        for (const auto &e : all) {
            QVERIFY(e.response.body.contains("{0:\"127.0.0.1:10911\"}")); // fastjson's bare key
            auto info = ClusterInfo::parse(e.response.body);
            VERIFY_OK(info);
            QCOMPARE(info->clusterNames(), QStringList{u"DefaultCluster"_qs});
            QCOMPARE(info->clusterAddrTable.value(u"DefaultCluster"_qs), QStringList{u"broker-a"_qs});
            const auto brokers = info->brokersOf(u"DefaultCluster"_qs);
            QCOMPARE(brokers.size(), 1);
            QCOMPARE(brokers.first().masterAddress(), std::optional<QString>(u"127.0.0.1:10911"_qs));
            QCOMPARE(info->toJson(), e.response.body);
            info->sortLikeJava();
            QCOMPARE(info->toJson(), e.response.body);
        }
    }

    void topicList()
    {
        const auto all = exchanges(RequestCode::GetAllTopicListFromNameServer);
        QVERIFY(!all.isEmpty());
        const QByteArray body = all.first().response.body;
        auto list = TopicList::parse(body);
        VERIFY_OK(list);
        const QStringList printed = QString::fromUtf8(fixtures::readFile(u"mqadmin/03-topicList.txt"_qs))
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(list->topicList, printed);
        QVERIFY(!list->brokerAddr);
        QCOMPARE(list->toJson(), body);
        // The name server's HashSet order: sorting by Java bucket leaves the recorded order as is.
        // (Within one bucket Java keeps insertion order, which no reordering can recover: here
        // BenchmarkTest and OFFSET_MOVED_EVENT share a bucket, so a reversed list stays swapped.)
        list->sortLikeJava();
        QCOMPARE(list->toJson(), body);
        std::reverse(list->topicList.begin(), list->topicList.end());
        list->sortLikeJava();
        QCOMPARE(QSet<QString>(list->topicList.begin(), list->topicList.end()),
                 QSet<QString>(printed.begin(), printed.end()));
        QVERIFY(list->toJson() != body);
    }

    // ---- broker bodies ----

    void consumerIdList()
    {
        const auto all = exchanges(RequestCode::GetConsumerListByGroup);
        QVERIFY(!all.isEmpty());
        for (const auto &e : all) {
            auto ids = ConsumerIdList::parse(e.response.body);
            VERIFY_OK(ids);
            QCOMPARE(ids->consumerIdList, QStringList{u"192.0.2.2@13968#8022895913743"_qs});
            QCOMPARE(ids->toJson(), e.response.body);
        }
    }

    void consumeStats()
    {
        const auto all = exchanges(RequestCode::GetConsumeStats);
        QCOMPARE(all.size(), 1);
        const QByteArray body = all.first().response.body;
        auto stats = ConsumeStats::parse(body);
        VERIFY_OK(stats);

        const auto truth = fixtures::groundTruth(u"consumeStats"_qs);
        QCOMPARE(truth.size(), 1);
        const json::Value &gt = truth.first();
        QCOMPARE(stats->consumeTps, gt[u"consumeTps"].toDouble());
        const auto &gtTable = gt[u"offsetTable"].members();
        QCOMPARE(stats->offsetTable.size(), gtTable.size());
        qint64 expectedLag = 0;
        for (const auto &[key, w] : gtTable) {
            const MessageQueue q = queueFromGroundTruth(key);
            const OffsetWrapper *ours = stats->offsetTable.find(q);
            QVERIFY2(ours, qPrintable(q.toString()));
            QCOMPARE(ours->brokerOffset, w[u"brokerOffset"].toInt());
            QCOMPARE(ours->consumerOffset, w[u"consumerOffset"].toInt());
            QCOMPARE(ours->lastTimestamp, w[u"lastTimestamp"].toInt());
            expectedLag += w[u"brokerOffset"].toInt() - w[u"consumerOffset"].toInt();
        }
        QCOMPARE(stats->totalLag(), expectedLag);
        QCOMPARE(stats->totalBrokerOffset(), 9); // 1 retry + 4 + 2 + 1 + 1
        QCOMPARE(stats->totalConsumerOffset(), 9);

        QCOMPARE(stats->toJson(), body);
        reverseEntries(stats->offsetTable);
        QVERIFY(stats->toJson() != body);
        stats->sortLikeJava();
        QCOMPARE(stats->toJson(), body); // the broker's HashMap<MessageQueue, ..> order

        ConsumeStats lagging;
        lagging.offsetTable.insert({u"t"_qs, u"b"_qs, 0}, {10, 4, 0});
        lagging.offsetTable.insert({u"t"_qs, u"b"_qs, 1}, {7, 7, 0});
        QCOMPARE(lagging.totalLag(), 6);
    }

    void consumerConnection()
    {
        const auto all = exchanges(RequestCode::GetConsumerConnectionList);
        QVERIFY(!all.isEmpty());
        const auto truth = fixtures::groundTruth(u"consumerConnection"_qs);
        QCOMPARE(truth.size(), 1);
        const json::Value &gt = truth.first();
        for (const auto &e : all) {
            auto cc = ConsumerConnection::parse(e.response.body);
            VERIFY_OK(cc);
            QCOMPARE(cc->consumeType, gt[u"consumeType"].toString());
            QCOMPARE(cc->messageModel, gt[u"messageModel"].toString());
            QCOMPARE(cc->consumeFromWhere, gt[u"consumeFromWhere"].toString());
            const auto &conns = gt[u"connectionSet"].items();
            QCOMPARE(cc->connectionSet.size(), conns.size());
            for (qsizetype i = 0; i < conns.size(); ++i) {
                QCOMPARE(cc->connectionSet[i].clientId, conns[i][u"clientId"].toString());
                QCOMPARE(cc->connectionSet[i].clientAddr, conns[i][u"clientAddr"].toString());
                QCOMPARE(cc->connectionSet[i].language, conns[i][u"language"].toString());
                QCOMPARE(cc->connectionSet[i].version, int(conns[i][u"version"].toInt()));
            }
            const auto &subs = gt[u"subscriptionTable"].members();
            QCOMPARE(cc->subscriptionTable.size(), subs.size());
            for (const auto &[topic, s] : subs) {
                const SubscriptionData *ours = cc->subscriptionTable.find(topic.toString());
                QVERIFY(ours);
                QCOMPARE(ours->topic, s[u"topic"].toString());
                QCOMPARE(ours->subString, s[u"subString"].toString());
                QCOMPARE(ours->subVersion, s[u"subVersion"].toInt());
                QCOMPARE(ours->tagsSet.size(), s[u"tagsSet"].items().size());
                QCOMPARE(ours->codeSet.size(), s[u"codeSet"].items().size());
                for (qsizetype i = 0; i < ours->codeSet.size(); ++i)
                    QCOMPARE(qint64(ours->codeSet[i]), s[u"codeSet"].items()[i].toInt());
            }
            QCOMPARE(cc->toJson(), e.response.body);
            reverseEntries(cc->subscriptionTable);
            cc->sortLikeJava();
            QCOMPARE(cc->toJson(), e.response.body); // ConcurrentHashMap order
        }
    }

    void runningInfo_data()
    {
        QTest::addColumn<int>("seq");
        // the client's answer to the broker, and the broker's forward of it to the admin
        for (const auto &e : exchanges(RequestCode::GetConsumerRunningInfo))
            QTest::newRow(
                qPrintable(QStringLiteral("%1 %2").arg(e.responseSeq).arg(fixtures::frameBySeq(e.responseSeq)->conn)))
                << e.responseSeq;
    }

    void runningInfo()
    {
        QFETCH(int, seq);
        const QByteArray body = bodyOf(seq);
        auto info = ConsumerRunningInfo::parse(body);
        VERIFY_OK(info);
        const auto truth = fixtures::groundTruth(u"runningInfo"_qs);
        QCOMPARE(truth.size(), 1);
        const json::Value &gt = truth.first();

        const auto &gtQueues = gt[u"mqTable"].members();
        QCOMPARE(info->mqTable.size(), gtQueues.size());
        for (const auto &[key, p] : gtQueues) {
            const ProcessQueueInfo *ours = info->mqTable.find(queueFromGroundTruth(key));
            QVERIFY(ours);
            QCOMPARE(ours->commitOffset, p[u"commitOffset"].toInt());
            QCOMPARE(ours->locked, p[u"locked"].toBool());
            QCOMPARE(ours->droped, p[u"droped"].toBool());
            QCOMPARE(ours->lastPullTimestamp, p[u"lastPullTimestamp"].toInt());
            QCOMPARE(ours->lastConsumeTimestamp, p[u"lastConsumeTimestamp"].toInt());
            QCOMPARE(ours->lastLockTimestamp, p[u"lastLockTimestamp"].toInt());
            QCOMPARE(ours->cachedMsgCount, int(p[u"cachedMsgCount"].toInt()));
            QCOMPARE(ours->tryUnlockTimes, p[u"tryUnlockTimes"].toInt());
        }
        const auto &gtProps = gt[u"properties"].members();
        QCOMPARE(info->properties.size(), gtProps.size());
        for (const auto &[k, v] : gtProps)
            QCOMPARE(info->properties.value(k.toString()), v.toString());
        QCOMPARE(info->properties.value(ConsumerRunningInfo::PropClientVersion), u"V4_9_8"_qs);
        QCOMPARE(info->properties.value(ConsumerRunningInfo::PropConsumeType), ConsumeType::Passively);

        const auto &gtStatus = gt[u"statusTable"].members();
        QCOMPARE(info->statusTable.size(), gtStatus.size());
        for (const auto &[topic, s] : gtStatus) {
            const ConsumeStatus *ours = info->statusTable.find(topic.toString());
            QVERIFY(ours);
            QCOMPARE(ours->pullRT, s[u"pullRT"].toDouble());
            QCOMPARE(ours->pullTPS, s[u"pullTPS"].toDouble());
            QCOMPARE(ours->consumeRT, s[u"consumeRT"].toDouble());
            QCOMPARE(ours->consumeOKTPS, s[u"consumeOKTPS"].toDouble());
            QCOMPARE(ours->consumeFailedTPS, s[u"consumeFailedTPS"].toDouble());
            QCOMPARE(ours->consumeFailedMsgs, s[u"consumeFailedMsgs"].toInt());
        }
        const auto &gtSubs = gt[u"subscriptionSet"].items();
        QCOMPARE(info->subscriptionSet.size(), gtSubs.size());
        for (qsizetype i = 0; i < gtSubs.size(); ++i) {
            QCOMPARE(info->subscriptionSet[i].topic, gtSubs[i][u"topic"].toString());
            QCOMPARE(info->subscriptionSet[i].subString, gtSubs[i][u"subString"].toString());
        }

        QCOMPARE(info->toJson(), body);
        // properties are in ConcurrentHashMap order: bucket order reproduces the recording, but
        // keys sharing a bucket keep their insertion order (the ground-truth line, written from
        // another Properties instance, has pullBatchSize and awaitTerminationMillisWhenShutdown
        // swapped), so only the sorted containers are scrambled here.
        info->sortLikeJava();
        QCOMPARE(info->toJson(), body);
        reverseEntries(info->mqTable);
        reverseEntries(info->statusTable);
        std::reverse(info->subscriptionSet.begin(), info->subscriptionSet.end());
        QVERIFY(info->toJson() != body);
        info->sortLikeJava();
        QCOMPARE(info->toJson(), body); // TreeMaps and TreeSet
    }

    void resetOffsetBody_data()
    {
        QTest::addColumn<int>("seq");
        for (const auto &e : exchanges(RequestCode::InvokeBrokerToResetOffset))
            QTest::newRow(qPrintable(QStringLiteral("%1 222 response").arg(e.responseSeq))) << e.responseSeq;
        for (const auto &r : requests(RequestCode::ResetConsumerClientOffset))
            QTest::newRow(qPrintable(QStringLiteral("%1 220 request").arg(r.first))) << r.first;
    }

    void resetOffsetBody()
    {
        QFETCH(int, seq);
        const QByteArray body = bodyOf(seq);
        auto reset = ResetOffsetBody::parse(body);
        VERIFY_OK(reset);
        const auto truth = fixtures::groundTruth(u"resetOffset"_qs);
        QCOMPARE(truth.size(), 1);
        const auto &gt = truth.first().members();
        QCOMPARE(reset->offsetTable.size(), gt.size());
        for (qsizetype i = 0; i < gt.size(); ++i) {
            QCOMPARE(reset->offsetTable.entries()[i].first, queueFromGroundTruth(gt[i].first));
            QCOMPARE(reset->offsetTable.entries()[i].second, gt[i].second.toInt());
        }
        QCOMPARE(reset->toJson(), body);
        reverseEntries(reset->offsetTable);
        reset->sortLikeJava();
        QCOMPARE(reset->toJson(), body);
    }

    void heartbeats_data()
    {
        QTest::addColumn<int>("seq");
        for (const auto &r : requests(RequestCode::HeartBeat))
            QTest::newRow(qPrintable(QString::number(r.first))) << r.first;
    }

    void heartbeats()
    {
        QFETCH(int, seq);
        const QByteArray body = bodyOf(seq);
        auto hb = HeartbeatData::parse(body);
        VERIFY_OK(hb);
        QVERIFY(hb->clientID.startsWith(u"192.0.2.2@"));
        QVERIFY(!hb->producerDataSet.isEmpty());
        QCOMPARE(hb->toJson(), body);
        for (const auto &c : hb->consumerDataSet) {
            QCOMPARE(c.consumeType, ConsumeType::Passively);
            QCOMPARE(c.consumeFromWhere, ConsumeFromWhere::FirstOffset);
            QCOMPARE(c.messageModel,
                     c.groupName == u"fixture-broadcast" ? MessageModel::Broadcasting : MessageModel::Clustering);
            for (const auto &s : c.subscriptionDataSet) {
                // what FilterAPI builds from the expression equals what the Java client sent
                QCOMPARE(SubscriptionData::fromTagExpression(s.topic, s.subString, s.subVersion), s);
            }
        }
    }

    void heartbeatFields()
    {
        auto hb = HeartbeatData::parse(bodyOf(56));
        VERIFY_OK(hb);
        QCOMPARE(hb->clientID, u"192.0.2.2@13968#8022895913743"_qs);
        QCOMPARE(hb->producerDataSet, QList<ProducerData>{{u"CLIENT_INNER_PRODUCER"_qs}});
        QCOMPARE(hb->consumerDataSet.size(), 1);
        const ConsumerData &c = hb->consumerDataSet.first();
        QCOMPARE(c.groupName, u"fixture-consumer"_qs);
        QCOMPARE(c.subscriptionDataSet.size(), 2);
        const SubscriptionData &s = c.subscriptionDataSet[1];
        QCOMPARE(s.topic, u"fixture-topic"_qs);
        QCOMPARE(s.tagsSet, (QStringList{u"TagA"_qs, u"TagB"_qs}));
        QCOMPARE(s.codeSet, (QList<qint32>{2598919, 2598920}));
        QCOMPARE(s.subVersion, Q_INT64_C(1795488323819));
        QVERIFY(!s.matchesAllTags());
        QVERIFY(c.subscriptionDataSet[0].matchesAllTags());

        auto producerOnly = HeartbeatData::parse(bodyOf(119));
        VERIFY_OK(producerOnly);
        QVERIFY(producerOnly->consumerDataSet.isEmpty());
        QCOMPARE(producerOnly->producerDataSet.size(), 2);
    }

    void builtHeartbeatMatchesJava()
    {
        // Rebuilt from scratch, the heartbeat of the broadcast consumer is byte-identical.
        HeartbeatData hb;
        hb.clientID = u"192.0.2.2@DEFAULT"_qs;
        hb.producerDataSet = {{u"CLIENT_INNER_PRODUCER"_qs}};
        ConsumerData c;
        c.groupName = u"fixture-broadcast"_qs;
        c.messageModel = MessageModel::Broadcasting;
        c.consumeFromWhere = ConsumeFromWhere::FirstOffset;
        c.subscriptionDataSet = {SubscriptionData::fromTagExpression(u"fixture-topic"_qs, u"*"_qs, 1795488323900)};
        hb.consumerDataSet = {c};
        QCOMPARE(hb.toJson(), bodyOf(67));

        const auto many = SubscriptionData::fromTagExpression(u"t"_qs, u" b ||a|| b||  ||c"_qs, 1);
        QCOMPARE(many.tagsSet.size(), 3); // duplicates and blanks dropped
        QCOMPARE(many.codeSet.size(), 3);
        QVERIFY(many.tagsSet.contains(u"a"_qs));
        QCOMPARE(SubscriptionData::fromTagExpression(u"t"_qs, u""_qs, 1).subString, u"*"_qs);
    }

    void javaDoubles_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("zero") << 0.0 << QByteArray("0.0");
        QTest::newRow("two") << 2.0 << QByteArray("2.0");
        QTest::newRow("0.7") << 0.7 << QByteArray("0.7");
        QTest::newRow("recurring") << 68.0 / 3.0 << QByteArray("22.666666666666668");
        QTest::newRow("negative") << -3.5 << QByteArray("-3.5");
        QTest::newRow("1e-3 boundary") << 0.001 << QByteArray("0.001");
        QTest::newRow("small") << 0.0001 << QByteArray("1.0E-4");
        QTest::newRow("large boundary") << 1e7 << QByteArray("1.0E7");
        QTest::newRow("just below 1e7") << 9999999.5 << QByteArray("9999999.5");
        QTest::newRow("big") << 1.2345e10 << QByteArray("1.2345E10");
        QTest::newRow("hundreds") << 120.0 << QByteArray("120.0");
    }

    void javaDoubles()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(body::javaDouble(value), text);
    }

    // ---- malformed bodies: a specific error naming the body and the field ----

    void malformed_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("needle");
        QTest::newRow("route empty") << "route" << QByteArray() << "TopicRouteData: empty body";
        QTest::newRow("route truncated") << "route" << QByteArray("{\"brokerDatas\":[{\"brokerAddrs\":{\"0\":\"127.0")
                                         << "TopicRouteData: JSON: unterminated string";
        QTest::newRow("route not an object")
            << "route" << QByteArray("[1,2]") << "expected a JSON object, got an array";
        QTest::newRow("route missing queueDatas")
            << "route" << QByteArray("{\"brokerDatas\":[]}") << "TopicRouteData.queueDatas: missing required field";
        QTest::newRow("route perm is a string")
            << "route"
            << QByteArray(
                   "{\"brokerDatas\":[],\"queueDatas\":[{\"brokerName\":\"b\",\"perm\":\"rw\",\"readQueueNums\":1,"
                   "\"writeQueueNums\":1}]}")
            << "TopicRouteData.queueDatas[0].perm: expected an integer, got a string";
        QTest::newRow("route queue nums too big")
            << "route"
            << QByteArray("{\"brokerDatas\":[],\"queueDatas\":[{\"brokerName\":\"b\",\"perm\":6,\"readQueueNums\":"
                          "99999999999,\"writeQueueNums\":1}]}")
            << "readQueueNums: integer 99999999999 out of int range";
        QTest::newRow("route broker id not a number")
            << "route"
            << QByteArray("{\"brokerDatas\":[{\"brokerAddrs\":{\"x\":\"a\"},\"brokerName\":\"b\",\"cluster\":\"c\"}],"
                          "\"queueDatas\":[]}")
            << "TopicRouteData.brokerDatas[0].brokerAddrs: broker id 'x' is not an integer";
        QTest::newRow("route address not a string")
            << "route"
            << QByteArray("{\"brokerDatas\":[{\"brokerAddrs\":{0:7},\"brokerName\":\"b\",\"cluster\":\"c\"}],"
                          "\"queueDatas\":[]}")
            << "brokerAddrs.0: expected an address string, got a number";
        QTest::newRow("cluster missing clusterAddrTable") << "cluster" << QByteArray("{\"brokerAddrTable\":{}}")
                                                          << "ClusterInfo.clusterAddrTable: missing required field";
        QTest::newRow("cluster broker without name")
            << "cluster"
            << QByteArray("{\"brokerAddrTable\":{\"b\":{\"brokerAddrs\":{0:\"a\"},\"cluster\":\"c\"}},"
                          "\"clusterAddrTable\":{}}")
            << "ClusterInfo.brokerAddrTable.b.brokerName: missing required field";
        QTest::newRow("cluster set of numbers")
            << "cluster" << QByteArray("{\"brokerAddrTable\":{},\"clusterAddrTable\":{\"c\":[1]}}")
            << "ClusterInfo.clusterAddrTable.c[0]: expected a string, got a number";
        QTest::newRow("topics not an array") << "topics" << QByteArray("{\"topicList\":\"a\"}")
                                             << "TopicList.topicList: expected an array, got a string";
        QTest::newRow("consumer ids missing")
            << "ids" << QByteArray("{}") << "ConsumerIdList.consumerIdList: missing required field";
        QTest::newRow("stats key is not a queue")
            << "stats"
            << QByteArray("{\"consumeTps\":0.5,\"offsetTable\":{\"q\":{\"brokerOffset\":1,\"consumerOffset\":1}}}")
            << "ConsumeStats.offsetTable{#0} key: expected a MessageQueue object, got a string";
        QTest::newRow("stats key without queueId")
            << "stats"
            << QByteArray("{\"offsetTable\":{{\"brokerName\":\"b\",\"topic\":\"t\"}:{\"brokerOffset\":1,"
                          "\"consumerOffset\":1}}}")
            << "ConsumeStats.offsetTable{#0} key.queueId: missing required field";
        QTest::newRow("stats offset missing")
            << "stats"
            << QByteArray(
                   "{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":3,\"topic\":\"t\"}:{\"brokerOffset\":1}}}")
            << "ConsumeStats.offsetTable{t@b:3}.consumerOffset: missing required field";
        QTest::newRow("stats tps not a number") << "stats" << QByteArray("{\"consumeTps\":[],\"offsetTable\":{}}")
                                                << "ConsumeStats.consumeTps: expected a number, got an array";
        QTest::newRow("stats truncated")
            << "stats" << QByteArray("{\"consumeTps\":0.7,\"offsetTable\":{{\"brokerName\":\"broker-a\",\"queueId\":0")
            << "ConsumeStats: JSON:";
        QTest::newRow("connection set not an array")
            << "connection" << QByteArray("{\"connectionSet\":{}}")
            << "ConsumerConnection.connectionSet: expected an array, got an object";
        QTest::newRow("connection without clientId")
            << "connection" << QByteArray("{\"connectionSet\":[{\"clientAddr\":\"a\"}]}")
            << "ConsumerConnection.connectionSet[0].clientId: missing required field";
        QTest::newRow("subscription code not int")
            << "connection"
            << QByteArray("{\"connectionSet\":[],\"subscriptionTable\":{\"t\":{\"topic\":\"t\",\"subString\":\"a\","
                          "\"codeSet\":[\"x\"]}}}")
            << "ConsumerConnection.subscriptionTable.t.codeSet[0]: expected an int tag code";
        QTest::newRow("running info queue without commitOffset")
            << "running"
            << QByteArray("{\"mqTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:{\"locked\":true}}}")
            << "ConsumerRunningInfo.mqTable{t@b:0}.commitOffset: missing required field";
        QTest::newRow("running info property object")
            << "running" << QByteArray("{\"properties\":{\"a\":{}}}")
            << "ConsumerRunningInfo.properties.a: expected a string, got an object";
        QTest::newRow("running info status rt string")
            << "running" << QByteArray("{\"statusTable\":{\"t\":{\"pullRT\":\"fast\"}}}")
            << "ConsumerRunningInfo.statusTable.t.pullRT: expected a number, got a string";
        QTest::newRow("reset offset not a number")
            << "reset" << QByteArray("{\"offsetTable\":{{\"brokerName\":\"b\",\"queueId\":0,\"topic\":\"t\"}:true}}")
            << "ResetOffsetBody.offsetTable{t@b:0}: expected an offset, got a boolean";
        QTest::newRow("reset missing table")
            << "reset" << QByteArray("{\"offsetTable\":null}") << "ResetOffsetBody.offsetTable: missing required field";
        QTest::newRow("heartbeat without clientID") << "heartbeat" << QByteArray("{\"producerDataSet\":[]}")
                                                    << "HeartbeatData.clientID: missing required field";
        QTest::newRow("heartbeat consumer without model")
            << "heartbeat"
            << QByteArray("{\"clientID\":\"c\",\"consumerDataSet\":[{\"groupName\":\"g\",\"consumeType\":\"CONSUME_"
                          "PASSIVELY\","
                          "\"consumeFromWhere\":\"CONSUME_FROM_LAST_OFFSET\",\"subscriptionDataSet\":[]}]}")
            << "HeartbeatData.consumerDataSet[0].messageModel: missing required field";
        QTest::newRow("heartbeat subscription without topic")
            << "heartbeat"
            << QByteArray(
                   "{\"clientID\":\"c\",\"consumerDataSet\":[{\"groupName\":\"g\",\"consumeType\":\"x\","
                   "\"messageModel\":"
                   "\"CLUSTERING\",\"consumeFromWhere\":\"x\",\"subscriptionDataSet\":[{\"subString\":\"*\"}]}]}")
            << "HeartbeatData.consumerDataSet[0].subscriptionDataSet[0].topic: missing required field";
        QTest::newRow("heartbeat truncated") << "heartbeat" << bodyOf(56).left(100) << "HeartbeatData: JSON:";
    }

    void malformed()
    {
        QFETCH(QString, type);
        QFETCH(QByteArray, body);
        QFETCH(QString, needle);
        const QHash<QString, std::function<std::optional<Error>(const QByteArray &)>> parsers = {
            {u"route"_qs, [](const QByteArray &b) { return errorOf(TopicRouteData::parse(b)); }},
            {u"cluster"_qs, [](const QByteArray &b) { return errorOf(ClusterInfo::parse(b)); }},
            {u"topics"_qs, [](const QByteArray &b) { return errorOf(TopicList::parse(b)); }},
            {u"ids"_qs, [](const QByteArray &b) { return errorOf(ConsumerIdList::parse(b)); }},
            {u"stats"_qs, [](const QByteArray &b) { return errorOf(ConsumeStats::parse(b)); }},
            {u"connection"_qs, [](const QByteArray &b) { return errorOf(ConsumerConnection::parse(b)); }},
            {u"running"_qs, [](const QByteArray &b) { return errorOf(ConsumerRunningInfo::parse(b)); }},
            {u"reset"_qs, [](const QByteArray &b) { return errorOf(ResetOffsetBody::parse(b)); }},
            {u"heartbeat"_qs, [](const QByteArray &b) { return errorOf(HeartbeatData::parse(b)); }},
        };
        const auto error = parsers.value(type)(body);
        QVERIFY2(error.has_value(), "parsed without complaint");
        QCOMPARE(error->code, Error::Code::MalformedBody);
        QVERIFY2(error->message.contains(needle), qPrintable(error->message));
    }

    // Every prefix of every recorded body fails cleanly (no crash, an error, never a partial value).
    void everyTruncationIsAnError()
    {
        const QList<int> seqs = {3, 4, 20, 56, 62, 152, 156, 165, 176};
        int checked = 0;
        for (int seq : seqs) {
            const QByteArray body = bodyOf(seq);
            for (qsizetype n = 0; n < body.size(); n += 7) {
                const QByteArray cut = body.left(n);
                const bool allFailed = !TopicRouteData::parse(cut).ok() && !ClusterInfo::parse(cut).ok() &&
                                       !TopicList::parse(cut).ok() && !HeartbeatData::parse(cut).ok() &&
                                       !ConsumerIdList::parse(cut).ok() && !ConsumeStats::parse(cut).ok() &&
                                       !ConsumerConnection::parse(cut).ok() && !ConsumerRunningInfo::parse(cut).ok() &&
                                       !ResetOffsetBody::parse(cut).ok();
                QVERIFY2(allFailed, qPrintable(QStringLiteral("seq %1 cut at %2 parsed").arg(seq).arg(n)));
                ++checked;
            }
        }
        QVERIFY(checked > 500);
    }

private:
    template <typename T> static std::optional<Error> errorOf(const Result<T> &r)
    {
        if (r.ok())
            return std::nullopt;
        return r.error();
    }
};

QTEST_GUILESS_MAIN(TestBodies)
#include "test_bodies.moc"

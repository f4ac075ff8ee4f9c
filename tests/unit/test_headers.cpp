#include "Headers.h"
#include "JavaHash.h"
#include "RemotingCommand.h"
#include "fixtures.h"

#include <QtTest>

#include <functional>

using namespace mq;

namespace {

// Decodes extFields with the typed header for `code` and writes them back.
using RoundTrip = std::function<Result<ExtFields>(const ExtFields &)>;

template <typename H> RoundTrip via()
{
    return [](const ExtFields &f) -> Result<ExtFields> {
        auto h = H::fromExtFields(f);
        if (!h)
            return h.error();
        return h->toExtFields();
    };
}

// Requests without a header (only ACL fields) and responses whose header class is empty.
RoundTrip noHeader()
{
    return [](const ExtFields &f) -> Result<ExtFields> {
        if (f.isEmpty())
            return ExtFields();
        return makeError(Error::Code::MalformedHeader,
                         QStringLiteral("unexpected field '%1'").arg(f.entries()[0].first));
    };
}

// Which header a frame carries: requests by their code, responses by their request's code.
std::optional<RoundTrip> headerFor(int requestCode, bool response)
{
    switch (RequestCode(requestCode)) {
    case RequestCode::GetRouteInfoByTopic:
        return response ? std::nullopt : std::optional(via<GetRouteInfoRequestHeader>());
    case RequestCode::GetBrokerClusterInfo:
    case RequestCode::GetAllTopicListFromNameServer:
    case RequestCode::HeartBeat: return noHeader();
    case RequestCode::UpdateAndCreateTopic: return via<CreateTopicRequestHeader>();
    case RequestCode::UnregisterClient:
        return response ? noHeader() : via<UnregisterClientRequestHeader>(); // response: "{}"
    case RequestCode::SendMessageV2:
    case RequestCode::SendBatchMessage:
        return response ? via<SendMessageResponseHeader>() : via<SendMessageRequestHeaderV2>();
    case RequestCode::GetConsumerListByGroup:
        return response ? noHeader() : via<GetConsumerListByGroupRequestHeader>(); // response: "{}"
    case RequestCode::QueryConsumerOffset:
        return response ? via<QueryConsumerOffsetResponseHeader>() : via<QueryConsumerOffsetRequestHeader>();
    case RequestCode::PullMessage: return response ? via<PullMessageResponseHeader>() : via<PullMessageRequestHeader>();
    case RequestCode::ConsumerSendMsgBack: return via<ConsumerSendMsgBackRequestHeader>();
    case RequestCode::UpdateConsumerOffset: return via<UpdateConsumerOffsetRequestHeader>();
    case RequestCode::QueryMessage:
        return response ? via<QueryMessageResponseHeader>() : via<QueryMessageRequestHeader>();
    case RequestCode::GetConsumeStats: return via<GetConsumeStatsRequestHeader>();
    case RequestCode::GetConsumerConnectionList: return via<GetConsumerConnectionListRequestHeader>();
    case RequestCode::GetConsumerRunningInfo: return via<GetConsumerRunningInfoRequestHeader>();
    case RequestCode::GetMinOffset:
        return response ? via<GetMinOffsetResponseHeader>() : via<GetMinOffsetRequestHeader>();
    case RequestCode::GetMaxOffset:
        return response ? via<GetMaxOffsetResponseHeader>() : via<GetMaxOffsetRequestHeader>();
    case RequestCode::SearchOffsetByTimestamp:
        return response ? via<SearchOffsetResponseHeader>() : via<SearchOffsetRequestHeader>();
    case RequestCode::InvokeBrokerToResetOffset:
    case RequestCode::ResetConsumerClientOffset: return via<ResetOffsetRequestHeader>();
    case RequestCode::NotifyConsumerIdsChanged: return via<NotifyConsumerIdsChangedRequestHeader>();
    default: return std::nullopt;
    }
}

struct Carrier {
    int seq = 0;
    int requestCode = 0;
    bool response = false;
};

// Every fixture frame whose extFields hold something (or a response with "{}"), with the
// request code that tells which header it is.
QList<Carrier> headerCarriers()
{
    QHash<QString, int> requestCodes; // conn/dir/opaque of a request -> its code
    QList<Carrier> out;
    for (const auto &f : fixtures::frames()) {
        auto cmd = frame::decode(f.bytes);
        if (!cmd)
            qFatal("fixture %d does not decode", f.seq);
        const QString peerDir = f.dir == u"c2s" ? QStringLiteral("s2c") : QStringLiteral("c2s");
        if (!cmd->isResponse())
            requestCodes.insert(f.conn + f.dir + QString::number(cmd->opaque), cmd->code);
        if (!cmd->extFields)
            continue;
        const int requestCode =
            cmd->isResponse() ? requestCodes.value(f.conn + peerDir + QString::number(cmd->opaque), -1) : cmd->code;
        if (cmd->isResponse() && cmd->extFields->isEmpty() && requestCode < 0)
            continue;
        out.append({f.seq, requestCode, cmd->isResponse()});
    }
    return out;
}

const QStringList kAclFields = {QStringLiteral("Signature"), QStringLiteral("AccessKey")};

} // namespace

class TestHeaders : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyFixtureHeaderRoundTrips_data()
    {
        QTest::addColumn<int>("seq");
        QTest::addColumn<int>("requestCode");
        QTest::addColumn<bool>("response");
        for (const auto &c : headerCarriers())
            QTest::newRow(qPrintable(QStringLiteral("%1 %2%3")
                                         .arg(c.seq)
                                         .arg(requestCodeName(c.requestCode))
                                         .arg(c.response ? QStringLiteral(" response") : QString())))
                << c.seq << c.requestCode << c.response;
    }

    // Decoding a recorded header and writing it back gives the same fields in the same order,
    // and the whole frame (ACL fields put back) re-encodes to the recorded bytes.
    void everyFixtureHeaderRoundTrips()
    {
        QFETCH(int, seq);
        QFETCH(int, requestCode);
        QFETCH(bool, response);
        const auto *f = fixtures::frameBySeq(seq);
        auto cmd = frame::decode(f->bytes);
        QVERIFY(cmd.ok());
        const auto roundTrip = headerFor(requestCode, response);
        if (!roundTrip)
            QFAIL(qPrintable(QStringLiteral("no typed header for %1").arg(requestCodeName(requestCode))));

        ExtFields plain = *cmd->extFields;
        for (const auto &acl : kAclFields)
            plain.remove(acl);
        auto written = (*roundTrip)(plain);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().message));
        QCOMPARE(written->entries(), plain.entries());

        ExtFields signed_ = *written;
        for (const auto &acl : kAclFields)
            if (cmd->extFields->contains(acl))
                signed_.insert(acl, cmd->extFields->value(acl));
        RemotingCommand rebuilt = *cmd;
        rebuilt.extFields = java::hashMapOrder(signed_);
        QCOMPARE(frame::encode(rebuilt), f->bytes);
    }

    void carriersCoverTheRecordedCodes()
    {
        QSet<int> codes;
        for (const auto &c : headerCarriers())
            codes.insert(c.requestCode);
        for (int expected : {105, 17, 35, 310, 320, 38, 14, 11, 36, 15, 12, 208, 203, 307, 31, 30, 29, 222, 220, 40})
            QVERIFY2(codes.contains(expected), qPrintable(requestCodeName(expected)));
    }

    // The ACL-signed frame has 14 fields: Java's HashMap has grown to 32 buckets by then.
    void aclSignedSendOrderFollowsHashMapGrowth()
    {
        auto cmd = frame::decode(fixtures::readFile(QStringLiteral("acl-signed-send-frame.bin")));
        QVERIFY(cmd.ok());
        ExtFields plain = *cmd->extFields;
        for (const auto &acl : kAclFields)
            plain.remove(acl);
        auto v2 = SendMessageRequestHeaderV2::fromExtFields(plain);
        QVERIFY(v2.ok());
        QVERIFY(!v2->header.brokerName.has_value());
        QCOMPARE(v2->header.bornTimestamp, Q_INT64_C(1700000000000));
        ExtFields rebuilt = v2->toExtFields();
        rebuilt.insert(QStringLiteral("Signature"), cmd->field(QStringLiteral("Signature")));
        rebuilt.insert(QStringLiteral("AccessKey"), cmd->field(QStringLiteral("AccessKey")));
        QCOMPARE(java::hashMapOrder(rebuilt).entries(), cmd->extFields->entries());
        QCOMPARE(java::hashMapCapacity(cmd->extFields->size()), 32);
    }

    void javaStringHashMatchesTagCodes()
    {
        // codeSet in the recorded heartbeat: the broker filters by String.hashCode of the tag.
        QCOMPARE(java::stringHash(u"TagA"), 2598919);
        QCOMPARE(java::stringHash(u"TagB"), 2598920);
        QCOMPARE(java::stringHash(u""), 0);
        QCOMPARE(java::stringHash(u"polygenelubricants"), qint32(0x80000000)); // Java's Integer.MIN_VALUE hash
    }

    void sendV2ConvertsToV1Names()
    {
        auto cmd = frame::decode(fixtures::frameBySeq(43)->bytes); // delayed message
        QVERIFY(cmd.ok());
        QCOMPARE(cmd->code, toInt(RequestCode::SendMessageV2));
        auto h = SendMessageRequestHeader::fromRequest(*cmd);
        QVERIFY(h.ok());
        QCOMPARE(h->producerGroup, QStringLiteral("fixture-producer"));
        QCOMPARE(h->topic, QStringLiteral("fixture-topic"));
        QCOMPARE(h->defaultTopic, QStringLiteral("TBW102"));
        QCOMPARE(h->defaultTopicQueueNums, 4);
        QCOMPARE(h->queueId, 1);
        QCOMPARE(h->bornTimestamp, Q_INT64_C(1795488323786));
        QCOMPARE(h->reconsumeTimes, std::optional<int>(0));
        QVERIFY(!h->maxReconsumeTimes);
        QVERIFY(!h->batch);
        QCOMPARE(h->brokerName, std::optional<QString>(QStringLiteral("broker-a")));
        QVERIFY(h->properties->contains(QStringLiteral("DELAY\u00011")));

        const ExtFields v1 = h->toExtFields();
        QCOMPARE(v1.value(QStringLiteral("producerGroup")), QStringLiteral("fixture-producer"));
        QCOMPARE(v1.value(QStringLiteral("bname")), QStringLiteral("broker-a"));
        QCOMPARE(v1.value(QStringLiteral("unitMode")), QStringLiteral("false"));
        QVERIFY(!v1.contains(QStringLiteral("maxReconsumeTimes")));
        auto back = SendMessageRequestHeader::fromExtFields(v1);
        QVERIFY(back.ok());
        QCOMPARE(SendMessageRequestHeaderV2::fromV1(*back).toExtFields().entries(), cmd->extFields->entries());

        RemotingCommand v1Request = RemotingCommand::request(RequestCode::SendMessage, v1);
        auto viaV1 = SendMessageRequestHeader::fromRequest(v1Request);
        QVERIFY(viaV1.ok());
        QCOMPARE(viaV1->queueId, 1);
    }

    void batchSendSetsM()
    {
        for (const auto &f : fixtures::frames()) {
            auto cmd = frame::decode(f.bytes);
            if (!cmd || cmd->isResponse() || cmd->code != toInt(RequestCode::SendBatchMessage))
                continue;
            auto h = SendMessageRequestHeader::fromRequest(*cmd);
            QVERIFY(h.ok());
            QVERIFY(h->batch);
            QCOMPARE(cmd->field(QStringLiteral("m")), QStringLiteral("true"));
            return;
        }
        QFAIL("no batch send in the fixtures");
    }

    void sendResponseFields()
    {
        auto cmd = frame::decode(fixtures::frameBySeq(46)->bytes); // batch result
        QVERIFY(cmd.ok());
        auto h = decodeHeader<SendMessageResponseHeader>(*cmd);
        QVERIFY(h.ok());
        QCOMPARE(h->msgId.split(QLatin1Char(',')).size(), 3);
        QCOMPARE(h->queueId, 2);
        QCOMPARE(h->queueOffset, 1);
        QCOMPARE(h->msgRegion, std::optional<QString>(QStringLiteral("DefaultRegion")));
        QCOMPARE(h->traceOn, std::optional<QString>(QStringLiteral("true")));
        QVERIFY(!h->transactionId);
    }

    void pullRequestAndSysFlag()
    {
        auto req = frame::decode(fixtures::frameBySeq(128)->bytes);
        QVERIFY(req.ok());
        auto h = decodeHeader<PullMessageRequestHeader>(*req);
        QVERIFY(h.ok());
        QCOMPARE(h->consumerGroup, QStringLiteral("fixture-consumer"));
        QCOMPARE(h->queueId, 1);
        QCOMPARE(h->queueOffset, 1);
        QCOMPARE(h->commitOffset, 1);
        QCOMPARE(h->maxMsgNums, 32);
        QCOMPARE(h->suspendTimeoutMillis, 15000);
        QCOMPARE(h->subVersion, Q_INT64_C(1795488323989));
        QCOMPARE(h->expressionType, std::optional<QString>(QStringLiteral("TAG")));
        QVERIFY(!h->subscription);
        QCOMPARE(h->sysFlag, 3);
        QVERIFY(PullSysFlag::hasCommitOffset(h->sysFlag));
        QVERIFY(PullSysFlag::hasSuspend(h->sysFlag));
        QVERIFY(!PullSysFlag::hasSubscription(h->sysFlag));
        QVERIFY(!PullSysFlag::hasClassFilter(h->sysFlag));
        QCOMPARE(PullSysFlag::build(true, true, false, false), 3);
        QCOMPARE(PullSysFlag::build(false, true, false, false), 2); // what the other pulls carry
        QCOMPARE(PullSysFlag::build(true, true, true, true), 15);
        QCOMPARE(PullSysFlag::clearCommitOffset(3), 2);

        // Adding a subscription keeps the 12 fields in a 16-bucket table, order still HashMap's.
        PullMessageRequestHeader withSub = *h;
        withSub.subscription = QStringLiteral("TagA || TagB");
        const ExtFields f = withSub.toExtFields();
        QCOMPARE(f.size(), 12);
        QCOMPARE(java::hashMapOrder(f).entries(), f.entries());
        QCOMPARE(PullMessageRequestHeader::fromExtFields(f)->subscription, withSub.subscription);
    }

    void pullResponseHeader()
    {
        auto resp = frame::decode(fixtures::frameBySeq(127)->bytes); // PULL_RETRY_IMMEDIATELY
        QVERIFY(resp.ok());
        QCOMPARE(resp->code, toInt(ResponseCode::PullRetryImmediately));
        auto h = decodeHeader<PullMessageResponseHeader>(*resp);
        QVERIFY(h.ok());
        QCOMPARE(h->nextBeginOffset, 1);
        QCOMPARE(h->maxOffset, 1);
        QCOMPARE(h->minOffset, 0);
        QCOMPARE(h->suggestWhichBrokerId, 0);
    }

    void queryMessageUniqueKeyFlag()
    {
        auto byKey = decodeHeader<QueryMessageRequestHeader>(*frame::decode(fixtures::frameBySeq(145)->bytes));
        auto byId = decodeHeader<QueryMessageRequestHeader>(*frame::decode(fixtures::frameBySeq(147)->bytes));
        QVERIFY(byKey.ok() && byId.ok());
        QVERIFY(!byKey->uniqueKeyQuery);
        QCOMPARE(byKey->key, QStringLiteral("123"));
        QCOMPARE(byKey->endTimestamp, std::numeric_limits<qint64>::max());
        QVERIFY(byId->uniqueKeyQuery);
        QCOMPARE(byId->beginTimestamp, Q_INT64_C(1795488322714));
        auto resp = decodeHeader<QueryMessageResponseHeader>(*frame::decode(fixtures::frameBySeq(146)->bytes));
        QVERIFY(resp.ok());
        QCOMPARE(resp->indexLastUpdatePhyoffset, 1684035);
    }

    void headersWithoutFixtureRoundTrip()
    {
        ViewMessageRequestHeader view{1681380};
        QCOMPARE(ViewMessageRequestHeader::fromExtFields(view.toExtFields())->offset, 1681380);
        GetTopicsByClusterRequestHeader byCluster{QStringLiteral("DefaultCluster")};
        QCOMPARE(GetTopicsByClusterRequestHeader::fromExtFields(byCluster.toExtFields())->cluster, byCluster.cluster);
        GetConsumerStatusRequestHeader status{QStringLiteral("t"), QStringLiteral("g"), std::nullopt};
        const ExtFields sf = status.toExtFields();
        QCOMPARE(sf.size(), 2);
        QCOMPARE(GetConsumerStatusRequestHeader::fromExtFields(sf)->group, QStringLiteral("g"));
        ConsumeMessageDirectlyResultRequestHeader direct{QStringLiteral("g"), QStringLiteral("c"),
                                                         QStringLiteral("7F00000100002A9F000000000019A7E4"),
                                                         QStringLiteral("broker-a")};
        auto d = ConsumeMessageDirectlyResultRequestHeader::fromExtFields(direct.toExtFields());
        QVERIFY(d.ok());
        QCOMPARE(d->msgId, direct.msgId);
        QCOMPARE(d->brokerName, direct.brokerName);
        SendMessageResponseHeader sendResp{QStringLiteral("id"), 1,           2, QStringLiteral("tx"),
                                           std::nullopt,         std::nullopt};
        QCOMPARE(SendMessageResponseHeader::fromExtFields(sendResp.toExtFields())->transactionId,
                 sendResp.transactionId);
    }

    // ---- bad input: an error that names the header and the field ----

    void badHeaders_data()
    {
        QTest::addColumn<int>("seq");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // empty: remove the field
        QTest::addColumn<QString>("needle");
        QTest::newRow("pull missing queueOffset") << 78 << "queueOffset"
                                                  << ""
                                                  << "PullMessageRequestHeader: missing required field 'queueOffset'";
        QTest::newRow("pull queueId not a number")
            << 78 << "queueId"
            << "two"
            << "PullMessageRequestHeader: field 'queueId' is not a valid int: 'two'";
        QTest::newRow("pull queueId beyond int") << 78 << "queueId"
                                                 << "4294967296"
                                                 << "field 'queueId' is not a valid int";
        QTest::newRow("pull subVersion not a long") << 78 << "subVersion"
                                                    << "1.5"
                                                    << "field 'subVersion' is not a valid long";
        QTest::newRow("send v2 missing topic") << 34 << "b"
                                               << ""
                                               << "SendMessageRequestHeaderV2: missing required field 'b'";
        QTest::newRow("send v2 born not a number") << 34 << "g"
                                                   << "yesterday"
                                                   << "'g' is not a valid long";
        QTest::newRow("send response missing msgId") << 38 << "msgId"
                                                     << ""
                                                     << "SendMessageResponseHeader: missing required field 'msgId'";
        QTest::newRow("pull response bad maxOffset") << 86 << "maxOffset"
                                                     << ""
                                                     << "missing required field 'maxOffset'";
        QTest::newRow("reset missing isForce") << 175 << "isForce"
                                               << ""
                                               << "ResetOffsetRequestHeader: missing required field 'isForce'";
        QTest::newRow("offset response bad offset") << 168 << "offset"
                                                    << "x1"
                                                    << "'offset' is not a valid long: 'x1'";
        QTest::newRow("route missing topic") << 31 << "topic"
                                             << ""
                                             << "GetRouteInfoRequestHeader: missing required field 'topic'";
        QTest::newRow("send back missing group") << 104 << "group"
                                                 << ""
                                                 << "ConsumerSendMsgBackRequestHeader: missing required field 'group'";
        QTest::newRow("running info missing clientId")
            << 163 << "clientId"
            << ""
            << "GetConsumerRunningInfoRequestHeader: missing required field 'clientId'";
    }

    void badHeaders()
    {
        QFETCH(int, seq);
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, needle);
        auto cmd = frame::decode(fixtures::frameBySeq(seq)->bytes);
        QVERIFY(cmd.ok());
        if (value.isEmpty())
            cmd->extFields->remove(field);
        else
            cmd->extFields->insert(field, value);

        // find the request code: for responses, by the request recorded before it
        int requestCode = cmd->code;
        bool response = cmd->isResponse();
        if (response)
            for (const auto &c : headerCarriers())
                if (c.seq == seq)
                    requestCode = c.requestCode;
        auto roundTrip = headerFor(requestCode, response);
        QVERIFY(roundTrip);
        auto result = (*roundTrip)(*cmd->extFields);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, Error::Code::MalformedHeader);
        QVERIFY2(result.error().message.contains(needle), qPrintable(result.error().message));
    }

    void absentExtFieldsIsMissingField()
    {
        RemotingCommand cmd;
        cmd.code = toInt(RequestCode::GetConsumerListByGroup);
        auto h = decodeHeader<GetConsumerListByGroupRequestHeader>(cmd);
        QVERIFY(!h.ok());
        QVERIFY(h.error().message.contains(QStringLiteral("'consumerGroup'")));
        auto notSend = SendMessageRequestHeader::fromRequest(cmd);
        QVERIFY(!notSend.ok());
        QVERIFY(notSend.error().message.contains(QStringLiteral("not a send request")));
    }

    void javaBooleanParsingIsLenient()
    {
        // Boolean.parseBoolean: "TRUE" is true, anything else false; never an error.
        ExtFields f;
        f.insert(QStringLiteral("topic"), QStringLiteral("t"));
        f.insert(QStringLiteral("group"), QStringLiteral("g"));
        f.insert(QStringLiteral("timestamp"), QStringLiteral("0"));
        f.insert(QStringLiteral("isForce"), QStringLiteral("TRUE"));
        QVERIFY(ResetOffsetRequestHeader::fromExtFields(f)->isForce);
        f.insert(QStringLiteral("isForce"), QStringLiteral("yes"));
        QVERIFY(!ResetOffsetRequestHeader::fromExtFields(f)->isForce);
    }
};

QTEST_GUILESS_MAIN(TestHeaders)
#include "test_headers.moc"

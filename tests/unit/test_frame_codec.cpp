#include "RemotingCommand.h"
#include "fixtures.h"

#include <QtEndian>
#include <QtTest>

using namespace mq;

class TestFrameCodec : public QObject {
    Q_OBJECT

private:
    static QByteArray lengths(quint32 total, quint32 headerWord)
    {
        QByteArray b(8, '\0');
        qToBigEndian(total, b.data());
        qToBigEndian(headerWord, b.data() + 4);
        return b;
    }

private Q_SLOTS:
    void everyFixtureFrameDecodes_data()
    {
        QTest::addColumn<int>("seq");
        for (const auto &f : fixtures::frames())
            QTest::newRow(qPrintable(f.file)) << f.seq;
    }

    void everyFixtureFrameDecodes()
    {
        QFETCH(int, seq);
        const auto *f = fixtures::frameBySeq(seq);
        QVERIFY(f);
        auto decoded = frame::decode(f->bytes);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(decoded.error().message));
        const RemotingCommand &cmd = *decoded;
        const auto &h = f->header;
        QCOMPARE(cmd.code, int(h[u"code"].toInt()));
        QCOMPARE(cmd.flag, int(h[u"flag"].toInt()));
        QCOMPARE(cmd.opaque, int(h[u"opaque"].toInt()));
        QCOMPARE(cmd.version, int(h[u"version"].toInt()));
        QCOMPARE(languageName(cmd.language), h[u"language"].toString());
        QCOMPARE(cmd.remark.value_or(QString()), h[u"remark"].toString());
        QCOMPARE(cmd.remark.has_value(), h.contains(u"remark"));
        QCOMPARE(cmd.extFields.has_value(), h.contains(u"extFields"));
        const auto &ext = h[u"extFields"];
        QCOMPARE(cmd.extFields ? cmd.extFields->size() : 0, ext.members().size());
        for (const auto &[k, v] : ext.members())
            QCOMPARE(cmd.field(k.toString()), v.toString());
        QCOMPARE(cmd.body.size(), f->bodyLen);
        QCOMPARE(int(cmd.serializeType), f->serialize);
        QCOMPARE(cmd.isResponse(), f->dir == u"c2s" ? (cmd.flag & 1) != 0 : (cmd.flag & 1) != 0);
    }

    // fastjson's output is reproduced exactly: key order, escapes, absent vs. empty extFields.
    void everyFixtureFrameReencodesByteIdentically_data() { everyFixtureFrameDecodes_data(); }
    void everyFixtureFrameReencodesByteIdentically()
    {
        QFETCH(int, seq);
        const auto *f = fixtures::frameBySeq(seq);
        auto decoded = frame::decode(f->bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(frame::encode(*decoded), f->bytes);
    }

    void aclSignedFrameDecodes()
    {
        const QByteArray bytes = fixtures::readFile(QStringLiteral("acl-signed-send-frame.bin"));
        auto decoded = frame::decode(bytes);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->code, toInt(RequestCode::SendMessageV2));
        QCOMPARE(decoded->field(QStringLiteral("AccessKey")), QStringLiteral("fixtureAccessKey"));
        QCOMPARE(decoded->field(QStringLiteral("Signature")), QStringLiteral("KTMnpLkVBPcUig4pHcVVFz3P41Y="));
        QCOMPARE(decoded->body, QByteArray("video 123 title changed"));
        QCOMPARE(frame::encode(*decoded), bytes);
    }

    void binaryHeaderRoundTrip()
    {
        RemotingCommand cmd = RemotingCommand::request(RequestCode::PullMessage);
        cmd.serializeType = SerializeType::RocketMq;
        cmd.opaque = 77;
        cmd.flag = RemotingCommand::kOnewayFlag;
        cmd.remark = QStringLiteral("备注 remark");
        cmd.setField(QStringLiteral("topic"), QStringLiteral("fixture-topic"));
        cmd.setField(QStringLiteral("queueId"), QStringLiteral("3"));
        cmd.setField(QStringLiteral("键"), QStringLiteral("值\u0001"));
        cmd.body = QByteArray("\x00\x01\x02", 3);
        const QByteArray bytes = frame::encode(cmd);
        QCOMPARE(quint8(bytes.at(4)), quint8(1)); // serialization type in the top byte
        auto back = frame::decode(bytes);
        QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
        QCOMPARE(back->code, cmd.code);
        QCOMPARE(back->opaque, 77);
        QVERIFY(back->isOneway());
        QCOMPARE(back->remark, cmd.remark);
        QCOMPARE(back->extFields->entries(), cmd.extFields->entries());
        QCOMPARE(back->body, cmd.body);
        QCOMPARE(back->language, LanguageCode::CPP);
        QCOMPARE(frame::encode(*back), bytes);
    }

    void jsonHeaderEscapes()
    {
        RemotingCommand cmd;
        cmd.code = 310;
        cmd.setField(QStringLiteral("i"), QStringLiteral("KEYS\u0001a\"b\\c\n\u001f中文"));
        const QByteArray header = frame::encodeHeader(cmd);
        QVERIFY(header.contains("\"KEYS\\u0001a\\\"b\\\\c\\n\\u001F中文\""));
        auto back = frame::decode(frame::encode(cmd));
        QVERIFY(back.ok());
        QCOMPARE(back->field(QStringLiteral("i")), cmd.field(QStringLiteral("i")));
    }

    void responseFlags()
    {
        RemotingCommand req = RemotingCommand::request(RequestCode::HeartBeat);
        req.opaque = 9;
        QVERIFY(!req.isResponse());
        const auto resp = RemotingCommand::response(req, toInt(ResponseCode::SystemError), QStringLiteral("boom"));
        QVERIFY(resp.isResponse());
        QCOMPARE(resp.opaque, 9);
        QCOMPARE(resp.remark, QStringLiteral("boom"));
    }

    // ---- malformed input: a specific error each, never a crash ----

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("needle");
        const QByteArray header = "{\"code\":0,\"flag\":1}";
        QTest::newRow("empty") << QByteArray() << int(Error::Code::Truncated) << "length prefix";
        QTest::newRow("prefix only") << QByteArray("\0\0\0\x10", 4) << int(Error::Code::Truncated) << "truncated";
        QTest::newRow("truncated body") << lengths(4 + header.size() + 10, header.size()) + header
                                        << int(Error::Code::Truncated) << "truncated";
        QTest::newRow("stray bytes") << lengths(4 + header.size(), header.size()) + header + "xx"
                                     << int(Error::Code::MalformedFrame) << "stray";
        QTest::newRow("too small") << lengths(2, 0) << int(Error::Code::MalformedFrame) << "too small";
        QTest::newRow("2 GiB prefix") << lengths(0x7fffffff, 10) << int(Error::Code::FrameTooLarge) << "limit";
        QTest::newRow("negative prefix") << lengths(0x80000000u, 10) << int(Error::Code::FrameTooLarge) << "limit";
        QTest::newRow("header longer than frame") << lengths(4 + header.size(), header.size() + 5) + header
                                                  << int(Error::Code::MalformedFrame) << "header length";
        QTest::newRow("bad serialization type")
            << lengths(4 + header.size(), (7u << 24) | quint32(header.size())) + header
            << int(Error::Code::MalformedFrame) << "serialization type 7";
        const QByteArray garbage = "{\"code\":0,,}";
        QTest::newRow("garbage JSON") << lengths(4 + garbage.size(), garbage.size()) + garbage
                                      << int(Error::Code::MalformedHeader) << "JSON";
        const QByteArray notObject = "[1,2]";
        QTest::newRow("JSON not an object") << lengths(4 + notObject.size(), notObject.size()) + notObject
                                            << int(Error::Code::MalformedHeader) << "not an object";
        const QByteArray noCode = "{\"flag\":1}";
        QTest::newRow("JSON without code")
            << lengths(4 + noCode.size(), noCode.size()) + noCode << int(Error::Code::MalformedHeader) << "code";
        const QByteArray badExt = "{\"code\":1,\"extFields\":[1]}";
        QTest::newRow("extFields not object")
            << lengths(4 + badExt.size(), badExt.size()) + badExt << int(Error::Code::MalformedHeader) << "extFields";
        const QByteArray shortBin("\0\x01\0", 3);
        QTest::newRow("binary header too short") << lengths(4 + shortBin.size(), (1u << 24) | 3) + shortBin
                                                 << int(Error::Code::MalformedHeader) << "fixed part";
        QByteArray badRemark(17, '\0');
        qToBigEndian(quint32(1000), badRemark.data() + 13);
        QTest::newRow("binary remark overrun")
            << lengths(4 + 17, (1u << 24) | 17) + badRemark << int(Error::Code::MalformedHeader) << "remark length";
        QByteArray badExtBin(21, '\0');
        qToBigEndian(quint32(4), badExtBin.data() + 17);
        badExtBin.append(QByteArray("\0\x09"
                                    "ab",
                                    4)); // key length 9 but only 2 bytes follow
        QTest::newRow("binary ext overrun")
            << lengths(4 + 25, (1u << 24) | 25) + badExtBin << int(Error::Code::MalformedHeader) << "extFields";
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, code);
        QFETCH(QString, needle);
        auto r = frame::decode(bytes);
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), code);
        QVERIFY2(r.error().message.contains(needle), qPrintable(r.error().message));
    }

    // ---- incremental decoding ----

    void incrementalByteByByte()
    {
        QByteArray stream;
        int expected = 0;
        for (const auto &f : fixtures::frames()) {
            if (f.conn == u"broker18") {
                stream += f.bytes;
                ++expected;
            }
        }
        FrameDecoder decoder;
        QList<RemotingCommand> out;
        for (char c : stream) {
            decoder.feed(QByteArray(1, c));
            while (true) {
                auto next = decoder.next();
                QVERIFY(next.ok());
                if (!next->has_value())
                    break;
                out.append(**next);
            }
        }
        QCOMPARE(out.size(), expected);
        QCOMPARE(decoder.buffered(), 0);
    }

    void incrementalManyFramesPerRead()
    {
        QByteArray stream;
        QList<QByteArray> originals;
        for (const auto &f : fixtures::frames()) {
            stream += f.bytes;
            originals.append(f.bytes);
        }
        FrameDecoder decoder;
        // Chunks of odd sizes that straddle frame boundaries.
        int i = 0, chunk = 1;
        QList<RemotingCommand> out;
        while (i < stream.size()) {
            decoder.feed(stream.mid(i, chunk));
            i += chunk;
            chunk = chunk * 3 % 977 + 1;
            for (auto next = decoder.next(); next.ok() && next->has_value(); next = decoder.next())
                out.append(**next);
        }
        QCOMPARE(out.size(), originals.size());
        for (int k = 0; k < out.size(); ++k)
            QCOMPARE(frame::encode(out[k]), originals[k]);
    }

    void incrementalRejectsHugeLengthWithoutAllocating()
    {
        FrameDecoder decoder;
        decoder.feed(lengths(0x7fffffff, 10));
        auto next = decoder.next();
        QVERIFY(!next.ok());
        QCOMPARE(next.error().code, Error::Code::FrameTooLarge);
        QVERIFY(decoder.failed());
        QCOMPARE(decoder.buffered(), 0);
        decoder.feed("more");
        QVERIFY(!decoder.next().ok());
    }

    void incrementalSkipsBadHeaderButStaysInStep()
    {
        const QByteArray garbage = "{oops";
        RemotingCommand good;
        good.code = 34;
        good.opaque = 5;
        FrameDecoder decoder;
        decoder.feed(lengths(4 + garbage.size(), garbage.size()) + garbage + frame::encode(good));
        auto first = decoder.next();
        QVERIFY(!first.ok());
        QCOMPARE(first.error().code, Error::Code::MalformedHeader);
        auto second = decoder.next();
        QVERIFY(second.ok() && second->has_value());
        QCOMPARE((*second)->opaque, 5);
    }

    void customLimit()
    {
        RemotingCommand cmd;
        cmd.body = QByteArray(2000, 'x');
        auto r = frame::decode(frame::encode(cmd), 1024);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().code, Error::Code::FrameTooLarge);
    }

    void codeNames()
    {
        QCOMPARE(requestCodeName(105), QStringLiteral("GET_ROUTEINFO_BY_TOPIC(105)"));
        QCOMPARE(responseCodeName(17), QStringLiteral("TOPIC_NOT_EXIST(17)"));
        QCOMPARE(requestCodeName(9999), QStringLiteral("UNKNOWN(9999)"));
    }
};

QTEST_GUILESS_MAIN(TestFrameCodec)
#include "test_frame_codec.moc"

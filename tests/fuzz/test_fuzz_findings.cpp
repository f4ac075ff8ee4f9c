// Decoder bugs found by fuzzing, as plain tests (README.md, "Findings"); the inputs under
// corpus/ replay them through the fuzz targets. Fixed in f2b5881.
#include "FastJson.h"

#include <QtTest>

class TestFuzzFindings : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // json-bom: a raw UTF-8 U+FEFF (EF BB BF) is a character inside a JSON string, wherever it
    // stands; QString::fromUtf8 on a fresh chunk would take it for a byte-order mark.
    void jsonKeepsFeffInStrings_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        const QString feff(QChar(0xFEFF));
        QTest::newRow("middle") << QByteArray("\"a\xEF\xBB\xBF\"") << (QStringLiteral("a") + feff);
        QTest::newRow("start") << QByteArray("\"\xEF\xBB\xBFz\"") << (feff + QStringLiteral("z"));
        QTest::newRow("after \\u escape")
            << QByteArray("\"\\u0041\xEF\xBB\xBFz\"") << (QStringLiteral("A") + feff + QStringLiteral("z"));
        QTest::newRow("after raw control char") << QByteArray("\"\x01\xEF\xBB\xBF\"") << (QString(QChar(1)) + feff);
    }
    void jsonKeepsFeffInStrings()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        auto parsed = mq::json::parse(json);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : qPrintable(parsed.error().message));
        QCOMPARE(parsed->toString(), expected);
        auto again = mq::json::parse(mq::json::write(*parsed));
        QVERIFY(again.ok());
        QCOMPARE(again->toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestFuzzFindings)
#include "test_fuzz_findings.moc"

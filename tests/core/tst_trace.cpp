#include "net/trace.h"

#include <QTest>

#include <cerrno>

using namespace SocketLab;

class TestTrace : public QObject
{
    Q_OBJECT

private slots:
    void foldsDataCalls();
    void keepsDifferentOutcomesApart();
    void formatsArgumentsOnlyWhenNotFolded();
    void staysWithinItsLimit();
    void foldsTlsRecordRunsSideBySide();
    void keepsPlainAlternationApart();
    void foldsARelaysAlternatingCallsWhenAsked();
};

void TestTrace::foldsARelaysAlternatingCallsWhenAsked()
{
    Trace trace;
    trace.setFoldsAlternatingCalls(true);
    trace.record(QStringLiteral("accept"), QStringLiteral("3, {127.0.0.1:5000}"), 4);
    for (int i = 0; i < 1000; ++i) {
        trace.recordData("recv", 65536, 0, [] { return QStringLiteral("4, buf, 262144, 0"); });
        trace.recordData("send", 65536, 0, [] { return QStringLiteral("5, buf, 65536, MSG_NOSIGNAL"); });
    }
    const QList<TraceEntry> entries = trace.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).call, QStringLiteral("recv"));
    QCOMPARE(entries.at(1).count, 1000);
    QCOMPARE(entries.at(2).call, QStringLiteral("send"));
    QCOMPARE(entries.at(2).totalBytes, 1000LL * 65536);
    QCOMPARE(trace.callCount(), 2001);
}

void TestTrace::foldsDataCalls()
{
    Trace trace;
    trace.record(QStringLiteral("connect"), QStringLiteral("3, {127.0.0.1:80}, 16"), 0);
    for (int i = 0; i < 1000; ++i)
        trace.recordData("recv", 65536, 0, [] { return QStringLiteral("3, buf, 65536, 0"); });
    trace.recordData("recv", 0, 0, [] { return QStringLiteral("3, buf, 65536, 0"); });
    const QList<TraceEntry> entries = trace.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).call, QStringLiteral("recv"));
    QCOMPARE(entries.at(1).count, 1000);
    QCOMPARE(entries.at(1).totalBytes, 1000LL * 65536);
    QVERIFY(entries.at(1).lastTimeUs >= entries.at(1).timeUs);
    QCOMPARE(entries.at(2).result, 0);
    QCOMPARE(trace.callCount(), 1002);
}

void TestTrace::keepsDifferentOutcomesApart()
{
    Trace trace;
    trace.recordData("recv", 10, 0, [] { return QString(); });
    trace.recordData("recv", -1, ECONNRESET, [] { return QString(); });
    trace.recordData("recv", -1, ECONNRESET, [] { return QString(); });
    trace.recordData("send", 10, 0, [] { return QString(); });
    const QList<TraceEntry> entries = trace.entries();
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).errnoCode, ECONNRESET);
    QCOMPARE(entries.at(1).count, 2);
    QCOMPARE(entries.at(1).totalBytes, 0);
}

void TestTrace::formatsArgumentsOnlyWhenNotFolded()
{
    Trace trace;
    int formatted = 0;
    for (int i = 0; i < 100; ++i)
        trace.recordData("recv", 1, 0, [&formatted] {
            ++formatted;
            return QStringLiteral("3, buf, 1, 0");
        });
    QCOMPARE(formatted, 1);
    QCOMPARE(trace.entries().first().args, QStringLiteral("3, buf, 1, 0"));
}

void TestTrace::staysWithinItsLimit()
{
    Trace trace(100);
    for (int i = 0; i < 10000; ++i)
        trace.record(i % 2 ? QStringLiteral("accept4") : QStringLiteral("close"), QString::number(i), i);
    QVERIFY(trace.size() <= 100);
    QCOMPARE(trace.size() + trace.droppedEntries(), 10000);
    QCOMPARE(trace.entries().last().result, 9999);
    QCOMPARE(trace.callCount(), 10000);
}

void TestTrace::foldsTlsRecordRunsSideBySide()
{
    Trace trace;
    trace.recordStatus(QStringLiteral("SSL_connect"), QStringLiteral("ssl{fd=3}"), 1, {});
    // Each SSL_read() reads a record's header and body with recv() first.
    for (int i = 0; i < 1000; ++i) {
        trace.recordData("recv", 5, 0, [] { return QStringLiteral("3, buf, 5, 0"); });
        trace.recordData("recv", 16406, 0, [] { return QStringLiteral("3, buf, 16406, 0"); });
        trace.recordData("SSL_read", 16384, 0, [] { return QStringLiteral("ssl{fd=3}, buf, 65536"); });
    }
    trace.recordData("recv", 0, 0, [] { return QStringLiteral("3, buf, 5, 0"); });
    const QList<TraceEntry> entries = trace.entries();
    QCOMPARE(entries.size(), 4);
    QCOMPARE(entries.at(0).call, QStringLiteral("SSL_connect"));
    QCOMPARE(entries.at(1).call, QStringLiteral("recv"));
    QCOMPARE(entries.at(1).count, 2000);
    QCOMPARE(entries.at(1).totalBytes, 1000LL * (5 + 16406));
    QCOMPARE(entries.at(2).call, QStringLiteral("SSL_read"));
    QCOMPARE(entries.at(2).count, 1000);
    QCOMPARE(entries.at(2).totalBytes, 1000LL * 16384);
    QCOMPARE(entries.at(3).result, 0);
    QCOMPARE(trace.callCount(), 3002);
}

void TestTrace::keepsPlainAlternationApart()
{
    // A conversation's sends and replies stay in the order they happened.
    Trace trace;
    for (int i = 0; i < 3; ++i) {
        trace.recordData("send", 10, 0, [] { return QString(); });
        trace.recordData("recv", 10, 0, [] { return QString(); });
    }
    QCOMPARE(trace.size(), 6);
}

QTEST_GUILESS_MAIN(TestTrace)
#include "tst_trace.moc"

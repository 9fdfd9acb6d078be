#include "http/httpawaited.h"

#include "arraysource.h"

#include <QTest>

using namespace SocketLab;
using TestSupport::ArraySource;

// What an unfinished HTTP reply still waits for: the sentence a stalled exchange shows is made from it.
class TestHttpAwaited : public QObject
{
    Q_OBJECT

private slots:
    void awaited_data();
    void awaited();
    void readsTheHeadOnly();
};

void TestHttpAwaited::awaited_data()
{
    QTest::addColumn<QByteArray>("reply");
    QTest::addColumn<int>("kind");
    QTest::addColumn<qint64>("bytes");
    QTest::addColumn<qint64>("total");
    using Kind = HttpAwaited::Kind;
    QTest::newRow("nothing yet") << QByteArray() << int(Kind::HeadEnd) << qint64(0) << qint64(0);
    QTest::newRow("half a head") << QByteArray("HTTP/1.1 200 OK\r\nContent-Le") << int(Kind::HeadEnd) << qint64(0) << qint64(0);
    QTest::newRow("head, no body yet") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n") << int(Kind::Bytes)
                                       << qint64(10) << qint64(10);
    QTest::newRow("part of the body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << int(Kind::Bytes)
                                      << qint64(7) << qint64(10);
    QTest::newRow("after a 100 Continue") << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab")
                                          << int(Kind::Bytes) << qint64(3) << qint64(5);
    QTest::newRow("chunked") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab") << int(Kind::LastChunk)
                             << qint64(0) << qint64(0);
    QTest::newRow("until close") << QByteArray("HTTP/1.0 200 OK\r\n\r\nsome") << int(Kind::Close) << qint64(0) << qint64(0);
    QTest::newRow("complete") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok") << int(Kind::Nothing) << qint64(0)
                              << qint64(0);
    QTest::newRow("not HTTP") << QByteArray("220 ready\r\n") << int(Kind::Nothing) << qint64(0) << qint64(0);
}

void TestHttpAwaited::awaited()
{
    QFETCH(QByteArray, reply);
    const HttpAwaited awaited = httpAwaited(ArraySource(reply));
    QTEST(int(awaited.kind), "kind");
    QTEST(awaited.bytes, "bytes");
    QTEST(awaited.total, "total");
}

void TestHttpAwaited::readsTheHeadOnly()
{
    // 64 MiB of a 100 MiB body came: the head is all that is read, not the body.
    ArraySource reply("HTTP/1.1 200 OK\r\nContent-Length: 104857600\r\n\r\n" + QByteArray(64 * 1024 * 1024, 'x'));
    const HttpAwaited awaited = httpAwaited(reply);
    QCOMPARE(awaited.kind, HttpAwaited::Kind::Bytes);
    QCOMPARE(awaited.bytes, qint64(36 * 1024 * 1024));
    QCOMPARE(reply.reads(), 1);
}

QTEST_GUILESS_MAIN(TestHttpAwaited)
#include "tst_httpawaited.moc"

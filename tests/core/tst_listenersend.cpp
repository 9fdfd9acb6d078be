#include "blockingclient.h"
#include "bytes/bytestore.h"
#include "servers/listener.h"
#include "startandwait.h"
#include "text/errortext.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <poll.h>

using namespace SocketLab;

namespace {

QByteArray patternBytes(qint64 size, int seed = 0)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (qint64 i = 0; i < size; ++i)
        bytes[i] = char((i * 7 + i / 251 + seed) & 0xff);
    return bytes;
}

// A client that reads nothing and holds little in its kernel: what the listener sends it mostly
// waits in the listener.
void shrinkReceiveBuffer(const BlockingClient &client)
{
    const int size = 4096;
    ::setsockopt(client.fd(), SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
}

bool readableWithin(const BlockingClient &client, int waitMs)
{
    pollfd fd{client.fd(), POLLIN, 0};
    return ::poll(&fd, 1, waitMs) > 0;
}

} // namespace

// Listener::send(), shutdownWrite() and closeClient(): SocketLab as the server end of a
// conversation, against plain BSD sockets and openssl s_client on loopback.
class TestListenerSend : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void logOnlySendArrivesWholeAndCounts();
    void sendGoesAfterTheEcho();
    void clientThatNeverReadsDoesNotHoldUpOthers();
    void queuePastTheCapIsRefused();
    void sendToClosedOrUnknownClientIsAnError();
    void shutdownWriteAfterTheQueuedBytes();
    void closeClientClosesAtOnce();
    void datagramToUdpSender();
    void tlsListenerSendsThroughTls();

private:
    NetError start(Listener::Mode mode, Listener::Transport transport = Listener::Transport::Tcp);
    // The id of the listener's client at the other end of client, once accepted; 0 if it never is.
    quint64 waitForClient(const BlockingClient &client) const;

    std::unique_ptr<Listener> m_listener;
};

void TestListenerSend::init()
{
    QTest::failOnWarning(QRegularExpression(QStringLiteral(".*")));
    m_listener = std::make_unique<Listener>();
}

void TestListenerSend::cleanup()
{
    m_listener.reset();
}

NetError TestListenerSend::start(Listener::Mode mode, Listener::Transport transport)
{
    Listener::Settings settings;
    settings.mode = mode;
    settings.transport = transport;
    return startAndWait(*m_listener, settings);
}

quint64 TestListenerSend::waitForClient(const BlockingClient &client) const
{
    const SocketAddress local = client.localAddress();
    quint64 id = 0;
    const bool found = QTest::qWaitFor([&] {
        for (const Listener::Client &record : m_listener->clients()) {
            if (record.peer == local && record.open)
                id = record.id;
        }
        return id != 0;
    }, 10000);
    return found ? id : 0;
}

void TestListenerSend::logOnlySendArrivesWholeAndCounts()
{
    QVERIFY(!start(Listener::Mode::LogOnly).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const quint64 id = waitForClient(client);
    QVERIFY(id != 0);

    // A greeting before the client says anything, then more than a send buffer holds.
    const QByteArray greeting = "220 scripted server ready\r\n";
    const QByteArray big = patternBytes(3 * 1024 * 1024 + 17);
    QVERIFY(!m_listener->send(id, greeting).isError());
    QCOMPARE(client.receiveExactly(greeting.size()), greeting);
    QVERIFY(!m_listener->send(id, big).isError());
    QCOMPARE(client.receiveExactly(big.size()), big);

    const qint64 total = greeting.size() + big.size();
    QTRY_COMPARE(m_listener->client(id)->bytesOut, total);
    QCOMPARE(m_listener->client(id)->queuedOut, qint64(0));
    QCOMPARE(m_listener->totals().bytesOut, total);
    const std::shared_ptr<const ByteStore> sent = m_listener->sent(id);
    QCOMPARE(sent->toByteArray(), greeting + big);
    // Each send() a segment, the greeting's first.
    QVERIFY(sent->segments().size() >= 2);
    QCOMPARE(sent->segments().first().length, qint64(greeting.size()));
    // LogOnly sends nothing of its own: the client's bytes are only recorded.
    QVERIFY(client.sendAll("HELO\r\n"));
    QTRY_COMPARE(m_listener->client(id)->bytesIn, qint64(6));
    QVERIFY(!readableWithin(client, 200));
    QCOMPARE(m_listener->client(id)->bytesOut, total);
}

void TestListenerSend::sendGoesAfterTheEcho()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    QVERIFY(client.sendAll("ping\n"));
    QCOMPARE(client.receiveExactly(5), QByteArray("ping\n"));
    const quint64 id = waitForClient(client);
    QVERIFY(!m_listener->send(id, "and from the server\n").isError());
    QCOMPARE(client.receiveExactly(20), QByteArray("and from the server\n"));
    QTRY_COMPARE(m_listener->client(id)->bytesOut, qint64(25));
    QCOMPARE(m_listener->sent(id)->toByteArray(), QByteArray("ping\nand from the server\n"));
}

void TestListenerSend::clientThatNeverReadsDoesNotHoldUpOthers()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    BlockingClient stuck;
    shrinkReceiveBuffer(stuck);
    QVERIFY(stuck.connectTo(m_listener->boundAddress()));
    const quint64 stuckId = waitForClient(stuck);
    QVERIFY(stuckId != 0);
    const QByteArray big = patternBytes(12 * 1024 * 1024, 3);
    QVERIFY(!m_listener->send(stuckId, big).isError());
    // The kernel's buffers take some; the rest waits in the listener, which goes on serving.
    QTRY_VERIFY(m_listener->client(stuckId)->queuedOut < big.size());
    QVERIFY(m_listener->client(stuckId)->queuedOut > 4 * 1024 * 1024);

    BlockingClient other(SOCK_STREAM, AF_INET, 3000);
    QVERIFY(other.connectTo(m_listener->boundAddress()));
    for (int i = 0; i < 20; ++i) {
        const QByteArray line = "line " + QByteArray::number(i) + '\n';
        QVERIFY(other.sendAll(line));
        QCOMPARE(other.receiveExactly(line.size()), line);
    }
    QVERIFY(m_listener->client(stuckId)->queuedOut > 4 * 1024 * 1024);

    // The stuck client reads at last: every byte, in order.
    QCOMPARE(stuck.receiveExactly(big.size()), big);
    QTRY_COMPARE(m_listener->client(stuckId)->queuedOut, qint64(0));
    QCOMPARE(m_listener->client(stuckId)->bytesOut, qint64(big.size()));
}

void TestListenerSend::queuePastTheCapIsRefused()
{
    QVERIFY(!start(Listener::Mode::LogOnly).isError());
    BlockingClient stuck;
    shrinkReceiveBuffer(stuck);
    QVERIFY(stuck.connectTo(m_listener->boundAddress()));
    const quint64 id = waitForClient(stuck);
    QVERIFY(id != 0);

    // More than the cap in one go is refused whole.
    const NetError tooBig = m_listener->send(id, QByteArray(Listener::MaxQueuedPerClient + 1, 'x'));
    QCOMPARE(tooBig.kind, NetError::Kind::System);
    QCOMPARE(tooBig.systemCode, ENOBUFS);
    QCOMPARE(m_listener->client(id)->queuedOut, qint64(0));

    // The cap exactly is taken; while the client reads nothing, the next 8 MiB are refused (the
    // kernel holds far less than 8 MiB of it: 4 MiB of send buffer at most, and 4 KiB at the client).
    const QByteArray first = patternBytes(Listener::MaxQueuedPerClient, 1);
    QVERIFY(!m_listener->send(id, first).isError());
    const NetError refused = m_listener->send(id, QByteArray(8 * 1024 * 1024, 'y'));
    QCOMPARE(refused.kind, NetError::Kind::System);
    QCOMPARE(refused.systemCode, ENOBUFS);
    QCOMPARE(refused.call, QStringLiteral("send"));
    QCOMPARE(refused.detail, stuck.localAddress().toString());
    QCOMPARE(ErrorText::describe(refused),
             QStringLiteral("The bytes waiting to be sent to %1 have reached their limit; no more are queued "
                            "(ENOBUFS) during send().")
                 .arg(stuck.localAddress().toString()));
    QVERIFY(m_listener->client(id)->queuedOut > 8 * 1024 * 1024);

    // Once it has read them, there is room again; the refused bytes were never sent.
    QCOMPARE(stuck.receiveExactly(first.size()), first);
    QTRY_COMPARE(m_listener->client(id)->queuedOut, qint64(0));
    QVERIFY(!m_listener->send(id, "after\n").isError());
    QCOMPARE(stuck.receiveExactly(6), QByteArray("after\n"));
    QTRY_COMPARE(m_listener->client(id)->bytesOut, qint64(first.size() + 6));
}

void TestListenerSend::sendToClosedOrUnknownClientIsAnError()
{
    QVERIFY(!start(Listener::Mode::LogOnly).isError());
    const NetError unknown = m_listener->send(4242, "x");
    QCOMPARE(unknown.systemCode, ENOTCONN);
    QCOMPARE(unknown.call, QStringLiteral("send"));
    QCOMPARE(ErrorText::describe(unknown), QStringLiteral("The socket is not connected (ENOTCONN) during send()."));

    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const quint64 id = waitForClient(client);
    QVERIFY(id != 0);
    const QString peer = client.localAddress().toString();
    client.close();
    QTRY_VERIFY(!m_listener->client(id)->open);
    const NetError closed = m_listener->send(id, "too late\n");
    QCOMPARE(closed.systemCode, ENOTCONN);
    QCOMPARE(closed.detail, peer);
    QCOMPARE(ErrorText::describe(closed), QStringLiteral("The socket is not connected (ENOTCONN) during send() on %1.").arg(peer));
    QCOMPARE(m_listener->shutdownWrite(id).systemCode, ENOTCONN);
    QCOMPARE(m_listener->closeClient(id).systemCode, ENOTCONN);
    QCOMPARE(m_listener->client(id)->bytesOut, qint64(0));

    // A stopped listener has no open client left.
    BlockingClient second;
    QVERIFY(second.connectTo(m_listener->boundAddress()));
    const quint64 secondId = waitForClient(second);
    m_listener->stop();
    QCOMPARE(m_listener->send(secondId, "x").systemCode, ENOTCONN);
}

void TestListenerSend::shutdownWriteAfterTheQueuedBytes()
{
    QVERIFY(!start(Listener::Mode::Echo).isError());
    QSignalSpy closed(m_listener.get(), &Listener::clientClosed);
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const quint64 id = waitForClient(client);
    const QByteArray goodbye = patternBytes(1024 * 1024, 5);
    QVERIFY(!m_listener->send(id, goodbye).isError());
    QVERIFY(!m_listener->shutdownWrite(id).isError());
    // Nothing may follow the half-close.
    QCOMPARE(m_listener->send(id, "x").systemCode, ESHUTDOWN);
    QTRY_VERIFY(m_listener->client(id)->writeShut);

    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), goodbye);
    QVERIFY(eof);
    // The listener reads on, and its echo stays silent: its write side is shut.
    QVERIFY(client.sendAll("still talking\n"));
    QTRY_COMPARE(m_listener->client(id)->bytesIn, qint64(14));
    QVERIFY(m_listener->client(id)->open);
    QCOMPARE(m_listener->client(id)->bytesOut, qint64(goodbye.size()));
    client.shutdownWrite();
    QTRY_COMPARE(closed.size(), 1);
    QVERIFY(!m_listener->client(id)->error.isError());
}

void TestListenerSend::closeClientClosesAtOnce()
{
    QVERIFY(!start(Listener::Mode::LogOnly).isError());
    QSignalSpy closed(m_listener.get(), &Listener::clientClosed);
    BlockingClient client;
    QVERIFY(client.connectTo(m_listener->boundAddress()));
    const quint64 id = waitForClient(client);
    QVERIFY(!m_listener->send(id, "bye\n").isError());
    QVERIFY(!m_listener->closeClient(id).isError());
    // Refused whether the worker has closed it yet (ENOTCONN) or not (ESHUTDOWN).
    const int refused = m_listener->send(id, "x").systemCode;
    QVERIFY2(refused == ESHUTDOWN || refused == ENOTCONN, qPrintable(errnoName(refused)));
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), QByteArray("bye\n"));
    QVERIFY(eof);
    QTRY_COMPARE(closed.size(), 1);
    QCOMPARE(closed.first().first().toULongLong(), id);
    QVERIFY(!m_listener->client(id)->open);
    QCOMPARE(m_listener->client(id)->bytesOut, qint64(4));
}

void TestListenerSend::datagramToUdpSender()
{
    QVERIFY(!start(Listener::Mode::LogOnly, Listener::Transport::Udp).isError());
    QSignalSpy failed(m_listener.get(), &Listener::callFailed);
    BlockingClient client(SOCK_DGRAM);
    QVERIFY(client.sendTo("ping", m_listener->boundAddress()));
    QTRY_COMPARE(m_listener->clients().size(), 1);
    const quint64 id = m_listener->clients().first().id;

    QVERIFY(!m_listener->send(id, "pong from the server").isError());
    SocketAddress from;
    qint64 size = 0;
    QCOMPARE(client.receiveFrom(&from, &size), QByteArray("pong from the server"));
    QCOMPARE(from, m_listener->boundAddress());
    QVERIFY(!m_listener->send(id, "second").isError());
    QCOMPARE(client.receiveFrom(&from, &size), QByteArray("second"));
    QTRY_COMPARE(m_listener->client(id)->bytesOut, qint64(26));
    QCOMPARE(m_listener->sent(id)->segments().size(), 2);
    QCOMPARE(m_listener->client(id)->queuedOut, qint64(0));

    // A sender has no connection to shut; a datagram too large for UDP fails in sendto().
    QCOMPARE(m_listener->shutdownWrite(id).systemCode, EOPNOTSUPP);
    QCOMPARE(m_listener->closeClient(id).systemCode, EOPNOTSUPP);
    QVERIFY(!m_listener->send(id, QByteArray(70000, 'z')).isError());
    QTRY_COMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).toULongLong(), id);
    const NetError error = failed.first().at(1).value<NetError>();
    QCOMPARE(error.systemCode, EMSGSIZE);
    QCOMPARE(error.call, QStringLiteral("sendto"));
    QCOMPARE(m_listener->client(id)->queuedOut, qint64(0));
    QCOMPARE(m_listener->client(id)->bytesOut, qint64(26));
}

void TestListenerSend::tlsListenerSendsThroughTls()
{
    QTemporaryDir dir;
    Listener::Settings settings;
    settings.mode = Listener::Mode::LogOnly;
    settings.tls = true;
    settings.certificateDir = dir.path();
    QVERIFY(!startAndWait(*m_listener, settings).isError());

    QProcess client;
    client.start(QStringLiteral("openssl"),
                 {QStringLiteral("s_client"), QStringLiteral("-quiet"), QStringLiteral("-connect"),
                  QStringLiteral("127.0.0.1:%1").arg(m_listener->boundAddress().port())});
    QVERIFY(client.waitForStarted(5000));
    QTRY_COMPARE_WITH_TIMEOUT(m_listener->clients().size(), 1, 10000);
    const quint64 id = m_listener->clients().first().id;

    // Sent as soon as the handshake allows, as application data.
    const QByteArray greeting = "hello over TLS from the listener\n";
    QVERIFY(!m_listener->send(id, greeting).isError());
    QByteArray out;
    QVERIFY(QTest::qWaitFor([&] {
        out += client.readAllStandardOutput();
        return out.contains(greeting);
    }, 10000));
    QTRY_COMPARE(m_listener->client(id)->bytesOut, qint64(greeting.size()));
    QCOMPARE(m_listener->sent(id)->toByteArray(), greeting);

    // close_notify and FIN: s_client ends by itself.
    QVERIFY(!m_listener->shutdownWrite(id).isError());
    QVERIFY(client.waitForFinished(10000));
    QCOMPARE(m_listener->client(id)->bytesOut, qint64(greeting.size()));
}

QTEST_GUILESS_MAIN(TestListenerSend)
#include "tst_listenersend.moc"

#include "testcertificates.h"

#include "net/socket.h"
#include "net/trace.h"
#include "tls/tlscontext.h"
#include "tls/tlsoptions.h"
#include "tls/tlsstream.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

#include <linux/sockios.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

using namespace SocketLab;

// TlsStream's close_notify on a socket with no room: the alert must wait in OpenSSL and go once the
// peer reads, never be dropped by the shutdown(SHUT_WR) or close() that follows. Both ends run in
// this thread over a UNIX socket pair, whose send queue this test can fill exactly: a send() is
// taken whole while the queue is under SO_SNDBUF, and refused once it is at or past it.
class TestTlsStream : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        TestCertificates certificates(m_dir.path());
        const TestCertificates::Issued self = certificates.selfSigned(QStringLiteral("peer"));
        NetError error;
        const auto serverContext = TlsServerContext::fromFiles(self.certPath, self.keyPath, &error);
        QVERIFY2(serverContext, qPrintable(error.message));
        const auto clientContext = TlsClientContext::forCaFile({}, &error);
        QVERIFY2(clientContext, qPrintable(error.message));
        int fds[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, fds), 0);
        m_clientSocket = std::make_unique<Socket>(m_trace, nullptr);
        m_serverSocket = std::make_unique<Socket>(m_serverTrace, nullptr);
        m_clientSocket->adopt(fds[0]);
        m_serverSocket->adopt(fds[1]);
        m_client = std::make_unique<TlsStream>(*m_clientSocket, m_trace);
        m_server = std::make_unique<TlsStream>(*m_serverSocket, m_serverTrace);
        QVERIFY(!m_client->startClient(clientContext, TlsOptions(), QStringLiteral("peer"), {}).isError());
        QVERIFY(!m_server->startServer(serverContext).isError());
        // The client's certificate check is its caller's: here only the record layer matters.
        TlsStream::Step client = TlsStream::Step::WantRead;
        TlsStream::Step server = TlsStream::Step::WantRead;
        for (int turn = 0; turn < 20 && (client != TlsStream::Step::Done || server != TlsStream::Step::Done); ++turn) {
            if (client != TlsStream::Step::Done)
                client = m_client->handshakeStep(&error);
            if (server != TlsStream::Step::Done)
                server = m_server->handshakeStep(&error);
            QVERIFY2(client != TlsStream::Step::Failed && server != TlsStream::Step::Failed, qPrintable(error.message));
        }
        QCOMPARE(client, TlsStream::Step::Done);
        QCOMPARE(server, TlsStream::Step::Done);
    }

    void cleanup()
    {
        m_client.reset();
        m_server.reset();
        m_clientSocket.reset();
        m_serverSocket.reset();
    }

    void closeNotifyWaitsForRoomAndThenGoes()
    {
        fillClientQueue();
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::WantWrite);
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::WantWrite);  // still no room: still waiting
        const qint64 read = drainServer();
        QVERIFY(read > 0);
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::Done);
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::Done);  // sent once
        QVERIFY(!m_clientSocket->shutdown(SHUT_WR).isError());
        char byte;
        ReceiveResult end;
        QElapsedTimer clock;
        clock.start();
        do {
            end = m_server->read(&byte, 1);
        } while (end.status == ReceiveResult::Status::WouldBlock && clock.elapsed() < 5000);
        QCOMPARE(end.status, ReceiveResult::Status::Closed);
        QVERIFY(m_server->closeNotifyReceived());
    }

    void waitingForRoomEndsAtTheDeadline()
    {
        fillClientQueue();
        QElapsedTimer clock;
        clock.start();
        m_client->shutdown(QDeadlineTimer(200));
        QVERIFY(clock.elapsed() >= 150);
        QVERIFY2(clock.elapsed() < 3000, QByteArray::number(clock.elapsed()));
        // The alert still waits: a reader that comes later gets it.
        drainServer();
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::Done);
    }

    // A record SSL_write() left half sent (the exchange timed out in the middle of it): no alert is
    // tried behind it, and nothing waits for the room the peer will never make.
    void noCloseNotifyBehindAHalfSentRecord()
    {
        const QByteArray big(256 * 1024, 'w');
        SendResult sent;
        for (int i = 0; i < 1000 && sent.status != SendResult::Status::WouldBlock; ++i)
            sent = m_client->write(big.constData(), big.size());
        QCOMPARE(sent.status, SendResult::Status::WouldBlock);
        const int callsBefore = int(m_trace.entries().size());
        QElapsedTimer clock;
        clock.start();
        m_client->shutdown(QDeadlineTimer(5000));
        QVERIFY2(clock.elapsed() < 2500, QByteArray::number(clock.elapsed()));
        QCOMPARE(m_client->shutdownStep(), TlsStream::Step::Done);  // given up once, not tried again
        for (const TraceEntry &entry : m_trace.entries().mid(callsBefore))
            QVERIFY2(entry.call != QLatin1String("SSL_shutdown"), qPrintable(entry.call));
    }

private:
    // Whole records until the send queue is at or past SO_SNDBUF, none left half-written in OpenSSL.
    void fillClientQueue()
    {
        int sndbuf = 0;
        socklen_t length = sizeof sndbuf;
        QCOMPARE(::getsockopt(m_clientSocket->fd(), SOL_SOCKET, SO_SNDBUF, &sndbuf, &length), 0);
        const QByteArray record(4096, 'r');
        for (int i = 0; i < 10000; ++i) {
            int queued = 0;
            QCOMPARE(::ioctl(m_clientSocket->fd(), SIOCOUTQ, &queued), 0);
            if (queued >= sndbuf)
                return;
            const SendResult sent = m_client->write(record.constData(), record.size());
            QCOMPARE(sent.status, SendResult::Status::Sent);
            QCOMPARE(sent.bytes, qint64(record.size()));
        }
        QFAIL("the send queue never filled");
    }

    qint64 drainServer()
    {
        char buffer[65536];
        qint64 total = 0;
        for (;;) {
            const ReceiveResult r = m_server->read(buffer, sizeof buffer);
            if (r.status != ReceiveResult::Status::Data)
                return total;
            total += r.bytes;
        }
    }

    QTemporaryDir m_dir;
    Trace m_trace;
    Trace m_serverTrace;
    std::unique_ptr<Socket> m_clientSocket;
    std::unique_ptr<Socket> m_serverSocket;
    std::unique_ptr<TlsStream> m_client;
    std::unique_ptr<TlsStream> m_server;
};

QTEST_GUILESS_MAIN(TestTlsStream)
#include "tst_tlsstream.moc"

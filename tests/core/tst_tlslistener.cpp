#include "bytes/bytestore.h"
#include "exchange/tcpexchange.h"
#include "net/canceltoken.h"
#include "net/trace.h"
#include "servers/listener.h"
#include "text/tlstext.h"

#include "../support/testcertificates.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace SocketLab;

// SocketLab's TLS listener against an independent client, openssl s_client, on loopback.
class TstTlsListener : public QObject
{
    Q_OBJECT

private:
    // Starts listener with settings and waits for the outcome; the bound address or invalid.
    static SocketAddress start(Listener &listener, Listener::Settings settings)
    {
        QSignalSpy listening(&listener, &Listener::listening);
        QSignalSpy failed(&listener, &Listener::startFailed);
        if (listener.start(settings).isError())
            return {};
        if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, 10000) || listening.isEmpty())
            return {};
        return listener.boundAddress();
    }

    // Runs s_client to address, sends input, returns what it printed of the server's bytes once
    // expected shows up (or the server closes).
    static QByteArray sClient(const SocketAddress &address, const QByteArray &input, const QByteArray &expected)
    {
        QProcess client;
        client.start(QStringLiteral("openssl"),
                     {QStringLiteral("s_client"), QStringLiteral("-quiet"), QStringLiteral("-connect"),
                      QStringLiteral("127.0.0.1:%1").arg(address.port())});
        if (!client.waitForStarted(5000))
            return {};
        client.write(input);
        QByteArray out;
        // Whether it came in time is the caller's check, on the output returned.
        static_cast<void>(QTest::qWaitFor([&] {
            out += client.readAllStandardOutput();
            return out.contains(expected) || client.state() == QProcess::NotRunning;
        }, 10000));
        client.kill();
        client.waitForFinished(5000);
        return out + client.readAllStandardOutput();
    }

    QTemporaryDir m_dir;

private slots:
    void echo()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certificateDir = m_dir.path();
        const SocketAddress bound = start(listener, settings);
        QVERIFY(bound.isValid());
        QCOMPARE(listener.certificateSha256().size(), 32);
        QVERIFY(sClient(bound, "hello over tls\n", "hello over tls").contains("hello over tls"));
        QTRY_VERIFY(!listener.clients().isEmpty() && listener.clients().first().bytesIn == 15);
        QCOMPARE(listener.clients().first().bytesOut, 15);
    }

    void fixedReplyAndHttp()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certificateDir = m_dir.path();
        settings.mode = Listener::Mode::FixedReply;
        settings.fixedReply = "fixed reply\n";
        settings.closeAfterReply = true;
        QVERIFY(start(listener, settings).isValid());
        QVERIFY(sClient(listener.boundAddress(), "x\n", "fixed reply").contains("fixed reply\n"));

        settings.mode = Listener::Mode::HttpDemo;
        QVERIFY(start(listener, settings).isValid());
        const QByteArray reply = sClient(listener.boundAddress(), "GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", "</html>");
        QVERIFY2(reply.startsWith("HTTP/1.1 200"), reply.left(200).constData());
    }

    void givenCertificateAndReuse()
    {
        QTemporaryDir dir;
        TestCertificates certs(dir.path());
        const auto issued = certs.selfSigned(QStringLiteral("given"), {});
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certPath = issued.certPath;
        settings.keyPath = issued.keyPath;
        QVERIFY(start(listener, settings).isValid());
        QCOMPARE(listener.certificateSha256(), issued.sha256);

        // The self-signed one is made once and kept.
        settings.certPath.clear();
        settings.keyPath.clear();
        settings.certificateDir = dir.path() + QStringLiteral("/data");
        QVERIFY(start(listener, settings).isValid());
        const QByteArray first = listener.certificateSha256();
        listener.stop();
        QVERIFY(start(listener, settings).isValid());
        QCOMPARE(listener.certificateSha256(), first);
        QVERIFY(first != issued.sha256);
    }

    void badCertificatePathFailsToStart()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certPath = m_dir.path() + QStringLiteral("/missing.pem");
        settings.keyPath = m_dir.path() + QStringLiteral("/missing.key");
        QSignalSpy failed(&listener, &Listener::startFailed);
        QVERIFY(!listener.start(settings).isError());
        QTRY_COMPARE(failed.size(), 1);
        QCOMPARE(failed.first().first().value<NetError>().detail, settings.certPath);
        QVERIFY(!listener.isRunning());
    }

    void plainClientFailsAloneAndUdpRefused()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certificateDir = m_dir.path();
        QVERIFY(start(listener, settings).isValid());
        QProcess plain;
        plain.start(QStringLiteral("python3"), {QStringLiteral("-c"),
            QStringLiteral("import socket; s=socket.create_connection(('127.0.0.1',%1)); s.sendall(b'GET / HTTP/1.0\\r\\n\\r\\n'); s.recv(100)")
                .arg(listener.boundAddress().port())});
        QVERIFY(plain.waitForFinished(10000));
        QTRY_VERIFY(!listener.clients().isEmpty() && !listener.clients().first().open);
        QVERIFY(listener.clients().first().error.isError());
        QVERIFY(listener.isRunning());
        QVERIFY(sClient(listener.boundAddress(), "next\n", "next").contains("next"));

        settings.transport = Listener::Transport::Udp;
        QVERIFY(listener.start(settings).isError());
    }

    // A client that connects and never starts its handshake is closed after the timeout, with the
    // reason on its row; the listener serves the next one meanwhile.
    void silentClientIsFreedByTheHandshakeTimeout()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certificateDir = m_dir.path();
        settings.tlsHandshakeTimeoutMs = 300;
        const SocketAddress bound = start(listener, settings);
        QVERIFY(bound.isValid());
        const int silent = ::socket(AF_INET, SOCK_STREAM, 0);
        QCOMPARE(::connect(silent, bound.data(), bound.size()), 0);
        QTRY_COMPARE(listener.clients().size(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!listener.clients().first().open, 5000);
        const NetError error = listener.clients().first().error;
        QCOMPARE(error.kind, NetError::Kind::Timeout);
        QCOMPARE(error.call, QStringLiteral("SSL_accept"));
        char byte = 0;
        QCOMPARE(::recv(silent, &byte, 1, 0), ssize_t(0));  // closed by the server
        ::close(silent);
        QVERIFY(sClient(bound, "next\n", "next").contains("next"));
    }

    // Eight TLS clients at once, each on its own thread, each echoed its own bytes.
    void manyClientsAtOnce()
    {
        Listener listener;
        Listener::Settings settings;
        settings.tls = true;
        settings.certificateDir = m_dir.path();
        const SocketAddress bound = start(listener, settings);
        QVERIFY(bound.isValid());
        constexpr int Clients = 8;
        QByteArray replies[Clients];
        NetError errors[Clients];
        std::vector<std::thread> threads;
        for (int i = 0; i < Clients; ++i) {
            threads.emplace_back([&, i] {
                TcpRequest request;
                request.host = QStringLiteral("127.0.0.1");
                request.service = QString::number(bound.port());
                request.payload = QByteArray(100 * 1024, char('a' + i));
                request.stopRule = StopRule{StopRule::Kind::Bytes, request.payload.size()};
                request.totalTimeoutMs = 20000;
                request.tls.enabled = true;
                request.tls.pinSha256 = listener.certificateSha256();
                ByteStore store;
                Trace trace;
                CancelToken cancel;
                const TcpResult result = TcpExchange(request, store, trace, cancel).run();
                errors[i] = result.error;
                replies[i] = store.toByteArray();
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (int i = 0; i < Clients; ++i) {
            QVERIFY2(!errors[i].isError(), qPrintable(errors[i].codeName() + errors[i].message));
            QCOMPARE(replies[i], QByteArray(100 * 1024, char('a' + i)));
        }
        QTRY_COMPARE(listener.clients().size(), Clients);
    }
};

QTEST_GUILESS_MAIN(TstTlsListener)
#include "tst_tlslistener.moc"

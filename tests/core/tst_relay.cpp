#include "blockingclient.h"
#include "peerprocess.h"
#include "testcertificates.h"

#include "bytes/bytestore.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "relay/relay.h"
#include "servers/listener.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include <fcntl.h>
#include <poll.h>
#include <linux/sockios.h>
#include <sys/ioctl.h>

using namespace SocketLab;

namespace {

// A plain listening socket on 127.0.0.1 for the target side, accepted by the test itself: the
// relay's calls are checked against what an independent server sees.
class PlainServer
{
public:
    // receiveBuffer: SO_RCVBUF for the connections it accepts, 0 for the system's.
    explicit PlainServer(int receiveBuffer = 0)
        : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        if (receiveBuffer > 0)
            ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, sizeof receiveBuffer);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        ::listen(m_fd, 16);
        socklen_t len = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &len);
        m_port = ntohs(address.sin_port);
    }
    ~PlainServer() { ::close(m_fd); }
    quint16 port() const { return m_port; }
    // The next connection, as a client of BlockingClient's kind (its timeouts included).
    int accept() const { return ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC); }

private:
    int m_fd;
    quint16 m_port = 0;
};

QByteArray everyByteValue(int times)
{
    QByteArray bytes;
    for (int i = 0; i < 256 * times; ++i)
        bytes.append(char(i % 256));
    return bytes;
}

QByteArray receiveAll(int fd, qint64 count)
{
    QByteArray all;
    char buffer[65536];
    while (all.size() < count) {
        const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
        if (n <= 0)
            break;
        all.append(buffer, n);
    }
    return all;
}

void setTimeouts(int fd)
{
    timeval timeout{10, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

// tls_peer.py in one of its modes, serving a self-signed certificate a relay pins.
struct TlsTarget
{
    explicit TlsTarget(const QStringList &arguments)
        : certificates(dir.path())
        , self(certificates.selfSigned(QStringLiteral("target")))
        , peer(QStringLiteral("tls_peer.py"),
               arguments + QStringList{QStringLiteral("--cert"), self.certPath, QStringLiteral("--key"), self.keyPath})
    {
    }

    QTemporaryDir dir;
    TestCertificates certificates;
    TestCertificates::Issued self;
    PeerProcess peer;
};

} // namespace

class TestRelay : public QObject
{
    Q_OBJECT

private:
    static RelaySettings settingsTo(quint16 port, RelaySettings::Transport transport = RelaySettings::Transport::Tcp)
    {
        RelaySettings settings;
        settings.transport = transport;
        settings.targetHost = QStringLiteral("127.0.0.1");
        settings.targetService = QString::number(port);
        return settings;
    }
    static RelaySettings pinnedTlsTo(const TlsTarget &target)
    {
        RelaySettings settings = settingsTo(target.peer.port());
        settings.tlsToTarget.enabled = true;
        settings.tlsToTarget.pinSha256 = target.self.sha256;
        return settings;
    }
    static bool startAndWait(Relay &relay, const RelaySettings &settings)
    {
        QSignalSpy listening(&relay, &Relay::listening);
        if (relay.start(settings).isError())
            return false;
        return listening.wait(5000);
    }

private slots:
    void bytesGoBothWaysExactlyAndAreRecorded()
    {
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        QVERIFY(target >= 0);
        setTimeouts(target);
        const QByteArray request = everyByteValue(4000);  // about 1 MB, every byte value
        QVERIFY(client.sendAll(request));
        QCOMPARE(receiveAll(target, request.size()), request);
        const QByteArray answer = everyByteValue(3000);
        QCOMPARE(::send(target, answer.constData(), size_t(answer.size()), MSG_NOSIGNAL), ssize_t(answer.size()));
        QCOMPARE(client.receiveExactly(answer.size()), answer);

        QTRY_VERIFY(relay.connection(1).has_value() && relay.connection(1)->toClient == answer.size());
        const Relay::Connection row = *relay.connection(1);
        QCOMPARE(row.state, Relay::Connection::State::Open);
        QCOMPARE(row.fromClient, request.size());
        QCOMPARE(row.toTarget, request.size());
        QCOMPARE(row.target.port(), server.port());
        const auto record = relay.record(1);
        QVERIFY(record);
        QCOMPARE(record->sent().toByteArray(), request);
        QCOMPARE(record->received().toByteArray(), answer);
        const QList<ConversationEvent> events = record->events();
        QCOMPARE(events.constFirst().kind, ConversationEvent::Kind::Connected);
        qint64 sent = 0;
        for (const ConversationEvent &event : events) {
            if (event.kind == ConversationEvent::Kind::Sent) {
                QCOMPARE(event.offset, sent);  // each recv() from the client, back to back
                sent += event.size;
            }
        }
        QCOMPARE(sent, request.size());
        // Both legs' calls in one trace: the connect() to the target and the client's recv().
        bool connected = false;
        bool received = false;
        for (const TraceEntry &entry : relay.trace(1)->entries()) {
            connected = connected || entry.call == QLatin1StringView("connect");
            received = received || entry.call == QLatin1StringView("recv");
        }
        QVERIFY(connected && received);
        ::close(target);
    }

    void aHalfCloseIsPassedOnAndTheAnswerStillComesBack()
    {
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        setTimeouts(target);
        QVERIFY(client.sendAll("question"));
        QCOMPARE(::shutdown(client.fd(), SHUT_WR), 0);
        // The server reads the question, then end of file: the client's FIN came through.
        QCOMPARE(receiveAll(target, 100), QByteArray("question"));
        QCOMPARE(::send(target, "answer", 6, MSG_NOSIGNAL), ssize_t(6));
        ::shutdown(target, SHUT_WR);
        bool closed = false;
        QCOMPARE(client.receiveUntilClosed(&closed), QByteArray("answer"));
        QVERIFY(closed);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        QVERIFY(!relay.connection(1)->error.isError());
        QList<ConversationEvent::Kind> kinds;
        for (const ConversationEvent &event : relay.record(1)->events())
            kinds.append(event.kind);
        QVERIFY(kinds.contains(ConversationEvent::Kind::ShutdownWrite));
        QVERIFY(kinds.contains(ConversationEvent::Kind::PeerClosed));
        QCOMPARE(kinds.constLast(), ConversationEvent::Kind::Closed);
        ::close(target);
    }

    void aResetFromTheTargetResetsTheClient()
    {
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        // Reset once the relay knows it is connected: a reset before that is connect()'s failure.
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Open);
        const linger hard{1, 0};
        ::setsockopt(target, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(target);
        char byte;
        errno = 0;
        QCOMPARE(::recv(client.fd(), &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        const QList<ConversationEvent> events = relay.record(1)->events();
        QCOMPARE(events.at(events.size() - 2).kind, ConversationEvent::Kind::PeerReset);
        QCOMPARE(events.constLast().kind, ConversationEvent::Kind::Closed);
        QCOMPARE(relay.totals().failed, qint64(1));
    }

    // The target floods a client that does not read, until every buffer on the way is full, then
    // resets. The relay meets that reset in send(), when the client's next byte goes to the target;
    // the bytes the target said before it still wait in the relay's socket, and must reach the
    // client before the reset does, as they would without a relay.
    void aResetMetBySendStillPassesOnTheBytesBeforeIt_data()
    {
        QTest::addColumn<bool>("clientResets");
        QTest::newRow("the client reads them") << false;
        // The target's socket is gone: the client's reset must not wait for it to drain (5 s).
        QTest::newRow("the client resets first") << true;
    }

    void aResetMetBySendStillPassesOnTheBytesBeforeIt()
    {
        QFETCH(bool, clientResets);
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Open);
        ::fcntl(target, F_SETFL, ::fcntl(target, F_GETFL) | O_NONBLOCK);
        const QByteArray chunk(65536, 'f');
        qint64 written = 0;
        QElapsedTimer stalled;
        stalled.start();
        // Full once the socket has had no room for half a second: each wait is for room itself.
        while (stalled.elapsed() < 500) {
            const ssize_t n = ::send(target, chunk.constData(), chunk.size(), MSG_NOSIGNAL);
            if (n > 0) {
                written += n;
                stalled.restart();
            } else {
                pollfd room{target, POLLOUT, 0};
                ::poll(&room, 1, 500);
            }
        }
        int unsent = 0;
        QCOMPARE(::ioctl(target, SIOCOUTQ, &unsent), 0);
        const qint64 delivered = written - unsent;  // what the relay's kernel has taken in
        const linger hard{1, 0};
        ::setsockopt(target, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(target);
        QVERIFY(client.sendAll("x"));
        // The relay's send() of that byte meets the reset (ECONNRESET in its calls).
        const auto sendMetTheReset = [&relay] {
            const QList<TraceEntry> calls = relay.trace(1)->entries();
            return std::any_of(calls.cbegin(), calls.cend(), [](const TraceEntry &call) {
                return call.call == QLatin1String("send") && call.errnoCode == ECONNRESET;
            });
        };
        QTRY_VERIFY(sendMetTheReset());
        if (clientResets) {
            const linger clientHard{1, 0};
            ::setsockopt(client.fd(), SOL_SOCKET, SO_LINGER, &clientHard, sizeof clientHard);
            client.close();
            QTRY_COMPARE_WITH_TIMEOUT(relay.connection(1)->state, Relay::Connection::State::Closed, 3000);
            return;
        }
        qint64 received = 0;
        char buffer[65536];
        ssize_t n;
        while ((n = ::recv(client.fd(), buffer, sizeof buffer, 0)) > 0)
            received += n;
        QCOMPARE(n, ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        QCOMPARE(received, delivered);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        const QList<ConversationEvent> events = relay.record(1)->events();
        QCOMPARE(events.at(events.size() - 2).kind, ConversationEvent::Kind::PeerReset);
    }

    void aResetFromTheClientResetsTheTarget()
    {
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        setTimeouts(target);
        const linger hard{1, 0};
        ::setsockopt(client.fd(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        client.close();
        char byte;
        errno = 0;
        QCOMPARE(::recv(target, &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        QCOMPARE(relay.connection(1)->error.systemCode, ECONNRESET);
        ::close(target);
    }

    void aRefusingTargetResetsTheClientWithTheReason()
    {
        quint16 closedPort;
        {
            PlainServer gone;
            closedPort = gone.port();
        }
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(closedPort)));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        char byte;
        errno = 0;
        QCOMPARE(::recv(client.fd(), &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        QCOMPARE(relay.connection(1)->error.systemCode, ECONNREFUSED);
        QCOMPARE(relay.connection(1)->error.call, QStringLiteral("connect"));
    }

    void aPausedDirectionQueuesUntilResumed()
    {
        PlainServer server;
        Relay relay;
        RelaySettings settings = settingsTo(server.port());
        settings.toClient.paused = true;
        QVERIFY(startAndWait(relay, settings));
        BlockingClient client(SOCK_STREAM, AF_INET, 400);
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        QCOMPARE(::send(target, "held back", 9, MSG_NOSIGNAL), ssize_t(9));
        QVERIFY(client.receiveSome().isEmpty());
        QVERIFY(client.timedOut());
        QTRY_COMPARE(relay.connection(1)->queuedToClient, qint64(9));
        relay.setShaping(RelayDirection::ToClient, {});
        QTRY_COMPARE(relay.connection(1)->queuedToClient, qint64(0));
        QCOMPARE(client.receiveExactly(9), QByteArray("held back"));
        ::close(target);
    }

    void aResetWaitsBehindTheDelayedBytesBeforeIt()
    {
        PlainServer server;
        Relay relay;
        RelaySettings settings = settingsTo(server.port());
        settings.toClient.delayMs = 300;
        QVERIFY(startAndWait(relay, settings));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Open);
        QCOMPARE(::send(target, "last words", 10, MSG_NOSIGNAL), ssize_t(10));
        QTRY_COMPARE(relay.connection(1)->fromTarget, qint64(10));
        const linger hard{1, 0};
        ::setsockopt(target, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        ::close(target);
        // As on a slow path: the bytes come first, then the reset.
        QCOMPARE(client.receiveExactly(10), QByteArray("last words"));
        char byte;
        errno = 0;
        QCOMPARE(::recv(client.fd(), &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
    }

    void aResetAfterAFinPassedOnStillGoesOn()
    {
        // The client asks and half-closes; the server answers at length; the client closes without
        // reading: its kernel resets. The server, still sending, must see that reset.
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        setTimeouts(target);
        timeval sendTimeout{10, 0};
        ::setsockopt(target, SOL_SOCKET, SO_SNDTIMEO, &sendTimeout, sizeof sendTimeout);
        QVERIFY(client.sendAll("GET"));
        ::shutdown(client.fd(), SHUT_WR);
        QCOMPARE(receiveAll(target, 3), QByteArray("GET"));
        const QByteArray chunk(64 * 1024, 'a');
        QCOMPARE(::send(target, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL), ssize_t(chunk.size()));
        QVERIFY(client.receiveSome(1024).size() > 0);
        client.close();  // unread bytes: a reset
        errno = 0;
        ssize_t n = 0;
        for (int i = 0; i < 10000 && n >= 0; ++i)
            n = ::send(target, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
        QCOMPARE(n, ssize_t(-1));
        QVERIFY2(errno == ECONNRESET || errno == EPIPE, qPrintable(QString::number(errno)));
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Closed);
        ::close(target);
    }

    void aResetWaitsForTheBytesTheRelayHoldsToLeave()
    {
        // A slow server: the relay has read all the client sent when the client resets, most of it
        // waiting in the relay's socket for the server's small window. What the relay took must
        // still reach the server, then the reset.
        PlainServer server(4096);
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        setTimeouts(target);
        const QByteArray bytes = everyByteValue(4096);  // 1 MiB
        QVERIFY(client.sendAll(bytes));
        QTRY_COMPARE(relay.connection(1)->fromClient, bytes.size());
        const linger hard{1, 0};
        ::setsockopt(client.fd(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
        client.close();
        QCOMPARE(receiveAll(target, bytes.size()), bytes);
        char byte;
        errno = 0;
        QCOMPARE(::recv(target, &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        ::close(target);
    }

    void aPauseSetOnAnIdleConnectionHoldsItsNextBytes()
    {
        PlainServer server;
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(server.port())));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        timeval shortWait{0, 400'000};
        ::setsockopt(target, SOL_SOCKET, SO_RCVTIMEO, &shortWait, sizeof shortWait);
        QTRY_COMPARE(relay.connection(1)->state, Relay::Connection::State::Open);
        QTest::qWait(100);  // the connection's loop is asleep in poll()
        relay.setShaping(RelayDirection::ToTarget, {0, 0, true});
        QVERIFY(client.sendAll("request"));
        char buffer[16];
        QCOMPARE(::recv(target, buffer, sizeof buffer, 0), ssize_t(-1));  // held
        relay.setShaping(RelayDirection::ToTarget, {});
        setTimeouts(target);
        QCOMPARE(receiveAll(target, 7), QByteArray("request"));
        ::close(target);
    }

    void aDelayHoldsTheAnswer()
    {
        PlainServer server;
        Relay relay;
        RelaySettings settings = settingsTo(server.port());
        settings.toClient.delayMs = 300;
        QVERIFY(startAndWait(relay, settings));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(::send(target, "late", 4, MSG_NOSIGNAL), ssize_t(4));
        QCOMPARE(client.receiveExactly(4), QByteArray("late"));
        QVERIFY2(clock.elapsed() >= 290, qPrintable(QString::number(clock.elapsed())));
        ::close(target);
    }

    void clientsPastTheCapAreRefused()
    {
        PlainServer server;
        Relay relay;
        RelaySettings settings = settingsTo(server.port());
        settings.maxConnections = 1;
        QVERIFY(startAndWait(relay, settings));
        QSignalSpy refused(&relay, &Relay::connectionRefused);
        BlockingClient first;
        QVERIFY(first.connectTo(relay.boundAddress()));
        const int target = server.accept();
        BlockingClient second;
        QVERIFY(second.connectTo(relay.boundAddress()));
        bool closed = false;
        QVERIFY(second.receiveUntilClosed(&closed).isEmpty());
        QVERIFY(closed);
        QTRY_COMPARE(refused.size(), 1);
        QVERIFY(relay.connection(refused.at(0).at(0).toULongLong())->refused);
        QCOMPARE(relay.totals().refused, qint64(1));
        ::close(target);
    }

    void aFullDisplayNeverStopsTheForwarding()
    {
        PlainServer server;
        Relay relay;
        RelaySettings settings = settingsTo(server.port());
        settings.captureBudget = 10000;
        QVERIFY(startAndWait(relay, settings));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        const int target = server.accept();
        setTimeouts(target);
        const QByteArray bytes = everyByteValue(8192);  // 2 MiB past a 10 kB budget
        QVERIFY(client.sendAll(bytes));
        QCOMPARE(receiveAll(target, bytes.size()), bytes);
        QTRY_VERIFY(relay.connection(1)->bytesDropped);
        const auto record = relay.record(1);
        QVERIFY(record->sent().size() <= 10000);
        QCOMPARE(record->sent().toByteArray(), bytes.left(record->sent().size()));  // what is kept is the start
        QTRY_COMPARE(record->sentBytes(), bytes.size());  // and every byte is counted
        ::close(target);
    }

    void tlsToTheTargetIsVerifiedAndCarriesTheClientsClearBytes()
    {
        QTemporaryDir dir;
        Listener echo;
        Listener::Settings echoSettings;
        echoSettings.tls = true;
        echoSettings.certificateDir = dir.path();
        QSignalSpy echoListening(&echo, &Listener::listening);
        QVERIFY(!echo.start(echoSettings).isError());
        QVERIFY(echoListening.wait(10000));

        // Pinned: the relay trusts exactly the echo server's certificate.
        Relay relay;
        RelaySettings settings = settingsTo(echo.boundAddress().port());
        settings.tlsToTarget.enabled = true;
        settings.tlsToTarget.pinSha256 = echo.certificateSha256();
        QVERIFY(startAndWait(relay, settings));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        QVERIFY(client.sendAll("in clear here, encrypted there"));
        QCOMPARE(client.receiveExactly(30), QByteArray("in clear here, encrypted there"));
        QTRY_VERIFY(relay.record(1)->setup().tls.has_value());
        QVERIFY(relay.record(1)->setup().tls->handshakeDone);

        // Not pinned: the self-signed certificate is refused and the client reset, the reason kept.
        RelaySettings unpinned = settings;
        unpinned.tlsToTarget.pinSha256.clear();
        Relay refusing;
        QVERIFY(startAndWait(refusing, unpinned));
        BlockingClient refused;
        QVERIFY(refused.connectTo(refusing.boundAddress()));
        char byte;
        errno = 0;
        QCOMPARE(::recv(refused.fd(), &byte, 1, 0), ssize_t(-1));
        QCOMPARE(errno, ECONNRESET);
        QTRY_COMPARE(refusing.connection(1)->state, Relay::Connection::State::Closed);
        QCOMPARE(refusing.connection(1)->error.kind, NetError::Kind::Certificate);
    }

    void aTargetsFinWithoutCloseNotifyIsMarked_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<bool>("missing");
        QTest::newRow("close_notify, then FIN") << QStringLiteral("close-notify") << false;
        QTest::newRow("FIN alone") << QStringLiteral("no-close-notify") << true;
    }

    // The client reads a plain FIN either way: only the record can say TLS ended without its
    // close_notify, so that the answer before it may have been cut off.
    void aTargetsFinWithoutCloseNotifyIsMarked()
    {
        QFETCH(QString, mode);
        QFETCH(bool, missing);
        const TlsTarget target({mode});
        QVERIFY(target.peer.port());
        Relay relay;
        QVERIFY(startAndWait(relay, pinnedTlsTo(target)));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        QVERIFY(client.sendAll("GET / HTTP/1.0\r\n\r\n"));
        QByteArray answer;
        char buffer[4096];
        ssize_t n;
        while ((n = ::recv(client.fd(), buffer, sizeof buffer, 0)) > 0)
            answer.append(buffer, n);
        QCOMPARE(n, ssize_t(0));  // a FIN, not a reset
        QVERIFY(answer.endsWith("Hello over TLS, from Python.\n"));
        const auto record = relay.record(1);
        const auto finPassedOn = [&record]() -> std::optional<ConversationEvent> {
            for (const ConversationEvent &event : record->events()) {
                if (event.kind == ConversationEvent::Kind::PeerClosed)
                    return event;
            }
            return std::nullopt;
        };
        QTRY_VERIFY(finPassedOn().has_value());
        QCOMPARE(finPassedOn()->closeNotifyMissing, missing);
    }

    // The client's end goes on as close_notify then a FIN, behind half a megabyte that a target with
    // a small window reads slowly. (Whether SSL_shutdown() finds the socket full at that moment is
    // the kernel's call; tst_tlsstream makes it so and checks that the alert waits for room.)
    void closeNotifyWaitsForRoomBeforeTheFin()
    {
        TlsTarget target({QStringLiteral("await-close"), QStringLiteral("--slow-read"), QStringLiteral("0.002"),
                          QStringLiteral("--rcvbuf"), QStringLiteral("4096")});
        QVERIFY(target.peer.port());
        Relay relay;
        QVERIFY(startAndWait(relay, pinnedTlsTo(target)));
        BlockingClient client;
        QVERIFY(client.connectTo(relay.boundAddress()));
        QVERIFY(client.sendAll("GET / HTTP/1.0\r\n\r\n" + QByteArray(512 * 1024, 'x')));
        client.shutdownWrite();
        QCOMPARE(target.peer.readLine(30000), QByteArray("close_notify"));
        const auto trace = relay.trace(1);
        const QList<TraceEntry> entries = trace->entries();
        const auto shutdownAt = std::find_if(entries.cbegin(), entries.cend(),
                                             [](const TraceEntry &e) { return e.call == QLatin1String("SSL_shutdown"); });
        const auto finAt = std::find_if(entries.cbegin(), entries.cend(), [](const TraceEntry &e) {
            return e.call == QLatin1String("shutdown") && e.args.contains(QLatin1String("SHUT_WR"));
        });
        QVERIFY(shutdownAt != entries.cend());
        QVERIFY(finAt != entries.cend());
        QVERIFY(shutdownAt < finAt);
    }

    void ipv6BothWays()
    {
        Listener echo;
        Listener::Settings echoSettings;
        echoSettings.address = Listener::loopback(0, IpFamily::V6);
        QSignalSpy echoListening(&echo, &Listener::listening);
        QVERIFY(!echo.start(echoSettings).isError());
        QVERIFY(echoListening.wait(5000));
        Relay relay;
        RelaySettings settings = settingsTo(echo.boundAddress().port());
        settings.targetHost = QStringLiteral("::1");
        settings.listenAddress = Listener::loopback(0, IpFamily::V6);
        QVERIFY(startAndWait(relay, settings));
        QCOMPARE(relay.boundAddress().family(), IpFamily::V6);
        QSignalSpy opened(&relay, &Relay::connectionOpened);
        QSignalSpy changed(&relay, &Relay::connectionChanged);
        QSignalSpy closed(&relay, &Relay::connectionClosed);
        BlockingClient client(SOCK_STREAM, AF_INET6);
        QVERIFY(client.connectTo(relay.boundAddress()));
        QVERIFY(client.sendAll("six"));
        QCOMPARE(client.receiveExactly(3), QByteArray("six"));
        client.close();
        QTRY_COMPARE(closed.size(), 1);
        QCOMPARE(opened.size(), 1);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(relay.connection(1)->target.family(), IpFamily::V6);
    }

    void udpClientsGetTheirOwnSocketToTheTarget()
    {
        Listener echo;
        Listener::Settings echoSettings;
        echoSettings.transport = Listener::Transport::Udp;
        QSignalSpy echoListening(&echo, &Listener::listening);
        QVERIFY(!echo.start(echoSettings).isError());
        QVERIFY(echoListening.wait(5000));
        Relay relay;
        QVERIFY(startAndWait(relay, settingsTo(echo.boundAddress().port(), RelaySettings::Transport::Udp)));
        BlockingClient one(SOCK_DGRAM);
        BlockingClient two(SOCK_DGRAM);
        QVERIFY(one.sendTo("one", relay.boundAddress()));
        QVERIFY(two.sendTo(QByteArray(3000, 'z'), relay.boundAddress()));
        qint64 size = 0;
        QCOMPARE(one.receiveFrom(nullptr, &size), QByteArray("one"));
        QCOMPARE(two.receiveFrom(nullptr, &size), QByteArray(3000, 'z'));
        QTRY_COMPARE(echo.clients().size(), 2);  // two source ports on the target's side
        QTRY_COMPARE(relay.connections().size(), 2);
        const Relay::Connection row = *relay.connection(2);
        QCOMPARE(row.datagramsFromClient, qint64(1));
        QCOMPARE(row.fromClient, qint64(3000));
        QTRY_COMPARE(relay.connection(2)->toClient, qint64(3000));
        QCOMPARE(relay.record(2)->received().toByteArray(), QByteArray(3000, 'z'));
    }
};

QTEST_MAIN(TestRelay)
#include "tst_relay.moc"

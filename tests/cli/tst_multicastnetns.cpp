// Broadcast and multicast between two hosts, which loopback cannot show: two network namespaces of
// the test's own joined by a veth pair (support/netnspair.h), socketlab-cli run inside them with
// `ip netns exec`. Without the privilege to make them, every test is skipped and says why.
#include "clitestsupport.h"
#include "netnspair.h"

#include "net/multicast.h"
#include "net/socket.h"
#include "net/trace.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sched.h>
#include <unistd.h>

using namespace SocketLab;
using namespace CliTest;

namespace {

// socketlab-cli serve inside a namespace, until stop(): what it printed.
class NsServer
{
public:
    NsServer(const NetnsPair &pair, const QString &ns, const QStringList &arguments)
    {
        m_process.setProcessEnvironment(environment());
        m_process.start(pair.ipPath(), pair.inside(ns, cliPath(), QStringList{QStringLiteral("serve")} + arguments));
        const QDeadlineTimer deadline(20000);
        while (!m_out.contains("Listening on") && m_process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
        }
    }

    ~NsServer()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool listening() const { return m_out.contains("Listening on"); }

    // Until the server has printed text (a datagram it logged), at most 20 s: a slow build still passes.
    bool waitFor(const QByteArray &text)
    {
        const QDeadlineTimer deadline(20000);
        while (!m_out.contains(text) && m_process.state() != QProcess::NotRunning && !deadline.hasExpired()) {
            m_process.waitForReadyRead(100);
            m_out += m_process.readAllStandardOutput();
        }
        return m_out.contains(text);
    }

    // SIGTERM (ip netns exec has become the CLI itself), then everything it printed.
    QByteArray stop(int *exitCode)
    {
        ::kill(pid_t(m_process.processId()), SIGTERM);
        const bool finished = m_process.waitForFinished(20000);
        *exitCode = finished && m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
        m_out += m_process.readAllStandardOutput();
        return m_out + "\nstderr: " + m_process.readAllStandardError();
    }

private:
    QProcess m_process;
    QByteArray m_out;
};

} // namespace

class TestMulticastNetns : public QObject
{
    Q_OBJECT

private:
    Result cliIn(const QString &ns, const QStringList &arguments)
    {
        return run(m_pair.ipPath(), m_pair.inside(ns, cliPath(), arguments), 30000);
    }
    // One datagram from namespace b to HOST PORT, leaving by b's veth end for a group.
    Result sendFromB(const QString &host, int port, const QString &text, const QStringList &extra = {})
    {
        return cliIn(m_pair.nsB(), QStringList{QStringLiteral("udp"), host, QString::number(port), QStringLiteral("--wait"),
                                               QStringLiteral("0"), QStringLiteral("--send"), text}
                                       + extra);
    }
    QStringList viaB() const { return {QStringLiteral("--multicast-if"), m_pair.ifB()}; }

    NetnsPair m_pair;

private slots:
    void initTestCase()
    {
        QVERIFY(!cliPath().isEmpty());
        if (const QString why = m_pair.create(); !why.isEmpty())
            QSKIP(qPrintable(QStringLiteral("cannot create the network namespaces: ") + why));
    }

    void cleanupTestCase() { m_pair.remove(); }

    void broadcastRefusedWithoutOption()
    {
        const Result sent = sendFromB(QStringLiteral("10.213.0.255"), 5000, QStringLiteral("x"));
        QVERIFY2(sent.finished, sent.describe());
        QCOMPARE(sent.exitCode, 3);
        const QByteArray all = sent.out + sent.err;
        QVERIFY2(all.contains("(EACCES) during sendto()"), sent.describe());
        QVERIFY2(all.contains("SO_BROADCAST") && all.contains("--broadcast"), sent.describe());
    }

    void broadcastReceivedWithOption()
    {
        NsServer server(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0"),
                                               QStringLiteral("--port"), QStringLiteral("5000")});
        QVERIFY(server.listening());
        const Result sent = sendFromB(QStringLiteral("10.213.0.255"), 5000, QStringLiteral("everyone"),
                                      {QStringLiteral("--broadcast"), QStringLiteral("--trace")});
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        QVERIFY2(sent.err.contains("SO_BROADCAST, [1], 4) = 0"), sent.describe());
        server.waitFor("connected from 10.213.0.2:");
        int code = -1;
        const QByteArray out = server.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("connected from 10.213.0.2:"), out);
    }

    void ipv4GroupJoined()
    {
        NsServer server(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--port"), QStringLiteral("5001"),
                                               QStringLiteral("--join"), QStringLiteral("239.1.2.3@") + m_pair.ifA()});
        QVERIFY(server.listening());
        const Result sent = sendFromB(QStringLiteral("239.1.2.3"), 5001, QStringLiteral("to the group"),
                                      viaB() + QStringList{QStringLiteral("--multicast-ttl"), QStringLiteral("3"), QStringLiteral("--trace")});
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        QVERIFY2(sent.err.contains("IP_MULTICAST_TTL, [3], 4) = 0"), sent.describe());
        QVERIFY2(sent.err.contains("IP_MULTICAST_IF, {"), sent.describe());
        server.waitFor("\"to the group\"");
        int code = -1;
        const QByteArray out = server.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("Joined 239.1.2.3 on " + m_pair.ifA().toUtf8()), out);
        QVERIFY2(out.contains("from 10.213.0.2:") && out.contains("12 bytes: \"to the group\""), out);
        // IP_PKTINFO: the group the datagram was sent to.
        QVERIFY2(out.contains(" to 239.1.2.3, 12 bytes"), out);
    }

    // The same group, not joined: nothing arrives, so the test above is not passing by chance.
    void ipv4GroupNotJoined()
    {
        NsServer server(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0"),
                                               QStringLiteral("--port"), QStringLiteral("5001")});
        QVERIFY(server.listening());
        const Result sent = sendFromB(QStringLiteral("239.1.2.3"), 5001, QStringLiteral("nobody"), viaB());
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        QTest::qWait(300);
        int code = -1;
        const QByteArray out = server.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(!out.contains("connected from"), out);
    }

    void ipv6GroupJoined()
    {
        NsServer server(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--port"), QStringLiteral("5002"),
                                               QStringLiteral("--join"), QStringLiteral("ff15::213@") + m_pair.ifA()});
        QVERIFY(server.listening());
        const Result sent = sendFromB(QStringLiteral("ff15::213"), 5002, QStringLiteral("six"),
                                      viaB() + QStringList{QStringLiteral("--multicast-ttl"), QStringLiteral("2"), QStringLiteral("--trace")});
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        QVERIFY2(sent.err.contains("IPV6_MULTICAST_HOPS, [2], 4) = 0"), sent.describe());
        server.waitFor("\"six\"");
        int code = -1;
        const QByteArray out = server.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(out.contains("from [fd00:213::2]:") && out.contains("3 bytes: \"six\""), out);
        QVERIFY2(out.contains(" to ff15::213, 3 bytes"), out);
    }

    // Two source-specific listeners on one group: only the one whose source is b's address hears b.
    void sourceSpecificJoin()
    {
        const QString group = QStringLiteral(">232.1.2.3@") + m_pair.ifA();
        NsServer fromB(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--port"), QStringLiteral("5003"),
                                              QStringLiteral("--join"), QStringLiteral("10.213.0.2") + group});
        NsServer fromOther(m_pair, m_pair.nsA(), {QStringLiteral("udp-log"), QStringLiteral("--port"), QStringLiteral("5004"),
                                                  QStringLiteral("--join"), QStringLiteral("10.213.0.9") + group});
        QVERIFY(fromB.listening() && fromOther.listening());
        for (int port : {5003, 5004}) {
            const Result sent = sendFromB(QStringLiteral("232.1.2.3"), port, QStringLiteral("ssm"), viaB());
            QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        }
        // Once b's datagram is in, the other one (sent just after) has had its chance.
        fromB.waitFor("\"ssm\"");
        QTest::qWait(300);
        int code = -1;
        const QByteArray accepted = fromB.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(accepted.contains("Joined 232.1.2.3 from 10.213.0.2 on"), accepted);
        QVERIFY2(accepted.contains("3 bytes: \"ssm\""), accepted);
        const QByteArray dropped = fromOther.stop(&code);
        QCOMPARE(code, 0);
        QVERIFY2(!dropped.contains("connected from"), dropped);
    }

    // In this process, in namespace a: a socket hears the group until it leaves, and both calls are traced.
    void leaveStopsDelivery()
    {
        const int home = ::open("/proc/self/ns/net", O_RDONLY | O_CLOEXEC);
        const int a = ::open(QByteArray("/run/netns/" + m_pair.nsA().toUtf8()).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(home >= 0 && a >= 0);
        QVERIFY(::setns(a, CLONE_NEWNET) == 0);
        ::close(a);
        // Back home before the namespaces go, whatever happens below.
        const auto restore = qScopeGuard([home] {
            ::setns(home, CLONE_NEWNET);
            ::close(home);
        });
        Trace trace;
        Socket socket(trace, nullptr);
        QVERIFY(!socket.open(IpFamily::V4, SocketKind::Datagram, 0).isError());
        QVERIFY(!socket.bind(*SocketAddress::fromNumeric(QStringLiteral("0.0.0.0"), 5005)).isError());
        MulticastParseError problem;
        const std::optional<MulticastGroup> group = Multicast::parseGroup(QStringLiteral("239.9.9.9@") + m_pair.ifA(), &problem);
        QVERIFY(group);
        QVERIFY(!Multicast::join(socket, *group).isError());
        // Joined twice: the kernel's EADDRINUSE, told as such.
        const NetError again = Multicast::join(socket, *group);
        QCOMPARE(again.systemCode, EADDRINUSE);
        QCOMPARE(again.detail, QStringLiteral("IP_ADD_MEMBERSHIP 239.9.9.9@") + m_pair.ifA());

        char buffer[64];
        QVERIFY(sendFromB(QStringLiteral("239.9.9.9"), 5005, QStringLiteral("one"), viaB()).exitCode == 0);
        NetError waitError;
        QCOMPARE(socket.wait(false, QDeadlineTimer(5000), &waitError), Socket::Wait::Ready);
        const ReceiveResult first = socket.receiveDatagram(buffer, sizeof buffer);
        QCOMPARE(first.status, ReceiveResult::Status::Data);
        QCOMPARE(QByteArray(buffer, int(first.bytes)), QByteArray("one"));
        QCOMPARE(first.from.host(), QStringLiteral("10.213.0.2"));

        QVERIFY(!Multicast::leave(socket, *group).isError());
        QVERIFY(sendFromB(QStringLiteral("239.9.9.9"), 5005, QStringLiteral("two"), viaB()).exitCode == 0);
        QCOMPARE(socket.wait(false, QDeadlineTimer(500), &waitError), Socket::Wait::Timeout);
        const NetError notMember = Multicast::leave(socket, *group);
        QCOMPARE(notMember.systemCode, EADDRNOTAVAIL);

        QStringList calls;
        for (const TraceEntry &entry : trace.entries())
            calls << entry.args.section(QStringLiteral(", "), 2, 2);
        QVERIFY2(calls.contains(QStringLiteral("IP_ADD_MEMBERSHIP")) && calls.contains(QStringLiteral("IP_DROP_MEMBERSHIP")),
                 qPrintable(calls.join(QLatin1Char(' '))));
    }
};

QTEST_GUILESS_MAIN(TestMulticastNetns)
#include "tst_multicastnetns.moc"

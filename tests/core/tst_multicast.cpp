// Multicast without traffic between hosts: groups and interfaces read from text, the sentences
// that explain a refusal, the send settings read back, a listener's joins and leaves in its trace.
// Datagrams between hosts are in tests/cli/tst_multicastnetns.cpp, in namespaces of their own.
#include "startandwait.h"

#include "net/interfaces.h"
#include "net/multicast.h"
#include "net/socket.h"
#include "net/trace.h"
#include "servers/listener.h"
#include "text/errortext.h"
#include "text/multicasttext.h"

#include <QTest>

#include <algorithm>
#include <cerrno>

using namespace SocketLab;

Q_DECLARE_METATYPE(SocketLab::MulticastParseError::Kind)

namespace {

QStringList optionCalls(const Trace &trace)
{
    QStringList calls;
    for (const TraceEntry &entry : trace.entries()) {
        if (entry.call.endsWith(QLatin1StringView("sockopt")))
            calls << entry.args.section(QStringLiteral(", "), 2, 2);
    }
    return calls;
}

// The joins and leaves among them: a UDP listener also sets SO_RXQ_OVFL and reads SO_RCVBUF.
QStringList membershipCalls(const Trace &trace)
{
    QStringList calls = optionCalls(trace);
    calls.removeIf([](const QString &call) {
        return !call.contains(QLatin1StringView("MEMBERSHIP")) && !call.contains(QLatin1StringView("SOURCE_GROUP"));
    });
    return calls;
}

} // namespace

class TestMulticast : public QObject
{
    Q_OBJECT

private slots:
    void interfacesListLoopback()
    {
        NetError error;
        const QList<NetworkInterface> all = Interfaces::list(&error);
        QVERIFY(!error.isError());
        const auto lo = std::find_if(all.cbegin(), all.cend(), [](const NetworkInterface &i) { return i.name == QLatin1StringView("lo"); });
        QVERIFY(lo != all.cend());
        QVERIFY(lo->loopback);
        QVERIFY(lo->up);
        QVERIFY(lo->index > 0);
        QVERIFY(lo->hasFamily(IpFamily::V4));
        QCOMPARE(lo->addresses.constFirst().address.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(lo->addresses.constFirst().prefixLength, 8);
        // By name and by index, the same one.
        QCOMPARE(Interfaces::find(QStringLiteral("lo"))->index, lo->index);
        QCOMPARE(Interfaces::find(QString::number(lo->index))->name, QStringLiteral("lo"));
        QVERIFY(!Interfaces::find(QStringLiteral("nosuch0")));
    }

    void parseGroup_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<MulticastParseError::Kind>("kind");
        QTest::addColumn<QString>("part");
        QTest::addColumn<QString>("formatted");
        using Kind = MulticastParseError::Kind;
        QTest::newRow("IPv4 group") << "239.1.2.3" << Kind::None << "" << "239.1.2.3";
        QTest::newRow("on an interface") << "239.1.2.3@lo" << Kind::None << "" << "239.1.2.3@lo";
        QTest::newRow("interface by index") << "239.1.2.3@1" << Kind::None << "" << "239.1.2.3@lo";
        QTest::newRow("IPv6 group") << "ff15::213@lo" << Kind::None << "" << "ff15::213@lo";
        QTest::newRow("source-specific") << "10.0.0.5>232.1.1.1@lo" << Kind::None << "" << "10.0.0.5>232.1.1.1@lo";
        QTest::newRow("IPv6 source-specific") << "fd00::5>ff3e::1@lo" << Kind::None << "" << "fd00::5>ff3e::1@lo";
        QTest::newRow("empty") << "" << Kind::Empty << "" << "";
        QTest::newRow("unicast") << "10.0.0.1@lo" << Kind::NotMulticast << "10.0.0.1" << "";
        QTest::newRow("IPv6 unicast") << "fd00::1" << Kind::NotMulticast << "fd00::1" << "";
        QTest::newRow("a name") << "example.com@lo" << Kind::NotAnAddress << "example.com" << "";
        QTest::newRow("scope in the address") << "ff02::1%lo" << Kind::NotAnAddress << "ff02::1%lo" << "";
        QTest::newRow("unknown interface") << "239.1.2.3@nosuch0" << Kind::UnknownInterface << "nosuch0" << "";
        QTest::newRow("nothing after @") << "239.1.2.3@" << Kind::UnknownInterface << "" << "";
        QTest::newRow("multicast source") << "239.0.0.1>232.1.1.1@lo" << Kind::SourceMulticast << "239.0.0.1" << "";
        QTest::newRow("bad source") << "x>232.1.1.1@lo" << Kind::NotAnAddress << "x" << "";
        QTest::newRow("families differ") << "fd00::5>232.1.1.1" << Kind::FamilyMismatch << "232.1.1.1" << "";
    }

    void parseGroup()
    {
        QFETCH(QString, text);
        QFETCH(MulticastParseError::Kind, kind);
        QFETCH(QString, part);
        QFETCH(QString, formatted);
        MulticastParseError error;
        const std::optional<MulticastGroup> group = Multicast::parseGroup(text, &error);
        QCOMPARE(error.kind, kind);
        QCOMPARE(group.has_value(), kind == MulticastParseError::Kind::None);
        if (group) {
            QCOMPARE(group->toString(), formatted);
            QVERIFY(Multicast::isMulticast(group->group));
            QCOMPARE(group->interfaceIndex == 0, !formatted.contains(QLatin1Char('@')));
        } else {
            QCOMPARE(error.part, part);
            QCOMPARE(error.text, text);
        }
    }

    void problemSentences()
    {
        MulticastParseError error;
        Multicast::parseGroup(QStringLiteral("239.1.2.3@nosuch0"), &error);
        QCOMPARE(describeMulticastProblem(error, QStringLiteral("--join")),
                 QStringLiteral("--join 239.1.2.3@nosuch0: there is no interface \"nosuch0\" on this machine."));
        Multicast::parseGroup(QStringLiteral("10.1.1.1"), &error);
        QCOMPARE(describeMulticastProblem(error),
                 QStringLiteral("\"10.1.1.1\": 10.1.1.1 is not a multicast address (IPv4 groups are in 224.0.0.0/4, IPv6 ones in ff00::/8)."));
        QVERIFY(!Multicast::interfaceIndex(QStringLiteral("nosuch0"), &error));
        QCOMPARE(describeMulticastProblem(error, QStringLiteral("--multicast-if")),
                 QStringLiteral("--multicast-if nosuch0: there is no interface \"nosuch0\" on this machine."));
        QCOMPARE(multicastGroupWords(*Multicast::parseGroup(QStringLiteral("10.0.0.5>232.1.1.1@lo"), nullptr)),
                 QStringLiteral("232.1.1.1 from 10.0.0.5 on lo"));
    }

    void broadcastRefusalSentence()
    {
        const NetError error = NetError::fromErrno(EACCES, QStringLiteral("sendto"), QStringLiteral("10.213.0.255:5000"));
        const QString whole = ErrorText::describe(error);
        QVERIFY2(whole.startsWith(QLatin1StringView("Sending to 10.213.0.255:5000 was refused (EACCES) during sendto()")), qPrintable(whole));
        QVERIFY2(whole.contains(QLatin1StringView("SO_BROADCAST")) && whole.contains(QLatin1StringView("--broadcast")), qPrintable(whole));
        const QString inside = ErrorText::inSentence(error);
        QVERIFY2(inside.startsWith(QLatin1StringView("sending to 10.213.0.255:5000 refused (EACCES)")), qPrintable(inside));
        QVERIFY(!inside.endsWith(QLatin1Char('.')));
        // EACCES elsewhere keeps its plain words.
        QCOMPARE(ErrorText::describe(NetError::fromErrno(EACCES, QStringLiteral("bind"), QStringLiteral("0.0.0.0:80"))),
                 QStringLiteral("Permission denied (EACCES) during bind() on 0.0.0.0:80."));
    }

    void multicastCallSentences_data()
    {
        QTest::addColumn<int>("err");
        QTest::addColumn<QString>("detail");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("joined twice") << EADDRINUSE << "IP_ADD_MEMBERSHIP 239.1.2.3@eth0"
                                      << "This socket is already a member of 239.1.2.3 on eth0 (EADDRINUSE) during setsockopt(IP_ADD_MEMBERSHIP).";
        QTest::newRow("no interface") << ENODEV << "IPV6_JOIN_GROUP ff15::1"
                                      << "No interface can join ff15::1, as the interface is unknown, down, or has no address of "
                                         "the group's family (ENODEV) during setsockopt(IPV6_JOIN_GROUP).";
        QTest::newRow("not a member") << EADDRNOTAVAIL << "MCAST_LEAVE_SOURCE_GROUP 10.0.0.5>232.1.1.1@eth0"
                                      << "This socket is not a member of 232.1.1.1 from 10.0.0.5 on eth0 (EADDRNOTAVAIL) during "
                                         "setsockopt(MCAST_LEAVE_SOURCE_GROUP).";
        QTest::newRow("too many groups") << ENOBUFS << "IP_ADD_MEMBERSHIP 239.1.2.3"
                                         << "Could not join 239.1.2.3, as this socket has joined as many groups as the system allows "
                                            "(net.ipv4.igmp_max_memberships, ENOBUFS) during setsockopt(IP_ADD_MEMBERSHIP).";
        QTest::newRow("bad interface to send by") << ENODEV << "IPV6_MULTICAST_IF @eth9"
                                                  << "Multicast cannot be sent through the interface eth9, which is unknown or has no "
                                                     "address of the socket's family (ENODEV) during setsockopt(IPV6_MULTICAST_IF).";
        QTest::newRow("TTL out of range") << EINVAL << "IP_MULTICAST_TTL 300"
                                          << "Invalid argument (EINVAL) during setsockopt(IP_MULTICAST_TTL) for 300.";
    }

    void multicastCallSentences()
    {
        QFETCH(int, err);
        QFETCH(QString, detail);
        QFETCH(QString, sentence);
        const NetError error = NetError::fromErrno(err, QStringLiteral("setsockopt"), detail);
        QCOMPARE(ErrorText::describe(error), sentence);
        QString inside = sentence;
        inside.chop(1);
        inside[0] = inside.at(0).toLower();
        QCOMPARE(ErrorText::inSentence(error), inside);
    }

    void sendSettingsReadBack_data()
    {
        QTest::addColumn<IpFamily>("family");
        QTest::addColumn<QString>("ttlName");
        QTest::newRow("IPv4") << IpFamily::V4 << "IP_MULTICAST_TTL";
        QTest::newRow("IPv6") << IpFamily::V6 << "IPV6_MULTICAST_HOPS";
    }

    // No datagram leaves: the socket only takes the settings, and says back what it has.
    void sendSettingsReadBack()
    {
        QFETCH(IpFamily, family);
        QFETCH(QString, ttlName);
        Trace trace;
        Socket socket(trace, nullptr);
        if (NetError e = socket.open(family, SocketKind::Datagram, 0); e.isError())
            QSKIP(qPrintable(ErrorText::describe(e)));
        int hops = -1, loop = -1;
        QVERIFY(!Multicast::hops(socket, family, &hops).isError());
        QCOMPARE(hops, 1);  // the system's default: this network only
        MulticastSendSettings settings;
        settings.hops = 7;
        settings.loop = 0;
        settings.interfaceName = QStringLiteral("lo");
        settings.interfaceIndex = *Multicast::interfaceIndex(QStringLiteral("lo"), nullptr);
        QVERIFY(!Multicast::applySendSettings(socket, family, settings).isError());
        QVERIFY(!Multicast::hops(socket, family, &hops).isError());
        QVERIFY(!Multicast::loop(socket, family, &loop).isError());
        QCOMPARE(hops, 7);
        QCOMPARE(loop, 0);
        const QStringList calls = optionCalls(trace);
        QVERIFY2(calls.count(ttlName) == 3, qPrintable(calls.join(QLatin1Char(' '))));

        settings = {};
        settings.hops = 300;
        const NetError refused = Multicast::applySendSettings(socket, family, settings);
        QCOMPARE(refused.systemCode, EINVAL);
        QCOMPARE(refused.detail, ttlName + QStringLiteral(" 300"));
    }

    // A UDP listener joins its groups after bind() and leaves them when it stops, in its trace.
    void listenerJoinsAndLeaves()
    {
        Listener listener;
        Listener::Settings settings;
        settings.transport = Listener::Transport::Udp;
        settings.mode = Listener::Mode::LogOnly;
        settings.address = *SocketAddress::fromNumeric(QStringLiteral("0.0.0.0"), 0);
        settings.groups = {*Multicast::parseGroup(QStringLiteral("239.7.7.7@lo"), nullptr),
                           *Multicast::parseGroup(QStringLiteral("127.0.0.1>232.7.7.7@lo"), nullptr)};
        QVERIFY(!startAndWait(listener, settings).isError());
        listener.stop();
        const QStringList calls = membershipCalls(listener.trace());
        QCOMPARE(calls, QStringList({QStringLiteral("IP_ADD_MEMBERSHIP"), QStringLiteral("MCAST_JOIN_SOURCE_GROUP"),
                                     QStringLiteral("IP_DROP_MEMBERSHIP"), QStringLiteral("MCAST_LEAVE_SOURCE_GROUP")}));
    }

    // A join the kernel refuses is the start's failure, said for the group.
    void listenerJoinRefused()
    {
        Listener listener;
        Listener::Settings settings;
        settings.transport = Listener::Transport::Udp;
        settings.address = *SocketAddress::fromNumeric(QStringLiteral("0.0.0.0"), 0);
        const MulticastGroup group = *Multicast::parseGroup(QStringLiteral("239.7.7.8@lo"), nullptr);
        settings.groups = {group, group};
        const NetError error = startAndWait(listener, settings);
        QCOMPARE(error.systemCode, EADDRINUSE);
        QCOMPARE(ErrorText::describe(error),
                 QStringLiteral("This socket is already a member of 239.7.7.8 on lo (EADDRINUSE) during setsockopt(IP_ADD_MEMBERSHIP)."));
        QVERIFY(!listener.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestMulticast)
#include "tst_multicast.moc"

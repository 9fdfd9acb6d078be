// socketlab-cli's broadcast and multicast arguments, read and refused before any socket is made:
// a group, an interface or a value that cannot work ends with exit code 2 and a sentence naming the
// argument. What they do on a network is in tst_multicastnetns.
#include "clitestsupport.h"

#include <QTest>

using namespace CliTest;

namespace {

// The arguments as a person types them (none has a space of its own).
QStringList words(const char *line)
{
    return QString::fromUtf8(line).split(QLatin1Char(' '));
}

} // namespace

class TestCliMulticast : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(!cliPath().isEmpty()); }

    void refusedArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::newRow("unicast group")
            << words("serve udp-log --join 10.0.0.1@lo")
            << "socketlab-cli: --join 10.0.0.1@lo: 10.0.0.1 is not a multicast address (IPv4 groups are in 224.0.0.0/4, IPv6 ones in ff00::/8).";
        QTest::newRow("unknown interface")
            << words("serve udp-log --join 239.1.2.3@nosuch0")
            << "socketlab-cli: --join 239.1.2.3@nosuch0: there is no interface \"nosuch0\" on this machine.";
        QTest::newRow("multicast source")
            << words("serve udp-log --join 239.9.9.9>232.1.1.1@lo")
            << "socketlab-cli: --join 239.9.9.9>232.1.1.1@lo: the source 239.9.9.9 is a multicast address; a source is the unicast address of a sender.";
        QTest::newRow("group over TCP")
            << words("serve echo --join 239.1.2.3@lo")
            << "socketlab-cli: echo cannot use --join: multicast groups are for UDP (udp-echo, udp-reply, udp-log).";
        QTest::newRow("families mixed")
            << words("serve udp-log --join 239.1.2.3@lo --join ff15::1@lo")
            << "socketlab-cli: --join ff15::1@lo: all the groups of one server are of one family (IPv4 or IPv6).";
        QTest::newRow("group and bind of other families")
            << words("serve udp-log --bind :: --join 239.1.2.3@lo")
            << "socketlab-cli: --join 239.1.2.3@lo: the group is not of the family of --bind ::.";
        QTest::newRow("unknown interface to send by")
            << words("udp 239.1.2.3 9 --multicast-if nosuch0")
            << "socketlab-cli: --multicast-if nosuch0: there is no interface \"nosuch0\" on this machine.";
        QTest::newRow("TTL too high")
            << words("udp 239.1.2.3 9 --multicast-ttl 256")
            << "socketlab-cli: Invalid --multicast-ttl 256: a TTL is a number from 0 to 255.";
        QTest::newRow("loop neither 0 nor 1")
            << words("udp 239.1.2.3 9 --multicast-loop yes")
            << "socketlab-cli: Invalid --multicast-loop \"yes\": give 0 or 1.";
    }

    void refusedArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        const Result result = cli(arguments, 20000);
        QVERIFY2(result.finished, result.describe());
        QCOMPARE(result.exitCode, 2);
        QCOMPARE(QString::fromUtf8(result.err).trimmed(), message);
        QVERIFY(result.out.isEmpty());
    }

    // Loopback's own broadcast address (127.255.255.255, in the kernel's local table): refused
    // without SO_BROADCAST, and the sentence says which option lifts the refusal; sent with --broadcast.
    void loopbackBroadcast()
    {
        const QStringList send = words("udp 127.255.255.255 9 --wait 0 --send x");
        const Result refused = cli(send, 20000);
        QVERIFY2(refused.finished, refused.describe());
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("Sending to 127.255.255.255:9 was refused (EACCES) during sendto()"), refused.describe());
        QVERIFY2(refused.err.contains("SO_BROADCAST") && refused.err.contains("--broadcast"), refused.describe());
        // The window's name for it too: the option as the UDP form's socket options list it.
        QVERIFY2(refused.err.contains("Tick \"broadcast\" in the UDP form's socket options"), refused.describe());
        // Nothing left: no "Sent 0 bytes" line from a socket that never had an address.
        QVERIFY2(!refused.err.contains("Sent "), refused.describe());
        const Result sent = cli(send + words("--broadcast --trace"), 20000);
        QVERIFY2(sent.finished && sent.exitCode == 0, sent.describe());
        QVERIFY2(sent.err.contains("SOL_SOCKET, SO_BROADCAST, [1], 4) = 0"), sent.describe());
        QVERIFY2(sent.err.contains("Sent 1 byte to 127.255.255.255:9"), sent.describe());
    }

    void helpNamesTheSyntax()
    {
        const Result serve = cli({QStringLiteral("serve"), QStringLiteral("--help")}, 20000);
        QVERIFY2(serve.out.contains("--join <GROUP[@IFACE]>") && serve.out.contains("SOURCE>GROUP@IFACE"), serve.describe());
        const Result udp = cli({QStringLiteral("udp"), QStringLiteral("--help")}, 20000);
        for (const char *flag : {"--broadcast", "--multicast-ttl <N>", "--multicast-if <IFACE>", "--multicast-loop <0|1>"})
            QVERIFY2(udp.out.contains(flag), flag);
    }
};

QTEST_GUILESS_MAIN(TestCliMulticast)
#include "tst_climulticast.moc"

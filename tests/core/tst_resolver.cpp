#include "descriptorlimit.h"
#include "net/cancellableresolve.h"
#include "net/canceltoken.h"
#include "net/resolver.h"
#include "threads/blockingcallpool.h"

#include <QElapsedTimer>
#include <QHash>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <netdb.h>
#include <netinet/in.h>
#include <sys/resource.h>
#include <unistd.h>

using namespace SocketLab;

namespace {

constexpr int kWaitMs = 10000;

const QString kTcp4 = QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 80))");
const QString kUdp4 = QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('127.0.0.1', 80))");
const QString kRaw4 = QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_RAW: 3>, 0, '', ('127.0.0.1', 80))");

ResolveQuery query(const QString &host, const QString &service, int family = AF_UNSPEC, int type = 0,
                   int flags = 0, int protocol = 0)
{
    return {host, service, IpFamily(family), SocketKind(type), protocol, flags};
}

NameInfoQuery nameQuery(const QString &host, quint16 port, int flags = 0)
{
    const auto address = SocketAddress::fromNumeric(host, port);
    Q_ASSERT(address);
    return {*address, flags};
}

QStringList reprs(const ResolveResult &result)
{
    QStringList lines;
    for (const AddrInfoRow &row : result.rows)
        lines += row.toPythonRepr();
    return lines;
}

QString pythonProgram()
{
    const QString fromEnv = qEnvironmentVariable("PYTHON");
    return fromEnv.isEmpty() ? QStringLiteral("python3") : fromEnv;
}

} // namespace

class TestResolver : public QObject
{
    Q_OBJECT

private slots:
    void addrInfoFlagNames_data();
    void addrInfoFlagNames();
    void nameInfoFlagNames_data();
    void nameInfoFlagNames();
    void flagTablesAreExact();
    void parseFlagList_data();
    void parseFlagList();
    void writeFlagList_data();
    void writeFlagList();
    void flagsRoundTrip();
    void pythonRepr_data();
    void pythonRepr();

    void resolveRows_data();
    void resolveRows();
    void resolveFields();
    void resolveErrors_data();
    void resolveErrors();
    void resolveServiceName();
    void resolveCanonicalNameOnFirstRowOnly();
    void resolveHostsFile();
    void resolveUnknownName();
    void resolveMatchesPython();

    void reverse_data();
    void reverse();
    void reverseDatagramService();
    void reverseNameRequired();
    void reverseNumericFallback();

    void metatypesRegistered();
    void resolverDelivers();
    void resolverDeliversReverse();
    void resolverCancelDrops();
    void resolverRunsLookupsAtOnce();
    void resolverDeletedFromItsOwnSlot();
    void resolverDestroyedMidLookup();

    void cancellableResolveAnswers();
    void cancelledResolveDropsTheLateAnswer();
    void cancellableResolveWithoutEventfd();
};

void TestResolver::addrInfoFlagNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("value");
    QTest::newRow("passive") << QStringLiteral("passive") << AI_PASSIVE;
    QTest::newRow("canonname") << QStringLiteral("canonname") << AI_CANONNAME;
    QTest::newRow("numerichost") << QStringLiteral("numerichost") << AI_NUMERICHOST;
    QTest::newRow("numericserv") << QStringLiteral("numericserv") << AI_NUMERICSERV;
    QTest::newRow("v4mapped") << QStringLiteral("v4mapped") << AI_V4MAPPED;
    QTest::newRow("all") << QStringLiteral("all") << AI_ALL;
    QTest::newRow("addrconfig") << QStringLiteral("addrconfig") << AI_ADDRCONFIG;
#ifdef AI_IDN
    QTest::newRow("idn") << QStringLiteral("idn") << AI_IDN;
#endif
#ifdef AI_CANONIDN
    QTest::newRow("canonidn") << QStringLiteral("canonidn") << AI_CANONIDN;
#endif
}

void TestResolver::addrInfoFlagNames()
{
    QFETCH(QString, name);
    QFETCH(int, value);
    const QList<FlagInfo> table = SocketLab::addrInfoFlags();
    const auto matches = std::count_if(table.cbegin(), table.cend(), [&](const FlagInfo &info) {
        return QLatin1StringView(info.name) == name;
    });
    QCOMPARE(matches, 1);
    QCOMPARE(SocketLab::parseFlags(table, name), value);
}

void TestResolver::nameInfoFlagNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("value");
    QTest::newRow("numerichost") << QStringLiteral("numerichost") << NI_NUMERICHOST;
    QTest::newRow("numericserv") << QStringLiteral("numericserv") << NI_NUMERICSERV;
    QTest::newRow("nofqdn") << QStringLiteral("nofqdn") << NI_NOFQDN;
    QTest::newRow("namereqd") << QStringLiteral("namereqd") << NI_NAMEREQD;
    QTest::newRow("dgram") << QStringLiteral("dgram") << NI_DGRAM;
#ifdef NI_IDN
    QTest::newRow("idn") << QStringLiteral("idn") << NI_IDN;
#endif
}

void TestResolver::nameInfoFlagNames()
{
    QFETCH(QString, name);
    QFETCH(int, value);
    const QList<FlagInfo> table = SocketLab::nameInfoFlags();
    const auto matches = std::count_if(table.cbegin(), table.cend(), [&](const FlagInfo &info) {
        return QLatin1StringView(info.name) == name;
    });
    QCOMPARE(matches, 1);
    QCOMPARE(SocketLab::parseFlags(table, name), value);
}

void TestResolver::flagTablesAreExact()
{
    // The _data() tables above name every flag; nothing else may be in the lists.
    qsizetype addrInfoCount = 7;
    qsizetype nameInfoCount = 5;
#ifdef AI_IDN
    ++addrInfoCount;
#endif
#ifdef AI_CANONIDN
    ++addrInfoCount;
#endif
#ifdef NI_IDN
    ++nameInfoCount;
#endif
    QCOMPARE(SocketLab::addrInfoFlags().size(), addrInfoCount);
    QCOMPARE(SocketLab::nameInfoFlags().size(), nameInfoCount);
    for (const QList<FlagInfo> &table : {SocketLab::addrInfoFlags(), SocketLab::nameInfoFlags()}) {
        int seenBits = 0;
        for (const FlagInfo &info : table) {
            QVERIFY(info.value != 0);
            QCOMPARE(seenBits & info.value, 0);
            seenBits |= info.value;
        }
    }
}

void TestResolver::parseFlagList_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("flags");
    QTest::addColumn<QString>("badName");

    QTest::newRow("empty") << QString() << 0 << QString();
    QTest::newRow("blank") << QStringLiteral("  ") << 0 << QString();
    QTest::newRow("one") << QStringLiteral("canonname") << AI_CANONNAME << QString();
    QTest::newRow("two") << QStringLiteral("canonname,numericserv") << (AI_CANONNAME | AI_NUMERICSERV) << QString();
    QTest::newRow("spaces") << QStringLiteral(" passive ,\taddrconfig ") << (AI_PASSIVE | AI_ADDRCONFIG) << QString();
    QTest::newRow("any case") << QStringLiteral("V4Mapped,ALL") << (AI_V4MAPPED | AI_ALL) << QString();
    QTest::newRow("repeated") << QStringLiteral("all,all") << AI_ALL << QString();
    QTest::newRow("number") << QStringLiteral("canonname,0x4000") << (AI_CANONNAME | 0x4000) << QString();
    QTest::newRow("unknown") << QStringLiteral("canonname, bogus") << -1 << QStringLiteral("bogus");
    QTest::newRow("prefixed") << QStringLiteral("AI_CANONNAME") << -1 << QStringLiteral("AI_CANONNAME");
    QTest::newRow("empty item") << QStringLiteral("canonname,,all") << -1 << QString();
    QTest::newRow("negative") << QStringLiteral("-1") << -1 << QStringLiteral("-1");
}

void TestResolver::parseFlagList()
{
    QFETCH(QString, text);
    QFETCH(int, flags);
    QFETCH(QString, badName);

    QString reported = QStringLiteral("untouched");
    QCOMPARE(SocketLab::parseFlags(SocketLab::addrInfoFlags(), text, &reported), flags);
    QCOMPARE(reported, flags < 0 ? badName : QStringLiteral("untouched"));
    QCOMPARE(SocketLab::parseFlags(SocketLab::addrInfoFlags(), text), flags);
}

void TestResolver::writeFlagList_data()
{
    QTest::addColumn<int>("flags");
    QTest::addColumn<QString>("text");
    QTest::newRow("none") << 0 << QString();
    QTest::newRow("one") << AI_CANONNAME << QStringLiteral("canonname");
    QTest::newRow("table order") << (AI_NUMERICSERV | AI_CANONNAME | AI_PASSIVE)
                                 << QStringLiteral("passive,canonname,numericserv");
    QTest::newRow("unnamed bits") << (AI_ALL | 0x4000) << QStringLiteral("all,0x4000");
}

void TestResolver::writeFlagList()
{
    QFETCH(int, flags);
    QFETCH(QString, text);
    QCOMPARE(SocketLab::flagsToString(SocketLab::addrInfoFlags(), flags), text);
}

void TestResolver::flagsRoundTrip()
{
    for (const QList<FlagInfo> &table : {SocketLab::addrInfoFlags(), SocketLab::nameInfoFlags()}) {
        int all = 0;
        for (const FlagInfo &info : table)
            all |= info.value;
        for (int flags : {0, all, all | 0x10000}) {
            const QString text = SocketLab::flagsToString(table, flags);
            QCOMPARE(SocketLab::parseFlags(table, text), flags);
        }
    }
}

void TestResolver::pythonRepr_data()
{
    QTest::addColumn<int>("family");
    QTest::addColumn<int>("type");
    QTest::addColumn<int>("protocol");
    QTest::addColumn<QString>("canonicalName");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("repr");

    QTest::newRow("tcp4") << AF_INET << int(SOCK_STREAM) << 6 << QString() << QStringLiteral("127.0.0.1") << kTcp4;
    QTest::newRow("udp6") << AF_INET6 << int(SOCK_DGRAM) << 17 << QString() << QStringLiteral("::1")
                          << QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('::1', 80, 0, 0))");
    QTest::newRow("raw") << AF_INET << int(SOCK_RAW) << 0 << QString() << QStringLiteral("127.0.0.1") << kRaw4;
    QTest::newRow("type 0") << AF_INET << 0 << 0 << QString() << QStringLiteral("127.0.0.1")
                            << QStringLiteral("(<AddressFamily.AF_INET: 2>, 0, 0, '', ('127.0.0.1', 80))");
    QTest::newRow("seqpacket") << AF_INET << int(SOCK_SEQPACKET) << 132 << QString() << QStringLiteral("127.0.0.1")
                               << QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_SEQPACKET: 5>, 132, '', ('127.0.0.1', 80))");
    QTest::newRow("type outside the enum") << AF_INET << 9 << 0 << QString() << QStringLiteral("127.0.0.1")
                                           << QStringLiteral("(<AddressFamily.AF_INET: 2>, 9, 0, '', ('127.0.0.1', 80))");
    QTest::newRow("canonname") << AF_INET << int(SOCK_STREAM) << 6 << QStringLiteral("localhost") << QStringLiteral("127.0.0.1")
                               << QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'localhost', ('127.0.0.1', 80))");
    // Python's str repr: the other quote when only single quotes appear, escapes for the rest.
    QTest::newRow("single quote") << AF_INET << int(SOCK_STREAM) << 6 << QStringLiteral("it's") << QStringLiteral("127.0.0.1")
                                  << QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, \"it's\", ('127.0.0.1', 80))");
    QTest::newRow("both quotes") << AF_INET << int(SOCK_STREAM) << 6 << QStringLiteral("a'\"b") << QStringLiteral("127.0.0.1")
                                 << QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'a\\'\"b', ('127.0.0.1', 80))");
    QTest::newRow("escapes") << AF_INET << int(SOCK_STREAM) << 6 << QStringLiteral("a\\b\tc\x01\x7f\n")
                             << QStringLiteral("127.0.0.1")
                             << QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'a\\\\b\\tc\\x01\\x7f\\n', ('127.0.0.1', 80))");
    QTest::newRow("unicode") << AF_INET << int(SOCK_STREAM) << 6 << QString::fromUtf8("caf\u00e9\u00a0\u200b\U0001F600")
                             << QStringLiteral("127.0.0.1")
                             << QString::fromUtf8("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'caf\u00e9\\xa0\\u200b\U0001F600', ('127.0.0.1', 80))");
}

void TestResolver::pythonRepr()
{
    QFETCH(int, family);
    QFETCH(int, type);
    QFETCH(int, protocol);
    QFETCH(QString, canonicalName);
    QFETCH(QString, host);
    QFETCH(QString, repr);

    AddrInfoRow row;
    row.family = IpFamily(family);
    row.socketType = SocketKind(type);
    row.protocol = protocol;
    row.canonicalName = canonicalName;
    row.address = *SocketAddress::fromNumeric(host, 80);
    QCOMPARE(row.toPythonRepr(), repr);
}

void TestResolver::resolveRows_data()
{
    QTest::addColumn<ResolveQuery>("query");
    QTest::addColumn<QStringList>("rows");

    const QString port80 = QStringLiteral("80");
    QTest::newRow("v4 every type") << query(QStringLiteral("127.0.0.1"), port80) << QStringList{kTcp4, kUdp4, kRaw4};
    QTest::newRow("v4 stream") << query(QStringLiteral("127.0.0.1"), port80, AF_INET, SOCK_STREAM) << QStringList{kTcp4};
    QTest::newRow("v4 dgram") << query(QStringLiteral("127.0.0.1"), port80, AF_UNSPEC, SOCK_DGRAM) << QStringList{kUdp4};
    QTest::newRow("v4 udp protocol") << query(QStringLiteral("127.0.0.1"), port80, AF_UNSPEC, 0, 0, IPPROTO_UDP)
                                     << QStringList{kUdp4};
    QTest::newRow("v6 dgram") << query(QStringLiteral("::1"), port80, AF_INET6, SOCK_DGRAM)
                              << QStringList{QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('::1', 80, 0, 0))")};
    QTest::newRow("no service") << query(QStringLiteral("127.0.0.1"), QString(), AF_INET, SOCK_STREAM)
                                << QStringList{QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 0))")};
    QTest::newRow("numeric service") << query(QStringLiteral("127.0.0.1"), QStringLiteral("8080"), AF_INET, SOCK_STREAM, AI_NUMERICSERV)
                                     << QStringList{QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('127.0.0.1', 8080))")};
    QTest::newRow("passive v4") << query(QString(), port80, AF_INET, SOCK_STREAM, AI_PASSIVE)
                                << QStringList{QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('0.0.0.0', 80))")};
    QTest::newRow("passive v6") << query(QString(), port80, AF_INET6, SOCK_STREAM, AI_PASSIVE)
                                << QStringList{QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::', 80, 0, 0))")};
    QTest::newRow("no host v4") << query(QString(), port80, AF_INET, SOCK_STREAM) << QStringList{kTcp4};
    QTest::newRow("no host v6") << query(QString(), port80, AF_INET6, SOCK_STREAM)
                                << QStringList{QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::1', 80, 0, 0))")};
    // glibc maps a numeric IPv4 address into IPv6 when asked for AF_INET6 with AI_V4MAPPED.
    QTest::newRow("v4mapped") << query(QStringLiteral("127.0.0.1"), port80, AF_INET6, SOCK_STREAM, AI_V4MAPPED)
                              << QStringList{QStringLiteral("(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_STREAM: 1>, 6, '', ('::ffff:127.0.0.1', 80, 0, 0))")};
    QTest::newRow("canonname numeric") << query(QStringLiteral("127.0.0.1"), port80, AF_INET, SOCK_STREAM, AI_CANONNAME)
                                       << QStringList{QStringLiteral("(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, '127.0.0.1', ('127.0.0.1', 80))")};
}

void TestResolver::resolveRows()
{
    QFETCH(ResolveQuery, query);
    QFETCH(QStringList, rows);

    QElapsedTimer around;
    around.start();
    const ResolveResult result = resolve(query);
    const qint64 aroundUs = around.nsecsElapsed() / 1000;
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(reprs(result), rows);
    // The time the lookup reports is the call's own: within the time measured around it.
    QVERIFY2(result.elapsedUs <= aroundUs, qPrintable(QStringLiteral("%1 > %2").arg(result.elapsedUs).arg(aroundUs)));
}

void TestResolver::resolveFields()
{
    const ResolveResult result = resolve(query(QStringLiteral("::1"), QStringLiteral("443"), AF_INET6, SOCK_STREAM));
    QCOMPARE(result.error.kind, NetError::Kind::None);
    QCOMPARE(result.rows.size(), 1);
    const AddrInfoRow &row = result.rows.first();
    QCOMPARE(row.family, IpFamily::V6);
    QCOMPARE(row.socketType, SocketKind::Stream);
    QCOMPARE(row.protocol, int(IPPROTO_TCP));
    QVERIFY(row.canonicalName.isEmpty());
    QCOMPARE(row.address, *SocketAddress::fromNumeric(QStringLiteral("::1"), 443));
}

void TestResolver::resolveErrors_data()
{
    QTest::addColumn<ResolveQuery>("query");
    QTest::addColumn<int>("eai");

    QTest::newRow("numerichost with a name") << query(QStringLiteral("localhost"), QStringLiteral("80"), AF_UNSPEC, 0, AI_NUMERICHOST)
                                             << EAI_NONAME;
    QTest::newRow("numericserv with a name") << query(QStringLiteral("127.0.0.1"), QStringLiteral("http"), AF_UNSPEC, 0, AI_NUMERICSERV)
                                             << EAI_NONAME;
    QTest::newRow("neither host nor service") << query(QString(), QString()) << EAI_NONAME;
    QTest::newRow("canonname without host") << query(QString(), QStringLiteral("80"), AF_UNSPEC, 0, AI_CANONNAME)
                                            << EAI_BADFLAGS;
    QTest::newRow("service for raw") << query(QStringLiteral("127.0.0.1"), QStringLiteral("http"), AF_UNSPEC, SOCK_RAW)
                                     << EAI_SERVICE;
    QTest::newRow("unknown service") << query(QStringLiteral("127.0.0.1"), QStringLiteral("no-such-service"))
                                     << EAI_SERVICE;
    QTest::newRow("bad family") << query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), 12345) << EAI_FAMILY;
    QTest::newRow("bad socket type") << query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_UNSPEC, 99)
                                     << EAI_SOCKTYPE;
#ifdef EAI_ADDRFAMILY
    QTest::newRow("v4 address, v6 family") << query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_INET6)
                                           << EAI_ADDRFAMILY;
    QTest::newRow("v6 address, v4 family") << query(QStringLiteral("::1"), QStringLiteral("80"), AF_INET)
                                           << EAI_ADDRFAMILY;
#endif
}

void TestResolver::resolveErrors()
{
    QFETCH(ResolveQuery, query);
    QFETCH(int, eai);

    const ResolveResult result = resolve(query);
    QCOMPARE(result.error.kind, NetError::Kind::Resolve);
    QCOMPARE(eaiName(result.error.systemCode), eaiName(eai));
    QCOMPARE(result.error.call, QStringLiteral("getaddrinfo"));
    QCOMPARE(result.error.detail, query.host);
    QVERIFY(result.rows.isEmpty());
}

void TestResolver::resolveServiceName()
{
    const ResolveResult result = resolve(query(QStringLiteral("127.0.0.1"), QStringLiteral("http"), AF_INET));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QVERIFY(!result.rows.isEmpty());
    QCOMPARE(result.rows.first().toPythonRepr(), kTcp4);
    for (const AddrInfoRow &row : result.rows)
        QCOMPARE(row.address.port(), quint16(80));
}

void TestResolver::resolveCanonicalNameOnFirstRowOnly()
{
    const ResolveResult result = resolve(query(QStringLiteral("localhost"), QStringLiteral("80"), AF_INET, 0, AI_CANONNAME));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QVERIFY(result.rows.size() >= 2);
    QCOMPARE(result.rows.first().canonicalName, QStringLiteral("localhost"));
    for (qsizetype i = 1; i < result.rows.size(); ++i)
        QVERIFY(result.rows.at(i).canonicalName.isEmpty());

    const ResolveResult without = resolve(query(QStringLiteral("localhost"), QStringLiteral("80"), AF_INET));
    QVERIFY(without.rows.first().canonicalName.isEmpty());
}

void TestResolver::resolveHostsFile()
{
    const ResolveResult result = resolve(query(QStringLiteral("localhost"), QStringLiteral("80"), AF_INET, SOCK_STREAM));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(reprs(result), QStringList{kTcp4});
}

void TestResolver::resolveUnknownName()
{
    const ResolveResult result = resolve(query(QStringLiteral("no-such-host.invalid"), QStringLiteral("80")));
    QCOMPARE(result.error.kind, NetError::Kind::Resolve);
    // EAI_AGAIN when this machine has no name server to ask at all.
    QVERIFY2(result.error.systemCode == EAI_NONAME || result.error.systemCode == EAI_AGAIN,
             qPrintable(result.error.codeName()));
    QCOMPARE(result.error.detail, QStringLiteral("no-such-host.invalid"));
    QVERIFY(result.rows.isEmpty());
}

void TestResolver::resolveMatchesPython()
{
    // Each query is one tab-separated line; CPython prints "#", then each tuple's repr or the error.
    static const char script[] =
        "import socket, sys\n"
        "for line in sys.stdin:\n"
        "    host, service, family, kind, proto, flags = line.rstrip('\\n').split('\\t')\n"
        "    print('#')\n"
        "    try:\n"
        "        for row in socket.getaddrinfo(host or None, service or None, int(family), int(kind), int(proto), int(flags)):\n"
        "            print(repr(row))\n"
        "    except socket.gaierror as e:\n"
        "        print('gaierror', e.errno)\n";

    QList<ResolveQuery> queries;
    const QStringList hosts{QStringLiteral("127.0.0.1"), QStringLiteral("::1"), QString(), QStringLiteral("localhost")};
    const QStringList services{QString(), QStringLiteral("80"), QStringLiteral("http")};
    const int flagSets[] = {0, AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV, AI_V4MAPPED,
                            AI_V4MAPPED | AI_ALL, AI_ADDRCONFIG};
    for (const QString &host : hosts) {
        for (const QString &service : services) {
            for (int family : {AF_UNSPEC, AF_INET, AF_INET6}) {
                // A name missing from /etc/hosts goes on to DNS, which may be slow or absent here.
                if (host == QLatin1String("localhost") && family == AF_INET6)
                    continue;
                for (int type : {0, int(SOCK_STREAM), int(SOCK_DGRAM), int(SOCK_RAW)}) {
                    for (int flags : flagSets)
                        queries += query(host, service, family, type, flags);
                }
            }
        }
        for (int protocol : {int(IPPROTO_TCP), int(IPPROTO_UDP), int(IPPROTO_SCTP)})
            queries += query(host, QStringLiteral("80"), AF_INET, 0, 0, protocol);
    }

    QByteArray input;
    for (const ResolveQuery &q : queries) {
        input += QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6\n")
                     .arg(q.host, q.service)
                     .arg(int(q.family))
                     .arg(int(q.socketType))
                     .arg(q.protocol)
                     .arg(q.flags)
                     .toUtf8();
    }

    QProcess python;
    python.start(pythonProgram(), {QStringLiteral("-c"), QString::fromLatin1(script)});
    if (!python.waitForStarted())
        QSKIP("python3 is not available");
    python.write(input);
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(120000));
    QCOMPARE(python.exitCode(), 0);

    const QStringList lines = QString::fromUtf8(python.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
    QList<QStringList> expected;
    for (const QString &line : lines) {
        if (line == QLatin1String("#"))
            expected.append(QStringList());
        else
            expected.last().append(line);
    }
    QCOMPARE(expected.size(), queries.size());

    for (qsizetype i = 0; i < queries.size(); ++i) {
        const ResolveQuery &q = queries.at(i);
        const ResolveResult result = resolve(q);
        const QStringList ours = result.error.isError()
            ? QStringList{QStringLiteral("gaierror %1").arg(result.error.systemCode)}
            : reprs(result);
        const QString where = QStringLiteral("getaddrinfo(%1, %2, %3, %4, %5, %6):\n  ours:   %7\n  python: %8")
                                  .arg(q.host, q.service, familyName(q.family), socketTypeName(q.socketType))
                                  .arg(q.protocol)
                                  .arg(SocketLab::flagsToString(SocketLab::addrInfoFlags(), q.flags),
                                       ours.join(QLatin1String("\n          ")),
                                       expected.at(i).join(QLatin1String("\n          ")));
        QVERIFY2(ours == expected.at(i), qPrintable(where));
    }
}

void TestResolver::reverse_data()
{
    QTest::addColumn<NameInfoQuery>("query");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("service");

    QTest::newRow("names") << nameQuery(QStringLiteral("127.0.0.1"), 80) << QStringLiteral("localhost") << QStringLiteral("http");
    QTest::newRow("nofqdn") << nameQuery(QStringLiteral("127.0.0.1"), 80, NI_NOFQDN) << QStringLiteral("localhost") << QStringLiteral("http");
    QTest::newRow("numeric") << nameQuery(QStringLiteral("127.0.0.1"), 80, NI_NUMERICHOST | NI_NUMERICSERV)
                             << QStringLiteral("127.0.0.1") << QStringLiteral("80");
    QTest::newRow("numeric host") << nameQuery(QStringLiteral("::1"), 80, NI_NUMERICHOST) << QStringLiteral("::1") << QStringLiteral("http");
    QTest::newRow("numeric service") << nameQuery(QStringLiteral("127.0.0.1"), 80, NI_NUMERICSERV)
                                     << QStringLiteral("localhost") << QStringLiteral("80");
}

void TestResolver::reverse()
{
    QFETCH(NameInfoQuery, query);
    QFETCH(QString, host);
    QFETCH(QString, service);

    QElapsedTimer around;
    around.start();
    const NameInfoResult result = reverseResolve(query);
    const qint64 aroundUs = around.nsecsElapsed() / 1000;
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.host, host);
    QCOMPARE(result.service, service);
    // Numeric because NI_NUMERICHOST asked for it, not because no name was found.
    QVERIFY(!result.hostIsNumeric);
    QVERIFY2(result.elapsedUs <= aroundUs, qPrintable(QStringLiteral("%1 > %2").arg(result.elapsedUs).arg(aroundUs)));
}

void TestResolver::reverseDatagramService()
{
    // /etc/services names port 514 "shell" over TCP and "syslog" over UDP; whatever this machine's
    // names are, NI_DGRAM must pick the UDP one.
    const servent *tcp = getservbyport(htons(514), "tcp");
    const QString tcpName = tcp ? QString::fromLatin1(tcp->s_name) : QString();
    const servent *udp = getservbyport(htons(514), "udp");
    const QString udpName = udp ? QString::fromLatin1(udp->s_name) : QString();
    if (tcpName.isEmpty() || udpName.isEmpty() || tcpName == udpName)
        QSKIP("/etc/services does not name port 514 differently for TCP and UDP");

    QCOMPARE(reverseResolve(nameQuery(QStringLiteral("127.0.0.1"), 514, NI_NUMERICHOST)).service, tcpName);
    QCOMPARE(reverseResolve(nameQuery(QStringLiteral("127.0.0.1"), 514, NI_NUMERICHOST | NI_DGRAM)).service, udpName);
}

void TestResolver::reverseNameRequired()
{
    const NameInfoResult result = reverseResolve(nameQuery(QStringLiteral("127.0.0.2"), 80, NI_NAMEREQD));
    QCOMPARE(result.error.kind, NetError::Kind::Resolve);
    QVERIFY2(result.error.systemCode == EAI_NONAME || result.error.systemCode == EAI_AGAIN,
             qPrintable(result.error.codeName()));
    QCOMPARE(result.error.call, QStringLiteral("getnameinfo"));
    QCOMPARE(result.error.detail, QStringLiteral("127.0.0.2:80"));
    QVERIFY(result.host.isEmpty());
}

void TestResolver::reverseNumericFallback()
{
    const NameInfoResult result = reverseResolve(nameQuery(QStringLiteral("127.0.0.2"), 80));
    if (result.error.systemCode == EAI_AGAIN)
        QSKIP("no name server answered for 127.0.0.2");
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.host, QStringLiteral("127.0.0.2"));
    QVERIFY(result.hostIsNumeric);
}

void TestResolver::metatypesRegistered()
{
    Resolver resolver;
    QVERIFY(QMetaType::fromName("SocketLab::ResolveResult").isValid());
    QVERIFY(QMetaType::fromName("SocketLab::NameInfoResult").isValid());
}

void TestResolver::resolverDelivers()
{
    Resolver resolver;
    QSignalSpy spy(&resolver, &Resolver::lookupFinished);
    const quint64 id = resolver.lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_INET, SOCK_STREAM));
    QVERIFY(resolver.isPending(id));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
    const auto result = spy.at(0).at(1).value<ResolveResult>();
    QVERIFY(!result.error.isError());
    QCOMPARE(reprs(result), QStringList{kTcp4});
    QVERIFY(!resolver.isPending(id));
}

void TestResolver::resolverDeliversReverse()
{
    Resolver resolver;
    QSignalSpy spy(&resolver, &Resolver::reverseLookupFinished);
    const quint64 id = resolver.reverseLookup(nameQuery(QStringLiteral("127.0.0.1"), 80, NI_NUMERICHOST));
    QVERIFY(resolver.isPending(id));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
    const auto result = spy.at(0).at(1).value<NameInfoResult>();
    QCOMPARE(result.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(result.service, QStringLiteral("http"));
    QVERIFY(!resolver.isPending(id));
}

void TestResolver::resolverCancelDrops()
{
    Resolver resolver;
    QSignalSpy forward(&resolver, &Resolver::lookupFinished);
    QSignalSpy backward(&resolver, &Resolver::reverseLookupFinished);

    const quint64 id = resolver.lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80")));
    const quint64 reverseId = resolver.reverseLookup(nameQuery(QStringLiteral("127.0.0.1"), 80));
    resolver.cancel(id);
    resolver.cancel(reverseId);
    QVERIFY(!resolver.isPending(id));
    QVERIFY(!resolver.isPending(reverseId));

    // Both answers come back within microseconds; they must be dropped, not delivered.
    QVERIFY(!forward.wait(2000));
    QCOMPARE(forward.count(), 0);
    QCOMPARE(backward.count(), 0);

    // The Resolver still answers what was not cancelled.
    const quint64 kept = resolver.lookup(query(QStringLiteral("::1"), QStringLiteral("80")));
    QVERIFY(forward.wait(kWaitMs));
    QCOMPARE(forward.count(), 1);
    QCOMPARE(forward.at(0).at(0).value<quint64>(), kept);
}

void TestResolver::resolverRunsLookupsAtOnce()
{
    Resolver resolver;
    QSignalSpy forward(&resolver, &Resolver::lookupFinished);
    QSignalSpy backward(&resolver, &Resolver::reverseLookupFinished);

    // Each lookup asks for its own port, so an answer delivered under the wrong id shows.
    QHash<quint64, QString> expectedAddress;
    for (int i = 0; i < 20; ++i) {
        const QString host = i % 2 ? QStringLiteral("::1") : QStringLiteral("127.0.0.1");
        const QString port = QString::number(1000 + i);
        const quint64 id = resolver.lookup(query(host, port, AF_UNSPEC, SOCK_STREAM));
        expectedAddress.insert(id, SocketAddress::fromNumeric(host, 1000 + i)->toString());
    }
    const quint64 reverseId = resolver.reverseLookup(nameQuery(QStringLiteral("::1"), 80, NI_NUMERICHOST));
    QCOMPARE(expectedAddress.size(), 20);
    QVERIFY(!expectedAddress.contains(reverseId));

    QTRY_COMPARE_WITH_TIMEOUT(forward.count(), 20, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(backward.count(), 1, kWaitMs);
    QSet<quint64> seen;
    for (const QList<QVariant> &answer : std::as_const(forward)) {
        const quint64 id = answer.at(0).value<quint64>();
        QVERIFY(expectedAddress.contains(id));
        QVERIFY(!seen.contains(id));
        seen.insert(id);
        const auto result = answer.at(1).value<ResolveResult>();
        QCOMPARE(result.rows.size(), 1);
        QCOMPARE(result.rows.first().address.toString(), expectedAddress.value(id));
    }
    QCOMPARE(backward.at(0).at(0).value<quint64>(), reverseId);
    QCOMPARE(backward.at(0).at(1).value<NameInfoResult>().host, QStringLiteral("::1"));
}

void TestResolver::resolverDeletedFromItsOwnSlot()
{
    auto *resolver = new Resolver;
    QSignalSpy destroyed(resolver, &QObject::destroyed);
    int answers = 0;
    connect(resolver, &Resolver::lookupFinished, resolver, [&answers, resolver] {
        ++answers;
        resolver->deleteLater();
    });
    for (int i = 0; i < 8; ++i)
        resolver->lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80")));
    QVERIFY(destroyed.wait(kWaitMs));
    // Answers queued before the deferred delete ran may still be delivered; none after it.
    QVERIFY(answers >= 1);
    const int atDeletion = answers;
    Resolver fresh;
    QSignalSpy spy(&fresh, &Resolver::lookupFinished);
    fresh.lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80")));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(answers, atDeletion);
}

void TestResolver::resolverDestroyedMidLookup()
{
    // Every interleaving of "answer posted" and "Resolver destroyed" must be safe: destroy right
    // away, after letting some answers queue up, and with the event loop turned in between.
    for (int i = 0; i < 200; ++i) {
        auto *resolver = new Resolver;
        resolver->lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80")));
        resolver->reverseLookup(nameQuery(QStringLiteral("127.0.0.1"), 80));
        resolver->lookup(query(QStringLiteral("localhost"), QStringLiteral("http"), AF_INET));
        if (i % 3 == 1)
            QCoreApplication::processEvents();
        delete resolver;
    }

    Resolver fresh;
    QSignalSpy spy(&fresh, &Resolver::lookupFinished);
    const quint64 id = fresh.lookup(query(QStringLiteral("127.0.0.1"), QStringLiteral("80")));
    QVERIFY(spy.wait(kWaitMs));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).value<quint64>(), id);
}

void TestResolver::cancellableResolveAnswers()
{
    CancelToken cancel;
    const ResolveResult result = resolveCancellable(query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_INET, SOCK_STREAM),
                                                    cancel, QDeadlineTimer(kWaitMs));
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(reprs(result), QStringList{kTcp4});
}

void TestResolver::cancelledResolveDropsTheLateAnswer()
{
    CancelToken cancel;
    cancel.cancel();
    const ResolveResult result = resolveCancellable(query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_INET, SOCK_STREAM),
                                                    cancel, QDeadlineTimer(kWaitMs));
    QCOMPARE(result.error.kind, NetError::Kind::Cancelled);
    QVERIFY(result.rows.isEmpty());
    // The lookup still runs to its end on the pool, into state the caller has let go of (the
    // sanitizer build checks it is still alive then).
    QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::Lookup, kWaitMs));
}

void TestResolver::cancellableResolveWithoutEventfd()
{
    // With no descriptor left, the token's eventfd cannot be made: the exchange's first wait says
    // so instead of running with a cancel that could never wake it.
    TestSupport::NoFreeDescriptor noDescriptor;
    QVERIFY(noDescriptor.isActive());
    const CancelToken broken;
    QVERIFY(noDescriptor.restore());

    QCOMPARE(broken.error().systemCode, EMFILE);
    const ResolveResult result = resolveCancellable(query(QStringLiteral("127.0.0.1"), QStringLiteral("80"), AF_INET, SOCK_STREAM),
                                                    broken, QDeadlineTimer(kWaitMs));
    QCOMPARE(result.error.systemCode, EMFILE);
    QCOMPARE(result.error.call, QStringLiteral("eventfd"));
    QVERIFY(result.rows.isEmpty());
}

QTEST_GUILESS_MAIN(TestResolver)

#include "tst_resolver.moc"

#include "net/socket.h"
#include "net/socketoption.h"
#include "net/trace.h"
#include "text/socketoptiontext.h"
#include "text/translations.h"

#include <QFile>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>

using namespace SocketLab;
using Name = SocketOptionName;
using Kind = SocketOptionParseError::Kind;

namespace {

qint64 procValue(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    return file.readAll().trimmed().toLongLong();
}

SocketOptionOutcome applyOne(Socket &socket, Name name, int value, IpFamily family, SocketKind kind)
{
    const QList<SocketOptionOutcome> outcomes = SocketOptions::apply(socket, {{name, value}}, family, kind);
    return outcomes.value(0);
}

bool traceHas(const Trace &trace, const QString &call, const QString &argsPart)
{
    for (const TraceEntry &entry : trace.entries()) {
        if (entry.call == call && entry.args.contains(argsPart))
            return true;
    }
    return false;
}

} // namespace

class TestSocketOption : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void parsesValues_data();
    void parsesValues();
    void refusesWithTheReason_data();
    void refusesWithTheReason();
    void everyNameRoundTrips();
    void switchesAreReadBack();
    void lingerZeroIsReadBackAndTraced();
    void receiveBufferIsExplained();
    void ttlTakesTheFamilysOption();
    void tosOnTcpKeepsTheEcnBits();
    void optionsForAnotherSocketAreNotSet();
    void aRefusedOptionDoesNotStopTheOthers();
    void helpFollowsFrenchTypography();
};

void TestSocketOption::initTestCase()
{
    // The English plural forms ("1 byte", "2 bytes") come from the English translation.
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestSocketOption::parsesValues_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("name");
    QTest::addColumn<int>("value");
    QTest::newRow("switch 1") << "nodelay=1" << int(Name::NoDelay) << 1;
    QTest::newRow("switch on") << "keepalive=on" << int(Name::KeepAlive) << 1;
    QTest::newRow("switch no") << "reuseaddr=no" << int(Name::ReuseAddress) << 0;
    QTest::newRow("upper case name") << "RCVBUF=4194304" << int(Name::ReceiveBuffer) << 4194304;
    QTest::newRow("hex value") << "tos=0x10" << int(Name::Tos) << 16;
    QTest::newRow("spaces") << " ttl = 5 " << int(Name::Ttl) << 5;
    QTest::newRow("linger 0") << "linger=0" << int(Name::Linger) << 0;
    QTest::newRow("linger off") << "linger=off" << int(Name::Linger) << SocketOptionSetting::LingerOff;
    QTest::newRow("keepcnt at max") << "keepcnt=127" << int(Name::KeepCount) << 127;
}

void TestSocketOption::parsesValues()
{
    QFETCH(QString, text);
    QFETCH(int, name);
    QFETCH(int, value);
    SocketOptionParseError error;
    error.kind = Kind::NoEquals;
    const std::optional<SocketOptionSetting> setting = SocketOptions::parse(text, SocketKind::Any, &error);
    QVERIFY(setting);
    QCOMPARE(int(setting->name), name);
    QCOMPARE(setting->value, value);
    QVERIFY(!error.isError());
}

void TestSocketOption::refusesWithTheReason_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("no equals") << "nodelay" << int(SocketKind::Any) << int(Kind::NoEquals)
                               << "\"nodelay\": a socket option is written NAME=VALUE, as nodelay=1.";
    QTest::newRow("unknown") << "nagle=0" << int(SocketKind::Any) << int(Kind::UnknownName)
                             << "\"nagle=0\": no socket option is named \"nagle\"; the names are nodelay, keepalive,";
    QTest::newRow("switch word") << "nodelay=maybe" << int(SocketKind::Any) << int(Kind::NotANumber)
                                 << "\"nodelay=maybe\": nodelay is a switch: give 1 or 0 (on or off).";
    QTest::newRow("switch 2") << "nodelay=2" << int(SocketKind::Any) << int(Kind::NotANumber)
                              << "nodelay is a switch";
    QTest::newRow("not a number") << "rcvbuf=lots" << int(SocketKind::Any) << int(Kind::NotANumber)
                                  << "\"rcvbuf=lots\": the value of rcvbuf must be a whole number.";
    QTest::newRow("linger word") << "linger=never" << int(SocketKind::Any) << int(Kind::NotANumber)
                                 << "linger takes off or a number of seconds.";
    QTest::newRow("ttl 0") << "ttl=0" << int(SocketKind::Any) << int(Kind::OutOfRange) << "\"ttl=0\": ttl goes from 1 to 255.";
    QTest::newRow("ttl 256") << "ttl=256" << int(SocketKind::Any) << int(Kind::OutOfRange) << "ttl goes from 1 to 255.";
    QTest::newRow("negative buffer") << "sndbuf=-5" << int(SocketKind::Any) << int(Kind::OutOfRange) << "sndbuf goes from 1 to";
    QTest::newRow("nodelay on udp") << "nodelay=1" << int(SocketKind::Datagram) << int(Kind::WrongSocketKind)
                                    << "\"nodelay=1\": nodelay is for TCP sockets only.";
    QTest::newRow("broadcast on tcp") << "broadcast=1" << int(SocketKind::Stream) << int(Kind::WrongSocketKind)
                                      << "broadcast is for UDP sockets only.";
}

void TestSocketOption::refusesWithTheReason()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(int, error);
    QFETCH(QString, sentence);
    SocketOptionParseError problem;
    QVERIFY(!SocketOptions::parse(text, SocketKind(kind), &problem));
    QCOMPARE(int(problem.kind), error);
    QVERIFY2(describeOptionProblem(problem).contains(sentence), qPrintable(describeOptionProblem(problem)));
}

void TestSocketOption::everyNameRoundTrips()
{
    const QList<Name> names = SocketOptions::all();
    QCOMPARE(names.size(), qsizetype(14));
    for (Name name : names) {
        const SocketOptionSetting setting{name, int(SocketOptions::maximum(name))};
        const std::optional<SocketOptionSetting> back = SocketOptions::parse(SocketOptions::format(setting), SocketKind::Any, nullptr);
        QVERIFY2(back && *back == setting, qPrintable(SocketOptions::format(setting)));
        QVERIFY(optionHelp(name).startsWith(SocketOptions::cliName(name) + QLatin1Char('=')));
    }
    const SocketOptionSetting off{Name::Linger, SocketOptionSetting::LingerOff};
    QCOMPARE(SocketOptions::format(off), QStringLiteral("linger=off"));
}

void TestSocketOption::switchesAreReadBack()
{
    Trace trace;
    Socket socket(trace, nullptr);
    QVERIFY(!socket.open(IpFamily::V4, SocketKind::Stream, IPPROTO_TCP).isError());
    const QList<SocketOptionOutcome> outcomes = SocketOptions::apply(
        socket, {{Name::NoDelay, 1}, {Name::KeepAlive, 1}, {Name::KeepIdle, 30}, {Name::ReuseAddress, 0}},
        IpFamily::V4, SocketKind::Stream);
    QCOMPARE(outcomes.size(), qsizetype(4));
    for (const SocketOptionOutcome &outcome : outcomes) {
        QVERIFY2(!outcome.error.isError(), qPrintable(describeOptionOutcome(outcome)));
        QVERIFY(outcome.readBack);
        QCOMPARE(outcome.effective, outcome.asked.value);
        QCOMPARE(outcome.adjustment, SocketOptionAdjustment::None);
    }
    QCOMPARE(outcomes.at(0).systemName, QStringLiteral("TCP_NODELAY"));
    QCOMPARE(describeOptionOutcome(outcomes.at(0)), QStringLiteral("TCP_NODELAY on: set."));
    QCOMPARE(describeOptionOutcome(outcomes.at(2)), QStringLiteral("TCP_KEEPIDLE 30 s: set."));
    QVERIFY(traceHas(trace, QStringLiteral("setsockopt"), QStringLiteral("IPPROTO_TCP, TCP_NODELAY, [1], 4")));
    QVERIFY(traceHas(trace, QStringLiteral("getsockopt"), QStringLiteral("IPPROTO_TCP, TCP_NODELAY, [1], [4]")));
}

void TestSocketOption::lingerZeroIsReadBackAndTraced()
{
    Trace trace;
    Socket socket(trace, nullptr);
    QVERIFY(!socket.open(IpFamily::V4, SocketKind::Stream, IPPROTO_TCP).isError());
    SocketOptionOutcome outcome = applyOne(socket, Name::Linger, 0, IpFamily::V4, SocketKind::Stream);
    QVERIFY(outcome.readBack);
    QCOMPARE(outcome.effective, 0);
    QCOMPARE(describeOptionOutcome(outcome), QStringLiteral("SO_LINGER on, 0 s: set."));
    QVERIFY(traceHas(trace, QStringLiteral("setsockopt"), QStringLiteral("SO_LINGER, {l_onoff=1, l_linger=0}")));
    QVERIFY(traceHas(trace, QStringLiteral("getsockopt"), QStringLiteral("SO_LINGER, {l_onoff=1, l_linger=0}")));
    outcome = applyOne(socket, Name::Linger, SocketOptionSetting::LingerOff, IpFamily::V4, SocketKind::Stream);
    QCOMPARE(outcome.effective, SocketOptionSetting::LingerOff);
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::None);
}

void TestSocketOption::receiveBufferIsExplained()
{
    const qint64 rmemMax = procValue(QStringLiteral("/proc/sys/net/core/rmem_max"));
    QVERIFY(rmemMax > 8192);
    Trace trace;
    Socket socket(trace, nullptr);
    QVERIFY(!socket.open(IpFamily::V4, SocketKind::Datagram, IPPROTO_UDP).isError());

    // Within the limit: doubled.
    SocketOptionOutcome outcome = applyOne(socket, Name::ReceiveBuffer, 8192, IpFamily::V4, SocketKind::Datagram);
    QCOMPARE(outcome.effective, 16384);
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::Doubled);
    QVERIFY2(describeOptionOutcome(outcome).startsWith(QStringLiteral("SO_RCVBUF: asked 8,192 bytes, has 16,384 bytes: Linux doubles")),
             qPrintable(describeOptionOutcome(outcome)));

    // Above net.core.rmem_max: capped, then doubled, the limit named with its value.
    outcome = applyOne(socket, Name::ReceiveBuffer, int(rmemMax + 4096), IpFamily::V4, SocketKind::Datagram);
    QCOMPARE(outcome.effective, int(2 * rmemMax));
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::CappedThenDoubled);
    QCOMPARE(outcome.systemLimit, rmemMax);
    QVERIFY2(describeOptionOutcome(outcome).contains(QStringLiteral("above net.core.rmem_max (%1 bytes)")
                                                          .arg(QLocale().toString(rmemMax))),
             qPrintable(describeOptionOutcome(outcome)));

    // Below the kernel's floor: raised to it.
    outcome = applyOne(socket, Name::ReceiveBuffer, 1, IpFamily::V4, SocketKind::Datagram);
    QVERIFY(outcome.effective > 2);
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::RaisedToMinimum);
}

void TestSocketOption::ttlTakesTheFamilysOption()
{
    Trace trace;
    Socket v4(trace, nullptr);
    QVERIFY(!v4.open(IpFamily::V4, SocketKind::Datagram, IPPROTO_UDP).isError());
    SocketOptionOutcome outcome = applyOne(v4, Name::Ttl, 5, IpFamily::V4, SocketKind::Datagram);
    QCOMPARE(outcome.systemName, QStringLiteral("IP_TTL"));
    QCOMPARE(outcome.effective, 5);

    Socket v6(trace, nullptr);
    QVERIFY(!v6.open(IpFamily::V6, SocketKind::Datagram, IPPROTO_UDP).isError());
    outcome = applyOne(v6, Name::Ttl, 7, IpFamily::V6, SocketKind::Datagram);
    QCOMPARE(outcome.systemName, QStringLiteral("IPV6_UNICAST_HOPS"));
    QCOMPARE(outcome.effective, 7);
    outcome = applyOne(v6, Name::V6Only, 1, IpFamily::V6, SocketKind::Datagram);
    QCOMPARE(outcome.effective, 1);
    QVERIFY(traceHas(trace, QStringLiteral("setsockopt"), QStringLiteral("IPPROTO_IPV6, IPV6_V6ONLY, [1], 4")));
}

void TestSocketOption::tosOnTcpKeepsTheEcnBits()
{
    Trace trace;
    Socket tcp(trace, nullptr);
    QVERIFY(!tcp.open(IpFamily::V4, SocketKind::Stream, IPPROTO_TCP).isError());
    SocketOptionOutcome outcome = applyOne(tcp, Name::Tos, 0x13, IpFamily::V4, SocketKind::Stream);
    QCOMPARE(outcome.effective, 0x10);
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::EcnBitsKept);
    QVERIFY2(describeOptionOutcome(outcome).contains(QStringLiteral("asked 0x13, has 0x10")), qPrintable(describeOptionOutcome(outcome)));

    // On UDP the byte is kept whole.
    Socket udp(trace, nullptr);
    QVERIFY(!udp.open(IpFamily::V4, SocketKind::Datagram, IPPROTO_UDP).isError());
    outcome = applyOne(udp, Name::Tos, 0x13, IpFamily::V4, SocketKind::Datagram);
    QCOMPARE(outcome.effective, 0x13);
    QCOMPARE(outcome.adjustment, SocketOptionAdjustment::None);
}

void TestSocketOption::optionsForAnotherSocketAreNotSet()
{
    Trace trace;
    Socket socket(trace, nullptr);
    QVERIFY(!socket.open(IpFamily::V4, SocketKind::Datagram, IPPROTO_UDP).isError());
    const QList<SocketOptionOutcome> outcomes = SocketOptions::apply(
        socket, {{Name::V6Only, 1}, {Name::NoDelay, 1}, {Name::Broadcast, 1}}, IpFamily::V4, SocketKind::Datagram);
    QCOMPARE(outcomes.at(0).adjustment, SocketOptionAdjustment::NotForThisSocket);
    QCOMPARE(outcomes.at(1).adjustment, SocketOptionAdjustment::NotForThisSocket);
    QVERIFY(!outcomes.at(0).readBack);
    QCOMPARE(outcomes.at(2).effective, 1);
    QVERIFY(!traceHas(trace, QStringLiteral("setsockopt"), QStringLiteral("IPV6_V6ONLY")));
    QVERIFY(!traceHas(trace, QStringLiteral("setsockopt"), QStringLiteral("TCP_NODELAY")));
    QVERIFY(describeOptionOutcome(outcomes.at(0)).contains(QStringLiteral("not set: this option is not for")));
}

void TestSocketOption::aRefusedOptionDoesNotStopTheOthers()
{
    Trace trace;
    Socket socket(trace, nullptr);
    QVERIFY(!socket.open(IpFamily::V4, SocketKind::Stream, IPPROTO_TCP).isError());
    // IP_TTL 0 is EINVAL: a value parse() refuses, given straight to apply().
    const QList<SocketOptionOutcome> outcomes = SocketOptions::apply(socket, {{Name::Ttl, 0}, {Name::NoDelay, 1}},
                                                                     IpFamily::V4, SocketKind::Stream);
    QCOMPARE(outcomes.at(0).error.systemCode, EINVAL);
    QVERIFY(!outcomes.at(0).readBack);
    QVERIFY2(describeOptionOutcome(outcomes.at(0)).startsWith(QStringLiteral("IP_TTL 0: not set: ")),
             qPrintable(describeOptionOutcome(outcomes.at(0))));
    QVERIFY(describeOptionOutcome(outcomes.at(0)).contains(QStringLiteral("EINVAL")));
    QCOMPARE(outcomes.at(1).effective, 1);
}

void TestSocketOption::helpFollowsFrenchTypography()
{
    QVERIFY(Translations::install(QStringLiteral("fr")));
    const QString help = optionHelp(Name::NoDelay);
    QVERIFY(Translations::install(QStringLiteral("en")));
    QVERIFY2(help.contains(QStringLiteral("TCP_NODELAY\u00a0: ")), qPrintable(help));
    QVERIFY2(optionHelp(Name::NoDelay).contains(QStringLiteral("TCP_NODELAY: ")), qPrintable(optionHelp(Name::NoDelay)));
}

QTEST_GUILESS_MAIN(TestSocketOption)
#include "tst_socketoption.moc"

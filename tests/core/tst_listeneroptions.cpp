#include "net/trace.h"
#include "servers/listener.h"
#include "startandwait.h"

#include <QTest>

using namespace SocketLab;

// Listener::Settings::socketOptions on the listening socket: set before bind(), their outcomes kept.
namespace {

QStringList callsUntilBind(const Trace &trace)
{
    QStringList lines;
    for (const TraceEntry &entry : trace.entries()) {
        lines << entry.call + QLatin1Char(' ') + entry.args;
        if (entry.call == QLatin1StringView("bind"))
            break;
    }
    return lines;
}

Listener::Settings echoSettings(const QList<SocketOptionSetting> &options, IpFamily family = IpFamily::V4)
{
    Listener::Settings settings;
    settings.mode = Listener::Mode::Echo;
    settings.address = Listener::loopback(0, family);
    settings.socketOptions = options;
    return settings;
}

} // namespace

class TestListenerOptions : public QObject
{
    Q_OBJECT

private slots:
    void receiveBufferOutcomeIsKept();
    void reuseAddressIsOnUnlessAskedOff();
    void v6OnlyActsOnIpv6Listeners();
};

void TestListenerOptions::receiveBufferOutcomeIsKept()
{
    Listener listener;
    QVERIFY(!startAndWait(listener, echoSettings({SocketOptionSetting{SocketOptionName::ReceiveBuffer, 65536}})).isError());
    const QList<SocketOptionOutcome> outcomes = listener.socketOptions();
    QCOMPARE(outcomes.size(), 1);
    QCOMPARE(outcomes.constFirst().systemName, QStringLiteral("SO_RCVBUF"));
    QVERIFY(outcomes.constFirst().readBack);
    QCOMPARE(outcomes.constFirst().effective, 2 * 65536);
    QCOMPARE(outcomes.constFirst().adjustment, SocketOptionAdjustment::Doubled);
    const QStringList calls = callsUntilBind(listener.trace());
    QVERIFY2(calls.last().startsWith(QLatin1String("bind")), qPrintable(calls.join(QLatin1Char('\n'))));
    QVERIFY(calls.filter(QStringLiteral("SO_RCVBUF")).size() == 2);
    listener.stop();
    // A new start without options forgets the last one's outcomes.
    QVERIFY(!startAndWait(listener, echoSettings({})).isError());
    QVERIFY(listener.socketOptions().isEmpty());
}

void TestListenerOptions::reuseAddressIsOnUnlessAskedOff()
{
    Listener listener;
    QVERIFY(!startAndWait(listener, echoSettings({})).isError());
    QVERIFY(!callsUntilBind(listener.trace()).filter(QRegularExpression(QStringLiteral("^setsockopt .*SO_REUSEADDR, \\[1\\]"))).isEmpty());
    listener.stop();

    Listener off;
    QVERIFY(!startAndWait(off, echoSettings({SocketOptionSetting{SocketOptionName::ReuseAddress, 0}})).isError());
    const QStringList calls = callsUntilBind(off.trace());
    QVERIFY2(calls.filter(QRegularExpression(QStringLiteral("^setsockopt .*SO_REUSEADDR, \\[1\\]"))).isEmpty(),
             qPrintable(calls.join(QLatin1Char('\n'))));
    QCOMPARE(off.socketOptions().size(), 1);
    QCOMPARE(off.socketOptions().constFirst().effective, 0);
}

void TestListenerOptions::v6OnlyActsOnIpv6Listeners()
{
    const QList<SocketOptionSetting> v6only{SocketOptionSetting{SocketOptionName::V6Only, 1}};
    Listener v6;
    QVERIFY(!startAndWait(v6, echoSettings(v6only, IpFamily::V6)).isError());
    QCOMPARE(v6.socketOptions().size(), 1);
    QCOMPARE(v6.socketOptions().constFirst().systemName, QStringLiteral("IPV6_V6ONLY"));
    QCOMPARE(v6.socketOptions().constFirst().effective, 1);
    Listener v4;
    QVERIFY(!startAndWait(v4, echoSettings(v6only)).isError());
    QCOMPARE(v4.socketOptions().size(), 1);
    QCOMPARE(v4.socketOptions().constFirst().adjustment, SocketOptionAdjustment::NotForThisSocket);
}

QTEST_GUILESS_MAIN(TestListenerOptions)
#include "tst_listeneroptions.moc"

#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationtranscript.h"
#include "freeport.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "text/errortext.h"
#include "text/socketoptiontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace SocketLab;
using Kind = ConversationEvent::Kind;

// Socket options and the local address of a conversation: at connect, and set on the open socket.
namespace {

ConversationRequest request(quint16 port, ConversationRequest::Transport transport = ConversationRequest::Transport::Tcp)
{
    ConversationRequest request;
    request.transport = transport;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(port);
    return request;
}

QList<ConversationEvent> eventsOf(const Conversation &conversation, Kind kind)
{
    QList<ConversationEvent> found;
    for (const ConversationEvent &event : conversation.record()->events()) {
        if (event.kind == kind)
            found.append(event);
    }
    return found;
}

// The trace's calls from the first one named `from` on, each with its arguments.
QStringList callsFrom(const Trace &trace, const QString &from)
{
    QStringList lines;
    bool on = false;
    for (const TraceEntry &entry : trace.entries()) {
        on = on || entry.call == from;
        if (on)
            lines << entry.call + QLatin1Char(' ') + entry.args;
    }
    return lines;
}

} // namespace

class TestConversationOptions : public QObject
{
    Q_OBJECT

private slots:
    void optionsAndLocalAddressAtConnect();
    void optionSetMidConversation();
    void optionsOnlyForBindAreRefused();
    void udpConversationFromALocalPort();
};

void TestConversationOptions::optionsAndLocalAddressAtConnect()
{
    PeerProcess peer(QStringLiteral("close_peer.py"), {});
    QVERIFY(peer.port() != 0);
    const quint16 localPort = freeLoopbackPort();
    ConversationRequest asked = request(peer.port());
    asked.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), localPort);
    asked.socketOptions = {SocketOptionSetting{SocketOptionName::Linger, 0}};
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(asked).isError());
    QCOMPARE(peer.readLine(), QByteArray("from ") + QByteArray::number(localPort));
    conversation.close();
    QVERIFY(finished.wait(10000));
    const ConversationSetup setup = conversation.record()->setup();
    QVERIFY2(!setup.error.isError(), qPrintable(ErrorText::describe(setup.error)));
    QCOMPARE(setup.local.port(), localPort);
    QCOMPARE(setup.socketOptions.size(), 1);
    QCOMPARE(setup.socketOptions.constFirst().effective, 0);
    // SO_LINGER {on, 0}: close() resets the connection rather than end it with a FIN.
    QCOMPARE(peer.readLine(), QByteArray("RST"));
}

void TestConversationOptions::optionSetMidConversation()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port() != 0);
    Conversation conversation;
    QSignalSpy finished(&conversation, &Conversation::finished);
    QVERIFY(!conversation.start(request(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(conversation.record()->received().toByteArray().endsWith("HELLO chat\n"), 10000);
    QVERIFY(conversation.setOption(SocketOptionSetting{SocketOptionName::NoDelay, 1}, 7));
    conversation.send("after\n");
    QTRY_VERIFY_WITH_TIMEOUT(conversation.record()->received().toByteArray().endsWith("ECHO after\n"), 10000);

    const QList<ConversationEvent> set = eventsOf(conversation, Kind::OptionSet);
    QCOMPARE(set.size(), 1);
    QCOMPARE(set.constFirst().step, 7);
    const SocketOptionOutcome &outcome = *set.constFirst().option;
    QCOMPARE(outcome.systemName, QStringLiteral("TCP_NODELAY"));
    QVERIFY(!outcome.error.isError());
    QVERIFY(outcome.readBack);
    QCOMPARE(outcome.effective, 1);
    // In its turn: after the connection, before the send asked after it.
    const QList<ConversationEvent> events = conversation.record()->events();
    const auto index = [&events](Kind kind) {
        for (qsizetype i = 0; i < events.size(); ++i) {
            if (events.at(i).kind == kind)
                return i;
        }
        return qsizetype(-1);
    };
    QVERIFY(index(Kind::Connected) < index(Kind::OptionSet));
    QVERIFY(index(Kind::OptionSet) < index(Kind::Sent));
    const QStringList calls = callsFrom(*conversation.trace(), QStringLiteral("connect"));
    const qsizetype setCall = calls.indexOf(QRegularExpression(QStringLiteral("^setsockopt .*TCP_NODELAY.*")));
    const qsizetype getCall = calls.indexOf(QRegularExpression(QStringLiteral("^getsockopt .*TCP_NODELAY.*")));
    QVERIFY2(setCall > 0 && getCall > setCall, qPrintable(calls.join(QLatin1Char('\n'))));

    conversation.close();
    QVERIFY(finished.wait(10000));
    const ConversationTranscript transcript(*conversation.record(), *conversation.trace(), false, QStringLiteral("127.0.0.1"),
                                            peer.service());
    const QJsonObject json = transcript.json(transcript.stopFromRecord());
    const QJsonArray changes = json.value(QStringLiteral("sockopt_changes")).toArray();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes.at(0).toObject().value(QStringLiteral("system_name")).toString(), QStringLiteral("TCP_NODELAY"));
    QCOMPARE(changes.at(0).toObject().value(QStringLiteral("effective")).toInt(), 1);
}

void TestConversationOptions::optionsOnlyForBindAreRefused()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port() != 0);
    Conversation conversation;
    QVERIFY(!conversation.start(request(peer.port())).isError());
    QTRY_VERIFY_WITH_TIMEOUT(conversation.record()->received().toByteArray().endsWith("HELLO chat\n"), 10000);
    QVERIFY(!conversation.setOption(SocketOptionSetting{SocketOptionName::ReuseAddress, 1}));
    QVERIFY(!conversation.setOption(SocketOptionSetting{SocketOptionName::ReusePort, 1}));
    QVERIFY(!conversation.setOption(SocketOptionSetting{SocketOptionName::V6Only, 1}));
    QCOMPARE(describeOptionTooLate(SocketOptionName::ReuseAddress),
             QStringLiteral("SO_REUSEADDR only counts at bind(): set it before the conversation connects."));
    QVERIFY(conversation.setOption(SocketOptionSetting{SocketOptionName::ReceiveBuffer, 65536}));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(conversation, Kind::OptionSet).size(), 1, 10000);
    QCOMPARE(eventsOf(conversation, Kind::OptionSet).constFirst().option->systemName, QStringLiteral("SO_RCVBUF"));
}

void TestConversationOptions::udpConversationFromALocalPort()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("sender")});
    QVERIFY(peer.port() != 0);
    const quint16 localPort = freeLoopbackPort(SOCK_DGRAM);
    ConversationRequest asked = request(peer.port(), ConversationRequest::Transport::Udp);
    asked.localAddress = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), localPort);
    asked.socketOptions = {SocketOptionSetting{SocketOptionName::Ttl, 7}};
    Conversation conversation;
    QVERIFY(!conversation.start(asked).isError());
    conversation.send("port?");
    QTRY_COMPARE_WITH_TIMEOUT(conversation.record()->received().toByteArray(), QByteArray::number(localPort), 10000);
    const ConversationSetup setup = conversation.record()->setup();
    QCOMPARE(setup.socketOptions.size(), 1);
    QCOMPARE(setup.socketOptions.constFirst().systemName, QStringLiteral("IP_TTL"));
    QCOMPARE(setup.socketOptions.constFirst().effective, 7);
    QVERIFY(conversation.setOption(SocketOptionSetting{SocketOptionName::Ttl, 9}));
    QTRY_COMPARE_WITH_TIMEOUT(eventsOf(conversation, Kind::OptionSet).size(), 1, 10000);
    QCOMPARE(eventsOf(conversation, Kind::OptionSet).constFirst().option->effective, 9);
}

QTEST_GUILESS_MAIN(TestConversationOptions)
#include "tst_conversationoptions.moc"

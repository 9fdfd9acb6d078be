// core/text/exchangereport: the plain-text report of an exchange or a conversation, and its cap on
// large replies that never reads them whole.
#include "bytes/bytestore.h"
#include "bytes/headtailcopy.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"
#include "exchange/tcpexchange.h"
#include "exchange/udpexchange.h"
#include "text/exchangereport.h"
#include "text/stoptext.h"
#include "text/translations.h"

#include <QTest>

#include <cerrno>

using namespace SocketLab;

namespace {

SocketAddress address(const char *host, quint16 port)
{
    return *SocketAddress::fromNumeric(QString::fromLatin1(host), port);
}

// Bytes made on demand, counting how many were asked for: a reply of any size that is never held.
class CountingSource final : public ByteSource
{
public:
    explicit CountingSource(qint64 size)
        : m_size(size)
    {
    }
    qint64 size() const override { return m_size; }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        len = qMax<qint64>(0, qMin(len, m_size - offset));
        m_read += len;
        QByteArray bytes(len, Qt::Uninitialized);
        for (qint64 i = 0; i < len; ++i)
            bytes[i] = char((offset + i) % 256);
        return bytes;
    }
    qint64 bytesRead() const { return m_read; }

private:
    qint64 m_size;
    mutable qint64 m_read = 0;
};

} // namespace

class TestExchangeReport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { Translations::install(QStringLiteral("en")); }

    // A 5 GiB reply: its first and last 16 KiB as rows, the line between saying how many bytes were
    // left out, and no more than those read.
    void hugeReplyIsCut()
    {
        const qint64 size = 5LL << 30;
        CountingSource reply(size);
        const QString text = ExchangeReport::hexDump(reply);
        QVERIFY2(reply.bytesRead() <= 2 * ExchangeReport::DefaultKeptBytes + 16, QByteArray::number(reply.bytesRead()));
        const qint64 tailStart = (size - ExchangeReport::DefaultKeptBytes) / 16 * 16;
        QVERIFY(text.startsWith(QStringLiteral("00000000  00 01 02 03 04 05 06 07  08 09 0a 0b 0c 0d 0e 0f  |................|\n")));
        QVERIFY(text.contains(QStringLiteral("\n… %1 left out …\n").arg(byteCount(tailStart - ExchangeReport::DefaultKeptBytes))));
        QVERIFY(text.contains(QStringLiteral("\n%1  ").arg(tailStart, 0, 16)));
        QVERIFY(text.endsWith(QStringLiteral("%1  f0 f1 f2 f3 f4 f5 f6 f7  f8 f9 fa fb fc fd fe ff  |................|\n")
                                  .arg(size - 16, 0, 16)));
        QCOMPARE(text.count(QLatin1Char('\n')), 2 * ExchangeReport::DefaultKeptBytes / 16 + 1);
    }

    // What socketlab-cli --report keeps of a reply it does not otherwise hold, appended in pieces of
    // every size: the same dump as the whole reply gives.
    void headAndTailKeepWhatTheDumpReads()
    {
        const qint64 kept = ExchangeReport::DefaultKeptBytes;
        for (const qint64 size : {qint64(100), 2 * kept, 2 * kept + 1, 5 * kept + 7}) {
            ByteStore whole;
            HeadTailCopy ends(kept, kept + 16);
            QByteArray bytes;
            for (qint64 i = 0; i < size; ++i)
                bytes.append(char((i * 7) % 251));
            for (qint64 at = 0, step = 1; at < size; at += step, step = step * 3 % 40000 + 1) {
                const qint64 n = qMin(step, size - at);
                whole.append(bytes.constData() + at, n, 0);
                ends.append(bytes.constData() + at, n);
            }
            QCOMPARE(ends.size(), size);
            QCOMPARE(ExchangeReport::hexDump(ends), ExchangeReport::hexDump(whole));
        }
    }

    void smallReplyIsWhole()
    {
        CountingSource reply(40);
        QCOMPARE(ExchangeReport::hexDump(reply).count(QLatin1Char('\n')), 3);
        QVERIFY(!ExchangeReport::hexDump(reply).contains(QStringLiteral("left out")));
    }

    // The target, every address tried and why it failed, the stop in words, the request and the reply
    // as rows, and the socket calls.
    void tcpExchange()
    {
        TcpResult result;
        result.resolved = {AddrInfoRow{IpFamily::V4, SocketKind::Stream, 6, {}, address("127.0.0.2", 8080)},
                           AddrInfoRow{IpFamily::V4, SocketKind::Stream, 6, {}, address("127.0.0.1", 8080)}};
        result.attempts = {ConnectAttempt{address("127.0.0.2", 8080), NetError::fromErrno(ECONNREFUSED, QStringLiteral("connect"), QStringLiteral("127.0.0.2:8080")), 100, 400},
                           ConnectAttempt{address("127.0.0.1", 8080), {}, 500, 900}};
        result.connectedTo = address("127.0.0.1", 8080);
        result.local = address("127.0.0.1", 40000);
        result.sentBytes = 4;
        result.stop.reason = StopReason::PeerClosed;
        result.stop.bytes = 5;
        result.timings.connectedUs = 900;
        result.timings.totalUs = 2500;
        ByteStore reply;
        reply.append("pong\n", 5, 2000);
        ExchangeReportInput input;
        input.host = QStringLiteral("example.test");
        input.service = QStringLiteral("8080");
        input.request = QByteArrayLiteral("ping");
        input.tcp = &result;
        input.reply = &reply;
        input.segments = reply.segments();
        TraceEntry refused;
        refused.timeUs = 100;
        refused.call = QStringLiteral("connect");
        refused.args = QStringLiteral("3, {127.0.0.2:8080}, 16");
        refused.result = -1;
        refused.errnoCode = ECONNREFUSED;
        input.trace = {refused};
        const QString text = ExchangeReport::exchange(input);
        QVERIFY2(text.startsWith(QStringLiteral("SocketLab report: TCP exchange\nTarget: example.test port 8080 (IPv4 or IPv6)\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  example.test resolves to 127.0.0.2:8080\n  example.test resolves to 127.0.0.1:8080\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  connect() to 127.0.0.2:8080 failed after 0.300 ms: ")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("(ECONNREFUSED)")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Connected to 127.0.0.1:8080 from 127.0.0.1:40000 in 0.400 ms\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Stop: ") + describeStop(result.stop)), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Timings: connected 0.900 ms, total 2.500 ms\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Request (4 bytes sent):\n00000000  70 69 6e 67")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Reply (5 bytes in 1 recv() call):\n00000000  70 6f 6e 67 0a")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Socket calls:\n  0.100 ms  connect(3, {127.0.0.2:8080}, 16) = -1 ECONNREFUSED (Connection refused)\n")),
                 qPrintable(text));
    }

    void udpExchange()
    {
        UdpResult result;
        result.target = address("127.0.0.1", 9999);
        result.local = address("0.0.0.0", 40001);
        result.sentBytes = 3;
        result.datagrams = {Datagram{address("127.0.0.1", 9999), 100, 4, true, 700}};
        result.stop.reason = StopReason::DatagramCountReached;
        result.stop.limit = 1;
        ByteStore reply;
        reply.append("pong", 4, 700);
        ExchangeReportInput input;
        input.host = QStringLiteral("127.0.0.1");
        input.service = QStringLiteral("9999");
        input.family = IpFamily::V4;
        input.request = QByteArrayLiteral("pin");
        input.udp = &result;
        input.reply = &reply;
        input.segments = reply.segments();
        const QString text = ExchangeReport::exchange(input);
        QVERIFY2(text.startsWith(QStringLiteral("SocketLab report: UDP exchange\nTarget: 127.0.0.1 port 9999 (IPv4)\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Sent to 127.0.0.1:9999 from 0.0.0.0:40001\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Datagram 1 from 127.0.0.1:9999: 100 bytes at 0.700 ms (truncated: 4 bytes kept)\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Reply (4 bytes in 1 datagram):\n00000000  70 6f 6e 67")), qPrintable(text));
    }

    // Each message with its time, direction and rows; the end of the conversation in words.
    void conversation()
    {
        ConversationRecord record(1 << 20, 100);
        ConversationSetup setup;
        setup.connectedTo = address("127.0.0.1", 7000);
        setup.local = address("127.0.0.1", 40002);
        setup.attempts = {ConnectAttempt{setup.connectedTo, {}, 10, 20}};
        setup.timings.connectedUs = 20;
        record.setSetup(setup);
        const auto add = [&record](bool sent, const QByteArray &bytes, qint64 timeUs) {
            ByteStore &store = sent ? record.sentStore() : record.receivedStore();
            ConversationEvent event;
            event.kind = sent ? ConversationEvent::Kind::Sent : ConversationEvent::Kind::Received;
            event.timeUs = timeUs;
            event.offset = store.size();
            event.size = bytes.size();
            store.append(bytes.constData(), bytes.size(), timeUs);
            record.addData(event, true);
        };
        add(true, "hi\n", 1000);
        add(false, "ECHO hi\n", 2000);
        ConversationEvent closed;
        closed.kind = ConversationEvent::Kind::PeerClosed;
        closed.timeUs = 3000;
        record.add(closed);
        record.markOver();
        ConversationRequest request;
        request.host = QStringLiteral("127.0.0.1");
        request.service = QStringLiteral("7000");
        const QString text = ExchangeReport::conversation({&request, &record, {}, {}});
        QVERIFY2(text.startsWith(QStringLiteral("SocketLab report: TCP conversation\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("  Connected to 127.0.0.1:7000 from 127.0.0.1:40002 in 0.010 ms\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("Sent 3 bytes in 1 message\nReceived 8 bytes in 1 message\n")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("1.000 ms  sent 3 bytes\n00000000  68 69 0a")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("2.000 ms  received 8 bytes\n00000000  45 43 48 4f 20 68 69 0a")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("\nStop: ")), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestExchangeReport)
#include "tst_exchangereport.moc"

#include "bytes/bytestore.h"
#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "exchange/udpexchange.h"
#include "net/canceltoken.h"
#include "net/kerneldrops.h"
#include "net/trace.h"
#include "servers/listener.h"
#include "udpflood.h"

#include <QSignalSpy>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace SocketLab;


class TestKernelDrops : public QObject
{
    Q_OBJECT
private slots:
    void countsForward();
    void wrapsAt32Bits();
    void olderReadingsAreIgnored();
    void listenerCountsEveryDrop();
    void exchangeCountsEveryDrop();
    void conversationCountsEveryDrop();
};


void TestKernelDrops::countsForward()
{
    KernelDrops drops;
    QCOMPARE(drops.observe(std::optional<quint32>()), qint64(0));
    QCOMPARE(drops.observe(5u), qint64(5));
    QCOMPARE(drops.observe(5u), qint64(0));
    QCOMPARE(drops.observe(12u), qint64(7));
    QCOMPARE(drops.dropped(), qint64(12));
    // A count that did not start at 0 only counts what came after.
    KernelDrops later(100);
    QCOMPARE(later.observe(130u), qint64(30));
    QCOMPARE(later.dropped(), qint64(30));
}

void TestKernelDrops::wrapsAt32Bits()
{
    KernelDrops drops(0xfffffff0u);
    QCOMPARE(drops.observe(0xfffffffau), qint64(10));
    QCOMPARE(drops.observe(0x00000010u), qint64(0x16));
    QCOMPARE(drops.dropped(), qint64(0x20));
}

void TestKernelDrops::olderReadingsAreIgnored()
{
    // A datagram queued before the socket's count was read carries a smaller count.
    KernelDrops drops;
    QCOMPARE(drops.observe(991u), qint64(991));
    QCOMPARE(drops.observe(4u), qint64(0));
    QCOMPARE(drops.observe(991u), qint64(0));
    QCOMPARE(drops.observe(1000u), qint64(9));
    QCOMPARE(drops.dropped(), qint64(1000));
}

void TestKernelDrops::listenerCountsEveryDrop()
{
    Listener listener;
    Listener::Settings settings;
    settings.transport = Listener::Transport::Udp;
    settings.mode = Listener::Mode::LogOnly;
    QSignalSpy listening(&listener, &Listener::listening);
    QVERIFY(!listener.start(settings).isError());
    QVERIFY(listening.wait(10000));
    QVERIFY(listener.totals().kernelDrops.has_value());
    QCOMPARE(*listener.totals().kernelDrops, qint64(0));
    // Room for a few datagrams: a flood outruns the reader and the kernel drops the rest.
    QVERIFY(UdpFlood::shrinkReceiveBuffer(listener.boundAddress()));

    constexpr int Count = 20000;
    QCOMPARE(UdpFlood::send(listener.boundAddress(), Count), Count);
    // Exact once the worker has read the socket's own count, after the flood went quiet.
    QTRY_COMPARE_WITH_TIMEOUT(listener.totals().datagrams + listener.totals().kernelDrops.value_or(0), qint64(Count), 20000);
    const Listener::Totals totals = listener.totals();
    QVERIFY2(*totals.kernelDrops > 0, qPrintable(QString::number(totals.datagrams)));
    QVERIFY(totals.datagrams > 0);
    QCOMPARE(totals.receiveBufferBytes > 0, true);
    // The datagrams may have told the whole count already; the socket's own is read once it is quiet.
    const auto readMemInfo = [&listener] {
        const QList<TraceEntry> entries = listener.trace().entries();
        return std::any_of(entries.cbegin(), entries.cend(), [](const TraceEntry &entry) {
            return entry.call == QLatin1StringView("getsockopt") && entry.args.contains(QLatin1StringView("SO_MEMINFO"));
        });
    };
    QTRY_VERIFY(readMemInfo());
    QCOMPARE(listener.totals().datagrams + *listener.totals().kernelDrops, qint64(Count));
    listener.stop();
    // The count is over the listener's life: it stays after the stop.
    QCOMPARE(listener.totals().kernelDrops, totals.kernelDrops);
}

void TestKernelDrops::exchangeCountsEveryDrop()
{
    constexpr int Count = 5000;
    UdpFlood::FloodingPeer peer(Count);
    UdpRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(peer.port());
    request.payload = "go";
    request.waitMs = 1500;
    ByteStore store;
    Trace trace;
    CancelToken cancel;
    const UdpResult result = UdpExchange(request, store, trace, cancel).run();
    QCOMPARE(peer.sent(), Count);
    QVERIFY(result.kernelDrops.has_value());
    QVERIFY(*result.kernelDrops > 0);
    QCOMPARE(result.datagrams.size() + *result.kernelDrops, qint64(Count));
    QVERIFY(result.receiveBufferBytes > 0);
}

void TestKernelDrops::conversationCountsEveryDrop()
{
    constexpr int Count = 5000;
    UdpFlood::FloodingPeer peer(Count);
    ConversationRequest request;
    request.transport = ConversationRequest::Transport::Udp;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QString::number(peer.port());
    Conversation conversation;
    QVERIFY(!conversation.start(request).isError());
    conversation.send("go");
    QCOMPARE(peer.sent(), Count);
    const std::shared_ptr<const ConversationRecord> record = conversation.record();
    QTRY_COMPARE_WITH_TIMEOUT(record->receivedMessages() + record->kernelDrops().value_or(0), qint64(Count), 20000);
    QVERIFY(*record->kernelDrops() > 0);
    conversation.close();
    QTRY_VERIFY_WITH_TIMEOUT(!conversation.isRunning(), 5000);
}

QTEST_GUILESS_MAIN(TestKernelDrops)
#include "tst_kerneldrops.moc"

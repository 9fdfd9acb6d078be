#include "connection/connectionpanel.h"
#include "historytesting.h"
#include "dns/dnspanel.h"
#include "mainwindow.h"
#include "servers/listenerform.h"
#include "servers/listenermodel.h"
#include "servers/serverspanel.h"
#include "udp/udppanel.h"
#include "widgets/targetedit.h"

#include "../core/blockingclient.h"

#include "bytes/bytestore.h"
#include "exchange/exchangerunner.h"
#include "servers/listener.h"
#include "servers/localservers.h"
#include "startandwait.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <memory>
#include <vector>

using namespace SocketLab;

namespace {

QStringList g_messages;

// Any warning Qt or SocketLab prints while the window closes is a defect: a thread destroyed while
// running, a timer on a dead object, a socket notifier on another thread.
void recordMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg)
        g_messages.append(message);
}

// A socket bound to 127.0.0.1 that never answers: TCP connections complete in its backlog, UDP
// datagrams are queued. Exchanges with it wait until they are ended.
class SilentPeer
{
public:
    explicit SilentPeer(int type)
        : m_fd(::socket(AF_INET, type | SOCK_CLOEXEC, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
        if (type == SOCK_STREAM)
            ::listen(m_fd, 64);
        socklen_t length = sizeof address;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &length);
        m_port = ntohs(address.sin_port);
    }
    ~SilentPeer() { ::close(m_fd); }
    SilentPeer(const SilentPeer &) = delete;
    SilentPeer &operator=(const SilentPeer &) = delete;

    quint16 port() const { return m_port; }

private:
    int m_fd;
    quint16 m_port = 0;
};

} // namespace

// Closing the window ends everything it started, at once and cleanly, whatever is running.
class TestWindowClose : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void closingWhileEverythingRunsIsQuickAndQuiet();
};

void TestWindowClose::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

void TestWindowClose::closingWhileEverythingRunsIsQuickAndQuiet()
{
    auto servers = std::make_unique<LocalServers>();
    QVERIFY(!startAndWait(*servers).isError());
    clearHistoryFolder();
    auto window = std::make_unique<MainWindow>(servers.get());
    window->resize(1200, 800);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));

    SilentPeer tcpPeer(SOCK_STREAM);
    SilentPeer udpPeer(SOCK_DGRAM);
    const QString tcpPort = QString::number(tcpPeer.port());

    // The Exchange tab's TCP exchange, waiting for a reply that never comes.
    window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), tcpPort);
    QTest::keyClick(window.get(), Qt::Key_Return, Qt::ControlModifier);

    // The UDP tab's exchange, waiting ten minutes for its answer.
    UdpPanel *udp = window->udpPanel();
    udp->setTarget(QStringLiteral("127.0.0.1"), QString::number(udpPeer.port()));
    udp->waitSpin()->setValue(600000);
    QTest::mouseClick(udp->sendButton(), Qt::LeftButton);
    QVERIFY(udp->isRunning());

    // Eighteen more exchanges on their own worker threads, owned by the window as the panels' are,
    // so that twenty run at once.
    std::vector<std::shared_ptr<ByteStore>> stores;
    for (int i = 0; i < 18; ++i) {
        auto *runner = new ExchangeRunner(window.get());
        TcpRequest request;
        request.host = QStringLiteral("127.0.0.1");
        request.service = tcpPort;
        request.payload = QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n");
        stores.push_back(std::make_shared<ByteStore>());
        QVERIFY(runner->startTcp(request, stores.back()));
    }

    // Five listeners from the Servers tab, a client connected to each.
    ServersPanel *servers5 = window->serversPanel();
    std::vector<std::unique_ptr<BlockingClient>> clients;
    for (int i = 0; i < 5; ++i) {
        const int before = servers5->listenerModel()->rowCount();
        servers5->form()->portSpin()->setValue(0);
        QTest::mouseClick(servers5->form()->startButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(servers5->listenerModel()->rowCount(), before + 1, 10000);
        Listener *listener = servers5->selectedListener();
        QVERIFY(listener);
        QTRY_VERIFY_WITH_TIMEOUT(listener->isRunning() && listener->boundAddress().port() != 0, 10000);
        clients.push_back(std::make_unique<BlockingClient>());
        QVERIFY(clients.back()->connectTo(listener->boundAddress()));
        QVERIFY(clients.back()->sendAll(QByteArrayLiteral("hello\n")));
    }

    // A look-up in the DNS tab.
    auto *host = window->dnsPanel()->findChild<QLineEdit *>(QStringLiteral("host"));
    auto *lookUp = window->dnsPanel()->findChild<QPushButton *>(QStringLiteral("lookUpAddresses"));
    QVERIFY(host && lookUp);
    host->setText(QStringLiteral("localhost"));
    QTest::mouseClick(lookUp, Qt::LeftButton);

    // Everything is under way: the TCP exchanges have connected (their peer never accepts, the
    // kernel completes the handshake), the UDP datagram is out, the clients' bytes are in.
    QTRY_VERIFY(window->connectionPanel()->cancelButton()->isEnabled());
    QVERIFY(udp->isRunning());
    for (const auto &client : clients) {
        char echoed[6];
        QCOMPARE(::recv(client->fd(), echoed, sizeof echoed, MSG_WAITALL), ssize_t(sizeof echoed));
    }

    g_messages.clear();
    const QtMessageHandler previous = qInstallMessageHandler(recordMessage);
    QElapsedTimer clock;
    clock.start();
    window->close();
    window.reset();
    servers.reset();
    const qint64 elapsedMs = clock.elapsed();
    qInstallMessageHandler(previous);

    QVERIFY2(elapsedMs < 2000, qPrintable(QStringLiteral("closing took %1 ms").arg(elapsedMs)));
    QVERIFY2(g_messages.isEmpty(), qPrintable(g_messages.join(QLatin1Char('\n'))));
    // The listeners' end closed their clients' connections: each client reads the end of the
    // stream (0), not a time-out (-1) on a connection left open.
    for (const auto &client : clients) {
        char byte = 0;
        QCOMPARE(::recv(client->fd(), &byte, 1, 0), ssize_t(0));
    }
}

QTEST_MAIN(TestWindowClose)
#include "tst_windowclose.moc"

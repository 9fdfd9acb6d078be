#include "connection/connectionpanel.h"
#include "historytesting.h"
#include "mainwindow.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "request/requesteditor.h"
#include "servers/clientmodel.h"
#include "servers/listenerform.h"
#include "servers/listenermodel.h"
#include "servers/serverspanel.h"
#include "trace/tracemodel.h"
#include "widgets/socketoptionsedit.h"
#include "tls/pinstore.h"
#include "widgets/targetedit.h"
#include "trace/traceview.h"

#include "../core/blockingclient.h"

#include "bytes/bytesource.h"
#include "servers/listener.h"
#include "servers/localservers.h"
#include "text/clocktext.h"
#include "text/stoptext.h"
#include "text/tlstext.h"
#include "text/translations.h"
#include "startandwait.h"
#include "testcertificates.h"
#include "udpflood.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cerrno>

using namespace SocketLab;

namespace {

enum TransportIndex { Tcp, Udp };
enum ModeIndex { Echo, FixedReply, HttpDemo, LogOnly };

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

QStringList traceCalls(const ServersPanel &panel)
{
    QStringList calls;
    for (const TraceEntry &entry : panel.traceView()->traceModel()->entries())
        calls.append(entry.call);
    return calls;
}

QByteArray shownBytes(const ServersPanel &panel)
{
    const std::shared_ptr<const ByteSource> source = panel.hexView()->source();
    return source ? source->read(0, panel.hexView()->size()) : QByteArray();
}

void clickRow(QTableView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

// Start clears the message; the listener's answer, listening or not, writes the next one.
bool waitForStartOutcome(ServersPanel &panel)
{
    return QTest::qWaitFor([&panel] { return !panel.messageLabel()->text().isEmpty(); }, 10000);
}

// Fills the form as a person would, presses Start and waits for the listener to answer; the
// listener it started, or null.
Listener *startFromForm(ServersPanel &panel, int transport, int mode, quint16 port = 0)
{
    ListenerForm *form = panel.form();
    form->transportCombo()->setCurrentIndex(transport);
    form->modeCombo()->setCurrentIndex(mode);
    form->portSpin()->setValue(port);
    const int before = panel.listenerModel()->rowCount();
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    if (!waitForStartOutcome(panel) || panel.listenerModel()->rowCount() != before + 1)
        return nullptr;
    return panel.selectedListener();
}

bool refusesConnections(const SocketAddress &address)
{
    BlockingClient client;
    return !client.connectTo(address) && errno == ECONNREFUSED;
}

} // namespace

class TestServersPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void formDefaultsToLoopbackAndAnyPort();
    void tcpEchoShowsClientBytesAndTrace();
    void selectionSurvivesNewClients();
    void fixedReplySendsTheEditorBytes();
    void logOnlyNeverSends();
    void udpEchoListsItsPeer();
    void httpDemoAnswersGet();
    void httpDemoNeedsTcp();
    void busyPortShowsEaddrinuse_data();
    void busyPortShowsEaddrinuse();
    void allInterfacesWarns_data();
    void allInterfacesWarns();
    void stopRestartRemove();
    void startAnswersLater();
    void embeddedServersStopAndRestart();
    void talkToItEmitsTheAddress_data();
    void talkToItEmitsTheAddress();
    void tlsIsForTcpOnly();
    void tlsPathsGoIntoTheSettings();
    void tlsListenerShowsTlsAndItsFingerprint();
    void talkToATlsListenerTurnsTlsOnWithoutPinning();
    void maxClientsFromTheFormRefusesTheNext();
    void droppedBytesAreSaid();
    void listenerCountsIncludeForgottenClients();
    void tabOrderFollowsTheLayout();
    void languageChangeKeepsTheTexts();
    // Last: it leaves SocketLab's English translation installed, with its plural forms.
    void udpListenerSaysKernelDrops();

private:
    std::unique_ptr<ServersPanel> m_panel;
    QTemporaryDir m_dir;
};

void TestServersPanel::initTestCase()
{
    // The main window of the TLS test reads and writes its settings: never the real ones.
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    // The C locale writes numbers without group separators: stable expectations.
    QLocale::setDefault(QLocale::c());
    // The built-in HTTPS server's certificate goes to the test's data folder, not the person's.
    QStandardPaths::setTestModeEnabled(true);
}

void TestServersPanel::init()
{
    m_panel = std::make_unique<ServersPanel>(nullptr);
    m_panel->resize(1100, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestServersPanel::cleanup()
{
    m_panel.reset();
}

void TestServersPanel::formDefaultsToLoopbackAndAnyPort()
{
    ListenerForm *form = m_panel->form();
    const Listener::Settings settings = form->settings();
    QCOMPARE(settings.transport, Listener::Transport::Tcp);
    QCOMPARE(settings.address.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.address.port(), quint16(0));
    QCOMPARE(settings.mode, Listener::Mode::Echo);
    QVERIFY(form->warningLabel()->isHidden());
    QVERIFY(form->replyEditor()->isHidden());
    QVERIFY(form->startButton()->isEnabled());
    QCOMPARE(m_panel->listenerModel()->rowCount(), 0);
    QVERIFY(!m_panel->stopButton()->isEnabled());
    QVERIFY(!m_panel->talkButton()->isEnabled());
}

void TestServersPanel::tcpEchoShowsClientBytesAndTrace()
{
    Listener *listener = startFromForm(*m_panel, Tcp, Echo);
    QVERIFY(listener);
    QVERIFY(listener->isRunning());
    const SocketAddress bound = listener->boundAddress();
    QCOMPARE(bound.host(), QStringLiteral("127.0.0.1"));
    QVERIFY(bound.port() != 0);
    const ListenerModel *listeners = m_panel->listenerModel();
    QCOMPARE(cell(listeners, 0, ListenerModel::Address), bound.toString());
    QCOMPARE(cell(listeners, 0, ListenerModel::Transport), QStringLiteral("TCP"));
    QCOMPARE(cell(listeners, 0, ListenerModel::Mode), QStringLiteral("Echo"));
    QCOMPARE(cell(listeners, 0, ListenerModel::State), QStringLiteral("Running"));
    QVERIFY(m_panel->messageLabel()->text().contains(bound.toString()));
    QVERIFY(m_panel->stopButton()->isEnabled());
    QVERIFY(m_panel->removeButton()->isEnabled());

    const QByteArray hello("hello\r\n\x00\xff", 9);
    BlockingClient client;
    QVERIFY(client.connectTo(bound));
    const SocketAddress local = client.localAddress();
    QVERIFY(client.sendAll(hello));
    QCOMPARE(client.receiveExactly(hello.size()), hello);
    client.close();

    const ClientModel *clients = m_panel->clientModel();
    QTRY_COMPARE(clients->rowCount(), 1);
    QTRY_COMPARE(cell(clients, 0, ClientModel::State), QStringLiteral("Closed"));
    QCOMPARE(cell(clients, 0, ClientModel::Peer), local.toString());
    QCOMPARE(cell(clients, 0, ClientModel::BytesIn), QStringLiteral("9"));
    QCOMPARE(cell(clients, 0, ClientModel::BytesOut), QStringLiteral("9"));
    QCOMPARE(cell(clients, 0, ClientModel::Error), QString());
    QCOMPARE(cell(listeners, 0, ListenerModel::Clients), QStringLiteral("1"));
    QCOMPARE(cell(listeners, 0, ListenerModel::Open), QStringLiteral("0"));
    QCOMPARE(cell(listeners, 0, ListenerModel::BytesIn), QStringLiteral("9"));
    QCOMPARE(cell(listeners, 0, ListenerModel::BytesOut), QStringLiteral("9"));

    QCOMPARE(m_panel->hexView()->size(), 0);
    clickRow(m_panel->clientsView(), 0);
    QCOMPARE(m_panel->selectedClient(), std::optional<quint64>(clients->clientAt(0).id));
    QCOMPARE(shownBytes(*m_panel), hello);
    QCOMPARE(m_panel->textView()->size(), hello.size());
    QVERIFY(m_panel->hexView()->segmentDescription(0).startsWith(QStringLiteral("recv #1")));

    QTest::mouseClick(m_panel->sentButton(), Qt::LeftButton);
    QVERIFY(m_panel->sentButton()->isChecked());
    QCOMPARE(shownBytes(*m_panel), hello);
    QVERIFY(m_panel->hexView()->segmentDescription(0).startsWith(QStringLiteral("send #1")));

    const QStringList calls = traceCalls(*m_panel);
    for (const char *call : {"socket", "bind", "listen", "accept4", "recv", "send", "close"})
        QVERIFY2(calls.contains(QLatin1String(call)), call);
    QVERIFY(calls.indexOf(QStringLiteral("bind")) < calls.indexOf(QStringLiteral("listen")));
    QVERIFY(calls.indexOf(QStringLiteral("listen")) < calls.indexOf(QStringLiteral("accept4")));
    QVERIFY(calls.indexOf(QStringLiteral("accept4")) < calls.lastIndexOf(QStringLiteral("close")));
}

void TestServersPanel::selectionSurvivesNewClients()
{
    Listener *listener = startFromForm(*m_panel, Tcp, Echo);
    QVERIFY(listener);
    const ClientModel *clients = m_panel->clientModel();
    QSignalSpy resets(clients, &QAbstractItemModel::modelReset);
    QSignalSpy inserts(clients, &QAbstractItemModel::rowsInserted);

    BlockingClient first;
    QVERIFY(first.connectTo(listener->boundAddress()));
    QVERIFY(first.sendAll("first"));
    QCOMPARE(first.receiveExactly(5), QByteArray("first"));
    QTRY_COMPARE(clients->rowCount(), 1);
    QTRY_COMPARE(cell(clients, 0, ClientModel::BytesOut), QStringLiteral("5"));
    clickRow(m_panel->clientsView(), 0);
    const quint64 firstId = clients->clientAt(0).id;
    QCOMPARE(shownBytes(*m_panel), QByteArray("first"));

    BlockingClient second;
    QVERIFY(second.connectTo(listener->boundAddress()));
    QVERIFY(second.sendAll("second"));
    QCOMPARE(second.receiveExactly(6), QByteArray("second"));
    QVERIFY(first.sendAll("+more"));
    QCOMPARE(first.receiveExactly(5), QByteArray("+more"));
    QTRY_COMPARE(clients->rowCount(), 2);
    QTRY_COMPARE(cell(clients, 0, ClientModel::BytesIn), QStringLiteral("10"));

    // Rows came in one by one and the selected client stayed selected, its new bytes shown.
    QCOMPARE(resets.count(), 0);
    QVERIFY(inserts.count() >= 2);
    QCOMPARE(m_panel->selectedClient(), std::optional<quint64>(firstId));
    QTRY_COMPARE(shownBytes(*m_panel), QByteArray("first+more"));
    QCOMPARE(m_panel->hexView()->segmentDescription(5).left(7), QStringLiteral("recv #2"));
}

void TestServersPanel::fixedReplySendsTheEditorBytes()
{
    ListenerForm *form = m_panel->form();
    form->modeCombo()->setCurrentIndex(FixedReply);
    QVERIFY(form->replyEditor()->isVisible());
    auto *edit = form->replyEditor()->findChild<QPlainTextEdit *>(QStringLiteral("requestText"));
    QVERIFY(edit);
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("HTTP/1.0 200 OK\\r\\n\\r\\nhi\\x00"));
    const QByteArray reply("HTTP/1.0 200 OK\r\n\r\nhi\x00", 22);
    QCOMPARE(form->replyEditor()->bytes(), reply);
    QTest::mouseClick(form->closeAfterReplyCheck(), Qt::LeftButton);
    QVERIFY(form->closeAfterReplyCheck()->isChecked());

    Listener *listener = startFromForm(*m_panel, Tcp, FixedReply);
    QVERIFY(listener);
    QCOMPARE(listener->settings().fixedReply, reply);
    BlockingClient client;
    QVERIFY(client.connectTo(listener->boundAddress()));
    QVERIFY(client.sendAll("GET / HTTP/1.0\r\n\r\n"));
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), reply);
    QVERIFY(closed);
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), QString::number(reply.size()));
}

void TestServersPanel::logOnlyNeverSends()
{
    Listener *listener = startFromForm(*m_panel, Tcp, LogOnly);
    QVERIFY(listener);
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Mode), QStringLiteral("Log only"));
    BlockingClient client;
    QVERIFY(client.connectTo(listener->boundAddress()));
    QVERIFY(client.sendAll("abc"));
    client.shutdownWrite();
    bool closed = false;
    QCOMPARE(client.receiveUntilClosed(&closed), QByteArray());
    QVERIFY(closed);

    const ClientModel *clients = m_panel->clientModel();
    QTRY_COMPARE(cell(clients, 0, ClientModel::State), QStringLiteral("Closed"));
    QCOMPARE(cell(clients, 0, ClientModel::BytesIn), QStringLiteral("3"));
    QCOMPARE(cell(clients, 0, ClientModel::BytesOut), QStringLiteral("0"));
    clickRow(m_panel->clientsView(), 0);
    QCOMPARE(shownBytes(*m_panel), QByteArray("abc"));
    QTest::mouseClick(m_panel->sentButton(), Qt::LeftButton);
    QCOMPARE(m_panel->hexView()->size(), 0);
    QVERIFY(!traceCalls(*m_panel).contains(QStringLiteral("send")));
}

void TestServersPanel::udpEchoListsItsPeer()
{
    Listener *listener = startFromForm(*m_panel, Udp, Echo);
    QVERIFY(listener);
    const SocketAddress bound = listener->boundAddress();
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Transport), QStringLiteral("UDP"));

    BlockingClient client(SOCK_DGRAM);
    QVERIFY(client.sendTo("ping", bound));
    SocketAddress from;
    qint64 size = 0;
    QCOMPARE(client.receiveFrom(&from, &size), QByteArray("ping"));
    QCOMPARE(from, bound);
    QVERIFY(client.sendTo("pong!", bound));
    QCOMPARE(client.receiveFrom(&from, &size), QByteArray("pong!"));

    const ClientModel *clients = m_panel->clientModel();
    QCOMPARE(clients->headerData(ClientModel::Peer, Qt::Horizontal).toString(), QStringLiteral("Sender"));
    QTRY_COMPARE(clients->rowCount(), 1);
    QTRY_COMPARE(cell(clients, 0, ClientModel::BytesOut), QStringLiteral("9"));
    // The client's socket is bound to any address; the listener saw it come from loopback.
    QCOMPARE(cell(clients, 0, ClientModel::Peer), QStringLiteral("127.0.0.1:%1").arg(client.localAddress().port()));
    QCOMPARE(cell(clients, 0, ClientModel::BytesIn), QStringLiteral("9"));
    // A sender has no connection to be "Open": its state is when it last sent, as the locale writes times.
    const Listener::Client sender = clients->clientAt(0);
    QVERIFY(sender.lastDatagramAt.isValid());
    QVERIFY(sender.lastDatagramAt >= sender.connectedAt);
    QCOMPARE(cell(clients, 0, ClientModel::State),
             ClientModel::tr("Last datagram %1").arg(clockTime(sender.lastDatagramAt.toLocalTime().time(), true)));
    QCOMPARE(cell(clients, 0, ClientModel::ConnectedAt), clockTime(sender.connectedAt.toLocalTime().time(), true));
    // The column is as wide as such a state.
    const QFontMetrics metrics = m_panel->clientsView()->fontMetrics();
    QVERIFY(m_panel->clientsView()->columnWidth(ClientModel::State)
            >= metrics.horizontalAdvance(cell(clients, 0, ClientModel::State)));
    clickRow(m_panel->clientsView(), 0);
    QCOMPARE(shownBytes(*m_panel), QByteArray("pingpong!"));
    QVERIFY(m_panel->hexView()->segmentDescription(4).startsWith(QStringLiteral("datagram #2")));
    QVERIFY(traceCalls(*m_panel).contains(QStringLiteral("recvmmsg")));
}

void TestServersPanel::udpListenerSaysKernelDrops()
{
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    Listener *listener = startFromForm(*m_panel, Udp, LogOnly);
    QVERIFY(listener);
    const ListenerModel *listeners = m_panel->listenerModel();
    const int row = listeners->rowOf(listener);
    QCOMPARE(cell(listeners, row, ListenerModel::State), QStringLiteral("Running"));
    QCOMPARE(listeners->index(row, ListenerModel::State).data(Qt::ToolTipRole).toString(),
             QStringLiteral("The kernel has dropped no datagram: the receive buffer never overflowed."));
    // A receive buffer with room for a few datagrams, and a flood: the reader cannot keep up.
    QVERIFY(UdpFlood::shrinkReceiveBuffer(listener->boundAddress()));
    constexpr int Count = 20000;
    QCOMPARE(UdpFlood::send(listener->boundAddress(), Count), Count);
    QTRY_COMPARE_WITH_TIMEOUT(listener->totals().datagrams + listener->totals().kernelDrops.value_or(0), qint64(Count), 20000);
    const Listener::Totals totals = listener->totals();
    QVERIFY(*totals.kernelDrops > 1);
    const QString drops = QLocale().toString(*totals.kernelDrops);
    QTRY_COMPARE(cell(listeners, row, ListenerModel::State), QStringLiteral("Running, %1 datagrams dropped").arg(drops));
    QCOMPARE(listeners->index(row, ListenerModel::State).data(Qt::ToolTipRole).toString(),
             QStringLiteral("The kernel dropped %1 datagrams: the receive buffer (%2) was full; raise SO_RCVBUF (rcvbuf=%3).")
                 .arg(drops, byteCount(totals.receiveBufferBytes))
                 .arg(2 * totals.receiveBufferBytes));

    QVERIFY(Translations::install(QStringLiteral("fr")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    const QString frenchDrops = QLocale().toString(*totals.kernelDrops);
    const QString state = cell(listeners, row, ListenerModel::State);
    const QString tip = listeners->index(row, ListenerModel::State).data(Qt::ToolTipRole).toString();
    const QString frenchBuffer = byteCount(totals.receiveBufferBytes);
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(state, QStringLiteral("En marche, %1 datagrammes jetés").arg(frenchDrops));
    QCOMPARE(tip, QStringLiteral("Le noyau a jeté %1 datagrammes\u00a0: le tampon de réception (%2) était plein\u202f; "
                                 "augmentez SO_RCVBUF (rcvbuf=%3).")
                      .arg(frenchDrops, frenchBuffer)
                      .arg(2 * totals.receiveBufferBytes));
}

void TestServersPanel::httpDemoAnswersGet()
{
    Listener *listener = startFromForm(*m_panel, Tcp, HttpDemo);
    QVERIFY(listener);
    BlockingClient client;
    QVERIFY(client.connectTo(listener->boundAddress()));
    QVERIFY(client.sendAll("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"));
    bool closed = false;
    const QByteArray response = client.receiveUntilClosed(&closed);
    QVERIFY(closed);
    QVERIFY(response.startsWith("HTTP/1.1 200 OK\r\n"));
    QVERIFY(response.contains("Content-Length:"));
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), QString::number(response.size()));
}

void TestServersPanel::httpDemoNeedsTcp()
{
    ListenerForm *form = m_panel->form();
    form->modeCombo()->setCurrentIndex(HttpDemo);
    QVERIFY(form->startButton()->isEnabled());
    form->transportCombo()->setCurrentIndex(Udp);
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(form->problemLabel()->isVisible());
    QVERIFY(form->problemLabel()->text().contains(QStringLiteral("TCP")));
    QVERIFY(!m_panel->startListener());
    QCOMPARE(m_panel->listenerModel()->rowCount(), 0);
    form->transportCombo()->setCurrentIndex(Tcp);
    QVERIFY(form->startButton()->isEnabled());
    QVERIFY(form->problemLabel()->isHidden());
}

void TestServersPanel::busyPortShowsEaddrinuse_data()
{
    QTest::addColumn<int>("transport");
    QTest::newRow("TCP") << int(Tcp);
    QTest::newRow("UDP") << int(Udp);
}

void TestServersPanel::busyPortShowsEaddrinuse()
{
    QFETCH(int, transport);
    Listener *first = startFromForm(*m_panel, transport, LogOnly);
    QVERIFY(first);
    const quint16 port = first->boundAddress().port();

    QVERIFY(!startFromForm(*m_panel, transport, LogOnly, port));
    QCOMPARE(m_panel->listenerModel()->rowCount(), 1);
    const QString message = m_panel->messageLabel()->text();
    QVERIFY2(message.contains(QStringLiteral("EADDRINUSE")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("bind")), qPrintable(message));
    // The error inside the panel's sentence: its code once, no second capital, colon or period.
    QVERIFY2(message.startsWith(QStringLiteral("Could not start the listener: address already in use (EADDRINUSE) during bind() on ")),
             qPrintable(message));
    QCOMPARE(message.count(QStringLiteral("EADDRINUSE")), 1);
    QVERIFY2(message.endsWith(u'.') && !message.endsWith(QStringLiteral("..")), qPrintable(message));
    QVERIFY(m_panel->messageLabel()->isVisible());
    // The form is as it was, for a second try on another port.
    ListenerForm *form = m_panel->form();
    QCOMPARE(form->portSpin()->value(), int(port));
    QCOMPARE(form->transportCombo()->currentIndex(), transport);
    QCOMPARE(form->modeCombo()->currentIndex(), int(LogOnly));
    QVERIFY(first->isRunning());
    QCOMPARE(m_panel->selectedListener(), first);

    form->portSpin()->setValue(0);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QVERIFY(waitForStartOutcome(*m_panel));
    QCOMPARE(m_panel->listenerModel()->rowCount(), 2);
    QVERIFY(!m_panel->messageLabel()->text().contains(QStringLiteral("EADDRINUSE")));
}

void TestServersPanel::allInterfacesWarns_data()
{
    QTest::addColumn<int>("choice");
    QTest::addColumn<QString>("host");
    QTest::addColumn<bool>("warned");
    QTest::newRow("127.0.0.1") << int(ListenerForm::LoopbackV4) << QStringLiteral("127.0.0.1") << false;
    QTest::newRow("::1") << int(ListenerForm::LoopbackV6) << QStringLiteral("::1") << false;
    QTest::newRow("0.0.0.0") << int(ListenerForm::AllInterfacesV4) << QStringLiteral("0.0.0.0") << true;
    QTest::newRow("::") << int(ListenerForm::AllInterfacesV6) << QStringLiteral("::") << true;
}

void TestServersPanel::allInterfacesWarns()
{
    QFETCH(int, choice);
    QFETCH(QString, host);
    QFETCH(bool, warned);
    ListenerForm *form = m_panel->form();
    QComboBox *address = form->addressCombo();
    address->setFocus();
    for (int i = 0; i < choice; ++i)
        QTest::keyClick(address, Qt::Key_Down);
    QCOMPARE(address->currentIndex(), choice);
    QCOMPARE(form->warningLabel()->isVisible(), warned);
    QCOMPARE(form->isAllInterfaces(), warned);
    if (warned)
        QVERIFY(form->warningLabel()->text().contains(QStringLiteral("Other machines on your network can reach this server")));
    QCOMPARE(form->settings().address.host(), host);
    QVERIFY(form->startButton()->isEnabled());
}

void TestServersPanel::stopRestartRemove()
{
    Listener *listener = startFromForm(*m_panel, Tcp, Echo);
    QVERIFY(listener);
    const SocketAddress bound = listener->boundAddress();
    const ListenerModel *listeners = m_panel->listenerModel();

    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(!listener->isRunning());
    QCOMPARE(cell(listeners, 0, ListenerModel::State), QStringLiteral("Stopped"));
    QCOMPARE(cell(listeners, 0, ListenerModel::Address), bound.toString());
    QVERIFY(!m_panel->stopButton()->isEnabled());
    QVERIFY(!m_panel->talkButton()->isEnabled());
    QVERIFY(refusesConnections(bound));

    QTest::mouseClick(m_panel->restartButton(), Qt::LeftButton);
    QVERIFY(waitForStartOutcome(*m_panel));
    QVERIFY(listener->isRunning());
    QCOMPARE(listener->boundAddress(), bound);
    QCOMPARE(cell(listeners, 0, ListenerModel::State), QStringLiteral("Running"));
    BlockingClient client;
    QVERIFY(client.connectTo(bound));
    QVERIFY(client.sendAll("again"));
    QCOMPARE(client.receiveExactly(5), QByteArray("again"));
    client.close();

    QVERIFY(m_panel->removeButton()->isEnabled());
    QTest::mouseClick(m_panel->removeButton(), Qt::LeftButton);
    QCOMPARE(listeners->rowCount(), 0);
    QVERIFY(!m_panel->selectedListener());
    QCOMPARE(m_panel->clientModel()->rowCount(), 0);
    QVERIFY(!m_panel->restartButton()->isEnabled());
    QVERIFY(refusesConnections(bound));
}

void TestServersPanel::startAnswersLater()
{
    ListenerForm *form = m_panel->form();
    form->transportCombo()->setCurrentIndex(Tcp);
    form->modeCombo()->setCurrentIndex(Echo);
    form->portSpin()->setValue(0);
    QVERIFY(m_panel->startListener());
    // The bind happens on the listener's thread: the window has not waited, and lists nothing yet.
    QCOMPARE(m_panel->listenerModel()->rowCount(), 0);
    QVERIFY(m_panel->messageLabel()->text().isEmpty());

    QVERIFY(waitForStartOutcome(*m_panel));
    QCOMPARE(m_panel->listenerModel()->rowCount(), 1);
    Listener *listener = m_panel->selectedListener();
    QVERIFY(listener);
    QVERIFY(listener->isRunning());
    const QString message = m_panel->messageLabel()->text();
    QVERIFY2(message.contains(listener->boundAddress().toString()), qPrintable(message));
    QVERIFY(m_panel->stopButton()->isEnabled());
}

void TestServersPanel::embeddedServersStopAndRestart()
{
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    m_panel = std::make_unique<ServersPanel>(&servers);
    m_panel->show();
    QSignalSpy changed(m_panel.get(), &ServersPanel::embeddedServersChanged);
    const ListenerModel *listeners = m_panel->listenerModel();
    QCOMPARE(listeners->rowCount(), 4);
    QCOMPARE(cell(listeners, 0, ListenerModel::Name), QStringLiteral("Built-in HTTP demo"));
    QCOMPARE(cell(listeners, 0, ListenerModel::Address), servers.httpAddress().toString());
    QCOMPARE(cell(listeners, 1, ListenerModel::Name), QStringLiteral("Built-in HTTPS demo"));
    QCOMPARE(cell(listeners, 1, ListenerModel::Address), servers.httpsAddress().toString());
    QCOMPARE(cell(listeners, 2, ListenerModel::Name), QStringLiteral("Built-in TCP echo"));
    QCOMPARE(cell(listeners, 2, ListenerModel::Address), servers.tcpEchoAddress().toString());
    QCOMPARE(cell(listeners, 3, ListenerModel::Name), QStringLiteral("Built-in UDP echo"));
    QCOMPARE(cell(listeners, 3, ListenerModel::Transport), QStringLiteral("UDP"));
    QCOMPARE(cell(listeners, 3, ListenerModel::Address), servers.udpEchoAddress().toString());

    const SocketAddress echo = servers.tcpEchoAddress();
    clickRow(m_panel->listenersView(), 2);
    QCOMPARE(m_panel->selectedListener(), servers.tcpEcho());
    QVERIFY(!m_panel->removeButton()->isEnabled());
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(!servers.isRunning());
    QVERIFY(servers.http()->isRunning());
    QCOMPARE(cell(listeners, 2, ListenerModel::State), QStringLiteral("Stopped"));
    QVERIFY(refusesConnections(echo));
    QCOMPARE(changed.count(), 1);

    QTest::mouseClick(m_panel->restartButton(), Qt::LeftButton);
    // Restarting is asynchronous: the window hears of it once the server listens again.
    QCOMPARE(changed.count(), 1);
    QVERIFY(changed.wait(10000));
    QVERIFY(servers.isRunning());
    QCOMPARE(servers.tcpEchoAddress(), echo);
    QCOMPARE(changed.count(), 2);
    BlockingClient client;
    QVERIFY(client.connectTo(echo));
    QVERIFY(client.sendAll("back"));
    QCOMPARE(client.receiveExactly(4), QByteArray("back"));
    QTRY_COMPARE(m_panel->clientModel()->rowCount(), 1);

    QTest::mouseClick(m_panel->removeButton(), Qt::LeftButton);
    QCOMPARE(listeners->rowCount(), 4);

    QVERIFY(m_panel->selectListener(servers.udpEcho()));
    QSignalSpy talk(m_panel.get(), &ServersPanel::useListener);
    QTest::mouseClick(m_panel->talkButton(), Qt::LeftButton);
    QCOMPARE(talk.count(), 1);
    QCOMPARE(talk.at(0).at(0).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(talk.at(0).at(1).value<quint16>(), servers.udpEchoAddress().port());
    QCOMPARE(talk.at(0).at(2).value<Listener::Settings>().transport, Listener::Transport::Udp);
    m_panel.reset();
}

void TestServersPanel::talkToItEmitsTheAddress_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<int>("address");
    QTest::newRow("TCP 127.0.0.1") << int(Tcp) << int(ListenerForm::LoopbackV4);
    QTest::newRow("UDP 127.0.0.1") << int(Udp) << int(ListenerForm::LoopbackV4);
    QTest::newRow("TCP ::1") << int(Tcp) << int(ListenerForm::LoopbackV6);
}

void TestServersPanel::talkToItEmitsTheAddress()
{
    QFETCH(int, transport);
    QFETCH(int, address);
    m_panel->form()->addressCombo()->setCurrentIndex(address);
    Listener *listener = startFromForm(*m_panel, transport, Echo);
    QVERIFY(listener);
    QSignalSpy talk(m_panel.get(), &ServersPanel::useListener);
    QVERIFY(m_panel->talkButton()->isEnabled());
    QTest::mouseClick(m_panel->talkButton(), Qt::LeftButton);
    QCOMPARE(talk.count(), 1);
    QCOMPARE(talk.at(0).at(0).toString(), listener->boundAddress().host());
    QCOMPARE(talk.at(0).at(1).value<quint16>(), listener->boundAddress().port());
    // The listener's settings come along: "Talk to it" fits the request and the stop rule to them.
    const auto settings = talk.at(0).at(2).value<Listener::Settings>();
    QCOMPARE(settings.transport == Listener::Transport::Udp, transport == Udp);
    QCOMPARE(settings.mode, Listener::Mode::Echo);
    QVERIFY(talk.at(0).at(1).value<quint16>() != 0);
}

void TestServersPanel::tlsIsForTcpOnly()
{
    ListenerForm *form = m_panel->form();
    QVERIFY(form->tlsCheck()->isVisible());
    QVERIFY(form->tlsCheck()->isEnabled());
    QVERIFY(!form->tlsCheck()->isChecked());
    QVERIFY(!form->settings().tls);
    // The paths wait for TLS; empty, they say what empty means.
    QVERIFY(!form->certificateEdit()->isEnabled());
    QVERIFY(!form->keyBrowseButton()->isEnabled());
    QVERIFY(form->certificateEdit()->placeholderText().contains(QStringLiteral("Self-signed for localhost")));
    QTest::mouseClick(form->tlsCheck(), Qt::LeftButton);
    QVERIFY(form->settings().tls);
    QVERIFY(form->certificateEdit()->isEnabled());
    QVERIFY(form->keyEdit()->isEnabled());
    QVERIFY(form->certificateBrowseButton()->isEnabled());
    QVERIFY(form->keyBrowseButton()->isEnabled());

    form->transportCombo()->setCurrentIndex(Udp);
    QVERIFY(!form->tlsCheck()->isEnabled());
    QVERIFY2(form->tlsCheck()->toolTip().contains(QStringLiteral("TLS needs TCP")), qPrintable(form->tlsCheck()->toolTip()));
    QVERIFY(!form->certificateEdit()->isEnabled());
    QVERIFY(!form->settings().tls);
    // A UDP echo starts as it always did, without TLS.
    Listener *listener = startFromForm(*m_panel, Udp, Echo);
    QVERIFY(listener);
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Transport), QStringLiteral("UDP"));

    form->transportCombo()->setCurrentIndex(Tcp);
    QVERIFY(form->tlsCheck()->isEnabled());
    QVERIFY(form->settings().tls);
}

void TestServersPanel::tlsPathsGoIntoTheSettings()
{
    ListenerForm *form = m_panel->form();
    form->tlsCheck()->setChecked(true);
    QVERIFY(form->settings().certPath.isEmpty() && form->settings().keyPath.isEmpty());
    QVERIFY(form->startButton()->isEnabled());

    QTest::keyClicks(form->certificateEdit(), QStringLiteral("/srv/tls/cert.pem"));
    // A certificate without its key cannot start.
    QVERIFY(!form->startButton()->isEnabled());
    QVERIFY(form->problemLabel()->isVisible());
    QVERIFY(form->problemLabel()->text().contains(QStringLiteral("certificate and its key")));
    QTest::keyClicks(form->keyEdit(), QStringLiteral("/srv/tls/key.pem"));
    QVERIFY(form->startButton()->isEnabled());
    const Listener::Settings settings = form->settings();
    QVERIFY(settings.tls);
    QCOMPARE(settings.certPath, QStringLiteral("/srv/tls/cert.pem"));
    QCOMPARE(settings.keyPath, QStringLiteral("/srv/tls/key.pem"));

    // Without TLS the paths stay in the form and out of the settings.
    form->tlsCheck()->setChecked(false);
    QVERIFY(!form->settings().tls);
    QVERIFY(form->settings().certPath.isEmpty());
    QCOMPARE(form->certificateEdit()->text(), QStringLiteral("/srv/tls/cert.pem"));

    // A file that is not there: the start fails with the file named, and nothing is listed.
    form->tlsCheck()->setChecked(true);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QVERIFY(waitForStartOutcome(*m_panel));
    QCOMPARE(m_panel->listenerModel()->rowCount(), 0);
    QVERIFY2(m_panel->messageLabel()->text().contains(QStringLiteral("/srv/tls/cert.pem")),
             qPrintable(m_panel->messageLabel()->text()));
}

void TestServersPanel::tlsListenerShowsTlsAndItsFingerprint()
{
    TestCertificates certs(m_dir.path());
    const TestCertificates::Issued issued = certs.selfSigned(QStringLiteral("panel"), {});
    ListenerForm *form = m_panel->form();
    form->tlsCheck()->setChecked(true);
    form->certificateEdit()->setText(issued.certPath);
    form->keyEdit()->setText(issued.keyPath);
    Listener *listener = startFromForm(*m_panel, Tcp, HttpDemo);
    QVERIFY2(listener, qPrintable(m_panel->messageLabel()->text()));
    QVERIFY(listener->settings().tls);
    QCOMPARE(listener->certificateSha256(), issued.sha256);

    const QString fingerprint = TlsText::fingerprint(issued.sha256);
    const ListenerModel *listeners = m_panel->listenerModel();
    QCOMPARE(cell(listeners, 0, ListenerModel::Transport), QStringLiteral("TCP+TLS"));
    const QString tip = listeners->index(0, ListenerModel::Transport).data(Qt::ToolTipRole).toString();
    QVERIFY2(tip.contains(fingerprint), qPrintable(tip));
    // The message can be selected and copied: the fingerprint is there too.
    QVERIFY2(m_panel->messageLabel()->text().contains(QStringLiteral("TCP+TLS")) &&
                 m_panel->messageLabel()->text().contains(fingerprint),
             qPrintable(m_panel->messageLabel()->text()));

    // Stopped, the row still says what it serves; the fingerprint comes back with the restart.
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QCOMPARE(cell(listeners, 0, ListenerModel::Transport), QStringLiteral("TCP+TLS"));
    QVERIFY(!listeners->index(0, ListenerModel::Transport).data(Qt::ToolTipRole).toString().contains(fingerprint));
    QTest::mouseClick(m_panel->restartButton(), Qt::LeftButton);
    QTRY_VERIFY(listener->isRunning());
    QVERIFY(listeners->index(0, ListenerModel::Transport).data(Qt::ToolTipRole).toString().contains(fingerprint));

    QSignalSpy talk(m_panel.get(), &ServersPanel::useListener);
    QTest::mouseClick(m_panel->talkButton(), Qt::LeftButton);
    QCOMPARE(talk.count(), 1);
    QVERIFY(talk.at(0).at(2).value<Listener::Settings>().tls);
}

void TestServersPanel::talkToATlsListenerTurnsTlsOnWithoutPinning()
{
    m_panel.reset();
    QSettings().clear();
    clearHistoryFolder();
    MainWindow window(nullptr);
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ServersPanel *panel = window.serversPanel();
    window.tools()->setCurrentWidget(panel);
    ConnectionPanel *connection = window.connectionPanel();

    TestCertificates certs(m_dir.path());
    const TestCertificates::Issued issued = certs.selfSigned(QStringLiteral("window"), {});
    panel->form()->tlsCheck()->setChecked(true);
    panel->form()->certificateEdit()->setText(issued.certPath);
    panel->form()->keyEdit()->setText(issued.keyPath);
    Listener *tls = startFromForm(*panel, Tcp, HttpDemo);
    QVERIFY2(tls, qPrintable(panel->messageLabel()->text()));
    panel->form()->tlsCheck()->setChecked(false);
    Listener *plain = startFromForm(*panel, Tcp, Echo);
    QVERIFY(plain);

    QVERIFY(!connection->tlsCheck()->isChecked());
    QVERIFY(panel->selectListener(tls));
    QTest::mouseClick(panel->talkButton(), Qt::LeftButton);
    QCOMPARE(window.tools()->currentIndex(), 0);
    QCOMPARE(connection->targetEdit()->portEdit()->text(), QString::number(tls->boundAddress().port()));
    QVERIFY(connection->tlsCheck()->isChecked());
    // Nothing is trusted for the person: the certificate is shown and pinned only when they say so.
    const ConnectionSettings settings = connection->settings();
    QVERIFY(settings.tls);
    QVERIFY(PinStore::pins().isEmpty());

    window.tools()->setCurrentWidget(panel);
    QVERIFY(panel->selectListener(plain));
    QTest::mouseClick(panel->talkButton(), Qt::LeftButton);
    QVERIFY(!connection->tlsCheck()->isChecked());
}

void TestServersPanel::maxClientsFromTheFormRefusesTheNext()
{
    ListenerForm *form = m_panel->form();
    QCOMPARE(form->maxClientsSpin()->value(), 64);
    form->maxClientsSpin()->setValue(1);
    Listener *listener = startFromForm(*m_panel, Tcp, Echo);
    QVERIFY(listener);
    QCOMPARE(listener->settings().maxClients, 1);
    BlockingClient served;
    QVERIFY(served.connectTo(listener->boundAddress()));
    QVERIFY(served.sendAll("in"));
    QCOMPARE(served.receiveExactly(2), QByteArray("in"));
    BlockingClient refused;
    QVERIFY(refused.connectTo(listener->boundAddress()));
    bool eof = false;
    QCOMPARE(refused.receiveUntilClosed(&eof), QByteArray());
    QVERIFY(eof);

    const ClientModel *clients = m_panel->clientModel();
    QTRY_COMPARE(clients->rowCount(), 2);
    QCOMPARE(cell(clients, 0, ClientModel::State), QStringLiteral("Open"));
    QCOMPARE(cell(clients, 1, ClientModel::State), QStringLiteral("Refused"));
    QCOMPARE(cell(clients, 1, ClientModel::Peer), refused.localAddress().toString());
    QVERIFY(clients->index(1, ClientModel::State).data(Qt::ToolTipRole).toString().contains(QStringLiteral("maximum")));
    clickRow(m_panel->clientsView(), 1);
    const auto labels = m_panel->findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *label) {
        return label->text().contains(QStringLiteral("was refused"));
    }));
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Clients), QStringLiteral("2"));
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Open), QStringLiteral("1"));
    QVERIFY(m_panel->listenerModel()->index(0, ListenerModel::Clients).data(Qt::ToolTipRole).toString().contains(
        QStringLiteral("1 of them refused")));
}

void TestServersPanel::droppedBytesAreSaid()
{
    ListenerForm *form = m_panel->form();
    QCOMPARE(form->captureBudgetSpin()->value(), 64);
    form->captureBudgetSpin()->setValue(1);
    Listener *listener = startFromForm(*m_panel, Tcp, LogOnly);
    QVERIFY(listener);
    QCOMPARE(listener->settings().captureBudget, qint64(1024 * 1024));
    const QByteArray bytes(700000, 'b');
    for (int i = 0; i < 2; ++i) {
        BlockingClient client;
        QVERIFY(client.connectTo(listener->boundAddress()));
        QVERIFY(client.sendAll(bytes));
        client.shutdownWrite();
        bool eof = false;
        client.receiveUntilClosed(&eof);
        QVERIFY(eof);
    }
    const ClientModel *clients = m_panel->clientModel();
    QTRY_COMPARE(clients->rowCount(), 2);
    QTRY_COMPARE(cell(clients, 1, ClientModel::BytesIn), QStringLiteral("700000"));
    QTRY_COMPARE(cell(clients, 0, ClientModel::BytesIn), QStringLiteral("700000"));
    QVERIFY(clients->index(0, ClientModel::BytesIn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("dropped")));
    QVERIFY(!clients->index(1, ClientModel::BytesIn).data(Qt::ToolTipRole).toString().contains(QStringLiteral("dropped")));
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::BytesIn), QStringLiteral("1400000"));

    // The older client's bytes went to the newer one: said above its (empty) bytes.
    const auto trafficText = [this] {
        for (const QLabel *label : m_panel->findChildren<QLabel *>()) {
            if (label->text().contains(QStringLiteral("Received from client")))
                return label->text();
        }
        return QString();
    };
    clickRow(m_panel->clientsView(), 0);
    QVERIFY2(trafficText().contains(QStringLiteral("Bytes dropped")), qPrintable(trafficText()));
    QCOMPARE(m_panel->hexView()->size(), 0);
    clickRow(m_panel->clientsView(), 1);
    QVERIFY2(!trafficText().contains(QStringLiteral("dropped")), qPrintable(trafficText()));
    QCOMPARE(shownBytes(*m_panel), bytes);
}

void TestServersPanel::listenerCountsIncludeForgottenClients()
{
    // The table keeps the newest closed clients; the listener's row counts them all.
    Listener listener;
    Listener::Settings settings;
    settings.maxClosedClients = 2;
    QVERIFY(!startAndWait(listener, settings).isError());
    QSignalSpy closed(&listener, &Listener::clientClosed);
    for (int i = 0; i < 4; ++i) {
        BlockingClient client;
        QVERIFY(client.connectTo(listener.boundAddress()));
        QVERIFY(client.sendAll("1234"));
        QCOMPARE(client.receiveExactly(4), QByteArray("1234"));
        client.close();
        QTRY_COMPARE(closed.size(), i + 1);
    }
    QCOMPARE(listener.clients().size(), 2);
    ListenerModel model;
    model.addListener(&listener, ListenerModel::Origin::User);
    QCOMPARE(cell(&model, 0, ListenerModel::Clients), QStringLiteral("4"));
    QCOMPARE(cell(&model, 0, ListenerModel::Open), QStringLiteral("0"));
    QCOMPARE(cell(&model, 0, ListenerModel::BytesIn), QStringLiteral("16"));
    QCOMPARE(cell(&model, 0, ListenerModel::BytesOut), QStringLiteral("16"));
}

void TestServersPanel::tabOrderFollowsTheLayout()
{
    QVERIFY(startFromForm(*m_panel, Tcp, Echo));
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    ListenerForm *form = m_panel->form();
    form->transportCombo()->setFocus();
    const QList<QWidget *> expected = {
        form->transportCombo(), form->addressCombo(), form->portSpin(), form->modeCombo(), form->maxClientsSpin(),
        form->captureBudgetSpin(), form->startButton(),
        form->tlsCheck(), form->socketOptionsEdit()->foldButton(), m_panel->listenersView(), m_panel->stopButton(), m_panel->restartButton(), m_panel->removeButton(),
        m_panel->talkButton(), m_panel->clientsView(),
    };
    QList<QWidget *> visited;
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QWidget *focus = QApplication::focusWidget();
        // The spin box's line edit holds the focus for it.
        while (focus && !expected.contains(focus))
            focus = focus->parentWidget();
        visited.append(focus);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    QCOMPARE(visited, expected);
}

void TestServersPanel::languageChangeKeepsTheTexts()
{
    Listener *listener = startFromForm(*m_panel, Tcp, Echo);
    QVERIFY(listener);
    const QString message = m_panel->messageLabel()->text();
    const QString header = m_panel->listenerModel()->headerData(ListenerModel::Address, Qt::Horizontal).toString();
    QSignalSpy headers(m_panel->listenerModel(), &QAbstractItemModel::headerDataChanged);
    QEvent change(QEvent::LanguageChange);
    QCoreApplication::sendEvent(m_panel.get(), &change);
    QCoreApplication::sendEvent(m_panel->form(), &change);
    QCOMPARE(headers.count(), 1);
    QCOMPARE(m_panel->messageLabel()->text(), message);
    QVERIFY(message.contains(listener->boundAddress().toString()));
    QCOMPARE(m_panel->listenerModel()->headerData(ListenerModel::Address, Qt::Horizontal).toString(), header);
    QCOMPARE(m_panel->form()->addressCombo()->itemText(ListenerForm::AllInterfacesV4),
             QStringLiteral("All interfaces (0.0.0.0)"));
    QCOMPARE(m_panel->stopButton()->text(), QStringLiteral("St&op"));
}

QTEST_MAIN(TestServersPanel)
#include "tst_serverspanel.moc"

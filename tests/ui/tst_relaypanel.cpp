#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "http/conversationhttpview.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "servers/listenerform.h"
#include "servers/listenermodel.h"
#include "servers/relayconnectionmodel.h"
#include "servers/relayconnectionview.h"
#include "servers/relayshapingedit.h"
#include "servers/relayview.h"
#include "mainwindow.h"
#include "servers/serverspanel.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"
#include "widgets/targetedit.h"

#include "../core/blockingclient.h"

#include "bytes/bytesource.h"
#include "conversation/conversationrecord.h"
#include "http/httpconversationparser.h"
#include "relay/relay.h"
#include "servers/listener.h"
#include "servers/localservers.h"
#include "text/translations.h"
#include "startandwait.h"

#include <QApplication>
#include <QDir>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QHeaderView>
#include <QTableView>
#include <QTest>

#include <sys/socket.h>

using namespace SocketLab;

namespace {

enum ModeIndex { Echo, FixedReply, HttpDemo, LogOnly, RelayTo };

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
}

void clickRow(QTableView *view, int row)
{
    view->scrollTo(view->model()->index(row, 0));
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

QByteArray shownBytes(const HexView *view)
{
    const std::shared_ptr<const ByteSource> source = view->source();
    return source ? source->read(0, view->size()) : QByteArray();
}

// What the socket holds now, without waiting for more.
qint64 pendingBytes(const BlockingClient &client)
{
    char buffer[65536];
    const ssize_t n = ::recv(client.fd(), buffer, sizeof buffer, MSG_PEEK | MSG_DONTWAIT);
    return n > 0 ? n : 0;
}

// The rows of the message list whose Direction says it, with their preview.
QStringList rowsOf(const MessageModel *model)
{
    QStringList rows;
    for (int row = 0; row < model->rowCount(); ++row)
        rows << cell(model, row, MessageModel::DirectionColumn) + QLatin1Char('|') + cell(model, row, MessageModel::PreviewColumn);
    return rows;
}

} // namespace

class TestRelayPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void formHasARelayModeOffByDefault();
    void tabWalksTheRelayFieldsAfterStart();
    void relayShowsTheConversationPausesAndStops();
    void udpRelayListsEachClientAddress();
    void httpThroughTheRelayShowsInItsHttpTab();
    void busyPortSaysTheRelayCouldNotStart();
    void aRestartThatFailsSaysStopped();
    void aClientsResetShowsAsItsRst();
    void frenchTexts();
    void screenshots_data();
    void screenshots();

private:
    // Fills the form for a relay to the echo target and presses Start; the relay once listed, or null.
    Relay *startRelayFromForm(quint16 port = 0, bool udp = false, const Listener *target = nullptr);

    std::unique_ptr<Listener> m_echo;
    std::unique_ptr<Listener> m_udpEcho;
    std::unique_ptr<ServersPanel> m_panel;
};

void TestRelayPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The C locale writes numbers without group separators: stable expectations.
    QLocale::setDefault(QLocale::c());
    // SocketLab's English, with its plural forms ("15 bytes").
    QVERIFY(Translations::install(QStringLiteral("en")));
    // The target: an echo server on loopback.
    m_echo = std::make_unique<Listener>();
    Listener::Settings settings;
    settings.mode = Listener::Mode::Echo;
    QVERIFY(!startAndWait(*m_echo, settings).isError());
    m_udpEcho = std::make_unique<Listener>();
    settings.transport = Listener::Transport::Udp;
    QVERIFY(!startAndWait(*m_udpEcho, settings).isError());
}

void TestRelayPanel::init()
{
    m_panel = std::make_unique<ServersPanel>(nullptr);
    m_panel->resize(1400, 950);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestRelayPanel::cleanup()
{
    m_panel.reset();
}

Relay *TestRelayPanel::startRelayFromForm(quint16 port, bool udp, const Listener *target)
{
    ListenerForm *form = m_panel->form();
    form->transportCombo()->setCurrentIndex(udp ? 1 : 0);
    form->modeCombo()->setCurrentIndex(RelayTo);
    form->portSpin()->setValue(port);
    form->relayTargetEdit()->hostEdit()->clear();
    form->relayTargetEdit()->portEdit()->clear();
    QTest::keyClicks(form->relayTargetEdit()->hostEdit(), QStringLiteral("127.0.0.1"));
    if (!target)
        target = udp ? m_udpEcho.get() : m_echo.get();
    QTest::keyClicks(form->relayTargetEdit()->portEdit(), QString::number(target->boundAddress().port()));
    const int before = m_panel->listenerModel()->rowCount();
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([this] { return !m_panel->messageLabel()->text().isEmpty(); }, 10000))
        return nullptr;
    if (m_panel->listenerModel()->rowCount() != before + 1)
        return nullptr;
    return m_panel->selectedRelay();
}

void TestRelayPanel::formHasARelayModeOffByDefault()
{
    ListenerForm *form = m_panel->form();
    QVERIFY(!form->relayTargetEdit()->isVisible());
    QCOMPARE(form->modeCombo()->itemText(RelayTo), QStringLiteral("Relay to HOST:PORT"));
    form->modeCombo()->setCurrentIndex(RelayTo);
    QVERIFY(form->isRelay());
    QVERIFY(form->relayTargetEdit()->isVisible());
    QVERIFY(form->toTargetShaping()->isVisible());
    // Nothing to relay to yet: Start waits for a target.
    QVERIFY(!form->startButton()->isEnabled());
    QCOMPARE(form->problemLabel()->text(), QStringLiteral("Type a host name or an address."));
    form->relayTargetEdit()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("8080"));
    QVERIFY(form->startButton()->isEnabled());

    const RelaySettings settings = form->relaySettings();
    QCOMPARE(settings.transport, RelaySettings::Transport::Tcp);
    QCOMPARE(settings.listenAddress.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.targetHost, QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.targetService, QStringLiteral("8080"));
    QVERIFY(!settings.tlsToTarget.enabled);
    QVERIFY(settings.toTarget.isOff());
    QVERIFY(settings.toClient.isOff());
    QCOMPARE(settings.maxConnections, form->maxClientsSpin()->value());
    // The listener's TLS and socket options are not the relay's.
    QVERIFY(form->tlsCheck()->isHidden());
    QVERIFY(form->warningLabel()->isHidden());
    form->addressCombo()->setCurrentIndex(ListenerForm::AllInterfacesV4);
    QVERIFY(form->warningLabel()->isVisible());
    form->addressCombo()->setCurrentIndex(ListenerForm::LoopbackV4);

    // TLS to the target is for TCP only.
    form->transportCombo()->setCurrentIndex(1);
    QVERIFY(!form->relayTlsCheck()->isEnabled());
    QVERIFY(form->maxClientsSpin()->isEnabled());
    QCOMPARE(form->relaySettings().transport, RelaySettings::Transport::Udp);
    form->transportCombo()->setCurrentIndex(0);
    QTest::mouseClick(form->relayTlsCheck(), Qt::LeftButton);
    QVERIFY(form->relaySettings().tlsToTarget.enabled);
    form->toClientShaping()->delaySpin()->setValue(250);
    QTest::mouseClick(form->toClientShaping()->pauseCheck(), Qt::LeftButton);
    QCOMPARE(form->relaySettings().toClient.delayMs, 250);
    QVERIFY(form->relaySettings().toClient.paused);
    QVERIFY(form->relaySettings().toTarget.isOff());
}

void TestRelayPanel::tabWalksTheRelayFieldsAfterStart()
{
    ListenerForm *form = m_panel->form();
    form->modeCombo()->setCurrentIndex(RelayTo);
    m_panel->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
    form->relayTargetEdit()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("8080"));
    form->startButton()->setFocus();
    const QList<QWidget *> expected{form->relayTargetEdit()->hostEdit(), form->relayTargetEdit()->portEdit(),
                                    form->relayTargetEdit()->familyCombo(), form->relayTlsCheck(),
                                    form->toTargetShaping()->delaySpin(), form->toTargetShaping()->capSpin(),
                                    form->toTargetShaping()->pauseCheck(), form->toClientShaping()->delaySpin(),
                                    form->toClientShaping()->capSpin(), form->toClientShaping()->pauseCheck()};
    for (QWidget *next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), next);
    }
}

void TestRelayPanel::relayShowsTheConversationPausesAndStops()
{
    Relay *relay = startRelayFromForm();
    QVERIFY(relay);
    QVERIFY(relay->isRunning());
    const SocketAddress bound = relay->boundAddress();
    QCOMPARE(bound.host(), QStringLiteral("127.0.0.1"));
    const QString target = QStringLiteral("127.0.0.1:%1").arg(m_echo->boundAddress().port());

    // Listed like the other listeners, with its mode saying where it relays.
    const ListenerModel *listeners = m_panel->listenerModel();
    const int row = listeners->rowOf(relay);
    QVERIFY(row >= 0);
    QCOMPARE(cell(listeners, row, ListenerModel::Name), QStringLiteral("Relay 1"));
    QCOMPARE(cell(listeners, row, ListenerModel::Address), bound.toString());
    QCOMPARE(cell(listeners, row, ListenerModel::Mode), QStringLiteral("Relay to %1").arg(target));
    QCOMPARE(cell(listeners, row, ListenerModel::State), QStringLiteral("Running"));
    QVERIFY(m_panel->messageLabel()->text().contains(bound.toString()));
    QVERIFY(m_panel->messageLabel()->text().contains(target));
    RelayView *view = m_panel->relayView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->relay(), relay);

    // Talk to it: the connection form gets the relay's address, as the client.
    QSignalSpy talk(m_panel.get(), &ServersPanel::useListener);
    QTest::mouseClick(m_panel->talkButton(), Qt::LeftButton);
    QCOMPARE(talk.count(), 1);
    QCOMPARE(talk.at(0).at(0).toString(), bound.host());
    QCOMPARE(talk.at(0).at(1).value<quint16>(), bound.port());

    // A client says something through the relay; the echo's answer comes back through it.
    BlockingClient client;
    QVERIFY(client.connectTo(bound));
    const QByteArray hello = QByteArrayLiteral("hello relay\r\n\x01\x02");
    QVERIFY(client.sendAll(hello));
    QCOMPARE(client.receiveExactly(hello.size()), hello);

    const RelayConnectionModel *connections = view->connectionModel();
    QTRY_COMPARE(connections->rowCount(), 1);
    QTRY_COMPARE(cell(connections, 0, RelayConnectionModel::ToClient), QString::number(hello.size()));
    QCOMPARE(cell(connections, 0, RelayConnectionModel::ToTarget), QString::number(hello.size()));
    QCOMPARE(cell(connections, 0, RelayConnectionModel::Target), target);
    QCOMPARE(cell(connections, 0, RelayConnectionModel::State), QStringLiteral("Open"));
    QCOMPARE(cell(connections, 0, RelayConnectionModel::QueuedToClient), QStringLiteral("0"));
    QCOMPARE(cell(listeners, row, ListenerModel::Open), QStringLiteral("1"));

    // The connection as a conversation: what the client said, then what the target answered.
    clickRow(view->connectionsView(), 0);
    RelayConnectionView *conversation = view->connectionView();
    QCOMPARE(conversation->connectionId(), std::optional<quint64>(connections->connectionAt(0).id));
    const MessageModel *messages = conversation->messageModel();
    const QString fromClient = QStringLiteral("client → %1|hello relay\\r\\n\\x01\\x02").arg(target);
    const QString fromTarget = QStringLiteral("%1 → client|hello relay\\r\\n\\x01\\x02").arg(target);
    QTRY_VERIFY2(rowsOf(messages).contains(fromTarget), qPrintable(rowsOf(messages).join(QLatin1Char('\n'))));
    const QStringList rows = rowsOf(messages);
    QVERIFY(rows.indexOf(fromClient) >= 0);
    QVERIFY(rows.indexOf(fromClient) < rows.indexOf(fromTarget));
    QCOMPARE(conversation->ladderView()->eventCount(), qsizetype(messages->rowCount()));
    QCOMPARE(conversation->ladderView()->localName(), QStringLiteral("Client"));
    QCOMPARE(conversation->ladderView()->peerName(), QStringLiteral("Target"));
    QCOMPARE(conversation->ladderView()->peerAddress(), target);
    QVERIFY2(conversation->totalsLabel()->text().startsWith(QStringLiteral("Client → target: 15 bytes in 1 recv() · target → client: 15 bytes in ")), qPrintable(conversation->totalsLabel()->text()));

    // The chosen event's bytes, exact, in hex and as text.
    clickRow(conversation->messageTable(), int(rows.indexOf(fromTarget)));
    QCOMPARE(shownBytes(conversation->hexView()), hello);
    QCOMPARE(conversation->textView()->source()->read(0, hello.size()), hello);
    QVERIFY(conversation->selectionLabel()->text().contains(QStringLiteral("15 bytes")));
    // The calls of both legs: the client's accept() and the target's connect().
    QStringList calls;
    conversation->tabs()->setCurrentWidget(conversation->traceView());
    for (const TraceEntry &entry : conversation->traceView()->traceModel()->entries())
        calls << entry.call;
    QVERIFY2(calls.contains(QStringLiteral("connect")), qPrintable(calls.join(QLatin1Char(' '))));

    // Paused towards the client: the target's answers wait in the relay, and the queue grows.
    QTest::mouseClick(view->toClientShaping()->pauseCheck(), Qt::LeftButton);
    QVERIFY(relay->shaping(RelayDirection::ToClient).paused);
    QVERIFY(!relay->shaping(RelayDirection::ToTarget).paused);
    QVERIFY(client.sendAll(QByteArrayLiteral("one\n")));
    QTRY_COMPARE(cell(connections, 0, RelayConnectionModel::QueuedToClient), QStringLiteral("4"));
    QVERIFY(client.sendAll(QByteArrayLiteral("two\n")));
    QTRY_COMPARE(cell(connections, 0, RelayConnectionModel::QueuedToClient), QStringLiteral("8"));
    QTRY_VERIFY(conversation->totalsLabel()->text().contains(QStringLiteral("queued: 0 bytes to the target, 8 bytes to the client")));
    QTest::qWait(200);
    QCOMPARE(pendingBytes(client), qint64(0));

    // Resumed: they arrive, in order, and nothing is queued any more.
    QTest::mouseClick(view->toClientShaping()->pauseCheck(), Qt::LeftButton);
    QVERIFY(!relay->shaping(RelayDirection::ToClient).paused);
    QCOMPARE(client.receiveExactly(8), QByteArrayLiteral("one\ntwo\n"));
    QTRY_COMPARE(cell(connections, 0, RelayConnectionModel::QueuedToClient), QStringLiteral("0"));
    QTRY_COMPARE(cell(connections, 0, RelayConnectionModel::ToClient), QString::number(hello.size() + 8));
    QTRY_VERIFY(rowsOf(messages).contains(QStringLiteral("%1 → client|two\\n").arg(target))
                || rowsOf(messages).contains(QStringLiteral("%1 → client|one\\ntwo\\n").arg(target)));

    // Stop: the listening socket and every connection close.
    QVERIFY(m_panel->stopButton()->isEnabled());
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QVERIFY(!relay->isRunning());
    QTRY_COMPARE(cell(listeners, row, ListenerModel::State), QStringLiteral("Stopped"));
    QVERIFY(client.receiveSome().isEmpty());
    QVERIFY(!client.timedOut());
    QVERIFY(m_panel->restartButton()->isEnabled());
    QVERIFY(m_panel->removeButton()->isEnabled());
    QTest::mouseClick(m_panel->removeButton(), Qt::LeftButton);
    QCOMPARE(listeners->rowOf(relay), -1);
}

void TestRelayPanel::udpRelayListsEachClientAddress()
{
    Relay *relay = startRelayFromForm(0, true);
    QVERIFY(relay);
    QCOMPARE(cell(m_panel->listenerModel(), 0, ListenerModel::Transport), QStringLiteral("UDP"));
    const QString target = QStringLiteral("127.0.0.1:%1").arg(m_udpEcho->boundAddress().port());
    BlockingClient first(SOCK_DGRAM);
    BlockingClient second(SOCK_DGRAM);
    const QByteArray datagram = QByteArrayLiteral("ping\0pong");
    for (BlockingClient *client : {&first, &second}) {
        QVERIFY(client->sendTo(datagram, relay->boundAddress()));
        SocketAddress from;
        qint64 size = 0;
        QCOMPARE(client->receiveFrom(&from, &size), datagram);
        QCOMPARE(from, relay->boundAddress());
    }
    RelayView *view = m_panel->relayView();
    const RelayConnectionModel *connections = view->connectionModel();
    QTRY_COMPARE(connections->rowCount(), 2);
    QVERIFY(connections->isUdp());
    QTRY_COMPARE(cell(connections, 1, RelayConnectionModel::ToClient), QString::number(datagram.size()));
    clickRow(view->connectionsView(), 1);
    const MessageModel *messages = view->connectionView()->messageModel();
    QTRY_VERIFY2(rowsOf(messages).contains(QStringLiteral("%1 → client|ping\\0pong").arg(target)),
                 qPrintable(rowsOf(messages).join(QLatin1Char('\n'))));
    QVERIFY(view->connectionView()->totalsLabel()->text().startsWith(
        QStringLiteral("Client → target: 9 bytes in 1 datagram · target → client: 9 bytes in 1 datagram")));
}

void TestRelayPanel::httpThroughTheRelayShowsInItsHttpTab()
{
    Listener site;
    Listener::Settings settings;
    settings.mode = Listener::Mode::HttpDemo;
    QVERIFY(!startAndWait(site, settings).isError());
    Relay *relay = startRelayFromForm(0, false, &site);
    QVERIFY(relay);

    // Two requests on one kept-alive connection, the second for a chunked page.
    BlockingClient client;
    QVERIFY(client.connectTo(relay->boundAddress()));
    const QByteArray first = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const QByteArray second = QByteArrayLiteral("GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    QVERIFY(client.sendAll(first + second));
    bool closed = false;
    const QByteArray answers = client.receiveUntilClosed(&closed);
    QVERIFY(closed);

    RelayView *view = m_panel->relayView();
    QTRY_COMPARE(view->connectionModel()->rowCount(), 1);
    clickRow(view->connectionsView(), 0);
    RelayConnectionView *conversation = view->connectionView();
    ConversationHttpView *http = conversation->httpView();
    conversation->tabs()->setCurrentWidget(http);
    QTRY_COMPARE(http->exchangeCount(), 2);
    const auto &exchanges = http->parser().exchanges();
    QCOMPARE(exchanges.at(0).status, 200);
    QCOMPARE(exchanges.at(1).method, QByteArray("GET"));
    QCOMPARE(exchanges.at(1).target, QByteArray("/chunked"));
    QCOMPARE(exchanges.at(1).response.framing, HttpFraming::Chunked);
    // The second request is the client's bytes right after the first.
    QCOMPARE(exchanges.at(1).request.range.offset, qint64(first.size()));
    QCOMPARE(exchanges.at(1).response.range.end(), qint64(answers.size()));

    // A choice in the tab selects its bytes in the hex view: the second request, whole.
    QSignalSpy selected(http, &ConversationHttpView::rangeSelected);
    QTableView *table = http->findChild<QTableView *>(QStringLiteral("exchanges"));
    QVERIFY(table);
    clickRow(table, 1);
    QTRY_VERIFY(!selected.isEmpty());
    QCOMPARE(conversation->hexView()->source()->read(exchanges.at(1).request.range.offset,
                                                      exchanges.at(1).request.range.length),
             second);
    QVERIFY2(conversation->selectionLabel()->text().contains(QStringLiteral("(HTTP tab)")),
             qPrintable(conversation->selectionLabel()->text()));
}

void TestRelayPanel::busyPortSaysTheRelayCouldNotStart()
{
    // The echo target's own port: taken.
    QVERIFY(!startRelayFromForm(m_echo->boundAddress().port()));
    QCOMPARE(m_panel->listenerModel()->rowCount(), 0);
    const QString message = m_panel->messageLabel()->text();
    QVERIFY2(message.startsWith(QStringLiteral("Could not start the relay: ")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("EADDRINUSE")), qPrintable(message));
    QVERIFY(message.endsWith(QLatin1Char('.')));
}

void TestRelayPanel::aClientsResetShowsAsItsRst()
{
    Relay *relay = startRelayFromForm();
    QVERIFY(relay);
    {
        BlockingClient client;
        QVERIFY(client.connectTo(relay->boundAddress()));
        QVERIFY(client.sendAll("x"));
        QCOMPARE(client.receiveExactly(1), QByteArray("x"));
        const linger hard{1, 0};
        ::setsockopt(client.fd(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    }
    RelayView *view = m_panel->relayView();
    QTRY_COMPARE(view->connectionModel()->rowCount(), 1);
    clickRow(view->connectionsView(), 0);
    const MessageModel *messages = view->connectionView()->messageModel();
    QTRY_VERIFY2(rowsOf(messages).join(QLatin1Char('\n')).contains(QStringLiteral("\nRST from client|")),
                 qPrintable(rowsOf(messages).join(QLatin1Char('\n'))));
}

void TestRelayPanel::aRestartThatFailsSaysStopped()
{
    Relay *relay = startRelayFromForm();
    QVERIFY(relay);
    const quint16 port = relay->boundAddress().port();
    QTest::mouseClick(m_panel->stopButton(), Qt::LeftButton);
    QTRY_VERIFY(!relay->isRunning());
    // Someone else takes the port meanwhile.
    Listener squatter;
    Listener::Settings settings;
    settings.address = Listener::loopback(port);
    QVERIFY(!startAndWait(squatter, settings).isError());
    QTest::mouseClick(m_panel->restartButton(), Qt::LeftButton);
    QTRY_VERIFY(m_panel->messageLabel()->text().contains(QStringLiteral("EADDRINUSE")));
    const int row = m_panel->listenerModel()->rowOf(relay);
    QTRY_COMPARE(cell(m_panel->listenerModel(), row, ListenerModel::State), QStringLiteral("Stopped"));
}

void TestRelayPanel::frenchTexts()
{
    QVERIFY(Translations::install(QStringLiteral("fr")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    Relay *relay = startRelayFromForm();
    QVERIFY(relay);
    const QString mode = cell(m_panel->listenerModel(), 0, ListenerModel::Mode);
    const QString item = m_panel->form()->modeCombo()->itemText(RelayTo);
    const QString header = m_panel->relayView()->connectionModel()->headerData(RelayConnectionModel::QueuedToClient,
                                                                              Qt::Horizontal).toString();
    const QString calls = m_panel->relayView()->connectionView()->tabs()->tabText(RelayConnectionView::TraceTab);
    // The State column fits the longest state in French too, not only "Client sent FIN".
    const QTableView *connections = m_panel->relayView()->connectionsView();
    const int stateWidth = connections->horizontalHeader()->sectionSize(RelayConnectionModel::State);
    for (const QString &state : RelayConnectionModel::stateTexts())
        QVERIFY2(connections->fontMetrics().horizontalAdvance(state) < stateWidth, qPrintable(state));
    QVERIFY(RelayConnectionModel::stateTexts().contains(QStringLiteral("Connexion à la cible")));
    QVERIFY(!startRelayFromForm(m_echo->boundAddress().port()));
    const QString failed = m_panel->messageLabel()->text();
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QCOMPARE(mode, QStringLiteral("Relais vers 127.0.0.1:%1").arg(m_echo->boundAddress().port()));
    QCOMPARE(item, QStringLiteral("Relais vers HÔTE:PORT"));
    QCOMPARE(header, QStringLiteral("En attente vers le client"));
    QCOMPARE(calls, QStringLiteral("Appels socket"));
    QVERIFY2(failed.startsWith(QStringLiteral("Impossible de démarrer le relais\u00a0: ")), qPrintable(failed));
    // Back in English at run time.
    QCOMPARE(m_panel->form()->modeCombo()->itemText(RelayTo), QStringLiteral("Relay to HOST:PORT"));
    QCOMPARE(m_panel->relayView()->connectionView()->tabs()->tabText(RelayConnectionView::TraceTab),
             QStringLiteral("Socket calls"));
}

void TestRelayPanel::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// For the README: the window with a relayed connection's HTTP tab, when SOCKETLAB_SCREENSHOT_DIR names a folder.
void TestRelayPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("SOCKETLAB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOCKETLAB_SCREENSHOT_DIR is not set");
    QFETCH(QString, language);
    QVERIFY(Translations::install(language));
    QLocale::setDefault(QLocale(language));
    m_panel.reset();
    LocalServers servers;
    QVERIFY(!startAndWait(servers).isError());
    MainWindow window(&servers);
    window.resize(1440, 960);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.tools()->setCurrentWidget(window.serversPanel());
    ListenerForm *form = window.serversPanel()->form();
    form->modeCombo()->setCurrentIndex(RelayTo);
    form->portSpin()->setValue(0);
    form->relayTargetEdit()->hostEdit()->setText(QStringLiteral("127.0.0.1"));
    form->relayTargetEdit()->portEdit()->setText(QString::number(servers.httpAddress().port()));
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QTRY_VERIFY(window.serversPanel()->selectedRelay() && window.serversPanel()->selectedRelay()->isRunning());
    Relay *relay = window.serversPanel()->selectedRelay();

    BlockingClient client;
    QVERIFY(client.connectTo(relay->boundAddress()));
    QVERIFY(client.sendAll("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                           "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    bool closed = false;
    client.receiveUntilClosed(&closed);
    QVERIFY(closed);
    RelayView *view = window.serversPanel()->relayView();
    QTRY_COMPARE(view->connectionModel()->rowCount(), 1);
    clickRow(view->connectionsView(), 0);
    RelayConnectionView *conversation = view->connectionView();
    QTRY_COMPARE(conversation->httpView()->exchangeCount(), 2);
    conversation->tabs()->setCurrentWidget(conversation->httpView());
    conversation->httpView()->showExchange(1);
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("relay-http-%1.png").arg(language))));
    QVERIFY(Translations::install(QStringLiteral("en")));
    QLocale::setDefault(QLocale::c());
}

QTEST_MAIN(TestRelayPanel)
#include "tst_relaypanel.moc"

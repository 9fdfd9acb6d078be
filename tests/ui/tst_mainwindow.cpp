#include "freeport.h"
#include "historytesting.h"
#include "connection/connectionpanel.h"
#include "exchangecontroller.h"
#include "dns/dnspanel.h"
#include "servers/listenerform.h"
#include "servers/serverspanel.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "widgets/targetedit.h"
#include "reply/hexview.h"
#include "reply/httpview.h"
#include "reply/replypanel.h"
#include "reply/textview.h"
#include "request/requesteditor.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"
#include "udp/datagrammodel.h"
#include "udp/udppanel.h"

#include "bytes/bytesource.h"
#include "http/httpresponseparser.h"
#include "text/errortext.h"
#include "text/stoptext.h"
#include "servers/localservers.h"
#include "startandwait.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QContextMenuEvent>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>


using namespace SocketLab;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstLaunchSendsTheNotebookRequest();
    void pastedUrlFillsTheForm();
    void refusedConnectionKeepsTheRequest();
    void cancelMidTransferKeepsTheBytes();
    void largeReplyInTheHexView();
    void historyShowsEarlierExchanges();
    void invalidRequestDisablesSend();
    void dnsLookupThenUseThisAddress();
    void talkToATcpEchoListenerFromTheConnectionForm();
    void sendActsOnTheTabInView();
    void focusMovesFromSendToCancelAndBack();
    void choosingUdpTakesTheTargetToTheUdpTab();
    void aUdpUrlTakesTheTargetToTheUdpTab();
    void framingStaysAfterANonHttpReply();
    void keepAliveHttpReplySaysItIsComplete();
    void stopNowKeepsEveryByte();
    void silentServerIsSaidAfterAWhile();
    void talkToAnEchoFitsTheEcho();
    void aStreamedReplyShowsLiveAndIsNamedAtTheEnd();
    void aStreamedReplyWriteErrorNamesTheFile();
    void talkToTheHttpDemoFitsHttp();
    void callsAndHistoryInAPaneOfTheExchangeTab();
    void thePaneKeepsTheSizeAPersonGaveIt();
    void aShortExchangeShowsItsFirstCalls();
    void aUrlGoesIntoTheEditedRequest();
    void aUrlKeepsATargetInAbsoluteForm();
    void aUrlAsksBeforeReplacingARawRequest();
    void theHostHeaderFollowsTheTarget();
    void historyShowsAndLoadsAnExchange();

private:
    void sendKeepAliveRequest(const QByteArray &path = QByteArrayLiteral("/"));
    void sendAndWait(int expectedHistory);
    void pasteUrl(const QString &url);
    void pasteUrlAsIs(const QString &url);

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestMainWindow::init()
{
    // Every test starts as a first launch, whatever a test before it left.
    QSettings().clear();
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanup()
{
    m_window.reset();
}

void TestMainWindow::sendAndWait(int expectedHistory)
{
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

// As a person pastes: the whole URL arrives in one edit and is converted at once.
void TestMainWindow::pasteUrl(const QString &url)
{
    pasteUrlAsIs(url);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
}

void TestMainWindow::pasteUrlAsIs(const QString &url)
{
    QLineEdit *host = m_window->connectionPanel()->targetEdit()->hostEdit();
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(url);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
}

void TestMainWindow::firstLaunchSendsTheNotebookRequest()
{
    const SocketAddress http = m_servers.httpAddress();
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), http.host());
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QString::number(http.port()));
    const QByteArray expected = "GET / HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(http.port()) + "\r\nConnection: close\r\n\r\n";
    QCOMPARE(m_window->requestEditor()->bytes(), expected);
    QVERIFY(m_window->serversLabel()->text().contains(http.toString()));

    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY(record);
    QVERIFY(!record->result.error.isError());
    QCOMPARE(record->request, expected);
    QVERIFY(record->reply->read(0, 15) == "HTTP/1.1 200 OK");
    QCOMPARE(record->result.stop.reason, StopReason::PeerClosed);
    QVERIFY(m_window->replyPanel()->stopLabel()->text().contains(QString::number(record->result.receivedBytes)));
    QCOMPARE(m_window->replyPanel()->hexView()->source()->size(), record->result.receivedBytes);
    QVERIFY(m_window->connectionPanel()->sendButton()->isEnabled());

    // The text view gets the reply when its tab is chosen, with the hex view's selection.
    ReplyPanel *reply = m_window->replyPanel();
    reply->tabs()->setCurrentWidget(reply->hexView());
    reply->hexView()->setSelection(9, 6);
    reply->tabs()->setCurrentWidget(reply->textView());
    QCOMPARE(reply->textView()->source(), record->reply);
    QCOMPARE(reply->textView()->size(), record->result.receivedBytes);
    QCOMPARE(reply->textView()->selectionStart(), qint64(9));
    QCOMPARE(reply->textView()->selectionLength(), qint64(6));

    // The HTTP tab shows the five headers of the reply without scrolling, in a window of the size
    // of the screenshots, the socket calls below.
    m_window->resize(1440, 960);
    reply->tabs()->setCurrentWidget(reply->httpView());
    auto *headers = reply->findChild<QTableWidget *>(QStringLiteral("headers"));
    QVERIFY(headers && headers->isVisible());
    QCOMPARE(headers->rowCount(), 5);
    QTRY_VERIFY(headers->verticalHeader()->length() <= headers->viewport()->height());
    QCOMPARE(headers->verticalScrollBar()->maximum(), 0);
    reply->tabs()->setCurrentWidget(reply->hexView());
}

void TestMainWindow::pastedUrlFillsTheForm()
{
    const quint16 port = m_servers.httpAddress().port();
    QLineEdit *host = m_window->connectionPanel()->targetEdit()->hostEdit();
    host->clear();
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("http://127.0.0.1:%1/chunked").arg(port));
    // Still being typed: nothing is converted yet.
    QCOMPARE(host->text(), QStringLiteral("http://127.0.0.1:%1/chunked").arg(port));
    QTest::keyClick(host, Qt::Key_Tab);
    QCOMPARE(host->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QString::number(port));
    QCOMPARE(m_window->requestEditor()->bytes(),
             "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\nConnection: close\r\n\r\n");
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY(record->result.http);
    QCOMPARE(record->result.http->framing(), HttpFraming::Chunked);
}

void TestMainWindow::refusedConnectionKeepsTheRequest()
{
    const QByteArray typed = m_window->requestEditor()->bytes();
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QString::number(freeLoopbackPort()));
    m_window->requestEditor()->setBytes(typed);
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QCOMPARE(record->result.error.codeName(), QStringLiteral("ECONNREFUSED"));
    const auto labels = m_window->replyPanel()->findChildren<QLabel *>();
    const bool explained = std::any_of(labels.cbegin(), labels.cend(), [](QLabel *label) {
        return label->isVisible() && label->text().contains(QStringLiteral("ECONNREFUSED"));
    });
    QVERIFY(explained);
    QCOMPARE(m_window->requestEditor()->bytes(), typed);
    QVERIFY(m_window->connectionPanel()->sendButton()->isEnabled());
}

void TestMainWindow::cancelMidTransferKeepsTheBytes()
{
    const quint16 port = m_servers.httpAddress().port();
    pasteUrl(QStringLiteral("http://127.0.0.1:%1/bytes/17179869184").arg(port));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->replyPanel()->hexView()->source()
                                 && m_window->replyPanel()->hexView()->source()->size() > 4 * 1024 * 1024, 30000);
    QVERIFY(m_window->connectionPanel()->cancelButton()->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 10000);
    const auto record = m_window->replyPanel()->record();
    QCOMPARE(record->result.stop.reason, StopReason::Cancelled);
    QVERIFY(record->result.receivedBytes > 4 * 1024 * 1024);
    QCOMPARE(m_window->replyPanel()->hexView()->source()->size(), record->result.receivedBytes);
}

void TestMainWindow::largeReplyInTheHexView()
{
    const quint16 port = m_servers.httpAddress().port();
    pasteUrl(QStringLiteral("http://127.0.0.1:%1/bytes/104857600").arg(port));
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY2(!record->result.error.isError(), qPrintable(record->result.error.codeName()));
    QVERIFY(record->result.receivedBytes > 104857600);
    HexView *hex = m_window->replyPanel()->hexView();
    QCOMPARE(hex->source()->size(), record->result.receivedBytes);
    hex->setFocus();
    QTest::keyClick(hex, Qt::Key_End, Qt::ControlModifier);
    QCOMPARE(hex->verticalScrollBar()->value(), hex->verticalScrollBar()->maximum());
    // Ctrl+End puts the cursor on the last byte or just after it, as text editors do.
    QVERIFY(hex->selectionStart() >= record->result.receivedBytes - 1);
    QVERIFY(hex->selectionStart() <= record->result.receivedBytes);
}

void TestMainWindow::historyShowsEarlierExchanges()
{
    sendAndWait(1);
    const auto first = m_window->replyPanel()->record();
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QString::number(freeLoopbackPort()));
    sendAndWait(2);
    QCOMPARE(m_window->replyPanel()->record()->result.error.codeName(), QStringLiteral("ECONNREFUSED"));
    QListWidget *list = m_window->historyPanel()->list();
    list->setCurrentRow(1);
    QCOMPARE(m_window->replyPanel()->record(), first);
    QCOMPARE(m_window->replyPanel()->hexView()->source()->size(), first->result.receivedBytes);
}

void TestMainWindow::invalidRequestDisablesSend()
{
    RequestEditor *editor = m_window->requestEditor();
    editor->setMode(RequestEditor::Mode::Escaped);
    editor->setBytes(QByteArrayLiteral("GET /"));
    QVERIFY(m_window->connectionPanel()->sendButton()->isEnabled());
    QPlainTextEdit *text = editor->findChild<QPlainTextEdit *>();
    QVERIFY(text);
    text->setFocus();
    text->moveCursor(QTextCursor::End);
    QTest::keyClicks(text, QStringLiteral("\\q"));
    QVERIFY(!editor->isValid());
    QVERIFY(!m_window->connectionPanel()->sendButton()->isEnabled());
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    // Send starts an exchange before it returns, and Cancel comes on with it: nothing started.
    QVERIFY(!m_window->connectionPanel()->cancelButton()->isEnabled());
    QCOMPARE(m_window->replyPanel()->stopLabel()->text(), ReplyPanel::tr("No exchange yet: press Send (Ctrl+Return)."));
    QCOMPARE(m_window->historyPanel()->count(), 0);
}

void TestMainWindow::dnsLookupThenUseThisAddress()
{
    m_window->tools()->setCurrentWidget(m_window->dnsPanel());
    auto *host = m_window->dnsPanel()->findChild<QLineEdit *>(QStringLiteral("host"));
    auto *service = m_window->dnsPanel()->findChild<QLineEdit *>(QStringLiteral("service"));
    auto *table = m_window->dnsPanel()->findChild<QTableView *>(QStringLiteral("addrInfoTable"));
    auto *use = m_window->dnsPanel()->findChild<QPushButton *>(QStringLiteral("useAddress"));
    QVERIFY(host && service && table && use);
    host->setFocus();
    QTest::keyClicks(host, QStringLiteral("::1"));
    QTest::keyClicks(service, QStringLiteral("http"));
    QTest::keyClick(host, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    QTRY_VERIFY(use->isEnabled());
    QTest::mouseClick(use, Qt::LeftButton);
    // The address goes back into the connection form, with its family, and the exchange tab shows.
    QCOMPARE(m_window->tools()->currentIndex(), 0);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("::1"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QStringLiteral("80"));
    QCOMPARE(m_window->connectionPanel()->settings().family, IpFamily::V6);
}

void TestMainWindow::talkToATcpEchoListenerFromTheConnectionForm()
{
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    ListenerForm *form = servers->form();
    form->transportCombo()->setCurrentIndex(0);
    form->addressCombo()->setCurrentIndex(0);
    form->portSpin()->setValue(0);
    form->modeCombo()->setCurrentIndex(0);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QTRY_VERIFY(servers->selectedListener() && servers->selectedListener()->isRunning());
    const SocketAddress bound = servers->selectedListener()->boundAddress();
    QVERIFY(bound.port() != 0);
    QTest::mouseClick(servers->talkButton(), Qt::LeftButton);
    QCOMPARE(m_window->tools()->currentIndex(), 0);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QString::number(bound.port()));

    RequestEditor *editor = m_window->requestEditor();
    editor->setMode(RequestEditor::Mode::Escaped);
    editor->setBytes(QByteArrayLiteral("Test en classe\n"));
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QString::number(bound.port()));
    // The echo never closes: stop when nothing more comes.
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::Idle, 300});
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY2(!record->result.error.isError(), qPrintable(record->result.error.codeName()));
    QCOMPARE(record->result.stop.reason, StopReason::Idle);
    QCOMPARE(record->reply->read(0, 100), QByteArrayLiteral("Test en classe\n"));
}

// Ctrl+Return goes to the tab in view, even when the focus was left in a control that a change of tab
// hid (a person types in the TCP form, clicks the UDP tab, presses Ctrl+Return).
void TestMainWindow::sendActsOnTheTabInView()
{
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    // A keyboard user: Tab to the tab bar, Right to the UDP tab, Ctrl+Return.
    UdpPanel *udp = m_window->udpPanel();
    udp->waitSpin()->setValue(10000);
    udp->countSpin()->setValue(1);
    QTabBar *tabs = m_window->tools()->tabBar();
    tabs->setFocus(Qt::TabFocusReason);
    m_window->tools()->setCurrentWidget(udp);
    QTest::keyClick(tabs, Qt::Key_Return, Qt::ControlModifier);
    // A TCP exchange would have started at once, its Cancel enabled.
    QVERIFY(!m_window->connectionPanel()->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(udp->lastResult().has_value(), 10000);
    QCOMPARE(udp->datagramModel()->rowCount(), 1);
    QCOMPARE(m_window->historyPanel()->count(), 0);

    // The focus was in the socket calls, in a pane of the exchange tab: DNS takes it, on its host field.
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    m_window->traceView()->setFocus();
    QVERIFY(m_window->traceView()->hasFocus());
    m_window->tools()->setCurrentWidget(m_window->dnsPanel());
    auto *host = m_window->dnsPanel()->findChild<QLineEdit *>(QStringLiteral("host"));
    auto *table = m_window->dnsPanel()->findChild<QTableView *>(QStringLiteral("addrInfoTable"));
    QTRY_VERIFY(host->hasFocus());
    QTest::keyClicks(host, QStringLiteral("::1"));
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!m_window->connectionPanel()->cancelButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() > 0, 10000);
    QCOMPARE(m_window->historyPanel()->count(), 0);
}

// A keyboard user presses Space on Send: the focus waits on Cancel during the exchange and comes back
// to Send, not to whatever field follows Send in the tab order.
void TestMainWindow::focusMovesFromSendToCancelAndBack()
{
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    ConnectionPanel *connection = m_window->connectionPanel();
    connection->sendButton()->setFocus();
    QTest::keyClick(connection->sendButton(), Qt::Key_Space);
    QCOMPARE(QApplication::focusWidget(), connection->cancelButton());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    QCOMPARE(QApplication::focusWidget(), connection->sendButton());

    UdpPanel *udp = m_window->udpPanel();
    m_window->tools()->setCurrentWidget(udp);
    udp->waitSpin()->setValue(10000);
    udp->countSpin()->setValue(1);
    udp->sendButton()->setFocus();
    QTest::keyClick(udp->sendButton(), Qt::Key_Space);
    QCOMPARE(QApplication::focusWidget(), udp->cancelButton());
    QTRY_VERIFY_WITH_TIMEOUT(udp->lastResult().has_value(), 10000);
    QTRY_COMPARE(QApplication::focusWidget(), udp->sendButton());
}

// The exchange form is TCP only: UDP has its own form, with every datagram option, and the
// target a person typed goes there with them.
void TestMainWindow::choosingUdpTakesTheTargetToTheUdpTab()
{
    ConnectionPanel *form = m_window->connectionPanel();
    form->setTarget(QStringLiteral("::1"), QStringLiteral("4242"));
    form->targetEdit()->setFamily(IpFamily::V6);
    QComboBox *transport = form->transportCombo();
    transport->setFocus();
    QTest::keyClick(transport, Qt::Key_Down);
    QCOMPARE(m_window->tools()->currentWidget(), m_window->udpPanel());
    QCOMPARE(m_window->udpPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("::1"));
    QCOMPARE(m_window->udpPanel()->targetEdit()->portEdit()->text(), QStringLiteral("4242"));
    QCOMPARE(m_window->udpPanel()->request().family, IpFamily::V6);
    // The form stays what it is, target included, for the next TCP exchange.
    QCOMPARE(transport->currentText(), QStringLiteral("TCP"));
    QCOMPARE(form->settings().host, QStringLiteral("::1"));
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("UDP")));

    // The datagram goes out from there, to the embedded echo, and comes back.
    m_window->udpPanel()->setTarget(m_servers.udpEchoAddress().host(),
                                    QString::number(m_servers.udpEchoAddress().port()));
    m_window->udpPanel()->targetEdit()->setFamily(IpFamily::Any);
    m_window->udpPanel()->countSpin()->setValue(1);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->udpPanel()->lastResult().has_value(), 10000);
    QCOMPARE(m_window->udpPanel()->lastResult()->datagrams.size(), 1);
    QCOMPARE(m_window->historyPanel()->count(), 0);
}

void TestMainWindow::aUdpUrlTakesTheTargetToTheUdpTab()
{
    pasteUrlAsIs(QStringLiteral("udp://127.0.0.1:5353"));
    QCOMPARE(m_window->tools()->currentWidget(), m_window->udpPanel());
    QCOMPARE(m_window->udpPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->udpPanel()->targetEdit()->portEdit()->text(), QStringLiteral("5353"));
    QCOMPARE(m_window->connectionPanel()->transportCombo()->currentText(), QStringLiteral("TCP"));
}

// One reply that is not HTTP must not hide the framing line of later HTTP replies, and the HTTP tab
// a person chose is in view again as soon as a reply has HTTP.
void TestMainWindow::framingStaysAfterANonHttpReply()
{
    ReplyPanel *reply = m_window->replyPanel();
    auto *framing = reply->httpView()->findChild<QLabel *>(QStringLiteral("framing"));
    QVERIFY(framing);
    reply->tabs()->setCurrentIndex(2);
    sendAndWait(1);
    QCOMPARE(reply->tabs()->currentIndex(), 2);
    QVERIFY(framing->isVisible());

    RequestEditor *editor = m_window->requestEditor();
    const QByteArray request = editor->bytes();
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QString::number(m_servers.tcpEchoAddress().port()));
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::Idle, 200});
    editor->setBytes("not http\n");
    sendAndWait(2);
    QVERIFY(!reply->tabs()->isTabEnabled(2));
    QVERIFY(reply->tabs()->currentIndex() != 2);

    const SocketAddress http = m_servers.httpAddress();
    m_window->connectionPanel()->setTarget(http.host(), QString::number(http.port()));
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::PeerClose, 0});
    editor->setBytes(request);
    sendAndWait(3);
    QCOMPARE(reply->tabs()->currentIndex(), 2);
    QVERIFY(framing->isVisible());
    QVERIFY(!framing->text().isEmpty());

    // A tab chosen by the person stays theirs: Text after Text.
    reply->tabs()->setCurrentIndex(1);
    sendAndWait(4);
    QCOMPARE(reply->tabs()->currentIndex(), 1);
}

// The notebook's HTTP/1.1 GET without "Connection: close", read until the server closes, as a
// newcomer sends it to a keep-alive server: the embedded demo keeps the connection open.
void TestMainWindow::sendKeepAliveRequest(const QByteArray &path)
{
    const SocketAddress http = m_servers.httpAddress();
    m_window->connectionPanel()->setTarget(http.host(), QString::number(http.port()));
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::PeerClose, 0});
    m_window->requestEditor()->setBytes("GET " + path + " HTTP/1.1\r\nHost: " + http.toString().toLatin1() + "\r\n\r\n");
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
}

void TestMainWindow::keepAliveHttpReplySaysItIsComplete()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    ReplyPanel *reply = m_window->replyPanel();
    QVERIFY(reply->waitHint()->isHidden());
    // 5 MiB, as in the issue: the count is grouped as the locale does.
    sendKeepAliveRequest("/bytes/5242880");
    // At once: long before the demo server's keep-alive timeout, with the exchange still running.
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QCOMPARE(m_window->historyPanel()->count(), 0);
    QCOMPARE(reply->waitHintLabel()->text(),
             QStringLiteral("The HTTP reply is complete (Content-Length %1 reached) but the server keeps the connection "
                            "open: reading until it closes can wait up to its keep-alive timeout.")
                 .arg(QStringLiteral("5,242,880")));
    QVERIFY(reply->stopNowButton()->isVisible());
    QVERIFY(reply->useHttpFramingButton()->isVisible());

    // The next sends stop at the framing; this one goes on until stopped.
    QTest::mouseClick(reply->useHttpFramingButton(), Qt::LeftButton);
    QCOMPARE(m_window->connectionPanel()->settings().stopRule.kind, StopRule::Kind::Http);
    QVERIFY(!reply->useHttpFramingButton()->isEnabled());
    QVERIFY(m_window->connectionPanel()->cancelButton()->isEnabled());
    QCOMPARE(m_window->historyPanel()->count(), 0);
    QVERIFY(reply->waitHint()->isVisible());
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
    QVERIFY(reply->waitHint()->isHidden());

    // The next send reads one reply by its framing and ends by itself, with no hint.
    sendAndWait(2);
    QCOMPARE(reply->record()->result.stop.reason, StopReason::HttpComplete);
    QVERIFY(reply->waitHint()->isHidden());
    QLocale::setDefault(QLocale::c());
}

void TestMainWindow::stopNowKeepsEveryByte()
{
    ReplyPanel *reply = m_window->replyPanel();
    sendKeepAliveRequest();
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 3000);
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
    const auto record = reply->record();
    const TcpResult &result = record->result;
    QCOMPARE(result.stop.reason, StopReason::Stopped);
    QVERIFY(result.stop.httpComplete);
    QCOMPARE(result.stop.framing, HttpFraming::ContentLength);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    // Every byte of the reply, which is whole.
    QVERIFY(result.http);
    QCOMPARE(result.http->state(), HttpResponseParser::State::Complete);
    QCOMPARE(result.receivedBytes, result.http->messageEnd());
    QCOMPARE(record->reply->size(), result.receivedBytes);
    QCOMPARE(reply->stopLabel()->text(), describeStop(result.stop));
    QVERIFY2(reply->stopLabel()->text().startsWith(QStringLiteral("You stopped reading after")),
             qPrintable(reply->stopLabel()->text()));
    QVERIFY(reply->stopLabel()->text().contains(QStringLiteral("once the HTTP reply was complete")));
    QVERIFY(!reply->stopLabel()->text().contains(QStringLiteral("Cancelled")));
}

void TestMainWindow::silentServerIsSaidAfterAWhile()
{
    auto *controller = m_window->findChild<ExchangeController *>();
    QVERIFY(controller);
    controller->setSilenceThresholdMs(300);
    ReplyPanel *reply = m_window->replyPanel();
    const SocketAddress echo = m_servers.tcpEchoAddress();
    m_window->connectionPanel()->setTarget(echo.host(), QString::number(echo.port()));
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::PeerClose, 0});
    m_window->requestEditor()->setHttpMode(false);
    m_window->requestEditor()->setBytes("hello\n");
    QElapsedTimer clock;
    clock.start();
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 3000);
    QVERIFY(clock.elapsed() >= 300);
    QVERIFY2(reply->waitHintLabel()->text().startsWith(QStringLiteral("Nothing received for ")),
             qPrintable(reply->waitHintLabel()->text()));
    QVERIFY(reply->waitHintLabel()->text().endsWith(
        QStringLiteral(" s: the server is silent and keeps the connection open.")));
    QVERIFY(reply->stopNowButton()->isVisible());
    // Not HTTP: there is no framing to switch to.
    QVERIFY(reply->useHttpFramingButton()->isHidden());
    // Updated while the silence lasts.
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHintLabel()->text().startsWith(QStringLiteral("Nothing received for 1 s")), 3000);
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
    QCOMPARE(reply->record()->result.stop.reason, StopReason::Stopped);
    QCOMPARE(reply->record()->reply->read(0, 100), QByteArray("hello\n"));
    QVERIFY(reply->waitHint()->isHidden());
}

// "Talk to it" after an HTTP exchange elsewhere: the HTTP framing and the old Host would make the
// echo's answer (the request itself) a malformed HTTP reply.
void TestMainWindow::talkToAnEchoFitsTheEcho()
{
    ConnectionPanel *connection = m_window->connectionPanel();
    connection->setTarget(QStringLiteral("www.example.org"), QStringLiteral("80"));
    connection->setStopRule(StopRule{StopRule::Kind::Http, 0});
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    QVERIFY(servers->selectListener(m_servers.tcpEcho()));
    QTest::mouseClick(servers->talkButton(), Qt::LeftButton);
    QCOMPARE(m_window->tools()->currentIndex(), 0);
    QCOMPARE(connection->targetEdit()->portEdit()->text(), QString::number(m_servers.tcpEchoAddress().port()));
    QCOMPARE(connection->settings().stopRule.kind, StopRule::Kind::Idle);
    QVERIFY(connection->settings().stopRule.value <= 1000);
    QVERIFY(!m_window->requestEditor()->isHttpMode());
    const QByteArray line = m_window->requestEditor()->bytes();
    QVERIFY(line.endsWith('\n') && !line.contains("HTTP") && !line.contains("Host"));

    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY2(!record->result.error.isError(), qPrintable(record->result.error.codeName()));
    QCOMPARE(record->result.stop.reason, StopReason::Idle);
    QCOMPARE(record->reply->read(0, 100), line);
}

// The reply streams to a file that has its name only once the exchange ends (a crash never leaves half
// of it there); meanwhile the reply panel shows the bytes as they come, and the earlier file stays.
void TestMainWindow::aStreamedReplyShowsLiveAndIsNamedAtTheEnd()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("echo.bin"));
    {
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("earlier");
    }
    ConnectionPanel *connection = m_window->connectionPanel();
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    QVERIFY(servers->selectListener(m_servers.tcpEcho()));
    QTest::mouseClick(servers->talkButton(), Qt::LeftButton);
    // Long enough a silence that the bytes are seen before the exchange ends.
    connection->setStopRule(StopRule{StopRule::Kind::Idle, 3000});
    connection->findChild<QLineEdit *>(QStringLiteral("replyFile"))->setText(out);
    connection->findChild<QCheckBox *>(QStringLiteral("toFile"))->setChecked(true);
    const QByteArray line = m_window->requestEditor()->bytes();
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(m_window->replyPanel()->hexView()->source()
                                 && m_window->replyPanel()->hexView()->source()->size() == line.size(), 10000);
    QVERIFY(connection->cancelButton()->isEnabled());
    QCOMPARE(m_window->replyPanel()->hexView()->source()->read(0, 100), line);
    QFile during(out);
    QVERIFY(during.open(QIODevice::ReadOnly));
    QCOMPARE(during.readAll(), QByteArray("earlier"));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    const auto record = m_window->replyPanel()->record();
    QVERIFY2(!record->result.error.isError(), qPrintable(record->result.error.codeName()));
    QCOMPARE(record->reply->read(0, 100), line);
    QFile after(out);
    QVERIFY(after.open(QIODevice::ReadOnly));
    QCOMPARE(after.readAll(), line);
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("echo.bin")});
}

// A file that takes no byte (a full disk): the exchange ends with an error that names the file.
void TestMainWindow::aStreamedReplyWriteErrorNamesTheFile()
{
    const QString out = QStringLiteral("/dev/full");
    ConnectionPanel *connection = m_window->connectionPanel();
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    QVERIFY(servers->selectListener(m_servers.tcpEcho()));
    QTest::mouseClick(servers->talkButton(), Qt::LeftButton);
    connection->findChild<QLineEdit *>(QStringLiteral("replyFile"))->setText(out);
    connection->findChild<QCheckBox *>(QStringLiteral("toFile"))->setChecked(true);
    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QCOMPARE(record->result.error.kind, NetError::Kind::File);
    QCOMPARE(record->result.error.systemCode, ENOSPC);
    QCOMPARE(record->result.error.detail, out);
    QVERIFY(ErrorText::describe(record->result.error).contains(out));
}

void TestMainWindow::talkToTheHttpDemoFitsHttp()
{
    ConnectionPanel *connection = m_window->connectionPanel();
    connection->setTarget(QStringLiteral("www.example.org"), QStringLiteral("80"));
    m_window->requestEditor()->setBytes("GET /old HTTP/1.1\r\nHost: www.example.org\r\n\r\n");
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    QVERIFY(servers->selectListener(m_servers.http()));
    QTest::mouseClick(servers->talkButton(), Qt::LeftButton);
    const SocketAddress http = m_servers.httpAddress();
    QCOMPARE(connection->settings().stopRule.kind, StopRule::Kind::Http);
    QVERIFY(m_window->requestEditor()->isHttpMode());
    const QByteArray request = m_window->requestEditor()->bytes();
    QVERIFY2(request.startsWith("GET / HTTP/1.1\r\n"), request.constData());
    QVERIFY2(request.contains("\r\nHost: " + http.toString().toLatin1() + "\r\n"), request.constData());
    QVERIFY(!request.contains("example.org"));

    sendAndWait(1);
    const auto record = m_window->replyPanel()->record();
    QVERIFY2(!record->result.error.isError(), qPrintable(record->result.error.codeName()));
    QCOMPARE(record->result.stop.reason, StopReason::HttpComplete);
    QCOMPARE(record->result.http->statusCode(), 200);
}

namespace {

QPlainTextEdit *requestText(MainWindow &window)
{
    auto *text = window.requestEditor()->findChild<QPlainTextEdit *>(QStringLiteral("requestText"));
    Q_ASSERT(text);
    return text;
}

void undoInTheEditor(MainWindow &window)
{
    QPlainTextEdit *text = requestText(window);
    text->setFocus();
    QTest::keyClick(text, Qt::Key_Z, Qt::ControlModifier);
}

int rowsInView(const TraceView *trace)
{
    return trace->viewport()->height() / trace->verticalHeader()->defaultSectionSize();
}

QPushButton *buttonOf(QMessageBox *box, QMessageBox::ButtonRole role)
{
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == role)
            return qobject_cast<QPushButton *>(button);
    }
    return nullptr;
}

} // namespace

// The calls and the history belong to the exchange tab: a pane of its splitter, not docks that
// float when dragged, eight rows of calls high at first at any window size. The one dock is the
// collections', which belongs to no tab.
void TestMainWindow::callsAndHistoryInAPaneOfTheExchangeTab()
{
    QCOMPARE(m_window->findChildren<QDockWidget *>(), QList<QDockWidget *>{m_window->collectionsDock()});
    QTabWidget *pane = m_window->callsAndHistory();
    QSplitter *splitter = m_window->exchangeSplitter();
    QCOMPARE(splitter->indexOf(pane), 2);
    QCOMPARE(splitter->indexOf(m_window->replyPanel()), 1);
    QCOMPARE(pane->indexOf(m_window->traceView()), 0);
    QCOMPARE(pane->indexOf(m_window->historyPanel()), 1);
    QCOMPARE(pane->tabText(0), QStringLiteral("Socket calls"));
    QCOMPARE(pane->tabText(1), QStringLiteral("History"));

    // A first launch, at the size of the screenshots and at a large one.
    for (const QSize size : {QSize(1100, 774), QSize(1440, 960), QSize(1920, 1080)}) {
        m_window->resize(size);
        QTRY_COMPARE(m_window->size(), size);
        QVERIFY2(rowsInView(m_window->traceView()) >= 8, qPrintable(QString::number(rowsInView(m_window->traceView()))));
    }

    // The View menu shows and hides each page, and the pane with the last one.
    QAction *calls = m_window->showCallsAction();
    QAction *history = m_window->showHistoryAction();
    QVERIFY(calls->isCheckable() && calls->isChecked() && history->isChecked());
    history->trigger();
    QVERIFY(!pane->isTabVisible(1));
    QVERIFY(pane->isVisible());
    calls->trigger();
    QVERIFY(!pane->isVisible());
    history->trigger();
    QVERIFY(pane->isVisible());
    QCOMPARE(pane->currentWidget(), m_window->historyPanel());
    QVERIFY(!pane->isTabVisible(0));
    calls->trigger();
    QCOMPARE(pane->currentWidget(), m_window->traceView());

    // The other tabs have their own calls: the actions wait for the exchange tab.
    m_window->tools()->setCurrentWidget(m_window->dnsPanel());
    QVERIFY(!pane->isVisible());
    QVERIFY(!calls->isEnabled());
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    QVERIFY(calls->isEnabled());
}

// Dragging the handle above the pane resizes it, and the next run finds it as it was left.
void TestMainWindow::thePaneKeepsTheSizeAPersonGaveIt()
{
    m_window->resize(1440, 960);
    QTRY_COMPARE(m_window->size(), QSize(1440, 960));
    QSplitter *splitter = m_window->exchangeSplitter();
    QWidget *pane = m_window->callsAndHistory();
    const int before = pane->height();
    QSplitterHandle *handle = splitter->handle(2);
    const QPoint grip = handle->rect().center();
    QTest::mousePress(handle, Qt::LeftButton, {}, grip);
    QTest::mouseMove(handle, grip - QPoint(0, 60));
    QTest::mouseMove(handle, grip - QPoint(0, 120));
    QTest::mouseRelease(handle, Qt::LeftButton, {}, grip - QPoint(0, 120));
    QTRY_VERIFY2(pane->height() >= before + 100, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(pane->height())));
    QVERIFY(!pane->isWindow());
    const int dragged = pane->height();
    m_window->showHistoryAction()->trigger();
    QVERIFY(m_window->close());

    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QCOMPARE(m_window->size(), QSize(1440, 960));
    QTRY_COMPARE(m_window->callsAndHistory()->height(), dragged);
    // The pane keeps its height when the window grows: the request and the reply take the room.
    m_window->resize(1440, 1040);
    QTRY_COMPARE(m_window->height(), 1040);
    QCOMPARE(m_window->callsAndHistory()->height(), dragged);
    QVERIFY(!m_window->showHistoryAction()->isChecked());
    QVERIFY(!m_window->callsAndHistory()->isTabVisible(1));
}

// socket() and connect() stay in view after a short exchange: the calls do not scroll to the last one.
void TestMainWindow::aShortExchangeShowsItsFirstCalls()
{
    m_window->resize(1100, 774);
    sendAndWait(1);
    TraceView *trace = m_window->traceView();
    const QAbstractItemModel *calls = trace->model();
    int connectRow = -1;
    for (int row = 0; row < calls->rowCount() && connectRow < 0; ++row) {
        if (calls->index(row, TraceModel::Call).data().toString() == QStringLiteral("connect"))
            connectRow = row;
    }
    QVERIFY(connectRow > 0);
    QCOMPARE(trace->verticalScrollBar()->value(), 0);
    QVERIFY(trace->viewport()->rect().contains(trace->visualRect(calls->index(connectRow, 0))));
    QVERIFY(trace->viewport()->rect().contains(trace->visualRect(calls->index(0, 0))));
}

// A URL typed after editing the request goes into that request: path and Host change, the rest stays,
// and Undo brings back what was there.
void TestMainWindow::aUrlGoesIntoTheEditedRequest()
{
    const QByteArray port = QByteArray::number(m_servers.httpAddress().port());
    QPlainTextEdit *text = requestText(*m_window);
    text->setFocus();
    text->moveCursor(QTextCursor::Start);
    for (int i = 0; i < 5; ++i)
        text->moveCursor(QTextCursor::Right);
    QTest::keyClicks(text, QStringLiteral("big.bin"));
    text->moveCursor(QTextCursor::Down);
    text->moveCursor(QTextCursor::Down);
    text->moveCursor(QTextCursor::StartOfLine);
    QTest::keyClicks(text, QStringLiteral("Accept: */*"));
    QTest::keyClick(text, Qt::Key_Return);
    const QByteArray edited = "GET /big.bin HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    QCOMPARE(m_window->requestEditor()->bytes(), edited);

    pasteUrl(QStringLiteral("http://127.0.0.1:%1/chunked").arg(QString::fromLatin1(port)));
    const QByteArray retargeted = "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nAccept: */*\r\nConnection: close\r\n\r\n";
    QCOMPARE(m_window->requestEditor()->bytes(), retargeted);
    QVERIFY(!m_window->findChild<QMessageBox *>());
    sendAndWait(1);
    QCOMPARE(m_window->replyPanel()->record()->request, retargeted);
    QCOMPARE(m_window->replyPanel()->record()->result.http->framing(), HttpFraming::Chunked);

    // Another host and port: the Host header says them; one Undo takes the whole URL back.
    pasteUrlAsIs(QStringLiteral("http://localhost:8080/a?b=1"));
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("GET /a?b=1 HTTP/1.1\r\nHost: localhost:8080\r\nAccept: */*\r\nConnection: close\r\n\r\n"));
    undoInTheEditor(*m_window);
    QCOMPARE(m_window->requestEditor()->bytes(), retargeted);
    undoInTheEditor(*m_window);
    QCOMPARE(m_window->requestEditor()->bytes(), edited);
}

// A person talking to a proxy types the target in absolute form: a URL pasted then replaces that
// URL whole, it does not cut the request down to a path; the demo server reads absolute form too.
void TestMainWindow::aUrlKeepsATargetInAbsoluteForm()
{
    const QByteArray port = QByteArray::number(m_servers.httpAddress().port());
    RequestEditor *editor = m_window->requestEditor();
    QPlainTextEdit *text = requestText(*m_window);
    text->setFocus();
    text->selectAll();
    QTest::keyClicks(text, QStringLiteral("GET http://127.0.0.1:%1/ HTTP/1.1").arg(QString::fromLatin1(port)));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("Host: 127.0.0.1:%1").arg(QString::fromLatin1(port)));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClicks(text, QStringLiteral("Connection: close"));
    QTest::keyClick(text, Qt::Key_Return);
    QTest::keyClick(text, Qt::Key_Return);
    const QByteArray rest = " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n";
    QCOMPARE(editor->bytes(), "GET http://127.0.0.1:" + port + "/" + rest);

    pasteUrl(QStringLiteral("http://127.0.0.1:%1/chunked?x=1").arg(QString::fromLatin1(port)));
    const QByteArray retargeted = "GET http://127.0.0.1:" + port + "/chunked?x=1" + rest;
    QCOMPARE(editor->bytes(), retargeted);
    QVERIFY(!m_window->findChild<QMessageBox *>());
    sendAndWait(1);
    QCOMPARE(m_window->replyPanel()->record()->request, retargeted);
    QCOMPARE(m_window->replyPanel()->record()->result.http->statusCode(), 200);
    QCOMPARE(m_window->replyPanel()->record()->result.http->framing(), HttpFraming::Chunked);
}

// A request that cannot take a URL (not HTTP) is replaced only if the person says so; Undo brings
// it back.
void TestMainWindow::aUrlAsksBeforeReplacingARawRequest()
{
    const QString url = QStringLiteral("http://127.0.0.1:%1/chunked").arg(m_servers.httpAddress().port());
    RequestEditor *editor = m_window->requestEditor();
    editor->setBytes("hello\n");
    pasteUrl(url);
    // Asked once the paste is over, not in its middle.
    QCOMPARE(editor->bytes(), QByteArray("hello\n"));
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("replaceRequest"))));
    QTRY_VERIFY(box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("not an HTTP request")));
    QVERIFY(box->text().contains(QStringLiteral("/chunked")));
    QCOMPARE(editor->bytes(), QByteArray("hello\n"));
    QTest::mouseClick(buttonOf(box, QMessageBox::RejectRole), Qt::LeftButton);
    QTRY_VERIFY(!box);
    QCOMPARE(editor->bytes(), QByteArray("hello\n"));

    pasteUrl(url);
    QTRY_VERIFY((box = m_window->findChild<QMessageBox *>(QStringLiteral("replaceRequest"))));
    QCOMPARE(box->defaultButton(), buttonOf(box, QMessageBox::AcceptRole));
    QTest::mouseClick(buttonOf(box, QMessageBox::AcceptRole), Qt::LeftButton);
    QTRY_VERIFY(!box);
    const QByteArray port = QByteArray::number(m_servers.httpAddress().port());
    QCOMPARE(editor->bytes(), "GET /chunked HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
    undoInTheEditor(*m_window);
    QCOMPARE(editor->bytes(), QByteArray("hello\n"));
}

// A new port or host goes into the Host header it was in; a Host written for another name stays.
void TestMainWindow::theHostHeaderFollowsTheTarget()
{
    RequestEditor *editor = m_window->requestEditor();
    const QByteArray request = editor->bytes();
    QLineEdit *port = m_window->connectionPanel()->targetEdit()->portEdit();
    port->setFocus();
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("8080"));
    QCOMPARE(editor->bytes(), QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n"));
    QTest::keyClick(port, Qt::Key_Backspace);
    QTest::keyClick(port, Qt::Key_Backspace);
    QTest::keyClick(port, Qt::Key_Backspace);
    QTest::keyClick(port, Qt::Key_Backspace);
    QTest::keyClicks(port, QStringLiteral("80"));
    QCOMPARE(editor->bytes(), QByteArray("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
    // The target's edits are one step for Undo.
    undoInTheEditor(*m_window);
    QCOMPARE(editor->bytes(), request);

    editor->setBytes("GET / HTTP/1.1\r\nHost: vhost.example\r\n\r\n");
    m_window->connectionPanel()->setTarget(QStringLiteral("::1"), QStringLiteral("81"));
    QCOMPARE(editor->bytes(), QByteArray("GET / HTTP/1.1\r\nHost: vhost.example\r\n\r\n"));
}

// Picking an exchange shows its request, target and reply while the form keeps what is being edited;
// a double-click puts its target and request back in the form, undoably.
void TestMainWindow::historyShowsAndLoadsAnExchange()
{
    ConnectionPanel *form = m_window->connectionPanel();
    RequestEditor *editor = m_window->requestEditor();
    const SocketAddress http = m_servers.httpAddress();
    const QByteArray first = "HEAD /chunked HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(http.port()) + "\r\n\r\n";
    form->targetEdit()->setFamily(IpFamily::V4);
    form->setStopRule(StopRule{StopRule::Kind::Http, 0});
    editor->setBytes(first);
    sendAndWait(1);

    form->setTarget(QStringLiteral("127.0.0.1"), QString::number(m_servers.tcpEchoAddress().port()));
    form->targetEdit()->setFamily(IpFamily::Any);
    form->setStopRule(StopRule{StopRule::Kind::Idle, 200});
    editor->setBytes("not http\n");
    sendAndWait(2);
    const auto second = m_window->replyPanel()->record();
    editor->setBytes("being edited\n");

    HistoryPanel *history = m_window->historyPanel();
    m_window->callsAndHistory()->setCurrentWidget(history);
    QListWidget *list = history->list();
    list->setCurrentRow(1);
    const auto picked = history->record(1);
    QCOMPARE(picked->request, first);
    QCOMPARE(m_window->replyPanel()->record(), picked);
    QVERIFY(history->requestView()->isVisible());
    QVERIFY(history->requestView()->toPlainText().startsWith(QStringLiteral("HEAD /chunked HTTP/1.1\\r\\n")));
    QVERIFY(history->targetLabel()->isVisible());
    QVERIFY(history->targetLabel()->text().contains(QStringLiteral("IPv4 only")));
    QCOMPARE(editor->bytes(), QByteArray("being edited\n"));
    QCOMPARE(form->settings().service, QString::number(m_servers.tcpEchoAddress().port()));

    // A double-click: press and release, then press again.
    const QPoint older = list->visualItemRect(list->item(1)).center();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, older);
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, older);
    QCOMPARE(form->settings().host, http.host());
    QCOMPARE(form->settings().service, QString::number(http.port()));
    QCOMPARE(form->settings().family, IpFamily::V4);
    QCOMPARE(form->settings().stopRule.kind, StopRule::Kind::Http);
    QCOMPARE(editor->bytes(), first);
    QVERIFY(editor->isHttpMode());
    QVERIFY(m_window->statusBar()->currentMessage().contains(QStringLiteral("Ctrl+Z")));
    undoInTheEditor(*m_window);
    QCOMPARE(editor->bytes(), QByteArray("being edited\n"));

    // The context menu loads the other one, a raw request, outside HTTP mode, with its stop rule.
    const QPoint newest = list->visualItemRect(list->item(0)).center();
    QContextMenuEvent event(QContextMenuEvent::Mouse, newest, list->viewport()->mapToGlobal(newest));
    QApplication::sendEvent(list->viewport(), &event);
    QTRY_VERIFY(history->contextMenu()->isVisible());
    QCOMPARE(m_window->replyPanel()->record(), second);
    history->contextMenu()->hide();
    history->loadAction()->trigger();
    QCOMPARE(editor->bytes(), QByteArray("not http\n"));
    QVERIFY(!editor->isHttpMode());
    QCOMPARE(form->settings().stopRule.kind, StopRule::Kind::Idle);
    QCOMPARE(form->settings().stopRule.value, 200);
    sendAndWait(3);
    QCOMPARE(m_window->replyPanel()->record()->reply->read(0, 100), QByteArray("not http\n"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"

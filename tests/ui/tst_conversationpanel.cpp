#include "conversation/conversationpage.h"
#include "historytesting.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationpanel.h"
#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "mainwindow.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "request/requesteditor.h"
#include "trace/traceview.h"
#include "widgets/socketoptionsedit.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "conversation/conversation.h"
#include "net/socketaddress.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "settings/storedsettings.h"
#include "text/translations.h"

#include <QAbstractItemModel>
#include <QCheckBox>
#include <QComboBox>
#include <QApplication>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace SocketLab;
using Kind = ConversationEvent::Kind;

namespace {

QStringList g_messages;

// A warning while conversations run or close is a defect: a thread destroyed while running, a
// timer or a signal on a dead object.
void recordMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    // The offscreen platform says this of every window it shows: not ours.
    if (type != QtDebugMsg && type != QtInfoMsg && !message.contains(QLatin1String("propagateSizeHints")))
        g_messages.append(message);
}

int countKind(const MessageModel *model, Kind kind)
{
    int n = 0;
    for (int row = 0; row < model->rowCount(); ++row)
        n += model->eventAt(row).kind == kind ? 1 : 0;
    return n;
}

int rowOfKind(const MessageModel *model, Kind kind)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->eventAt(row).kind == kind)
            return row;
    }
    return -1;
}

// Every byte the list shows as received, in order.
QString receivedText(const MessageModel *model)
{
    QString text;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->eventAt(row).kind == Kind::Received)
            text += model->index(row, MessageModel::PreviewColumn).data().toString();
    }
    return text;
}

QByteArray shownBytes(const HexView *view)
{
    const auto source = view->source();
    return source ? source->read(0, source->size()) : QByteArray();
}

void aim(ConversationPage *page, const PeerProcess &peer)
{
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
}

void sendLine(ConversationPage *page, const QByteArray &line)
{
    page->requestEditor()->setBytes(line);
    QTest::keyClick(page->requestEditor()->focusWidget() ? page->requestEditor()->focusWidget() : page->requestEditor(),
                    Qt::Key_Return, Qt::ControlModifier);
}

SocketAddress echoAt(quint16 port)
{
    return SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), port).value();
}

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now,
// as the event loop would.
void switchTo(const QString &language)
{
    QVERIFY(Translations::install(language));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

} // namespace

class TestConversationPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void talksHalfClosesAndShowsEveryMessage();
    void switchingToFrenchMidConversation();
    void defaultTargetFollowsTheEchoesUntilTyped();
    void formIsRememberedAcrossRuns();
    void peerResetKeepsWhatArrived();
    void bytesWaitingToBeSentAreShown();
    void optionsAppliedToTheOpenSocket();
    void udpDatagramsWithTheirSender();
    void twoConversationsAtOnce();
    void closingASubTabEndsItsConversation();
    void closingTheWindowMidConversationIsQuick();

private:
    std::unique_ptr<ConversationPanel> m_panel;
};

void TestConversationPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qInstallMessageHandler(recordMessage);
}

void TestConversationPanel::init()
{
    g_messages.clear();
    m_panel = std::make_unique<ConversationPanel>();
    m_panel->resize(1200, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConversationPanel::cleanup()
{
    Translations::install(QStringLiteral("en"));
    m_panel.reset();
    QCoreApplication::processEvents();
    QVERIFY2(g_messages.isEmpty(), qPrintable(g_messages.join(QLatin1Char('\n'))));
}

void TestConversationPanel::talksHalfClosesAndShowsEveryMessage()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    MessageModel *model = page->messageModel();
    QVERIFY(!page->sendButton()->isEnabled());
    QVERIFY(!page->closeButton()->isEnabled());
    aim(page, peer);
    QTest::mouseClick(page->connectButton(), Qt::LeftButton);

    // The greeting comes before anything is sent, and shows without a send.
    QTRY_VERIFY_WITH_TIMEOUT(countKind(model, Kind::Received) >= 1, 10000);
    QCOMPARE(countKind(model, Kind::Sent), 0);
    QCOMPARE(receivedText(model), QStringLiteral("HELLO chat\\n"));
    QCOMPARE(page->selectionLabel()->text(), QStringLiteral("Choose a message to see its bytes."));
    QTRY_VERIFY(page->sendButton()->isEnabled());
    QVERIFY(page->shutdownWriteButton()->isEnabled());
    QVERIFY(page->shutdownBothButton()->isEnabled());
    QVERIFY(page->closeButton()->isEnabled());
    QVERIFY(!page->connectButton()->isEnabled());
    QVERIFY(m_panel->tabs()->tabText(0).contains(peer.service()));

    const QByteArrayList lines = {"one\n", "two\n", "three\n"};
    for (const QByteArray &line : lines) {
        sendLine(page, line);
        const QString echo = QStringLiteral("ECHO ") + QString::fromLatin1(line.chopped(1));
        QTRY_VERIFY2_WITH_TIMEOUT(receivedText(model).contains(echo), qPrintable(receivedText(model)), 10000);
    }
    QCOMPARE(countKind(model, Kind::Sent), 3);

    // Half-close: nothing more is sent, the goodbye is still read, then the peer's FIN.
    QTest::mouseClick(page->shutdownWriteButton(), Qt::LeftButton);
    QVERIFY(!page->sendButton()->isEnabled());
    QVERIFY(!page->shutdownWriteButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(countKind(model, Kind::PeerClosed) == 1, 10000);
    QVERIFY2(receivedText(model).contains(QStringLiteral("BYE 3")), qPrintable(receivedText(model)));
    QCOMPARE(countKind(model, Kind::ShutdownWrite), 1);
    QVERIFY(rowOfKind(model, Kind::ShutdownWrite) < rowOfKind(model, Kind::PeerClosed));
    QVERIFY(page->statusLabel()->text().contains(QStringLiteral("FIN")));
    QVERIFY2(page->totalsLabel()->text().contains(QStringLiteral("in 3 message")), qPrintable(page->totalsLabel()->text()));

    // The ladder has one arrow (or mark) per row, the three sends among them.
    LadderView *ladder = page->ladderView();
    QCOMPARE(ladder->eventCount(), model->rowCount());
    int ladderSends = 0;
    for (int i = 0; i < ladder->eventCount(); ++i)
        ladderSends += ladder->eventAt(i).kind == Kind::Sent ? 1 : 0;
    QCOMPARE(ladderSends, 3);

    // A row clicked in the list: its bytes in the hex and the text views.
    QTableView *table = page->messageTable();
    const int greeting = rowOfKind(model, Kind::Received);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(greeting, MessageModel::PreviewColumn)).center());
    QCOMPARE(shownBytes(page->hexView()), QByteArray("HELLO chat\n"));
    QCOMPARE(page->textView()->source(), page->hexView()->source());
    QCOMPARE(ladder->selectedIndex(), greeting);

    // An arrow clicked in the ladder: the row selected, its bytes shown.
    const int firstSend = rowOfKind(model, Kind::Sent);
    ladder->setSelectedIndex(firstSend);
    QTest::mouseClick(ladder->viewport(), Qt::LeftButton, {}, ladder->eventRect(firstSend).center());
    QCOMPARE(table->currentIndex().row(), firstSend);
    QCOMPARE(shownBytes(page->hexView()), QByteArray("one\n"));

    // The trace has the socket calls, the shutdown among them.
    QVERIFY(page->traceView()->model()->rowCount() > 0);

    // close() ends it; Connect can start again.
    QTest::mouseClick(page->closeButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->isRunning());
    QCOMPARE(countKind(model, Kind::Closed), 1);
    QVERIFY(page->connectButton()->isEnabled());
    QVERIFY(!page->closeButton()->isEnabled());
    QVERIFY(!page->disconnectButton()->isEnabled());
}

void TestConversationPanel::switchingToFrenchMidConversation()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    MessageModel *model = page->messageModel();
    aim(page, peer);
    QTest::mouseClick(page->connectButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(countKind(model, Kind::Received) >= 1, 10000);
    QTRY_VERIFY(page->sendButton()->isEnabled());
    sendLine(page, "one\n");
    QTRY_VERIFY_WITH_TIMEOUT(receivedText(model).contains(QStringLiteral("ECHO one")), 10000);

    // The language changes under a running conversation: every label follows, nothing is lost.
    switchTo(QStringLiteral("fr"));
    QCOMPARE(page->sendButton()->text(), QStringLiteral("&Envoyer"));
    QVERIFY2(page->statusLabel()->text().startsWith(QStringLiteral("Connecté à ")), qPrintable(page->statusLabel()->text()));
    QVERIFY2(page->totalsLabel()->text().contains(QStringLiteral("envoyés en 1 message")),
             qPrintable(page->totalsLabel()->text()));
    QCOMPARE(m_panel->newConversationAction()->text(), QStringLiteral("Nouvelle conversation"));
    QVERIFY(m_panel->tabs()->tabText(0).contains(peer.service()));

    for (const QByteArray &line : {QByteArray("two\n"), QByteArray("three\n")}) {
        sendLine(page, line);
        const QString echo = QStringLiteral("ECHO ") + QString::fromLatin1(line.chopped(1));
        QTRY_VERIFY_WITH_TIMEOUT(receivedText(model).contains(echo), 10000);
    }
    QTest::mouseClick(page->shutdownWriteButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(countKind(model, Kind::PeerClosed) == 1, 10000);
    QVERIFY(receivedText(model).contains(QStringLiteral("BYE 3")));
    QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("a fermé son côté (FIN)")),
             qPrintable(page->statusLabel()->text()));
    QVERIFY2(page->totalsLabel()->text().contains(QStringLiteral("14 octets envoyés en 3 messages")),
             qPrintable(page->totalsLabel()->text()));
    QCOMPARE(page->ladderView()->eventCount(), model->rowCount());
    // The list's rows speak French too.
    QCOMPARE(model->index(rowOfKind(model, Kind::PeerClosed), MessageModel::DirectionColumn).data().toString(),
             QStringLiteral("Le pair a fermé (FIN)"));
    QCOMPARE(model->index(rowOfKind(model, Kind::Received), MessageModel::DirectionColumn).data().toString(),
             QStringLiteral("Reçu"));

    switchTo(QStringLiteral("en"));
    QCOMPARE(page->sendButton()->text(), QStringLiteral("&Send"));
    QVERIFY2(page->totalsLabel()->text().contains(QStringLiteral("Sent 14 bytes in 3 messages")),
             qPrintable(page->totalsLabel()->text()));
}

void TestConversationPanel::defaultTargetFollowsTheEchoesUntilTyped()
{
    ConversationPage *page = m_panel->currentPage();
    m_panel->setDefaultTargets(echoAt(1111),
                               echoAt(2222));
    QCOMPARE(page->targetEdit()->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("1111"));
    // UDP aims at the UDP echo, back to TCP at the TCP one.
    page->transportCombo()->setCurrentIndex(1);
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("2222"));
    page->transportCombo()->setCurrentIndex(0);
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("1111"));
    // The echoes moved (another run): the form follows them.
    m_panel->setDefaultTargets(echoAt(3333),
                               echoAt(4444));
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("3333"));
    QVERIFY(m_panel->hasDefaultTarget(page));

    // A new conversation aims where the one in view does: at the echo, and follows it too.
    ConversationPage *second = m_panel->newConversation();
    QCOMPARE(second->targetEdit()->service(), QStringLiteral("3333"));
    QVERIFY(m_panel->hasDefaultTarget(second));

    // A typed target is the person's: neither the transport nor the echoes move it.
    QLineEdit *port = second->targetEdit()->portEdit();
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("7000"));
    QVERIFY(!m_panel->hasDefaultTarget(second));
    second->transportCombo()->setCurrentIndex(1);
    m_panel->setDefaultTargets(echoAt(5555),
                               echoAt(6666));
    QCOMPARE(second->targetEdit()->service(), QStringLiteral("7000"));
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("5555"));
    // And a conversation opened from it keeps that target.
    ConversationPage *third = m_panel->newConversation();
    QCOMPARE(third->targetEdit()->service(), QStringLiteral("7000"));
    QVERIFY(!m_panel->hasDefaultTarget(third));
}

void TestConversationPanel::formIsRememberedAcrossRuns()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("settings.ini"));
    {
        ConversationPage *page = m_panel->currentPage();
        page->transportCombo()->setCurrentIndex(1);
        // Typed, as a person does: a target set by the program could be the echo's.
        for (QLineEdit *edit : {page->targetEdit()->hostEdit(), page->targetEdit()->portEdit()}) {
            edit->selectAll();
            QTest::keyClicks(edit, edit == page->targetEdit()->hostEdit() ? QStringLiteral("::1") : QStringLiteral("9999"));
        }
        page->targetEdit()->setFamily(IpFamily::V6);
        page->requestEditor()->setBytes("PING\r\n");
        page->setScript(QStringLiteral("send \"PING\\r\\n\"\n# half written, été\nexpect "));
        QSettings settings(path, QSettings::IniFormat);
        m_panel->saveState(settings);
    }
    // A typed target comes back as typed, with the transport and the message.
    {
        ConversationPanel next;
        next.setDefaultTargets(echoAt(1111),
                               echoAt(2222));
        const QSettings file(path, QSettings::IniFormat);
        StoredSettings settings(file);
        next.restoreState(settings);
        ConversationPage *page = next.currentPage();
        QCOMPARE(page->transportCombo()->currentIndex(), 1);
        QCOMPARE(page->targetEdit()->host(), QStringLiteral("::1"));
        QCOMPARE(page->targetEdit()->service(), QStringLiteral("9999"));
        QCOMPARE(page->targetEdit()->family(), IpFamily::V6);
        QCOMPARE(page->requestEditor()->bytes(), QByteArray("PING\r\n"));
        // The script editor's text too, exactly as typed, on the tab that was shown.
        QCOMPARE(page->script(), QStringLiteral("send \"PING\\r\\n\"\n# half written, été\nexpect "));
        QCOMPARE(page->inputTabs()->currentWidget(), page->scriptEdit()->parentWidget());
        QVERIFY(!next.hasDefaultTarget(page));
    }
    // A target on the echo comes back as the echo of this run, on its new port.
    {
        ConversationPanel first;
        first.setDefaultTargets(echoAt(1111),
                                echoAt(2222));
        QSettings settings(path, QSettings::IniFormat);
        first.saveState(settings);
    }
    ConversationPanel next;
    next.setDefaultTargets(echoAt(3333),
                           echoAt(4444));
    const QSettings file(path, QSettings::IniFormat);
    StoredSettings settings(file);
    next.restoreState(settings);
    QCOMPARE(next.currentPage()->targetEdit()->service(), QStringLiteral("3333"));
    QVERIFY(next.hasDefaultTarget(next.currentPage()));
}

void TestConversationPanel::peerResetKeepsWhatArrived()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("reset")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    MessageModel *model = page->messageModel();
    aim(page, peer);
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    sendLine(page, "last words\n");
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
    QCOMPARE(countKind(model, Kind::PeerReset), 1);
    // What came before the reset stays, in the list and in the byte views.
    QVERIFY2(receivedText(model).contains(QStringLiteral("HELLO chat")), qPrintable(receivedText(model)));
    QVERIFY2(receivedText(model).contains(QStringLiteral("ECHO last words")), qPrintable(receivedText(model)));
    page->showMessage(rowOfKind(model, Kind::Received));
    QCOMPARE(shownBytes(page->hexView()), QByteArray("HELLO chat\n"));
    QVERIFY(rowOfKind(model, Kind::PeerReset) == model->rowCount() - 1);
    QVERIFY(page->statusLabel()->text().contains(QStringLiteral("reset"), Qt::CaseInsensitive));
    QVERIFY(!page->sendButton()->isEnabled());
    QVERIFY(page->connectButton()->isEnabled());
}

void TestConversationPanel::bytesWaitingToBeSentAreShown()
{
    // The peer reads nothing for 3 s: 16 MiB cannot all fit in loopback's buffers meanwhile (about
    // 4 MiB to send and 6 MiB to receive at most by default). Lines, as a person's text would be.
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("bytes"), QStringLiteral("--wait"), QStringLiteral("3000")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    // Typed first: laying out 16 MiB of text takes the editor a while, and the peer's 3 s start at connect.
    page->requestEditor()->setBytes(QByteArray(63, 'x').append('\n').repeated(256 * 1024));
    aim(page, peer);
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    QVERIFY(page->send());
    QTRY_VERIFY2_WITH_TIMEOUT(page->totalsLabel()->text().contains(QStringLiteral("waiting to be sent")),
                              qPrintable(page->totalsLabel()->text()), 2000);
    // Once the peer reads, every byte leaves and the words go.
    QTRY_VERIFY2_WITH_TIMEOUT(page->conversation()->record()->sentBytes() == 16 * 1024 * 1024,
                              qPrintable(page->totalsLabel()->text()), 30000);
    QTRY_VERIFY2_WITH_TIMEOUT(!page->totalsLabel()->text().contains(QStringLiteral("waiting")),
                              qPrintable(page->totalsLabel()->text()), 5000);
}

void TestConversationPanel::optionsAppliedToTheOpenSocket()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    SocketOptionsEdit *options = page->socketOptionsEdit();
    QVERIFY(!page->applyOptionsButton()->isVisible());
    aim(page, peer);
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    // Connected: the options an open socket takes stay editable, the others and the local address do not.
    QVERIFY(page->applyOptionsButton()->isVisible());
    QVERIFY(!page->applyOptionsButton()->isEnabled());
    QVERIFY(options->isEnabled());
    QVERIFY(options->optionRow(SocketOptionName::NoDelay)->isEnabled());
    QVERIFY(!options->optionRow(SocketOptionName::ReuseAddress)->isEnabled());
    QVERIFY(!options->localEdit()->isEnabled());

    options->switchBox(SocketOptionName::NoDelay)->setCheckState(Qt::Checked);
    QVERIFY(page->applyOptionsButton()->isEnabled());
    QTest::mouseClick(page->applyOptionsButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(countKind(page->messageModel(), Kind::OptionSet), 1, 10000);
    const ConversationEvent &set = page->messageModel()->eventAt(rowOfKind(page->messageModel(), Kind::OptionSet));
    QVERIFY(set.option);
    QCOMPARE(set.option->asked, (SocketOptionSetting{SocketOptionName::NoDelay, 1}));
    QVERIFY(set.option->readBack);
    QCOMPARE(set.option->effective, 1);
    // Its row says setsockopt(TCP_NODELAY) whole, and so would the longest option name.
    QTableView *table = page->messageTable();
    const int optionRow = rowOfKind(page->messageModel(), Kind::OptionSet);
    const QString direction = page->messageModel()->index(optionRow, MessageModel::DirectionColumn).data().toString();
    QCOMPARE(direction, QStringLiteral("setsockopt(TCP_NODELAY)"));
    const int widest = table->fontMetrics().horizontalAdvance(QStringLiteral("setsockopt(IPV6_UNICAST_HOPS)"));
    QVERIFY2(table->columnWidth(MessageModel::DirectionColumn) > widest,
             qPrintable(QStringLiteral("%1 <= %2").arg(table->columnWidth(MessageModel::DirectionColumn)).arg(widest)));
    // Applied once: nothing more to apply until the form changes again.
    QVERIFY(!page->applyOptionsButton()->isEnabled());
    bool traced = false;
    for (const TraceEntry &entry : page->conversation()->trace()->entries())
        traced = traced || (entry.call == QLatin1StringView("setsockopt") && entry.args.contains(QLatin1StringView("TCP_NODELAY")));
    QVERIFY(traced);
    // The conversation goes on.
    sendLine(page, "after\n");
    QTRY_VERIFY_WITH_TIMEOUT(receivedText(page->messageModel()).contains(QStringLiteral("ECHO after")), 10000);
}

void TestConversationPanel::udpDatagramsWithTheirSender()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("udp")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    MessageModel *model = page->messageModel();
    page->transportCombo()->setCurrentIndex(page->transportCombo()->findText(QStringLiteral("UDP")));
    QVERIFY(!page->tlsCheck()->isEnabled());
    aim(page, peer);
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    // A datagram socket has no half-close; close() it has.
    QVERIFY(!page->shutdownWriteButton()->isEnabled());
    QVERIFY(!page->shutdownBothButton()->isEnabled());
    QVERIFY(page->closeButton()->isEnabled());
    sendLine(page, "ping");
    sendLine(page, "pong");
    QTRY_VERIFY_WITH_TIMEOUT(countKind(model, Kind::Received) == 2, 10000);
    const int first = rowOfKind(model, Kind::Received);
    const QString sender = QStringLiteral("127.0.0.1:") + peer.service();
    QVERIFY2(model->index(first, MessageModel::DirectionColumn).data().toString().contains(sender),
             qPrintable(model->index(first, MessageModel::DirectionColumn).data().toString()));
    page->showMessage(first);
    QCOMPARE(shownBytes(page->hexView()), QByteArray("ECHO ping"));
    QCOMPARE(model->index(first, MessageModel::SizeColumn).data().toString(), QStringLiteral("9"));
}

void TestConversationPanel::twoConversationsAtOnce()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    ConversationPage *first = m_panel->currentPage();
    aim(first, peer);
    m_panel->newConversationAction()->trigger();
    QCOMPARE(m_panel->count(), 2);
    ConversationPage *second = m_panel->currentPage();
    QVERIFY(second != first);
    // The new one aims where the one in view did.
    QCOMPARE(second->targetEdit()->service(), peer.service());
    QVERIFY(first->connectToTarget());
    QVERIFY(second->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(first->sendButton()->isEnabled() && second->sendButton()->isEnabled(), 10000);
    sendLine(first, "first\n");
    sendLine(second, "second\n");
    QTRY_VERIFY_WITH_TIMEOUT(receivedText(first->messageModel()).contains(QStringLiteral("ECHO first")), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(receivedText(second->messageModel()).contains(QStringLiteral("ECHO second")), 10000);
    QVERIFY(!receivedText(first->messageModel()).contains(QStringLiteral("ECHO second")));
    QVERIFY(!receivedText(second->messageModel()).contains(QStringLiteral("ECHO first")));
    QVERIFY(first->isRunning() && second->isRunning());
    // A page talks to one peer at a time: a second Connect while it runs starts nothing.
    const Conversation *running = first->conversation();
    QVERIFY(!first->connectToTarget());
    QCOMPARE(first->conversation(), running);
}

void TestConversationPanel::closingASubTabEndsItsConversation()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("push"), QStringLiteral("--ticks"),
                                                      QStringLiteral("1000"), QStringLiteral("--interval"),
                                                      QStringLiteral("10")});
    QVERIFY(peer.port());
    ConversationPage *page = m_panel->currentPage();
    aim(page, peer);
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(countKind(page->messageModel(), Kind::Received) >= 3, 10000);
    m_panel->newConversation();
    QCOMPARE(m_panel->count(), 2);
    const QPointer<ConversationPage> closing = page;
    QElapsedTimer clock;
    clock.start();
    emit m_panel->tabs()->tabCloseRequested(0);
    QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
    // The page and its conversation are gone, not just out of view.
    QVERIFY(closing.isNull());
    QCOMPARE(m_panel->count(), 1);
    QVERIFY(m_panel->currentPage() != nullptr);
    // The last one closed leaves a fresh page.
    emit m_panel->tabs()->tabCloseRequested(0);
    QCOMPARE(m_panel->count(), 1);
    QVERIFY(!m_panel->currentPage()->isRunning());
}

void TestConversationPanel::closingTheWindowMidConversationIsQuick()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("push"), QStringLiteral("--ticks"),
                                                      QStringLiteral("1000"), QStringLiteral("--interval"),
                                                      QStringLiteral("10")});
    QVERIFY(peer.port());
    clearHistoryFolder();
    auto window = std::make_unique<MainWindow>(nullptr);
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window.get()));
    window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    ConversationPanel *panel = window->conversationPanel();
    QCOMPARE(window->tools()->currentWidget(), panel);
    for (int i = 0; i < 2; ++i) {
        ConversationPage *page = i == 0 ? panel->currentPage() : panel->newConversation();
        aim(page, peer);
        QVERIFY(page->connectToTarget());
        QTRY_VERIFY_WITH_TIMEOUT(countKind(page->messageModel(), Kind::Received) >= 3, 10000);
    }
    // The window's Send (Ctrl+Return) sends from the conversation in view.
    ConversationPage *shown = panel->currentPage();
    shown->requestEditor()->setBytes("from the window\n");
    QTest::keyClick(window->tools()->tabBar(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(countKind(shown->messageModel(), Kind::Sent) == 1, 10000);

    QElapsedTimer clock;
    clock.start();
    window->close();
    window.reset();
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY2(elapsedMs < 1000, qPrintable(QStringLiteral("closing took %1 ms").arg(elapsedMs)));
}

QTEST_MAIN(TestConversationPanel)
#include "tst_conversationpanel.moc"

#include "reply/hexview.h"
#include "request/requesteditor.h"
#include "servers/clientmodel.h"
#include "servers/clientsendpane.h"
#include "servers/listenerform.h"
#include "servers/listenermodel.h"
#include "servers/serverspanel.h"

#include "../core/blockingclient.h"

#include "bytes/bytesource.h"
#include "servers/listener.h"
#include "text/translations.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace SocketLab;
using namespace Qt::StringLiterals;

namespace {

enum TransportIndex { Tcp, Udp };
enum ModeIndex { Echo, FixedReply, HttpDemo, LogOnly };

QString cell(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data().toString();
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

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

Listener *startFromForm(ServersPanel &panel, int transport, int mode)
{
    ListenerForm *form = panel.form();
    form->transportCombo()->setCurrentIndex(transport);
    form->modeCombo()->setCurrentIndex(mode);
    form->portSpin()->setValue(0);
    const int before = panel.listenerModel()->rowCount();
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return panel.listenerModel()->rowCount() == before + 1; }, 10000))
        return nullptr;
    return panel.selectedListener();
}

QPlainTextEdit *editorText(const ServersPanel &panel)
{
    return panel.sendPane()->editor()->findChild<QPlainTextEdit *>(u"requestText"_s);
}

} // namespace

// The Servers tab as the server end of a conversation: a client's row, the request editor, the
// bytes arriving at a real client on loopback.
class TestServersSend : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedBytesReachTheClient();
    void refusalIsSaidAndTheTextKept();
    void failureOnTheListenerThreadIsSaid();
    void shutdownAndCloseFromTheButtons();
    void contextMenuOffersTheCalls();
    void bothLanguagesAndScreenshots_data();
    void bothLanguagesAndScreenshots();

private:
    // Starts a TCP LogOnly listener from the form, connects client to it, and selects its row.
    Listener *startAndSelectClient(BlockingClient &client);

    std::unique_ptr<ServersPanel> m_panel;
};

void TestServersSend::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestServersSend::init()
{
    QVERIFY(switchTo(u"en"_s));
    m_panel = std::make_unique<ServersPanel>(nullptr);
    m_panel->resize(1440, 960);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestServersSend::cleanup()
{
    m_panel.reset();
}

Listener *TestServersSend::startAndSelectClient(BlockingClient &client)
{
    Listener *listener = startFromForm(*m_panel, Tcp, LogOnly);
    if (!listener || !client.connectTo(listener->boundAddress()))
        return nullptr;
    if (!QTest::qWaitFor([&] { return m_panel->clientModel()->rowCount() == 1; }, 10000))
        return nullptr;
    clickRow(m_panel->clientsView(), 0);
    return listener;
}

void TestServersSend::typedBytesReachTheClient()
{
    BlockingClient client;
    Listener *listener = startAndSelectClient(client);
    QVERIFY(listener);
    QVERIFY(m_panel->sendPane()->isHidden());
    QVERIFY(m_panel->sendToClientButton()->isEnabled());
    QTest::mouseClick(m_panel->sendToClientButton(), Qt::LeftButton);
    QVERIFY(m_panel->sendPane()->isVisible());
    // Room for the editor and its buttons, the focus in the editor.
    QVERIFY(m_panel->sendPane()->height() >= m_panel->sendPane()->minimumSizeHint().height());
    QVERIFY(m_panel->sendPane()->height() > m_panel->height() / 4);
    QVERIFY(m_panel->sendPane()->editor()->isAncestorOf(QApplication::focusWidget()));
    const quint64 id = m_panel->clientModel()->clientAt(0).id;
    QCOMPARE(m_panel->sendPane()->titleLabel()->text(),
             u"Send to client %1 (%2)"_s.arg(id).arg(client.localAddress().toString()));

    // Typed in the editor's Escapes mode, as a person writes a line ending.
    QPlainTextEdit *edit = editorText(*m_panel);
    QVERIFY(edit);
    edit->selectAll();
    QTest::keyClicks(edit, u"220 scripted server\\r\\n"_s);
    const QByteArray greeting = "220 scripted server\r\n";
    QCOMPARE(m_panel->sendPane()->editor()->bytes(), greeting);
    QTest::mouseClick(m_panel->sendPane()->sendButton(), Qt::LeftButton);
    QCOMPARE(client.receiveExactly(greeting.size()), greeting);

    // The row counts it, and the Sent view shows it as one send().
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), QString::number(greeting.size()));
    QTest::mouseClick(m_panel->sentButton(), Qt::LeftButton);
    QCOMPARE(shownBytes(*m_panel), greeting);
    QVERIFY(m_panel->hexView()->segmentDescription(0).startsWith(u"send #1"_s));
    QVERIFY(m_panel->sendPane()->messageLabel()->isHidden());

    // Ctrl+Return in the editor sends again; the text stays for the next send.
    QCOMPARE(m_panel->sendPane()->editor()->bytes(), greeting);
    QTest::keyClick(edit, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(client.receiveExactly(greeting.size()), greeting);
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), QString::number(2 * greeting.size()));
    QTRY_COMPARE(shownBytes(*m_panel), greeting + greeting);
    QCOMPARE(listener->client(id)->bytesOut, qint64(2 * greeting.size()));
}

void TestServersSend::refusalIsSaidAndTheTextKept()
{
    BlockingClient client;
    Listener *listener = startAndSelectClient(client);
    QVERIFY(listener);
    m_panel->openSendPane();
    ClientSendPane *pane = m_panel->sendPane();
    pane->editor()->setBytes("too late\n");
    // Half-closed behind the panel's back: its row still says Open when Send is pressed.
    const quint64 id = m_panel->clientModel()->clientAt(0).id;
    QVERIFY(!listener->shutdownWrite(id).isError());
    QVERIFY(pane->sendButton()->isEnabled());
    pane->sendButton()->click();
    const QString peer = client.localAddress().toString();
    QCOMPARE(pane->messageLabel()->text(),
             u"Could not send to client %1: sending after the socket was shut down (ESHUTDOWN) during send() on %2."_s
                 .arg(id)
                 .arg(peer));
    QVERIFY(pane->messageLabel()->isVisible());
    QCOMPARE(pane->editor()->bytes(), QByteArray("too late\n"));

    // Once the row catches up, the buttons say what is left: close().
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Half-closed"_s);
    QVERIFY(!pane->sendButton()->isEnabled());
    QVERIFY(!pane->shutdownButton()->isEnabled());
    QVERIFY(pane->closeButton()->isEnabled());
    QCOMPARE(pane->titleLabel()->text(), u"Client %1 (%2): its write side is shut; close() is left."_s.arg(id).arg(peer));
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), QByteArray());
    QVERIFY(eof);

    // A client gone is said in the title, and nothing is left to do.
    client.close();
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Closed"_s);
    QVERIFY(!pane->closeButton()->isEnabled());
    QVERIFY(!m_panel->sendToClientButton()->isEnabled());
    QCOMPARE(pane->titleLabel()->text(), u"Client %1 (%2) is closed: nothing more can be sent to it."_s.arg(id).arg(peer));
}

void TestServersSend::failureOnTheListenerThreadIsSaid()
{
    // A datagram larger than UDP allows is accepted by the panel and refused by sendto().
    Listener *listener = startFromForm(*m_panel, Udp, LogOnly);
    QVERIFY(listener);
    BlockingClient client(SOCK_DGRAM);
    QVERIFY(client.sendTo("hello", listener->boundAddress()));
    QTRY_COMPARE(m_panel->clientModel()->rowCount(), 1);
    clickRow(m_panel->clientsView(), 0);
    m_panel->openSendPane();
    ClientSendPane *pane = m_panel->sendPane();
    QVERIFY(pane->shutdownButton()->isHidden());
    QVERIFY(pane->closeButton()->isHidden());
    const quint64 id = m_panel->clientModel()->clientAt(0).id;
    // The client's socket is bound to 0.0.0.0: the listener sees it on loopback.
    const QString sender = Listener::loopback(client.localAddress().port()).toString();
    QCOMPARE(pane->titleLabel()->text(), u"Send a datagram to sender %1 (%2)"_s.arg(id).arg(sender));

    pane->editor()->setBytes("pong");
    QVERIFY(pane->send());
    SocketAddress from;
    qint64 size = 0;
    QCOMPARE(client.receiveFrom(&from, &size), QByteArray("pong"));
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), u"4"_s);

    pane->editor()->setBytes(QByteArray(70000, 'z'));
    QVERIFY(pane->send());
    QTRY_VERIFY(pane->messageLabel()->isVisible());
    QVERIFY2(pane->messageLabel()->text().startsWith(u"Could not send to client %1: message too long for the socket (EMSGSIZE) during sendto()"_s.arg(id)),
             qPrintable(pane->messageLabel()->text()));
    QCOMPARE(pane->editor()->bytes().size(), 70000);
}

void TestServersSend::shutdownAndCloseFromTheButtons()
{
    BlockingClient client;
    Listener *listener = startAndSelectClient(client);
    QVERIFY(listener);
    m_panel->openSendPane();
    ClientSendPane *pane = m_panel->sendPane();
    pane->editor()->setBytes("bye\n");
    QTest::mouseClick(pane->sendButton(), Qt::LeftButton);
    QTest::mouseClick(pane->shutdownButton(), Qt::LeftButton);
    QVERIFY(!pane->sendButton()->isEnabled());
    QVERIFY(!pane->shutdownButton()->isEnabled());
    QVERIFY(pane->closeButton()->isEnabled());
    bool eof = false;
    QCOMPARE(client.receiveUntilClosed(&eof), QByteArray("bye\n"));
    QVERIFY(eof);
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Half-closed"_s);

    // The listener still reads the client after its half-close.
    QVERIFY(client.sendAll("still here\n"));
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesIn), u"11"_s);
    QTest::mouseClick(pane->closeButton(), Qt::LeftButton);
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Closed"_s);
    QVERIFY(!pane->closeButton()->isEnabled());
    QVERIFY(pane->messageLabel()->isHidden());
}

void TestServersSend::contextMenuOffersTheCalls()
{
    BlockingClient client;
    Listener *listener = startAndSelectClient(client);
    QVERIFY(listener);
    m_panel->clientsView()->clearSelection();
    QStringList texts;
    QList<bool> enabled;
    // The menu runs its own event loop: read it, then choose "Send to client…" from it.
    QTimer::singleShot(0, this, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction *action : menu->actions()) {
            texts.append(action->text());
            enabled.append(action->isEnabled());
        }
        menu->actions().first()->trigger();
        menu->close();
    });
    const QModelIndex index = m_panel->clientModel()->index(0, ClientModel::Peer);
    emit m_panel->clientsView()->customContextMenuRequested(m_panel->clientsView()->visualRect(index).center());
    QCOMPARE(texts, QStringList({u"Send to client…"_s, u"shutdown(SHUT_&WR)"_s, u"close()"_s}));
    QCOMPARE(enabled, QList<bool>({true, true, true}));
    // The row under the pointer is the one acted on.
    QCOMPARE(m_panel->selectedClient(), std::optional<quint64>(m_panel->clientModel()->clientAt(0).id));
    QVERIFY(m_panel->sendPane()->isVisible());
}

void TestServersSend::bothLanguagesAndScreenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("fr") << u"fr"_s;
}

void TestServersSend::bothLanguagesAndScreenshots()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    BlockingClient client;
    Listener *listener = startAndSelectClient(client);
    QVERIFY(listener);
    QVERIFY(client.sendAll("EHLO client.example\r\n"));
    m_panel->openSendPane();
    ClientSendPane *pane = m_panel->sendPane();
    pane->editor()->setBytes("250 Hello client.example\r\n");
    QVERIFY(pane->send());
    QCOMPARE(client.receiveExactly(26), QByteArray("250 Hello client.example\r\n"));
    QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::BytesOut), u"26"_s);
    const quint64 id = m_panel->clientModel()->clientAt(0).id;
    const QString peer = client.localAddress().toString();
    QTRY_COMPARE(shownBytes(*m_panel), QByteArray("EHLO client.example\r\n"));
    // For the review: the tab as it is, when SOCKETLAB_SCREENSHOT_DIR names a folder.
    if (const QString dir = qEnvironmentVariable("SOCKETLAB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_panel->grab().save(QDir(dir).filePath(u"srvsend-%1.png"_s.arg(language))));

    // A refusal, to show how it reads.
    QVERIFY(!listener->shutdownWrite(id).isError());
    pane->sendButton()->click();
    if (language == u"fr"_s) {
        QCOMPARE(m_panel->sendToClientButton()->text(), u"Envoyer au client…"_s);
        QCOMPARE(pane->sendButton()->text(), u"Envoyer au client"_s);
        QCOMPARE(pane->titleLabel()->text(), u"Envoyer au client %1 (%2)"_s.arg(id).arg(peer));
        QCOMPARE(pane->messageLabel()->text(),
                 u"Impossible d'envoyer au client %1\u00a0: envoi sur un socket déjà fermé en écriture (shutdown) (ESHUTDOWN) lors de send() sur %2."_s
                     .arg(id)
                     .arg(peer));
        QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Demi-fermée"_s);
    } else {
        QCOMPARE(m_panel->sendToClientButton()->text(), u"Send to client…"_s);
        QTRY_COMPARE(cell(m_panel->clientModel(), 0, ClientModel::State), u"Half-closed"_s);
    }
}

QTEST_MAIN(TestServersSend)
#include "tst_serverssend.moc"

#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "conversation/pastconversationlist.h"
#include "mainwindow.h"
#include "reply/hexview.h"
#include "request/requesteditor.h"
#include "trace/traceview.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "conversation/conversation.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "net/trace.h"
#include "peerprocess.h"
#include "text/translations.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QMessageBox>
#include <QTest>
#include <QTreeWidget>

#include <memory>

using namespace SocketLab;
using Kind = ConversationEvent::Kind;

namespace {

QByteArray shownBytes(const HexView *view)
{
    const auto source = view->source();
    return source ? source->read(0, source->size()) : QByteArray();
}

// A line of every byte value but the line end the chat peer answers at.
QByteArray binaryLine()
{
    QByteArray bytes;
    for (int b = 0; b < 256; ++b) {
        if (b != '\n')
            bytes.append(char(b));
    }
    return bytes + '\n';
}

std::unique_ptr<MainWindow> openWindow()
{
    auto window = std::make_unique<MainWindow>(nullptr);
    window->resize(1200, 800);
    window->show();
    window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    return window;
}

ConversationPage *connectTo(ConversationPage *page, const PeerProcess &peer)
{
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    if (!page->connectToTarget())
        return nullptr;
    return page;
}

qsizetype receivedCount(const ConversationPage *page)
{
    return page->record() ? page->record()->receivedMessages() : 0;
}

} // namespace

class TestConversationHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void aConversationOutlivesTheWindow();
    void limitsFromTheSettingsPrune();
    void damagedFileIsSkippedWithANotice();
};

void TestConversationHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestConversationHistory::init()
{
    // Every test starts with no history and no settings, whatever a test before it left.
    ConversationHistory::waitForFiles();
    QSettings().clear();
    QDir(ConversationHistory::defaultFolder()).removeRecursively();
}

void TestConversationHistory::aConversationOutlivesTheWindow()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    std::shared_ptr<const ConversationRecord> first;
    std::shared_ptr<const Trace> firstTrace;
    {
        auto window = openWindow();
        ConversationPanel *panel = window->conversationPanel();
        QTRY_VERIFY(panel->history()->isLoaded());
        QCOMPARE(panel->history()->conversations().size(), 0);

        // One conversation to its end: greeting, two lines (one of every byte), half-close, FIN, close().
        ConversationPage *page = connectTo(panel->currentPage(), peer);
        QVERIFY(page);
        QTRY_VERIFY_WITH_TIMEOUT(receivedCount(page) >= 1, 10000);
        QTRY_VERIFY(page->canSend());
        page->requestEditor()->setBytes("one\n");
        QVERIFY(page->send());
        QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().contains("ECHO one\n"), 10000);
        page->requestEditor()->setBytes(binaryLine());
        QVERIFY(page->send());
        QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().endsWith("\xfe\xff\n"), 10000);
        page->shutdownWrite();
        QTRY_VERIFY_WITH_TIMEOUT(page->messageModel()->rowCount() > 0
                                     && page->messageModel()->eventAt(page->messageModel()->rowCount() - 1).kind == Kind::PeerClosed,
                                 10000);
        page->closeSocket();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
        first = page->record();
        firstTrace = page->trace();
        // Kept as soon as it ended, not only at the window's close.
        QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 1, 10000);

        // A second one still open when the window closes: kept as it stands, cut short.
        ConversationPage *open = connectTo(panel->newConversation(), peer);
        QVERIFY(open);
        QTRY_VERIFY_WITH_TIMEOUT(receivedCount(open) >= 1, 10000);
        window->close();
        ConversationHistory::waitForFiles();
    }
    QCOMPARE(QDir(ConversationHistory::defaultFolder()).entryList(QDir::Files).size(), 2);

    auto window = openWindow();
    ConversationPanel *panel = window->conversationPanel();
    PastConversationList *list = panel->pastList();
    QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 2, 10000);
    QCOMPARE(list->shownCount(), 2);
    // Newest first: the one cut short by the close started last.
    QCOMPARE(panel->history()->conversations().at(0).stop.code, QStringLiteral("window_closed"));
    QCOMPARE(list->tree()->topLevelItem(0)->text(4), QStringLiteral("cut short"));
    QCOMPARE(list->tree()->topLevelItem(1)->text(4), QStringLiteral("the peer closed"));
    QVERIFY(list->tree()->topLevelItem(1)->text(1).contains(QStringLiteral("127.0.0.1:") + peer.service()));
    QVERIFY(panel->showPastAction()->text().contains(QStringLiteral("(2)")));

    // The search: the bytes said, how it ended, the port.
    list->searchEdit()->setText(QStringLiteral("echo one"));
    QCOMPARE(list->shownCount(), 1);
    list->searchEdit()->setText(QStringLiteral("cut short"));
    QCOMPARE(list->shownCount(), 1);
    list->searchEdit()->setText(peer.service());
    QCOMPARE(list->shownCount(), 2);
    list->searchEdit()->setText(QStringLiteral("nothing said like this"));
    QCOMPARE(list->shownCount(), 0);
    list->searchEdit()->clear();

    // Opened: a page of its own, read-only, the same events, bytes and calls.
    const int pages = panel->count();
    list->selectRow(1);
    const QString openedPath = list->selected()->path;
    QVERIFY(list->openButton()->isEnabled());
    QTest::mouseClick(list->openButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->count(), pages + 1, 10000);
    ConversationPage *saved = panel->currentPage();
    QVERIFY(saved->isSaved());
    QVERIFY(!saved->connectButton()->isVisible());
    QVERIFY(saved->talkAgainButton()->isVisible());
    QVERIFY(!saved->targetEdit()->isEnabled());
    QCOMPARE(saved->record()->sent().toByteArray(), first->sent().toByteArray());
    QCOMPARE(saved->record()->received().toByteArray(), first->received().toByteArray());
    QVERIFY(saved->record()->sent().toByteArray().contains(binaryLine()));
    const QList<ConversationEvent> before = first->events();
    QCOMPARE(saved->messageModel()->rowCount(), int(before.size()));
    QCOMPARE(saved->ladderView()->eventCount(), int(before.size()));
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(int(saved->messageModel()->eventAt(int(i)).kind), int(before.at(i).kind));
        QCOMPARE(saved->messageModel()->eventAt(int(i)).timeUs, before.at(i).timeUs);
    }
    QCOMPARE(saved->trace()->entries().size(), firstTrace->entries().size());
    QCOMPARE(saved->statusLabel()->text(), QStringLiteral("The conversation with 127.0.0.1:%1 is over.").arg(peer.service()));
    QVERIFY2(saved->totalsLabel()->text().contains(QStringLiteral("Sent 260 bytes in 2 messages")), qPrintable(saved->totalsLabel()->text()));
    for (int row = 0; row < saved->messageModel()->rowCount(); ++row) {
        if (saved->messageModel()->eventAt(row).kind == Kind::Sent) {
            saved->showMessage(row);
            QCOMPARE(shownBytes(saved->hexView()), QByteArray("one\n"));
            break;
        }
    }

    // Talk again: the same target, in a new page, connected.
    QTest::mouseClick(saved->talkAgainButton(), Qt::LeftButton);
    QCOMPARE(panel->count(), pages + 2);
    ConversationPage *again = panel->currentPage();
    QVERIFY(!again->isSaved());
    QVERIFY(again->isRunning());
    QCOMPARE(again->runningRequest().service, peer.service());
    QTRY_VERIFY_WITH_TIMEOUT(receivedCount(again) >= 1, 10000);
    again->disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning(), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 3, 10000);
    // The new one came in above: the row chosen is still the conversation chosen.
    QVERIFY(list->selected());
    QCOMPARE(list->selected()->path, openedPath);

    // Delete asks; kept, the file stays; deleted, it goes.
    const QString path = panel->history()->conversations().at(2).path;
    list->selectRow(2);
    const auto answer = [&](const QString &button) {
        QTest::mouseClick(list->deleteButton(), Qt::LeftButton);
        QMessageBox *question = nullptr;
        QTRY_VERIFY(question = list->findChild<QMessageBox *>(QStringLiteral("deleteConversation")));
        for (QAbstractButton *each : question->buttons()) {
            if (each->text().remove(u'&') == button)
                each->click();
        }
        QTRY_VERIFY(!list->findChild<QMessageBox *>(QStringLiteral("deleteConversation")));
    };
    answer(QStringLiteral("Keep it"));
    ConversationHistory::waitForFiles();
    QCoreApplication::processEvents();
    QCOMPARE(panel->history()->conversations().size(), 3);
    QVERIFY(QFile::exists(path));
    answer(QStringLiteral("Delete"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 2, 10000);
    QVERIFY(!QFile::exists(path));
    window.reset();
    ConversationHistory::waitForFiles();
}

void TestConversationHistory::limitsFromTheSettingsPrune()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    {
        auto window = openWindow();
        ConversationPanel *panel = window->conversationPanel();
        for (int i = 0; i < 3; ++i) {
            ConversationPage *page = connectTo(i == 0 ? panel->currentPage() : panel->newConversation(), peer);
            QVERIFY(page);
            QTRY_VERIFY_WITH_TIMEOUT(receivedCount(page) >= 1, 10000);
            page->disconnectFromTarget();
            QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), i + 1, 10000);
        }
        window->close();
    }
    ConversationHistory::waitForFiles();
    QSettings().setValue(QStringLiteral("history/maxEntries"), 2);
    auto window = openWindow();
    ConversationPanel *panel = window->conversationPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->history()->isLoaded(), 10000);
    QCOMPARE(panel->history()->conversations().size(), 2);
    ConversationHistory::waitForFiles();
    QCOMPARE(QDir(ConversationHistory::defaultFolder()).entryList(QDir::Files).size(), 2);
}

void TestConversationHistory::damagedFileIsSkippedWithANotice()
{
    QVERIFY(QDir().mkpath(ConversationHistory::defaultFolder()));
    QFile file(ConversationHistory::defaultFolder() + QStringLiteral("/20260101-000000000-0000.json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\":\"socketlab-conversation\",\"version\":2}");
    file.close();
    auto window = openWindow();
    ConversationPanel *panel = window->conversationPanel();
    QTRY_VERIFY_WITH_TIMEOUT(panel->history()->isLoaded(), 10000);
    QCOMPARE(panel->history()->conversations().size(), 0);
    QVERIFY(panel->pastList()->noticeLabel()->text().contains(QStringLiteral("newer SocketLab")));
}

QTEST_MAIN(TestConversationHistory)
#include "tst_conversationhistory.moc"

#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/ladderview.h"
#include "conversation/pastconversationlist.h"
#include "mainwindow.h"
#include "request/requesteditor.h"
#include "widgets/targetedit.h"

#include "collections/savedrequest.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationscript.h"
#include "conversation/conversationscriptrunner.h"
#include "historytesting.h"
#include "peerprocess.h"
#include "text/scripttext.h"
#include "text/translations.h"

#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBlock>

#include <memory>

using namespace SocketLab;
using Kind = ConversationEvent::Kind;

namespace {

// Every kind of step the chat peer can answer, in several sends, a regular expression, a half-close,
// the peer's FIN and close(): the window plays them as talk --script does.
const QString ChatScript = QStringLiteral("# the peer greets first\n"
                                          "expect HELLO chat\\n\n"
                                          "send one\\n\n"
                                          "expect ECHO one\\n\n"
                                          "send-hex 74 77 6f 0d 0a\n"
                                          "expect-re ECHO tw.\\r\\n\n"
                                          "sleep 50\n"
                                          "timeout 8000\n"
                                          "shutdown wr\n"
                                          "expect BYE 2\\n\n"
                                          "expect-close\n"
                                          "close\n");
const QByteArray ChatSent = QByteArrayLiteral("one\ntwo\r\n");
const QByteArray ChatReceived = QByteArrayLiteral("HELLO chat\nECHO one\nECHO two\r\nBYE 2\n");

std::unique_ptr<MainWindow> openWindow()
{
    auto window = std::make_unique<MainWindow>(nullptr);
    window->resize(1200, 800);
    window->show();
    window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    return window;
}

SavedRequest scriptRequest(const PeerProcess &peer, const QString &script)
{
    SavedRequest request;
    request.kind = SavedRequest::Kind::Script;
    request.name = QStringLiteral("chat");
    request.tcp.host = QStringLiteral("127.0.0.1");
    request.tcp.service = peer.service();
    request.script = script;
    return request;
}

QList<Kind> kinds(const ConversationRecord &record)
{
    QList<Kind> list;
    for (const ConversationEvent &event : record.events())
        list.append(event.kind);
    return list;
}

// What the chat script leaves: every byte each way, and the calls in their order.
void checkChatConversation(const ConversationPage *page)
{
    const ConversationRecord &record = *page->record();
    QCOMPARE(record.sent().toByteArray(), ChatSent);
    QCOMPARE(record.received().toByteArray(), ChatReceived);
    const QList<Kind> events = kinds(record);
    QCOMPARE(events.count(Kind::Sent), 2);
    QVERIFY(events.indexOf(Kind::ShutdownWrite) > events.lastIndexOf(Kind::Sent));
    QVERIFY(events.indexOf(Kind::PeerClosed) > events.indexOf(Kind::ShutdownWrite));
    QCOMPARE(events.constLast(), Kind::Closed);
}

} // namespace

class TestScriptWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void runsAScriptOfSeveralSteps();
    void reportsAnExpectationNotMet();
    void stopLeavesTheConversationOpen();
    void syntaxErrorIsShownWhereItIs();
    void opensASavedScriptWhole();
    void savesThePageScriptWhole();
    void talkAgainPlaysTheScriptAgain();
};

void TestScriptWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestScriptWindow::init()
{
    // Every test starts with no history and no settings, whatever a test or a run before it left.
    ConversationHistory::waitForFiles();
    clearHistoryFolder();
    QSettings().clear();
}

void TestScriptWindow::runsAScriptOfSeveralSteps()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    auto window = openWindow();
    ConversationPage *page = window->conversationPanel()->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    page->setScript(ChatScript);
    QCOMPARE(page->inputTabs()->currentIndex(), 1);
    QCOMPARE(page->scriptResultLabel()->text(), QStringLiteral("11 steps, ready to run."));
    QVERIFY(page->runScriptButton()->isEnabled());
    QVERIFY(!page->stopScriptButton()->isEnabled());

    QSignalSpy finished(page, &ConversationPage::scriptFinished);
    // Run script connects first, then plays every step; the step in play is said and marked.
    QTest::mouseClick(page->runScriptButton(), Qt::LeftButton);
    QVERIFY(page->isRunning());
    QVERIFY(page->isScriptRunning());
    QVERIFY(page->stopScriptButton()->isEnabled());
    QVERIFY(page->scriptEdit()->isReadOnly());
    QCOMPARE(page->scriptStepLabel()->text(), QStringLiteral("Waiting for the connection…"));

    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(page->scriptResultLabel()->text(), QStringLiteral("The script played its 11 steps."));
    QVERIFY(page->scriptStepLabel()->text().isEmpty());
    QVERIFY(!page->scriptEdit()->isReadOnly());
    // The script's close() ends the conversation.
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
    checkChatConversation(page);
    QCOMPARE(page->playedScript(), ChatScript);
    QCOMPARE(page->ladderView()->eventCount(), int(page->record()->events().size()));
    window.reset();
    ConversationHistory::waitForFiles();
}

void TestScriptWindow::reportsAnExpectationNotMet()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    auto window = openWindow();
    ConversationPage *page = window->conversationPanel()->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    // What arrived since the last expectation was met: the line end the peer sent with ECHO hi.
    page->setScript(QStringLiteral("send hi\\n\nexpect ECHO hi\ntimeout 300\nexpect NEVER\nsend never sent\\n\n"));
    QSignalSpy finished(page, &ConversationPage::scriptFinished);
    QVERIFY(page->runScript());
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);

    // The sentence talk --script prints, and the conversation still open to go on by hand.
    ScriptFailure failure;
    failure.line = 4;
    failure.kind = ScriptStep::Kind::Expect;
    failure.bytes = "NEVER";
    failure.waitedMs = 300;
    failure.lastBytes = "\n";
    const QString sentence = describeScriptFailure(failure);
    QCOMPARE(sentence, QStringLiteral("line 4: expected \"NEVER\" within 300 ms; the last bytes that arrived: \"\\n\"."));
    QCOMPARE(page->scriptResultLabel()->text(),
             QStringLiteral("The script stopped at %1 The conversation is still open: go on by hand.").arg(sentence));
    QVERIFY(page->isRunning());
    QVERIFY(!page->isScriptRunning());
    QCOMPARE(page->record()->sent().toByteArray(), QByteArray("hi\n"));
    QVERIFY(page->canSend());
    page->requestEditor()->setBytes("by hand\n");
    QVERIFY(page->send());
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().endsWith("ECHO by hand\n"), 10000);
    QCOMPARE(page->record()->sent().toByteArray(), QByteArray("hi\nby hand\n"));
    window.reset();
    ConversationHistory::waitForFiles();
}

void TestScriptWindow::stopLeavesTheConversationOpen()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    auto window = openWindow();
    ConversationPage *page = window->conversationPanel()->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->canSend(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray() == "HELLO chat\n", 10000);
    // On an open conversation the script starts at once, and waits for what arrives from now on.
    page->setScript(QStringLiteral("timeout 60000\nexpect HELLO\nsend late\\n\n"));
    QSignalSpy finished(page, &ConversationPage::scriptFinished);
    QVERIFY(page->runScript());
    QCOMPARE(page->scriptStepLabel()->text(), QStringLiteral("Step 2 of 3 (line 2)"));
    QTest::mouseClick(page->stopScriptButton(), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY(!page->isScriptRunning());
    QCOMPARE(page->scriptResultLabel()->text(), QStringLiteral("The script was stopped at line 2."));
    QVERIFY(page->isRunning());
    QVERIFY(page->runScriptButton()->isEnabled());
    // Stopped means stopped: what comes next does not make it play on.
    page->requestEditor()->setBytes("HELLO\n");
    QVERIFY(page->send());
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().endsWith("ECHO HELLO\n"), 10000);
    QTest::qWait(100);
    QCOMPARE(page->record()->sent().toByteArray(), QByteArray("HELLO\n"));
    window.reset();
    ConversationHistory::waitForFiles();
}

void TestScriptWindow::syntaxErrorIsShownWhereItIs()
{
    auto window = openWindow();
    ConversationPage *page = window->conversationPanel()->currentPage();
    page->setScript(QStringLiteral("send ok\nsned oops\n"));
    const ScriptParse parse = parseConversationScript(page->script());
    QVERIFY(parse.error.isError());
    QCOMPARE(page->scriptResultLabel()->text(), describeScriptError(parse.error));
    QVERIFY(page->scriptResultLabel()->text().startsWith(QStringLiteral("line 2, column 1: ")));
    QVERIFY(!page->runScriptButton()->isEnabled());
    QVERIFY(!page->runScript());
    QVERIFY(!page->isRunning());
    QCOMPARE(page->scriptEdit()->extraSelections().size(), 1);
    QCOMPARE(page->scriptEdit()->extraSelections().constFirst().cursor.block().blockNumber(), 1);
    // Not saved as it is: the window says why.
    SavedRequest request;
    QString problem;
    QVERIFY(!window->currentSavedRequest(&request, &problem));
    QVERIFY2(problem.contains(QStringLiteral("line 2, column 1")), qPrintable(problem));
}

void TestScriptWindow::opensASavedScriptWhole()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    auto window = openWindow();
    window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    // Open: the whole script in the Script tab, nothing played.
    window->openSavedRequest(scriptRequest(peer, ChatScript), false);
    QCOMPARE(window->tools()->currentIndex(), int(MainWindow::ConversationTab));
    ConversationPage *page = window->conversationPanel()->currentPage();
    QCOMPARE(page->script(), ChatScript);
    QCOMPARE(page->inputTabs()->currentIndex(), 1);
    QCOMPARE(page->targetEdit()->service(), peer.service());
    QVERIFY(!page->isRunning());

    // Send: the whole script played, every byte as the script says.
    window->openSavedRequest(scriptRequest(peer, ChatScript), true);
    page = window->conversationPanel()->currentPage();
    QCOMPARE(page->script(), ChatScript);
    QVERIFY(page->isScriptRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isScriptRunning(), 15000);
    QCOMPARE(page->scriptResultLabel()->text(), QStringLiteral("The script played its 11 steps."));
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
    checkChatConversation(page);
    window.reset();
    ConversationHistory::waitForFiles();
}

void TestScriptWindow::savesThePageScriptWhole()
{
    auto window = openWindow();
    ConversationPage *page = window->conversationPanel()->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("7007"));
    page->requestEditor()->setBytes("not this\n");
    page->setScript(ChatScript);
    SavedRequest request;
    QString problem;
    QVERIFY2(window->currentSavedRequest(&request, &problem), qPrintable(problem));
    QCOMPARE(request.kind, SavedRequest::Kind::Script);
    QCOMPARE(request.script, ChatScript);
    QCOMPARE(request.tcp.service, QStringLiteral("7007"));

    // A no-break space typed in a send stays one: its bytes are what the script sends.
    const QString french = QStringLiteral("send Prix\u00a0: 10\u00a0€\nclose\n");
    page->setScript(french);
    QVERIFY(window->currentSavedRequest(&request, &problem));
    QCOMPARE(request.script, french);
    QCOMPARE(parseConversationScript(page->script()).steps.first().bytes, QByteArray("Prix\xc2\xa0: 10\xc2\xa0\xe2\x82\xac"));

    // No script: the message, as before.
    page->setScript(QStringLiteral("  \n"));
    QVERIFY(window->currentSavedRequest(&request, &problem));
    QCOMPARE(request.script, QStringLiteral("send-hex 6e 6f 74 20 74 68 69 73 0a\n"));
}

void TestScriptWindow::talkAgainPlaysTheScriptAgain()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    auto window = openWindow();
    ConversationPanel *panel = window->conversationPanel();
    QTRY_VERIFY(panel->history()->isLoaded());
    ConversationPage *page = panel->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    page->setScript(ChatScript);
    QVERIFY(page->runScript());
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 15000);
    checkChatConversation(page);
    // Kept with its script.
    QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 1, 10000);
    QCOMPARE(panel->history()->conversations().constFirst().script, ChatScript);

    // Opened: the script shown, read-only; Talk again plays it again in a page of its own.
    PastConversationList *list = panel->pastList();
    QTRY_COMPARE(list->shownCount(), 1);
    list->selectRow(0);
    QTest::mouseClick(list->openButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(panel->currentPage()->isSaved(), 10000);
    ConversationPage *saved = panel->currentPage();
    QCOMPARE(saved->script(), ChatScript);
    QVERIFY(saved->scriptEdit()->isReadOnly());
    QTest::mouseClick(saved->talkAgainButton(), Qt::LeftButton);
    ConversationPage *again = panel->currentPage();
    QVERIFY(again != saved);
    QCOMPARE(again->script(), ChatScript);
    QVERIFY(again->isScriptRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!again->isRunning(), 15000);
    QCOMPARE(again->scriptResultLabel()->text(), QStringLiteral("The script played its 11 steps."));
    checkChatConversation(again);
    QTRY_COMPARE_WITH_TIMEOUT(panel->history()->conversations().size(), 2, 10000);

    // The list's own Talk again does the same.
    list->selectRow(0);
    QTest::mouseClick(list->talkAgainButton(), Qt::LeftButton);
    ConversationPage *third = panel->currentPage();
    QVERIFY(third != again);
    QVERIFY(third->isScriptRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!third->isRunning(), 15000);
    checkChatConversation(third);
    window.reset();
    ConversationHistory::waitForFiles();
}

QTEST_MAIN(TestScriptWindow)
#include "tst_scriptwindow.moc"

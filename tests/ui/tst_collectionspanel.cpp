#include "mainwindow.h"

#include "code/showcodedialog.h"
#include "collections/collectionmodel.h"
#include "collections/collectionspanel.h"
#include "collections/collectionstore.h"
#include "collections/saverequestdialog.h"
#include "connection/connectionpanel.h"
#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "conversation/messagemodel.h"
#include "conversation/pastconversationlist.h"
#include "history/historypanel.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "udp/udppanel.h"
#include "widgets/targetedit.h"

#include "collections/collectionfile.h"
#include "historytesting.h"
#include "collections/collectionjson.h"
#include "conversation/conversationhistory.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationscript.h"
#include "peerprocess.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "text/collectiontext.h"
#include "threads/blockingcallpool.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

#include <linux/capability.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <memory>

using namespace SocketLab;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Root writes in a read-only folder all the same: the test drops that power for itself and the
// threads it starts from now on, so the read-only folder is read-only for the window's file lane.
void dropFileOverride()
{
    if (::geteuid() != 0)
        return;
    __user_cap_header_struct header{_LINUX_CAPABILITY_VERSION_3, 0};
    __user_cap_data_struct data[2]{};
    if (::syscall(SYS_capget, &header, data) != 0)
        return;
    data[0].effective &= ~((1u << CAP_DAC_OVERRIDE) | (1u << CAP_DAC_READ_SEARCH) | (1u << CAP_FOWNER));
    ::syscall(SYS_capset, &header, data);
}

// Every byte value, then CR and LF in every mix.
QByteArray everyByte()
{
    QByteArray bytes;
    for (int value = 0; value < 256; ++value)
        bytes.append(char(value));
    return bytes + QByteArrayLiteral("a\r\nb\nc\rd\n\re\r\r\n\n\r\n");
}

} // namespace

// The collections panel of the window: saving each tab's form to a file read back byte-exact, opening
// a request into its form exactly, the list's edits and search, a .http file written by hand with an
// environment, a save that fails keeping everything, Send reaching a peer.
class TestCollectionsPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void savesTheTcpFormExactlyAndOpensItBack();
    void savesTheUdpFormAndOpensItBack();
    void savesAConversationAsAScript();
    void aConversationIsSavedAsWhatItSentAndPlaysTheSame();
    void renamesDuplicatesMovesDeletesAndSearches();
    void aHandWrittenHttpFileOpensWithAnEnvironment();
    void aFailedSaveKeepsTheFormAndSaysWhy();
    void anHttpFileRefusesWhatItCannotWrite();
    void sendFromThePanelReachesLoopbackPeers();
    void requestVariablesTakeTheRepliesSentFromThePanel();
    void exportsToAnHttpFile();
    void editsQueuedAtTheCloseAreWritten();
    void savingOverASavedNameAsksFirst();
    void aNewCollectionIsAFileThePanelLists_data();
    void aNewCollectionIsAFileThePanelLists();

private:
    CollectionsPanel *panel() const { return m_window->collectionsPanel(); }
    void waitIdle();
    // Save to collection… with the dialog filled: a new JSON collection when `newCollection` is set.
    SaveRequestDialog *fillSaveDialog(const QString &name, const QString &newCollection, const QStringList &folder,
                                      bool http = false);
    void save(const QString &name, const QString &newCollection, const QStringList &folder, bool http = false);
    Collection readCollection(const QString &path);
    void select(const QString &path, int index);

    LocalServers m_servers;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<MainWindow> m_window;
};

void TestCollectionsPanel::initTestCase()
{
    dropFileOverride();
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestCollectionsPanel::init()
{
    QSettings().clear();
    clearHistoryFolder();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->collectionsDock()->show();
    panel()->store()->setFolder(m_dir->path());
    panel()->store()->reload();
    waitIdle();
}

void TestCollectionsPanel::cleanup()
{
    m_window.reset();
    QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    m_dir.reset();
}

void TestCollectionsPanel::waitIdle()
{
    QTRY_VERIFY_WITH_TIMEOUT(panel()->store()->isIdle(), 10000);
}

SaveRequestDialog *TestCollectionsPanel::fillSaveDialog(const QString &name, const QString &newCollection,
                                                        const QStringList &folder, bool http)
{
    m_window->saveToCollectionAction()->trigger();
    SaveRequestDialog *dialog = panel()->saveDialog();
    if (!dialog)
        return nullptr;
    dialog->nameEdit()->setText(name);
    if (!newCollection.isEmpty()) {
        dialog->collectionCombo()->setCurrentIndex(dialog->collectionCombo()->count() - 1);
        dialog->newCollectionEdit()->setText(newCollection);
        dialog->formatCombo()->setCurrentIndex(http ? 1 : 0);
    }
    dialog->setFolder(folder);
    return dialog;
}

void TestCollectionsPanel::save(const QString &name, const QString &newCollection, const QStringList &folder, bool http)
{
    QPointer<SaveRequestDialog> dialog = fillSaveDialog(name, newCollection, folder, http);
    QVERIFY(dialog);
    QVERIFY(m_window->collectionsDock()->isVisible());
    QVERIFY(m_window->showCollectionsAction()->isChecked());
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
    waitIdle();
}

Collection TestCollectionsPanel::readCollection(const QString &path)
{
    CollectionError error;
    const Collection collection = CollectionJson::read(readFile(path), &error);
    if (error.isError())
        qWarning() << describeCollectionError(error);
    return collection;
}

void TestCollectionsPanel::select(const QString &path, int index)
{
    QVERIFY(panel()->selectRequest(path, index));
}

void TestCollectionsPanel::savesTheTcpFormExactlyAndOpensItBack()
{
    ConnectionPanel *form = m_window->connectionPanel();
    form->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("4433"));
    form->setTls(true);
    form->setStopRule(StopRule{StopRule::Kind::Idle, 750});
    form->setLimits(2500, 60000, 3 * 1024 * 1024);
    const QByteArray bytes = everyByte();
    m_window->requestEditor()->setBytes(bytes);
    QCOMPARE(m_window->requestEditor()->bytes(), bytes);
    // Hidden, the panel comes into view to save.
    m_window->collectionsDock()->hide();
    QVERIFY(!m_window->showCollectionsAction()->isChecked());

    save(QStringLiteral("every byte"), QStringLiteral("lab"), {QStringLiteral("raw"), QStringLiteral("bytes")});
    const QString path = m_dir->filePath(QStringLiteral("lab.json"));
    const Collection collection = readCollection(path);
    QCOMPARE(collection.requests.size(), 1);
    const SavedRequest saved = collection.requests.first();
    QCOMPARE(saved.name, QStringLiteral("every byte"));
    QCOMPARE(saved.folder, (QStringList{QStringLiteral("raw"), QStringLiteral("bytes")}));
    QCOMPARE(saved.kind, SavedRequest::Kind::Tls);
    QCOMPARE(saved.tcp.payload, bytes);
    QCOMPARE(saved.tcp.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(saved.tcp.service, QStringLiteral("4433"));
    QCOMPARE(saved.tcp.stopRule.kind, StopRule::Kind::Idle);
    QCOMPARE(saved.tcp.stopRule.value, 750);
    QCOMPARE(saved.tcp.connectTimeoutMs, 2500);
    QCOMPARE(saved.tcp.totalTimeoutMs, 60000);
    QCOMPARE(saved.tcp.maxBytes, 3 * 1024 * 1024);
    QVERIFY(panel()->messageLabel()->text().contains(QStringLiteral("every byte")));

    // Another form, then Open: the saved one back, exactly, without sending.
    form->setTarget(QStringLiteral("example.org"), QStringLiteral("80"));
    form->setTls(false);
    form->setStopRule(StopRule{StopRule::Kind::Http, 0});
    form->setLimits(10000, 0, 256 * 1024 * 1024);
    m_window->requestEditor()->setBytes(QByteArrayLiteral("GET / HTTP/1.0\r\n\r\n"));
    m_window->tools()->setCurrentIndex(MainWindow::DnsTab);
    select(path, 0);
    panel()->openButton()->click();
    QCOMPARE(m_window->tools()->currentIndex(), int(MainWindow::ExchangeTab));
    QCOMPARE(m_window->requestEditor()->bytes(), bytes);
    const ConnectionSettings settings = form->settings();
    QCOMPARE(settings.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(settings.service, QStringLiteral("4433"));
    QVERIFY(settings.tls);
    QCOMPARE(settings.stopRule.kind, StopRule::Kind::Idle);
    QCOMPARE(settings.stopRule.value, 750);
    QCOMPARE(settings.connectTimeoutMs, 2500);
    QCOMPARE(settings.totalTimeoutMs, 60000);
    QCOMPARE(settings.maxBytes, 3 * 1024 * 1024);
    QCOMPARE(m_window->historyPanel()->count(), 0);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("\"every byte\" is in the form: press Send."));

    // The TLS options and the recv() size are in the form, and saved from it again.
    SavedRequest tuned = saved;
    tuned.name = QStringLiteral("tuned");
    tuned.tcp.tls.serverName = QStringLiteral("lab.test");
    tuned.tcp.tls.alpn = {QByteArrayLiteral("h2")};
    tuned.tcp.tls.minVersion = TlsVersion::Tls13;
    tuned.tcp.recvSize = 1024;
    m_window->openSavedRequest(tuned, false);
    QCOMPARE(m_window->statusBar()->currentMessage(), QStringLiteral("\"tuned\" is in the form: press Send."));
    const ConnectionSettings tunedSettings = form->settings();
    QCOMPARE(tunedSettings.tlsServerName, QStringLiteral("lab.test"));
    QCOMPARE(tunedSettings.tlsAlpn, tuned.tcp.tls.alpn);
    QCOMPARE(tunedSettings.tlsMinVersion, TlsVersion::Tls13);
    QCOMPARE(tunedSettings.recvSize, 1024);
    save(QStringLiteral("tuned"), QString(), {});
    const Collection again = readCollection(path);
    QCOMPARE(again.requests.size(), 2);
    const auto found = std::find_if(again.requests.cbegin(), again.requests.cend(),
                                    [](const SavedRequest &r) { return r.name == QStringLiteral("tuned"); });
    QVERIFY(found != again.requests.cend());
    const SavedRequest &resaved = *found;
    QCOMPARE(resaved.tcp.tls.serverName, QStringLiteral("lab.test"));
    QCOMPARE(resaved.tcp.tls.alpn, tuned.tcp.tls.alpn);
    QCOMPARE(resaved.tcp.tls.minVersion, TlsVersion::Tls13);
    QCOMPARE(resaved.tcp.recvSize, 1024);

    // A pin is the window's trust, not the collection's: one the window does not have is said.
    SavedRequest pinned = saved;
    pinned.name = QStringLiteral("pinned");
    pinned.tcp.tls.pinSha256 = QByteArray(32, '\x5a');
    m_window->openSavedRequest(pinned, false);
    const QString said = m_window->statusBar()->currentMessage();
    QVERIFY2(said.startsWith(QStringLiteral("\"pinned\" is in the form but for its pinned certificate")), qPrintable(said));
}

void TestCollectionsPanel::savesTheUdpFormAndOpensItBack()
{
    m_window->tools()->setCurrentIndex(MainWindow::UdpTab);
    UdpPanel *udp = m_window->udpPanel();
    udp->setTarget(QStringLiteral("::1"), QStringLiteral("5353"));
    const QByteArray datagram = QByteArray("\x00\x01\r\n\xff query\n", 13);
    udp->requestEditor()->setBytes(datagram);
    udp->waitSpin()->setValue(1234);
    udp->countSpin()->setValue(3);
    udp->connectedCheck()->setChecked(true);
    save(QStringLiteral("dns"), QStringLiteral("udp things"), {});
    const QString path = m_dir->filePath(QStringLiteral("udp things.json"));
    const Collection collection = readCollection(path);
    QCOMPARE(collection.requests.size(), 1);
    const SavedRequest saved = collection.requests.first();
    QCOMPARE(saved.kind, SavedRequest::Kind::Udp);
    QCOMPARE(saved.udp.payload, datagram);
    QCOMPARE(saved.udp.host, QStringLiteral("::1"));
    QCOMPARE(saved.udp.service, QStringLiteral("5353"));
    QCOMPARE(saved.udp.waitMs, 1234);
    QCOMPARE(saved.udp.maxDatagrams, 3);
    QVERIFY(saved.udp.connected);

    udp->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("9"));
    udp->requestEditor()->setBytes("other");
    udp->waitSpin()->setValue(2000);
    udp->countSpin()->setValue(0);
    udp->connectedCheck()->setChecked(false);
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    select(path, 0);
    panel()->openAction()->trigger();
    QCOMPARE(m_window->tools()->currentIndex(), int(MainWindow::UdpTab));
    const UdpRequest request = udp->request();
    QCOMPARE(request.payload, datagram);
    QCOMPARE(request.host, QStringLiteral("::1"));
    QCOMPARE(request.service, QStringLiteral("5353"));
    QCOMPARE(request.waitMs, 1234);
    QCOMPARE(request.maxDatagrams, 3);
    QVERIFY(request.connected);

    // Show code… on it: the program of what was saved, whatever the form holds now.
    udp->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("9"));
    select(path, 0);
    panel()->showCodeAction()->trigger();
    QTRY_COMPARE(m_window->findChildren<ShowCodeDialog *>().size(), 1);
    ShowCodeDialog *dialog = m_window->findChildren<ShowCodeDialog *>().constFirst();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->program().isEmpty(), 10000);
    QVERIFY(dialog->windowTitle().contains(QStringLiteral("::1:5353")));
    CodeRequest expected;
    QString problem;
    QVERIFY(CodeRequest::fromSaved(saved, &expected, &problem));
    QCOMPARE(dialog->program(), generateCode(dialog->language(), expected));
    dialog->close();
}

void TestCollectionsPanel::savesAConversationAsAScript()
{
    m_window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    ConversationPage *page = m_window->conversationPanel()->currentPage();
    QVERIFY(page);
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("7007"));
    const QByteArray message = QByteArray("HELO\r\n\x00\xfe", 8);
    page->requestEditor()->setBytes(message);
    save(QStringLiteral("hello"), QStringLiteral("talks"), {QStringLiteral("chat")});
    const QString path = m_dir->filePath(QStringLiteral("talks.json"));
    const Collection collection = readCollection(path);
    QCOMPARE(collection.requests.size(), 1);
    const SavedRequest saved = collection.requests.first();
    QCOMPARE(saved.kind, SavedRequest::Kind::Script);
    QCOMPARE(saved.tcp.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(saved.tcp.service, QStringLiteral("7007"));
    QCOMPARE(saved.script, QStringLiteral("send-hex 48 45 4c 4f 0d 0a 00 fe\n"));

    page->targetEdit()->setTarget(QStringLiteral("localhost"), QStringLiteral("1"));
    page->requestEditor()->setBytes("x");
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    select(path, 0);
    panel()->openButton()->click();
    QCOMPARE(m_window->tools()->currentIndex(), int(MainWindow::ConversationTab));
    page = m_window->conversationPanel()->currentPage();
    QCOMPARE(page->targetEdit()->host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(page->targetEdit()->service(), QStringLiteral("7007"));
    // The script opens whole in the Script tab; the message editor is left as it was.
    QCOMPARE(page->script(), QStringLiteral("send-hex 48 45 4c 4f 0d 0a 00 fe\n"));
    QCOMPARE(page->requestEditor()->bytes(), QByteArray("x"));
}

void TestCollectionsPanel::aConversationIsSavedAsWhatItSentAndPlaysTheSame()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port() != 0);
    m_window->tools()->setCurrentIndex(MainWindow::ConversationTab);
    ConversationPanel *conversations = m_window->conversationPanel();
    ConversationPage *page = conversations->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->record() && page->record()->received().toByteArray() == "HELLO chat\n", 10000);
    QTRY_VERIFY(page->canSend());
    page->requestEditor()->setBytes("hi\r\n");
    QVERIFY(page->send());
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().endsWith("ECHO hi\r\n"), 10000);
    QByteArray binary;
    for (int b = 0; b < 256; ++b) {
        if (b != '\n')
            binary.append(char(b));
    }
    binary += '\n';
    page->requestEditor()->setBytes(binary);
    QVERIFY(page->send());
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().toByteArray().endsWith("\xfe\xff\n"), 10000);
    page->shutdownWrite();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning() || page->record()->received().toByteArray().endsWith("BYE 2\n"), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(page->messageModel()->rowCount() > 0
                                 && page->messageModel()->eventAt(page->messageModel()->rowCount() - 1).kind
                                        == ConversationEvent::Kind::PeerClosed,
                             10000);
    page->closeSocket();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
    const QByteArray sent = page->record()->sent().toByteArray();
    const QByteArray received = page->record()->received().toByteArray();
    QCOMPARE(sent, QByteArray("hi\r\n") + binary);

    // The page's message editor holds the binary line: what is saved is what the conversation did.
    save(QStringLiteral("talked"), QStringLiteral("talks"), {});
    const QString path = m_dir->filePath(QStringLiteral("talks.json"));
    Collection collection = readCollection(path);
    QCOMPARE(collection.requests.size(), 1);
    const SavedRequest saved = collection.requests.first();
    QCOMPARE(saved.kind, SavedRequest::Kind::Script);
    QCOMPARE(saved.tcp.service, peer.service());
    const ScriptParse parse = parseConversationScript(saved.script);
    QVERIFY(!parse.error.isError());
    QByteArray scripted;
    QList<ScriptStep::Kind> kinds;
    for (const ScriptStep &step : parse.steps) {
        kinds << step.kind;
        if (step.kind == ScriptStep::Kind::Send)
            scripted += step.bytes;
    }
    QCOMPARE(scripted, sent);
    // Greeting, hi, its echo, the binary line, its echo, the half-close, BYE, the peer's FIN, close().
    QCOMPARE(kinds, (QList<ScriptStep::Kind>{ScriptStep::Kind::ExpectRegex, ScriptStep::Kind::Send, ScriptStep::Kind::ExpectRegex,
                                            ScriptStep::Kind::Send, ScriptStep::Kind::ExpectRegex, ScriptStep::Kind::ShutdownWrite,
                                            ScriptStep::Kind::ExpectRegex, ScriptStep::Kind::ExpectClose, ScriptStep::Kind::Close}));

    // Sent from the panel, the script says and hears the same bytes, every expectation met.
    select(path, 0);
    panel()->sendButton()->click();
    ConversationPage *replay = conversations->currentPage();
    QSignalSpy finished(replay, &ConversationPage::scriptFinished);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    // This test loads no translation: the plural stays as the source writes it.
    QCOMPARE(replay->scriptResultLabel()->text(), QStringLiteral("The script played its 9 step(s)."));
    QTRY_VERIFY_WITH_TIMEOUT(!replay->isRunning(), 10000);
    QCOMPARE(replay->record()->sent().toByteArray(), sent);
    QCOMPARE(replay->record()->received().toByteArray(), received);

    // A past conversation saves the same way, from its file.
    QTRY_VERIFY_WITH_TIMEOUT(conversations->history()->conversations().size() == 2, 10000);
    conversations->showPastAction()->setChecked(true);
    PastConversationList *past = conversations->pastList();
    // Newest first: the one typed by hand is the second row.
    past->selectRow(1);
    QVERIFY(past->saveButton()->isEnabled());
    past->saveButton()->click();
    QTRY_VERIFY_WITH_TIMEOUT(panel()->saveDialog() && panel()->saveDialog()->isVisible(), 10000);
    QVERIFY(conversations->currentPage()->isSaved());
    QPointer<SaveRequestDialog> dialog = panel()->saveDialog();
    dialog->nameEdit()->setText(QStringLiteral("from the history"));
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
    waitIdle();
    collection = readCollection(path);
    QCOMPARE(collection.requests.size(), 2);
    QCOMPARE(collection.requests.at(1).script, saved.script);
}

void TestCollectionsPanel::renamesDuplicatesMovesDeletesAndSearches()
{
    Collection collection;
    collection.name = QStringLiteral("hand");
    const auto make = [](const QString &name, const QStringList &folder, const QString &host, const QByteArray &payload) {
        SavedRequest request;
        request.name = name;
        request.folder = folder;
        request.tcp.host = host;
        request.tcp.service = QStringLiteral("80");
        request.tcp.payload = payload;
        return request;
    };
    collection.requests = {make(QStringLiteral("one"), {QStringLiteral("api")}, QStringLiteral("alpha.test"), "GET /one"),
                           make(QStringLiteral("top"), {}, QStringLiteral("beta.test"), "PING"),
                           make(QStringLiteral("two"), {QStringLiteral("api")}, QStringLiteral("gamma.test"), "GET /two"),
                           make(QStringLiteral("three"), {QStringLiteral("api")}, QStringLiteral("delta.test"), "POST /needle")};
    const QString path = m_dir->filePath(QStringLiteral("hand.json"));
    CollectionError error;
    QVERIFY(CollectionFile::writeAtomically(path, CollectionJson::write(collection), &error));
    panel()->store()->reload();
    waitIdle();
    const auto names = [this, &path] {
        QStringList result;
        for (const SavedRequest &request : readCollection(path).requests)
            result.append(request.name);
        return result;
    };

    // Rename, asked in a dialog.
    select(path, 0);
    panel()->renameAction()->trigger();
    auto *rename = panel()->findChild<QInputDialog *>(QStringLiteral("renameDialog"));
    QVERIFY(rename);
    rename->setTextValue(QStringLiteral("first"));
    rename->accept();
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"), QStringLiteral("three")}));
    // A name its folder has already is refused, said in the panel.
    panel()->renameCurrent(QStringLiteral("two"));
    waitIdle();
    QCOMPARE(names().first(), QStringLiteral("first"));
    QVERIFY(panel()->messageLabel()->isVisible());
    QVERIFY(panel()->messageLabel()->text().contains(QStringLiteral("two")));

    // Duplicate: a copy beside it, with a name of its own.
    select(path, 2);
    panel()->duplicateAction()->trigger();
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"), QStringLiteral("two copy"),
                                   QStringLiteral("three")}));
    QCOMPARE(readCollection(path).requests.at(3).tcp.payload, QByteArrayLiteral("GET /two"));

    // Move up within the folder: "top" (another folder) between them does not count.
    select(path, 2);
    panel()->moveUpAction()->trigger();
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("two"), QStringLiteral("top"), QStringLiteral("first"), QStringLiteral("two copy"),
                                   QStringLiteral("three")}));
    QCOMPARE(panel()->tree()->currentIndex().data().toString(), QStringLiteral("two"));
    panel()->moveDownAction()->trigger();
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"), QStringLiteral("two copy"),
                                   QStringLiteral("three")}));

    // Drag and drop within the folder: onto a request puts it before that one, onto the folder at its end.
    CollectionModel *model = panel()->model();
    const auto sourceOf = [model, &path](int index) { return model->indexForKey(CollectionModel::requestKey(path, index)); };
    std::unique_ptr<QMimeData> dragged(model->mimeData({sourceOf(4)}));
    QVERIFY(dragged);
    QVERIFY(!model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, 0, sourceOf(1))); // "top": another folder
    QVERIFY(model->canDropMimeData(dragged.get(), Qt::MoveAction, -1, 0, sourceOf(0)));
    QVERIFY(!model->dropMimeData(dragged.get(), Qt::MoveAction, -1, 0, sourceOf(0)));
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("three"), QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"),
                                   QStringLiteral("two copy")}));
    dragged.reset(model->mimeData({sourceOf(0)}));
    const QModelIndex api = model->indexForKey(CollectionModel::folderKey(path, {QStringLiteral("api")}));
    QVERIFY(api.isValid());
    QVERIFY(!model->dropMimeData(dragged.get(), Qt::MoveAction, -1, 0, api));
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"), QStringLiteral("two copy"),
                                   QStringLiteral("three")}));
    QCOMPARE(panel()->tree()->currentIndex().data().toString(), QStringLiteral("three"));

    // Delete asks first; keeping it changes nothing.
    select(path, 3);
    panel()->deleteAction()->trigger();
    auto *box = panel()->findChild<QMessageBox *>(QStringLiteral("deleteRequest"));
    QVERIFY(box);
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::RejectRole)
            button->click();
    }
    waitIdle();
    QCOMPARE(names().size(), 5);
    panel()->deleteAction()->trigger();
    box = panel()->findChild<QMessageBox *>(QStringLiteral("deleteRequest"));
    QVERIFY(box);
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole)
            button->click();
    }
    waitIdle();
    QCOMPARE(names(), (QStringList{QStringLiteral("first"), QStringLiteral("top"), QStringLiteral("two"), QStringLiteral("three")}));

    // Search: by name, host, port, folder, request text.
    QSortFilterProxyModel *filter = panel()->filterModel();
    const auto shownRequests = [filter] {
        QStringList shown;
        for (const QModelIndex &index : filter->match(filter->index(0, 0), CollectionModel::ItemKindRole,
                                                      int(CollectionModel::RequestItem), -1, Qt::MatchExactly | Qt::MatchRecursive))
            shown.append(index.data().toString());
        return shown;
    };
    QCOMPARE(shownRequests().size(), 4);
    panel()->searchEdit()->setText(QStringLiteral("needle"));
    QCOMPARE(shownRequests(), QStringList{QStringLiteral("three")});
    panel()->searchEdit()->setText(QStringLiteral("BETA.test"));
    QCOMPARE(shownRequests(), QStringList{QStringLiteral("top")});
    panel()->searchEdit()->setText(QStringLiteral("api"));
    QCOMPARE(shownRequests().size(), 3);
    panel()->searchEdit()->setText(QStringLiteral("fir"));
    QCOMPARE(shownRequests(), QStringList{QStringLiteral("first")});
    panel()->searchEdit()->setText(QStringLiteral("80"));
    QCOMPARE(shownRequests().size(), 4);
    panel()->searchEdit()->setText(QStringLiteral("nothing like it"));
    QCOMPARE(shownRequests().size(), 0);
    panel()->searchEdit()->clear();
    QCOMPARE(shownRequests().size(), 4);
}

void TestCollectionsPanel::aHandWrittenHttpFileOpensWithAnEnvironment()
{
    // Listed where it is, with the environment files beside it.
    QTemporaryDir elsewhere;
    for (const QString &name : {QStringLiteral("restclient.http"), QStringLiteral("http-client.env.json"),
                                QStringLiteral("http-client.private.env.json")})
        QVERIFY(QFile::copy(QStringLiteral(SOCKETLAB_HTTP_DATA_DIR "/") + name, elsewhere.filePath(name)));
    const QString path = elsewhere.filePath(QStringLiteral("restclient.http"));
    panel()->importFile(path);
    waitIdle();
    QVERIFY(panel()->store()->collection(path));
    QCOMPARE(panel()->store()->extraFiles(), QStringList{path});

    // Without an environment {{host}} has no value: the core's sentence, and the form is left alone.
    m_window->requestEditor()->setBytes("untouched");
    select(path, 0);
    QCOMPARE(panel()->environmentCombo()->count(), 3); // none, dev, prod
    QVERIFY(panel()->environmentCombo()->isEnabled());
    panel()->openButton()->click();
    QCOMPARE(m_window->requestEditor()->bytes(), QByteArrayLiteral("untouched"));
    QVERIFY(panel()->messageLabel()->isVisible());
    QVERIFY2(panel()->messageLabel()->text().contains(QStringLiteral("host")), qPrintable(panel()->messageLabel()->text()));

    // Environment "dev": host is localhost.
    panel()->environmentCombo()->setCurrentIndex(panel()->environmentCombo()->findData(QStringLiteral("dev")));
    waitIdle();
    QCOMPARE(panel()->store()->environment(path), QStringLiteral("dev"));
    select(path, 0);
    QCOMPARE(panel()->tree()->currentIndex().data().toString(), QStringLiteral("login"));
    panel()->openButton()->click();
    QCOMPARE(m_window->connectionPanel()->settings().host, QStringLiteral("localhost"));
    QCOMPARE(m_window->connectionPanel()->settings().service, QStringLiteral("80"));
    const QByteArray bytes = m_window->requestEditor()->bytes();
    QVERIFY2(bytes.startsWith("POST /api/login HTTP/1.1\r\n"), bytes.constData());
    QVERIFY(bytes.contains("Content-Type: application/json\r\n"));
    QVERIFY(bytes.contains("\"name\": \"foo\""));

    // Exported to another .http file, it is the same file: its {{variables}} stay, and the
    // environment's values (the private file's too) are not written into it.
    QTemporaryDir out;
    const QString copy = out.filePath(QStringLiteral("copy.http"));
    QSignalSpy exported(panel()->store(), &CollectionStore::exported);
    panel()->exportCurrent(copy);
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.first().at(1).toBool());
    QCOMPARE(readFile(copy), readFile(path));

    // Kept between runs: a new window lists it again.
    QSettings settings;
    m_window->close();
    m_window = std::make_unique<MainWindow>(&m_servers);
    panel()->store()->setFolder(m_dir->path());
    waitIdle();
    QCOMPARE(panel()->store()->extraFiles(), QStringList{path});
    QTRY_VERIFY(panel()->store()->collection(path));

    // A hand-written file is not written over: SocketLab would lose its variables.
    select(path, 0);
    panel()->renameCurrent(QStringLiteral("other"));
    waitIdle();
    QVERIFY(readFile(path) == readFile(QStringLiteral(SOCKETLAB_HTTP_DATA_DIR "/restclient.http")));
    QVERIFY(panel()->messageLabel()->text().contains(QStringLiteral("restclient.http")));

    // No longer listed, on request; the file stays.
    QVERIFY(!panel()->removeFromListAction()->isEnabled());
    const QModelIndex collection = panel()->filterModel()->mapFromSource(
        panel()->model()->indexForKey(CollectionModel::folderKey(path, {})));
    panel()->tree()->setCurrentIndex(collection);
    QVERIFY(panel()->removeFromListAction()->isEnabled());
    panel()->removeFromListAction()->trigger();
    QVERIFY(!panel()->store()->collection(path));
    QVERIFY(panel()->store()->extraFiles().isEmpty());
    QVERIFY(QFile::exists(path));
}

void TestCollectionsPanel::aFailedSaveKeepsTheFormAndSaysWhy()
{
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::ExeOwner));
    {
        QFile probe(m_dir->filePath(QStringLiteral("probe")));
        if (probe.open(QIODevice::WriteOnly))
            QSKIP("This process writes in a read-only folder (root without the capabilities dropped).");
    }
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("25"));
    const QByteArray bytes = QByteArrayLiteral("HELO example.org\r\n");
    m_window->requestEditor()->setBytes(bytes);
    QPointer<SaveRequestDialog> dialog = fillSaveDialog(QStringLiteral("smtp"), QStringLiteral("mail"), {QStringLiteral("greet")});
    QVERIFY(dialog);
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->problemLabel()->isVisible(), 10000);
    waitIdle();
    // Said in a sentence, the dialog still open with everything typed, the form as it was.
    QVERIFY(dialog->isVisible());
    QVERIFY2(dialog->problemLabel()->text().contains(QStringLiteral("mail.json")), qPrintable(dialog->problemLabel()->text()));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("smtp"));
    QCOMPARE(dialog->newCollectionEdit()->text(), QStringLiteral("mail"));
    QCOMPARE(dialog->folder(), QStringList{QStringLiteral("greet")});
    QVERIFY(dialog->buttons()->button(QDialogButtonBox::Save)->isEnabled());
    QCOMPARE(m_window->requestEditor()->bytes(), bytes);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("mail.json"))));

    // Writable again: the same dialog saves.
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(!dialog, 10000);
    QCOMPARE(readCollection(m_dir->filePath(QStringLiteral("mail.json"))).requests.value(0).tcp.payload, bytes);
}

void TestCollectionsPanel::anHttpFileRefusesWhatItCannotWrite()
{
    m_window->tools()->setCurrentIndex(MainWindow::UdpTab);
    m_window->udpPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("53"));
    m_window->udpPanel()->requestEditor()->setBytes("query");
    QPointer<SaveRequestDialog> dialog = fillSaveDialog(QStringLiteral("dns"), QStringLiteral("web"), {}, true);
    QVERIFY(dialog);
    dialog->buttons()->button(QDialogButtonBox::Save)->click();
    QTRY_VERIFY_WITH_TIMEOUT(dialog->problemLabel()->isVisible(), 10000);
    CollectionError notHttp{CollectionError::Kind::NotHttp, m_dir->filePath(QStringLiteral("web.http")), 0, 0, QStringLiteral("dns")};
    QCOMPARE(dialog->problemLabel()->text(), describeCollectionError(notHttp));
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("dns"));
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("web.http"))));
    dialog->reject();

    // An HTTP request over TCP goes in, and reads back as the same bytes.
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("8080"));
    const QByteArray request = QByteArrayLiteral("GET /x HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nConnection: close\r\n\r\n");
    m_window->requestEditor()->setBytes(request);
    save(QStringLiteral("get x"), QStringLiteral("web"), {QStringLiteral("pages")}, true);
    const QString path = m_dir->filePath(QStringLiteral("web.http"));
    CollectionError error;
    const QList<HttpFileEntry> entries = CollectionFile::load(path, {}, &error);
    QVERIFY2(!error.isError(), qPrintable(describeCollectionError(error)));
    QCOMPARE(entries.size(), 1);
    QVERIFY(!entries.first().error.isError());
    QCOMPARE(entries.first().request.tcp.payload, request);
    QCOMPARE(entries.first().request.folder, QStringList{QStringLiteral("pages")});
    QVERIFY(readFile(path).contains("GET http://127.0.0.1:8080/x HTTP/1.1"));
    // Written by SocketLab: a rename writes it again.
    select(path, 0);
    panel()->renameCurrent(QStringLiteral("get the x"));
    waitIdle();
    QCOMPARE(CollectionFile::load(path, {}, &error).value(0).request.name, QStringLiteral("get the x"));
}

void TestCollectionsPanel::sendFromThePanelReachesLoopbackPeers()
{
    PeerProcess tcp(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(tcp.port() != 0);
    PeerProcess udp(QStringLiteral("udp_peer.py"), {QStringLiteral("echo")});
    QVERIFY(udp.port() != 0);

    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), tcp.service());
    m_window->connectionPanel()->setStopRule(StopRule{StopRule::Kind::Idle, 300});
    m_window->requestEditor()->setBytes("hello\n");
    save(QStringLiteral("chat"), QStringLiteral("peers"), {});
    m_window->tools()->setCurrentIndex(MainWindow::UdpTab);
    m_window->udpPanel()->setTarget(QStringLiteral("127.0.0.1"), udp.service());
    m_window->udpPanel()->requestEditor()->setBytes(QByteArray("ping\0", 5));
    m_window->udpPanel()->waitSpin()->setValue(3000);
    m_window->udpPanel()->countSpin()->setValue(1);
    save(QStringLiteral("ping"), {}, {});
    const QString path = m_dir->filePath(QStringLiteral("peers.json"));
    QCOMPARE(readCollection(path).requests.size(), 2);

    // Another form, then Send from the panel: the saved request goes, not the form.
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("1"));
    m_window->requestEditor()->setBytes("other\n");
    select(path, 0);
    panel()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    const auto record = m_window->replyPanel()->record();
    QVERIFY(record);
    QCOMPARE(record->request, QByteArrayLiteral("hello\n"));
    const QByteArray reply = record->reply->read(0, record->reply->size());
    QVERIFY2(reply.contains("ECHO hello"), reply.constData());

    select(path, 1);
    panel()->sendAction()->trigger();
    QCOMPARE(m_window->tools()->currentIndex(), int(MainWindow::UdpTab));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->udpPanel()->lastResult().has_value(), 30000);
    QCOMPARE(m_window->udpPanel()->lastResult()->datagrams.size(), 1);
    QCOMPARE(m_window->udpPanel()->lastResult()->sentBytes, 5);
}

// REST Client's request variables in the window: a request that uses another's reply is refused
// until that one was sent from the panel, then takes its reply; a handler is said not run.
void TestCollectionsPanel::requestVariablesTakeTheRepliesSentFromThePanel()
{
    std::optional<PeerProcess> running(std::in_place, QStringLiteral("login_peer.py"), QStringList());
    PeerProcess &peer = *running;
    QVERIFY(peer.port() != 0);
    const QString path = m_dir->filePath(QStringLiteral("chain.http"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("@base = http://127.0.0.1:" + peer.service().toUtf8() + "\n"
               "# @name login\n"
               "POST {{base}}/login\n"
               "Content-Type: application/json\n"
               "\n"
               "{\"user\": \"zo\"}\n"
               "\n"
               "> {%\n"
               "    client.global.set(\"token\", response.body.token);\n"
               "%}\n"
               "\n"
               "###\n"
               "# @name profile\n"
               "GET {{base}}/me?id={{login.response.body.$.items[0].id}}\n"
               "Authorization: Bearer {{login.response.body.$.token}}\n");
    file.close();
    panel()->store()->reload();
    waitIdle();

    select(path, 1);
    panel()->sendButton()->click();
    QVERIFY2(panel()->messageLabel()->text().contains(QStringLiteral("send «login» first")), qPrintable(panel()->messageLabel()->text()));
    QCOMPARE(m_window->historyPanel()->count(), 0);

    select(path, 0);
    panel()->sendButton()->click();
    QCOMPARE(panel()->messageLabel()->text(),
             QStringLiteral("«login», line 8: its response handler was not run (SocketLab does not run JavaScript)."));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
    waitIdle();

    select(path, 1);
    panel()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 30000);
    const auto record = m_window->replyPanel()->record();
    QVERIFY(record);
    QVERIFY2(record->request.startsWith("GET /me?id=7 HTTP/1.1\r\n"), record->request.constData());
    QVERIFY2(record->request.contains("\r\nAuthorization: Bearer t-42\r\n"), record->request.constData());

    // The login sent again fails (the server is gone): its good reply before stays in use, and that is said.
    running.reset();
    select(path, 0);
    panel()->sendButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 3, 30000);
    QTRY_COMPARE(panel()->messageLabel()->text(),
                 QStringLiteral("«login» failed: the requests that use its reply keep the reply it got before."));
    waitIdle();
    const LoadedCollection *loaded = panel()->store()->collection(path);
    QVERIFY(loaded);
    QVERIFY2(!loaded->entries.at(1).error.isError(), qPrintable(describeCollectionError(loaded->entries.at(1).error)));
    QVERIFY(loaded->entries.at(1).request.tcp.payload.contains("\r\nAuthorization: Bearer t-42\r\n"));
}

void TestCollectionsPanel::exportsToAnHttpFile()
{
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("8080"));
    const QByteArray request = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
    m_window->requestEditor()->setBytes(request);
    save(QStringLiteral("home"), QStringLiteral("site"), {});
    const QString path = m_dir->filePath(QStringLiteral("site.json"));
    select(path, 0);
    QTemporaryDir out;
    const QString to = out.filePath(QStringLiteral("site.http"));
    QSignalSpy exported(panel()->store(), &CollectionStore::exported);
    panel()->exportCurrent(to);
    QVERIFY(exported.wait(10000));
    QVERIFY(exported.first().at(1).toBool());
    CollectionError error;
    const QList<HttpFileEntry> entries = CollectionFile::load(to, {}, &error);
    QCOMPARE(entries.size(), 1);
    QCOMPARE(entries.first().request.name, QStringLiteral("home"));
    QCOMPARE(entries.first().request.tcp.payload, request);
}

// Two edits asked just before the window closes: the event loop is over, the program waits for the
// file lane at its end, and both are in the file.
void TestCollectionsPanel::editsQueuedAtTheCloseAreWritten()
{
    const QString path = m_dir->filePath(QStringLiteral("quick.json"));
    const auto add = [](const QString &name) {
        return [name](Collection *collection, QString *) {
            SavedRequest request;
            request.name = name;
            request.tcp.host = QStringLiteral("127.0.0.1");
            request.tcp.service = QStringLiteral("7");
            collection->requests.append(request);
            return true;
        };
    };
    {
        CollectionStore store;
        store.modify(path, add(QStringLiteral("first")));
        store.modify(path, add(QStringLiteral("second")));
        QVERIFY(BlockingCallPool::waitForDone(BlockingCallPool::Lane::File, 10000));
    }
    const Collection written = readCollection(path);
    QCOMPARE(written.requests.size(), 2);
    QCOMPARE(written.requests.at(1).name, QStringLiteral("second"));
}

// A second request saved under a name already in that folder replaces it only once the person says so.
void TestCollectionsPanel::savingOverASavedNameAsksFirst()
{
    m_window->connectionPanel()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("80"));
    m_window->requestEditor()->setBytes("GET /first HTTP/1.0\r\n\r\n");
    save(QStringLiteral("home"), QStringLiteral("lab"), {});
    const QString path = m_dir->filePath(QStringLiteral("lab.json"));
    QCOMPARE(readCollection(path).requests.size(), 1);

    m_window->requestEditor()->setBytes("GET /second HTTP/1.0\r\n\r\n");
    const auto saveOver = [&](const QString &answer) {
        QPointer<SaveRequestDialog> dialog = fillSaveDialog(QStringLiteral("home"), {}, {});
        QVERIFY(dialog);
        dialog->collectionCombo()->setCurrentIndex(0);  // lab.json, the only collection
        QCOMPARE(dialog->path(), path);
        dialog->buttons()->button(QDialogButtonBox::Save)->click();
        QMessageBox *question = nullptr;
        QTRY_VERIFY(question = dialog->findChild<QMessageBox *>(QStringLiteral("replaceRequest")));
        for (QAbstractButton *button : question->buttons()) {
            if (button->text().remove(u'&') == answer)
                button->click();
        }
        if (answer == QStringLiteral("Keep it")) {
            QVERIFY(dialog->isVisible());
            dialog->reject();
        }
        QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 10000);
        waitIdle();
    };
    saveOver(QStringLiteral("Keep it"));
    QCOMPARE(readCollection(path).requests.size(), 1);
    QCOMPARE(readCollection(path).requests.first().tcp.payload, QByteArray("GET /first HTTP/1.0\r\n\r\n"));
    saveOver(QStringLiteral("Replace"));
    QCOMPARE(readCollection(path).requests.size(), 1);
    QCOMPARE(readCollection(path).requests.first().tcp.payload, QByteArray("GET /second HTTP/1.0\r\n\r\n"));
}

void TestCollectionsPanel::aNewCollectionIsAFileThePanelLists_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("file");
    QTest::newRow("plain") << QStringLiteral("lab") << QStringLiteral("lab.json");
    QTest::newRow("extension given") << QStringLiteral("lab.json") << QStringLiteral("lab.json");
    QTest::newRow("a path") << QStringLiteral("../up/lab") << QStringLiteral("-up-lab.json");
    QTest::newRow("hidden") << QStringLiteral(".lab") << QStringLiteral("lab.json");
    QTest::newRow("dots only") << QStringLiteral("...") << QStringLiteral("collection.json");
    QTest::newRow("an environment's name") << QStringLiteral("http-client.env") << QStringLiteral("collection-http-client.env.json");
}

// A new collection's name becomes a file in the collections folder that the panel lists: not a path
// elsewhere, not a hidden file, not the environments' files.
void TestCollectionsPanel::aNewCollectionIsAFileThePanelLists()
{
    QFETCH(QString, typed);
    QFETCH(QString, file);
    SaveRequestDialog dialog({}, m_dir->path());
    dialog.newCollectionEdit()->setText(typed);
    QCOMPARE(dialog.path(), m_dir->path() + u'/' + file);
}

QTEST_MAIN(TestCollectionsPanel)
#include "tst_collectionspanel.moc"

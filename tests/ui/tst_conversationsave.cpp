#include "conversation/conversationpage.h"
#include "request/requesteditor.h"
#include "widgets/savefiledialog.h"
#include "widgets/targetedit.h"

#include "conversation/conversation.h"
#include "conversation/conversationrecord.h"
#include "peerprocess.h"
#include "text/translations.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace SocketLab;
using Format = ConversationTranscript::Format;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QByteArray received(const ConversationPage &page)
{
    return page.conversation() ? page.conversation()->record()->received().toByteArray() : QByteArray();
}

} // namespace

// The Conversation tab's Save transcript: what is there when asked, as text or JSON, during the
// conversation and after it; the failure said in the page.
class TestConversationSave : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void savesDuringAndAfter();
    void failureIsSaidInThePage();
    void ctrlSAsksWhereAndSavesJson();

private:
    void talk(const PeerProcess &peer);

    std::unique_ptr<ConversationPage> m_page;
};

void TestConversationSave::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestConversationSave::init()
{
    m_page = std::make_unique<ConversationPage>();
    m_page->resize(1200, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestConversationSave::cleanup()
{
    m_page.reset();
}

void TestConversationSave::talk(const PeerProcess &peer)
{
    QVERIFY(!m_page->saveTranscriptButton()->isEnabled());
    m_page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    QVERIFY(m_page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(received(*m_page).endsWith("HELLO chat\n"), 10000);
    QVERIFY(m_page->saveTranscriptButton()->isEnabled());
    m_page->requestEditor()->setBytes("hello\n");
    QTRY_VERIFY(m_page->canSend());
    QVERIFY(m_page->send());
    QTRY_VERIFY_WITH_TIMEOUT(received(*m_page).endsWith("ECHO hello\n"), 10000);
}

void TestConversationSave::savesDuringAndAfter()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    talk(peer);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy saved(m_page.get(), &ConversationPage::transcriptSaved);

    // While the connection is open: what is there now, said to be still open.
    const QString during = dir.filePath(QStringLiteral("during.txt"));
    m_page->saveTranscript(during, Format::Text);
    QVERIFY(!m_page->saveTranscriptButton()->isEnabled());
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.takeFirst().at(0).toBool(), true);
    QVERIFY(m_page->isRunning());
    const QByteArray text = readFile(during);
    QVERIFY2(text.contains("← received 11 bytes\n    HELLO chat\\n\n"), text);
    QVERIFY2(text.indexOf("→ sent 6 bytes\n    hello\\n\n") > text.indexOf("HELLO chat"), text);
    QVERIFY2(text.indexOf("ECHO hello\\n") > text.indexOf("    hello\\n"), text);
    QVERIFY(text.contains("still open"));
    QVERIFY(m_page->savedLabel()->isVisible());
    QCOMPARE(m_page->savedLabel()->text(),
             QStringLiteral("Transcript saved to %1 (%2 bytes).").arg(during).arg(text.size()));
    QVERIFY(m_page->saveTranscriptButton()->isEnabled());

    // After Disconnect: everything, and the end.
    m_page->disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!m_page->isRunning(), 10000);
    const QString after = dir.filePath(QStringLiteral("after.json"));
    m_page->saveTranscript(after, Format::Json);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.takeFirst().at(0).toBool(), true);
    const QJsonObject json = QJsonDocument::fromJson(readFile(after)).object();
    QCOMPARE(json.value(u"stop").toObject().value(u"reason").toString(), QStringLiteral("cancelled"));
    const QJsonArray messages = json.value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1).toObject().value(u"direction").toString(), QStringLiteral("sent"));
    QCOMPARE(QByteArray::fromBase64(messages.at(1).toObject().value(u"data_base64").toString().toLatin1()),
             QByteArrayLiteral("hello\n"));
    QCOMPARE(QByteArray::fromBase64(messages.at(2).toObject().value(u"data_base64").toString().toLatin1()),
             QByteArrayLiteral("ECHO hello\n"));
    QVERIFY(m_page->savedLabel()->text().contains(after));
}

void TestConversationSave::failureIsSaidInThePage()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    talk(peer);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy saved(m_page.get(), &ConversationPage::transcriptSaved);
    const QString path = dir.filePath(QStringLiteral("missing/t.txt"));
    m_page->saveTranscript(path, Format::Text);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.takeFirst().at(0).toBool(), false);
    QVERIFY(!QFile::exists(path));
    const QString said = m_page->savedLabel()->text();
    QVERIFY2(said.startsWith(QStringLiteral("The transcript was not saved: ")), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("missing")), qPrintable(said));
    QVERIFY(m_page->saveTranscriptButton()->isEnabled());
}

void TestConversationSave::ctrlSAsksWhereAndSavesJson()
{
    PeerProcess peer(QStringLiteral("chat_peer.py"), {QStringLiteral("echo")});
    QVERIFY(peer.port());
    talk(peer);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QSignalSpy saved(m_page.get(), &ConversationPage::transcriptSaved);
    QStringList filters;
    bool answered = false;
    // The dialog is modal: answered from the event loop it runs, with the JSON filter and a name.
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<SaveFileDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        filters = dialog->nameFilters();
        // As a person picks the second filter: the suffix follows.
        if (auto *types = dialog->findChild<QComboBox *>(QStringLiteral("fileTypeCombo")))
            QTest::keyClick(types, Qt::Key_Down);
        dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->setText(dir.filePath(QStringLiteral("chat")));
        answered = true;
        static_cast<QDialog *>(dialog)->accept();
    });
    m_page->messageTable()->setFocus();
    QTest::keyClick(m_page->messageTable(), Qt::Key_S, Qt::ControlModifier);
    QVERIFY(answered);
    QCOMPARE(filters, (QStringList{QStringLiteral("Text transcript (*.txt)"), QStringLiteral("JSON (*.json)")}));
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.takeFirst().at(0).toBool(), true);
    QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("chat.txt"))));
    // The suffix follows the filter.
    const QJsonObject json = QJsonDocument::fromJson(readFile(dir.filePath(QStringLiteral("chat.json")))).object();
    QCOMPARE(json.value(u"stop").toObject().value(u"reason").toString(), QStringLiteral("open"));
    QCOMPARE(json.value(u"messages").toArray().size(), 3);
}

QTEST_MAIN(TestConversationSave)
#include "tst_conversationsave.moc"

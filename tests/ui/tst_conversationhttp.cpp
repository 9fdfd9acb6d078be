#include "conversation/conversationpage.h"
#include "conversation/conversationpanel.h"
#include "mainwindow.h"
#include "http/conversationhttpview.h"
#include "http/httpexchangemodel.h"
#include "reply/hexview.h"
#include "request/requesteditor.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "conversation/conversationrecord.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "text/translations.h"

#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTabWidget>
#include <QTest>

#include <memory>

using namespace SocketLab;

namespace {

QStringList g_messages;

void recordMessage(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type != QtDebugMsg && type != QtInfoMsg && !message.contains(QLatin1String("propagateSizeHints")))
        g_messages.append(message);
}

void sendBytes(ConversationPage *page, const QByteArray &bytes)
{
    page->requestEditor()->setBytes(bytes);
    QVERIFY(page->send());
}

void switchTo(const QString &language)
{
    QVERIFY(Translations::install(language));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
}

const QByteArray FirstRequest = QByteArrayLiteral("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
const QByteArray SecondRequest = QByteArrayLiteral("GET /chunked HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");

} // namespace

class TestConversationHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void twoKeepAliveExchangesWithTheDemoServer();
    void echoIsNotHttp();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<LocalServers> m_servers;
    std::unique_ptr<ConversationPanel> m_panel;
};

void TestConversationHttp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qInstallMessageHandler(recordMessage);
    // English plurals come from their own translation file, as in the window.
    QVERIFY(Translations::install(QStringLiteral("en")));
    m_servers = std::make_unique<LocalServers>();
    const NetError error = startAndWait(*m_servers);
    QVERIFY2(!error.isError(), qPrintable(error.codeName()));
}

void TestConversationHttp::init()
{
    g_messages.clear();
    m_panel = std::make_unique<ConversationPanel>();
    m_panel->resize(1200, 800);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestConversationHttp::cleanup()
{
    Translations::install(QStringLiteral("en"));
    m_panel.reset();
    QCoreApplication::processEvents();
    QVERIFY2(g_messages.isEmpty(), qPrintable(g_messages.join(QLatin1Char('\n'))));
}

void TestConversationHttp::twoKeepAliveExchangesWithTheDemoServer()
{
    ConversationPage *page = m_panel->currentPage();
    QTabWidget *tabs = page->byteTabs();
    ConversationHttpView *http = page->httpView();
    const int httpTab = tabs->indexOf(http);
    QVERIFY(httpTab >= 0);
    QCOMPARE(tabs->tabText(httpTab), QStringLiteral("HTTP"));
    tabs->setCurrentIndex(httpTab);

    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), QString::number(m_servers->httpAddress().port()));
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    auto *summary = http->findChild<QLabel *>(QStringLiteral("summary"));
    QCOMPARE(summary->text(), QStringLiteral("Waiting for the first bytes."));

    // Two requests on the one connection, the second after the first's answer: keep-alive.
    sendBytes(page, FirstRequest);
    QTRY_VERIFY_WITH_TIMEOUT(http->exchangeCount() == 1 && http->parser().exchanges().at(0).response.complete, 10000);
    sendBytes(page, SecondRequest);
    QTRY_VERIFY_WITH_TIMEOUT(http->exchangeCount() == 2 && http->parser().exchanges().at(1).response.complete, 10000);
    QVERIFY(page->isRunning());
    QCOMPARE(summary->text(), QStringLiteral("2 HTTP exchanges."));

    const auto record = page->record();
    const QByteArray received = record->received().read(0, record->received().size());
    const QList<HttpConversationExchange> &exchanges = http->parser().exchanges();
    const HttpConversationExchange &first = exchanges.at(0);
    const HttpConversationExchange &second = exchanges.at(1);
    QCOMPARE(first.method, QByteArray("GET"));
    QCOMPARE(first.target, QByteArray("/"));
    QCOMPARE(first.status, 200);
    QCOMPARE(first.request.range, (ByteRange{0, FirstRequest.size()}));
    QCOMPARE(first.response.framing, HttpFraming::ContentLength);
    QCOMPARE(first.response.range.offset, 0);
    QCOMPARE(second.target, QByteArray("/chunked"));
    QCOMPARE(second.status, 200);
    QCOMPARE(second.request.range, (ByteRange{FirstRequest.size(), SecondRequest.size()}));
    QCOMPARE(second.response.framing, HttpFraming::Chunked);
    QVERIFY(second.response.chunkCount > 1);
    // The two responses are all the server said, one after the other.
    QCOMPARE(second.response.range.offset, first.response.range.end());
    QCOMPARE(second.response.range.end(), qint64(received.size()));
    QVERIFY(received.mid(second.response.range.offset).startsWith("HTTP/1.1 200 OK\r\n"));

    // The list says it in words.
    auto *table = http->findChild<QTableView *>(QStringLiteral("exchanges"));
    QAbstractItemModel *model = table->model();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(model->index(0, HttpExchangeModel::RequestColumn).data().toString(), QStringLiteral("GET /"));
    QCOMPARE(model->index(0, HttpExchangeModel::StatusColumn).data().toString(), QStringLiteral("200 OK"));
    QCOMPARE(model->index(1, HttpExchangeModel::RequestColumn).data().toString(), QStringLiteral("GET /chunked"));
    QCOMPARE(model->index(1, HttpExchangeModel::StatusColumn).data().toString(), QStringLiteral("200 OK"));
    QVERIFY(model->index(0, HttpExchangeModel::FramingColumn).data().toString().contains(QStringLiteral("Content-Length")));
    QVERIFY(model->index(1, HttpExchangeModel::FramingColumn).data().toString().contains(QStringLiteral("chunked")));

    // The first exchange shown by itself selects nothing: the hex view still waits for a choice.
    QVERIFY(!page->hexView()->source());
    QCOMPARE(http->shownExchange(), 0);

    // A click on the second status: the response's bytes selected in the page's hex view.
    QSignalSpy ranges(http, &ConversationHttpView::rangeSelected);
    table->scrollTo(model->index(1, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                      table->visualRect(model->index(1, HttpExchangeModel::StatusColumn)).center());
    QVERIFY(!ranges.isEmpty());
    const QList<QVariant> last = ranges.constLast();
    QCOMPARE(last.at(0).toBool(), false);
    QCOMPARE(last.at(1).toLongLong(), second.response.range.offset);
    QCOMPARE(last.at(2).toLongLong(), second.response.range.length);
    QCOMPARE(http->shownExchange(), 1);
    QCOMPARE(page->hexView()->source()->size(), qint64(received.size()));
    QCOMPARE(page->hexView()->selectionStart(), second.response.range.offset);
    QCOMPARE(page->hexView()->selectionLength(), second.response.range.length);
    const QString selected = QStringLiteral("Received bytes %1 to %2 selected (HTTP tab).")
                                 .arg(QLocale().toString(second.response.range.offset),
                                      QLocale().toString(second.response.range.end() - 1));
    QCOMPARE(page->selectionLabel()->text(), selected);

    // The chosen exchange's facts: the chunks listed, each one selecting its bytes.
    auto *responseFacts = http->findChild<QListWidget *>(QStringLiteral("responseFacts"));
    QVERIFY(responseFacts);
    QListWidgetItem *chunk = nullptr;
    for (int i = 0; i < responseFacts->count() && !chunk; ++i) {
        if (responseFacts->item(i)->text().startsWith(QStringLiteral("Chunk 1:")))
            chunk = responseFacts->item(i);
    }
    QVERIFY(chunk);
    responseFacts->setCurrentItem(chunk);
    QCOMPARE(page->hexView()->selectionStart(), second.response.chunks.at(0).sizeLine.offset);
    QVERIFY(received.mid(page->hexView()->selectionStart(), page->hexView()->selectionLength()).endsWith(
        received.mid(second.response.chunks.at(0).data.offset, second.response.chunks.at(0).data.length)));

    const QString chunkSelected = page->selectionLabel()->text();
    QVERIFY(chunkSelected.startsWith(QStringLiteral("Received bytes ")));
    QVERIFY(chunkSelected != selected);

    // More traffic leaves what the HTTP tab selected as it was.
    sendBytes(page, FirstRequest);
    QTRY_VERIFY_WITH_TIMEOUT(http->exchangeCount() == 3 && http->parser().exchanges().at(2).response.complete, 10000);
    QCOMPARE(page->selectionLabel()->text(), chunkSelected);
    QCOMPARE(page->hexView()->selectionStart(), http->parser().exchanges().at(1).response.chunks.at(0).sizeLine.offset);

    // In French.
    switchTo(QStringLiteral("fr"));
    QCOMPARE(summary->text(), QStringLiteral("3 échanges HTTP."));
    QCOMPARE(model->headerData(HttpExchangeModel::StatusColumn, Qt::Horizontal).toString(), QStringLiteral("Statut"));

    page->disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
}

void TestConversationHttp::echoIsNotHttp()
{
    ConversationPage *page = m_panel->currentPage();
    ConversationHttpView *http = page->httpView();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), QString::number(m_servers->tcpEchoAddress().port()));
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    sendBytes(page, "hello there\n");
    QTRY_VERIFY_WITH_TIMEOUT(page->record()->received().size() > 0, 10000);
    QTRY_COMPARE(http->parser().verdict(), HttpConversationParser::Verdict::NotHttp);
    QVERIFY(http->findChild<QLabel *>(QStringLiteral("summary"))->text().startsWith(QStringLiteral("<b>Not HTTP.</b>")));
    QCOMPARE(http->exchangeCount(), 0);
    page->disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
}

void TestConversationHttp::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << QStringLiteral("en");
    QTest::newRow("fr") << QStringLiteral("fr");
}

// For the README: the window with a conversation's HTTP tab, when SOCKETLAB_SCREENSHOT_DIR names a folder.
void TestConversationHttp::screenshots()
{
    const QString dir = qEnvironmentVariable("SOCKETLAB_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("SOCKETLAB_SCREENSHOT_DIR is not set");
    QFETCH(QString, language);
    m_panel.reset();
    switchTo(language);
    MainWindow window(m_servers.get());
    window.resize(1440, 960);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.tools()->setCurrentWidget(window.conversationPanel());
    ConversationPage *page = window.conversationPanel()->currentPage();
    page->targetEdit()->setTarget(QStringLiteral("127.0.0.1"), QString::number(m_servers->httpAddress().port()));
    QVERIFY(page->connectToTarget());
    QTRY_VERIFY_WITH_TIMEOUT(page->sendButton()->isEnabled(), 10000);
    ConversationHttpView *http = page->httpView();
    sendBytes(page, FirstRequest);
    QTRY_VERIFY_WITH_TIMEOUT(http->exchangeCount() == 1 && http->parser().exchanges().at(0).response.complete, 10000);
    sendBytes(page, SecondRequest);
    QTRY_VERIFY_WITH_TIMEOUT(http->exchangeCount() == 2 && http->parser().exchanges().at(1).response.complete, 10000);
    page->byteTabs()->setCurrentWidget(http);
    http->showExchange(1);
    QTest::qWait(300);
    QVERIFY(window.grab().save(QDir(dir).filePath(QStringLiteral("conversation-http-%1.png").arg(language))));
    page->disconnectFromTarget();
    QTRY_VERIFY_WITH_TIMEOUT(!page->isRunning(), 10000);
}

QTEST_MAIN(TestConversationHttp)

#include "tst_conversationhttp.moc"

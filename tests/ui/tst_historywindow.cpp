#include "historytesting.h"
#include "startandwait.h"

#include "conversation/conversationhistory.h"
#include "conversation/conversationpanel.h"
#include "dns/dnspanel.h"
#include "dns/lookuphistory.h"
#include "dns/lookupstore.h"
#include "history/exchangestore.h"
#include "history/historyfolder.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/replypanel.h"
#include "settings/historypage.h"
#include "settings/settingsdialog.h"

#include "bytes/bytesource.h"
#include "conversation/conversationrecord.h"
#include "conversation/conversationrequest.h"
#include "net/trace.h"
#include "http/httpresponseparser.h"
#include "servers/localservers.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

using namespace SocketLab;

class TestHistoryWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aWindowOpenedAgainShowsTheSameHistory();
    void clearHistoryAsksThenRemovesEveryFile();
    void aDamagedFileIsSkippedWithANotice();
    void theSettingsPageShowsAndAppliesTheLimits();
    void sendAgainSendsTheExchangeOnceMore();
    void theLookupSearchHidesWhatDoesNotMatch();

private:
    void openWindow();
    void closeWindow();
    void sendAndWait(int expectedHistory);
    void lookUpLocalhost(int expectedRows);

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestHistoryWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestHistoryWindow::init()
{
    QSettings().clear();
    clearHistoryFolder();
}

void TestHistoryWindow::cleanup()
{
    closeWindow();
}

void TestHistoryWindow::openWindow()
{
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestHistoryWindow::closeWindow()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    QVERIFY(HistoryStore::waitForDone(10000));
}

void TestHistoryWindow::sendAndWait(int expectedHistory)
{
    m_window->tools()->setCurrentIndex(MainWindow::ExchangeTab);
    m_window->send();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

void TestHistoryWindow::lookUpLocalhost(int expectedRows)
{
    m_window->tools()->setCurrentIndex(MainWindow::DnsTab);
    m_window->dnsPanel()->findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("localhost"));
    m_window->dnsPanel()->lookUpAddresses();
    LookupHistory *lookups = m_window->dnsPanel()->lookupHistory();
    QTRY_COMPARE_WITH_TIMEOUT(lookups->rowCount(), expectedRows, 10000);
    QTRY_COMPARE_WITH_TIMEOUT(lookups->record(0).state, LookupRecord::State::Answered, 10000);
}

void TestHistoryWindow::aWindowOpenedAgainShowsTheSameHistory()
{
    openWindow();
    // The first launch's request to the embedded HTTP server, then a look-up.
    sendAndWait(1);
    const std::shared_ptr<const ExchangeRecord> sent = m_window->historyPanel()->record(0);
    QVERIFY(sent->reply && sent->reply->size() > 0);
    QVERIFY(sent->result.http);
    lookUpLocalhost(1);
    const LookupRecord lookup = m_window->dnsPanel()->lookupHistory()->record(0);
    const QString exchangeText = m_window->historyPanel()->list()->item(0)->text();
    LookupHistory *before = m_window->dnsPanel()->lookupHistory();
    const QString lookupText = before->data(before->index(0)).toString();
    closeWindow();

    openWindow();
    HistoryPanel *history = m_window->historyPanel();
    QTRY_COMPARE_WITH_TIMEOUT(history->count(), 1, 10000);
    const std::shared_ptr<const ExchangeRecord> back = history->record(0);
    QCOMPARE(back->historyId, sent->historyId);
    QCOMPARE(back->request, sent->request);
    QCOMPARE(back->reply->read(0, back->reply->size()), sent->reply->read(0, sent->reply->size()));
    QCOMPARE(back->segments, sent->segments);
    QCOMPARE(back->trace.size(), sent->trace.size());
    for (qsizetype i = 0; i < sent->trace.size(); ++i) {
        QCOMPARE(back->trace.at(i).call, sent->trace.at(i).call);
        QCOMPARE(back->trace.at(i).args, sent->trace.at(i).args);
        QCOMPARE(back->trace.at(i).result, sent->trace.at(i).result);
        QCOMPARE(back->trace.at(i).timeUs, sent->trace.at(i).timeUs);
    }
    QVERIFY(back->result.connectedTo == sent->result.connectedTo);
    QVERIFY(back->result.http);
    QCOMPARE(back->result.http->statusCode(), sent->result.http->statusCode());
    QCOMPARE(back->result.http->marks().size(), sent->result.http->marks().size());
    QCOMPARE(history->list()->item(0)->text(), exchangeText);
    // Picked, it shows in the reply panel as when it came.
    history->list()->setCurrentRow(0);
    QCOMPARE(m_window->replyPanel()->record(), back);

    LookupHistory *lookups = m_window->dnsPanel()->lookupHistory();
    QTRY_COMPARE_WITH_TIMEOUT(lookups->rowCount(), 1, 10000);
    QCOMPARE(lookups->record(0).callText(), lookup.callText());
    QCOMPARE(lookups->record(0).addrInfoResult.rows.size(), lookup.addrInfoResult.rows.size());
    QCOMPARE(lookups->data(lookups->index(0)).toString(), lookupText);

    // A new exchange goes above those of the earlier run.
    sendAndWait(2);
    QVERIFY(!QTest::currentTestFailed());
    QCOMPARE(history->record(1)->historyId, sent->historyId);
}

void TestHistoryWindow::clearHistoryAsksThenRemovesEveryFile()
{
    openWindow();
    sendAndWait(1);
    lookUpLocalhost(1);
    QVERIFY(HistoryStore::waitForDone(10000));
    const QString exchanges = m_window->exchangeStore()->folder();
    const QString lookups = m_window->lookupStore()->folder();
    QVERIFY(!QDir(exchanges).isEmpty());
    QVERIFY(!QDir(lookups).isEmpty());
    // A conversation kept too: it goes with the rest.
    ConversationHistory *conversations = m_window->conversationPanel()->history();
    QTRY_VERIFY(conversations->isLoaded());
    auto record = std::make_shared<ConversationRecord>(qint64(1) << 20, 1000);
    record->markOver();
    ConversationRequest request;
    request.host = QStringLiteral("127.0.0.1");
    request.service = QStringLiteral("7");
    conversations->save(record, std::make_shared<Trace>(), request, QDateTime::currentDateTime(), false);
    QTRY_COMPARE(conversations->conversations().size(), 1);
    QVERIFY(!QDir(conversations->folder()).isEmpty());

    // Cancel leaves everything.
    m_window->clearHistoryAction()->trigger();
    auto *question = m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion"));
    QVERIFY(question);
    QTest::mouseClick(question->button(QMessageBox::Cancel), Qt::LeftButton);
    QVERIFY(HistoryStore::waitForDone(10000));
    QCOMPARE(m_window->historyPanel()->count(), 1);
    QVERIFY(!QDir(exchanges).isEmpty());

    m_window->clearHistoryAction()->trigger();
    QTRY_VERIFY(question = m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion")));
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(m_window->historyPanel()->count(), 0);
    QCOMPARE(m_window->dnsPanel()->lookupHistory()->rowCount(), 0);
    QVERIFY(HistoryStore::waitForDone(10000));
    QVERIFY(QDir(exchanges).isEmpty());
    QVERIFY(QDir(lookups).isEmpty());
    QTRY_COMPARE(conversations->conversations().size(), 0);
    ConversationHistory::waitForFiles();
    QVERIFY(QDir(conversations->folder()).isEmpty());
    closeWindow();

    // The window asks its load as it opens: once the file lane is done, its answer is queued.
    openWindow();
    QVERIFY(HistoryStore::waitForDone(10000));
    QCoreApplication::processEvents();
    QCOMPARE(m_window->historyPanel()->count(), 0);
}

void TestHistoryWindow::aDamagedFileIsSkippedWithANotice()
{
    const QString dir = HistoryStore::historyRoot() + QStringLiteral("/exchanges");
    QVERIFY(QDir().mkpath(dir));
    const QString id = HistoryFolder::newId(QDateTime::currentDateTime());
    QFile file(dir + u'/' + id + QStringLiteral(".json"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"format\": \"socketlab-exch");
    file.close();

    openWindow();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->statusBar()->currentMessage().contains(id + QStringLiteral(".json")), 10000);
    QCOMPARE(m_window->historyPanel()->count(), 0);
    // The window works all the same.
    sendAndWait(1);
}

void TestHistoryWindow::theSettingsPageShowsAndAppliesTheLimits()
{
    QSettings().setValue(QStringLiteral("history/maxEntries"), 7);
    QSettings().setValue(QStringLiteral("history/maxMegabytes"), 3);
    QSettings().setValue(QStringLiteral("history/inlineReplyKiB"), 5);
    openWindow();
    QCOMPARE(m_window->exchangeStore()->maxEntries(), 7);
    QCOMPARE(m_window->exchangeStore()->maxBytes(), qint64(3) << 20);
    QCOMPARE(m_window->exchangeStore()->inlineReplyBytes(), qint64(5) << 10);
    QCOMPARE(m_window->lookupStore()->maxEntries(), 7);

    m_window->settingsAction()->trigger();
    auto *dialog = m_window->findChild<SettingsDialog *>();
    QVERIFY(dialog);
    HistoryPage *page = dialog->historyPage();
    QCOMPARE(page->maxEntriesBox()->value(), 7);
    QCOMPARE(page->maxMegabytesBox()->value(), 3);
    QCOMPARE(page->inlineReplyBox()->value(), 5);
    QCOMPARE(page->folderLabel()->text(), QDir::toNativeSeparators(HistoryStore::historyRoot()));

    // The limits apply as the dialog closes: neither "20" typed (passing through 2) nor a wheel
    // turned over the box removes anything on its way.
    QSpinBox *entries = page->maxEntriesBox();
    entries->selectAll();
    QTest::keyClicks(entries, QStringLiteral("20"));
    QTest::keyClick(entries, Qt::Key_Return);
    QCOMPARE(m_window->exchangeStore()->maxEntries(), 7);
    page->maxEntriesBox()->setValue(1);
    page->maxEntriesBox()->setValue(2);
    QCOMPARE(m_window->exchangeStore()->maxEntries(), 7);
    QCOMPARE(QSettings().value(QStringLiteral("history/maxEntries")).toInt(), 7);
    dialog->close();
    QCOMPARE(m_window->exchangeStore()->maxEntries(), 2);
    QCOMPARE(m_window->lookupStore()->maxEntries(), 2);
    QCOMPARE(m_window->conversationPanel()->history()->maxEntries(), 2);
    QCOMPARE(QSettings().value(QStringLiteral("history/maxEntries")).toInt(), 2);

    // Three exchanges with a limit of two: the oldest goes, from the list and from the disk.
    sendAndWait(1);
    sendAndWait(2);
    QVERIFY(!QTest::currentTestFailed());
    const QString oldest = m_window->historyPanel()->record(1)->historyId;
    const QString middle = m_window->historyPanel()->record(0)->historyId;
    m_window->send();
    QTRY_VERIFY_WITH_TIMEOUT(m_window->historyPanel()->record(0)->historyId != middle, 30000);
    QCOMPARE(m_window->historyPanel()->count(), 2);
    QCOMPARE(m_window->historyPanel()->record(1)->historyId, middle);
    QVERIFY(HistoryStore::waitForDone(10000));
    const QStringList files = QDir(m_window->exchangeStore()->folder()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 2);
    QVERIFY(!files.contains(oldest + QStringLiteral(".json")));
}

void TestHistoryWindow::sendAgainSendsTheExchangeOnceMore()
{
    openWindow();
    sendAndWait(1);
    const QByteArray request = m_window->historyPanel()->record(0)->request;
    m_window->historyPanel()->list()->setCurrentRow(0);
    m_window->historyPanel()->sendAgainAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 30000);
    QCOMPARE(m_window->historyPanel()->record(0)->request, request);
}

void TestHistoryWindow::theLookupSearchHidesWhatDoesNotMatch()
{
    openWindow();
    lookUpLocalhost(1);
    DnsPanel *dns = m_window->dnsPanel();
    dns->findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("192.0.2.7"));
    dns->lookUpAddresses();
    QTRY_COMPARE_WITH_TIMEOUT(dns->lookupHistory()->record(0).state, LookupRecord::State::Answered, 10000);
    // Newest first: 192.0.2.7, then localhost.
    dns->historyFilter()->setText(QStringLiteral("LOCALHOST"));
    QVERIFY(dns->historyView()->isRowHidden(0));
    QVERIFY(!dns->historyView()->isRowHidden(1));
    dns->historyFilter()->setText(QStringLiteral("192.0.2"));
    QVERIFY(!dns->historyView()->isRowHidden(0));
    QVERIFY(dns->historyView()->isRowHidden(1));
    // A look-up made while searching is filtered as it comes.
    dns->findChild<QLineEdit *>(QStringLiteral("host"))->setText(QStringLiteral("localhost"));
    dns->lookUpAddresses();
    QTRY_COMPARE_WITH_TIMEOUT(dns->lookupHistory()->record(0).state, LookupRecord::State::Answered, 10000);
    QVERIFY(dns->historyView()->isRowHidden(0));
    dns->historyFilter()->clear();
    for (int row = 0; row < 3; ++row)
        QVERIFY(!dns->historyView()->isRowHidden(row));
}

QTEST_MAIN(TestHistoryWindow)
#include "tst_historywindow.moc"

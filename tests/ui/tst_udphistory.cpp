#include "historytesting.h"
#include "peerprocess.h"
#include "startandwait.h"

#include "collections/collectionspanel.h"
#include "collections/saverequestdialog.h"
#include "history/exchangestore.h"
#include "history/historyfolder.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "reply/hexview.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"
#include "request/requesteditor.h"
#include "udp/datagrammodel.h"
#include "udp/udppanel.h"

#include "bytes/bytestore.h"
#include "bytes/namedfilesource.h"
#include "history/exchangerecordjson.h"
#include "text/valuejson.h"
#include "servers/localservers.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QAbstractButton>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTabWidget>
#include <QTest>

using namespace SocketLab;

namespace {

// Every byte value, eight times over: 2 KiB, past the 1 KiB the tests keep inline.
QByteArray everyByte()
{
    QByteArray bytes;
    for (int round = 0; round < 8; ++round) {
        for (int value = 0; value < 256; ++value)
            bytes.append(char(value));
    }
    return bytes;
}

QByteArray whole(const std::shared_ptr<const ByteSource> &source)
{
    return source ? source->read(0, source->size()) : QByteArray();
}

} // namespace

class TestUdpHistory : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void anExchangeIsListedWithItsDatagrams();
    void aWindowOpenedAgainHasItWithItsBytesExact();
    void sendAgainSendsTheSameBytes();
    void saveToCollectionOpensTheSaveDialog();
    void theSearchFindsTheDatagramsText();
    void theLimitsRemoveTheOldest();
    void clearHistoryEmptiesTheListAndTheFolder();
    void damagedFilesAreSkippedWithANotice();
    void everyFieldIsReadBack_data();
    void everyFieldIsReadBack();

private:
    void openWindow();
    void closeWindow();
    // Sends `payload` to the peer (which answers each datagram twice) and waits for the history to
    // hold `expected` exchanges.
    void sendAndWait(const QByteArray &payload, int expected);
    UdpPanel *udp() const { return m_window->udpPanel(); }
    HistoryPanel *history() const { return m_window->udpPanel()->history(); }
    QString folder() const { return HistoryStore::historyRoot() + QStringLiteral("/datagrams"); }

    LocalServers m_servers;
    std::unique_ptr<PeerProcess> m_peer;
    std::unique_ptr<MainWindow> m_window;
};

void TestUdpHistory::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qRegisterMetaType<SavedRequest>();
    QVERIFY(!startAndWait(m_servers).isError());
    m_peer = std::make_unique<PeerProcess>(QStringLiteral("udp_peer.py"), QStringList{QStringLiteral("double")});
    QVERIFY(m_peer->port() != 0);
}

void TestUdpHistory::init()
{
    QSettings().clear();
    // Replies past 1 KiB go to a file beside their entry.
    QSettings().setValue(QStringLiteral("history/inlineReplyKiB"), 1);
    clearHistoryFolder();
}

void TestUdpHistory::cleanup()
{
    closeWindow();
}

void TestUdpHistory::openWindow()
{
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    m_window->tools()->setCurrentIndex(MainWindow::UdpTab);
}

void TestUdpHistory::closeWindow()
{
    if (m_window)
        m_window->close();
    m_window.reset();
    QVERIFY(HistoryStore::waitForDone(10000));
}

void TestUdpHistory::sendAndWait(const QByteArray &payload, int expected)
{
    udp()->setTarget(QStringLiteral("127.0.0.1"), m_peer->service());
    udp()->requestEditor()->setBytes(payload);
    udp()->countSpin()->setValue(2);
    udp()->waitSpin()->setValue(10000);
    QVERIFY(udp()->send());
    QTRY_COMPARE_WITH_TIMEOUT(history()->count(), expected, 15000);
}

void TestUdpHistory::anExchangeIsListedWithItsDatagrams()
{
    openWindow();
    QCOMPARE(udp()->callsAndHistory()->indexOf(history()) >= 0, true);
    QCOMPARE(history()->count(), 0);
    sendAndWait(QByteArrayLiteral("ping"), 1);
    const std::shared_ptr<const ExchangeRecord> record = history()->record(0);
    QVERIFY(record->udp);
    QCOMPARE(record->request, QByteArrayLiteral("ping"));
    QCOMPARE(record->udp->result.datagrams.size(), 2);
    QCOMPARE(whole(record->reply), QByteArrayLiteral("pingagain:ping"));
    const QString text = history()->list()->item(0)->text();
    QVERIFY2(text.contains(QStringLiteral("UDP 127.0.0.1:") + m_peer->service()), qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("→ 2 datagram")), qPrintable(text));
    QVERIFY(history()->targetLabel()->text().contains(QStringLiteral("2 datagram")));
    const int calls = udp()->traceView()->traceModel()->rowCount();
    QVERIFY(calls > 0);

    // A second exchange goes first; picking the first one shows its datagrams as they were.
    sendAndWait(QByteArrayLiteral("pong"), 2);
    QCOMPARE(udp()->datagramModel()->rowCount(), 2);
    QCOMPARE(whole(udp()->hexView()->source()), QByteArrayLiteral("pong"));
    history()->list()->setCurrentRow(1);
    QCOMPARE(udp()->shownRecord(), record);
    QCOMPARE(udp()->datagramModel()->rowCount(), 2);
    QCOMPARE(whole(udp()->hexView()->source()), QByteArrayLiteral("ping"));
    udp()->showDatagram(1);
    QCOMPARE(whole(udp()->hexView()->source()), QByteArrayLiteral("again:ping"));
    QCOMPARE(udp()->traceView()->traceModel()->rowCount(), calls);
    // The form keeps what was typed.
    QCOMPARE(udp()->requestEditor()->bytes(), QByteArrayLiteral("pong"));
    // What Copy puts on the clipboard is said: the datagrams' bytes without their bounds.
    QCOMPARE(history()->copyReplyAction()->text(), QStringLiteral("Copy the data&grams received, end to end"));
}

void TestUdpHistory::aWindowOpenedAgainHasItWithItsBytesExact()
{
    openWindow();
    const QByteArray payload = everyByte();
    sendAndWait(payload, 1);
    const std::shared_ptr<const ExchangeRecord> sent = history()->record(0);
    QCOMPARE(whole(sent->reply), payload + "again:" + payload);
    const QString text = history()->list()->item(0)->text();
    closeWindow();
    // The datagrams (4 KiB) are past the inline limit: in a file of their own.
    QVERIFY(QFile::exists(folder() + u'/' + sent->historyId + QStringLiteral(".json")));
    QCOMPARE(QFileInfo(folder() + u'/' + sent->historyId + QStringLiteral(".reply")).size(), sent->reply->size());

    openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(history()->count(), 1, 10000);
    const std::shared_ptr<const ExchangeRecord> back = history()->record(0);
    QCOMPARE(back->historyId, sent->historyId);
    QVERIFY(back->udp);
    QCOMPARE(back->request, payload);
    QVERIFY(dynamic_cast<const NamedFileSource *>(back->reply.get()));
    QCOMPARE(whole(back->reply), whole(sent->reply));
    QCOMPARE(back->segments.size(), 2);
    for (qsizetype i = 0; i < 2; ++i) {
        QCOMPARE(back->segments.at(i).offset, sent->segments.at(i).offset);
        QCOMPARE(back->segments.at(i).length, sent->segments.at(i).length);
        const Datagram &a = back->udp->result.datagrams.at(i);
        const Datagram &b = sent->udp->result.datagrams.at(i);
        QVERIFY(a.from == b.from);
        QCOMPARE(a.size, b.size);
        QCOMPARE(a.kept, b.kept);
        QCOMPARE(a.truncated, b.truncated);
    }
    QCOMPARE(back->trace.size(), sent->trace.size());
    QVERIFY(back->udp->result.target == sent->udp->result.target);
    QCOMPARE(back->udp->request.waitMs, 10000);
    QCOMPARE(back->udp->request.maxDatagrams, 2);
    QCOMPARE(history()->list()->item(0)->text(), text);

    // Picked, its second datagram shows byte for byte, read from the file.
    history()->list()->setCurrentRow(0);
    QCOMPARE(udp()->shownRecord(), back);
    udp()->showDatagram(1);
    QCOMPARE(whole(udp()->hexView()->source()), "again:" + payload);
}

void TestUdpHistory::sendAgainSendsTheSameBytes()
{
    openWindow();
    const QByteArray payload = everyByte();
    sendAndWait(payload, 1);
    closeWindow();
    openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(history()->count(), 1, 10000);
    udp()->requestEditor()->setBytes(QByteArrayLiteral("something else"));
    udp()->setTarget(QStringLiteral("127.0.0.1"), QStringLiteral("9"));
    history()->list()->setCurrentRow(0);
    history()->sendAgainAction()->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(history()->count(), 2, 15000);
    const std::shared_ptr<const ExchangeRecord> again = history()->record(0);
    QCOMPARE(again->request, payload);
    QCOMPARE(again->udp->request.service, m_peer->service());
    // The peer answered the same bytes: they were sent as they were.
    QCOMPARE(whole(again->reply), payload + "again:" + payload);
    QCOMPARE(udp()->requestEditor()->bytes(), payload);
}

void TestUdpHistory::saveToCollectionOpensTheSaveDialog()
{
    openWindow();
    sendAndWait(QByteArray("\x01\x02hello", 7), 1);
    QSignalSpy asked(history(), &HistoryPanel::saveToCollectionRequested);
    history()->list()->setCurrentRow(0);
    history()->saveToCollectionAction()->trigger();
    QCOMPARE(asked.size(), 1);
    const SavedRequest saved = asked.at(0).at(0).value<SavedRequest>();
    QCOMPARE(saved.kind, SavedRequest::Kind::Udp);
    QCOMPARE(saved.udp.payload, QByteArray("\x01\x02hello", 7));
    QCOMPARE(saved.udp.host, QStringLiteral("127.0.0.1"));
    QCOMPARE(saved.udp.service, m_peer->service());
    QCOMPARE(saved.udp.maxDatagrams, 2);
    SaveRequestDialog *dialog = m_window->collectionsPanel()->saveDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->nameEdit()->text().startsWith(QStringLiteral("UDP 127.0.0.1")));
    dialog->reject();
}

void TestUdpHistory::theSearchFindsTheDatagramsText()
{
    openWindow();
    sendAndWait(QByteArrayLiteral("alpha"), 1);
    sendAndWait(QByteArrayLiteral("beta"), 2);
    // Newest first: beta, then alpha.
    m_window->tools()->setCurrentIndex(MainWindow::UdpTab);
    QAction *search = nullptr;
    for (QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut() == QKeySequence(QKeySequence::Find))
            search = action;
    }
    QVERIFY(search);
    search->trigger();
    QCOMPARE(udp()->callsAndHistory()->currentWidget(), history());
    QLineEdit *filter = history()->filterEdit();
    // "again:alpha" is only in the second datagram received.
    filter->setText(QStringLiteral("AGAIN:ALPHA"));
    QTRY_VERIFY(history()->filterSettled());
    QVERIFY(!history()->isShown(0));
    QVERIFY(history()->isShown(1));
    filter->setText(QStringLiteral("127.0.0.1"));
    QTRY_VERIFY(history()->filterSettled());
    QVERIFY(history()->isShown(0));
    QVERIFY(history()->isShown(1));
    filter->setText(m_peer->service());
    QTRY_VERIFY(history()->filterSettled());
    QVERIFY(history()->isShown(0));
    filter->setText(QStringLiteral("nothing like it"));
    QTRY_VERIFY(history()->filterSettled());
    QVERIFY(!history()->isShown(0));
    QVERIFY(!history()->isShown(1));
}

void TestUdpHistory::theLimitsRemoveTheOldest()
{
    QSettings().setValue(QStringLiteral("history/maxEntries"), 2);
    openWindow();
    QCOMPARE(m_window->datagramStore()->maxEntries(), 2);
    sendAndWait(QByteArrayLiteral("one"), 1);
    const QString oldest = history()->record(0)->historyId;
    sendAndWait(QByteArrayLiteral("two"), 2);
    udp()->requestEditor()->setBytes(QByteArrayLiteral("three"));
    QVERIFY(udp()->send());
    QTRY_COMPARE_WITH_TIMEOUT(history()->record(0)->request, QByteArrayLiteral("three"), 15000);
    QCOMPARE(history()->count(), 2);
    QCOMPARE(history()->record(1)->request, QByteArrayLiteral("two"));
    QVERIFY(HistoryStore::waitForDone(10000));
    const QStringList files = QDir(folder()).entryList({QStringLiteral("*.json")}, QDir::Files);
    QCOMPARE(files.size(), 2);
    QVERIFY(!files.contains(oldest + QStringLiteral(".json")));
}

void TestUdpHistory::clearHistoryEmptiesTheListAndTheFolder()
{
    openWindow();
    sendAndWait(everyByte(), 1);
    QVERIFY(HistoryStore::waitForDone(10000));
    QVERIFY(!QDir(folder()).isEmpty());
    m_window->clearHistoryAction()->trigger();
    QMessageBox *question = nullptr;
    QTRY_VERIFY(question = m_window->findChild<QMessageBox *>(QStringLiteral("clearHistoryQuestion")));
    QTest::mouseClick(question->button(QMessageBox::Yes), Qt::LeftButton);
    QCOMPARE(history()->count(), 0);
    QVERIFY(HistoryStore::waitForDone(10000));
    QVERIFY(QDir(folder()).isEmpty());
    closeWindow();

    openWindow();
    QVERIFY(HistoryStore::waitForDone(10000));
    QCoreApplication::processEvents();
    QCOMPARE(history()->count(), 0);
}

void TestUdpHistory::damagedFilesAreSkippedWithANotice()
{
    // A good entry first, to make damaged copies of.
    openWindow();
    sendAndWait(QByteArrayLiteral("kept"), 1);
    const QString goodId = history()->record(0)->historyId;
    closeWindow();
    QFile good(folder() + u'/' + goodId + QStringLiteral(".json"));
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray json = good.readAll();
    good.close();

    const auto write = [this](const QByteArray &bytes) {
        const QString id = HistoryFolder::newId(QDateTime::currentDateTime().addSecs(-60));
        QFile file(folder() + u'/' + id + QStringLiteral(".json"));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(bytes);
        return id;
    };
    QStringList damaged;
    damaged << write(json.left(json.size() / 2));
    damaged << write(QByteArray(json).replace("\"version\":1", "\"version\":99"));
    // A datagram said longer than its bytes: the datagrams and the reply disagree.
    damaged << write(QByteArray(json).replace("\"kept\":4", "\"kept\":40000"));
    damaged << write(QByteArray(json).replace("\"format\":\"socketlab-udp-exchange\"", "\"format\":\"socketlab-exchange\""));
    damaged << write(QByteArray(json).replace("\"family\":0", "\"family\":3"));
    // More datagrams than an entry may hold, each empty: everything else agrees.
    QJsonObject many = QJsonDocument::fromJson(json).object();
    QJsonObject result = many.value(u"udp_result").toObject();
    QJsonObject empty = result.value(u"datagrams").toArray().at(0).toObject();
    empty.insert(QStringLiteral("size"), 0);
    empty.insert(QStringLiteral("kept"), 0);
    QJsonArray datagrams;
    QJsonArray segments;
    for (qsizetype i = 0; i <= ExchangeRecordJson::MaxDatagrams; ++i) {
        datagrams.append(empty);
        segments.append(ValueJson::toJson(Segment{0, 0, 0}));
    }
    result.insert(QStringLiteral("datagrams"), datagrams);
    many.insert(QStringLiteral("udp_result"), result);
    many.insert(QStringLiteral("segments"), segments);
    many.insert(QStringLiteral("reply"), QJsonObject{{QStringLiteral("size"), 0}, {QStringLiteral("inline"), QString()}});
    damaged << write(QJsonDocument(many).toJson(QJsonDocument::Compact));
    for (const QString &id : damaged)
        QVERIFY(!id.isEmpty());
    // Past what SocketLab writes, and past the history's 256 MiB: removed by the limits, unread.
    // A sparse file, so it costs no disk.
    const QString huge = HistoryFolder::newId(QDateTime::currentDateTime().addSecs(-30));
    QFile hugeFile(folder() + u'/' + huge + QStringLiteral(".json"));
    QVERIFY(hugeFile.open(QIODevice::WriteOnly));
    QVERIFY(hugeFile.resize(qint64(257) << 20));
    hugeFile.close();

    openWindow();
    QTRY_COMPARE_WITH_TIMEOUT(history()->count(), 1, 10000);
    QCOMPARE(history()->record(0)->historyId, goodId);
    const QString notice = m_window->statusBar()->currentMessage();
    for (const QString &id : damaged)
        QVERIFY2(notice.contains(id + QStringLiteral(".json")), qPrintable(notice));
    QVERIFY(HistoryStore::waitForDone(10000));
    QVERIFY(!hugeFile.exists());
    // The window works all the same.
    sendAndWait(QByteArrayLiteral("after"), 2);
}

void TestUdpHistory::everyFieldIsReadBack_data()
{
    QTest::addColumn<qint64>("inlineBytes");
    QTest::newRow("datagrams inline") << (qint64(1) << 20);
    QTest::newRow("datagrams in their file") << qint64(0);
}

// Fields the window's tests leave at their defaults: each set to something else, and read back.
void TestUdpHistory::everyFieldIsReadBack()
{
    QFETCH(qint64, inlineBytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const HistoryFolder folder(dir.path());

    ExchangeRecord record;
    record.historyId = HistoryFolder::newId(QDateTime::currentDateTime());
    record.startedAt = QDateTime(QDate(2026, 12, 5), QTime(14, 2, 11, 345));
    UdpExchangePart udp;
    UdpRequest &q = udp.request;
    q.host = QStringLiteral("::1");
    q.service = QStringLiteral("echo");
    q.family = IpFamily::V6;
    q.payload = everyByte();
    q.waitMs = 1234;
    q.maxDatagrams = 3;
    q.connected = true;
    q.bindPort = 4321;
    q.recvSize = 300;
    q.socketOptions = {{SocketOptionName::ReceiveBuffer, 65536}};
    q.localAddress = *SocketAddress::fromNumeric(QStringLiteral("::1"), 4321);
    q.multicast.hops = 5;
    q.multicast.loop = 0;
    q.multicast.interfaceName = QStringLiteral("lo");
    UdpResult &r = udp.result;
    r.target = *SocketAddress::fromNumeric(QStringLiteral("::1"), 7);
    r.local = q.localAddress;
    r.sentBytes = q.payload.size();
    r.stop.reason = StopReason::DatagramCountReached;
    r.stop.limit = 3;
    r.error = NetError{NetError::Kind::System, ECONNREFUSED, 0, QStringLiteral("recvfrom"), QString(), QString(), QString()};
    r.kernelDrops = 7;
    r.receiveBufferBytes = 212992;
    auto store = std::make_shared<ByteStore>();
    const QList<QByteArray> bodies{everyByte().left(256), QByteArray(), everyByte().left(300)};
    for (qsizetype i = 0; i < bodies.size(); ++i) {
        const QByteArray &body = bodies.at(i);
        store->append(body.constData(), body.size(), 100 * (i + 1));
        Datagram datagram;
        datagram.from = r.target;
        datagram.kept = body.size();
        datagram.size = i == 2 ? 2000 : body.size();
        datagram.truncated = i == 2;
        datagram.timeUs = 100 * (i + 1);
        r.datagrams.append(datagram);
    }
    r.receivedBytes = store->size();
    record.request = q.payload;
    record.reply = store;
    record.segments = store->segments();
    record.settings.host = q.host;
    record.settings.service = q.service;
    record.settings.family = q.family;
    record.udp = udp;
    QVERIFY(!writeHistoryEntry(record, folder, inlineBytes).isError());
    QCOMPARE(QFile::exists(folder.sidePath(record.historyId, QStringLiteral("reply"))), inlineBytes == 0);

    HistoryEntryProblem problem;
    const std::optional<ExchangeRecord> back = ExchangeRecordJson::read(folder, record.historyId, &problem,
                                                                        ExchangeRecordJson::Kind::Udp);
    QVERIFY(back);
    // Not an exchange of the TCP tab's kind.
    QVERIFY(!ExchangeRecordJson::read(folder, record.historyId, &problem, ExchangeRecordJson::Kind::Tcp));
    QCOMPARE(back->startedAt, record.startedAt);
    QCOMPARE(back->request, record.request);
    QCOMPARE(whole(back->reply), store->toByteArray());
    QCOMPARE(back->segments, record.segments);
    QCOMPARE(back->settings.host, q.host);
    QCOMPARE(back->settings.family, q.family);
    QVERIFY(back->udp);
    const UdpRequest &bq = back->udp->request;
    QCOMPARE(bq.host, q.host);
    QCOMPARE(bq.service, q.service);
    QCOMPARE(bq.family, q.family);
    QCOMPARE(bq.payload, q.payload);
    QCOMPARE(bq.waitMs, q.waitMs);
    QCOMPARE(bq.maxDatagrams, q.maxDatagrams);
    QCOMPARE(bq.connected, q.connected);
    QCOMPARE(bq.bindPort, q.bindPort);
    QCOMPARE(bq.recvSize, q.recvSize);
    QCOMPARE(bq.socketOptions, q.socketOptions);
    QVERIFY(bq.localAddress == q.localAddress);
    QVERIFY(bq.multicast == q.multicast);
    const UdpResult &br = back->udp->result;
    QVERIFY(br.target == r.target);
    QVERIFY(br.local == r.local);
    QCOMPARE(br.sentBytes, r.sentBytes);
    QCOMPARE(br.receivedBytes, r.receivedBytes);
    QCOMPARE(br.stop.reason, r.stop.reason);
    QCOMPARE(br.stop.limit, r.stop.limit);
    QCOMPARE(br.error.kind, r.error.kind);
    QCOMPARE(br.error.systemCode, r.error.systemCode);
    QCOMPARE(br.error.call, r.error.call);
    QCOMPARE(br.kernelDrops, r.kernelDrops);
    QCOMPARE(br.receiveBufferBytes, r.receiveBufferBytes);
    QCOMPARE(br.datagrams.size(), 3);
    for (qsizetype i = 0; i < 3; ++i) {
        QVERIFY(br.datagrams.at(i).from == r.datagrams.at(i).from);
        QCOMPARE(br.datagrams.at(i).size, r.datagrams.at(i).size);
        QCOMPARE(br.datagrams.at(i).kept, r.datagrams.at(i).kept);
        QCOMPARE(br.datagrams.at(i).truncated, r.datagrams.at(i).truncated);
        QCOMPARE(br.datagrams.at(i).timeUs, r.datagrams.at(i).timeUs);
    }
}

QTEST_MAIN(TestUdpHistory)
#include "tst_udphistory.moc"

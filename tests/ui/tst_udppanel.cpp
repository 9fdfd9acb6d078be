#include "reply/hexview.h"
#include "reply/textview.h"
#include "settings/storedsettings.h"
#include "request/requesteditor.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"
#include "udp/bytesourceslice.h"
#include "udp/datagrammodel.h"
#include "udp/udppanel.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "bytes/bytestore.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "text/stoptext.h"
#include "text/translations.h"
#include "udpflood.h"

#include "peerprocess.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTranslator>

#include <cmath>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace SocketLab;

namespace {

// A waiting exchange against a silent port is cancelled long before this: finishing at all proves it.
constexpr int LongWaitMs = 600000;
constexpr int ResultTimeoutMs = 20000;

quint16 closedUdpPort()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address);
    socklen_t len = sizeof address;
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &len);
    ::close(fd);
    return ntohs(address.sin_port);
}

QByteArray shownBytes(const ByteViewBase *view)
{
    return view->source() ? view->source()->read(0, view->size() + 1) : QByteArray();
}

QString cellText(const UdpPanel &panel, int row, int column)
{
    return panel.datagramModel()->index(row, column).data().toString();
}

double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    p.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    p.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    p.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    p.setColor(QPalette::Highlight, QColor(0x2d, 0x5f, 0x9e));
    p.setColor(QPalette::HighlightedText, Qt::white);
    return p;
}

// Marks every string of the panel, so a test sees which texts were set again after a language change.
class MarkingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int n) const override
    {
        Q_UNUSED(disambiguation);
        const QLatin1StringView name(context);
        if (name != QLatin1StringView("SocketLab::UdpPanel") && name != QLatin1StringView("SocketLab::DatagramModel"))
            return {};
        QString text = QStringLiteral("<<%1>>").arg(QString::fromUtf8(sourceText));
        return n >= 0 ? text.replace(QStringLiteral("%n"), QString::number(n)) : text;
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestUdpPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void sliceReadsItsRange_data();
    void sliceReadsItsRange();
    void defaultsFollowTheNotebook();
    void echoReturnsTheSameBytes();
    void emptyDatagram();
    void smallReceiveBufferTruncates();
    void severalDatagrams_data();
    void severalDatagrams();
    void choosingADatagramShowsIt();
    void datagramsShowWhileWaiting();
    void connectedClosedPortIsANotice();
    void unconnectedClosedPortExplainsTheSilence();
    void resendKeys_data();
    void resendKeys();
    void ctrlReturnSendsTheForm();
    void ctrlReturnBelongsToThePanelInAWindow();
    void payloadModes_data();
    void payloadModes();
    void localBindPort();
    void cancelEndsALongWait_data();
    void cancelEndsALongWait();
    void closingMidWaitIsClean();
    void incompleteFormCannotBeSent();
    void defaultTargetFollowsUntilEdited();
    void noticeReadableInBothPalettes();
    void retranslatesAtRunTime();
    void stateRoundTrips();
    // Last: it leaves SocketLab's English translation installed, with its plural forms.
    void kernelDropsAreSaid();

private:
    UdpResult sendAndWait();
    UdpResult waitForResult(QSignalSpy &spy);
    void setPayload(const QByteArray &bytes);
    void focusEditor();

    LocalServers m_servers;
    std::unique_ptr<UdpPanel> m_panel;
};

void TestUdpPanel::initTestCase()
{
    QVERIFY(!startAndWait(m_servers).isError());
    QVERIFY(m_servers.udpEchoAddress().isValid());
}

void TestUdpPanel::init()
{
    m_panel = std::make_unique<UdpPanel>();
    m_panel->setDefaultTarget(m_servers.udpEchoAddress());
    m_panel->resize(1000, 800);
    m_panel->show();
    QApplication::setActiveWindow(m_panel.get());
    QVERIFY(QTest::qWaitForWindowActive(m_panel.get()));
}

void TestUdpPanel::cleanup()
{
    m_panel.reset();
}

UdpResult TestUdpPanel::waitForResult(QSignalSpy &spy)
{
    if (spy.isEmpty())
        spy.wait(ResultTimeoutMs);
    if (spy.isEmpty())
        return {};
    return spy.takeFirst().at(0).value<UdpResult>();
}

UdpResult TestUdpPanel::sendAndWait()
{
    QSignalSpy spy(m_panel.get(), &UdpPanel::finished);
    if (!m_panel->sendButton()->isEnabled())
        return {};
    QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
    return waitForResult(spy);
}

void TestUdpPanel::setPayload(const QByteArray &bytes)
{
    m_panel->requestEditor()->setBytes(bytes);
}

void TestUdpPanel::focusEditor()
{
    auto *edit = m_panel->requestEditor()->findChild<QPlainTextEdit *>();
    edit->setFocus();
    QTRY_VERIFY(edit->hasFocus());
}

void TestUdpPanel::sliceReadsItsRange_data()
{
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("length");
    QTest::addColumn<qint64>("readAt");
    QTest::addColumn<qint64>("readLength");
    QTest::addColumn<qint64>("size");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("middle") << 3LL << 4LL << 0LL << 100LL << 4LL << QByteArray("3456");
    QTest::newRow("inside the slice") << 3LL << 4LL << 1LL << 2LL << 4LL << QByteArray("45");
    QTest::newRow("past its end") << 3LL << 4LL << 4LL << 1LL << 4LL << QByteArray();
    QTest::newRow("empty datagram") << 5LL << 0LL << 0LL << 10LL << 0LL << QByteArray();
    QTest::newRow("clamped to the source") << 8LL << 10LL << 0LL << 10LL << 2LL << QByteArray("89");
    QTest::newRow("negative offset read") << 0LL << 10LL << -1LL << 3LL << 10LL << QByteArray();
}

void TestUdpPanel::sliceReadsItsRange()
{
    QFETCH(qint64, offset);
    QFETCH(qint64, length);
    QFETCH(qint64, readAt);
    QFETCH(qint64, readLength);
    QFETCH(qint64, size);
    QFETCH(QByteArray, bytes);

    auto store = std::make_shared<ByteStore>();
    QVERIFY(store->append("0123456789", 10, 0));
    const ByteSourceSlice slice(store, offset, length);
    QCOMPARE(slice.size(), size);
    QCOMPARE(slice.read(readAt, readLength), bytes);
}

void TestUdpPanel::defaultsFollowTheNotebook()
{
    const SocketAddress echo = m_servers.udpEchoAddress();
    QCOMPARE(m_panel->targetEdit()->hostEdit()->text(), echo.host());
    QCOMPARE(m_panel->targetEdit()->portEdit()->text(), QString::number(echo.port()));
    QCOMPARE(m_panel->requestEditor()->bytes(), QByteArrayLiteral("Test en classe"));
    const UdpRequest request = m_panel->request();
    QCOMPARE(request.recvSize, qint64(65536));
    QCOMPARE(request.bindPort, quint16(0));
    QCOMPARE(request.maxDatagrams, 0);
    QVERIFY(!request.connected);
    QCOMPARE(m_panel->localPortSpin()->text(), m_panel->localPortSpin()->specialValueText());
    QVERIFY(m_panel->connectedCheck()->toolTip().contains(QStringLiteral("ICMP port unreachable")));
    QVERIFY(m_panel->echoButton()->isEnabled());
    QVERIFY(m_panel->sendButton()->isEnabled());
    QVERIFY(!m_panel->resendButton()->isEnabled());
    QVERIFY(!m_panel->cancelButton()->isEnabled());
}

void TestUdpPanel::echoReturnsTheSameBytes()
{
    m_panel->countSpin()->setValue(1);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.stop.reason, StopReason::DatagramCountReached);

    const DatagramModel *model = m_panel->datagramModel();
    QCOMPARE(model->rowCount(), 1);
    QVERIFY(model->isComplete(0));
    QCOMPARE(model->datagram(0).from, m_servers.udpEchoAddress());
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::FromColumn), m_servers.udpEchoAddress().toString());
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::SizeColumn), QStringLiteral("14"));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::KeptColumn), QStringLiteral("14"));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::TruncatedColumn), QStringLiteral("no"));

    // The first datagram is shown without a click, in both views.
    QCOMPARE(m_panel->datagramTable()->currentIndex().row(), 0);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("Test en classe"));
    QCOMPARE(shownBytes(m_panel->textView()), QByteArrayLiteral("Test en classe"));
    QVERIFY(m_panel->selectionLabel()->text().contains(m_servers.udpEchoAddress().toString()));

    QCOMPARE(m_panel->statusLabel()->text(), describeStop(result.stop));
    QVERIFY(!m_panel->noticeLabel()->isVisible());
    QVERIFY(m_panel->detailsLabel()->text().contains(m_servers.udpEchoAddress().toString()));

    QStringList calls;
    const TraceModel *trace = m_panel->traceView()->traceModel();
    for (const TraceEntry &entry : trace->entries())
        calls << entry.call;
    QVERIFY2(calls.contains(QStringLiteral("sendto")), qPrintable(calls.join(u' ')));
    QVERIFY2(calls.contains(QStringLiteral("recvmsg")), qPrintable(calls.join(u' ')));
    QVERIFY(m_panel->resendButton()->isEnabled());
}

void TestUdpPanel::emptyDatagram()
{
    setPayload({});
    QVERIFY(m_panel->requestEditor()->isValid());
    m_panel->countSpin()->setValue(1);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.sentBytes, qint64(0));
    QCOMPARE(m_panel->datagramModel()->rowCount(), 1);
    QCOMPARE(m_panel->datagramModel()->datagram(0).size, qint64(0));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::SizeColumn), QStringLiteral("0"));
    QCOMPARE(m_panel->hexView()->size(), qint64(0));
    QCOMPARE(m_panel->textView()->size(), qint64(0));
}

void TestUdpPanel::smallReceiveBufferTruncates()
{
    const QByteArray payload = QByteArrayLiteral("0123456789abcdefghij");
    setPayload(payload);
    m_panel->recvSizeSpin()->setValue(10);
    m_panel->countSpin()->setValue(1);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));

    QCOMPARE(m_panel->datagramModel()->rowCount(), 1);
    const Datagram datagram = m_panel->datagramModel()->datagram(0);
    QVERIFY(datagram.truncated);
    QCOMPARE(datagram.size, qint64(payload.size()));
    QCOMPARE(datagram.kept, qint64(10));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::TruncatedColumn), QStringLiteral("yes"));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::KeptColumn), QStringLiteral("10"));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::SizeColumn), QStringLiteral("20"));
    QVERIFY(m_panel->datagramModel()
                ->index(0, DatagramModel::TruncatedColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("MSG_TRUNC")));
    QCOMPARE(shownBytes(m_panel->hexView()), payload.left(10));
    QVERIFY(m_panel->selectionLabel()->text().contains(QStringLiteral("truncated")));
    QVERIFY(m_panel->detailsLabel()->text().contains(QStringLiteral("receive buffer")));
}

void TestUdpPanel::kernelDropsAreSaid()
{
    // A peer that answers with a flood, after shrinking the panel's socket's receive buffer: the
    // kernel drops most of it, and the panel says how many and what to do.
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    constexpr int Count = 3000;
    UdpFlood::FloodingPeer peer(Count);
    m_panel->setDefaultTarget(SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), peer.port()).value());
    m_panel->waitSpin()->setValue(1000);
    m_panel->countSpin()->setValue(0);
    setPayload("go");
    const UdpResult result = sendAndWait();
    QCOMPARE(peer.sent(), Count);
    QVERIFY(result.kernelDrops.has_value());
    QVERIFY(*result.kernelDrops > 0);
    QCOMPARE(result.datagrams.size() + *result.kernelDrops, qint64(Count));

    const QString drops = QLocale().toString(*result.kernelDrops);
    const QString english = m_panel->detailsLabel()->text();
    QVERIFY2(english.contains(QStringLiteral("The kernel dropped %1 datagram%2: the receive buffer (%3) was full; raise "
                                             "SO_RCVBUF (rcvbuf=%4).")
                                  .arg(drops, *result.kernelDrops == 1 ? QString() : QStringLiteral("s"),
                                       byteCount(result.receiveBufferBytes))
                                  .arg(2 * result.receiveBufferBytes)),
             qPrintable(english));

    QVERIFY(Translations::install(QStringLiteral("fr")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    const QString french = m_panel->detailsLabel()->text();
    const QString frenchDrops = QLocale().toString(*result.kernelDrops);
    const bool several = *result.kernelDrops > 1;
    const QString expected = QStringLiteral("Le noyau a jeté %1 datagramme%2\u00a0: le tampon de réception (%3) était plein\u202f; "
                                            "augmentez SO_RCVBUF (rcvbuf=%4).")
                                 .arg(frenchDrops, several ? QStringLiteral("s") : QString(),
                                      byteCount(result.receiveBufferBytes))
                                 .arg(2 * result.receiveBufferBytes);
    QVERIFY(Translations::install(QStringLiteral("en")));
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    QVERIFY2(french.contains(expected), qPrintable(french + QLatin1Char('|') + expected));
}

void TestUdpPanel::severalDatagrams_data()
{
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("waitMs");
    QTest::addColumn<StopReason>("reason");

    QTest::newRow("the whole wait window") << 0 << 1000 << StopReason::WaitElapsed;
    // The window is long: stopping at two datagrams is what ends it.
    QTest::newRow("stop after two") << 2 << LongWaitMs << StopReason::DatagramCountReached;
}

void TestUdpPanel::severalDatagrams()
{
    QFETCH(int, count);
    QFETCH(int, waitMs);
    QFETCH(StopReason, reason);

    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    m_panel->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    setPayload(QByteArrayLiteral("ping"));
    m_panel->countSpin()->setValue(count);
    m_panel->waitSpin()->setValue(waitMs);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.stop.reason, reason);
    QCOMPARE(m_panel->datagramModel()->rowCount(), 2);
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::NumberColumn), QStringLiteral("1"));
    QCOMPARE(cellText(*m_panel, 1, DatagramModel::NumberColumn), QStringLiteral("2"));
    QCOMPARE(cellText(*m_panel, 1, DatagramModel::SizeColumn), QStringLiteral("10"));
    const QString from = QStringLiteral("127.0.0.1:%1").arg(peer.port());
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::FromColumn), from);
    QCOMPARE(cellText(*m_panel, 1, DatagramModel::FromColumn), from);
    QVERIFY(m_panel->datagramModel()->segment(1).timeUs >= m_panel->datagramModel()->segment(0).timeUs);
    QCOMPARE(m_panel->statusLabel()->text(), describeStop(result.stop));
}

void TestUdpPanel::choosingADatagramShowsIt()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    m_panel->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    setPayload(QByteArrayLiteral("ping"));
    m_panel->countSpin()->setValue(2);
    sendAndWait();
    QCOMPARE(m_panel->datagramModel()->rowCount(), 2);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("ping"));

    QTableView *table = m_panel->datagramTable();
    const QRect second = table->visualRect(m_panel->datagramModel()->index(1, DatagramModel::SizeColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
    QCOMPARE(table->currentIndex().row(), 1);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("again:ping"));
    QCOMPARE(shownBytes(m_panel->textView()), QByteArrayLiteral("again:ping"));
    QVERIFY(m_panel->selectionLabel()->text().contains(QStringLiteral("2")));

    // Back with the keyboard.
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Up);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("ping"));

    // The two views keep one selection.
    m_panel->hexView()->setFocus();
    QTest::keyClick(m_panel->hexView(), Qt::Key_Right, Qt::ShiftModifier);
    QTest::keyClick(m_panel->hexView(), Qt::Key_Right, Qt::ShiftModifier);
    QCOMPARE(m_panel->textView()->selectionLength(), qint64(2));
}

void TestUdpPanel::datagramsShowWhileWaiting()
{
    PeerProcess peer(QStringLiteral("udp_peer.py"), {QStringLiteral("double")});
    QVERIFY(peer.port());
    m_panel->setTarget(QStringLiteral("127.0.0.1"), peer.service());
    setPayload(QByteArrayLiteral("live"));
    m_panel->waitSpin()->setValue(LongWaitMs);
    QSignalSpy finished(m_panel.get(), &UdpPanel::finished);
    QVERIFY(m_panel->send());

    // Still waiting, the rows are there with what the store knows: time and bytes kept.
    QTRY_COMPARE_WITH_TIMEOUT(m_panel->datagramModel()->rowCount(), 2, ResultTimeoutMs);
    QVERIFY(m_panel->isRunning());
    QVERIFY(!m_panel->datagramModel()->isComplete(1));
    QCOMPARE(cellText(*m_panel, 1, DatagramModel::KeptColumn), QStringLiteral("10"));
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("live"));
    QVERIFY(m_panel->statusLabel()->text().contains(QStringLiteral("2")));

    m_panel->cancel();
    const UdpResult result = waitForResult(finished);
    QCOMPARE(result.stop.reason, StopReason::Cancelled);
    // What arrived before the cancel stays, now with its senders.
    QCOMPARE(m_panel->datagramModel()->rowCount(), 2);
    QVERIFY(m_panel->datagramModel()->isComplete(1));
    QCOMPARE(cellText(*m_panel, 1, DatagramModel::FromColumn), QStringLiteral("127.0.0.1:%1").arg(peer.port()));
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("live"));
}

void TestUdpPanel::connectedClosedPortIsANotice()
{
    const quint16 closed = closedUdpPort();
    m_panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(closed));
    QTest::mouseClick(m_panel->connectedCheck(), Qt::LeftButton);
    QVERIFY(m_panel->connectedCheck()->isChecked());
    m_panel->waitSpin()->setValue(LongWaitMs);
    const UdpResult result = sendAndWait();
    QCOMPARE(result.error.codeName(), QStringLiteral("ECONNREFUSED"));

    QVERIFY(m_panel->noticeLabel()->isVisible());
    const QString notice = m_panel->noticeLabel()->text();
    QVERIFY2(notice.contains(QStringLiteral("No UDP server at 127.0.0.1:%1").arg(closed)), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("ICMP port unreachable")), qPrintable(notice));
    QVERIFY2(notice.contains(QStringLiteral("ECONNREFUSED")), qPrintable(notice));
    QVERIFY(!QApplication::activeModalWidget());
    for (const QWidget *widget : QApplication::topLevelWidgets())
        QVERIFY(widget == m_panel.get() || !widget->isVisible());
    QVERIFY(!m_panel->isRunning());

    // Still usable: the same form against the echo works and the notice goes.
    m_panel->echoButton()->click();
    m_panel->waitSpin()->setValue(2000);
    m_panel->countSpin()->setValue(1);
    const UdpResult again = sendAndWait();
    QVERIFY2(!again.error.isError(), qPrintable(again.error.codeName()));
    QCOMPARE(m_panel->datagramModel()->rowCount(), 1);
    QVERIFY(!m_panel->noticeLabel()->isVisible());
}

void TestUdpPanel::unconnectedClosedPortExplainsTheSilence()
{
    m_panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(closedUdpPort()));
    m_panel->waitSpin()->setValue(300);
    const UdpResult result = sendAndWait();
    QVERIFY(!result.error.isError());
    QCOMPARE(result.stop.reason, StopReason::WaitElapsed);
    QCOMPARE(m_panel->datagramModel()->rowCount(), 0);
    QVERIFY(!m_panel->noticeLabel()->isVisible());
    QVERIFY(m_panel->detailsLabel()->text().contains(QStringLiteral("Connected socket")));
}

void TestUdpPanel::resendKeys_data()
{
    QTest::addColumn<QKeyCombination>("key");
    QTest::newRow("F5") << QKeyCombination(Qt::Key_F5);
    QTest::newRow("Ctrl+R") << QKeyCombination(Qt::ControlModifier, Qt::Key_R);
}

void TestUdpPanel::resendKeys()
{
    QFETCH(QKeyCombination, key);

    m_panel->countSpin()->setValue(1);
    setPayload(QByteArrayLiteral("first"));
    sendAndWait();
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("first"));

    // The key sends the last datagram again, not what the editor holds now.
    setPayload(QByteArrayLiteral("edited since"));
    focusEditor();
    QSignalSpy spy(m_panel.get(), &UdpPanel::finished);
    QTest::keyClick(QApplication::focusWidget(), key.key(), key.keyboardModifiers());
    const UdpResult result = waitForResult(spy);
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.sentBytes, qint64(5));
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("first"));
    QCOMPARE(m_panel->requestEditor()->bytes(), QByteArrayLiteral("edited since"));
}

void TestUdpPanel::ctrlReturnSendsTheForm()
{
    m_panel->countSpin()->setValue(1);
    setPayload(QByteArrayLiteral("typed"));
    focusEditor();
    QSignalSpy spy(m_panel.get(), &UdpPanel::finished);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    waitForResult(spy);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("typed"));
    // Not a line break in the payload.
    QCOMPARE(m_panel->requestEditor()->bytes(), QByteArrayLiteral("typed"));

    // From a spin box too, with the value just typed.
    m_panel->recvSizeSpin()->setFocus();
    m_panel->recvSizeSpin()->selectAll();
    QTest::keyClicks(m_panel->recvSizeSpin(), QStringLiteral("3"));
    QTest::keyClick(m_panel->recvSizeSpin(), Qt::Key_Enter, Qt::ControlModifier | Qt::KeypadModifier);
    waitForResult(spy);
    QCOMPARE(shownBytes(m_panel->hexView()), QByteArrayLiteral("typ"));
}

void TestUdpPanel::ctrlReturnBelongsToThePanelInAWindow()
{
    // The main window's Send has Ctrl+Return too: inside the panel, the panel's wins.
    QMainWindow window;
    auto *windowSend = new QAction(&window);
    windowSend->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    windowSend->setShortcutContext(Qt::WindowShortcut);
    window.addAction(windowSend);
    QSignalSpy windowSpy(windowSend, &QAction::triggered);
    auto *panel = new UdpPanel;
    panel->setDefaultTarget(m_servers.udpEchoAddress());
    panel->countSpin()->setValue(1);
    window.setCentralWidget(panel);
    window.show();
    QApplication::setActiveWindow(&window);
    QVERIFY(QTest::qWaitForWindowActive(&window));

    panel->targetEdit()->hostEdit()->setFocus();
    QTRY_VERIFY(panel->targetEdit()->hostEdit()->hasFocus());
    QSignalSpy spy(panel, &UdpPanel::finished);
    QTest::keyClick(panel->targetEdit()->hostEdit(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(spy.wait(ResultTimeoutMs));
    QCOMPARE(windowSpy.count(), 0);
    QCOMPARE(panel->datagramModel()->rowCount(), 1);
}

void TestUdpPanel::payloadModes_data()
{
    QTest::addColumn<PayloadMode>("mode");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QByteArray>("bytes");

    QTest::newRow("hex") << PayloadMode::Hex << QStringLiteral("de ad be ef 00 0a")
                         << QByteArray("\xde\xad\xbe\xef\x00\x0a", 6);
    QTest::newRow("escapes") << PayloadMode::Escaped << QStringLiteral("a\\x00b\\r\\n")
                             << QByteArray("a\x00" "b\r\n", 5);
    QTest::newRow("text") << PayloadMode::Text << QStringLiteral("Test en classe") << QByteArray("Test en classe");
}

void TestUdpPanel::payloadModes()
{
    QFETCH(PayloadMode, mode);
    QFETCH(QString, typed);
    QFETCH(QByteArray, bytes);

    QVERIFY(m_panel->requestEditor()->setMode(mode));
    auto *edit = m_panel->requestEditor()->findChild<QPlainTextEdit *>();
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, typed);
    QCOMPARE(m_panel->requestEditor()->bytes(), bytes);
    m_panel->countSpin()->setValue(1);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.sentBytes, qint64(bytes.size()));
    QCOMPARE(shownBytes(m_panel->hexView()), bytes);
}

void TestUdpPanel::localBindPort()
{
    const quint16 local = closedUdpPort();
    m_panel->localPortSpin()->setValue(local);
    m_panel->countSpin()->setValue(1);
    const UdpResult result = sendAndWait();
    QVERIFY2(!result.error.isError(), qPrintable(result.error.codeName()));
    QCOMPARE(result.local.port(), local);
    QCOMPARE(m_panel->datagramModel()->rowCount(), 1);
    QVERIFY(m_panel->detailsLabel()->text().contains(QStringLiteral(":%1").arg(local)));
}

void TestUdpPanel::cancelEndsALongWait_data()
{
    QTest::addColumn<bool>("useKey");
    QTest::newRow("Cancel button") << false;
    QTest::newRow("Esc") << true;
}

void TestUdpPanel::cancelEndsALongWait()
{
    QFETCH(bool, useKey);

    m_panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(closedUdpPort()));
    m_panel->waitSpin()->setValue(LongWaitMs);
    QSignalSpy busy(m_panel.get(), &UdpPanel::busyChanged);
    QSignalSpy finished(m_panel.get(), &UdpPanel::finished);
    QTest::mouseClick(m_panel->sendButton(), Qt::LeftButton);
    QVERIFY(m_panel->isRunning());
    QCOMPARE(busy.count(), 1);
    QVERIFY(!m_panel->sendButton()->isEnabled());
    QVERIFY(m_panel->cancelButton()->isEnabled());
    // Waiting: the trace already shows the datagram went out.
    QTRY_VERIFY(m_panel->traceView()->traceModel()->rowCount() >= 2);

    if (useKey) {
        focusEditor();
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    } else {
        QTest::mouseClick(m_panel->cancelButton(), Qt::LeftButton);
    }
    const UdpResult result = waitForResult(finished);
    QCOMPARE(result.stop.reason, StopReason::Cancelled);
    QVERIFY(!m_panel->isRunning());
    QCOMPARE(busy.count(), 2);
    QVERIFY(!m_panel->noticeLabel()->isVisible());
    QCOMPARE(m_panel->statusLabel()->text(), describeStop(result.stop));
    QVERIFY(m_panel->sendButton()->isEnabled());
}

void TestUdpPanel::closingMidWaitIsClean()
{
    m_panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(closedUdpPort()));
    m_panel->waitSpin()->setValue(LongWaitMs);
    QVERIFY(m_panel->send());
    QVERIFY(m_panel->isRunning());
    m_panel.reset();
}

void TestUdpPanel::incompleteFormCannotBeSent()
{
    QSignalSpy busy(m_panel.get(), &UdpPanel::busyChanged);
    m_panel->targetEdit()->hostEdit()->clear();
    QVERIFY(!m_panel->sendButton()->isEnabled());
    QVERIFY(!m_panel->send());

    m_panel->echoButton()->click();
    QVERIFY(m_panel->sendButton()->isEnabled());
    m_panel->targetEdit()->portEdit()->setText(QStringLiteral("70000"));
    QVERIFY(!m_panel->sendButton()->isEnabled());
    QString problem;
    QVERIFY(!m_panel->isComplete(&problem));
    QVERIFY(problem.contains(QStringLiteral("70000")));

    m_panel->echoButton()->click();
    QVERIFY(m_panel->requestEditor()->setMode(PayloadMode::Hex));
    auto *edit = m_panel->requestEditor()->findChild<QPlainTextEdit *>();
    edit->selectAll();
    QTest::keyClicks(edit, QStringLiteral("4g"));
    QVERIFY(!m_panel->requestEditor()->isValid());
    QVERIFY(!m_panel->sendButton()->isEnabled());
    focusEditor();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(busy.count(), 0);
}

void TestUdpPanel::defaultTargetFollowsUntilEdited()
{
    const SocketAddress first = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 4000);
    const SocketAddress second = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 4001);
    const SocketAddress third = *SocketAddress::fromNumeric(QStringLiteral("::1"), 4002);

    m_panel->setDefaultTarget(first);
    QCOMPARE(m_panel->targetEdit()->portEdit()->text(), QStringLiteral("4000"));
    QVERIFY(m_panel->echoButton()->toolTip().contains(first.toString()));

    m_panel->targetEdit()->portEdit()->selectAll();
    QTest::keyClicks(m_panel->targetEdit()->portEdit(), QStringLiteral("9"));
    m_panel->setDefaultTarget(second);
    QCOMPARE(m_panel->targetEdit()->portEdit()->text(), QStringLiteral("9"));

    QTest::mouseClick(m_panel->echoButton(), Qt::LeftButton);
    QCOMPARE(m_panel->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_panel->targetEdit()->portEdit()->text(), QStringLiteral("4001"));
    m_panel->setDefaultTarget(third);
    QCOMPARE(m_panel->targetEdit()->hostEdit()->text(), QStringLiteral("::1"));
    QCOMPARE(m_panel->targetEdit()->portEdit()->text(), QStringLiteral("4002"));

    m_panel->setTarget(QStringLiteral("localhost"), QStringLiteral("echo"));
    m_panel->setDefaultTarget(first);
    QCOMPARE(m_panel->targetEdit()->hostEdit()->text(), QStringLiteral("localhost"));
}

void TestUdpPanel::noticeReadableInBothPalettes()
{
    m_panel->setTarget(QStringLiteral("127.0.0.1"), QString::number(closedUdpPort()));
    m_panel->connectedCheck()->setChecked(true);
    sendAndWait();
    QVERIFY(m_panel->noticeLabel()->isVisible());
    for (const QPalette &palette : {QApplication::palette(), darkPalette()}) {
        m_panel->setPalette(palette);
        const QPalette notice = m_panel->noticeLabel()->palette();
        const QColor background = notice.color(QPalette::Window);
        QVERIFY(contrast(background, notice.color(QPalette::WindowText)) >= 4.5);
        // The notice sits on the palette's own side: no bright box on a dark window.
        const bool darkWindow = palette.color(QPalette::Window).lightness() < 128;
        QCOMPARE(background.lightness() < 128, darkWindow);
        const QImage image = m_panel->noticeLabel()->grab().toImage();
        QCOMPARE(image.pixelColor(1, 1).rgb(), background.rgb());
    }
}

void TestUdpPanel::retranslatesAtRunTime()
{
    m_panel->countSpin()->setValue(1);
    sendAndWait();
    MarkingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));
    auto marked = [](const QString &text) { return text.startsWith(QStringLiteral("<<")); };
    // The language change reaches the widgets through the event loop.
    QTRY_VERIFY(marked(m_panel->sendButton()->text()));
    QVERIFY(marked(m_panel->sendButton()->toolTip()));
    QVERIFY(marked(m_panel->connectedCheck()->toolTip()));
    QVERIFY(marked(m_panel->targetEdit()->hostEdit()->placeholderText()));
    QVERIFY(marked(m_panel->localPortSpin()->specialValueText()));
    QVERIFY(marked(m_panel->countSpin()->suffix()));
    QVERIFY(marked(m_panel->byteTabs()->tabText(0)));
    QVERIFY(marked(m_panel->selectionLabel()->text()));
    QVERIFY(marked(m_panel->datagramModel()->headerData(DatagramModel::FromColumn, Qt::Horizontal).toString()));
    QVERIFY(marked(cellText(*m_panel, 0, DatagramModel::TruncatedColumn)));
    QVERIFY(marked(m_panel->echoButton()->toolTip()));
    QVERIFY(QCoreApplication::removeTranslator(&translator));
    QTRY_COMPARE(m_panel->sendButton()->text(), QStringLiteral("&Send"));
    QCOMPARE(cellText(*m_panel, 0, DatagramModel::TruncatedColumn), QStringLiteral("no"));
}

void TestUdpPanel::stateRoundTrips()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("state.ini"));
    const SocketAddress movedEcho = *SocketAddress::fromNumeric(QStringLiteral("127.0.0.1"), 4100);

    m_panel->connectedCheck()->setChecked(true);
    m_panel->localPortSpin()->setValue(4242);
    m_panel->waitSpin()->setValue(750);
    m_panel->countSpin()->setValue(3);
    m_panel->recvSizeSpin()->setValue(1024);
    setPayload(QByteArray("\x01\x02 hi", 5));
    QVERIFY(m_panel->requestEditor()->setMode(PayloadMode::Hex));
    {
        QSettings settings(path, QSettings::IniFormat);
        m_panel->saveState(settings);
    }
    // A form left on the embedded echo follows it to its new port.
    UdpPanel restored;
    restored.setDefaultTarget(movedEcho);
    {
        const QSettings file(path, QSettings::IniFormat);
        StoredSettings settings(file);
        restored.restoreState(settings);
        QCOMPARE(StoredSettings::summary(settings.problem()), QString());
    }
    QCOMPARE(restored.targetEdit()->portEdit()->text(), QStringLiteral("4100"));
    const UdpRequest request = restored.request();
    QVERIFY(request.connected);
    QCOMPARE(request.bindPort, quint16(4242));
    QCOMPARE(request.waitMs, 750);
    QCOMPARE(request.maxDatagrams, 3);
    QCOMPARE(request.recvSize, qint64(1024));
    QCOMPARE(request.payload, QByteArray("\x01\x02 hi", 5));
    QCOMPARE(restored.requestEditor()->mode(), PayloadMode::Hex);

    // A target a person chose stays.
    m_panel->setTarget(QStringLiteral("localhost"), QStringLiteral("echo"));
    {
        QSettings settings(path, QSettings::IniFormat);
        m_panel->saveState(settings);
    }
    UdpPanel chosen;
    chosen.setDefaultTarget(movedEcho);
    {
        const QSettings file(path, QSettings::IniFormat);
        StoredSettings settings(file);
        chosen.restoreState(settings);
        QCOMPARE(StoredSettings::summary(settings.problem()), QString());
    }
    QCOMPARE(chosen.targetEdit()->hostEdit()->text(), QStringLiteral("localhost"));
    QCOMPARE(chosen.targetEdit()->portEdit()->text(), QStringLiteral("echo"));
}

QTEST_MAIN(TestUdpPanel)
#include "tst_udppanel.moc"

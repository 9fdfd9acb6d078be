#include "reply/framingview.h"
#include "reply/hexview.h"
#include "reply/replaybar.h"
#include "reply/replypanel.h"

#include "text/translations.h"

#include "arraysource.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QThread>

#include <atomic>

using namespace SocketLab;
using Kind = FramingFact::Kind;

namespace {

const QByteArray Head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
const QByteArray Pieces[] = {Head + "1a;ext=1\r\nabcdefghij", "klmnopqrstuvwxyz\r\n", "0\r\n\r\nafter"};

// A chunked reply in three recv() calls, the last bringing 5 bytes after the message's end.
std::shared_ptr<ExchangeRecord> chunkedRecord()
{
    auto record = std::make_shared<ExchangeRecord>();
    auto parser = std::make_shared<HttpResponseParser>();
    QByteArray all;
    qint64 us = 5000;
    for (const QByteArray &piece : Pieces) {
        record->segments.append({all.size(), piece.size(), us});
        all += piece;
        parser->feed(piece);
        us += 2000;
    }
    record->reply = std::make_shared<TestSupport::ArraySource>(all);
    record->request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    record->result.http = parser;
    record->result.stop.reason = StopReason::PeerClosed;
    record->result.stop.bytes = all.size();
    record->result.timings.connectedUs = 4000;
    record->result.timings.firstByteUs = 5000;
    record->result.timings.totalUs = 20000;
    return record;
}

int rowOf(const FramingView &view, Kind kind)
{
    for (int i = 0; i < view.facts().size(); ++i) {
        if (view.facts().at(i).kind == kind)
            return i;
    }
    return -1;
}

void clickRow(QListWidget *list, int row)
{
    QListWidgetItem *item = list->item(row);
    list->scrollToItem(item);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(item).center());
}

// A reply that counts the reads made on the GUI thread, as a history entry's file would be read.
class ThreadWatchedSource final : public ByteSource
{
public:
    explicit ThreadWatchedSource(QByteArray bytes)
        : m_bytes(std::move(bytes))
    {
    }
    qint64 size() const override { return m_bytes.size(); }
    QByteArray read(qint64 offset, qint64 len) const override
    {
        if (QThread::currentThread() == qApp->thread())
            ++m_guiReads;
        return m_bytes.mid(offset, len);
    }
    int guiReads() const { return m_guiReads; }

private:
    QByteArray m_bytes;
    mutable std::atomic_int m_guiReads = 0;
};

} // namespace

class TestFramingView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void clickingAFactSelectsItsBytes();
    void steppingShowsWhatHadArrived();
    void playAdvancesOnATimer();
    void notHttpTellsTheStopRuleAlone();
    void replyPanelHasTheTab();
    void factsWorkedOutOffTheGuiThread();
    void tlsStepsAreSslReads();
    void stepNumbersThroughTheLocale();
};

void TestFramingView::initTestCase()
{
    QVERIFY(Translations::install(QStringLiteral("en")));
}

void TestFramingView::clickingAFactSelectsItsBytes()
{
    FramingView view;
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(chunkedRecord());
    QTRY_VERIFY(!view.isExplaining());

    const int chunk = rowOf(view, Kind::Chunk);
    QVERIFY(chunk > 0);
    QVERIFY(view.factList()->item(chunk)->text().contains(QLatin1String("0x1a = 26")));
    clickRow(view.factList(), chunk);
    QCOMPARE(view.hexView()->selectionStart(), Head.size());
    QCOMPARE(view.hexView()->selectionLength(), 10); // "1a;ext=1\r\n"

    const int header = rowOf(view, Kind::Chunked);
    clickRow(view.factList(), header);
    QCOMPARE(view.hexView()->selectionStart(), 17);
    QCOMPARE(view.hexView()->selectionLength(), 28);

    const int after = rowOf(view, Kind::AfterBody);
    clickRow(view.factList(), after);
    const qint64 total = view.hexView()->size();
    QCOMPARE(view.hexView()->selectionStart(), total - 5);
    QCOMPARE(view.hexView()->selectionLength(), 5);
    QCOMPARE(view.hexView()->messageEnd(), total - 5);
}

void TestFramingView::steppingShowsWhatHadArrived()
{
    FramingView view;
    view.resize(1200, 700);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(chunkedRecord());
    ReplayBar *bar = view.replayBar();
    QTRY_COMPARE(bar->stepCount(), 3);
    QTRY_VERIFY(!view.isExplaining());
    const qint64 total = Pieces[0].size() + Pieces[1].size() + Pieces[2].size();
    QCOMPARE(view.hexView()->size(), total);

    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(bar->currentStep(), 1);
    QCOMPARE(view.hexView()->size(), Pieces[0].size());
    QCOMPARE(view.hexView()->messageEnd(), -1);
    QVERIFY(bar->headingLabel()->text().contains(QLatin1String("recv #1")));
    QCOMPARE(bar->stateLabel()->text(), QStringLiteral("Chunk 1 (size 0x1a = 26): 10 of 26 bytes."));

    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(view.hexView()->size(), Pieces[0].size() + Pieces[1].size());
    QCOMPARE(view.hexView()->cursorPosition(), Pieces[0].size());
    QVERIFY(bar->stateLabel()->text().startsWith(QLatin1String("Chunk 2: its size line has not come whole.")));

    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(view.hexView()->size(), total);
    QCOMPARE(view.hexView()->messageEnd(), total - 5);
    QVERIFY(bar->stateLabel()->text().contains(QLatin1String("5 bytes after the end")));

    QTest::mouseClick(bar->previousButton(), Qt::LeftButton);
    QCOMPARE(bar->currentStep(), 2);
    QCOMPARE(view.hexView()->size(), Pieces[0].size() + Pieces[1].size());

    // A fact about bytes not yet arrived at this step shows the whole reply again.
    clickRow(view.factList(), rowOf(view, Kind::AfterBody));
    QCOMPARE(bar->currentStep(), 0);
    QCOMPARE(view.hexView()->size(), total);

    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QTest::mouseClick(bar->allButton(), Qt::LeftButton);
    QCOMPARE(bar->currentStep(), 0);
    QCOMPARE(view.hexView()->size(), total);
}

void TestFramingView::playAdvancesOnATimer()
{
    FramingView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(chunkedRecord());
    ReplayBar *bar = view.replayBar();
    QTRY_COMPARE(bar->stepCount(), 3);
    QTest::mouseClick(bar->playButton(), Qt::LeftButton);
    // Play starts at the first step and returns at once: the GUI thread never waits.
    QCOMPARE(bar->currentStep(), 1);
    QVERIFY(bar->isPlaying());
    QTRY_COMPARE(bar->currentStep(), 3);
    QTRY_VERIFY(!bar->isPlaying());
    QVERIFY(!bar->playButton()->isChecked());
}

void TestFramingView::notHttpTellsTheStopRuleAlone()
{
    auto record = std::make_shared<ExchangeRecord>();
    record->reply = std::make_shared<TestSupport::ArraySource>(QByteArray("+OK ready\r\n+OK bye\r\n"));
    record->segments = {{0, 11, 1000}, {11, 9, 3000}};
    record->result.stop.reason = StopReason::PeerClosed;
    record->result.stop.bytes = 20;
    FramingView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(record);
    QTRY_VERIFY(!view.isExplaining());
    QCOMPARE(view.factList()->count(), 3);
    QCOMPARE(view.facts().at(1).kind, Kind::NotHttp);
    QCOMPARE(view.facts().at(2).kind, Kind::LoopSame);
    ReplayBar *bar = view.replayBar();
    QTRY_COMPARE(bar->stepCount(), 2);
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(view.hexView()->size(), 11);
    QCOMPARE(bar->stateLabel()->text(), QStringLiteral("11 bytes received so far."));
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QCOMPARE(bar->stateLabel()->text(),
             QStringLiteral("20 bytes received so far. Then recv() returned 0: the server closed the connection."));
}

void TestFramingView::replyPanelHasTheTab()
{
    ReplyPanel panel;
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    panel.showRecord(chunkedRecord());
    panel.tabs()->setCurrentWidget(panel.framingView());
    QVERIFY(panel.framingView()->isVisible());
    QTRY_VERIFY(panel.framingView()->factList()->count() > 5);
    QTRY_COMPARE(panel.framingView()->replayBar()->stepCount(), 3);
}

// The facts quote the reply's lines: read on the core pool, the list saying "…" meanwhile.
void TestFramingView::factsWorkedOutOffTheGuiThread()
{
    std::shared_ptr<ExchangeRecord> record = chunkedRecord();
    QByteArray all;
    for (const QByteArray &piece : Pieces)
        all += piece;
    auto source = std::make_shared<ThreadWatchedSource>(all);
    record->reply = source;
    FramingView view;
    view.setRecord(record);
    QVERIFY(view.isExplaining());
    QCOMPARE(view.factList()->count(), 1);
    QCOMPARE(view.factList()->item(0)->text(), QStringLiteral("…"));
    QTRY_VERIFY(!view.isExplaining());
    QVERIFY(view.factList()->count() > 5);
    QVERIFY(rowOf(view, Kind::StatusLine) >= 0);
    QCOMPARE(source->guiReads(), 0);
    // A record cleared before it is explained: its facts, when they come, are dropped.
    view.setRecord(chunkedRecord());
    view.clear();
    QVERIFY(!view.isExplaining());
    QTest::qWait(100);
    QCOMPARE(view.factList()->count(), 0);
    QVERIFY(view.facts().isEmpty());
}

// Over TLS each step is one SSL_read(), and the heading says so, its numbers as the locale writes them.
void TestFramingView::tlsStepsAreSslReads()
{
    std::shared_ptr<ExchangeRecord> record = chunkedRecord();
    record->result.tls = TlsInfo{};
    FramingView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(record);
    ReplayBar *bar = view.replayBar();
    QTRY_COMPARE(bar->stepCount(), 3);
    QVERIFY2(bar->headingLabel()->text().contains(QLatin1String("SSL_read()")), qPrintable(bar->headingLabel()->text()));
    // The buttons name the same call.
    QCOMPARE(bar->nextButton()->text(), QString::fromUtf8("Next SSL_read() ▶"));
    QCOMPARE(bar->previousButton()->text(), QString::fromUtf8("◀ Previous SSL_read()"));
    QVERIFY(bar->playButton()->toolTip().contains(QLatin1String("SSL_read()")));
    // And so do the facts that count the reads.
    QTRY_VERIFY(rowOf(view, Kind::AfterBody) >= 0);
    const QString after = view.factList()->item(rowOf(view, Kind::AfterBody))->text();
    QVERIFY2(after.contains(QLatin1String("in SSL_read #3")), qPrintable(after));
    QVERIFY2(view.factList()->item(rowOf(view, Kind::BodyEnd))->text().contains(QLatin1String("in SSL_read #3")),
             qPrintable(view.factList()->item(rowOf(view, Kind::BodyEnd))->text()));
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    QVERIFY2(bar->headingLabel()->text().contains(QString::fromUtf8("Step 1 of 3 · SSL_read #1:")),
             qPrintable(bar->headingLabel()->text()));
}

// "Step 1 of 1,200", as the facts write their numbers.
void TestFramingView::stepNumbersThroughTheLocale()
{
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    auto record = std::make_shared<ExchangeRecord>();
    const int count = 1200;
    record->reply = std::make_shared<TestSupport::ArraySource>(QByteArray(count, 'x'));
    for (int i = 0; i < count; ++i)
        record->segments.append({i, 1, 1000 + i});
    record->result.stop.reason = StopReason::PeerClosed;
    FramingView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRecord(record);
    ReplayBar *bar = view.replayBar();
    QTRY_COMPARE(bar->stepCount(), count);
    QTest::mouseClick(bar->nextButton(), Qt::LeftButton);
    const QString heading = bar->headingLabel()->text();
    QLocale::setDefault(before);
    QVERIFY2(heading.startsWith(QLatin1String("Step 1 of 1,200")), qPrintable(heading));
}

QTEST_MAIN(TestFramingView)
#include "tst_framingview.moc"

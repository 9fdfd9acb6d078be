#include "conversation/conversationeventsview.h"
#include "conversation/ladderview.h"
#include "conversation/messagemodel.h"
#include "http/conversationhttpview.h"
#include "reply/hexview.h"
#include "reply/textview.h"
#include "trace/traceview.h"

#include "bytes/bytesource.h"
#include "conversation/conversationrecord.h"
#include "text/translations.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

#include <memory>

using namespace SocketLab;
using namespace Qt::StringLiterals;
using Kind = ConversationEvent::Kind;

namespace {

// A short chat: connected, "hello\n" sent, "HELLO back\n" received, the peer's FIN.
std::shared_ptr<ConversationRecord> chatRecord()
{
    auto record = std::make_shared<ConversationRecord>(1 << 20, 1000);
    ConversationEvent connected;
    connected.kind = Kind::Connected;
    connected.timeUs = 250;
    record->add(connected);
    const auto write = [&record](bool sent, const QByteArray &bytes, qint64 timeUs) {
        ByteStore &store = sent ? record->sentStore() : record->receivedStore();
        ConversationEvent event;
        event.kind = sent ? Kind::Sent : Kind::Received;
        event.offset = store.size();
        event.size = bytes.size();
        event.timeUs = timeUs;
        store.append(bytes.constData(), bytes.size(), timeUs);
        record->addData(event, true);
    };
    write(true, "hello\n", 1'500);
    write(false, "HELLO back\n", 2'750);
    ConversationEvent closed;
    closed.kind = Kind::PeerClosed;
    closed.timeUs = 3'000;
    record->add(closed);
    return record;
}

QByteArray shownBytes(const ByteViewBase *view)
{
    const std::shared_ptr<const ByteSource> source = view->source();
    return source ? source->read(0, source->size()) : QByteArray();
}

void clickRow(QTableView *table, int row)
{
    const QRect rect = table->visualRect(table->model()->index(row, 0));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
}

// QApplication posts LanguageChange to the widgets when a translator comes or goes: deliver it now,
// as the event loop would.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

// An owner's words, not translated: the view only places them.
ConversationEventsView::Wording ownerWording()
{
    return {.listName = u"Events"_s,
            .tabTexts = {u"Hex"_s, u"Text"_s, u"Calls"_s, u"HTTP"_s},
            .tabToolTips = {QString(), QString(), u"Both legs' calls"_s, QString()},
            .chooseEvent = u"Pick one."_s,
            .sentRange = u"Sent %1-%2."_s,
            .receivedRange = u"Received %1-%2."_s,
            .directionSamples = {u"a direction wider than any other"_s}};
}

} // namespace

class TestConversationEventsView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void newEventsReachTheListAndTheLadder();
    void aRowChosenInTheListIsChosenInTheLadder();
    void anEventChosenInTheLadderIsChosenInTheList();
    void anEventWithoutBytesShowsNone();
    void theHttpTabsRangeShowsItsWholeDirection();
    void endNamesAreTheLabelsToo();
    void ownersWordsAndPane();
    void switchingLanguageRetranslates();

private:
    std::unique_ptr<ConversationEventsView> shownView(std::shared_ptr<const ConversationRecord> record);
};

void TestConversationEventsView::initTestCase()
{
    QVERIFY(switchTo(u"en"_s));
    // The C locale: "2.750", whatever the machine's.
    QLocale::setDefault(QLocale::c());
}

void TestConversationEventsView::cleanup()
{
    QVERIFY(switchTo(u"en"_s));
    QLocale::setDefault(QLocale::c());
}

std::unique_ptr<ConversationEventsView> TestConversationEventsView::shownView(std::shared_ptr<const ConversationRecord> record)
{
    auto view = std::make_unique<ConversationEventsView>();
    view->setWording(ownerWording());
    view->resize(900, 700);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    view->setRecord(std::move(record));
    view->showNewEvents();
    return view;
}

void TestConversationEventsView::newEventsReachTheListAndTheLadder()
{
    ConversationEventsView view;
    view.setWording(ownerWording());
    QCOMPARE(view.selectionLabel()->text(), QString());
    const std::shared_ptr<ConversationRecord> record = chatRecord();
    view.setRecord(record);
    const QList<ConversationEvent> events = view.showNewEvents();
    QCOMPARE(events.size(), 4);
    QCOMPARE(view.messageModel()->rowCount(), 4);
    QCOMPARE(view.ladderView()->eventCount(), 4);
    // Rows there, none chosen: the owner's invitation.
    QCOMPARE(view.selectionLabel()->text(), u"Pick one."_s);
    // Only what came since the last call.
    QVERIFY(view.showNewEvents().isEmpty());
    ConversationEvent reset;
    reset.kind = Kind::PeerReset;
    reset.timeUs = 4'000;
    record->add(reset);
    const QList<ConversationEvent> more = view.showNewEvents();
    QCOMPARE(more.size(), 1);
    QCOMPARE(more.at(0).kind, Kind::PeerReset);
    QCOMPARE(view.messageModel()->rowCount(), 5);
    QCOMPARE(view.ladderView()->eventCount(), 5);
    // Another conversation: nothing of the last one is left.
    view.setRecord(nullptr);
    QCOMPARE(view.messageModel()->rowCount(), 0);
    QCOMPARE(view.ladderView()->eventCount(), 0);
    QVERIFY(view.showNewEvents().isEmpty());
    QCOMPARE(view.selectionLabel()->text(), QString());
}

void TestConversationEventsView::aRowChosenInTheListIsChosenInTheLadder()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    // The calls tab shown: an event with bytes brings the Hex tab back.
    view->tabs()->setCurrentWidget(view->traceView());
    clickRow(view->messageTable(), 2);
    QCOMPARE(view->ladderView()->selectedIndex(), 2);
    QCOMPARE(shownBytes(view->hexView()), QByteArray("HELLO back\n"));
    QCOMPARE(shownBytes(view->textView()), QByteArray("HELLO back\n"));
    QCOMPARE(view->tabs()->currentWidget(), view->hexView());
    QCOMPARE(view->selectionLabel()->text(), u"Received at 2.750 ms: 11 bytes."_s);
}

void TestConversationEventsView::anEventChosenInTheLadderIsChosenInTheList()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    const QRect sent = view->ladderView()->eventRect(1);
    QVERIFY(!sent.isEmpty());
    QTest::mouseClick(view->ladderView()->viewport(), Qt::LeftButton, {}, sent.center());
    QCOMPARE(view->ladderView()->selectedIndex(), 1);
    QCOMPARE(view->messageTable()->currentIndex().row(), 1);
    QVERIFY(view->messageTable()->selectionModel()->isRowSelected(1, {}));
    QCOMPARE(shownBytes(view->hexView()), QByteArray("hello\n"));
    QCOMPARE(view->selectionLabel()->text(), u"Sent at 1.500 ms: 6 bytes."_s);
    // The owner's call does the same.
    view->selectEvent(2);
    QCOMPARE(view->ladderView()->selectedIndex(), 2);
    QCOMPARE(view->messageTable()->currentIndex().row(), 2);
    QCOMPARE(shownBytes(view->hexView()), QByteArray("HELLO back\n"));
}

void TestConversationEventsView::anEventWithoutBytesShowsNone()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    clickRow(view->messageTable(), 2);
    QVERIFY(view->hexView()->source());
    view->tabs()->setCurrentWidget(view->traceView());
    clickRow(view->messageTable(), 3);
    QCOMPARE(view->ladderView()->selectedIndex(), 3);
    QVERIFY(!view->hexView()->source());
    QVERIFY(!view->textView()->source());
    // Nothing to show in hex: the calls stay in view.
    QCOMPARE(view->tabs()->currentWidget(), view->traceView());
    QCOMPARE(view->selectionLabel()->text(), u"Peer closed (FIN) at 3.000 ms."_s);
}

void TestConversationEventsView::theHttpTabsRangeShowsItsWholeDirection()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    clickRow(view->messageTable(), 1);
    // The HTTP tab chose bytes 6 to 9 of what was received ("back").
    emit view->httpView()->rangeSelected(false, 6, 4);
    QCOMPARE(shownBytes(view->hexView()), QByteArray("HELLO back\n"));
    QCOMPARE(view->hexView()->selectionStart(), 6);
    QCOMPARE(view->hexView()->selectionLength(), 4);
    QCOMPARE(view->textView()->selectionStart(), 6);
    QCOMPARE(view->textView()->selectionLength(), 4);
    QVERIFY(!view->messageTable()->currentIndex().isValid());
    QCOMPARE(view->selectionLabel()->text(), u"Received 6-9."_s);
    emit view->httpView()->rangeSelected(true, 0, 5);
    QCOMPARE(shownBytes(view->hexView()), QByteArray("hello\n"));
    QCOMPARE(view->selectionLabel()->text(), u"Sent 0-4."_s);
    // The row shown before the HTTP tab's choice shows again when clicked.
    clickRow(view->messageTable(), 1);
    QCOMPARE(view->selectionLabel()->text(), u"Sent at 1.500 ms: 6 bytes."_s);
    QCOMPARE(view->hexView()->selectionLength(), 0);
}

void TestConversationEventsView::endNamesAreTheLabelsToo()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    // A relayed connection names its ends: the line under the list says who spoke, as the row does.
    view->messageModel()->setEndNames(u"client"_s, u"127.0.0.1:8080"_s);
    clickRow(view->messageTable(), 2);
    QCOMPARE(view->messageModel()->index(2, MessageModel::DirectionColumn).data().toString(),
             u"127.0.0.1:8080 → client"_s);
    QCOMPARE(view->selectionLabel()->text(), u"127.0.0.1:8080 → client at 2.750 ms: 11 bytes."_s);
    // Names that change while the row is chosen (a relay's target known once connected) change the line too.
    view->messageModel()->setEndNames(u"client"_s, u"target"_s);
    QCOMPARE(view->selectionLabel()->text(), u"target → client at 2.750 ms: 11 bytes."_s);
}

void TestConversationEventsView::ownersWordsAndPane()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    QCOMPARE(view->messageTable()->accessibleName(), u"Events"_s);
    QCOMPARE(view->tabs()->count(), 4);
    QCOMPARE(view->tabs()->tabText(ConversationEventsView::TraceTab), u"Calls"_s);
    QCOMPARE(view->tabs()->tabToolTip(ConversationEventsView::TraceTab), u"Both legs' calls"_s);
    QCOMPARE(view->tabs()->widget(ConversationEventsView::HttpTab), view->httpView());
    // The Direction column is as wide as the widest text the owner says it shows.
    const int sample = view->messageTable()->fontMetrics().horizontalAdvance(u"a direction wider than any other"_s);
    QVERIFY(view->messageTable()->columnWidth(MessageModel::DirectionColumn) > sample);
    // The owner's pane goes on the left of the bytes, under the list.
    auto *pane = new QWidget;
    view->setSidePane(pane);
    QTRY_VERIFY(pane->isVisible());
    const QPoint paneAt = pane->mapTo(view.get(), QPoint(0, 0));
    const QPoint tabsAt = view->tabs()->mapTo(view.get(), QPoint(0, 0));
    QVERIFY(paneAt.x() < tabsAt.x());
    QVERIFY(paneAt.y() > view->messageTable()->mapTo(view.get(), QPoint(0, 0)).y());
}

void TestConversationEventsView::switchingLanguageRetranslates()
{
    const auto view = shownView(chatRecord());
    QVERIFY(view);
    clickRow(view->messageTable(), 2);
    QVERIFY(switchTo(u"fr"_s));
    // French words and French numbers.
    QCOMPARE(view->messageModel()->headerData(MessageModel::TimeColumn, Qt::Horizontal).toString(), u"Temps (ms)"_s);
    QCOMPARE(view->selectionLabel()->text(), u"Reçu à 2,750 ms\u00a0: 11 octets."_s);
    // The columns fit the new headers.
    QVERIFY(view->messageTable()->columnWidth(MessageModel::TimeColumn)
            >= view->messageTable()->horizontalHeader()->sectionSizeHint(MessageModel::TimeColumn));
    view->selectEvent(3);
    QCOMPARE(view->selectionLabel()->text(), u"Le pair a fermé (FIN) à 3,000 ms."_s);
    QVERIFY(switchTo(u"en"_s));
    QLocale::setDefault(QLocale::c());
    view->selectEvent(2);
    QCOMPARE(view->selectionLabel()->text(), u"Received at 2.750 ms: 11 bytes."_s);
}

QTEST_MAIN(TestConversationEventsView)
#include "tst_conversationeventsview.moc"

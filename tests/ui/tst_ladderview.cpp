#include "conversation/conversationcolors.h"
#include "conversation/ladderview.h"

#include "text/translations.h"

#include <QApplication>
#include <QDir>
#include <QHelpEvent>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextDocument>
#include <QToolTip>

#include <cmath>
#include <memory>

using namespace SocketLab;
using namespace Qt::StringLiterals;
using Kind = ConversationEvent::Kind;

namespace {

ConversationEvent makeEvent(Kind kind, qint64 timeUs, qint64 offset = 0, qint64 size = 0)
{
    ConversationEvent event;
    event.kind = kind;
    event.timeUs = timeUs;
    event.offset = offset;
    event.size = size;
    return event;
}

// A chat server's session as a person would have it: a greeting pushed before any send, three
// messages and their replies (the third after a pause), a half-close, the goodbye, the peer's FIN.
QList<ConversationEvent> chatSession()
{
    qint64 sent = 0;
    qint64 received = 0;
    QList<ConversationEvent> events{makeEvent(Kind::Connected, 412)};
    const auto send = [&](qint64 us, qint64 size) {
        events << makeEvent(Kind::Sent, us, sent, size);
        sent += size;
    };
    const auto receive = [&](qint64 us, qint64 size) {
        events << makeEvent(Kind::Received, us, received, size);
        received += size;
    };
    receive(1'203, 23);
    send(2'310'554, 11);
    receive(2'311'020, 18);
    send(4'802'117, 24);
    receive(4'802'733, 31);
    send(9'120'400, 12);
    receive(9'121'050, 16);
    events << makeEvent(Kind::ShutdownWrite, 9'500'210);
    receive(9'500'890, 9);
    events << makeEvent(Kind::PeerClosed, 9'501'020);
    return events;
}

QList<ConversationEvent> numberedSends(int count, qint64 firstUs = 0)
{
    QList<ConversationEvent> events;
    events.reserve(count);
    for (int i = 0; i < count; ++i)
        events << makeEvent(i % 2 == 0 ? Kind::Sent : Kind::Received, firstUs + i * 100, i * 10, 10);
    return events;
}

// QApplication posts LanguageChange to the widgets when a translator comes or goes: deliver it now,
// as the event loop would.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

} // namespace

class TestLadderView : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void eventsAreLaidOutInOrder();
    void clickOnAnArrowActivatesIt();
    void keyboardMovesTheSelection();
    void paintDrawsOnlyTheVisibleRows();
    void followsTheNewestUnlessScrolledUp();
    void tooltipDescribesTheArrow();
    void sentAndReceivedAreColouredApart();
    void gapMarkDotsTheLifelines();
    void lifelinesStopWhereTheSocketCloses();
    void languageChangesAtRunTime();
    void optionSetIsAMarkOfThisEnd();
    void finWithoutCloseNotifyIsSaid();
    void screenshots_data();
    void screenshots();

private:
    std::unique_ptr<LadderView> shownView(const QList<ConversationEvent> &events, QSize size = {520, 480});
};

void TestLadderView::initTestCase()
{
    QVERIFY(switchTo(u"en"_s));
}

void TestLadderView::cleanup()
{
    QToolTip::hideText();
    switchTo(u"en"_s);
}

std::unique_ptr<LadderView> TestLadderView::shownView(const QList<ConversationEvent> &events, QSize size)
{
    auto view = std::make_unique<LadderView>();
    view->resize(size);
    view->setLocalAddress(u"127.0.0.1:54321"_s);
    view->setPeerAddress(u"127.0.0.1:7777"_s);
    view->appendEvents(events);
    view->show();
    if (!QTest::qWaitForWindowExposed(view.get()))
        return nullptr;
    return view;
}

void TestLadderView::eventsAreLaidOutInOrder()
{
    const auto view = shownView(chatSession(), {520, 900});
    QVERIFY(view);
    QCOMPARE(view->eventCount(), 11);
    QCOMPARE(view->topRow(), 0);
    QRect previous;
    for (int i = 0; i < view->eventCount(); ++i) {
        const QRect rect = view->eventRect(i);
        QVERIFY2(!rect.isEmpty(), qPrintable(u"row %1 is not shown"_s.arg(i)));
        QVERIFY(view->viewport()->rect().contains(rect));
        if (i > 0) {
            QCOMPARE(rect.top(), previous.bottom() + 1);
            QCOMPARE(rect.height(), previous.height());
        }
        QCOMPARE(view->indexAt(rect.center()), i);
        previous = rect;
    }
    QCOMPARE(view->indexAt(QPoint(previous.center().x(), previous.bottom() + 2)), -1);
}

void TestLadderView::clickOnAnArrowActivatesIt()
{
    const auto view = shownView(chatSession(), {520, 900});
    QVERIFY(view);
    QSignalSpy activated(view.get(), &LadderView::eventActivated);
    for (int n : {3, 1, 6}) {
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->eventRect(n).center());
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.takeFirst().at(0).toInt(), n);
        QCOMPARE(view->selectedIndex(), n);
    }
    // Beside the lifelines, in the column of times, is no arrow.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, QPoint(2, view->eventRect(2).center().y()));
    QCOMPARE(activated.size(), 0);
    QCOMPARE(view->selectedIndex(), 6);
}

void TestLadderView::keyboardMovesTheSelection()
{
    const auto view = shownView(numberedSends(50), {520, 400});
    QVERIFY(view);
    view->setFocus();
    QSignalSpy activated(view.get(), &LadderView::eventActivated);

    // Following the newest, the view shows the end; Up with nothing selected starts at its last row.
    QTest::keyClick(view.get(), Qt::Key_Up);
    QCOMPARE(view->selectedIndex(), 49);
    QTest::keyClick(view.get(), Qt::Key_Up);
    QTest::keyClick(view.get(), Qt::Key_Up);
    QCOMPARE(view->selectedIndex(), 47);
    QTest::keyClick(view.get(), Qt::Key_Down);
    QCOMPARE(view->selectedIndex(), 48);
    QCOMPARE(activated.size(), 4);
    QCOMPARE(activated.last().at(0).toInt(), 48);

    QTest::keyClick(view.get(), Qt::Key_Home);
    QCOMPARE(view->selectedIndex(), 0);
    QCOMPARE(view->topRow(), 0);
    QVERIFY(!view->eventRect(0).isEmpty());
    // At the first event, Up goes nowhere and says nothing.
    activated.clear();
    QTest::keyClick(view.get(), Qt::Key_Up);
    QCOMPARE(view->selectedIndex(), 0);
    QCOMPARE(activated.size(), 0);

    // Moving down past the page scrolls the selection into view.
    for (int i = 0; i < view->pageRows() + 2; ++i)
        QTest::keyClick(view.get(), Qt::Key_Down);
    const int selected = view->pageRows() + 2;
    QCOMPARE(view->selectedIndex(), selected);
    QVERIFY(!view->eventRect(selected).isEmpty());
    QVERIFY(view->topRow() > 0);

    activated.clear();
    QTest::keyClick(view.get(), Qt::Key_Return);
    QCOMPARE(activated.size(), 1);
    QCOMPARE(activated.first().at(0).toInt(), selected);

    QTest::keyClick(view.get(), Qt::Key_End);
    QCOMPARE(view->selectedIndex(), 49);
    QVERIFY(!view->eventRect(49).isEmpty());
}

void TestLadderView::paintDrawsOnlyTheVisibleRows()
{
    const auto view = shownView({}, {520, 400});
    QVERIFY(view);
    // A conversation reporting in batches, as a worker's coalesced progress does.
    for (int batch = 0; batch < 100; ++batch)
        view->appendEvents(numberedSends(1000, batch * 100'000));
    QCOMPARE(view->eventCount(), 100'000);

    const auto paintedAt = [&](int top) {
        view->verticalScrollBar()->setValue(top);
        view->viewport()->repaint();
        return view->lastPaintedEventCount();
    };
    // The rows in view, and one partly shown below them: never the whole list.
    const int bound = view->pageRows() + 1;
    for (int top : {0, 50'000, view->verticalScrollBar()->maximum()}) {
        const int painted = paintedAt(top);
        QVERIFY2(painted > 0 && painted <= bound, qPrintable(u"%1 events painted at row %2, %3 fit"_s.arg(painted).arg(top).arg(bound)));
    }
}

void TestLadderView::followsTheNewestUnlessScrolledUp()
{
    const auto view = shownView(numberedSends(40), {520, 400});
    QVERIFY(view);
    QScrollBar *bar = view->verticalScrollBar();
    QVERIFY(view->isFollowingNewest());
    QVERIFY(bar->maximum() > 0);
    QCOMPARE(bar->value(), bar->maximum());

    view->appendEvents(numberedSends(5, 10'000));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!view->eventRect(44).isEmpty());

    // The person scrolls up to read: new events no longer pull the view down.
    QTest::keyClick(bar, Qt::Key_PageUp);
    const int readingAt = bar->value();
    QVERIFY(readingAt < bar->maximum());
    QVERIFY(!view->isFollowingNewest());
    view->appendEvents(numberedSends(5, 20'000));
    QCOMPARE(bar->value(), readingAt);
    QVERIFY(view->eventRect(49).isEmpty());

    // Back at the bottom, it follows again.
    QTest::keyClick(bar, Qt::Key_End);
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(view->isFollowingNewest());
    view->appendEvents(numberedSends(5, 30'000));
    QCOMPARE(bar->value(), bar->maximum());
    QVERIFY(!view->eventRect(54).isEmpty());
}

void TestLadderView::tooltipDescribesTheArrow()
{
    QList<ConversationEvent> events = chatSession();
    ConversationEvent datagram = makeEvent(Kind::Received, 9'600'000, 97, 1'472);
    datagram.peer = *SocketAddress::fromNumeric(u"127.0.0.1"_s, 5353);
    datagram.truncated = true;
    datagram.step = 7;
    events << datagram;
    const auto view = shownView(events, {520, 900});
    QVERIFY(view);

    QCOMPARE(view->eventDescription(1), u"Received 23 bytes at 1.203 ms\nBytes 0 to 22 of all that was received"_s);
    QCOMPARE(view->eventDescription(4), u"Sent 24 bytes at 4,802.117 ms\nBytes 11 to 34 of all that was sent"_s);
    QCOMPARE(view->eventDescription(11),
             u"Datagram received from 127.0.0.1:5353: 1,472 bytes at 9,600.000 ms\n"
             "Bytes 97 to 1,568 of all that was received\n"
             "Truncated: the datagram was larger than the receive buffer, and the rest of it is lost\n"
             "Script line 7"_s);
    QCOMPARE(view->eventDescription(10),
             u"The peer closed its side at 9,501.020 ms (FIN): recv() returned 0, it sends nothing more"_s);

    const QPoint at = view->eventRect(4).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QApplication::sendEvent(view->viewport(), &help);
    QTRY_COMPARE(QToolTip::text(), Qt::convertFromPlainText(view->eventDescription(4), Qt::WhiteSpaceNormal));
}

void TestLadderView::sentAndReceivedAreColouredApart()
{
    for (const bool dark : {false, true}) {
        QPalette palette;
        palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white));
        palette.setColor(QPalette::Text, dark ? QColor(0xee, 0xee, 0xee) : QColor(Qt::black));
        const ConversationColors colors = ConversationColors::forPalette(palette);
        const auto luminance = [](const QColor &c) {
            const auto channel = [](qreal v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        const auto contrast = [&](const QColor &a, const QColor &b) {
            const qreal la = luminance(a), lb = luminance(b);
            return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
        };
        for (const QColor &color : {colors.sent, colors.received, colors.error})
            QVERIFY2(contrast(color, palette.color(QPalette::Base)) >= 4.5, qPrintable(color.name()));
        QVERIFY(colors.sent != colors.received);

        auto view = std::make_unique<LadderView>();
        view->setPalette(palette);
        view->resize(520, 400);
        view->appendEvents({makeEvent(Kind::Sent, 0, 0, 5), makeEvent(Kind::Received, 10, 0, 5)});
        view->show();
        QVERIFY(QTest::qWaitForWindowExposed(view.get()));
        const QImage image = view->viewport()->grab().toImage();
        // The middle of each arrow's shaft.
        for (int i : {0, 1}) {
            const QRect rect = view->eventRect(i);
            const QColor expected = i == 0 ? colors.sent : colors.received;
            int y = rect.top();
            while (y < rect.bottom() && image.pixelColor(rect.center().x(), y) != expected)
                ++y;
            QVERIFY2(y < rect.bottom(), qPrintable(u"arrow %1 is not drawn in %2"_s.arg(i).arg(expected.name())));
        }
    }
}

void TestLadderView::gapMarkDotsTheLifelines()
{
    // Event 2 comes 3 s after event 1: a gap mark; event 1 comes 1 ms after event 0: none.
    const auto view = shownView({makeEvent(Kind::Sent, 0, 0, 5), makeEvent(Kind::Received, 1'000, 0, 5),
                                 makeEvent(Kind::Sent, 3'001'000, 5, 5)});
    QVERIFY(view);
    const QImage image = view->viewport()->grab().toImage();
    const QColor base = view->palette().color(QPalette::Base);
    const int x = view->eventRect(0).left() + QFontMetrics(view->font()).lineSpacing();
    const auto gapsIn = [&](int row) {
        // The upper part of a row, above its arrow's label: where a gap mark goes.
        const QRect rect = view->eventRect(row);
        int blanks = 0;
        for (int y = rect.top(); y < rect.top() + rect.height() / 4; ++y)
            blanks += image.pixelColor(x, y) == base ? 1 : 0;
        return blanks;
    };
    QCOMPARE(gapsIn(1), 0);
    QVERIFY(gapsIn(2) > 0);
}

void TestLadderView::lifelinesStopWhereTheSocketCloses()
{
    const auto view = shownView({makeEvent(Kind::Connected, 0), makeEvent(Kind::Sent, 10, 0, 5),
                                 makeEvent(Kind::Closed, 20)});
    QVERIFY(view);
    const QImage image = view->viewport()->grab().toImage();
    const QColor base = view->palette().color(QPalette::Base);
    const int x = view->eventRect(0).left() + QFontMetrics(view->font()).lineSpacing();
    const int below = view->eventRect(2).bottom() + 10;
    QVERIFY(below < image.height());
    QVERIFY(image.pixelColor(x, view->eventRect(1).top()) != base);
    QCOMPARE(image.pixelColor(x, below), base);

    // While the conversation goes on, the lifelines run to the bottom.
    const auto open = shownView({makeEvent(Kind::Connected, 0), makeEvent(Kind::Sent, 10, 0, 5)});
    QVERIFY(open);
    const QImage openImage = open->viewport()->grab().toImage();
    QVERIFY(openImage.pixelColor(x, below) != base);

    // After a reset the peer is gone; this end's socket stays until close().
    const auto reset = shownView({makeEvent(Kind::Connected, 0), makeEvent(Kind::Sent, 10, 0, 5),
                                  makeEvent(Kind::PeerReset, 20)});
    QVERIFY(reset);
    const QImage resetImage = reset->viewport()->grab().toImage();
    const int peerX = reset->eventRect(0).right() + 1 - QFontMetrics(reset->font()).lineSpacing();
    QVERIFY(resetImage.pixelColor(peerX, reset->eventRect(1).top()) != base);
    QCOMPARE(resetImage.pixelColor(peerX, below), base);
    QVERIFY(resetImage.pixelColor(x, below) != base);
}

void TestLadderView::languageChangesAtRunTime()
{
    const auto view = shownView(chatSession());
    QVERIFY(view);
    view->setSelectedIndex(1);
    const QString englishName = view->accessibleName();
    QCOMPARE(view->accessibleDescription(), view->eventDescription(1));

    QVERIFY(switchTo(u"fr"_s));
    QCOMPARE(view->eventDescription(1), u"Réception de 23 octets à 1,203\u00a0ms\nOctets 0 à 22 de tout ce qui a été reçu"_s);
    QVERIFY(view->accessibleName() != englishName);
    QCOMPARE(view->accessibleDescription(), view->eventDescription(1));

    QVERIFY(switchTo(u"en"_s));
    QCOMPARE(view->accessibleName(), englishName);
    QCOMPARE(view->eventDescription(1), u"Received 23 bytes at 1.203 ms\nBytes 0 to 22 of all that was received"_s);
}

// A socket option set during the conversation: a mark on this end's lifeline, the outcome in its tooltip.
// With SOCKETLAB_LADDER_SHOTS=dir, the pictures go to dir/ladder-option-LANGUAGE.png.
void TestLadderView::optionSetIsAMarkOfThisEnd()
{
    auto outcome = std::make_shared<SocketOptionOutcome>();
    outcome->asked = SocketOptionSetting{SocketOptionName::NoDelay, 1};
    outcome->systemName = u"TCP_NODELAY"_s;
    outcome->readBack = true;
    outcome->effective = 1;
    ConversationEvent set = makeEvent(Kind::OptionSet, 2'000);
    set.option = outcome;
    set.step = 3;
    QList<ConversationEvent> events = chatSession();
    events.insert(2, set);
    const auto view = shownView(events, {560, 640});
    QVERIFY(view);
    QVERIFY(!view->eventRect(2).isEmpty());
    QCOMPARE(view->eventDescription(2), u"Socket option set at 2.000 ms\nTCP_NODELAY on: set.\nScript line 3"_s);
    const QString dir = qEnvironmentVariable("SOCKETLAB_LADDER_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(view->grab().save(QDir(dir).filePath(u"ladder-option-en.png"_s)));
    QVERIFY(switchTo(u"fr"_s));
    QCOMPARE(view->eventDescription(2), u"Option de socket réglée à 2,000\u00a0ms\nTCP_NODELAY activé\u00a0: option appliquée.\nLigne 3 du script"_s);
    if (!dir.isEmpty())
        QVERIFY(view->grab().save(QDir(dir).filePath(u"ladder-option-fr.png"_s)));
}

// A FIN over TLS without close_notify: the same arrow, and its description says the bytes before
// it may have been cut off, in either language.
void TestLadderView::finWithoutCloseNotifyIsSaid()
{
    QList<ConversationEvent> events = chatSession();
    events.last().closeNotifyMissing = true;
    const auto view = shownView(events, {520, 900});
    QVERIFY(view);
    QCOMPARE(view->eventDescription(10),
             u"The peer closed its side at 9,501.020 ms (FIN): recv() returned 0, it sends nothing more\n"
             "No TLS close_notify came before this FIN: the bytes before it may have been cut off."_s);
    const QString dir = qEnvironmentVariable("SOCKETLAB_LADDER_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(view->grab().save(QDir(dir).filePath(u"ladder-close-notify-en.png"_s)));
    QVERIFY(switchTo(u"fr"_s));
    if (!dir.isEmpty())
        QVERIFY(view->grab().save(QDir(dir).filePath(u"ladder-close-notify-fr.png"_s)));
    QVERIFY2(view->eventDescription(10).endsWith(
                 u"Aucun close_notify TLS n'est venu avant ce FIN\u00a0: les octets qui le précèdent ont pu être tronqués."_s),
             qPrintable(view->eventDescription(10)));
}

void TestLadderView::screenshots_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("en") << u"en"_s;
    QTest::newRow("fr") << u"fr"_s;
}

// The chat session whole, in each language, fits a modest view without scrolling. With
// SOCKETLAB_LADDER_SHOTS=dir, the picture goes to dir/ladder-LANGUAGE.png, to be looked at.
void TestLadderView::screenshots()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    const auto view = shownView(chatSession(), {560, 640});
    QVERIFY(view);
    QCOMPARE(view->topRow(), 0);
    QVERIFY(!view->eventRect(view->eventCount() - 1).isEmpty());
    view->setSelectedIndex(3);

    const QString dir = qEnvironmentVariable("SOCKETLAB_LADDER_SHOTS");
    if (!dir.isEmpty())
        QVERIFY(view->grab().save(QDir(dir).filePath(u"ladder-%1.png"_s.arg(language))));
}

QTEST_MAIN(TestLadderView)
#include "tst_ladderview.moc"

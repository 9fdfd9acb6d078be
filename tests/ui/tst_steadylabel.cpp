#include "conversation/conversationpage.h"
#include "widgets/steadylabel.h"

#include <QLabel>
#include <QPushButton>
#include <QTest>
#include <QVBoxLayout>

using namespace SocketLab;

namespace {

// Counts the LayoutRequest events a widget receives: each one lays it out again, and a main
// window's layout repaints the whole window.
class LayoutRequests : public QObject
{
public:
    explicit LayoutRequests(QWidget *watched)
    {
        watched->installEventFilter(this);
    }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::LayoutRequest)
            ++count;
        return false;
    }
};

} // namespace

class TestSteadyLabel : public QObject
{
    Q_OBJECT

private slots:
    void newTextOfTheSameHeightLaysNothingOut();
    void moreLinesAskTheLayoutForRoom();
    void textSetWhileHiddenIsFittedOnShow();
    void conversationTotalsLayNothingOut();
};

void TestSteadyLabel::newTextOfTheSameHeightLaysNothingOut()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *steady = new SteadyLabel(&window);
    steady->label()->setWordWrap(true);
    steady->label()->setText(QStringLiteral("received 1,000 bytes in 10 messages"));
    layout->addWidget(steady);
    layout->addWidget(new QPushButton(QStringLiteral("below"), &window));
    window.resize(400, 200);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    QCOMPARE(steady->label()->geometry(), steady->rect());

    LayoutRequests requests(&window);
    for (int i = 0; i < 20; ++i) {
        steady->label()->setText(QStringLiteral("received %1 bytes in %2 messages").arg(1000 + i * 111).arg(10 + i));
        QCoreApplication::processEvents();
    }
    QCOMPARE(requests.count, 0);
    QCOMPARE(steady->label()->text(), QStringLiteral("received 3109 bytes in 29 messages"));
    QCOMPARE(steady->label()->geometry(), steady->rect());
}

void TestSteadyLabel::moreLinesAskTheLayoutForRoom()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *steady = new SteadyLabel(&window);
    steady->label()->setWordWrap(true);
    steady->label()->setText(QStringLiteral("one line"));
    layout->addWidget(steady);
    layout->addStretch(1);
    window.resize(300, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::qWait(50);
    const int oneLine = steady->height();

    steady->label()->setText(QStringLiteral("a sentence long enough to wrap on several lines in a box three hundred pixels "
                                            "wide, so the label needs more height than one line gives it"));
    QTRY_VERIFY(steady->height() > oneLine);
    QCOMPARE(steady->height(), steady->label()->heightForWidth(steady->width()));
    QCOMPARE(steady->label()->geometry(), steady->rect());

    steady->label()->setText(QStringLiteral("one line"));
    QTRY_COMPARE(steady->height(), oneLine);
}

void TestSteadyLabel::textSetWhileHiddenIsFittedOnShow()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *steady = new SteadyLabel(&window);
    steady->label()->setWordWrap(true);
    layout->addWidget(steady);
    layout->addStretch(1);
    window.resize(300, 400);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.hide();
    steady->label()->setText(QStringLiteral("a sentence long enough to wrap on several lines in a box three hundred pixels "
                                            "wide, so the label needs more height than one line gives it"));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE(steady->height(), steady->label()->heightForWidth(steady->width()));
}

void TestSteadyLabel::conversationTotalsLayNothingOut()
{
    // The totals of a conversation change at every progress tick while the peer talks: the page
    // around them (and the window around it) must not be laid out again each time.
    ConversationPage page;
    page.resize(900, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.totalsLabel()->setText(QStringLiteral("Sent 0 bytes in 0 messages · received 1,000 bytes in 10 messages"));
    QTest::qWait(50);

    LayoutRequests requests(&page);
    for (int i = 0; i < 20; ++i) {
        page.totalsLabel()->setText(
            QStringLiteral("Sent 0 bytes in 0 messages · received %1 bytes in %2 messages").arg(1000 + i * 111).arg(10 + i));
        QCoreApplication::processEvents();
    }
    QCOMPARE(requests.count, 0);
    QVERIFY(page.totalsLabel()->isVisible());
    QVERIFY(page.totalsLabel()->height() >= page.totalsLabel()->fontMetrics().height());
}

QTEST_MAIN(TestSteadyLabel)
#include "tst_steadylabel.moc"

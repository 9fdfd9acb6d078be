#include "history/historypanel.h"
#include "historytesting.h"
#include "mainwindow.h"
#include "reply/httpview.h"
#include "reply/replypanel.h"
#include "servers/clientmodel.h"
#include "servers/listenerform.h"
#include "servers/serverspanel.h"
#include "trace/tracemodel.h"
#include "trace/traceview.h"

#include "../core/blockingclient.h"
#include "descriptorlimit.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "text/translations.h"

#include <QAbstractButton>
#include <QAbstractScrollArea>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QComboBox>
#include <QLineEdit>
#include <QLocale>
#include <QSpinBox>
#include <QPushButton>
#include <QStyle>
#include <QStyleOptionFrame>
#include <QMenuBar>
#include <QStatusBar>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <memory>
#include <thread>
#include <vector>

using namespace SocketLab;
using namespace Qt::StringLiterals;

namespace {

// The smallest window every tab must work in: a 1024x768 screen less a panel and a title bar.
constexpr QSize SmallWindow(1024, 700);

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now,
// as the event loop would.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

// A hidden tab lays itself out on the layout requests its showing posted: handle them now.
void settle()
{
    for (int i = 0; i < 3; ++i) {
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        QCoreApplication::processEvents();
    }
}

QString describe(const QWidget *widget)
{
    QString text;
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        text = button->text();
    else if (const auto *label = qobject_cast<const QLabel *>(widget))
        text = label->text();
    return u"%1 \"%2\" (%3)"_s.arg(QString::fromLatin1(widget->metaObject()->className()), text.left(40),
                                   widget->objectName());
}

// Inside a scroll area's viewport, a widget that reaches past the edge is scrolled, not cut off.
bool isScrolledContent(const QWidget *widget)
{
    for (const QWidget *parent = widget->parentWidget(); parent; parent = parent->parentWidget()) {
        if (const auto *area = qobject_cast<const QAbstractScrollArea *>(parent->parentWidget());
            area && area->viewport() == parent)
            return true;
    }
    return false;
}

// QMainWindow hides a dock tabbed behind another one, and the tabs of docks it does not show, by
// moving them out of the window.
bool isMovedOutOfTheWindow(const QWidget *widget, const QWidget *window)
{
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        if (w->parentWidget() == window && !w->geometry().intersects(window->rect()))
            return true;
    }
    return false;
}

// What the window cuts off or squeezes: a widget reaching out of its parents (up to the window), a
// button or a one-line label narrower than its text.
QStringList clippedWidgets(QWidget *window)
{
    QStringList problems;
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        if (!widget->isVisible() || widget->isWindow() || isScrolledContent(widget)
            || isMovedOutOfTheWindow(widget, window))
            continue;
        const QRect rect(widget->mapTo(window, QPoint(0, 0)), widget->size());
        QRect room = window->rect();
        for (QWidget *parent = widget->parentWidget(); parent != window; parent = parent->parentWidget())
            room &= QRect(parent->mapTo(window, QPoint(0, 0)), parent->size());
        if (!room.contains(rect)) {
            problems.append(u"%1 at %2,%3 %4x%5 is cut off by %6,%7 %8x%9"_s.arg(describe(widget))
                                .arg(rect.x()).arg(rect.y()).arg(rect.width()).arg(rect.height())
                                .arg(room.x()).arg(room.y()).arg(room.width()).arg(room.height()));
            continue;
        }
        if (const auto *header = qobject_cast<const QHeaderView *>(widget); header && header->orientation() == Qt::Horizontal) {
            for (int section = 0; section < header->count(); ++section) {
                if (!header->isSectionHidden(section) && header->sectionSize(section) < header->sectionSizeHint(section))
                    problems.append(u"the column \"%1\" of %2 is %3 px wide for a header of %4 px"_s
                                        .arg(header->model()->headerData(section, Qt::Horizontal).toString(),
                                             describe(header->parentWidget()))
                                        .arg(header->sectionSize(section))
                                        .arg(header->sectionSizeHint(section)));
            }
        }
        if (const auto *edit = qobject_cast<const QLineEdit *>(widget); edit && edit->text().isEmpty() && !edit->placeholderText().isEmpty()) {
            QStyleOptionFrame option;
            option.initFrom(edit);
            option.lineWidth = edit->style()->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, edit);
            const QMargins margins = edit->textMargins();
            // QLineEdit keeps 2 px on either side of its text.
            const int room = edit->style()->subElementRect(QStyle::SE_LineEditContents, &option, edit).width()
                             - margins.left() - margins.right() - 4;
            const int needed = edit->fontMetrics().horizontalAdvance(edit->placeholderText());
            if (room < needed)
                problems.append(u"the placeholder \"%1\" has %2 px for %3 px"_s.arg(edit->placeholderText()).arg(room).arg(needed));
        }
        if (const auto *push = qobject_cast<const QPushButton *>(widget); push && push->objectName().startsWith(u"lookUp"_s)) {
            // The lookups of the DNS tab, longer in French: their text must not touch the frame.
            const QFontMetrics metrics = push->fontMetrics();
            const int needed = metrics.horizontalAdvance(QString(push->text()).remove(u'&')) + 2 * metrics.horizontalAdvance(u'M');
            if (push->width() < needed)
                problems.append(u"%1 is %2 px wide for a text that needs %3 px with its margins"_s.arg(describe(push)).arg(push->width()).arg(needed));
        }
        // A tab bar too narrow for its tabs hides some behind scroll arrows.
        if (const auto *bar = qobject_cast<const QTabBar *>(widget); bar && bar->width() < bar->sizeHint().width())
            problems.append(u"a tab bar with \"%1\" is %2 px wide for tabs of %3 px"_s.arg(bar->tabText(0))
                                .arg(bar->width()).arg(bar->sizeHint().width()));
        const auto *label = qobject_cast<const QLabel *>(widget);
        const bool oneLineLabel = label && !label->wordWrap() && !label->text().isEmpty();
        const auto *button = qobject_cast<const QAbstractButton *>(widget);
        const bool textButton = button && !button->text().isEmpty();
        if ((oneLineLabel || textButton) && widget->width() < widget->sizeHint().width())
            problems.append(u"%1 is %2 px wide for a text of %3 px"_s.arg(describe(widget))
                                .arg(widget->width()).arg(widget->sizeHint().width()));
    }
    return problems;
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void theBodyHasHalfTheHttpTab();
    void everyTabWorksInASmallWindow_data();
    void everyTabWorksInASmallWindow();
    void clientTableShowsEveryColumn_data();
    void clientTableShowsEveryColumn();
    void acceptPausedNoticeShowsWhole_data();
    void acceptPausedNoticeShowsWhole();

private:
    void makeWindow();
    void sendAndWait(int expectedHistory);
    // With SOCKETLAB_LAYOUT_SHOTS=dir, the window as the test sees it goes to dir/name.png, to be
    // looked at.
    void shoot(const QString &name);

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestLayout::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestLayout::cleanup()
{
    m_window.reset();
    switchTo(u"en"_s);
}

void TestLayout::makeWindow()
{
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
}

void TestLayout::sendAndWait(int expectedHistory)
{
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

void TestLayout::shoot(const QString &name)
{
    const QString dir = qEnvironmentVariable("SOCKETLAB_LAYOUT_SHOTS");
    if (!dir.isEmpty())
        m_window->grab().save(dir + u'/' + name + u".png"_s);
}

// Issue #11 item 7: at the window's default size, the HTTP tab gives the body at least half of its
// height, and the demo page's preview shows its first screen.
void TestLayout::theBodyHasHalfTheHttpTab()
{
    QVERIFY(switchTo(u"en"_s));
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    sendAndWait(1);
    ReplyPanel *reply = m_window->replyPanel();
    reply->tabs()->setCurrentWidget(reply->httpView());
    HttpView *http = reply->httpView();
    auto *body = http->findChild<QTabWidget *>(u"bodyTabs"_s);
    QVERIFY(body);
    body->setCurrentIndex(1);
    settle();
    auto *preview = http->findChild<QTextBrowser *>(u"htmlPreview"_s);
    QVERIFY(preview && preview->isVisible());
    shoot(u"http"_s);
    QVERIFY2(body->height() * 2 >= http->height(),
             qPrintable(u"the body has %1 px of a tab %2 px high"_s.arg(body->height()).arg(http->height())));
    const int lines = preview->viewport()->height() / preview->fontMetrics().lineSpacing();
    QVERIFY2(lines >= 6, qPrintable(u"the preview shows %1 lines"_s.arg(lines)));
    // The demo page is its first screen: it shows whole.
    QCOMPARE(preview->verticalScrollBar()->maximum(), 0);
}

void TestLayout::everyTabWorksInASmallWindow_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("French") << u"fr"_s;
}

// Issue #11 item 8: every tab works in a 1024x700 window, in both languages: nothing cut off at the
// right edge, no button or label narrower than its text, the columns of the tables readable.
void TestLayout::everyTabWorksInASmallWindow()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    makeWindow();
    m_window->resize(SmallWindow);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // Something in every view: a reply with its calls, and a client of the HTTP demo with its own.
    sendAndWait(1);
    ServersPanel *servers = m_window->serversPanel();
    servers->listenersView()->selectRow(0);
    QTRY_VERIFY(servers->clientModel()->rowCount() > 0);
    servers->clientsView()->selectRow(0);
    servers->trafficTabs()->setCurrentWidget(servers->traceView());
    QTRY_VERIFY(servers->traceView()->model()->rowCount() > 0);

    QStringList problems;
    const QSize least = m_window->minimumSizeHint();
    if (least.width() > SmallWindow.width() || least.height() > SmallWindow.height())
        problems.append(u"the window needs %1x%2"_s.arg(least.width()).arg(least.height()));
    QTabWidget *tools = m_window->tools();
    for (int tab = 0; tab < tools->count(); ++tab) {
        tools->setCurrentIndex(tab);
        settle();
        if (m_window->size() != SmallWindow)
            problems.append(tools->tabText(tab).remove(u'&') + u": the window grew to %1x%2"_s.arg(m_window->width()).arg(m_window->height()));
        shoot(u"layout-%1-%2"_s.arg(language).arg(tab));
        for (const QString &problem : clippedWidgets(m_window.get()))
            problems.append(tools->tabText(tab).remove(u'&') + u": "_s + problem);
    }
    // The client table shows every column but the last (the error, as wide as the pane leaves it)
    // without scrolling sideways.
    QTableView *clients = servers->clientsView();
    if (clients->viewport()->width() < clients->horizontalHeader()->sectionPosition(ClientModel::Error))
        problems.append(u"the client table shows %1 px of the %2 px before its error column"_s
                            .arg(clients->viewport()->width())
                            .arg(clients->horizontalHeader()->sectionPosition(ClientModel::Error)));
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), "the window cuts off what is listed above");
}

void TestLayout::clientTableShowsEveryColumn_data()
{
    everyTabWorksInASmallWindow_data();
}

// Issue #13: at the window's default size, with three clients of a listener started from the form
// (a capture budget of 1 MiB, so the first client's bytes are dropped) and that client selected (the
// long sentence saying so above the hex view), the client table shows every column title whole
// ("Heure de connexion") and every count, address and time unclipped, without scrolling sideways.
void TestLayout::clientTableShowsEveryColumn()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    settle();
    ListenerForm *form = servers->form();
    form->modeCombo()->setCurrentIndex(3); // Log only
    form->captureBudgetSpin()->setValue(1);
    QTest::mouseClick(form->startButton(), Qt::LeftButton);
    QTRY_VERIFY(servers->selectedListener() && servers->selectedListener()->isRunning());
    const SocketAddress address = servers->selectedListener()->boundAddress();
    std::vector<std::unique_ptr<BlockingClient>> clients;
    for (const qsizetype size : {700000, 700018, 7}) {
        clients.push_back(std::make_unique<BlockingClient>());
        QVERIFY(clients.back()->connectTo(address));
        QVERIFY(clients.back()->sendAll(QByteArray(size, 'b')));
    }
    ClientModel *model = servers->clientModel();
    QTRY_COMPARE(model->rowCount(), 3);
    QTRY_COMPARE(model->clientAt(2).bytesIn, qint64(7));
    QTRY_VERIFY(model->clientAt(0).bytesDropped);
    servers->clientsView()->selectRow(0);
    settle();
    shoot(u"servers-clients-%1"_s.arg(language));

    QStringList problems;
    const QTableView *table = servers->clientsView();
    const QHeaderView *header = table->horizontalHeader();
    const int visible = table->viewport()->width();
    for (int column = 0; column < ClientModel::ColumnCount; ++column) {
        // The Destination column shows only for a UDP listener that joined groups.
        if (header->isSectionHidden(column))
            continue;
        const QString title = model->headerData(column, Qt::Horizontal).toString();
        const int shown = qMin(header->sectionSize(column), visible - header->sectionViewportPosition(column));
        if (shown < header->sectionSizeHint(column))
            problems.append(u"the title \"%1\" has %2 px of the %3 px it needs"_s.arg(title).arg(shown).arg(header->sectionSizeHint(column)));
        if (column == ClientModel::Error)
            continue;
        QStringList texts;
        for (int row = 0; row < model->rowCount(); ++row)
            texts.append(model->index(row, column).data().toString());
        // Counts up to 10 digits (9.3 GiB) with the locale's group separators, as a long run leaves them.
        if (column == ClientModel::BytesIn || column == ClientModel::BytesOut)
            texts.append(QLocale().toString(Q_INT64_C(9999999999)));
        for (const QString &text : std::as_const(texts)) {
            // QTableView keeps a few pixels of margin on either side of a cell's text.
            const int needed = table->fontMetrics().horizontalAdvance(text) + 6;
            if (shown < needed)
                problems.append(u"\"%1\" under \"%2\" has %3 px of the %4 px it needs"_s.arg(text, title).arg(shown).arg(needed));
        }
    }
    for (const QString &problem : std::as_const(problems))
        qWarning("%s", qPrintable(problem));
    QVERIFY2(problems.isEmpty(), "the client table cuts off what is listed above");
}

void TestLayout::acceptPausedNoticeShowsWhole_data()
{
    everyTabWorksInASmallWindow_data();
}

// Issue #13: a listener out of descriptors (EMFILE on accept4()) says so above its table, in full,
// at the window's default size.
void TestLayout::acceptPausedNoticeShowsWhole()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    makeWindow();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    ServersPanel *servers = m_window->serversPanel();
    m_window->tools()->setCurrentWidget(servers);
    QVERIFY(servers->selectListener(m_servers.tcpEcho()));
    settle();
    BlockingClient client;
    QPixmap shot;
    QString notice;
    bool wholeNotice = false;
    {
        // No descriptor left: accept4() fails with EMFILE while the client waits in the backlog. The
        // event loop delivers the notice and the window is painted to memory meanwhile; neither needs a
        // descriptor.
        TestSupport::NoFreeDescriptor noDescriptor;
        QVERIFY(noDescriptor.isActive());
        QVERIFY(client.connectTo(m_servers.tcpEchoAddress()));
        QLabel *message = servers->messageLabel();
        for (int i = 0; i < 500 && !message->text().contains(u"EMFILE"_s); ++i) {
            QCoreApplication::processEvents();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        settle();
        notice = message->text();
        wholeNotice = message->isVisible() && message->height() >= message->heightForWidth(message->width());
        shot = m_window->grab();
        QVERIFY(noDescriptor.restore());
    }
    if (!qEnvironmentVariable("SOCKETLAB_LAYOUT_SHOTS").isEmpty())
        shot.save(qEnvironmentVariable("SOCKETLAB_LAYOUT_SHOTS") + u"/accept-paused-%1.png"_s.arg(language));
    QVERIFY2(notice.contains(u"EMFILE"_s), qPrintable(notice));
    QVERIFY(wholeNotice);
    // Once descriptors are back, the client is taken and the notice says so.
    QVERIFY(client.sendAll("late"));
    QCOMPARE(client.receiveExactly(4), QByteArray("late"));
    QTRY_VERIFY(!servers->messageLabel()->text().contains(u"EMFILE"_s));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"

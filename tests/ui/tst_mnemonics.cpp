#include "history/historypanel.h"
#include "historytesting.h"
#include "mainwindow.h"
#include "reply/replypanel.h"

#include "servers/localservers.h"
#include "startandwait.h"
#include "text/translations.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QButtonGroup>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTest>

#include <algorithm>
#include <functional>

using namespace SocketLab;
using namespace Qt::StringLiterals;

namespace {

// QApplication posts LanguageChange to the windows when a translator comes or goes: deliver it now,
// as the event loop would.
bool switchTo(const QString &language)
{
    const bool installed = Translations::install(language);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LanguageChange);
    return installed;
}

QString describe(const QWidget *widget)
{
    QString name = QString::fromLatin1(widget->metaObject()->className());
    if (!widget->objectName().isEmpty())
        name += u" "_s + widget->objectName();
    if (!widget->accessibleName().isEmpty())
        name += u" \""_s + widget->accessibleName() + u'"';
    else if (const auto *button = qobject_cast<const QAbstractButton *>(widget); button && !button->text().isEmpty())
        name += u" \""_s + button->text() + u'"';
    return name;
}

// False when the widget sits in a page of a stack that shows another page: it cannot be on screen
// with what is shown now. A widget hidden for another reason (a check box shown in one mode only)
// counts, so a clash that depends on the state of the form is found all the same.
bool canBeShown(const QWidget *widget, const QWidget *page)
{
    for (const QWidget *w = widget; w && w != page; w = w->parentWidget()) {
        const auto *stack = qobject_cast<const QStackedWidget *>(w->parentWidget());
        if (stack && stack->currentWidget() != w)
            return false;
    }
    return true;
}

struct Mnemonic
{
    QKeySequence key;
    QString where;
};

void addMnemonic(QList<Mnemonic> &found, const QString &text, const QString &where)
{
    const QKeySequence key = QKeySequence::mnemonic(text);
    if (!key.isEmpty())
        found.append({key, u"%1 \"%2\""_s.arg(where, text)});
}

// Every mnemonic a person can see at once with this page shown: the menu bar's, the tab bars',
// and those of the buttons, buddy labels and group boxes of the page and of the rest of the window.
QList<Mnemonic> shownMnemonics(QMainWindow *window, QWidget *page)
{
    QList<Mnemonic> found;
    for (const QAction *menu : window->menuBar()->actions())
        addMnemonic(found, menu->text(), u"menu"_s);
    for (QWidget *widget : window->findChildren<QWidget *>()) {
        // Menus and combo box lists are windows of their own, with mnemonics of their own.
        if (widget->window() != window)
            continue;
        if (!widget->isVisible() && !(page->isAncestorOf(widget) && canBeShown(widget, page)))
            continue;
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
            addMnemonic(found, button->text(), describe(widget));
        else if (const auto *label = qobject_cast<const QLabel *>(widget); label && label->buddy())
            addMnemonic(found, label->text(), u"label of "_s + describe(label->buddy()));
        else if (const auto *group = qobject_cast<const QGroupBox *>(widget))
            addMnemonic(found, group->title(), describe(widget));
        else if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
            for (int i = 0; i < tabs->count(); ++i)
                addMnemonic(found, tabs->tabText(i), u"tab"_s);
        }
    }
    return found;
}

// Calls check once for each combination of the pages of the stacks (tab widgets included) that
// can be shown in this page, with a path naming the pages shown.
void forEachState(QWidget *page, const std::function<void(const QString &)> &check, QSet<const QStackedWidget *> done = {},
                  const QString &path = {})
{
    for (QStackedWidget *stack : page->findChildren<QStackedWidget *>()) {
        if (done.contains(stack) || !canBeShown(stack, page))
            continue;
        done.insert(stack);
        auto *tabs = qobject_cast<QTabWidget *>(stack->parentWidget());
        const int shown = stack->currentIndex();
        for (int i = 0; i < stack->count(); ++i) {
            if (tabs && !tabs->isTabEnabled(i))
                continue;
            if (tabs)
                tabs->setCurrentIndex(i);
            else
                stack->setCurrentIndex(i);
            const QString name = tabs ? tabs->tabText(i) : QString::fromLatin1(stack->widget(i)->metaObject()->className());
            forEachState(page, check, done, path + u" > "_s + name);
        }
        if (tabs)
            tabs->setCurrentIndex(shown);
        else
            stack->setCurrentIndex(shown);
        return;
    }
    check(path);
}

bool isTabStop(const QWidget *widget)
{
    return widget->isVisible() && widget->isEnabled() && (widget->focusPolicy() & Qt::TabFocus) && !widget->focusProxy();
}

// Tab reaches the checked button of an exclusive group; the arrow keys move to the others.
bool isReachedByArrows(const QWidget *widget)
{
    const auto *button = qobject_cast<const QAbstractButton *>(widget);
    if (!button || !button->isCheckable() || button->isChecked())
        return false;
    return button->autoExclusive() || (button->group() && button->group()->exclusive());
}

// The buttons the window's own code makes; Qt's inner ones (a table's corner, the menu bar's
// overflow) are Qt's to name.
bool isOwnButton(const QAbstractButton *button)
{
    if (button->objectName().startsWith(u"qt_"_s))
        return false;
    const QString type = QString::fromLatin1(button->metaObject()->className());
    static const QStringList publicTypes{u"QPushButton"_s, u"QToolButton"_s, u"QCheckBox"_s, u"QRadioButton"_s,
                                         u"QCommandLinkButton"_s};
    return publicTypes.contains(type) || type.startsWith(u"SocketLab::"_s);
}

QRect windowRect(const QWidget *widget)
{
    return QRect(widget->mapTo(widget->window(), QPoint(0, 0)), widget->size());
}

// A control that a person reading the page meets before the other: above it, or beside it on its
// left. Side by side means overlapping rows, so a column beside a form (a list on the right) comes
// after the whole form.
bool comesBefore(const QWidget *first, const QWidget *second)
{
    const QRect a = windowRect(first);
    const QRect b = windowRect(second);
    if (a.bottom() < b.top())
        return true;
    if (b.bottom() < a.top())
        return false;
    return a.right() < b.left() || (a.left() < b.right() && a.top() <= b.top());
}

// The outermost widget around this one, within the page, whose focus goes to a part of it (the
// request editor gives it to its text): Tab enters such a compound at that part, wherever it sits.
const QWidget *compoundOf(const QWidget *widget, const QWidget *page)
{
    const QWidget *compound = widget;
    for (const QWidget *w = widget->parentWidget(); w && w != page; w = w->parentWidget()) {
        if (w->focusProxy() && w->isAncestorOf(w->focusProxy()))
            compound = w;
    }
    return compound;
}

bool isEntryOf(const QWidget *widget, const QWidget *compound)
{
    for (const QWidget *proxy = compound->focusProxy(); proxy; proxy = proxy->focusProxy()) {
        if (proxy == widget)
            return true;
    }
    return false;
}

// Tab from one control to the next goes on in reading order: from compound to compound as they sit,
// and within a compound from part to part, its entry aside.
bool inReadingOrder(const QWidget *from, const QWidget *to, const QWidget *page)
{
    const QWidget *fromCompound = compoundOf(from, page);
    const QWidget *toCompound = compoundOf(to, page);
    if (fromCompound != toCompound)
        return comesBefore(fromCompound, toCompound);
    if (isEntryOf(from, fromCompound) || isEntryOf(to, toCompound))
        return true;
    return comesBefore(from, to);
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void noClashInAnyView_data();
    void noClashInAnyView();
    void noClashInAnyMenu_data();
    void noClashInAnyMenu();
    void tabWalksThePageInReadingOrder_data();
    void tabWalksThePageInReadingOrder();
    void buttonsWithoutWordsHaveAccessibleNames_data();
    void buttonsWithoutWordsHaveAccessibleNames();

private:
    void languages();
    void sendAndWait();

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
};

void TestMnemonics::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
    QVERIFY(Translations::install(u"fr"_s));
    QVERIFY(Translations::install(u"en"_s));
}

void TestMnemonics::init()
{
    QVERIFY(switchTo(u"en"_s));
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1400, 900);
    // The collections panel, shown, shares the window's mnemonics with every tab.
    m_window->collectionsDock()->show();
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    // After an exchange with the embedded HTTP server every part of the window has something to
    // show: the HTTP tab of the reply is enabled, the body has its text and preview.
    sendAndWait();
}

void TestMnemonics::cleanup()
{
    m_window.reset();
    switchTo(u"en"_s);
}

void TestMnemonics::sendAndWait()
{
    m_window->tools()->setCurrentIndex(0);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 30000);
}

void TestMnemonics::languages()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("English") << u"en"_s;
    QTest::newRow("French") << u"fr"_s;
}

void TestMnemonics::noClashInAnyView_data()
{
    languages();
}

void TestMnemonics::noClashInAnyView()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    QTabWidget *tools = m_window->tools();
    QStringList clashes;
    int views = 0;
    for (int tab = 0; tab < tools->count(); ++tab) {
        tools->setCurrentIndex(tab);
        QWidget *page = tools->widget(tab);
        forEachState(page, [&](const QString &path) {
            ++views;
            const QString view = tools->tabText(tab) + path;
            const QList<Mnemonic> found = shownMnemonics(m_window.get(), page);
            // The menu bar's five and the four tools at least: a view without them was not looked at.
            if (found.size() < 9)
                clashes.append(u"%1: only %2 mnemonics found"_s.arg(view).arg(found.size()));
            QHash<QKeySequence, QString> first;
            for (const Mnemonic &mnemonic : found) {
                // Alt and a letter with an accent cannot be typed on every keyboard.
                const QString key = mnemonic.key.toString();
                const QChar letter = key.back();
                if (letter.unicode() > 0x7f || !letter.isLetterOrNumber())
                    clashes.append(u"%1: %2 cannot be typed everywhere"_s.arg(view, mnemonic.where));
                if (first.contains(mnemonic.key))
                    clashes.append(u"%1: %2 %3 and %4"_s.arg(view, key, first.value(mnemonic.key), mnemonic.where));
                else
                    first.insert(mnemonic.key, mnemonic.where);
            }
        });
    }
    // The exchange tab alone has the reply's three views and the HTTP body's two pages.
    QVERIFY2(views >= tools->count() + 5, qPrintable(QString::number(views)));
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestMnemonics::noClashInAnyMenu_data()
{
    languages();
}

void TestMnemonics::noClashInAnyMenu()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    QList<QMenu *> menus = m_window->findChildren<QMenu *>();
    QVERIFY(menus.size() >= 5);
    QStringList clashes;
    for (const QMenu *menu : std::as_const(menus)) {
        QHash<QKeySequence, QString> first;
        for (const QAction *action : menu->actions()) {
            const QKeySequence key = QKeySequence::mnemonic(action->text());
            if (key.isEmpty())
                continue;
            if (first.contains(key))
                clashes.append(u"%1: %2 \"%3\" and \"%4\""_s.arg(menu->title(), key.toString(), first.value(key), action->text()));
            else
                first.insert(key, action->text());
        }
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(u'\n')));
}

void TestMnemonics::tabWalksThePageInReadingOrder_data()
{
    QTest::addColumn<int>("tool");
    QTest::addColumn<int>("replyView");
    QTest::newRow("TCP exchange, hex") << 0 << 0;
    QTest::newRow("TCP exchange, HTTP") << 0 << 2;
    QTest::newRow("DNS") << 1 << -1;
    QTest::newRow("UDP") << 2 << -1;
    QTest::newRow("Servers") << 3 << -1;
}

void TestMnemonics::tabWalksThePageInReadingOrder()
{
    QFETCH(int, tool);
    QFETCH(int, replyView);
    QTabWidget *tools = m_window->tools();
    tools->setCurrentIndex(tool);
    QWidget *page = tools->widget(tool);
    if (replyView >= 0) {
        QTabWidget *reply = m_window->replyPanel()->tabs();
        QVERIFY(reply->isTabEnabled(replyView));
        reply->setCurrentIndex(replyView);
    }
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));

    // The page's controls in the window's focus chain, and the first of them.
    QList<QWidget *> stops;
    for (QWidget *w = m_window->nextInFocusChain(); w != m_window.get(); w = w->nextInFocusChain()) {
        if (page->isAncestorOf(w) && isTabStop(w) && !isReachedByArrows(w) && !stops.contains(w))
            stops.append(w);
    }
    QVERIFY(stops.size() > 3);
    stops.first()->setFocus(Qt::TabFocusReason);
    QCOMPARE(QApplication::focusWidget(), stops.first());

    // Tab until the focus comes back to the first control: the page's part of that walk.
    QList<QWidget *> walk{stops.first()};
    QWidget *previous = stops.first();
    for (int presses = 0; presses < 500; ++presses) {
        QTest::keyClick(previous, Qt::Key_Tab);
        QWidget *now = QApplication::focusWidget();
        QVERIFY2(now, "Tab left the window");
        QVERIFY2(now != previous, qPrintable(u"Tab does not leave "_s + describe(previous)));
        if (now == walk.first())
            break;
        if (page->isAncestorOf(now))
            walk.append(now);
        previous = now;
    }
    QCOMPARE(QApplication::focusWidget(), walk.first());

    QStringList problems;
    for (QWidget *stop : std::as_const(stops)) {
        if (!walk.contains(stop))
            problems.append(u"never reached: "_s + describe(stop));
    }
    for (int i = 1; i < walk.size(); ++i) {
        if (walk.indexOf(walk.at(i)) != i)
            problems.append(u"reached twice: "_s + describe(walk.at(i)));
        else if (!inReadingOrder(walk.at(i - 1), walk.at(i), page))
            problems.append(u"%1 comes before %2 on screen but after it in the tab order"_s.arg(describe(walk.at(i)),
                                                                                               describe(walk.at(i - 1))));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

void TestMnemonics::buttonsWithoutWordsHaveAccessibleNames_data()
{
    languages();
}

void TestMnemonics::buttonsWithoutWordsHaveAccessibleNames()
{
    QFETCH(QString, language);
    QVERIFY(switchTo(language));
    int checked = 0;
    QStringList unnamed;
    for (const QAbstractButton *button : m_window->findChildren<QAbstractButton *>()) {
        if (!isOwnButton(button))
            continue;
        const QString text = QString(button->text()).remove(u'&');
        const bool hasWords = std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.isLetterOrNumber(); });
        if (hasWords)
            continue;
        ++checked;
        if (button->accessibleName().trimmed().isEmpty())
            unnamed.append(describe(button) + u" (tooltip: \""_s + button->toolTip() + u"\")"_s);
    }
    QVERIFY(checked > 0);
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(u'\n')));
}

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"

#include "connection/connectionpanel.h"
#include "historytesting.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "navigation/chainbuttons.h"
#include "navigation/exchangechain.h"
#include "reply/httpview.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"
#include "widgets/targetedit.h"

#include "bytes/bytesource.h"
#include "servers/localservers.h"
#include "startandwait.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QCheckBox>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>

using namespace SocketLab;

// Issue #11 item 11: the links, forms and redirects of a reply prepare the next request without
// sending it; Back and Forward walk the exchanges of the chain of clicks. Against the embedded
// HTTP demo server on loopback.
class TestLinkChain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void linkPreparesTheRequestWithoutSending();
    void redirectCookieBackAndForward();
    void formPreparesItsQuery();
    void aClickAfterBackDropsTheStepsAhead();
    void repliesTheHistoryMovesOutOfMemoryLeaveTheChainToo();
    void httpsAndOtherSchemesAreSaidSo();

private:
    QByteArray request(const QByteArray &target, const QByteArray &extra = {}) const;
    void openPage(const QByteArray &path);
    void sendAndWait(int expectedHistory);
    void showPreview();
    void clickPreviewLink(const QString &text);
    QString replyBody() const;

    LocalServers m_servers;
    std::unique_ptr<MainWindow> m_window;
    QByteArray m_hostHeader;
};

void TestLinkChain::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
    m_hostHeader = "127.0.0.1:" + QByteArray::number(m_servers.httpAddress().port());
}

void TestLinkChain::init()
{
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestLinkChain::cleanup()
{
    m_window.reset();
}

QByteArray TestLinkChain::request(const QByteArray &target, const QByteArray &extra) const
{
    return "GET " + target + " HTTP/1.1\r\nHost: " + m_hostHeader + "\r\nConnection: close\r\n" + extra + "\r\n";
}

void TestLinkChain::openPage(const QByteArray &path)
{
    QLineEdit *host = m_window->connectionPanel()->targetEdit()->hostEdit();
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(QStringLiteral("http://%1%2").arg(QString::fromLatin1(m_hostHeader), QString::fromLatin1(path)));
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_window->requestEditor()->bytes(), request(path));
}

void TestLinkChain::sendAndWait(int expectedHistory)
{
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), expectedHistory, 30000);
}

void TestLinkChain::showPreview()
{
    ReplyPanel *reply = m_window->replyPanel();
    reply->tabs()->setCurrentWidget(reply->httpView());
    auto *bodyTabs = reply->httpView()->findChild<QTabWidget *>(QStringLiteral("bodyTabs"));
    bodyTabs->setCurrentIndex(1);
    QVERIFY(reply->httpView()->findChild<QTextBrowser *>(QStringLiteral("htmlPreview"))->isVisible());
}

// As a person does: a mouse click on the link's words in the preview.
void TestLinkChain::clickPreviewLink(const QString &text)
{
    showPreview();
    auto *preview = m_window->replyPanel()->httpView()->findChild<QTextBrowser *>(QStringLiteral("htmlPreview"));
    // The words of the link, not the same words elsewhere in the page.
    QTextCursor found = preview->document()->find(text, 0, QTextDocument::FindCaseSensitively);
    while (!found.isNull() && !found.charFormat().isAnchor())
        found = preview->document()->find(text, found, QTextDocument::FindCaseSensitively);
    QVERIFY2(!found.isNull(), qPrintable(text));
    QTextCursor middle(preview->document());
    middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
    preview->ensureCursorVisible();
    preview->setTextCursor(middle);
    preview->ensureCursorVisible();
    const QPoint at = preview->cursorRect(middle).center();
    QTest::mouseClick(preview->viewport(), Qt::LeftButton, {}, at);
}

QString TestLinkChain::replyBody() const
{
    const auto record = m_window->replyPanel()->record();
    return record ? QString::fromUtf8(record->reply->read(0, record->reply->size())) : QString();
}

void TestLinkChain::linkPreparesTheRequestWithoutSending()
{
    openPage("/links");
    sendAndWait(1);
    QVERIFY(replyBody().contains(QStringLiteral("Links, a redirect and a cookie")));
    ChainButtons *buttons = m_window->chainButtons();
    QVERIFY(!buttons->backAction()->isEnabled());
    QVERIFY(!buttons->forwardAction()->isEnabled());

    // A relative link, resolved against /links; the form's target stays the server.
    m_window->connectionPanel()->targetEdit()->hostEdit()->setText(QStringLiteral("localhost"));
    clickPreviewLink(QStringLiteral("A chunked page"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/chunked"));
    // In view from its request line, as a template is.
    QCOMPARE(m_window->requestEditor()->findChild<QPlainTextEdit *>()->textCursor().position(), 0);
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QString::number(m_servers.httpAddress().port()));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Request for http://%1/chunked prepared: press Send.").arg(QString::fromLatin1(m_hostHeader)));
    // Nothing went over the network: a send would have started at once and made the form busy;
    // the reply in view is still /links.
    QVERIFY(m_window->connectionPanel()->sendButton()->isEnabled());
    QVERIFY(!m_window->connectionPanel()->cancelButton()->isEnabled());
    QCOMPARE(m_window->historyPanel()->count(), 1);
    QVERIFY(replyBody().contains(QStringLiteral("Links, a redirect and a cookie")));
    // The request was replaced as an edit is: Undo brings the one sent back.
    m_window->requestEditor()->findChild<QPlainTextEdit *>()->undo();
    QCOMPARE(m_window->requestEditor()->bytes(), request("/links"));
}

void TestLinkChain::redirectCookieBackAndForward()
{
    openPage("/links");
    sendAndWait(1);
    clickPreviewLink(QStringLiteral("A redirect"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/redirect"));
    sendAndWait(2);
    const auto redirect = m_window->replyPanel()->record();
    QCOMPARE(redirect->result.http->statusCode(), 302);

    // The Location value in the headers table is a link.
    HttpView *http = m_window->replyPanel()->httpView();
    m_window->replyPanel()->tabs()->setCurrentWidget(http);
    auto *headers = http->findChild<QTableWidget *>(QStringLiteral("headers"));
    int locationRow = -1;
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->item(row, 0)->text() == QLatin1StringView("Location"))
            locationRow = row;
    }
    QVERIFY(locationRow >= 0);
    QVERIFY(headers->item(locationRow, 1)->font().underline());
    // A click on its name only selects the row, for copying.
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(locationRow, 0)).center());
    QCOMPARE(m_window->requestEditor()->bytes(), request("/redirect"));
    QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(locationRow, 1)).center());
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie"));
    // The summary says where the redirect leads, as a link too.
    auto *summaryLink = http->findChild<QLabel *>(QStringLiteral("redirect"));
    QVERIFY(summaryLink->isVisible());
    QVERIFY(summaryLink->text().contains(QStringLiteral("/cookie")));
    m_window->requestEditor()->setBytes("GET /other HTTP/1.1\r\n\r\n");
    emit summaryLink->linkActivated(QStringLiteral("#location"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie"));

    sendAndWait(3);
    QVERIFY(replyBody().contains(QStringLiteral("Set-Cookie: demo=chocolate; Path=/\r\n")));
    QVERIFY(replyBody().contains(QStringLiteral("This request had no Cookie line.")));

    // The next request carries the cookie, in a line a person can see and delete.
    clickPreviewLink(QStringLiteral("This page again"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie", "Cookie: demo=chocolate\r\n"));
    sendAndWait(4);
    QVERIFY(replyBody().contains(QStringLiteral("This request had the line <code>Cookie: demo=chocolate</code>.")));
    ExchangeChain *chain = m_window->exchangeChain();
    QCOMPARE(chain->size(), 4);

    // Back: each step shows its own request, target and reply.
    ChainButtons *buttons = m_window->chainButtons();
    QVERIFY(buttons->backAction()->isEnabled());
    QVERIFY(!buttons->forwardAction()->isEnabled());
    m_window->connectionPanel()->targetEdit()->hostEdit()->setText(QStringLiteral("elsewhere"));
    QTest::mouseClick(buttons->backButton(), Qt::LeftButton);
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie"));
    QVERIFY(replyBody().contains(QStringLiteral("This request had no Cookie line.")));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QVERIFY(buttons->forwardAction()->isEnabled());
    // Alt+Left, wherever the focus is.
    m_window->requestEditor()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->requestEditor()->bytes(), request("/redirect"));
    QCOMPARE(m_window->replyPanel()->record(), redirect);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Left, Qt::AltModifier);
    QCOMPARE(m_window->requestEditor()->bytes(), request("/links"));
    QVERIFY(!buttons->backAction()->isEnabled());

    // Forward again, to the end.
    QTest::mouseClick(buttons->forwardButton(), Qt::LeftButton);
    QCOMPARE(m_window->replyPanel()->record(), redirect);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Right, Qt::AltModifier);
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie", "Cookie: demo=chocolate\r\n"));
    QVERIFY(replyBody().contains(QStringLiteral("This request had the line")));
    QVERIFY(!buttons->forwardAction()->isEnabled());
    QCOMPARE(m_window->historyPanel()->count(), 4);

    // The cookie set by the chain is deleted by the server: the next request goes without it.
    clickPreviewLink(QStringLiteral("Delete the cookie"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/cookie/delete", "Cookie: demo=chocolate\r\n"));
    sendAndWait(5);
    clickPreviewLink(QStringLiteral("Back to the links"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/links"));

    // A send that no click prepared starts a chain of its own.
    openPage("/");
    sendAndWait(6);
    QCOMPARE(chain->size(), 1);
    QVERIFY(!buttons->backAction()->isEnabled());
}

void TestLinkChain::formPreparesItsQuery()
{
    openPage("/links");
    sendAndWait(1);
    clickPreviewLink(QStringLiteral("Prepare this form's request: GET /hello?name=Ada"));
    QCOMPARE(m_window->requestEditor()->bytes(), request("/hello?name=Ada"));
    sendAndWait(2);
    QVERIFY(replyBody().contains(QStringLiteral("Hello, Ada!")));
    QVERIFY(m_window->chainButtons()->backAction()->isEnabled());
}

void TestLinkChain::aClickAfterBackDropsTheStepsAhead()
{
    openPage("/links");
    sendAndWait(1);
    clickPreviewLink(QStringLiteral("The notebooks' page"));
    sendAndWait(2);
    QTest::mouseClick(m_window->chainButtons()->backButton(), Qt::LeftButton);
    QVERIFY(replyBody().contains(QStringLiteral("Links, a redirect and a cookie")));
    clickPreviewLink(QStringLiteral("A chunked page"));
    sendAndWait(3);
    ExchangeChain *chain = m_window->exchangeChain();
    QCOMPARE(chain->size(), 2);
    QCOMPARE(chain->step(1)->request, request("/chunked"));
    QVERIFY(!m_window->chainButtons()->forwardAction()->isEnabled());
    QTest::mouseClick(m_window->chainButtons()->backButton(), Qt::LeftButton);
    QCOMPARE(m_window->requestEditor()->bytes(), request("/links"));
}

void TestLinkChain::repliesTheHistoryMovesOutOfMemoryLeaveTheChainToo()
{
    QTemporaryDir spill;
    HistoryPanel *history = m_window->historyPanel();
    history->setSpillDirectory(spill.path());
    history->setMemoryBudget(0);
    openPage("/links");
    sendAndWait(1);
    clickPreviewLink(QStringLiteral("A chunked page"));
    sendAndWait(2);
    QTRY_COMPARE(history->movesPending(), 0);
    // The chain holds the record the history keeps, whose reply is in a file now.
    QCOMPARE(history->bytesInMemory(), history->record(0)->reply->size());
    QCOMPARE(m_window->exchangeChain()->step(0), history->record(1));
    QTest::mouseClick(m_window->chainButtons()->backButton(), Qt::LeftButton);
    QCOMPARE(m_window->replyPanel()->record(), history->record(1));
    QVERIFY(replyBody().contains(QStringLiteral("Links, a redirect and a cookie")));
}

void TestLinkChain::httpsAndOtherSchemesAreSaidSo()
{
    openPage("/links");
    sendAndWait(1);
    HttpView *http = m_window->replyPanel()->httpView();
    // An https:// link is a TLS target: port 443 with TLS on.
    emit http->linkClicked({QUrl(QStringLiteral("https://example.org/secure?a=1"))});
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("example.org"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->portEdit()->text(), QStringLiteral("443"));
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("GET /secure?a=1 HTTP/1.1\r\nHost: example.org\r\nConnection: close\r\n\r\n"));
    QVERIFY(m_window->connectionPanel()->tlsCheck()->isChecked());
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Request for https://example.org/secure?a=1 prepared: press Send."));

    emit http->linkClicked({QUrl(QStringLiteral("mailto:ada@example.org"))});
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Only http:// and https:// links lead to a request: mailto:ada@example.org"));
    QCOMPARE(m_window->connectionPanel()->targetEdit()->hostEdit()->text(), QStringLiteral("example.org"));
    QCOMPARE(m_window->historyPanel()->count(), 1);
}

QTEST_MAIN(TestLinkChain)
#include "tst_linkchain.moc"

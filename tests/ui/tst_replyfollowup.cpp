#include "connection/connectionpanel.h"
#include "historytesting.h"
#include "exchangecontroller.h"
#include "history/historypanel.h"
#include "mainwindow.h"
#include "navigation/exchangechain.h"
#include "reply/httpview.h"
#include "reply/replypanel.h"
#include "request/requesteditor.h"

#include "servers/listener.h"
#include "servers/localservers.h"
#include "startandwait.h"
#include "text/stoptext.h"
#include "text/translations.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTextDocument>

using namespace SocketLab;
using namespace Qt::StringLiterals;

// What a reply leads to in the window: the cookies it set (kept with their attributes, or refused
// and why), the request its redirect prepares (307/308 repeat a POST), its links under <base href>,
// and, while a reply stalls, what the exchange still waits for. Each against a loopback listener
// that sends a fixed reply and keeps the connection open.
class TestReplyFollowUp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cookiesOfTheReplyAreSaid();
    void cookiesAreSaidInFrench();
    void unsafeCookiesAreRefusedAndSaid();
    void crossSiteClicksLeaveStrictCookiesHome();
    void connectTunnelIsNotABody();
    void refusalsAndTunnelInFrench();
    void redirectAfterPost_data();
    void redirectAfterPost();
    void baseHrefLeadsTheLinks();
    void stalledContentLengthSaysWhatIsAwaited_data();
    void stalledContentLengthSaysWhatIsAwaited();
    void stalledByteCountSaysWhatIsAwaited();
    void switchedProtocolsIsNotABodylessReply();

private:
    // A listener that answers every request with `reply`, then stays silent with the connection open.
    void serve(const QByteArray &reply, bool close = true);
    void send(const QByteArray &request, const StopRule &rule = StopRule{StopRule::Kind::Http, 0});
    void sendAndWait(const QByteArray &request);
    void clickLocation();
    void saveScreenshot(const QString &name);

    LocalServers m_servers;
    std::unique_ptr<Listener> m_listener;
    std::unique_ptr<MainWindow> m_window;
};

void TestReplyFollowUp::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(!startAndWait(m_servers).isError());
}

void TestReplyFollowUp::init()
{
    // English with its plural forms ("989 bytes"), whatever a test before left.
    QVERIFY(Translations::install(u"en"_s));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(&m_servers);
    m_window->resize(1200, 800);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestReplyFollowUp::cleanup()
{
    m_window.reset();
    m_listener.reset();
    QLocale::setDefault(QLocale::c());
}

void TestReplyFollowUp::serve(const QByteArray &reply, bool close)
{
    m_listener = std::make_unique<Listener>();
    Listener::Settings settings;
    settings.mode = Listener::Mode::FixedReply;
    settings.fixedReply = reply;
    settings.closeAfterReply = close;
    QVERIFY(!startAndWait(*m_listener, settings).isError());
    m_window->connectionPanel()->setTarget(u"127.0.0.1"_s, QString::number(m_listener->boundAddress().port()));
}

void TestReplyFollowUp::send(const QByteArray &request, const StopRule &rule)
{
    m_window->connectionPanel()->setStopRule(rule);
    m_window->requestEditor()->setBytes(request);
    QTest::keyClick(m_window.get(), Qt::Key_Return, Qt::ControlModifier);
}

void TestReplyFollowUp::sendAndWait(const QByteArray &request)
{
    const int before = m_window->historyPanel()->count();
    send(request);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), before + 1, 10000);
}

// For the README and the review: the window as it is, when SOCKETLAB_SCREENSHOT_DIR names a folder.
void TestReplyFollowUp::saveScreenshot(const QString &name)
{
    if (const QString dir = qEnvironmentVariable("SOCKETLAB_SCREENSHOT_DIR"); !dir.isEmpty())
        QVERIFY(m_window->grab().save(QDir(dir).filePath(name)));
}

// As a person does: a click on the Location value in the headers table.
void TestReplyFollowUp::clickLocation()
{
    HttpView *http = m_window->replyPanel()->httpView();
    m_window->replyPanel()->tabs()->setCurrentWidget(http);
    auto *headers = http->findChild<QTableWidget *>(u"headers"_s);
    for (int row = 0; row < headers->rowCount(); ++row) {
        if (headers->item(row, 0)->text() == QLatin1StringView("Location")) {
            QTest::mouseClick(headers->viewport(), Qt::LeftButton, {}, headers->visualItemRect(headers->item(row, 1)).center());
            return;
        }
    }
    QFAIL("no Location header");
}

void TestReplyFollowUp::cookiesOfTheReplyAreSaid()
{
    serve("HTTP/1.1 302 Found\r\nLocation: /next\r\nSet-Cookie: session=abc; Path=/; HttpOnly; SameSite=Lax\r\n"
          "Set-Cookie: everyone=1; Domain=com\r\nSet-Cookie: __Host-id=2; Path=/\r\nContent-Length: 0\r\n\r\n");
    QLabel *cookies = m_window->replyPanel()->cookiesLabel();
    QVERIFY(cookies->isHidden());
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    QVERIFY(cookies->isVisible());
    QCOMPARE(cookies->text(),
             u"Cookies set by this reply:\n"
             "session: kept for www.example.com only, path /, HttpOnly, SameSite=Lax, until the chain of clicks ends.\n"
             "everyone: refused: its Domain is a public suffix, shared by many sites: a cookie there would reach all of them.\n"
             "__Host-id: refused: a name starting with __Host- needs Secure, an https:// page, Path=/ and no Domain."_s);
    saveScreenshot(u"cookies-set-cookie-en.png"_s);

    // The next click carries the kept one only.
    clickLocation();
    QCOMPARE(m_window->requestEditor()->bytes(), QByteArray("GET /next HTTP/1.1\r\nHost: www.example.com\r\nCookie: session=abc\r\n\r\n"));

    // A reply that sets no cookie says nothing about cookies.
    serve("HTTP/1.1 204 No Content\r\n\r\n");
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    QVERIFY(cookies->isHidden());
}

void TestReplyFollowUp::cookiesAreSaidInFrench()
{
    QVERIFY(Translations::install(u"fr"_s));
    serve("HTTP/1.1 200 OK\r\nSet-Cookie: session=abc; Path=/; HttpOnly; SameSite=Lax\r\n"
          "Set-Cookie: everyone=1; Domain=com\r\nSet-Cookie: __Host-id=2; Path=/\r\nContent-Length: 0\r\n\r\n");
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    const QString text = m_window->replyPanel()->cookiesLabel()->text();
    QVERIFY2(text.startsWith(u"Cookies posés par cette réponse\u00a0:\nsession\u00a0: conservé pour www.example.com seulement"_s),
             qPrintable(text));
    QVERIFY2(text.contains(u"everyone\u00a0: refusé\u00a0: son Domain est un suffixe public"_s), qPrintable(text));
    saveScreenshot(u"cookies-set-cookie-fr.png"_s);
}

void TestReplyFollowUp::unsafeCookiesAreRefusedAndSaid()
{
    // Over http: a control character, Secure, and SameSite=None without Secure are refused.
    serve("HTTP/1.1 200 OK\r\nSet-Cookie: ctl=a\x01" "b; Path=/\r\nSet-Cookie: sec=1; Secure; Path=/\r\n"
          "Set-Cookie: none=1; SameSite=None\r\nSet-Cookie: ok=1; Path=/\r\nContent-Length: 0\r\n\r\n");
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    QCOMPARE(m_window->replyPanel()->cookiesLabel()->text(),
             u"Cookies set by this reply:\n"
             "ctl: refused: it holds a control character (a byte below 0x20 other than a tab, or 0x7F).\n"
             "sec: refused: it has the Secure attribute but came from an http:// page, not over TLS.\n"
             "none: refused: SameSite=None needs the Secure attribute.\n"
             "ok: kept for www.example.com only, path /, until the chain of clicks ends."_s);
    saveScreenshot(u"cookies-refused-en.png"_s);
    // A click carries only the cookie that was kept.
    emit m_window->replyPanel()->httpView()->linkClicked({QUrl(u"/next"_s)});
    QVERIFY(m_window->requestEditor()->bytes().contains("\r\nCookie: ok=1\r\n"));
    QVERIFY(!m_window->requestEditor()->bytes().contains("sec=1"));
}

void TestReplyFollowUp::crossSiteClicksLeaveStrictCookiesHome()
{
    serve("HTTP/1.1 200 OK\r\nSet-Cookie: strict=1; SameSite=Strict; Path=/\r\nSet-Cookie: lax=2; SameSite=Lax; Path=/\r\n"
          "Content-Length: 0\r\n\r\n");
    const QString port = QString::number(m_listener->boundAddress().port());
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    HttpView *http = m_window->replyPanel()->httpView();
    // A link of the site's own page carries both.
    emit http->linkClicked({QUrl(u"/same"_s)});
    QVERIFY2(m_window->requestEditor()->bytes().contains("\r\nCookie: strict=1; lax=2\r\n"), m_window->requestEditor()->bytes());
    // A link to another site, whose page is served by the same listener.
    emit http->linkClicked({QUrl(u"http://other.example/"_s)});
    QVERIFY(!m_window->requestEditor()->bytes().contains("Cookie"));
    m_window->connectionPanel()->setTarget(u"127.0.0.1"_s, port);
    sendAndWait(m_window->requestEditor()->bytes());
    QCOMPARE(m_window->exchangeChain()->size(), 2);
    // Back to the first site from the other one: a link carries the Lax cookie only, a form posted
    // there carries none.
    emit http->linkClicked({QUrl(u"http://www.example.com/back"_s)});
    QVERIFY2(m_window->requestEditor()->bytes().contains("\r\nCookie: lax=2\r\n"), m_window->requestEditor()->bytes());
    QVERIFY(!m_window->requestEditor()->bytes().contains("strict=1"));
    LinkClick post;
    post.link = QUrl(u"http://www.example.com/buy"_s);
    post.post = true;
    post.body = "item=1";
    emit http->linkClicked(post);
    QVERIFY(m_window->requestEditor()->bytes().startsWith("POST /buy HTTP/1.1\r\n"));
    QVERIFY2(!m_window->requestEditor()->bytes().contains("Cookie"), m_window->requestEditor()->bytes());
}

void TestReplyFollowUp::redirectAfterPost_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray post = "POST /next HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello";
    const QByteArray get = "GET /next HTTP/1.1\r\nHost: h\r\n\r\n";
    QTest::newRow("307") << QByteArray("307 Temporary Redirect") << post;
    QTest::newRow("308") << QByteArray("308 Permanent Redirect") << post;
    QTest::newRow("301") << QByteArray("301 Moved Permanently") << get;
    QTest::newRow("302") << QByteArray("302 Found") << get;
    QTest::newRow("303") << QByteArray("303 See Other") << get;
}

void TestReplyFollowUp::redirectAfterPost()
{
    QFETCH(QByteArray, status);
    serve("HTTP/1.1 " + status + "\r\nLocation: /next\r\nContent-Length: 0\r\n\r\n");
    sendAndWait("POST /form HTTP/1.1\r\nHost: h\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello");
    clickLocation();
    QTEST(m_window->requestEditor()->bytes(), "expected");
}

void TestReplyFollowUp::baseHrefLeadsTheLinks()
{
    const QByteArray page = "<html><head><base href=\"/static/v2/\"></head><body><p><a href=\"a.html\">The page</a></p>"
                            "<form action=\"search\"><input name=\"q\" value=\"x\"></form></body></html>";
    serve("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + QByteArray::number(page.size()) + "\r\n\r\n" + page);
    sendAndWait("GET /dir/index.html HTTP/1.1\r\nHost: h\r\n\r\n");
    ReplyPanel *reply = m_window->replyPanel();
    reply->tabs()->setCurrentWidget(reply->httpView());
    auto *bodyTabs = reply->httpView()->findChild<QTabWidget *>(u"bodyTabs"_s);
    bodyTabs->setCurrentIndex(1);
    auto *preview = reply->httpView()->findChild<QTextBrowser *>(u"htmlPreview"_s);
    QVERIFY(preview->isVisible());
    for (const auto &[words, expected] : {std::pair{u"The page"_s, QByteArray("GET /static/v2/a.html HTTP/1.1\r\nHost: h\r\n\r\n")},
                                          std::pair{u"Prepare this form"_s, QByteArray("GET /static/v2/search?q=x HTTP/1.1\r\nHost: h\r\n\r\n")}}) {
        QTextCursor found = preview->document()->find(words);
        QVERIFY2(!found.isNull(), qPrintable(words));
        QTextCursor middle(preview->document());
        middle.setPosition((found.selectionStart() + found.selectionEnd()) / 2);
        preview->setTextCursor(middle);
        preview->ensureCursorVisible();
        QTest::mouseClick(preview->viewport(), Qt::LeftButton, {}, preview->cursorRect(middle).center());
        QCOMPARE(m_window->requestEditor()->bytes(), expected);
    }
}

void TestReplyFollowUp::stalledContentLengthSaysWhatIsAwaited_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("sentence");
    QTest::newRow("English") << u"en"_s
                             << u"Waiting for the last %1 of the %2 the Content-Length announced: nothing received for %3 s."_s;
    QTest::newRow("French") << u"fr"_s
                            << u"Il manque encore %1 des %2 annoncés par Content-Length\u00a0: rien reçu depuis %3\u00a0s."_s;
}

void TestReplyFollowUp::stalledContentLengthSaysWhatIsAwaited()
{
    QFETCH(QString, language);
    QFETCH(QString, sentence);
    QVERIFY(Translations::install(language));
    QLocale::setDefault(QLocale(language == QLatin1StringView("fr") ? u"fr_FR"_s : u"en_US"_s));
    auto *controller = m_window->findChild<ExchangeController *>();
    controller->setSilenceThresholdMs(300);
    // 800 of the 2,000 bytes announced, then silence with the connection open.
    const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2000\r\n\r\n";
    serve(head + QByteArray(800, 'x'), false);
    ReplyPanel *reply = m_window->replyPanel();
    send("GET / HTTP/1.1\r\nHost: h\r\n\r\n");
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QCOMPARE(reply->waitHintLabel()->text(), sentence.arg(byteCount(1200), byteCount(2000), QLocale().toString(0.3, 'f', 1)));
    QVERIFY(reply->stopNowButton()->isVisible());
    // It already stops at the framing: there is nothing to switch to.
    QVERIFY(reply->useHttpFramingButton()->isHidden());
    saveScreenshot(u"cookies-stalled-%1.png"_s.arg(language));
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
    QCOMPARE(reply->record()->result.stop.reason, StopReason::Stopped);
    QCOMPARE(reply->record()->reply->size(), head.size() + 800);
    QVERIFY(reply->waitHint()->isHidden());
}

void TestReplyFollowUp::stalledByteCountSaysWhatIsAwaited()
{
    auto *controller = m_window->findChild<ExchangeController *>();
    controller->setSilenceThresholdMs(300);
    serve("220 ready\r\n", false);
    ReplyPanel *reply = m_window->replyPanel();
    m_window->requestEditor()->setHttpMode(false);
    send("HELO\r\n", StopRule{StopRule::Kind::Bytes, 1000});
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QCOMPARE(reply->waitHintLabel()->text(),
             u"Waiting for the last 989 bytes of the 1,000 bytes the stop rule asks for: nothing received for 0.3 s."_s);
    QVERIFY(reply->useHttpFramingButton()->isHidden());
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);

    // An HTTP reply complete by its framing while the count reads on: the framing is offered.
    const QByteArray complete = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok";
    serve(complete, false);
    send("GET / HTTP/1.1\r\nHost: h\r\n\r\n", StopRule{StopRule::Kind::Bytes, 1000});
    QTRY_VERIFY2_WITH_TIMEOUT(reply->useHttpFramingButton()->isVisible(), qPrintable(reply->waitHintLabel()->text() + u" / "_s + reply->stopLabel()->text()), 5000);
    const QString expected = u"The HTTP reply is complete (Content-Length 2 reached) but the stop rule waits for %1 bytes more, "
                             "which the server may never send."_s.arg(1000 - complete.size());
    QVERIFY2(reply->waitHintLabel()->text().startsWith(expected), qPrintable(reply->waitHintLabel()->text()));
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 5000);
}

// Reading until the server closes, a 101 is complete at its head: the hint says the rest is the new
// protocol's, not that the reply "has no body".
void TestReplyFollowUp::switchedProtocolsIsNotABodylessReply()
{
    serve("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n\x81\x05hello", false);
    send("GET /chat HTTP/1.1\r\nHost: h\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
         StopRule{StopRule::Kind::PeerClose, 0});
    ReplyPanel *reply = m_window->replyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QVERIFY2(reply->waitHintLabel()->text().startsWith(
                 u"The HTTP reply is complete (101: what follows its headers belongs to the new protocol) but the server "
                 "keeps the connection open"_s),
             qPrintable(reply->waitHintLabel()->text()));
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
}

void TestReplyFollowUp::connectTunnelIsNotABody()
{
    // A proxy opens the tunnel and the first bytes through it come with the 200's head.
    serve("HTTP/1.1 200 Connection established\r\n\r\nSSH-2.0-lab\r\n", false);
    send("CONNECT example.com:22 HTTP/1.1\r\nHost: example.com:22\r\n\r\n", StopRule{StopRule::Kind::PeerClose, 0});
    ReplyPanel *reply = m_window->replyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QVERIFY2(reply->waitHintLabel()->text().startsWith(
                 u"The HTTP reply is complete (the CONNECT tunnel is open: what follows its headers went through the "
                 "tunnel) but the server keeps the connection open"_s),
             qPrintable(reply->waitHintLabel()->text()));
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 1, 5000);
    HttpView *http = reply->httpView();
    reply->tabs()->setCurrentWidget(http);
    auto *tunnel = http->findChild<QLabel *>(u"upgraded"_s);
    QVERIFY(tunnel->isVisible());
    QVERIFY2(tunnel->text().startsWith(u"the tunnel CONNECT asked for, from byte 39 (13 bytes so far)"_s), qPrintable(tunnel->text()));
    saveScreenshot(u"connect-tunnel-en.png"_s);
}

void TestReplyFollowUp::refusalsAndTunnelInFrench()
{
    QVERIFY(Translations::install(u"fr"_s));
    serve("HTTP/1.1 200 OK\r\nSet-Cookie: ctl=a\x01" "b; Path=/\r\nSet-Cookie: sec=1; Secure; Path=/\r\n"
          "Set-Cookie: none=1; SameSite=None\r\nContent-Length: 0\r\n\r\n");
    sendAndWait("GET / HTTP/1.1\r\nHost: www.example.com\r\n\r\n");
    const QString text = m_window->replyPanel()->cookiesLabel()->text();
    QVERIFY2(text.contains(u"ctl\u00a0: refusé\u00a0: il contient un caractère de contrôle"_s), qPrintable(text));
    QVERIFY2(text.contains(u"sec\u00a0: refusé\u00a0: il porte l'attribut Secure"_s), qPrintable(text));
    QVERIFY2(text.contains(u"none\u00a0: refusé\u00a0: SameSite=None exige l'attribut Secure"_s), qPrintable(text));
    saveScreenshot(u"cookies-refused-fr.png"_s);

    serve("HTTP/1.1 200 Connection established\r\n\r\nSSH-2.0-lab\r\n", false);
    send("CONNECT example.com:22 HTTP/1.1\r\nHost: example.com:22\r\n\r\n", StopRule{StopRule::Kind::PeerClose, 0});
    ReplyPanel *reply = m_window->replyPanel();
    QTRY_VERIFY_WITH_TIMEOUT(reply->waitHint()->isVisible(), 5000);
    QVERIFY2(reply->waitHintLabel()->text().contains(u"le tunnel CONNECT est ouvert\u00a0:"_s),
             qPrintable(reply->waitHintLabel()->text()));
    QTest::mouseClick(reply->stopNowButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->historyPanel()->count(), 2, 5000);
    reply->tabs()->setCurrentWidget(reply->httpView());
    QVERIFY(reply->httpView()->findChild<QLabel *>(u"upgraded"_s)->text().startsWith(u"le tunnel demandé par CONNECT"_s));
    saveScreenshot(u"connect-tunnel-fr.png"_s);
}

QTEST_MAIN(TestReplyFollowUp)
#include "tst_replyfollowup.moc"

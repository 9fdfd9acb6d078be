#include "connection/connectionpanel.h"
#include "connection/tlsoptionsedit.h"
#include "historytesting.h"
#include "mainwindow.h"
#include "request/requesteditor.h"
#include "widgets/targetedit.h"

#include "text/curltext.h"

#include <QCheckBox>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

using namespace SocketLab;

// A curl command pasted into the TCP exchange's host field, as a person copies it from a browser.
class TestCurlPaste : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void pastedCommandFillsTheFormAndTheRequest();
    void brokenCommandChangesNothing();
    void menuActionTakesTheClipboard();
    void pastedIntoTheRequestFillsTheForm();

private:
    void paste(const QString &text);
    ConnectionPanel *panel() const { return m_window->connectionPanel(); }

    std::unique_ptr<MainWindow> m_window;
};

void TestCurlPaste::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestCurlPaste::init()
{
    QSettings().clear();
    clearHistoryFolder();
    m_window = std::make_unique<MainWindow>(nullptr);
    // The size of the screenshots: the request has room to lose there, so keeping it is a choice.
    m_window->resize(1440, 960);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestCurlPaste::cleanup()
{
    m_window.reset();
}

void TestCurlPaste::paste(const QString &text)
{
    QLineEdit *host = panel()->targetEdit()->hostEdit();
    host->setFocus();
    host->selectAll();
    QGuiApplication::clipboard()->setText(text);
    QTest::keyClick(host, Qt::Key_V, Qt::ControlModifier);
}

void TestCurlPaste::pastedCommandFillsTheFormAndTheRequest()
{
    QVERIFY(!panel()->curlNotesLabel()->isVisible());
    const int editorHeight = m_window->requestEditor()->height();
    paste(QStringLiteral("curl 'https://127.0.0.1:8443/api/items?page=2#top' \\\n"
                         "  -H 'accept: application/json' \\\n"
                         "  -b 'session=abc' \\\n"
                         "  --data-raw $'{\"name\":\"caf\\u00e9\"}' \\\n"
                         "  --compressed -k -L"));
    QCOMPARE(panel()->targetEdit()->hostEdit()->text(), QStringLiteral("127.0.0.1"));
    QCOMPARE(panel()->targetEdit()->portEdit()->text(), QStringLiteral("8443"));
    QVERIFY(panel()->tlsCheck()->isChecked());
    QCOMPARE(panel()->settings().stopRule.kind, StopRule::Kind::Http);
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("POST /api/items?page=2 HTTP/1.1\r\n"
                        "Host: 127.0.0.1:8443\r\n"
                        "Accept-Encoding: deflate, gzip, br\r\n"
                        "Cookie: session=abc\r\n"
                        "accept: application/json\r\n"
                        "Content-Length: 16\r\n"
                        "Content-Type: application/x-www-form-urlencoded\r\n"
                        "\r\n"
                        "{\"name\":\"caf\xc3\xa9\"}"));
    QVERIFY(m_window->requestEditor()->isHttpMode());

    // Each option that is not in the request is named under the form, until the person hides them.
    QLabel *notes = panel()->curlNotesLabel();
    QVERIFY(notes->isVisible());
    QVERIFY(notes->text().contains(CurlText::notice(CurlNotice{CurlNotice::Kind::Insecure, QStringLiteral("-k"), {}})));
    QVERIFY(notes->text().contains(CurlText::notice(CurlNotice{CurlNotice::Kind::Redirects, QStringLiteral("-L"), {}})));
    QVERIFY(notes->text().contains(CurlText::notice(CurlNotice{CurlNotice::Kind::NoUserAgent, {}, {}})));
    // The notes take their room from the reply, not from the request they are about.
    QTRY_VERIFY(notes->height() > 3 * notes->fontMetrics().height());
    QCOMPARE(m_window->requestEditor()->height(), editorHeight);
    QTest::mouseClick(panel()->curlDismissButton(), Qt::LeftButton);
    QVERIFY(!notes->isVisible());

    // Undo in the editor brings back the request the command replaced.
    m_window->requestEditor()->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(m_window->requestEditor()->bytes().startsWith("GET / HTTP/1.1\r\n"));

    // --cacert and --tlsv1.3 are the form's TLS options; the server name and ALPN come back to the defaults.
    panel()->tlsOptionsEdit()->serverNameEdit()->setText(QStringLiteral("other.test"));
    paste(QStringLiteral("curl --cacert /etc/lab/ca.pem --tlsv1.3 https://lab.test:8443/"));
    const ConnectionSettings settings = panel()->settings();
    QVERIFY(settings.tls);
    QCOMPARE(settings.tlsCaFile, QStringLiteral("/etc/lab/ca.pem"));
    QCOMPARE(settings.tlsMinVersion, TlsVersion::Tls13);
    QCOMPARE(settings.tlsServerName, QString());
    QCOMPARE(settings.tlsAlpn, QList<QByteArray>{QByteArrayLiteral("http/1.1")});
    QVERIFY(panel()->tlsOptionsEdit()->isVisible());
}

void TestCurlPaste::brokenCommandChangesNothing()
{
    const QString port = panel()->targetEdit()->portEdit()->text();
    const bool tls = panel()->tlsCheck()->isChecked();
    const QByteArray request = m_window->requestEditor()->bytes();
    const QString command = QStringLiteral("curl http://example.com/ -H 'X: 1");
    paste(command);
    // The command stays where it was pasted, to be mended; nothing else moved.
    QCOMPARE(panel()->targetEdit()->hostEdit()->text(), command);
    QCOMPARE(panel()->targetEdit()->portEdit()->text(), port);
    QCOMPARE(panel()->tlsCheck()->isChecked(), tls);
    QCOMPARE(m_window->requestEditor()->bytes(), request);
    QLabel *notes = panel()->curlNotesLabel();
    QVERIFY(notes->isVisible());
    QVERIFY2(notes->text().contains(QStringLiteral("column 29")), qPrintable(notes->text()));

    // Mended in place: Return imports it.
    QLineEdit *host = panel()->targetEdit()->hostEdit();
    host->end(false);
    QTest::keyClicks(host, QStringLiteral("'"));
    QTest::keyClick(host, Qt::Key_Return);
    QCOMPARE(host->text(), QStringLiteral("example.com"));
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("GET / HTTP/1.1\r\nHost: example.com\r\nAccept: */*\r\nX: 1\r\n\r\n"));
    QVERIFY(!notes->text().contains(QStringLiteral("column")));
}

void TestCurlPaste::menuActionTakesTheClipboard()
{
    QGuiApplication::clipboard()->setText(QStringLiteral("curl -A probe http://localhost:8080/x"));
    m_window->pasteCurlAction()->trigger();
    QCOMPARE(panel()->targetEdit()->hostEdit()->text(), QStringLiteral("localhost"));
    QCOMPARE(panel()->targetEdit()->portEdit()->text(), QStringLiteral("8080"));
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("GET /x HTTP/1.1\r\nHost: localhost:8080\r\nUser-Agent: probe\r\nAccept: */*\r\n\r\n"));

    // Something else in the clipboard: said, and the form keeps what it has.
    QGuiApplication::clipboard()->setText(QStringLiteral("www.perdu.com"));
    m_window->pasteCurlAction()->trigger();
    QCOMPARE(panel()->targetEdit()->hostEdit()->text(), QStringLiteral("localhost"));
    QVERIFY(panel()->curlNotesLabel()->text().contains(QStringLiteral("not a curl command")));
}

void TestCurlPaste::pastedIntoTheRequestFillsTheForm()
{
    // Where a person pastes a request, a curl command is one too: the form and the request follow,
    // and the command's text is not written into the request.
    QPlainTextEdit *text = m_window->requestEditor()->findChild<QPlainTextEdit *>(QStringLiteral("requestText"));
    QVERIFY(text);
    text->setFocus();
    text->selectAll();
    QGuiApplication::clipboard()->setText(QStringLiteral("curl -H 'X-Probe: 1' http://localhost:8081/y"));
    QTest::keyClick(text, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(panel()->targetEdit()->hostEdit()->text(), QStringLiteral("localhost"));
    QCOMPARE(panel()->targetEdit()->portEdit()->text(), QStringLiteral("8081"));
    QCOMPARE(m_window->requestEditor()->bytes(),
             QByteArray("GET /y HTTP/1.1\r\nHost: localhost:8081\r\nAccept: */*\r\nX-Probe: 1\r\n\r\n"));

    // Any other text is pasted as it is.
    text->selectAll();
    QGuiApplication::clipboard()->setText(QStringLiteral("hello"));
    QTest::keyClick(text, Qt::Key_V, Qt::ControlModifier);
    QCOMPARE(m_window->requestEditor()->bytes(), QByteArray("hello"));
}

QTEST_MAIN(TestCurlPaste)
#include "tst_curlpaste.moc"
